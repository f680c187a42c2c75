package dev.jotter.kernel.jvm;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Keeps {@code java.util.logging}'s console output in the kernel's log, as IJava's kernel has it.
 *
 * <p>Why: the JDK's {@link ConsoleHandler} writes to whatever {@code System.err} was when it was
 * made, which happens the first time anything logs. In a kernel that is the cell's stderr, so
 * every INFO line a library logs through java.util.logging (DJL's engines, JShell's own
 * internals, HTTP clients) would land in the notebook as red text. IJava makes that handler before
 * any cell runs, with the process's stderr, so those lines go to the terminal that started
 * Jupyter; Jotter does the same on purpose. A notebook that wants the lines adds a handler of its
 * own ({@code Logger.getLogger("").addHandler(new ConsoleHandler())} made in a cell writes to the
 * cell).
 */
public final class JavaLogging {
    private JavaLogging() {}

    /**
     * Replaces each {@link ConsoleHandler} of the root logger (making the default one if
     * java.util.logging has not started yet) by a handler with the same level, filter, formatter
     * and encoding that writes to {@code log}.
     *
     * @param log the kernel's log: the stderr the process started with
     */
    public static void toKernelLog(PrintStream log) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler console) {
                root.removeHandler(console);
                root.addHandler(new KernelLogHandler(log, console));
            }
        }
    }

    /** A console handler on a stream fixed when it is made: flushed after each record, never closed. */
    private static final class KernelLogHandler extends StreamHandler {
        KernelLogHandler(PrintStream log, ConsoleHandler like) {
            super(log, like.getFormatter());
            setLevel(like.getLevel());
            setFilter(like.getFilter());
            try {
                setEncoding(like.getEncoding());
            } catch (UnsupportedEncodingException e) {
                // The console handler already used this encoding; the default serves if it cannot.
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            // The kernel's stderr outlives any reset of java.util.logging.
            flush();
        }
    }
}
