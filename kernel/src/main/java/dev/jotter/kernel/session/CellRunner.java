package dev.jotter.kernel.session;

import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.jshell.JShellMachinery;
import dev.jotter.kernel.jshell.ValueCapture;
import dev.jotter.magics.MagicLine;
import dev.jotter.magics.Magics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * Runs a cell: its magics and Java snippets in order, each snippet by the quickest of three ways
 * (compiled by the JShell machinery, as a value variable, or by JShell as written), the last
 * expression's value kept for the cell's result.
 */
public final class CellRunner {
    /**
     * A value to show as the cell's result.
     *
     * @param object the value itself
     * @param text JShell's text form of it, or null when a magic returned it
     */
    public record Value(Object object, String text) {}

    private final JShell shell;
    private final JShellMachinery machinery;
    private final MagicHost magics;
    private final ErrorReports errors;
    private final OutputRouter router;
    private final ValueVariables valueVariables;
    private final CellInterrupt interrupt;
    private final DefaultImports defaultImports;
    private final MagicThread magicThread = new MagicThread();

    /** What {@link #evalDirect} returns for a snippet JShell must run: nothing ran. */
    private static final Value NOT_COMPILED = new Value(null, null);

    /**
     * @param shell the session's started JShell
     * @param machinery its machinery
     * @param magics the magics host
     * @param errors words errors and remembers where snippets came from
     * @param router carries printed text
     * @param interrupt whether the open cell was asked to stop
     */
    CellRunner(JShell shell, JShellMachinery machinery, MagicHost magics, ErrorReports errors, OutputRouter router,
            CellInterrupt interrupt) {
        this.shell = shell;
        this.machinery = machinery;
        this.magics = magics;
        this.errors = errors;
        this.router = router;
        this.interrupt = interrupt;
        this.valueVariables = new ValueVariables(shell, machinery, router.log());
        this.defaultImports = new DefaultImports(shell, router.log());
    }

    /**
     * Runs one cell's code.
     *
     * @param code the cell's source
     * @param count the execution count shown as In[count]
     * @return the value to show, or null when there is none
     * @throws CellError when the cell's Java failed, already worded
     * @throws Exception what a magic threw
     */
    public Value run(String code, int count) throws Exception {
        if (!Magics.hasMagics(code)) {
            return evalJava(code, count, 1);
        }
        List<MagicLine.Part> parts = MagicLine.parse(code);
        // Every magic name is checked before anything runs: a typo must not leave the cell half-done.
        magics.registry().check(parts);
        Value last = null;
        for (MagicLine.Part part : parts) {
            // A magic is kernel code, out of JShell's reach: the cell also stops between parts.
            interrupt.check();
            last = switch (part) {
                case MagicLine.Code c -> evalJava(c.source(), count, c.firstLine());
                case MagicLine.LineCall l -> magicValue(l.name(), magicThread.call(() -> magics.runLine(l.name(), l.args()), interrupt));
                case MagicLine.CellCall c -> magicValue(c.name(),
                        magicThread.call(() -> magics.runCell(c.name(), c.args(), c.body()), interrupt));
                case MagicLine.Misplaced m -> throw new IllegalStateException("rejected by check: %%" + m.name());
            };
        }
        interrupt.check();
        return last;
    }

    /**
     * The magics IJava has, by their names here: IJava never shows what they return (it runs a
     * magic as a statement), so neither does Jotter; their values stay usable in code.
     */
    static final Set<String> IJAVA_MAGICS = Set.of("classpath", "maven", "load", "loadFromPOM", "mavenRepo");

    /** What a magic returned, as the value to show: null for nothing, and for IJava's magics. */
    private Value magicValue(String name, Object v) {
        if (v == null || magics.registry().find(name).map(m -> IJAVA_MAGICS.contains(m.name())).orElse(false)) {
            return null;
        }
        return new Value(v, null);
    }

    /**
     * Evaluates code from inside a running cell (IJava's {@code Kernel.eval}): Java and magics
     * as in a cell, the value returned instead of shown.
     *
     * @param code the code
     * @param count the execution count of the cell it runs in
     * @return the last value, or null
     * @throws EvalFailure describing a compile or runtime error
     * @throws Exception what a magic threw
     */
    Object evalNested(String code, int count) throws Exception {
        try {
            Value v = run(code, count);
            return v == null ? null : v.object();
        } catch (CellError e) {
            throw new EvalFailure(e.result());
        }
    }

    /**
     * Evaluates Java for magics ({@code %time}, {@code %load}): like a cell, but the value is
     * returned instead of shown and an error is thrown instead of shown.
     *
     * @param code Java source
     * @param count the execution count of the cell the magic runs in
     * @return the last expression's value, or null
     * @throws EvalFailure describing a compile or runtime error
     */
    public Object evalForMagic(String code, int count) throws EvalFailure {
        try {
            Value v = evalJava(code, count, 1);
            return v == null ? null : v.object();
        } catch (CellError e) {
            throw new EvalFailure(e.result());
        }
    }

    /**
     * Evaluates Java source that may hold several snippets.
     *
     * @return the last snippet's value, or null when it was not an expression
     */
    private Value evalJava(String source, int count, int firstLine) throws CellError {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = source;
        int consumedLines = 0;
        Value last = null;
        List<Undefined> undefined = new ArrayList<>();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            String snippet;
            String rest;
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (info.completeness().isComplete()) {
                snippet = info.source();
                rest = info.remaining();
            } else {
                // Let JShell report what is missing ("reached end of file while parsing").
                snippet = remaining;
                rest = "";
            }
            String consumed = remaining.substring(0, remaining.length() - rest.length());
            int leading = leadingBlankLines(consumed);
            int snippetLine = firstLine + consumedLines + leading;
            last = evalSnippet(snippet.substring(leadingBlankChars(snippet)), count, snippetLine, undefined);
            consumedLines += count(consumed, '\n');
            remaining = rest;
        }
        // Checked once the whole code has run: a class may use one declared further down the cell.
        Undefined first = stillUndefined(undefined, null);
        if (first != null) {
            throw new CellError(errors.notDefined(shell, first.snippet(), first.source(), count, first.line()));
        }
        return last;
    }

    /**
     * A declaration JShell accepted but could not define ({@code RECOVERABLE_NOT_DEFINED}): it
     * waits for names not declared yet.
     */
    private record Undefined(DeclarationSnippet snippet, String source, int line) {}

    /**
     * @param undefined the declarations of the code being run that JShell could not define
     * @param rejected the diagnostics of a snippet rejected since, or null for any declaration
     * @return the first declaration still undefined (and, with {@code rejected}, named by one of
     *     its diagnostics: a later snippet that failed because it used it), or null
     */
    private Undefined stillUndefined(List<Undefined> undefined, List<Diag> rejected) {
        for (Undefined u : undefined) {
            if (shell.status(u.snippet()) != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                continue;
            }
            Pattern named = Pattern.compile("\\b" + Pattern.quote(u.snippet().name()) + "\\b");
            if (rejected == null || rejected.stream().anyMatch(d -> named.matcher(d.getMessage(Locale.ROOT)).find())) {
                return u;
            }
        }
        return null;
    }

    private Value evalSnippet(String snippetSource, int count, int line, List<Undefined> undefined) throws CellError {
        interrupt.check();
        ValueCapture.reset();
        String expression = SnippetKinds.expressionOf(snippetSource);
        List<SnippetEvent> events = null;
        // Asked before: a machinery that gives up on this snippet leaves it to JShell as written.
        boolean compilesExpressions = machinery.compilesExpressions();
        Value direct;
        try {
            direct = evalDirect(expression, snippetSource, count, line);
        } finally {
            ValueCapture.reset();
        }
        if (direct != NOT_COMPILED) {
            return direct;
        }
        // A declaration, or javac rejected it, or the machinery cannot compile it: JShell runs it.
        if (expression != null && !compilesExpressions) {
            events = valueVariables.eval(expression);
        }
        if (events == null) {
            events = shell.eval(snippetSource);
        }
        Value value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            errors.origin(s.id(), count, line);
            if (e.status() == Snippet.Status.REJECTED) {
                if (defaultImports.letNotebookWin(s)) {
                    // Nothing ran: the snippet runs again with the notebook's import winning.
                    return evalSnippet(snippetSource, count, line, undefined);
                }
                // A snippet that failed for want of a class declared above but not defined: the
                // declaration is where the user must act.
                Undefined cause = stillUndefined(undefined, shell.diagnostics(s).toList());
                if (cause != null) {
                    throw new CellError(errors.notDefined(shell, cause.snippet(), cause.source(), count, cause.line()));
                }
                throw new CellError(errors.rejected(shell, s, snippetSource, count, line));
            }
            if (s instanceof DeclarationSnippet ds && e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                undefined.add(new Undefined(ds, snippetSource, line));
            }
            if (s instanceof TypeDeclSnippet type) {
                defaultImports.declared(type);
            }
            interrupt.check();
            if (e.exception() != null) {
                throw new CellError(errors.exception(shell, e.exception()));
            }
            if (s instanceof DeclarationSnippet ds && e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                router.flush();
                System.err.println(ds.kind().toString().toLowerCase(Locale.ROOT) + " " + ds.name()
                        + " is defined but cannot be used until " + String.join(", ", shell.unresolvedDependencies(ds).toList()) + " is declared");
            }
            boolean hasValue = s.kind() == Snippet.Kind.EXPRESSION
                    || (s instanceof VarSnippet v && (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                            || v.name().startsWith(SnippetKinds.VALUE_VAR)));
            if (hasValue && e.value() != null && !isVoid(s) && !SnippetKinds.isDisplayCall(snippetSource)) {
                value = shown(e.value());
            }
        }
        ValueCapture.reset();
        return value;
    }

    /**
     * Runs a snippet through {@link JShellMachinery#runDirect}, where the machinery can.
     *
     * @return the value, or null for a statement or a display call, or NOT_COMPILED when it must
     *     go through JShell, in which case nothing ran
     * @throws CellError when it threw or was interrupted
     */
    private Value evalDirect(String expression, String snippetSource, int count, int line) throws CellError {
        JShellMachinery.Ran ran;
        try {
            // A frame of the wrapper at the line where the snippet begins is at the snippet's first line.
            ran = machinery.runDirect(expression, expression == null && SnippetKinds.isStatement(snippetSource), snippetSource,
                    (className, snippetLine) -> errors.origin(className, count, line - snippetLine + 1));
        } catch (JShellException e) {
            // Code that answers an interrupt by throwing (a training loop, a wait) was interrupted, not broken.
            interrupt.check();
            throw new CellError(errors.exception(shell, e));
        } catch (ExecutionControl.StoppedException e) {
            throw new CellError(ErrorReports.INTERRUPTED);
        } catch (ExecutionControl.ExecutionControlException e) {
            // The engine's own failure, or a user error JShell's words could not be found for.
            throw new CellError(errors.errorResult(e));
        }
        if (ran == null) {
            return NOT_COMPILED;
        }
        interrupt.check();
        if (!ran.hasValue() || SnippetKinds.isDisplayCall(snippetSource)) {
            return null;
        }
        return shown(ran.text());
    }

    /**
     * The value to show for what a snippet evaluated to, as IJava shows it: nothing for
     * {@code null}, a String or char as its text (not as a quoted Java literal), anything else
     * by its renderer or JShell's text form (which spells arrays out, where IJava shows
     * {@code [I@1b6d3586}). Nothing either for the console streams: {@code System.out.printf(...)},
     * {@code format} and {@code append} return the stream itself, and a cell ending in one should
     * show what it printed, not {@code java.io.PrintStream@6a567f7b}.
     *
     * @param text JShell's text form of the value
     */
    private static Value shown(String text) {
        if (!ValueCapture.present()) {
            // The engine did not hand the object over: JShell's text is all there is.
            return text == null || text.equals("null") ? null : new Value(text, text);
        }
        Object object = ValueCapture.take();
        if (object == null || object == System.out || object == System.err) {
            return null;
        }
        return new Value(object, object instanceof String || object instanceof Character ? null : text);
    }

    private static boolean isVoid(Snippet s) {
        return s instanceof VarSnippet v && v.typeName().equals("void");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int leadingBlankLines(String s) {
        int n = 0;
        int lineStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                n++;
                lineStart = i + 1;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return lineStart == 0 ? 0 : n;
    }

    private static int leadingBlankChars(String s) {
        int lineStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return lineStart;
    }
}
