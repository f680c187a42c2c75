package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.Magics;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/** {@code %time statement} and {@code %%time}: runs once and prints wall-clock and CPU time. */
public final class TimeMagic extends AbstractMagic implements LineMagic, CellMagic {

    /** Creates the magic; found by ServiceLoader. */
    public TimeMagic() {
        super("time", "Time one run of a statement or cell (wall and CPU)", """
                %time STATEMENT
                %%time
                CELL BODY

                Runs the Java statement (line form) or the rest of the cell (cell form, which may
                contain line magics) once, then prints the wall-clock time and the CPU time of the
                whole kernel process (all threads, like IPython). The statement's value is the
                cell's result.

                Example:
                  %time fib(30)
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        if (args.isBlank()) {
            throw MagicArgs.usageError(this, "%time needs a statement to time, e.g. %time fib(30).");
        }
        return time(() -> context.eval(args), context);
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%%time takes no arguments on its first line, got: " + args);
        }
        return time(() -> Magics.of(context.magics()).run(body, context), context);
    }

    private static Object time(Callable<Object> action, MagicContext context) throws Exception {
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        Object result = action.call();
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        context.out().println((cpu < 0 ? "CPU time: unavailable" : "CPU time: " + Durations.format(cpu))
                + "\nWall time: " + Durations.format(wall));
        context.out().flush();
        return result;
    }

    /** @return CPU nanoseconds used by the process so far, or a negative number if the JVM cannot tell */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
