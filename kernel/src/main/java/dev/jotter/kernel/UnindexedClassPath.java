package dev.jotter.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
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
 */
final class UnindexedClassPath implements StandardJavaFileManager {
    private final StandardJavaFileManager delegate;
    private final Set<Path> hidden;

    /**
     * @param delegate the compiler's standard file manager
     * @param hidden class-path entries to leave out of {@link #getLocationAsPaths}, as well as the JDK
     */
    UnindexedClassPath(StandardJavaFileManager delegate, Collection<Path> hidden) {
        this.delegate = delegate;
        this.hidden = Set.copyOf(hidden.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        if (location == StandardLocation.PLATFORM_CLASS_PATH) {
            return List.of();
        }
        Iterable<? extends Path> paths = delegate.getLocationAsPaths(location);
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

    // Everything below passes straight through.

    @Override
    public ClassLoader getClassLoader(Location location) {
        return delegate.getClassLoader(location);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        return delegate.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return delegate.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return delegate.isSameFile(a, b);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        return delegate.handleOption(current, remaining);
    }

    @Override
    public boolean hasLocation(Location location) {
        return delegate.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        return delegate.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
            throws IOException {
        return delegate.getJavaFileForOutput(location, className, kind, sibling);
    }

    @Override
    public JavaFileObject getJavaFileForOutputForOriginatingFiles(Location location, String className, JavaFileObject.Kind kind,
            FileObject... originatingFiles) throws IOException {
        return delegate.getJavaFileForOutputForOriginatingFiles(location, className, kind, originatingFiles);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
        return delegate.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        return delegate.getFileForOutput(location, packageName, relativeName, sibling);
    }

    @Override
    public FileObject getFileForOutputForOriginatingFiles(Location location, String packageName, String relativeName,
            FileObject... originatingFiles) throws IOException {
        return delegate.getFileForOutputForOriginatingFiles(location, packageName, relativeName, originatingFiles);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public Location getLocationForModule(Location location, String moduleName) throws IOException {
        return delegate.getLocationForModule(location, moduleName);
    }

    @Override
    public Location getLocationForModule(Location location, JavaFileObject fo) throws IOException {
        return delegate.getLocationForModule(location, fo);
    }

    @Override
    public <S> ServiceLoader<S> getServiceLoader(Location location, Class<S> service) throws IOException {
        return delegate.getServiceLoader(location, service);
    }

    @Override
    public String inferModuleName(Location location) throws IOException {
        return delegate.inferModuleName(location);
    }

    @Override
    public Iterable<Set<Location>> listLocationsForModules(Location location) throws IOException {
        return delegate.listLocationsForModules(location);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        return delegate.contains(location, fo);
    }

    @Override
    public int isSupportedOption(String option) {
        return delegate.isSupportedOption(option);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return delegate.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return delegate.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return delegate.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return delegate.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return delegate.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return delegate.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        delegate.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        delegate.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        delegate.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return delegate.getLocation(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return delegate.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        delegate.setPathFactory(f);
    }
}
