package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code %timeit} and {@code %%timeit}: runs a statement many times and reports the mean and
 * standard deviation per loop, choosing the loop count automatically like IPython.
 */
public final class TimeitMagic extends AbstractMagic implements LineMagic, CellMagic {
    private static final double TARGET_NANOS = 0.2e9;

    /** Creates the magic; found by ServiceLoader. */
    public TimeitMagic() {
        super("timeit", "Time a statement over many loops (mean ± std. dev.)", """
                %timeit [-n LOOPS] [-r REPEATS] [-o] STATEMENT
                %%timeit [-n LOOPS] [-r REPEATS] [-o] [SETUP STATEMENT]
                CELL BODY

                Compiles the statement (or the cell body) once as a lambda and calls it LOOPS
                times per run, for REPEATS runs (default 7). Without -n, LOOPS is the first of
                1, 2, 5, 10, 20, 50, ... whose run takes at least 0.2 s. Prints
                "mean ± std. dev. per loop (mean ± std. dev. of R runs, N loops each)".
                In the cell form, a setup statement on the first line runs once, untimed.

                Options:
                  -n LOOPS    loops per run
                  -r REPEATS  number of runs (default 7)
                  -o          return the result (a TimeitResult) as the cell's value

                Example:
                  %timeit -r 5 list.contains(42)
                """);
    }

    /**
     * What {@code %timeit -o} returns.
     *
     * @param loops loops per run
     * @param runs seconds per loop of each run
     */
    public record TimeitResult(int loops, List<Double> runs) {
        /** @return mean seconds per loop */
        public double mean() {
            return runs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** @return population standard deviation of seconds per loop across runs, as IPython reports */
        public double stdev() {
            double m = mean();
            return Math.sqrt(runs.stream().mapToDouble(r -> (r - m) * (r - m)).average().orElse(Double.NaN));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %,d loop%s each)",
                    Durations.format(mean() * 1e9), Durations.format(stdev() * 1e9),
                    runs.size(), runs.size() == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
        }
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        Options o = options(args, true);
        return timeit(o.rest, o, context);
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        Options o = options(args, false);
        if (body.isBlank()) {
            throw MagicArgs.usageError(this, "%%timeit needs statements to time in the cell body.");
        }
        if (!o.rest.isBlank()) {
            context.eval(o.rest);
        }
        return timeit(body, o, context);
    }

    private record Options(Integer loops, int repeats, boolean returnResult, String rest) {}

    private Options options(String args, boolean needStatement) throws MagicException {
        // Options come first; everything from the first non-option word on is Java, unparsed.
        String rest = args.strip();
        Integer loops = null;
        int repeats = 7;
        boolean ret = false;
        while (rest.startsWith("-")) {
            String[] head = rest.split("\\s+", 3);
            switch (head[0]) {
                case "-o" -> {
                    ret = true;
                    rest = rest.substring(2).strip();
                }
                case "-n", "-r" -> {
                    if (head.length < 2) {
                        throw MagicArgs.usageError(this, "The option " + head[0] + " needs a number, e.g. " + head[0] + " 10.");
                    }
                    int v = positive(head[0], head[1]);
                    if (head[0].equals("-n")) {
                        loops = v;
                    } else {
                        repeats = v;
                    }
                    rest = head.length > 2 ? head[2] : "";
                }
                default -> {
                    // "-x" that is no option is the start of the Java statement, e.g. %timeit -a.b().
                    return finish(loops, repeats, ret, rest, needStatement);
                }
            }
        }
        return finish(loops, repeats, ret, rest, needStatement);
    }

    private Options finish(Integer loops, int repeats, boolean ret, String rest, boolean needStatement) throws MagicException {
        if (needStatement && rest.isBlank()) {
            throw MagicArgs.usageError(this, "%timeit needs a statement to time, e.g. %timeit Math.sqrt(2).");
        }
        return new Options(loops, repeats, ret, rest);
    }

    private int positive(String flag, String value) throws MagicException {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the usage.
        }
        throw MagicArgs.usageError(this, "The option " + flag + " needs a positive whole number, got: " + value);
    }

    private Object timeit(String code, Options o, MagicContext context) throws Exception {
        Runnable body = compile(code, context);
        int loops = o.loops() == null ? autorange(body) : o.loops();
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < o.repeats(); r++) {
            runs.add(timeLoops(body, loops) / 1e9 / loops);
        }
        TimeitResult result = new TimeitResult(loops, List.copyOf(runs));
        context.out().println(result);
        context.out().flush();
        return o.returnResult() ? result : null;
    }

    /**
     * Turns the statement into a Runnable in the user's session, so the loop measures the code
     * and not JShell's compiler. Falls back to evaluating the source each time when the kernel
     * cannot hand back objects.
     */
    private static Runnable compile(String code, MagicContext context) throws Exception {
        String stmt = code.strip();
        String asStatements = "(java.lang.Runnable) () -> { " + stmt + (stmt.endsWith(";") || stmt.endsWith("}") ? "" : ";") + "\n}";
        String asExpression = "(java.lang.Runnable) () -> { java.lang.Object __jotterTimeit = (" + stripSemicolon(stmt) + "); }";
        Object compiled;
        try {
            compiled = context.eval(asStatements);
        } catch (Exception statementError) {
            try {
                compiled = context.eval(asExpression);
            } catch (Exception expressionError) {
                // Report the user's code as written: evaluating it directly gives the clearest error.
                context.eval(code);
                throw statementError;
            }
        }
        if (compiled instanceof Runnable r) {
            return r;
        }
        return () -> {
            try {
                context.eval(code);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String stripSemicolon(String s) {
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static int autorange(Runnable body) {
        for (long scale = 1; ; scale *= 10) {
            for (int base : new int[] {1, 2, 5}) {
                long n = base * scale;
                if (n > Integer.MAX_VALUE / 10 || timeLoops(body, (int) n) >= TARGET_NANOS) {
                    return (int) n;
                }
            }
        }
    }

    private static long timeLoops(Runnable body, int loops) {
        long t0 = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            body.run();
        }
        return System.nanoTime() - t0;
    }
}
