package dev.jotter.kernel.jshell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;

/**
 * JShell with the kernel's speed machinery: the kernel's class path kept out of JShell's class
 * index ({@link UnindexedClassPath}), expressions and statements compiled in one javac task
 * ({@link ExpressionCompiler}), JShell's compiler state tidied between cells
 * ({@link CompilerHousekeeping}) and snippets run on one long-lived thread
 * ({@link CellThreadExecutionControl}). Each part that reaches a private JDK member falls back to
 * JShell's own way, with one warning, when that member is out of reach.
 */
public final class TunedJShell implements JShellMachinery {
    /**
     * The packages ({@code module/package}) this machinery reaches into: the build's one list
     * ({@code jotter.opens} in the root pom), which the kernel jar's manifest opens.
     */
    static final List<String> OPENS = opens();

    private static List<String> opens() {
        try (var in = TunedJShell.class.getResourceAsStream("jshell-opens.txt")) {
            if (in == null) {
                throw new IllegalStateException("Expected the resource jshell-opens.txt beside " + TunedJShell.class.getName()
                        + ", found none; build the kernel with Maven, which writes it from the root pom's jotter.opens.");
            }
            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().split("\\s+"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @return what a warning that the JDK's internals are out of reach tells the user to do
     */
    static String howToOpen() {
        return "Run the kernel from its jar (java -jar jotter.jar), or add "
                + OPENS.stream().map(p -> "--add-opens " + p + "=ALL-UNNAMED").collect(java.util.stream.Collectors.joining(" "))
                + ", or choose plain JShell with -D" + PROPERTY + "=plain.";
    }

    private final JotterExecutionControl.Provider engine = new JotterExecutionControl.Provider(CellThreadExecutionControl::new);

    /** Creates the machinery; it reaches into JShell once {@link #started} is called. */
    public TunedJShell() {}
    private volatile PrintStream log = System.err;
    /** Null when this JDK's JShell internals are out of reach. */
    private volatile CompilerHousekeeping housekeeping;
    /** Null when this JDK's JShell internals are out of reach: every snippet then goes through JShell. */
    private volatile ExpressionCompiler expressions;

    @Override
    public JShell build(PrintStream out, PrintStream err, Libraries libraries) {
        return JShell.builder()
                .executionEngine(engine.with(libraries), Map.of())
                .compilerOptions("-proc:none")
                .fileManager(std -> new UnindexedClassPath(std, libraries.compiledLayers()))
                .out(out).err(err)
                .build();
    }

    @Override
    public void started(JShell shell, PrintStream log) {
        this.log = log;
        housekeeping = CompilerHousekeeping.attach(shell, log);
        expressions = ExpressionCompiler.attach(shell, log);
    }

    /** Keeps JShell's compiler from slowing down cell after cell; see {@link CompilerHousekeeping}. */
    @Override
    public void afterCell(JShell shell) {
        CompilerHousekeeping h = housekeeping;
        if (h == null) {
            return;
        }
        try {
            h.afterCell(shell);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Never worth failing a cell over: run on as plain JShell does.
            housekeeping = null;
            log.println("WARNING: stopped tidying JShell's compiler state after " + e);
        }
    }

    @Override
    public boolean compilesExpressions() {
        return expressions != null;
    }

    @Override
    public JotterExecutionControl control() {
        return engine.control();
    }

    /** Sends expressions and statements through JShell from now on; for tests of that path. */
    public void compileExpressionsThroughJShell() {
        expressions = null;
    }

    /** @return the expression compiler, or null when it could not attach; for tests */
    public ExpressionCompiler expressionCompiler() {
        return expressions;
    }

    /** @return the compiler housekeeping, or null when it could not attach; for tests */
    public CompilerHousekeeping housekeeping() {
        return housekeeping;
    }

    /**
     * Compiles and runs a snippet in one javac task ({@link ExpressionCompiler}): as an expression
     * when it may be one, else as a statement when it cannot be a declaration (a print call, a
     * void call, a loop, a block).
     */
    @Override
    public Ran runDirect(String expression, boolean statement, String snippetSource, ObjIntConsumer<String> wrapperAt)
            throws JShellException, ExecutionControl.ExecutionControlException {
        ExpressionCompiler compiler = expressions;
        if (compiler == null) {
            return null;
        }
        Ran ran;
        try {
            if (expression != null) {
                ran = run(compiler, compiler.compile(expression), wrapperAt, true);
                if (ran == null && compiler.rejectedAsVoid()) {
                    ran = run(compiler, compiler.compileStatement(snippetSource), wrapperAt, false);
                }
            } else if (statement) {
                ran = run(compiler, compiler.compileStatement(snippetSource), wrapperAt, false);
            } else {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Nothing ran: JShell takes this and every later snippet.
            expressions = null;
            log.println("WARNING: expressions and statements go through JShell from now on, after " + e);
            return null;
        }
        // Outside the try: once the snippet has run, JShell must never run it again.
        return ran == null || !ran.hasValue() ? ran : new Ran(true, compiler.expunge(ran.text()));
    }

    private Ran run(ExpressionCompiler compiler, ExpressionCompiler.Compiled compiled, ObjIntConsumer<String> wrapperAt,
                    boolean hasValue) throws JShellException, ExecutionControl.ExecutionControlException {
        if (compiled == null) {
            return null;
        }
        wrapperAt.accept(compiled.className(), compiled.snippetLine());
        JotterExecutionControl control = engine.control();
        String text;
        try {
            if (!compiled.classes().isEmpty()) {
                control.load(compiled.classes().toArray(ExecutionControl.ClassBytecodes[]::new));
                compiler.loaded(compiled);
            }
            text = control.invoke(compiled.className(), "do_it$");
        } catch (ExecutionControl.UserException | ExecutionControl.ResolutionException e) {
            throw translated(compiler, e);
        }
        return new Ran(hasValue, text);
    }

    /** What the user's code threw in an {@link ExpressionCompiler} class, as JShell reports it. */
    private ExecutionControl.RunException translated(ExpressionCompiler compiler, ExecutionControl.RunException e)
            throws JShellException {
        JShellException jshell;
        try {
            jshell = compiler.translate(e);
        } catch (ReflectiveOperationException | RuntimeException | AssertionError notTranslated) {
            log.println("WARNING: could not name the snippets in this stack trace: " + notTranslated);
            return e;
        }
        throw jshell;
    }
}
