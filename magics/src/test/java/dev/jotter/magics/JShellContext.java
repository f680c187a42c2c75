package dev.jotter.magics;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A real MagicContext for tests: Java runs in an in-process {@link JShell}, so evaluated values
 * come back as objects, as they do in the kernel. As in the kernel, every snippet runs on one
 * long-lived cell thread, not on the thread that runs the magics: a magic that sets per-thread
 * state (a seed) must reach that thread. Output, displays and the classpath are recorded for
 * assertions.
 */
public final class JShellContext implements MagicContext, AutoCloseable {
    private final Control control = new Control();
    private final JShell shell;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private PrintStream evalOut = out;
    private PrintStream evalErr = err;
    private final List<Path> classpath = new ArrayList<>();
    private final List<Map<String, Object>> bundles = new ArrayList<>();
    private final List<Object> displayed = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private final Magics magics;
    private Path workingDirectory;

    /** @param workingDirectory where relative paths resolve */
    public JShellContext(Path workingDirectory) {
        this(workingDirectory, Magics.load());
    }

    /**
     * @param workingDirectory where relative paths resolve
     * @param magics the registry to run cells with
     */
    public JShellContext(Path workingDirectory, Magics magics) {
        this.workingDirectory = workingDirectory;
        this.magics = magics;
        this.shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "test-direct";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).out(out).err(err).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    /**
     * Runs a cell as the kernel would: magics through the registry, Java through {@link #eval}.
     *
     * @param cell the cell's source
     * @return the cell's result
     * @throws Exception the cell's failure
     */
    public Object run(String cell) throws Exception {
        return magics.run(cell, this);
    }

    /** @return everything printed to this context's standard output so far, then forgets it */
    public String takeOut() {
        String s = outBytes.toString(StandardCharsets.UTF_8);
        outBytes.reset();
        return s;
    }

    /** @return everything printed to standard error so far, then forgets it */
    public String takeErr() {
        String s = errBytes.toString(StandardCharsets.UTF_8);
        errBytes.reset();
        return s;
    }

    /** @return MIME bundles shown with displayBundle */
    public List<Map<String, Object>> bundles() {
        return bundles;
    }

    /** @return values shown with display */
    public List<Object> displayed() {
        return displayed;
    }

    /** @return the registry in use */
    public Magics registry() {
        return magics;
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        for (Path p : paths) {
            if (!classpath.contains(p)) {
                classpath.add(p);
                shell.addToClasspath(p.toString());
            }
        }
    }

    @Override
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    @Override
    public Object eval(String code) throws Exception {
        Object last = null;
        String remaining = code;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                throw new IllegalArgumentException("Incomplete Java code: " + remaining.strip());
            }
            remaining = info.remaining();
            control.last = null;
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            System.setOut(evalOut);
            System.setErr(evalErr);
            List<SnippetEvent> events;
            try {
                events = shell.eval(info.source());
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            for (SnippetEvent e : events) {
                if (e.exception() != null) {
                    throw e.exception();
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalArgumentException("Compile error in: " + info.source().strip() + "\n"
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("\n")));
                }
            }
            last = control.last;
        }
        return last;
    }

    @Override
    public <T> T redirectOutput(PrintStream newOut, PrintStream newErr, Callable<T> action) throws Exception {
        PrintStream o = evalOut;
        PrintStream e = evalErr;
        evalOut = newOut;
        evalErr = newErr;
        try {
            return action.call();
        } finally {
            evalOut = o;
            evalErr = e;
        }
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        displayed.add(value);
        return "d" + displayed.size();
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        displayed.add(value);
    }

    @Override
    public void displayBundle(Map<String, Object> bundle) {
        bundles.add(new LinkedHashMap<>(bundle));
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        workingDirectory = dir;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public List<Variable> variables() {
        return shell.variables().map(v -> new Variable(v.name(), v.typeName(), shell.varValue(v))).toList();
    }

    @Override
    public List<Magic> magics() {
        return magics.all();
    }

    @Override
    public void close() {
        shell.close();
        control.cells.shutdown();
    }

    /** Runs snippets on one long-lived cell thread and keeps each one's value as an object. */
    private static final class Control extends DirectExecutionControl {
        volatile Object last;
        final ExecutorService cells = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jshell-context-cell");
            t.setDaemon(true);
            return t;
        });

        Control() {
            super(new Loader());
        }

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            Object value;
            try {
                value = cells.submit(() -> doitMethod.invoke(null)).get();
            } catch (ExecutionException e) {
                // Thrown on as the direct call would have thrown it (an InvocationTargetException for user errors).
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw (Error) e.getCause();
            }
            last = value;
            return valueString(value);
        }
    }

    /** Defines snippet classes from JShell's bytes; the test class path is the parent. */
    private static final class Loader implements LoaderDelegate {
        private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
        private final SnippetLoader loader = new SnippetLoader(JShellContext.class.getClassLoader());

        @Override
        public void load(ExecutionControl.ClassBytecodes[] cbcs) throws ExecutionControl.ClassInstallException {
            for (ExecutionControl.ClassBytecodes c : cbcs) {
                pending.put(c.name(), c.bytecodes());
            }
            boolean[] installed = new boolean[cbcs.length];
            for (int i = 0; i < cbcs.length; i++) {
                try {
                    loader.loadClass(cbcs[i].name());
                    installed[i] = true;
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new ExecutionControl.ClassInstallException("Could not load " + cbcs[i].name() + ": " + e, installed);
                }
            }
        }

        @Override
        public void classesRedefined(ExecutionControl.ClassBytecodes[] cbcs) {}

        @Override
        public void addToClasspath(String path) {
            for (String p : path.split(File.pathSeparator)) {
                try {
                    loader.add(Path.of(p).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(p, e);
                }
            }
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            return loader.loadClass(name);
        }

        private final class SnippetLoader extends URLClassLoader {
            SnippetLoader(ClassLoader parent) {
                super(new URL[0], parent);
            }

            void add(URL url) {
                addURL(url);
            }

            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = pending.remove(name);
                if (bytes != null) {
                    return defineClass(name, bytes, 0, bytes.length);
                }
                return super.findClass(name);
            }
        }
    }
}
