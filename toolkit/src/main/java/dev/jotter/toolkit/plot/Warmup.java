package dev.jotter.toolkit.plot;

import dev.jotter.toolkit.train.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Pays the one-off cost of the first chart in the background. Java's first chart in a fresh JVM
 * takes a second or two (AWT and font set-up, reading fontconfig, loading XChart and the
 * rasteriser, the JIT); a kernel calls {@link #start()} as it starts, so that by the time a
 * student runs a plotting cell the chart appears as fast as every later one.
 *
 * <pre>{@code
 * jshell> Warmup.start();   // returns at once; idempotent
 * }</pre>
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean yielded;
    private static volatile Thread worker;
    private static final CountDownLatch DONE = new CountDownLatch(1);
    /** Charts the warm-up drew: one that failed at its first chart saved nothing. */
    private static volatile int drawn;

    /** Enough repetitions for the JIT to compile the hot drawing and encoding paths. */
    private static final int ROUNDS = 4;

    private Warmup() {}

    /**
     * Starts warming up on a low-priority daemon thread, once per JVM; later calls do nothing.
     * Failures are swallowed: warming up only saves time and must never break a kernel.
     */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(Warmup::run, "jotter-plot-warmup");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            worker = thread;
            thread.start();
        }
    }

    /** @return whether {@link #start()} was called and the warm-up has finished */
    public static boolean isDone() {
        return DONE.getCount() == 0;
    }

    /**
     * Waits for a started warm-up to finish, e.g. in a benchmark.
     *
     * @param timeout the longest to wait
     * @return whether it finished in time (false also when it was never started)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static boolean await(Duration timeout) throws InterruptedException {
        return STARTED.get() && DONE.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Called by {@link Charts} before drawing a real chart: the warm-up stops at its next step so
     * that it does not compete with the user's chart for the CPU.
     */
    static void yieldToUser() {
        if (worker != null && Thread.currentThread() != worker) {
            yielded = true;
        }
    }

    /** @return how many charts the warm-up started by {@link #start()} drew as PNGs */
    static int chartsDrawn() {
        return drawn;
    }

    private static void run() {
        try {
            drawn = drawCharts(() -> yielded);
        } catch (Throwable ignored) {
            // Nothing to report: the real chart will simply pay the start-up cost itself.
        } finally {
            DONE.countDown();
        }
    }

    /**
     * Draws one chart of each kind the toolkit makes, the line chart several times, each to a PNG.
     *
     * @param stop checked before every chart; once true, the rest are skipped
     * @return the number of charts drawn
     */
    static int drawCharts(BooleanSupplier stop) {
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 6.0);
        }
        History history = History.of(Map.of("loss", List.of(0.9, 0.5, 0.4), "val_loss", List.of(1.0, 0.6, 0.5)));
        List<Supplier<byte[]>> charts = new ArrayList<>();
        // The line chart first: it is the most likely first plot, so make it ready soonest.
        for (int round = 0; round < ROUNDS; round++) {
            charts.add(() -> Charts.toPng(Plots.line(x, y)));
        }
        // One of each other kind loads its XChart classes and code paths.
        charts.add(() -> Charts.toPng(Plots.scatter(x, y, true)));
        charts.add(() -> Charts.toPng(Plots.histogram(y)));
        charts.add(() -> Charts.toPng(Plots.bar(List.of("a", "b"), new double[] {1, 2})));
        charts.add(() -> Charts.toPng(Plots.history(history)));
        charts.add(() -> Charts.toPng(Plots.confusionMatrix(new int[][] {{5, 1}, {2, 7}}, List.of())));
        charts.add(() -> Charts.toPng(Plots.images(new float[][] {new float[60]}, 10, 6, List.of("0"))));
        int count = 0;
        for (Supplier<byte[]> chart : charts) {
            if (stop.getAsBoolean()) {
                break;
            }
            // The encoder's work is part of what is warmed: a kernel sends charts base64-encoded.
            Base64.getEncoder().encodeToString(chart.get());
            count++;
        }
        return count;
    }
}
