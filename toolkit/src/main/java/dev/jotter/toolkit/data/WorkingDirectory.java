package dev.jotter.toolkit.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder the toolkit's file readers and writers resolve relative paths against: the
 * notebook's folder under {@code jotter run} and after {@code %cd}, the JVM's working directory
 * otherwise.
 *
 * <p>Jupyter, nbclient and papermill start a kernel in the notebook's folder, so a notebook
 * reads {@code Data.csv("data.csv")} from beside itself. A JVM cannot change its working
 * directory, so the kernel sets this one instead and every toolkit method that takes a path
 * ({@link Data#csv(String)}, {@link Data#json(String)}, model {@code save} and {@code load})
 * goes through {@link #resolve(Path)}. Plain {@code java.nio.file.Files} calls in user code still
 * resolve against the JVM's directory.
 *
 * <p>The folder is kept in the system property {@value #PROPERTY} rather than a field, so that it
 * is the same for the kernel and for user code whatever class loader loaded this class; one
 * JVM therefore has one such folder, as a process has one working directory.
 *
 * <pre>{@code
 * jshell> WorkingDirectory.set(Path.of("/home/me/course"));
 * jshell> WorkingDirectory.resolve(Path.of("data.csv"))
 * $2 ==> /home/me/course/data.csv
 * }</pre>
 */
public final class WorkingDirectory {

    /** The system property holding the folder; unset means the JVM's working directory. */
    public static final String PROPERTY = "jotter.cwd";

    private WorkingDirectory() {}

    /** @return the folder relative paths resolve against, absolute and normalized */
    public static Path get() {
        String dir = System.getProperty(PROPERTY);
        return (dir == null || dir.isEmpty() ? Path.of("") : Path.of(dir)).toAbsolutePath().normalize();
    }

    /**
     * Makes relative paths resolve against {@code dir} from now on.
     *
     * @param dir the new folder; a relative one is taken against the current {@link #get()}
     */
    public static void set(Path dir) {
        Objects.requireNonNull(dir, "dir");
        System.setProperty(PROPERTY, get().resolve(dir).normalize().toString());
    }

    /**
     * Resolves a path the user gave against {@link #get()}.
     *
     * @param path a path, absolute or relative
     * @return {@code path} itself when absolute, else the path inside {@link #get()}
     */
    public static Path resolve(Path path) {
        Objects.requireNonNull(path, "path");
        return path.isAbsolute() ? path : get().resolve(path);
    }

    /**
     * Resolves a path the user gave as text against {@link #get()}.
     *
     * @param path a path, absolute or relative
     * @return as {@link #resolve(Path)}
     */
    public static Path resolve(String path) {
        return resolve(Path.of(path));
    }
}
