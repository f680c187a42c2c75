package dev.jotter.kernel.jshell;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;

/**
 * The kernel's execution with snippets run on one long-lived thread, and each snippet's value
 * handed to {@link ValueCapture} as well as returned as JShell's string. Drives JShell's private
 * stop-check class ({@code REPL.$Cancel$}), so only {@link TunedJShell} uses it.
 */
final class CellThreadExecutionControl extends JotterExecutionControl {
    /** The class JShell's stop checks read their flag from; made by JShell on its first invocation. */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";
    /** Guards {@link #running} against a stop that comes as a cell ends. */
    private final Object stopLock = new Object();
    /** How many snippets are running: more than one while a cell evaluates code from inside itself. */
    private int running;
    /** {@code REPL.$Cancel$.allStop}, which every stop check reads; null before the first snippet ran. */
    private volatile Field stopFlag;
    /** Threads started by cells belong to this group, as they belonged to JShell's per-cell group. */
    private final ThreadGroup cellThreads = new ThreadGroup("jotter cells");
    private final SynchronousQueue<FutureTask<Object>> cells = new SynchronousQueue<>();
    private volatile Thread cellThread;
    /** When the running cell was first asked to stop ({@link System#nanoTime}), or 0. */
    private volatile long stopAskedAt;
    /**
     * How long a stopped cell may take to end before it is abandoned: past the stop checks and
     * the interrupt, only a call blocked in native code (a read from a process's pipe, which no
     * interrupt reaches) is left, and the promise is that an interrupt ends the cell within 1 s.
     */
    static final long ABANDON_MILLIS = 300;
    /** How often the waiting thread looks whether a stopped cell is overdue. */
    private static final long CHECK_MILLIS = 50;

    /** @param libraries the notebook's layers, which load the snippets */
    CellThreadExecutionControl(Libraries libraries) {
        super(libraries);
    }

    /**
     * Runs a snippet's method on one long-lived thread, where JShell starts a thread (in a new
     * thread group) for every snippet and waits for it to end.
     *
     * <p>Why: starting, scheduling and joining a new thread took more of a cell than loading the
     * cell's class, and much more in the slow tail on a small machine (bench/RESULTS.md). The
     * semantics stay JShell's: a stop sets the flag its stop checks read and interrupts the thread
     * running the cell; an exception comes back wrapped as JShell's invocation wraps it. The
     * thread's interrupt status is cleared between cells, so an interrupt a cell leaves set does not
     * end the next one. JShell's own invocation runs once, first, to make the stop-check class.
     *
     * <p>The value goes to {@link ValueCapture} as well as back as JShell's string: the kernel
     * renders charts, tables and images from the object.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        Field flag = stopFlag;
        if (flag == null) {
            // JShell's own path, once, with a method that does nothing: it makes the stop-check class.
            Method nothing = CellThreadExecutionControl.class.getDeclaredMethod("nothing");
            nothing.setAccessible(true);
            super.invoke(nothing);
            flag = findClass(CANCEL_CLASS).getField("allStop");
            stopFlag = flag;
        }
        if (Thread.currentThread() == cellThread) {
            // Code a cell evaluates from inside itself (IJava's Kernel.eval, a magic run by an
            // inline %magic): the cell thread is busy with the outer cell, so it runs here.
            Object nested = doit.invoke(null);
            ValueCapture.capture(nested);
            return valueString(nested);
        }
        flag.setBoolean(null, false);
        stopAskedAt = 0;
        var cell = new FutureTask<Object>(() -> doit.invoke(null));
        handOver(cell);
        Object value;
        try {
            value = awaitCell(cell);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath
                    || cause instanceof ThreadDeath) {
                throw new StoppedException();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new InternalException("the cell ended with " + cause);
        }
        ValueCapture.capture(value);
        return valueString(value);
    }

    /** What JShell's invocation runs once, so that it makes its stop-check class. */
    @SuppressWarnings("unused") // called reflectively
    private static void nothing() {}

    private void handOver(FutureTask<Object> cell) throws InterruptedException {
        if (cellThread == null || !cellThread.isAlive()) {
            cellThread = new Thread(cellThreads, this::runCells, "jotter-cell");
            cellThread.setDaemon(true);
            cellThread.start();
        }
        cells.put(cell);
    }

    private void runCells() {
        // An abandoned thread whose blocking call returns at last must not take the next cell.
        while (Thread.currentThread() == cellThread) {
            Thread.interrupted();
            try {
                // No local variable: the finished cell, and the value it holds, must not stay
                // reachable from this thread's stack while it waits for the next.
                cells.take().run();
            } catch (InterruptedException e) {
                // An interrupt meant for a cell that has ended: wait on.
            }
        }
    }

    /**
     * Waits for the cell however often the waiting thread is interrupted: the cell decides when it
     * ends, unless it was asked to stop {@link #ABANDON_MILLIS} ms ago and still runs. Then its
     * thread is left to its blocking call, the next cell gets a new thread, and the cell counts as
     * stopped: the kernel answers rather than hang on a read no interrupt reaches.
     */
    private Object awaitCell(FutureTask<Object> cell) throws ExecutionException, StoppedException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return cell.get(CHECK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.TimeoutException e) {
                    long asked = stopAskedAt;
                    if (asked != 0 && System.nanoTime() - asked > ABANDON_MILLIS * 1_000_000L) {
                        Thread stuck = cellThread;
                        cellThread = null;
                        // Shown in the cell (System.err is the cell's stderr here): the user should know
                        // that code may still be running behind the next cells.
                        System.err.println("The cell did not stop within " + ABANDON_MILLIS + " ms of the interrupt: "
                                + (stuck == null ? "it" : "its thread '" + stuck.getName() + "' (" + stuck.getState() + ")")
                                + " is blocked in a call no interrupt reaches, such as a read from a process's pipe."
                                + " It was left behind and the kernel went on; restart the kernel if it holds resources you need.");
                        throw new StoppedException();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        Field flag = stopFlag;
        if (flag == null) {
            super.stop();
            return;
        }
        synchronized (stopLock) {
            if (running == 0) {
                return;
            }
            if (stopAskedAt == 0) {
                stopAskedAt = System.nanoTime();
            }
            try {
                flag.setBoolean(null, true);
            } catch (IllegalAccessException e) {
                throw new InternalException("cannot stop the cell: " + e);
            }
            Thread t = cellThread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    protected void clientCodeEnter() {
        synchronized (stopLock) {
            running++;
        }
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        synchronized (stopLock) {
            running--;
        }
        super.clientCodeLeave();
    }

}
