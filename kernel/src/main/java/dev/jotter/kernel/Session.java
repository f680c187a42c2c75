package dev.jotter.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import dev.jotter.magics.MagicLine;
import dev.jotter.magics.Magics;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * The user's Java session: a JShell running in this JVM, plus the cell-level behaviour a
 * notebook needs on top of it (multi-snippet cells, magics, values rendered as MIME bundles,
 * errors that point at the cell's lines). The wire-protocol kernel and the headless notebook
 * runner both drive a Session; neither talks to JShell directly.
 */
public final class Session implements AutoCloseable {
    private static volatile Session active;

    /** Imports every cell sees, as IJava's plus java.time and the toolkit's front doors. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "tech.tablesaw.api.*", "dev.jotter.toolkit.data.*", "dev.jotter.toolkit.prep.*",
            "dev.jotter.toolkit.train.*", "dev.jotter.toolkit.metrics.*", "dev.jotter.toolkit.plot.*",
            "static dev.jotter.kernel.Display.*");

    /** The class path the kernel started with: compiled against, but kept out of JShell's class index. */
    static final List<Path> KERNEL_CLASS_PATH = java.util.Arrays.stream(
                    System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
            .filter(s -> !s.isEmpty()).map(Path::of).toList();

    private final OutputRouter router;
    private final Renderers renderers;
    private volatile PackageNames packageNames;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Map<String, Traceback.Origin> origins = new ConcurrentHashMap<>();
    private final Map<String, String> environment = new ConcurrentHashMap<>(System.getenv());
    private final List<Path> classpath = new ArrayList<>();
    private final MagicHost magics;
    private volatile JShell jshell;
    private final JShellMachinery machinery;
    private volatile RuntimeException startFailure;
    private volatile boolean interrupted;
    private volatile CellOutput output;
    private volatile int executionCount;
    private volatile Path workingDirectory = Path.of("").toAbsolutePath();
    private volatile BiFunction<String, Boolean, String> stdin;

    /**
     * A session on the JShell machinery the system property {@value JShellMachinery#PROPERTY} chooses.
     *
     * @param router where printed text goes
     * @param renderers the MIME renderer registry
     */
    public Session(OutputRouter router, Renderers renderers) {
        this(router, renderers, JShellMachinery.fromSystemProperty());
    }

    /**
     * @param router where printed text goes
     * @param renderers the MIME renderer registry
     * @param machinery how JShell is built and driven
     */
    Session(OutputRouter router, Renderers renderers, JShellMachinery machinery) {
        this.router = router;
        this.renderers = renderers;
        this.machinery = machinery;
        this.magics = new MagicHost(this);
    }

    /** @return the session user code is running in, or null outside a kernel */
    public static Session active() {
        return active;
    }

    /**
     * Builds JShell and runs the default imports. Slow (about a second), so the kernel calls
     * it on a background thread and answers kernel_info meanwhile.
     */
    public void start() {
        try {
            active = this;
            System.setIn(new StdinStream());
            JShell shell = machinery.build(router.originalOut(), router.log(), KERNEL_CLASS_PATH);
            // JShell keeps one class path for the compiler and the loader; a --class-path compiler
            // option would hide every jar %maven adds later.
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String imp : DEFAULT_IMPORTS) {
                // A front-door package missing from this build must not break every cell.
                shell.eval("import " + imp + ";");
            }
            // Warm the compiler and the execution path so the user's first cell is fast.
            shell.eval("int $warm = 1 + 1;");
            shell.sourceCodeAnalysis().completionSuggestions("Strin", 5, new int[1]);
            shell.sourceCodeAnalysis().analyzeCompletion("int x = 1;");
            machinery.started(shell, router.log());
            jshell = shell;
            // Load magics and renderers now, in the background, rather than in the first cell.
            magics.registry();
            renderers.renderers();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        } finally {
            ready.countDown();
        }
        // After the latch: the first cell need not wait for it; completion offers no package names until it is there.
        packageNames = PackageNames.of(KERNEL_CLASS_PATH);
    }

    /** @return the JShell machinery, once started (waits for {@link #start()}); for tests */
    JShellMachinery machinery() {
        shell();
        return machinery;
    }

    /** @return the started JShell (waits for {@link #start()}); package-private for tests */
    JShell shell() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        }
        if (jshell == null) {
            throw new IllegalStateException("JShell failed to start: " + startFailure, startFailure);
        }
        return jshell;
    }

    /**
     * Provides stdin for the cells that follow: {@code (prompt, password) -> line}, or null
     * when the front end cannot answer input requests (reads then see end of input).
     *
     * @param provider the provider, or null
     */
    public void setStdin(BiFunction<String, Boolean, String> provider) {
        this.stdin = provider;
    }

    /** What {@link #execute} reports. */
    public record Result(boolean ok, String ename, String evalue, List<String> traceback) {
        static final Result OK = new Result(true, null, null, List.of());
    }

    /** Thrown inside execution to end the cell with an already formatted error. */
    private static final class CellError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Result result;

        CellError(Result result) {
            super(result.evalue(), null, false, false);
            this.result = result;
        }
    }

    /**
     * Runs one cell: magics and Java snippets in order, the last expression's value shown as
     * the result. Errors are sent to {@code out} and returned; they never escape.
     *
     * @param code the cell's source
     * @param count the execution count shown as In[count]
     * @param out where the cell's outputs go
     * @return whether the cell succeeded, and its error if not
     */
    public Result execute(String code, int count, CellOutput out) {
        JShell shell = shell();
        interrupted = false;
        executionCount = count;
        output = out;
        router.setTarget(out);
        Result result;
        try {
            Object value = runCell(shell, code, count);
            router.flush();
            if (value != NO_VALUE) {
                Object object = value instanceof RawValue raw ? raw.object() : value;
                String text = value instanceof RawValue raw ? raw.text() : null;
                MimeBundle bundle = render(object, text);
                out.result(count, bundle.data(), bundle.metadata());
            }
            result = Result.OK;
        } catch (CellError e) {
            result = e.result;
        } catch (ExitGuard.ExitAttemptedException e) {
            result = new Result(false, e.getClass().getName(), e.getMessage(), List.of(Traceback.RED + e.getMessage() + Traceback.RESET));
        } catch (Throwable e) {
            // Magics and rendering run in the kernel's thread: report, never die.
            result = fromThrowable(e);
        }
        router.flush();
        if (!result.ok()) {
            out.error(result.ename(), result.evalue(), result.traceback());
        }
        machinery.afterCell(shell);
        return result;
    }

    private static final Object NO_VALUE = new Object();
    /** What {@link #evalDirect} returns for a snippet JShell must run: nothing ran. */
    private static final Object NOT_COMPILED = new Object();
    private static final Result INTERRUPTED = new Result(false, "InterruptedException", "the cell was interrupted",
            List.of(Traceback.RED + "Interrupted" + Traceback.RESET + ": the cell was stopped by an interrupt request"));

    /** A value together with JShell's own text form of it. */
    private record RawValue(Object object, String text) {}

    private Object runCell(JShell shell, String code, int count) throws Exception {
        if (!Magics.hasMagics(code)) {
            return evalJava(shell, code, count, 1);
        }
        List<MagicLine.Part> parts = MagicLine.parse(code);
        // Every magic name is checked before anything runs: a typo must not leave the cell half-done.
        magics.registry().check(parts);
        Object last = NO_VALUE;
        for (MagicLine.Part part : parts) {
            Object v = switch (part) {
                case MagicLine.Code c -> evalJava(shell, c.source(), count, c.firstLine());
                case MagicLine.LineCall l -> magics.runLine(l.name(), l.args());
                case MagicLine.CellCall c -> magics.runCell(c.name(), c.args(), c.body());
                case MagicLine.Misplaced m -> throw new IllegalStateException("rejected by check: %%" + m.name());
            };
            last = v == null ? NO_VALUE : v;
        }
        return last;
    }

    /**
     * Evaluates Java source that may hold several snippets.
     *
     * @return the last snippet's value as a RawValue, or NO_VALUE when it was not an expression
     */
    private Object evalJava(JShell shell, String source, int count, int firstLine) throws CellError {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = source;
        int consumedLines = 0;
        Object last = NO_VALUE;
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
            last = evalSnippet(shell, snippet.substring(leadingBlankChars(snippet)), count, snippetLine);
            consumedLines += count(consumed, '\n');
            remaining = rest;
        }
        return last;
    }

    private Object evalSnippet(JShell shell, String snippetSource, int count, int line) throws CellError {
        ValueCapture.reset();
        String expression = expressionOf(snippetSource);
        List<SnippetEvent> events = null;
        // Asked before: a machinery that gives up on this snippet leaves it to JShell as written.
        boolean compilesExpressions = machinery.compilesExpressions();
        Object direct;
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
            events = evalAsValue(shell, expression);
        }
        if (events == null) {
            events = shell.eval(snippetSource);
        }
        Object value = NO_VALUE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            origins.put(s.id(), new Traceback.Origin(count, line));
            if (e.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
                Diag d = diags.isEmpty() ? null : diags.getFirst();
                String message = d == null ? "the snippet was rejected" : compileMessage(d.getMessage(Locale.ROOT));
                throw new CellError(new Result(false, "CompilationException", message,
                        Traceback.compileError(new Traceback.Origin(count, line), snippetSource,
                                d == null ? -1 : d.getStartPosition(), message)));
            }
            if (interrupted) {
                throw new CellError(INTERRUPTED);
            }
            if (e.exception() != null) {
                throw new CellError(exceptionResult(e.exception()));
            }
            if (s instanceof DeclarationSnippet ds && e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                router.flush();
                System.err.println(ds.kind().toString().toLowerCase(Locale.ROOT) + " " + ds.name()
                        + " is defined but cannot be used until " + String.join(", ", shell.unresolvedDependencies(ds).toList()) + " is declared");
            }
            boolean hasValue = s.kind() == Snippet.Kind.EXPRESSION
                    || (s instanceof VarSnippet v && (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || v.name().startsWith(VALUE_VAR)));
            if (hasValue && e.value() != null && !isVoid(s) && !isDisplayCall(snippetSource)) {
                value = new RawValue(ValueCapture.present() ? ValueCapture.take() : e.value(), e.value());
            }
        }
        ValueCapture.reset();
        return value;
    }

    /** A "location: class" line that names no class: JShell has taken out its wrapper's name. */
    private static final java.util.regex.Pattern EMPTY_LOCATION = java.util.regex.Pattern.compile("\\R\\s*location: class\\s*(?=\\R|$)");

    /**
     * @param message javac's message for a snippet
     * @return the message without the empty location line ("cannot find symbol / symbol: variable
     *     x / location: class" names a class only JShell knows)
     */
    static String compileMessage(String message) {
        return EMPTY_LOCATION.matcher(message).replaceAll("");
    }

    /**
     * The prefix of the variable that holds the last expression's value; hidden from %who like
     * JShell's $N.
     */
    static final String VALUE_VAR = "$jotter$value";

    /** First words of snippets that cannot be expressions: no need to try them as one. */
    private static final java.util.regex.Pattern NOT_AN_EXPRESSION = java.util.regex.Pattern.compile(
            "^(?:[@{;]|(?:import|package|class|interface|enum|record|public|private|protected|static|final|abstract|sealed"
                    + "|non-sealed|var|void|if|for|while|do|try|return|throw|break|continue|synchronized|assert|yield)\\b)");

    /**
     * Snippets that begin like a variable declaration: a type (qualified, generic, array) and a
     * name, then {@code =}, {@code ;} or the end. Two names in a row never begin an expression, so
     * trying them as one would only cost a rejected compilation; were one misread, JShell would
     * still evaluate it as written and show its value.
     */
    private static final java.util.regex.Pattern DECLARATION = java.util.regex.Pattern.compile(
            "^[A-Za-z_$][\\w$.]*(?:\\s*<[\\w$.,\\s?\\[\\]<>]*>)?(?:\\s*\\[\\s*\\])*\\s+[A-Za-z_$][\\w$]*\\s*(?:=(?!=)|;|$)");

    /**
     * Snippets that begin with a call of {@code System.out.println} or its friends: they are that
     * void call or do not compile as an expression at all, so trying them as a value would only
     * cost a rejected compilation.
     */
    static final java.util.regex.Pattern PRINT_CALL = java.util.regex.Pattern.compile(
            "^System\\s*\\.\\s*(?:out|err)\\s*\\.\\s*print(?:ln)?\\s*\\(");

    /** Suffix of the next value variable's name: each attempt gets a name of its own (see below). */
    private int valueGeneration;
    /** The last value variable (dropped as soon as it had run), for spotting a cell run again. */
    private VarSnippet lastValue;

    /**
     * @param snippetSource one snippet
     * @return the snippet without a trailing semicolon when it may be an expression whose value
     *     to show, or null when it cannot be one (a declaration, a statement, a print call)
     */
    static String expressionOf(String snippetSource) {
        String source = snippetSource.strip();
        if (source.isEmpty() || NOT_AN_EXPRESSION.matcher(source).find() || PRINT_CALL.matcher(source).find()
                || DECLARATION.matcher(source).find()) {
            return null;
        }
        return source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    }

    /**
     * Runs a snippet through {@link JShellMachinery#runDirect}, where the machinery can.
     *
     * @return the value (a RawValue, or NO_VALUE for a statement or a display call), or
     *     NOT_COMPILED when it must go through JShell, in which case nothing ran
     * @throws CellError when it threw or was interrupted
     */
    private Object evalDirect(String expression, String snippetSource, int count, int line) throws CellError {
        JShellMachinery.Ran ran;
        try {
            // A frame of the wrapper at the line where the snippet begins is at the snippet's first line.
            ran = machinery.runDirect(expression, snippetSource,
                    (className, snippetLine) -> origins.put(className, new Traceback.Origin(count, line - snippetLine + 1)));
        } catch (JShellException e) {
            throw new CellError(exceptionResult(e));
        } catch (ExecutionControl.StoppedException e) {
            throw new CellError(INTERRUPTED);
        } catch (ExecutionControl.ExecutionControlException e) {
            // The engine's own failure, or a user error JShell's words could not be found for.
            throw new CellError(errorResult(e));
        }
        if (ran == null) {
            return NOT_COMPILED;
        }
        if (interrupted) {
            throw new CellError(INTERRUPTED);
        }
        if (!ran.hasValue() || isDisplayCall(snippetSource)) {
            return NO_VALUE;
        }
        return new RawValue(ValueCapture.present() ? ValueCapture.take() : ran.text(), ran.text());
    }

    /**
     * Evaluates an expression snippet as {@code Object $jotter$valueN = <snippet>;}, where the
     * machinery does not compile expressions itself ({@link JShellMachinery#compilesExpressions}). JShell would
     * give the expression a temporary variable of its own type ($1, $2, ...): that costs one more
     * compilation to find the type, and every later snippet is compiled with an import of every
     * such variable, so each expression cell made all the following ones slower (a bare
     * {@code 1+1} went from 15 to 28 ms over a few hundred cells). One variable of type Object
     * skips the pass that finds the type; the value and JShell's text for it are the same, since
     * both come from the object at run time. The variable is dropped as soon as it has run, so
     * later cells neither import it nor get it recompiled when a name it used is redefined, and
     * its field is cleared so that the object can be collected once shown.
     * Anything else (declarations, statements, void calls) does not compile in that form and is
     * evaluated as written: a rejected snippet never ran, so nothing runs twice.
     *
     * <p>Each attempt gets a new name. Redefining one name with a different expression made
     * JShell compile every expression twice: the new definition inherits the old one's class
     * name, the in-process engine cannot redefine a loaded class, and JShell then renames the
     * class and runs both javac passes again ({@code n + 1} cells took 20-27 ms in process where
     * an identical {@code 1 + 1} took 8). And a rejected attempt stays in JShell's snippet list
     * under its name, where many of them made every later definition of that name slower
     * ({@code 1+1} at 320 ms after 200 {@code System.out.println} cells).
     *
     * @return the events when the wrapped snippet was accepted (it has run), or null when the
     *     snippet must be evaluated as written
     */
    private List<SnippetEvent> evalAsValue(JShell shell, String source) {
        // The newline ends a trailing // comment before the semicolon.
        String wrapped = " = " + source + "\n;";
        // A cell run again unchanged keeps its name: JShell finds the class it already loaded.
        // A dropped variable's name may be defined again: JShell then reuses its class if unchanged.
        boolean again = lastValue != null && lastValue.source().equals("Object " + lastValue.name() + wrapped);
        String name = again ? lastValue.name() : VALUE_VAR + valueGeneration++;
        List<SnippetEvent> events = shell.eval("Object " + name + wrapped);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main != null && main.status() == Snippet.Status.VALID) {
            // The events keep JShell's text of the value and ValueCapture the object itself.
            lastValue = (VarSnippet) main.snippet();
            shell.drop(lastValue);
            release(name);
            return events;
        }
        if (main != null && main.status().isActive()) {
            // Defined but waiting for a missing name: JShell would run it once that name appears.
            shell.drop(main.snippet());
        }
        return null;
    }

    /**
     * Lets a dropped value variable's object be collected once shown: its class stays loaded, and
     * with it the object, so every value a cell ever showed (a 10-million-row table shown once)
     * would stay on the heap for the kernel's life.
     *
     * @param variable the value variable whose snippet has just run, so its class ran last
     */
    private void release(String variable) {
        JotterExecutionControl control = machinery.control();
        String className = control == null ? null : control.lastInvoked();
        if (className == null) {
            return;
        }
        try {
            // The object itself, for rendering: JShell hands over only its text.
            ValueCapture.capture(control.takeField(className, variable));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The value stays reachable, as it does in plain JShell: log it, never fail the cell.
            router.log().println("WARNING: could not release the value of " + variable + " in " + className + ": " + e);
        }
    }

    /**
     * Whether a snippet is one call of the display API, whose display id would otherwise be shown
     * as the cell's Out[n] below the very thing it displayed (IPython shows nothing either).
     * {@code String id = display(x);} and {@code display(x).length()} keep their values.
     */
    static boolean isDisplayCall(String snippetSource) {
        String s = snippetSource.strip();
        if (!s.startsWith("display")) {
            return false;
        }
        int i = "display".length();
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '(') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                // Only a semicolon and a comment may follow: display(x); // why
                return s.substring(i + 1).matches("(?s)\\s*;?\\s*(//.*|/\\*.*\\*/\\s*)?");
            }
        }
        return false;
    }

    private static boolean isVoid(Snippet s) {
        return s instanceof VarSnippet v && v.typeName().equals("void");
    }

    private Result exceptionResult(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException ure) {
            return unresolved(ure.getSnippet());
        }
        return errorResult(ex);
    }

    /** A call reached a declaration that waits for a name not declared yet. */
    private Result unresolved(DeclarationSnippet s) {
        String msg = s.name() + " cannot be used until " + String.join(", ", jshell.unresolvedDependencies(s).toList()) + " is declared";
        return new Result(false, "UnresolvedReferenceException", msg, List.of(Traceback.RED + "UnresolvedReferenceException" + Traceback.RESET + ": " + msg));
    }

    private Result fromThrowable(Throwable e) {
        if (e instanceof dev.jotter.magics.MagicException me) {
            return new Result(false, "MagicException", me.getMessage(), List.of(Traceback.RED + "MagicException" + Traceback.RESET + ": " + me.getMessage()));
        }
        return errorResult(e);
    }

    /**
     * An error result with a trimmed traceback and up to ten causes. JShell hands user
     * exceptions over as {@link EvalException}s, the execution engine as
     * {@link ExecutionControl.UserException}s; both carry the user's class name.
     */
    private Result errorResult(Throwable e) {
        List<Traceback.Cause> causes = new ArrayList<>();
        for (Throwable c = e.getCause(); c != null && causes.size() < 10; c = c.getCause()) {
            causes.add(new Traceback.Cause(className(c), c.getMessage(), wrapperFrames(c.getStackTrace())));
        }
        String name = className(e);
        return new Result(false, name, String.valueOf(e.getMessage()),
                Traceback.exception(name, e.getMessage(), wrapperFrames(e.getStackTrace()), causes, origins));
    }

    private static String className(Throwable t) {
        return switch (t) {
            case EvalException ee -> ee.getExceptionClassName();
            case ExecutionControl.UserException ue -> ue.causeExceptionClass();
            default -> t.getClass().getName();
        };
    }

    /**
     * Names the frames of {@link ExpressionCompiler}'s classes as JShell names its snippets' frames
     * ("#" and the key of their origin), also where JShell passed them on as they were (a lambda
     * made in an expression cell that throws in a later cell).
     */
    private static StackTraceElement[] wrapperFrames(StackTraceElement[] frames) {
        StackTraceElement[] out = frames.clone();
        for (int i = 0; i < out.length; i++) {
            StackTraceElement f = out[i];
            if (ExpressionCompiler.isWrapper(f.getClassName())) {
                out[i] = new StackTraceElement(f.getClassName(), f.getMethodName(),
                        "#" + CompilerHousekeeping.outerClass(f.getClassName()), f.getLineNumber());
            }
        }
        return out;
    }

    /**
     * Evaluates Java for magics ({@code %time}, {@code %load}): like a cell, but the value is
     * returned instead of shown and an error is thrown instead of shown.
     *
     * @param code Java source
     * @return the last expression's value, or null
     * @throws Exception an {@link EvalFailure} describing a compile or runtime error
     */
    Object evalForMagic(String code) throws Exception {
        try {
            Object v = evalJava(shell(), code, executionCount, 1);
            return v instanceof RawValue r ? r.object() : null;
        } catch (CellError e) {
            throw new EvalFailure(e.result);
        }
    }

    /** A compile or runtime error in code a magic evaluated. */
    public static final class EvalFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        EvalFailure(Result result) {
            super(result.ename() + ": " + result.evalue());
            this.result = result;
        }

        /** @return the formatted error */
        public Result result() {
            return result;
        }
    }

    /**
     * Renders a value through the registry.
     *
     * @param value the value
     * @param text JShell's text form, or null
     * @param mimeTypes MIME types asked for
     * @return the bundle
     */
    MimeBundle render(Object value, String text, String... mimeTypes) {
        return renderers.render(value, new LinkedHashSet<>(List.of(mimeTypes)), text);
    }

    /**
     * Shows a value now as display_data in the running (or last) cell.
     *
     * @param value the value
     * @param mimeTypes MIME types to render; none means defaults
     * @return the display id
     */
    public String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        send(value, id, false, mimeTypes);
        return id;
    }

    /**
     * Replaces an earlier display.
     *
     * @param id the display id
     * @param value the new value
     * @param mimeTypes MIME types to render; none means defaults
     */
    public void updateDisplay(String id, Object value, String... mimeTypes) {
        send(value, id, true, mimeTypes);
    }

    private void send(Object value, String id, boolean update, String... mimeTypes) {
        CellOutput out = output;
        if (out == null) {
            return;
        }
        router.flush();
        MimeBundle b = render(value, null, mimeTypes);
        out.display(b.data(), b.metadata(), id, update);
    }

    /**
     * Clears the current cell's output.
     *
     * @param wait wait for new output before clearing
     */
    public void clearOutput(boolean wait) {
        CellOutput out = output;
        if (out != null) {
            router.flush();
            out.clear(wait);
        }
    }

    /** Stops the running cell: busy loops at their next stop check, sleeps and waits at once. */
    public void interrupt() {
        interrupted = true;
        JShell shell = jshell;
        if (shell != null) {
            shell.stop();
        }
    }

    /** Code completion: matches replace the text between start and end (UTF-16 offsets). */
    public record Completion(List<String> matches, int start, int end) {}

    /**
     * Completes the code at the cursor: Java through JShell, magic names after % and %%.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return the completion
     */
    public Completion complete(String code, int cursor) {
        var magic = magics.registry().complete(code, cursor);
        if (magic.isPresent()) {
            return new Completion(magic.get().matches(), magic.get().start(), magic.get().end());
        }
        Span span = javaSpan(code, cursor);
        int[] anchor = new int[1];
        int rel = cursor - span.start();
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell().sourceCodeAnalysis().completionSuggestions(span.text(), rel, anchor);
        Set<String> seen = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> seen.add(s.continuation()));
        suggestions.forEach(s -> seen.add(s.continuation()));
        // Package names, which JShell would have taken from the class index it no longer builds.
        String before = span.text().substring(Math.max(0, rel - 300), rel);
        java.util.regex.Matcher m = DOTTED_NAME_AT_END.matcher(before);
        if (m.find() && packageNames != null) {
            String parent = m.group(1) == null ? "" : m.group(1).replaceAll("\\s+", "");
            String partial = m.group(2);
            boolean sameAnchor = suggestions.isEmpty() || anchor[0] == rel - partial.length();
            if (sameAnchor && (parent.isEmpty() || packageNames.isPackageOrPrefix(parent))) {
                seen.addAll(packageNames.next(parent, partial));
                anchor[0] = rel - partial.length();
            }
        }
        return new Completion(List.copyOf(seen), span.start() + anchor[0], cursor);
    }

    /** A dotted name (a.b.c) ending at the end of the text: group 1 before the last dot, group 2 after it. */
    private static final java.util.regex.Pattern DOTTED_NAME_AT_END = java.util.regex.Pattern.compile(
            "(?<![\\w$.])(?:((?:[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*\\s*\\.\\s*)*"
                    + "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\s*\\.\\s*)?([\\p{javaJavaIdentifierPart}]*)$");

    /**
     * Documentation for the token at or before the cursor: signature and javadoc.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return plain text, or null when nothing is known there
     */
    public String inspect(String code, int cursor) {
        Span span = javaSpan(code, cursor);
        String text = span.text();
        int rel = cursor - span.start();
        // Extend to the end of the identifier under the cursor so "Math.ma|x" and "Math.max|" both work.
        int end = rel;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        SourceCodeAnalysis sca = shell().sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = sca.documentation(text, end, true);
        if (docs.isEmpty()) {
            String call = text.substring(0, end) + "(";
            docs = sca.documentation(call, call.length(), true);
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append("\n\n").append(Javadoc.toText(d.javadoc()));
            }
        }
        if (sb.isEmpty()) {
            int start = end;
            while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
                start--;
            }
            String name = text.substring(start, end);
            for (VarSnippet v : shell().variables().toList()) {
                if (v.name().equals(name)) {
                    return v.typeName() + " " + v.name() + " = " + shell().varValue(v);
                }
            }
            return null;
        }
        return sb.toString();
    }

    /** The Java snippet around a cursor, without magic lines or the cell's earlier snippets. */
    private record Span(String text, int start) {}

    private Span javaSpan(String code, int cursor) {
        // JShell sees plain Java with unchanged offsets.
        String all = MagicLine.blankMagics(code);
        SourceCodeAnalysis sca = shell().sourceCodeAnalysis();
        int start = 0;
        String remaining = all;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                break;
            }
            int next = all.length() - info.remaining().length();
            if (next >= cursor || next <= start) {
                break;
            }
            start = next;
            remaining = info.remaining();
        }
        return new Span(all.substring(start), start);
    }

    /** is_complete's answer. */
    public record CompleteStatus(String status, String indent) {}

    /**
     * Whether the code is a complete cell: "complete", "incomplete" (with the indent for the
     * next line) or "invalid".
     *
     * @param code the code typed so far
     * @return status and indent
     */
    public CompleteStatus isComplete(String code) {
        if (MagicLine.isCellMagic(code)) {
            // As in IPython: a cell magic's body ends with an empty line.
            String[] lines = code.split("\n", -1);
            int first = 0;
            while (lines[first].isBlank()) {
                first++;
            }
            return code.endsWith("\n\n") || (lines.length > first + 1 && lines[lines.length - 1].isBlank() && code.endsWith("\n"))
                    ? new CompleteStatus("complete", "") : new CompleteStatus("incomplete", "");
        }
        String status = magics.registry().isComplete(code, java -> javaCompleteness(java).status());
        return status.equals("incomplete") ? new CompleteStatus(status, javaCompleteness(MagicLine.javaOnly(code)).indent())
                : new CompleteStatus(status, "");
    }

    private CompleteStatus javaCompleteness(String java) {
        String remaining = java;
        SourceCodeAnalysis sca = shell().sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return new CompleteStatus("complete", "");
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new CompleteStatus("incomplete", " ".repeat(4 * Math.max(0, depth(remaining))));
                }
                case UNKNOWN -> {
                    return new CompleteStatus("invalid", "");
                }
            }
        }
        return new CompleteStatus("complete", "");
    }

    private static int depth(String code) {
        int d = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(' || c == '[') {
                d++;
            } else if (c == '}' || c == ')' || c == ']') {
                d--;
            }
        }
        return d;
    }

    /** @return the user's variables with their types and short values, in declaration order */
    public List<dev.jotter.magics.MagicContext.Variable> variables() {
        JShell shell = shell();
        List<dev.jotter.magics.MagicContext.Variable> vars = new ArrayList<>();
        shell.variables().filter(v -> shell.status(v).isActive() && !v.name().startsWith("$")).forEach(v -> {
            String value;
            try {
                value = shell.varValue(v);
            } catch (RuntimeException e) {
                value = "<unavailable>";
            }
            if (value.length() > 80) {
                value = value.substring(0, 77) + "...";
            }
            vars.add(new dev.jotter.magics.MagicContext.Variable(v.name(), v.typeName(), value));
        });
        return vars;
    }

    /**
     * Adds jars or class folders for compiling and running user code.
     *
     * @param paths the paths
     */
    public synchronized void addToClasspath(List<Path> paths) {
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!classpath.contains(abs)) {
                classpath.add(abs);
                shell().addToClasspath(abs.toString());
            }
        }
    }

    /** @return what {@link #addToClasspath} added, in order */
    public synchronized List<Path> classpath() {
        return List.copyOf(classpath);
    }

    /** @return the environment user code and subprocesses see */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the working directory for magics */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** @param dir the new working directory for magics */
    public void setWorkingDirectory(Path dir) {
        this.workingDirectory = dir.toAbsolutePath().normalize();
    }

    /** @return the output of the running (or last) cell, or null */
    CellOutput output() {
        return output;
    }

    /** @return the router that carries printed text */
    OutputRouter router() {
        return router;
    }

    /** @return the magics host */
    MagicHost magics() {
        return magics;
    }

    @Override
    public void close() {
        JShell shell = jshell;
        if (shell != null) {
            shell.close();
        }
        if (active == this) {
            active = null;
        }
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

    /** System.in for user code: each read that needs more asks the front end for a line. */
    private final class StdinStream extends InputStream {
        private byte[] buffer = new byte[0];
        private int pos;

        @Override
        public synchronized int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[pos++] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            if (pos < buffer.length) {
                return true;
            }
            BiFunction<String, Boolean, String> provider = stdin;
            if (provider == null) {
                return false;
            }
            router.flush();
            String line = provider.apply("", false);
            if (line == null) {
                return false;
            }
            buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }
}
