import dev.jotter.toolkit.plot.Charts;
import dev.jotter.toolkit.plot.Plots;
import dev.jotter.toolkit.plot.Warmup;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

/**
 * Times what a notebook does for a chart cell: build a line chart of 100 points, draw it, encode
 * PNG, base64 it. Modes (one per JVM, so "first" really is the first chart of a fresh JVM):
 *
 *   first-warmup DELAY_MS  Warmup.start() at launch, sleep DELAY_MS (a kernel starting, a student
 *                          typing), then time one chart
 *   first-cold             time one chart with no warm-up
 *   warmup-duration        how long Warmup takes from start() to done, in the background of an idle JVM
 *   warm N SCALE           render N charts at SCALE (1 or 2); the last half are the samples
 *
 * Prints "RESULT name milliseconds"; run.sh collects them.
 */
public class PlotBench {

    static final double[] X = new double[100];
    static final double[] Y = new double[100];

    static {
        Random random = new Random(42);
        for (int i = 0; i < X.length; i++) {
            X[i] = i;
            Y[i] = Math.sin(i / 10.0) + random.nextGaussian() * 0.1;
        }
    }

    static String chart(double scale) {
        return Base64.getEncoder().encodeToString(Charts.toPng(Plots.line(X, Y), scale));
    }

    static double timeOne(double scale) {
        long start = System.nanoTime();
        String png = chart(scale);
        long took = System.nanoTime() - start;
        if (png.isEmpty()) {
            throw new AssertionError("empty PNG");
        }
        return took / 1e6;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "first-warmup" -> {
                Warmup.start();
                Thread.sleep(Long.parseLong(args[1]));
                boolean done = Warmup.isDone();
                System.out.printf("RESULT first-warmup-%s %.1f (warm-up finished before the chart: %s)%n",
                        args[1], timeOne(2), done);
            }
            case "first-cold" -> System.out.printf("RESULT first-cold %.1f%n", timeOne(2));
            case "warmup-duration" -> {
                long start = System.nanoTime();
                Warmup.start();
                Warmup.await(java.time.Duration.ofMinutes(5));
                System.out.printf("RESULT warmup-duration %.1f%n", (System.nanoTime() - start) / 1e6);
            }
            case "warm" -> {
                int n = Integer.parseInt(args[1]);
                double scale = Double.parseDouble(args[2]);
                double[] times = new double[n];
                for (int i = 0; i < n; i++) {
                    times[i] = timeOne(scale);
                }
                // The first half lets the JIT settle; each later chart is one sample.
                for (double t : Arrays.copyOfRange(times, n / 2, n)) {
                    System.out.printf("RESULT warm-%sx %.2f%n", args[2].replace(".0", ""), t);
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0] + "; use first-warmup, first-cold or warm");
        }
    }
}
