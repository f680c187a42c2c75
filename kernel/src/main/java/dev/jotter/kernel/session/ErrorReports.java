package dev.jotter.kernel.session;

import dev.jotter.kernel.jshell.JShellMachinery;
import dev.jotter.magics.MagicException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;

/**
 * Words a cell's errors as Jupyter shows them ({@link Traceback}): compile errors with a caret,
 * exceptions with their frames named by cell and line, blocked exits, interrupts. Remembers which
 * cell and line each snippet class came from, so that an error thrown in a later cell still points
 * at the cell that declared the code.
 */
public final class ErrorReports {
    /** A cell stopped by an interrupt request. */
    static final CellResult INTERRUPTED = new CellResult(false, "InterruptedException", "the cell was interrupted",
            List.of(Traceback.RED + "Interrupted" + Traceback.RESET + ": the cell was stopped by an interrupt request"));

    private final Map<String, Traceback.Origin> origins = new ConcurrentHashMap<>();

    /** Creates the reports of one session, which knows no snippet yet. */
    public ErrorReports() {}

    /**
     * Remembers where a snippet class's code was written.
     *
     * @param key JShell's snippet id, or the class name of a class the machinery compiled
     * @param count the cell's execution count
     * @param line the cell line of the class's first line
     */
    void origin(String key, int count, int line) {
        origins.put(key, new Traceback.Origin(count, line));
    }

    /** A "location: class" line that names no class: JShell has taken out its wrapper's name. */
    private static final Pattern EMPTY_LOCATION = Pattern.compile("\\R\\s*location: class\\s*(?=\\R|$)");

    /**
     * @param message javac's message for a snippet
     * @return the message without the empty location line ("cannot find symbol / symbol: variable
     *     x / location: class" names a class only JShell knows)
     */
    public static String compileMessage(String message) {
        return EMPTY_LOCATION.matcher(message).replaceAll("");
    }

    /**
     * @param shell the JShell that rejected the snippet
     * @param snippet the rejected snippet
     * @param snippetSource its source, for the caret
     * @param count the cell's execution count
     * @param line the cell line the snippet begins on
     * @return the compile error, with a caret under its first error
     */
    CellResult rejected(JShell shell, Snippet snippet, String snippetSource, int count, int line) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        Diag d = diags.isEmpty() ? null : diags.getFirst();
        String message = d == null ? "the snippet was rejected" : compileMessage(d.getMessage(Locale.ROOT));
        return new CellResult(false, "CompilationException", message,
                Traceback.compileError(new Traceback.Origin(count, line), snippetSource, d == null ? -1 : d.getStartPosition(), message));
    }

    /**
     * A declaration JShell accepted but could not define ({@code RECOVERABLE_NOT_DEFINED}), as
     * IJava reports it: an error of the cell that declares it, naming what it waits for. JShell
     * completes the declaration by itself once those names are declared, in any later cell.
     *
     * @param shell the session's JShell
     * @param snippet the declaration
     * @param snippetSource its source, for the traceback
     * @param count the cell's execution count
     * @param line the cell line the declaration begins on
     * @return the error
     */
    CellResult notDefined(JShell shell, DeclarationSnippet snippet, String snippetSource, int count, int line) {
        List<String> missing = shell.unresolvedDependencies(snippet).toList();
        String kind = switch (snippet.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case RECORD_SUBKIND -> "record";
            case ANNOTATION_TYPE_SUBKIND -> "@interface";
            case METHOD_SUBKIND -> "method";
            default -> snippet.kind() == Snippet.Kind.VAR ? "variable" : "class";
        };
        String waits = missing.isEmpty() ? "the names it uses are declared"
                : missing.size() == 1 ? missing.getFirst() + " is declared"
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.getLast() + " are declared";
        String message = kind + " " + snippet.name() + " was declared, but cannot be used until " + waits
                + ". Declare " + (missing.size() == 1 ? "it" : "them") + " in this cell or a later one: " + kind + " "
                + snippet.name() + " then works without running this cell again.";
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        long position = diags.isEmpty() ? -1 : diags.getFirst().getStartPosition();
        return new CellResult(false, "CompilationException", message,
                Traceback.compileError(new Traceback.Origin(count, line), snippetSource, position, message));
    }

    /**
     * @param shell the session's JShell
     * @param ex what the user's code threw, as JShell reports it
     * @return the error
     */
    CellResult exception(JShell shell, JShellException ex) {
        if (ex instanceof UnresolvedReferenceException ure) {
            return unresolved(shell, ure.getSnippet());
        }
        return errorResult(ex);
    }

    /** A call reached a declaration that waits for a name not declared yet. */
    private static CellResult unresolved(JShell shell, DeclarationSnippet s) {
        String msg = s.name() + " cannot be used until " + String.join(", ", shell.unresolvedDependencies(s).toList()) + " is declared";
        return new CellResult(false, "UnresolvedReferenceException", msg,
                List.of(Traceback.RED + "UnresolvedReferenceException" + Traceback.RESET + ": " + msg));
    }

    /**
     * @param e an exit the user's code attempted, which the kernel blocked
     * @return the error, without a stack trace: the message says what happened
     */
    public static CellResult blockedExit(RuntimeException e) {
        return new CellResult(false, e.getClass().getName(), e.getMessage(), List.of(Traceback.RED + e.getMessage() + Traceback.RESET));
    }

    /**
     * @param e what a magic or the rendering of a value threw in the kernel's thread
     * @return the error: a magic's own message alone, anything else with its trace
     */
    public CellResult fromThrowable(Throwable e) {
        if (e instanceof MagicException me) {
            return new CellResult(false, "MagicException", me.getMessage(),
                    List.of(Traceback.RED + "MagicException" + Traceback.RESET + ": " + me.getMessage()));
        }
        return errorResult(e);
    }

    /**
     * An error result with a trimmed traceback and up to ten causes. JShell hands user
     * exceptions over as {@link EvalException}s, the execution engine as
     * {@link ExecutionControl.UserException}s; both carry the user's class name.
     */
    CellResult errorResult(Throwable e) {
        List<Traceback.Cause> causes = new ArrayList<>();
        for (Throwable c = e.getCause(); c != null && causes.size() < 10; c = c.getCause()) {
            causes.add(new Traceback.Cause(className(c), c.getMessage(), wrapperFrames(c.getStackTrace())));
        }
        String name = className(e);
        return new CellResult(false, name, String.valueOf(e.getMessage()),
                Traceback.exception(name, e.getMessage(), wrapperFrames(e.getStackTrace()), causes, origins));
    }

    private static String className(Throwable t) {
        return switch (t) {
            case EvalException ee -> ee.getExceptionClassName();
            case ExecutionControl.UserException ue -> ue.causeExceptionClass();
            default -> t.getClass().getName();
        };
    }

    /** Names the frames of the classes the JShell machinery compiled as JShell names its snippets' frames. */
    private static StackTraceElement[] wrapperFrames(StackTraceElement[] frames) {
        StackTraceElement[] out = frames.clone();
        for (int i = 0; i < out.length; i++) {
            StackTraceElement f = out[i];
            String file = JShellMachinery.wrapperFrameFile(f.getClassName());
            if (file != null) {
                out[i] = new StackTraceElement(f.getClassName(), f.getMethodName(), file, f.getLineNumber());
            }
        }
        return out;
    }
}
