package dev.jotter.kernel.session;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs magics on a thread of their own, so that an interrupt ends the cell within a second
 * whatever the magic is doing.
 *
 * <p>Why: a magic is kernel code, out of reach of JShell's stop, and some block for a long time in
 * calls that ignore interrupts ({@code %maven} waiting on Maven Central's sockets). Run on the
 * thread that serves requests, such a magic held the whole kernel until it finished. Here the
 * requesting thread waits in slices of {@link CellInterrupt#RETRY_MILLIS} ms; when the cell is
 * asked to stop, the magic's thread is interrupted (a {@code %%bash} script or a sleep stops at
 * once), given {@link #GRACE_MILLIS} ms to finish, and otherwise abandoned: it runs on in the
 * background, and whatever it tries to change in the session afterwards (class path, working
 * directory, Java to evaluate, displays) is refused by {@link #refuseIfAbandoned}, so a resolution
 * that completes later cannot add jars to a session the user already moved on from.
 *
 * <p>Magics that are not abandoned all run on one long-lived thread, in order, as they ran on one
 * thread before: thread-local state they keep (Smile's random generator, {@code %load}'s depth)
 * behaves as it did.
 */
final class MagicThread {
    /** How long an interrupted magic may take to stop before the cell ends without it. */
    static final long GRACE_MILLIS = 100;

    private Worker worker;

    /**
     * Runs a magic and waits for it, or for the cell's interrupt.
     *
     * @param magic the magic call
     * @param interrupt the open cell's interrupt state
     * @return what the magic returned
     * @throws CellError the interrupted cell's error, when the cell was asked to stop
     * @throws Exception what the magic threw
     */
    Object call(Callable<Object> magic, CellInterrupt interrupt) throws Exception {
        if (Thread.currentThread() instanceof Worker) {
            // A magic that runs a magic (a notebook loaded with %load): already interruptible.
            return magic.call();
        }
        Worker w;
        synchronized (this) {
            if (worker == null || worker.abandoned || !worker.isAlive()) {
                worker = new Worker();
                worker.start();
            }
            w = worker;
        }
        FutureTask<Object> task = new FutureTask<>(magic);
        w.tasks.put(task);
        while (true) {
            try {
                return task.get(CellInterrupt.RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                try {
                    interrupt.check();
                } catch (CellError stop) {
                    w.abandon();
                    try {
                        task.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException ignored) {
                        // Still running, or it failed because it was stopped: the cell ends either way.
                    }
                    throw stop;
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /**
     * Refuses a change to the session asked by a magic whose cell was interrupted and that ran on
     * regardless.
     *
     * @param what the change, for the kernel log and the magic's own error
     * @throws IllegalStateException when the calling magic was abandoned
     */
    static void refuseIfAbandoned(String what) {
        if (Thread.currentThread() instanceof Worker w && w.abandoned) {
            throw new IllegalStateException("Refused to " + what + ": the cell that ran this magic was interrupted."
                    + " Run the magic again if you still want it.");
        }
    }

    /** The magics' thread; it ends once abandoned and its current magic returns. */
    private static final class Worker extends Thread {
        private final SynchronousQueue<FutureTask<Object>> tasks = new SynchronousQueue<>();
        private volatile boolean abandoned;

        Worker() {
            super("jotter-magic");
            setDaemon(true);
        }

        void abandon() {
            abandoned = true;
            interrupt();
        }

        @Override
        public void run() {
            while (!abandoned) {
                FutureTask<Object> task;
                try {
                    task = tasks.take();
                } catch (InterruptedException e) {
                    continue;
                }
                task.run();
                if (!abandoned) {
                    // An interrupt a magic left behind must not reach the next magic.
                    Thread.interrupted();
                }
            }
        }
    }
}
