package dev.jotter.kernel.session;

import dev.jotter.kernel.display.CellDisplays;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.jshell.JShellMachinery;
import dev.jotter.kernel.jvm.JavaLogging;
import dev.jotter.kernel.jshell.Libraries;
import dev.jotter.api.DisplayHost;
import dev.jotter.api.KernelHost;
import dev.jotter.kernel.ExitGuard;
import dev.jotter.kernel.MimeBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import jdk.jshell.JShell;

/**
 * The user's Java session: a JShell running in this JVM, plus the cell-level behaviour a
 * notebook needs on top of it. The wire-protocol kernel and the headless notebook runner both
 * drive a Session; neither talks to JShell directly. A facade: each job is a class of its own in
 * {@link dev.jotter.kernel.session} (running cells, code assistance, error reports, stdin, the
 * magics' workspace), {@link dev.jotter.kernel.display} (showing values) and
 * {@link dev.jotter.kernel.jshell} (how JShell is built and driven).
 */
public final class Session implements AutoCloseable, DisplayHost, KernelHost {
    private static volatile Session active;

    /** Imports every cell sees, as IJava's plus java.time and the toolkit's front doors. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "tech.tablesaw.api.*", "dev.jotter.toolkit.data.*", "dev.jotter.toolkit.prep.*",
            "dev.jotter.toolkit.train.*", "dev.jotter.toolkit.metrics.*", "dev.jotter.toolkit.plot.*",
            "static dev.jotter.kernel.Display.*");

    /**
     * The static imports of IJava's start-up script that Jotter's own imports do not cover:
     * {@code eval(...)}, {@code getKernelInstance()}, {@code lineMagic(...)}, {@code cellMagic(...)}.
     * IJava's {@code display}, {@code render} and {@code updateDisplay} come from
     * {@code dev.jotter.kernel.Display}, as does {@code printf}; importing IJava's Display class
     * too would make every {@code display(x)} ambiguous.
     */
    static final List<String> IJAVA_IMPORTS = List.of(
            "static io.github.spencerpark.ijava.runtime.Kernel.*", "static io.github.spencerpark.ijava.runtime.Magics.*");

    private final OutputRouter router;
    private final Renderers renderers;
    private final JShellMachinery machinery;
    private final MagicHost magics;
    private final ErrorReports errors = new ErrorReports();
    private final CellDisplays displays;
    private final Stdin stdin;
    private final CodeAssistance assistance;
    private final Workspace workspace;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile JShell jshell;
    private volatile Libraries libraries;
    /** Set by {@link #warmUpChartsOnFirstToolkitUse()}. */
    private volatile boolean warmUpChartsOnFirstUse;
    private volatile CellRunner runner;
    private volatile RuntimeException startFailure;
    private volatile int executionCount;
    private final CellInterrupt interrupt = new CellInterrupt(this::stopRunningCode);

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
    public Session(OutputRouter router, Renderers renderers, JShellMachinery machinery) {
        this.router = router;
        this.renderers = renderers;
        this.machinery = machinery;
        this.magics = new MagicHost(this);
        this.displays = new CellDisplays(router, renderers);
        this.stdin = new Stdin(router::flush);
        this.assistance = new CodeAssistance(this::shell, magics);
        this.workspace = new Workspace(this::shell);
    }

    /** @return the session user code is running in, or null outside a kernel */
    public static Session active() {
        return active;
    }

    /**
     * Builds JShell and runs the default imports. Slow, so the kernel calls it on a background
     * thread and answers kernel_info meanwhile.
     */
    public void start() {
        try {
            active = this;
            DisplayHost.install(this);
            KernelHost.install(this);
            System.setIn(stdin);
            // User code sees the JDK, the user API, the notebook's jars and then the toolkit layer,
            // never the kernel's own libraries (docs/library-isolation.md).
            Libraries libs = openLibraries();
            quietLibraryLogging();
            noTelemetry();
            JShell shell = machinery.build(router.originalOut(), router.log(), libs);
            workspace.useLibraries(libs);
            for (String imp : DEFAULT_IMPORTS) {
                // A front-door package missing from this build must not break every cell.
                shell.eval("import " + imp + ";");
            }
            for (String imp : IJAVA_IMPORTS) {
                shell.eval("import " + imp + ";");
            }
            // Warm the compiler and the execution path so the user's first cell is fast.
            shell.eval("int $warm = 1 + 1;");
            shell.sourceCodeAnalysis().completionSuggestions("Strin", 5, new int[1]);
            shell.sourceCodeAnalysis().analyzeCompletion("int x = 1;");
            machinery.started(shell, router.log());
            runner = new CellRunner(shell, machinery, magics, errors, router, interrupt);
            jshell = shell;
            // Load magics and renderers now, in the background, rather than in the first cell.
            magics.registry();
            renderers.alsoFrom(libs.loader());
            renderers.renderers();
            // After the renderers: loading them takes toolkit classes, and that is not the notebook's use.
            if (warmUpChartsOnFirstUse) {
                libs.onFirstToolkitUse(name -> Thread.ofPlatform().daemon().name("jotter-warmup").start(() -> {
                    router.log().println("[jotter] chart warm-up started by the first use of " + name);
                    warmUpToolkit();
                }));
            }
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        } finally {
            ready.countDown();
        }
        // After the latch, off the first cell's path (starting java.util.logging takes tens of ms): a
        // library that logs in the very first cell, before this line, may still print to that cell.
        JavaLogging.toKernelLog(router.log());
        // After the latch: the first cell need not wait for it; completion offers no package names until it is there.
        List<Path> layers = new java.util.ArrayList<>(List.of(libs().api()));
        layers.addAll(libs().toolkit());
        assistance.setPackageNames(PackageNames.of(layers));
    }

    private Libraries libs() {
        return libraries;
    }

    /** The session's libraries, made by whichever comes first: {@link #start()} or the chart warm-up. */
    synchronized Libraries openLibraries() {
        Libraries libs = libraries;
        if (libs == null) {
            libs = Libraries.forThisKernel();
            libs.onNotice(this::notice);
            libraries = libs;
        }
        return libs;
    }

    /** @return the layers user code compiles and runs against (waits for {@link #start()}) */
    public Libraries libraries() {
        shell();
        return libraries;
    }

    /**
     * SLF4J's own warnings ("No SLF4J providers were found", three lines) would land in the
     * output of the first cell that uses DJL in a notebook with no logging binding: the toolkit
     * layer carries the API and no binding, so that a binding the notebook adds is the one used.
     * A user who wants those warnings sets the property.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /**
     * DJL reports each engine start to its makers (the EC2 metadata service, then an S3 telemetry
     * URL) unless it is offline or {@code OPT_OUT_TRACKING} is true; the toolkit turns it off when it
     * runs, but a notebook that touches DJL first (its own %maven version, say) would phone home
     * from a student's hub. Set for the whole kernel before any cell; a value the user set wins.
     */
    static void noTelemetry() {
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    /** Says at once, in the running cell, that a notebook jar replaced a toolkit library. */
    private void notice(String sentence) {
        router.flush();
        CellOutput target = router.target();
        if (target != null) {
            target.stream("stderr", sentence + "\n");
        } else {
            router.log().println("[jotter] " + sentence);
        }
    }

    /**
     * Has {@link #start()} arrange the chart warm-up for the moment user code first takes a class
     * from the toolkit layer (its data, training or plotting front door, Tablesaw, XChart, DJL).
     * Not at start: the warm-up loads XChart and AWT from jars outside the JDK's AOT cache, and
     * beside a fresh kernel's first cells that made them 1.2 times slower, in notebooks that never
     * draw a chart too (bench/RESULTS.md). Call before {@link #start()}.
     */
    public void warmUpChartsOnFirstToolkitUse() {
        warmUpChartsOnFirstUse = true;
    }

    /**
     * Starts the toolkit's chart warm-up (dev.jotter.toolkit.plot.Warmup) in the notebook's class
     * loader; a line in the kernel's log when the toolkit layer has no such class.
     */
    public void warmUpToolkit() {
        // Not waiting for JShell: the warm-up runs while JShell starts, as it did with the toolkit on the class path.
        Libraries libs = openLibraries();
        Thread.currentThread().setContextClassLoader(libs.loader());
        try {
            Class.forName("dev.jotter.toolkit.plot.Warmup", true, libs.loader()).getMethod("start").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            router.log().println("[jotter] no chart warm-up: " + e);
        }
    }

    /** @return the JShell machinery, once started (waits for {@link #start()}); for tests */
    public JShellMachinery machinery() {
        shell();
        return machinery;
    }

    /** @return the started JShell (waits for {@link #start()}); for tests */
    public JShell shell() {
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
        stdin.setProvider(provider);
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
    public CellResult execute(String code, int count, CellOutput out) {
        return execute(code, count, out, null);
    }

    /**
     * Runs one cell, as {@link #execute(String, int, CellOutput)}, stopped at once when an
     * interrupt sent after its request reached the kernel before it (see {@link #interrupt(Instant)}).
     *
     * @param code the cell's source
     * @param count the execution count shown as In[count]
     * @param out where the cell's outputs go
     * @param sentAt when the cell's request was sent, or null when unknown
     * @return whether the cell succeeded, and its error if not
     */
    public CellResult execute(String code, int count, CellOutput out, Instant sentAt) {
        interrupt.open(sentAt);
        try {
            return executeOpen(code, count, out);
        } finally {
            interrupt.close();
        }
    }

    private CellResult executeOpen(String code, int count, CellOutput out) {
        JShell shell;
        try {
            shell = awaitShell();
        } catch (CellError e) {
            out.error(e.result().ename(), e.result().evalue(), e.result().traceback());
            return e.result();
        }
        executionCount = count;
        displays.setOutput(out);
        router.setTarget(out);
        CellResult result;
        try {
            CellRunner.Value value = runner.run(code, count);
            router.flush();
            interrupt.check();
            if (value != null) {
                MimeBundle bundle = render(value.object(), value.text());
                out.result(count, bundle.data(), bundle.metadata());
            }
            result = CellResult.OK;
        } catch (CellError e) {
            result = e.result();
        } catch (ExitGuard.ExitAttemptedException e) {
            result = ErrorReports.blockedExit(e);
        } catch (Throwable e) {
            // Magics and rendering run in the kernel's thread: report, never die.
            result = errors.fromThrowable(e);
        }
        router.flush();
        if (!result.ok()) {
            result = withConflict(result);
            out.error(result.ename(), result.evalue(), result.traceback());
        }
        machinery.afterCell(shell);
        return result;
    }

    /** A failed cell's result, with the sentence naming a library conflict when that explains it. */
    private CellResult withConflict(CellResult result) {
        Libraries libs = libraries;
        String why = libs == null ? null : libs.explain(result.ename(), result.evalue(), result.traceback());
        if (why == null) {
            return result;
        }
        List<String> traceback = new java.util.ArrayList<>(result.traceback());
        traceback.add(why);
        return new CellResult(false, result.ename(), (result.evalue() == null ? "" : result.evalue() + " ") + "(" + why + ")", traceback);
    }

    /**
     * Evaluates Java for magics ({@code %time}, {@code %load}): like a cell, but the value is
     * returned instead of shown and an error is thrown instead of shown.
     *
     * @param code Java source
     * @return the last expression's value, or null
     * @throws EvalFailure describing a compile or runtime error
     */
    public Object evalForMagic(String code) throws EvalFailure {
        shell();
        return runner.evalForMagic(code, executionCount);
    }

    /**
     * Evaluates code for IJava's {@code Kernel.eval}, from inside the running cell: Java and
     * magics as in a cell, the last value returned instead of shown.
     *
     * @param code Java snippets and magic lines
     * @return the last value, or null
     * @throws EvalFailure describing a compile or runtime error
     * @throws Exception what a magic threw
     */
    @Override
    public Object eval(String code) throws Exception {
        shell();
        return runner.evalNested(code, executionCount);
    }

    /**
     * Runs a line magic for IJava's {@code lineMagic(name, args)} and {@code x = %name args}.
     *
     * @param name the magic's name
     * @param args its words
     * @return what the magic returned
     * @throws Exception an unknown magic (with a suggestion), or what the magic threw
     */
    @Override
    public Object lineMagic(String name, List<String> args) throws Exception {
        return magics.runLine(name, KernelHost.argumentLine(args));
    }

    /**
     * Runs a cell magic for IJava's {@code cellMagic(name, args, body)}.
     *
     * @param name the magic's name
     * @param args its words
     * @param body the cell's body
     * @return what the magic returned
     * @throws Exception an unknown magic (with a suggestion), or what the magic threw
     */
    @Override
    public Object cellMagic(String name, List<String> args, String body) throws Exception {
        return magics.runCell(name, KernelHost.argumentLine(args), body);
    }

    /**
     * Adds a jar or class folder to the class path, for IJava's {@code addToClasspath}.
     *
     * @param path the jar or folder, relative to the working folder
     */
    @Override
    public void addToClasspath(String path) {
        workspace.addToClasspath(List.of(workspace.workingDirectory().resolve(path)));
    }

    /**
     * Renders a value through the registry.
     *
     * @param value the value
     * @param text JShell's text form, or null
     * @param mimeTypes MIME types asked for
     * @return the bundle
     */
    @Override
    public MimeBundle render(Object value, String text, String... mimeTypes) {
        return displays.render(value, text, mimeTypes);
    }

    /**
     * Shows a value now as display_data in the running (or last) cell.
     *
     * @param value the value
     * @param mimeTypes MIME types to render; none means defaults
     * @return the display id
     */
    @Override
    public String display(Object value, String... mimeTypes) {
        return displays.display(value, mimeTypes);
    }

    /**
     * Replaces an earlier display.
     *
     * @param id the display id
     * @param value the new value
     * @param mimeTypes MIME types to render; none means defaults
     */
    @Override
    public void updateDisplay(String id, Object value, String... mimeTypes) {
        displays.update(id, value, mimeTypes);
    }

    /**
     * Clears the current cell's output.
     *
     * @param wait wait for new output before clearing
     */
    @Override
    public void clearOutput(boolean wait) {
        displays.clear(wait);
    }

    /**
     * Stops the cell being executed, whatever it is doing: busy loops at their next stop check,
     * sleeps and waits at once, a cell still compiling or in a magic before its code runs. Nothing
     * happens when no cell is being executed.
     */
    public void interrupt() {
        interrupt(null);
    }

    /**
     * Stops the cell being executed, as {@link #interrupt()}; when none is, the next cell is
     * stopped as it starts if its request was sent before this interrupt (the two came by
     * different sockets, and the interrupt won the race).
     *
     * @param sentAt when the interrupt was sent, or null when unknown
     */
    public void interrupt(Instant sentAt) {
        interrupt.request(sentAt);
    }

    private void stopRunningCode() {
        JShell shell = jshell;
        if (shell != null) {
            try {
                shell.stop();
            } catch (RuntimeException e) {
                router.log().println("[jotter] could not stop the cell: " + e);
            }
        }
    }

    /**
     * Waits for JShell to start, as {@link #shell()}, but gives up when the cell is interrupted:
     * on a fresh kernel the first cell may wait seconds, and an interrupt must end it within one.
     */
    private JShell awaitShell() throws CellError {
        try {
            while (!ready.await(CellInterrupt.RETRY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                interrupt.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        }
        interrupt.check();
        return shell();
    }

    /**
     * Completes the code at the cursor: Java through JShell, magic names after % and %%.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return the completion
     */
    public CodeAssistance.Completion complete(String code, int cursor) {
        return assistance.complete(code, cursor);
    }

    /**
     * Documentation for the token at or before the cursor: signature and javadoc.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return plain text, or null when nothing is known there
     */
    public String inspect(String code, int cursor) {
        return assistance.inspect(code, cursor);
    }

    /**
     * Whether the code is a complete cell: "complete", "incomplete" (with the indent for the
     * next line) or "invalid".
     *
     * @param code the code typed so far
     * @return status and indent
     */
    public CodeAssistance.CompleteStatus isComplete(String code) {
        return assistance.isComplete(code);
    }

    /** @return the class path, environment, working directory and variables that magics see */
    public Workspace workspace() {
        return workspace;
    }

    /** @return the output of the running (or last) cell, or null */
    public CellOutput output() {
        return displays.output();
    }

    /** @return the router that carries printed text */
    public OutputRouter router() {
        return router;
    }

    @Override
    public void close() {
        JShell shell = jshell;
        if (shell != null) {
            shell.close();
        }
        Libraries libs = libraries;
        if (libs != null) {
            try {
                libs.release();
            } catch (java.io.IOException e) {
                router.log().println("[jotter] could not close the notebook's jars: " + e);
            }
        }
        if (active == this) {
            active = null;
        }
        DisplayHost.uninstall(this);
        KernelHost.uninstall(this);
    }
}
