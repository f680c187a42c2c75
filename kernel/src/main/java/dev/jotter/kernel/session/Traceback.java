package dev.jotter.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Formats errors so they read like the user's code: frames of JShell, reflection and this
 * kernel are dropped, snippet frames become "Cell In[3], line 2", and deep recursion is
 * folded into one "[previous frame repeated N more times]" line instead of 1000 lines.
 */
final class Traceback {
    static final String RED = "\u001b[0;31m";
    static final String GREEN = "\u001b[0;32m";
    static final String CYAN = "\u001b[0;36m";
    static final String BOLD = "\u001b[1m";
    static final String RESET = "\u001b[0m";
    private static final int REPEAT_SHOWN = 3;

    /** Where a snippet's line 1 lies in its cell. */
    record Origin(int executionCount, int firstLine) {}

    private Traceback() {}

    /**
     * Formats a compile error with the offending line and a caret under the column.
     *
     * @param origin where the snippet came from
     * @param snippetSource the snippet's source text
     * @param position character offset of the error in the snippet, or -1
     * @param message the compiler's message
     * @return traceback lines
     */
    static List<String> compileError(Origin origin, String snippetSource, long position, String message) {
        List<String> lines = new ArrayList<>();
        int pos = (int) Math.max(0, Math.min(position, snippetSource.length()));
        int lineIndex = 0;
        int lineStart = 0;
        for (int i = 0; i < pos; i++) {
            if (snippetSource.charAt(i) == '\n') {
                lineIndex++;
                lineStart = i + 1;
            }
        }
        int lineEnd = snippetSource.indexOf('\n', lineStart);
        String line = snippetSource.substring(lineStart, lineEnd < 0 ? snippetSource.length() : lineEnd);
        lines.add(GREEN + cellName(origin) + ", line " + (origin.firstLine() + lineIndex) + RESET);
        lines.add("    " + line);
        if (position >= 0) {
            lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + RED + "^" + RESET);
        }
        lines.add(RED + "Compile error" + RESET + ": " + message);
        return lines;
    }

    /**
     * Formats an exception thrown by user code, with its causes.
     *
     * @param className the exception's class name
     * @param message its message, or null
     * @param frames its stack trace
     * @param causeChain further (className, message, frames) triples for each cause, outermost first
     * @param origins snippet id (as in "#12" file names) to where that snippet lies
     * @return traceback lines
     */
    static List<String> exception(String className, String message, StackTraceElement[] frames,
                                  List<Cause> causeChain, Map<String, Origin> origins) {
        List<String> lines = new ArrayList<>();
        lines.add(RED + BOLD + className + RESET + (message == null ? "" : ": " + message));
        appendFrames(lines, frames, origins);
        for (Cause c : causeChain) {
            lines.add(RED + "Caused by: " + c.className() + RESET + (c.message() == null ? "" : ": " + c.message()));
            appendFrames(lines, c.frames(), origins);
        }
        return lines;
    }

    /** One link of an exception's cause chain. */
    record Cause(String className, String message, StackTraceElement[] frames) {}

    private static void appendFrames(List<String> lines, StackTraceElement[] frames, Map<String, Origin> origins) {
        String previous = null;
        int repeats = 0;
        for (StackTraceElement f : frames) {
            if (internal(f)) {
                continue;
            }
            String text = frame(f, origins);
            if (Objects.equals(text, previous)) {
                repeats++;
                if (repeats < REPEAT_SHOWN) {
                    lines.add(text);
                }
                continue;
            }
            flushRepeats(lines, repeats);
            repeats = 0;
            previous = text;
            lines.add(text);
        }
        flushRepeats(lines, repeats);
    }

    private static void flushRepeats(List<String> lines, int repeats) {
        if (repeats >= REPEAT_SHOWN) {
            lines.add("    [previous frame repeated " + (repeats - REPEAT_SHOWN + 1) + " more times]");
        }
    }

    private static boolean internal(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("dev.jotter.kernel.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("REPL.$Cancel$")
                || (c.equals("java.lang.Thread") && f.getMethodName().equals("run"))
                || c.startsWith("java.lang.Thread");
    }

    private static String frame(StackTraceElement f, Map<String, Origin> origins) {
        String file = f.getFileName();
        if (file != null && file.startsWith("#")) {
            Origin o = origins.get(file.substring(1));
            String m = f.getMethodName();
            String method = m.isEmpty() || m.equals("do_it$") ? "" : ", in " + m + "()";
            if (o != null) {
                return "    " + GREEN + cellName(o) + ", line " + (o.firstLine() + Math.max(1, f.getLineNumber()) - 1) + RESET + method;
            }
            return "    at snippet " + file + ", line " + f.getLineNumber() + method;
        }
        return "    at " + f;
    }

    private static String cellName(Origin o) {
        return o.executionCount() > 0 ? "Cell In[" + o.executionCount() + "]" : "Cell";
    }
}
