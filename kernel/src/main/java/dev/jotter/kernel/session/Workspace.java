package dev.jotter.kernel.session;

import dev.jotter.magics.MagicContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import jdk.jshell.JShell;

/**
 * What magics read and change around the user's code: the jars added to the class path, the
 * environment subprocesses see, the working directory, and the variables the user declared.
 */
public final class Workspace {
    private final Supplier<JShell> shell;
    private final Map<String, String> environment = new ConcurrentHashMap<>(System.getenv());
    private final List<Path> classpath = new ArrayList<>();
    private volatile Path workingDirectory;

    /**
     * Starts in the JVM's working directory, as a freshly started kernel does, whatever folder an
     * earlier session in this JVM moved to.
     *
     * @param shell the session's JShell, waited for when asked
     */
    public Workspace(Supplier<JShell> shell) {
        this.shell = shell;
        setWorkingDirectory(Path.of("").toAbsolutePath());
    }

    /** @return the user's variables with their types and short values, in declaration order */
    public List<MagicContext.Variable> variables() {
        JShell s = shell.get();
        List<MagicContext.Variable> vars = new ArrayList<>();
        s.variables().filter(v -> s.status(v).isActive() && !v.name().startsWith("$")).forEach(v -> {
            String value;
            try {
                value = s.varValue(v);
            } catch (RuntimeException e) {
                value = "<unavailable>";
            }
            if (value.length() > 80) {
                value = value.substring(0, 77) + "...";
            }
            vars.add(new MagicContext.Variable(v.name(), v.typeName(), value));
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
                shell.get().addToClasspath(abs.toString());
            }
        }
        var libs = libraries;
        if (libs != null) {
            // One sentence for all the jars of one %maven line, said at once.
            libs.takeNotice();
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

    /**
     * Sets the working directory for magics and for the toolkit's relative paths
     * ({@code Data.csv("data.csv")}, model {@code save}/{@code load}): a JVM cannot change its own,
     * and Jupyter starts a kernel in the notebook's folder, so {@code jotter run} and {@code %cd}
     * set this one.
     *
     * @param dir the new working directory
     */
    public void setWorkingDirectory(Path dir) {
        this.workingDirectory = dir.toAbsolutePath().normalize();
        tellToolkit();
    }

    private volatile ClassLoader toolkitLoader;
    private volatile dev.jotter.kernel.jshell.Libraries libraries;

    /**
     * Lets the toolkit of the notebook's class loader know the working directory from now on, and
     * has the libraries say which toolkit libraries each addition replaced.
     *
     * @param libraries the notebook's layers, whose class loader holds the toolkit
     */
    void useLibraries(dev.jotter.kernel.jshell.Libraries libraries) {
        this.libraries = libraries;
        toolkitLoader = libraries.loader();
        tellToolkit();
    }

    /**
     * The toolkit's WorkingDirectory is a class of the notebook's class loader, not the kernel's:
     * reached by name, and skipped when the toolkit layer has none.
     */
    private void tellToolkit() {
        ClassLoader loader = toolkitLoader;
        if (loader == null) {
            return;
        }
        try {
            Class.forName("dev.jotter.toolkit.data.WorkingDirectory", true, loader).getMethod("set", Path.class).invoke(null, workingDirectory);
        } catch (ClassNotFoundException e) {
            // No toolkit layer: nothing resolves relative paths but the JVM.
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("The toolkit did not take the working directory " + workingDirectory + ": " + e);
        }
    }
}
