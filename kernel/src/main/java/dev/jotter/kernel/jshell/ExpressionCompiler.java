package dev.jotter.kernel.jshell;

import static dev.jotter.kernel.jshell.CompilerHousekeeping.field;
import static dev.jotter.kernel.jshell.CompilerHousekeeping.method;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

/**
 * Compiles a cell's expression or statement in one javac task, where JShell takes three or four.
 *
 * <p>Why: JShell evaluates every snippet with three javac tasks: one parses it to tell what kind of
 * snippet it is, one analyses it to check it and to find its type, one generates its class. Most of
 * each task is set-up (the wrapper class entered, every import resolved, the module graph walked,
 * JShell's purge of its package afterwards), so a bare {@code 1 + 1} cost as much as three small
 * compilations. An expression whose value the kernel shows needs none of what the first two
 * tasks are for: it is known to be an expression, its value is shown from the object at run time
 * (so its static type is not needed), and it declares nothing later cells could use (so it needs no
 * snippet in JShell's state; the kernel used to drop its value variable right after it ran). This
 * wraps the expression the way JShell wraps a snippet (the session's package and imports, with a
 * static import of every active declaration, in a class whose {@code do_it$} method returns it),
 * compiles it with JShell's own task factory, so the reused compiler context and JShell's in-memory
 * class files are shared, and hands the class to the session's execution engine, whose exit guard,
 * value capture and stop checks apply as to any snippet. An expression cell takes much less time
 * (bench/RESULTS.md, "Why the JShell machinery exists"). A cell run again unchanged, with nothing declared since, runs its
 * loaded class again, as JShell keeps an unchanged snippet's class.
 *
 * <p>Statements (a print call, a call of a void method, a loop, a block) declare nothing later cells
 * could use either, and compile the same way as the body of {@code do_it$} ({@link #compileStatement});
 * the caller must only hand over code that cannot be a declaration, which would become a local
 * variable there. When javac rejects the wrapper (a declaration, a mistake), nothing has run and
 * the caller evaluates the snippet through JShell as written, which reports errors in its own words.
 *
 * <p>Like {@link CompilerHousekeeping}, it reaches non-public members of {@code jdk.jshell}, which the
 * kernel jar's manifest opens; where they are missing or closed, {@link #attach} returns null and
 * every cell goes through JShell.
 */
final class ExpressionCompiler {
    /**
     * The wrapper classes' name prefix: JShell's own (so that its {@code expunge} takes it out of
     * value texts, as it does for its snippet classes) and then a word JShell never generates
     * (its classes are {@code $JShell$} followed by a number).
     */
    static final String CLASS_PREFIX = "$JShell$Jotter";

    /**
     * A compiled wrapper class.
     *
     * @param className its binary name
     * @param snippetLine the line of its source on which the snippet begins
     * @param classes its class files and those of its nested classes, to load; empty when a class
     *     compiled from the same source is loaded already
     * @param source what it was compiled from, less its class name: its kind, imports and code
     */
    record Compiled(String className, int snippetLine, List<ClassBytecodes> classes, String source) {}

    /** How many loaded wrappers are remembered for a cell run again unchanged. */
    static final int REMEMBERED = 64;

    /**
     * Loaded wrappers by the source they were compiled from, the most recently used last. Why: a
     * cell run again unchanged, with nothing declared or imported since, compiles to the same
     * class, so its loaded class runs again without javac (JShell too keeps a snippet's loaded
     * class when the same snippet is evaluated again unchanged). A new declaration or import
     * changes the imports, and so the key.
     */
    private final Map<String, Compiled> loaded = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final Object maps;
    private final Object taskFactory;
    private final Method packageAndImports;
    private final Constructor<?> compoundWrap;
    private final Constructor<?> outerWrap;
    private final Method compile;
    private final Class<?> worker;
    private final Method runCompile;
    private final Method diagnostics;
    private final Map<String, ?> classFiles;
    private final Method classBytes;
    private final Method expunge;
    private final Object eval;
    private final Method asJShellException;
    private int next;

    @SuppressWarnings("unchecked") // JShell's field types
    private ExpressionCompiler(JShell shell) throws ReflectiveOperationException {
        ClassLoader jdk = JShell.class.getClassLoader();
        maps = field(JShell.class, "maps").get(shell);
        taskFactory = field(JShell.class, "taskFactory").get(shell);
        packageAndImports = method(maps.getClass(), "packageAndImportsExcept", Set.class, Collection.class);
        Class<?> wrap = Class.forName("jdk.jshell.Wrap", false, jdk);
        compoundWrap = Class.forName("jdk.jshell.Wrap$CompoundWrap", false, jdk).getDeclaredConstructor(Object[].class);
        compoundWrap.setAccessible(true);
        Class<?> outer = Class.forName("jdk.jshell.OuterWrap", false, jdk);
        outerWrap = outer.getDeclaredConstructor(wrap);
        outerWrap.setAccessible(true);
        worker = Class.forName("jdk.jshell.TaskFactory$Worker", false, jdk);
        compile = method(taskFactory.getClass(), "compile", Collection.class, worker);
        runCompile = method(Class.forName("jdk.jshell.TaskFactory$CompileTask", false, jdk), "compile");
        diagnostics = method(Class.forName("jdk.jshell.TaskFactory$BaseTask", false, jdk), "getDiagnostics");
        Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
        classFiles = (Map<String, ?>) field(fileManager.getClass(), "classObjects").get(fileManager);
        classBytes = method(Class.forName("jdk.jshell.MemoryFileManager$OutputMemoryJavaFileObject", false, jdk), "getBytes");
        expunge = method(Class.forName("jdk.jshell.Util", false, jdk), "expunge", String.class);
        eval = field(JShell.class, "eval").get(shell);
        asJShellException = method(eval.getClass(), "asJShellException", Throwable.class);
    }

    /**
     * @param shell the session's JShell
     * @param log the kernel's log, for the one warning when JShell's internals are out of reach
     * @return the compiler, or null when this JDK's JShell cannot be reached
     */
    static ExpressionCompiler attach(JShell shell, PrintStream log) {
        try {
            return new ExpressionCompiler(shell);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.println("WARNING: JShell's compiler is out of reach (" + e + "); expressions and statements take JShell's slower path."
                    + " " + TunedJShell.howToOpen());
            return null;
        }
    }

    /**
     * Compiles {@code expression} as the value of a new wrapper class's {@code do_it$} method.
     * Must be called on the thread that evaluates snippets: the session's imports and declarations
     * are read as they stand.
     *
     * @param expression one expression, without a trailing semicolon
     * @return the compiled class, or null when javac rejected it (nothing ran; see
     *     {@link #rejectedAsVoid()})
     * @throws ReflectiveOperationException when JShell's internals did not answer as expected
     */
    Compiled compile(String expression) throws ReflectiveOperationException {
        // The newline ends a trailing // comment before the semicolon.
        return compile("E", "        return ", expression, "\n        ;\n");
    }

    /**
     * Compiles {@code statement} as the body of a new wrapper class's {@code do_it$} method, which
     * returns null. Only for code that cannot be a declaration: a declaration compiled this way
     * would declare a local variable, gone once the method returns.
     *
     * @param statement one statement (a void call, a loop, a block), with or without its semicolon
     * @return the compiled class, or null when javac rejected it (nothing ran)
     * @throws ReflectiveOperationException when JShell's internals did not answer as expected
     */
    Compiled compileStatement(String statement) throws ReflectiveOperationException {
        String s = statement.strip();
        // A statement may come without its semicolon, as a notebook's last line often does; one
        // more after a complete statement would be an unreachable one after a throw.
        String end = s.endsWith(";") || s.endsWith("}") ? "\n" : "\n        ;\n";
        // "if (true)": whatever the statement does (throw, loop for ever), "return null" after it
        // is reachable (JLS 14.22).
        return compile("S", "        if (true) { ", statement, end + "        }\n        return null;\n");
    }

    /**
     * @return whether the last expression {@link #compile} rejected was rejected only for having
     *     no value (a call of a void method), so that it compiles as a statement
     */
    boolean rejectedAsVoid() {
        return rejectedAsVoid;
    }

    private boolean rejectedAsVoid;

    private Compiled compile(String kind, String before, String code, String after) throws ReflectiveOperationException {
        // JShell's own header: "package REPL;" and an import line per import and declaration.
        String imports = (String) packageAndImports.invoke(maps, null, null);
        String key = kind + imports + "\u0000" + code;
        Compiled same = loaded.get(key);
        if (same != null) {
            return same;
        }
        String name = CLASS_PREFIX + next++;
        String binaryName = UnindexedClassPath.REPL_PACKAGE + "." + name;
        String head = imports + "\nclass " + name + " {\n"
                + "    public static java.lang.Object do_it$() throws java.lang.Throwable {\n" + before;
        String source = head + code + after + "    }\n}\n";
        Object wrapped = outerWrap.newInstance(compoundWrap.newInstance((Object) new Object[] {source}));
        rejectedAsVoid = false;
        Object onTask = Proxy.newProxyInstance(worker.getClassLoader(), new Class<?>[] {worker},
                (proxy, method, args) -> switch (method.getName()) {
                    case "withTask" -> classesOf(args[0], binaryName);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "ExpressionCompiler worker";
                });
        try {
            @SuppressWarnings("unchecked") // the worker above returns this
            List<ClassBytecodes> classes = (List<ClassBytecodes>) compile.invoke(taskFactory, List.of(wrapped), onTask);
            return classes == null ? null : new Compiled(binaryName, lines(head) + 1, classes, key);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** @return how many wrapper classes this has compiled (for tests) */
    int compilations() {
        return next;
    }

    /**
     * Remembers a wrapper once its classes are loaded, so that the same source runs it again.
     *
     * @param compiled what {@link #compile} returned, now loaded
     */
    void loaded(Compiled compiled) {
        loaded.put(compiled.source(), new Compiled(compiled.className(), compiled.snippetLine(), List.of(), compiled.source()));
    }

    /** javac's words for a {@code return} of a void call, the one error that makes it a statement. */
    private static final String VOID_VALUE = "void cannot be converted";

    /**
     * Takes the class files javac just wrote for one wrapper out of JShell's file manager: nothing
     * refers to them later, and each one left there would be listed by every later javac task.
     * Runs inside the task, under JShell's compiler lock.
     *
     * @return the class files, or null when the compilation failed
     */
    private List<ClassBytecodes> classesOf(Object task, String binaryName) throws ReflectiveOperationException {
        boolean compiled = (boolean) runCompile.invoke(task);
        if (!compiled) {
            List<?> errors = ((List<?>) diagnostics.invoke(task)).stream().filter(d -> ((Diag) d).isError()).toList();
            rejectedAsVoid = errors.size() == 1 && ((Diag) errors.getFirst()).getCode().equals("compiler.err.prob.found.req")
                    && ((Diag) errors.getFirst()).getMessage(java.util.Locale.ROOT).contains(VOID_VALUE);
        }
        List<ClassBytecodes> classes = new ArrayList<>();
        var it = classFiles.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String n = e.getKey();
            if (n.equals(binaryName) || n.startsWith(binaryName + "$")) {
                classes.add(new ClassBytecodes(n, (byte[]) classBytes.invoke(e.getValue())));
                it.remove();
            }
        }
        return compiled && !classes.isEmpty() ? classes : null;
    }

    /**
     * @param text a value's text from the execution engine
     * @return the text without JShell's wrapper class names, as JShell shows values
     */
    String expunge(String text) {
        try {
            return text == null ? null : (String) expunge.invoke(null, text);
        } catch (ReflectiveOperationException e) {
            return text;
        }
    }

    /**
     * Turns what the execution engine threw into what JShell's own evaluation would have reported:
     * frames of snippet classes named by snippet ("#12", line within the snippet), the stack cut
     * below the snippet, causes alike, and an unresolved reference named by its declaration.
     *
     * @param e a user exception or an unresolved reference, from invoking a wrapper
     * @return JShell's exception for it
     * @throws ReflectiveOperationException when JShell's internals did not answer as expected
     */
    JShellException translate(ExecutionControl.RunException e) throws ReflectiveOperationException {
        try {
            return (JShellException) asJShellException.invoke(eval, e);
        } catch (InvocationTargetException ite) {
            if (ite.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw ite;
        }
    }

    /**
     * @return whether a frame's class is one of these wrappers (or a class nested in one, whose
     *     wrapper {@link CompilerHousekeeping#outerClass} names, as for JShell's snippet classes)
     */
    static boolean isWrapper(String className) {
        return className.startsWith(UnindexedClassPath.REPL_PACKAGE + "." + CLASS_PREFIX);
    }

    private static int lines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }
}
