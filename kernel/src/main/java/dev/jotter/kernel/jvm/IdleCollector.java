package dev.jotter.kernel.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives heap back to the system once the kernel has gone quiet: one full collection a second
 * after the last request of a burst, with the heap allowed to shrink to its live size plus a
 * tenth for that collection.
 *
 * <p>Why: a kernel mostly waits for its user, and on a shared host (Binder, a course's
 * JupyterHub) its resident memory is what counts. The serial collector keeps every page of the
 * heap it ever grew to until a full collection finds it free, and it has no periodic collection of
 * its own (G1 has one, but costs more memory than it gives back here). The collection is short
 * for the live objects an idle kernel holds (bench/RESULTS.md), and runs at a moment when nothing
 * is waiting on it; a request that arrives during it waits that long once.
 * The heap-free ratios are manageable flags, so the looser bounds that spare a busy kernel
 * repeated resizing are back in force as soon as it is done.
 */
public final class IdleCollector implements AutoCloseable {
    /** How long the kernel must be quiet before it collects. */
    static final long QUIET_MILLIS = 1000;
    /** Less growth than this since the last collection is not worth a collection. */
    private static final long WORTHWHILE_BYTES = 4L << 20;

    /** Runs a task once after a delay, and lets it be cancelled until it starts. */
    @FunctionalInterface
    interface Scheduler {
        /**
         * @param task what to run
         * @param delayMillis how long to wait first
         * @return the scheduled task, to cancel
         */
        Future<?> schedule(Runnable task, long delayMillis);
    }

    /** The kernel's timer thread, or null where the tests schedule instead. */
    private final ScheduledExecutorService timer;
    private final Scheduler scheduler;
    private final long quietMillis;
    private final Runnable collection;
    private Future<?> pending;
    /** The committed heap after the last collection; a kernel pinged while idle does not collect again. */
    private volatile long committedAfterLast;

    /** Collects after {@link #QUIET_MILLIS} of quiet, on a timer thread of its own. */
    public IdleCollector() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("jotter-idle-gc").unstarted(r));
        this.timer = t;
        this.scheduler = (task, delayMillis) -> t.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        this.quietMillis = QUIET_MILLIS;
        this.collection = this::collect;
    }

    /**
     * For tests: runs {@code collection} when {@code scheduler} runs what it was given, instead of
     * collecting on a timer thread.
     */
    IdleCollector(long quietMillis, Runnable collection, Scheduler scheduler) {
        this.timer = null;
        this.scheduler = scheduler;
        this.quietMillis = quietMillis;
        this.collection = collection;
    }

    /** Called when a request starts: a collection not yet begun waits for the next quiet time. */
    public synchronized void busy() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Called when a request has been answered: collects once the kernel has been quiet long enough. */
    public synchronized void idle() {
        busy();
        pending = scheduler.schedule(collection, quietMillis);
    }

    /** Collects now, if the heap has grown enough since the last time to be worth it. */
    void collect() {
        // Looked up here, on the timer's thread: loading the management classes takes time the
        // kernel's start must not wait for.
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if (memory.getHeapMemoryUsage().getCommitted() < committedAfterLast + WORTHWHILE_BYTES) {
            return;
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            // Min first: the JVM refuses a maximum below the current minimum.
            hotspot.setVMOption("MinHeapFreeRatio", "0");
            hotspot.setVMOption("MaxHeapFreeRatio", "10");
            System.gc();
        } catch (RuntimeException e) {
            // Not a HotSpot JVM, or the flags are not manageable there: a plain collection still helps.
            System.gc();
        } finally {
            try {
                hotspot.setVMOption("MaxHeapFreeRatio", max);
                hotspot.setVMOption("MinHeapFreeRatio", min);
            } catch (RuntimeException e) {
                // Left as they were if they could not be set.
            }
            committedAfterLast = memory.getHeapMemoryUsage().getCommitted();
        }
        trimNativeHeap();
    }

    /**
     * Hands the C heap freed since the JVM's last periodic trim (-XX:TrimNativeHeapInterval) back
     * now: mostly the JIT compilers' scratch arenas, so that the resident memory falls right after
     * a burst of cells; the periodic trim returns what the JIT frees later.
     * The same as {@code jcmd <pid> System.trim_native_heap}.
     */
    private static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[0], new String[0]);
        } catch (javax.management.JMException | RuntimeException e) {
            // Not on this JVM or platform: the periodic trim still runs.
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
