package dev.jotter.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's file manager, with the JDK and the kernel's own class path left out of the one
 * thing that lists class-path entries by path: JShell's background class index.
 *
 * <p>Why: JShell indexes every class it can see by simple name (a set of fully qualified names per
 * simple name) so that it can suggest imports and complete package names. For the JDK's and the
 * kernel jar's 66,000 classes that index, and the file systems opened to build it, stay on the
 * heap for the kernel's whole life: 31 MB of an idle kernel's 72 MB of live objects, besides the
 * CPU to build it after every start. javac does not read it: the compiler finds classes through
 * {@link #list} and {@link #inferBinaryName}, which still see everything, so every class compiles
 * and runs as before. The package-name completion JShell built from the index comes from
 * {@link PackageNames} instead. Jars added later ({@code %maven}, {@code %jars}) are indexed by
 * JShell as usual.
 *
 * <p>It also answers the one listing javac asks for on every compilation: JShell's own package
 * {@code REPL}, which lives in memory and never on the class path (see {@link #list}).
 */
final class UnindexedClassPath extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {
    private final Set<Path> hidden;

    /**
     * @param delegate the compiler's standard file manager
     * @param hidden class-path entries to leave out of {@link #getLocationAsPaths}, as well as the JDK
     */
    UnindexedClassPath(StandardJavaFileManager delegate, Collection<Path> hidden) {
        super(delegate);
        this.hidden = Set.copyOf(hidden.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        if (location == StandardLocation.PLATFORM_CLASS_PATH) {
            return List.of();
        }
        Iterable<? extends Path> paths = fileManager.getLocationAsPaths(location);
        if (location != StandardLocation.CLASS_PATH || paths == null) {
            return paths;
        }
        List<Path> visible = new ArrayList<>();
        for (Path p : paths) {
            if (!hidden.contains(p.toAbsolutePath().normalize())) {
                visible.add(p);
            }
        }
        return visible;
    }

    /**
     * JShell forgets its package {@code REPL} after each javac task and lists it again in the
     * next, adding its in-memory classes to what this file manager finds on the class path. The
     * answer here is always empty, but finding that out walked every class-path entry: about 5 %
     * of each cell's compile time. A jar that declares a package named {@code REPL} would clash
     * with JShell's classes anyway.
     */
    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        if (location == StandardLocation.CLASS_PATH && packageName.equals(REPL_PACKAGE) && !recurse) {
            return List.of();
        }
        return fileManager.list(location, packageName, kinds, recurse);
    }

    /** JShell's package for snippet classes (jdk.jshell.Util.REPL_PACKAGE, not exported). */
    static final String REPL_PACKAGE = "REPL";

    // The rest of StandardJavaFileManager passes straight through (ForwardingJavaFileManager
    // forwards what JavaFileManager declares).

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}
