package dev.jotter.kernel.jshell;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's file manager: the compiler's class path in the {@link Libraries}' order (the
 * notebook's jars, then the toolkit layer; the user API), and the kernel's own layers left out of
 * the one thing that lists class-path entries by path: JShell's background class index.
 *
 * <p>Order: JShell keeps one class path string, the kernel's {@code java.class.path} followed by
 * every jar added; here the kernel's class path is dropped (user code must not compile against
 * ZeroMQ, Gson or the kernel's internals, which it could not load), and the kernel's layers, the
 * api and the toolkit, come after the notebook's jars, so that what a notebook adds with
 * {@code %maven} is what it compiles against, as it is what it runs against.
 *
 * <p>Why unindexed: JShell indexes every class it can see by simple name (a set of fully qualified names per
 * simple name) so that it can suggest imports and complete package names. For the JDK's and the
 * toolkit's tens of thousands of classes that index, and the file systems opened to build it,
 * stay on the heap for the kernel's whole life, the largest part of an idle kernel's live objects,
 * besides the CPU to build it after every start. javac does not read it: the compiler finds classes through
 * {@link #list} and {@link #inferBinaryName}, which still see everything, so every class compiles
 * and runs as before. The package-name completion JShell built from the index comes from
 * {@link dev.jotter.kernel.session.PackageNames} instead. Jars added later ({@code %maven}, {@code %jars}) are indexed by
 * JShell as usual.
 *
 * <p>The layers' jars are read here rather than by the standard file manager, through
 * {@link ZipFile}, whose central directory the JVM shares with the class loader that already has
 * the jar open. The standard file manager opens each jar as a zip file system of its own, which
 * keeps an index node and a name for each entry of the jar, on the heap for the kernel's
 * whole life. Here a jar costs a list of class-file names per package.
 *
 * <p>It also answers the one listing javac asks for on every compilation: JShell's own package
 * {@code REPL}, which lives in memory and never on the class path (see {@link #list}).
 */
final class UnindexedClassPath extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {
    private final Set<Path> hidden;
    /** The layers' class folders: read by the standard file manager, after the notebook's entries. */
    private final List<Path> layerFolders;
    /** JShell's class path starts with this (TaskFactory: java.class.path, then each added path). */
    private final String initialClassPath;

    /**
     * @param delegate the compiler's standard file manager
     * @param layers the kernel's layers user code compiles against (the api, then the toolkit), in
     *               search order: after the notebook's jars, and left out of {@link #getLocationAsPaths}
     */
    UnindexedClassPath(StandardJavaFileManager delegate, Collection<Path> layers) {
        this(delegate, layers, System.getProperty("java.class.path", ""));
    }

    UnindexedClassPath(StandardJavaFileManager delegate, Collection<Path> layers, String initialClassPath) {
        super(delegate);
        this.initialClassPath = initialClassPath;
        List<Path> normalized = layers.stream().map(UnindexedClassPath::normalize).distinct().toList();
        this.hidden = Set.copyOf(normalized);
        List<Archive> opened = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        // In search order: the first jar with a class is the one javac and the class loader use.
        for (Path p : normalized) {
            if (Files.isRegularFile(p)) {
                try {
                    opened.add(new Archive(p));
                } catch (IOException e) {
                    // Not a jar this can read: the standard file manager reads it, as javac would.
                    folders.add(p);
                }
            } else if (Files.isDirectory(p)) {
                folders.add(p);
            }
        }
        archives = List.copyOf(opened);
        layerFolders = List.copyOf(folders);
        try {
            // The standard file manager's class path starts as java.class.path: the kernel's, not the user's.
            delegate.setLocationFromPaths(StandardLocation.CLASS_PATH, layerFolders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the compiler's class path to " + layerFolders, e);
        }
    }

    /** The layers' jars: read here, not by the standard file manager. */
    private final List<Archive> archives;

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The entries JShell's class path string names after the kernel's own class path: the notebook's. */
    private List<Path> notebookEntries(String classPath) {
        String added = classPath;
        List<String> kernel = List.of();
        if (!initialClassPath.isEmpty() && classPath.startsWith(initialClassPath)) {
            added = classPath.substring(initialClassPath.length());
        } else {
            kernel = List.of(initialClassPath.split(File.pathSeparator));
        }
        List<Path> paths = new ArrayList<>();
        for (String entry : added.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !kernel.contains(entry)) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    private List<Path> withLayers(Collection<? extends Path> notebook) {
        List<Path> all = new ArrayList<>();
        for (Path p : notebook) {
            if (!hidden.contains(normalize(p))) {
                all.add(p);
            }
        }
        all.addAll(layerFolders);
        return all;
    }

    /** The options that set the class path; JShell sets it with -classpath when a jar is added. */
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path");

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (!CLASS_PATH_OPTIONS.contains(current) || !remaining.hasNext()) {
            return fileManager.handleOption(current, remaining);
        }
        List<Path> paths = withLayers(notebookEntries(remaining.next()));
        try {
            // Not handleOption with the rest: an empty class path there would mean the working directory.
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the compiler's class path to " + paths, e);
        }
        return true;
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (location == StandardLocation.CLASS_PATH && files != null) {
            List<Path> paths = new ArrayList<>();
            files.forEach(f -> paths.add(f.toPath()));
            setLocationFromPaths(location, paths);
        } else {
            fileManager.setLocation(location, files);
        }
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, location == StandardLocation.CLASS_PATH && paths != null ? withLayers(paths) : paths);
    }

    @Override
    public boolean hasLocation(Location location) {
        return (location == StandardLocation.CLASS_PATH && !archives.isEmpty()) || fileManager.hasLocation(location);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof ArchivedClass c ? c.binaryName : fileManager.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ArchivedClass || b instanceof ArchivedClass) {
            return a.equals(b);
        }
        return fileManager.isSameFile(a, b);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        return fo instanceof ArchivedClass ? location == StandardLocation.CLASS_PATH : fileManager.contains(location, fo);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind) throws IOException {
        JavaFileObject found = fileManager.getJavaFileForInput(location, className, kind);
        if (found == null && location == StandardLocation.CLASS_PATH && kind == JavaFileObject.Kind.CLASS) {
            for (Archive a : archives) {
                ArchivedClass c = a.find(className);
                if (c != null) {
                    return c;
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        for (Archive a : archives) {
            a.zip.close();
        }
        fileManager.close();
    }

    /** A jar of the kernel's layers: its class files by package, read once. */
    private static final class Archive {
        final Path path;
        final ZipFile zip;
        /** Package name (dotted) to the names of its class files, one per line ("List.class\n..."). */
        final Map<String, String> classFiles;

        Archive(Path path) throws IOException {
            this.path = path;
            this.zip = new ZipFile(path.toFile());
            Map<String, StringBuilder> byPackage = new HashMap<>();
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                // Versioned and module descriptors are what the class loader picks at run time; the
                // base entries are the API javac compiles against.
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                int slash = name.lastIndexOf('/');
                String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
                byPackage.computeIfAbsent(pkg, k -> new StringBuilder()).append(name, slash + 1, name.length()).append('\n');
            }
            Map<String, String> packed = new HashMap<>();
            byPackage.forEach((k, v) -> packed.put(k, v.toString()));
            classFiles = packed;
        }

        void list(String pkg, boolean recurse, List<JavaFileObject> out) {
            if (!recurse) {
                add(pkg, out);
                return;
            }
            for (String p : classFiles.keySet()) {
                if (pkg.isEmpty() || p.equals(pkg) || p.startsWith(pkg + ".")) {
                    add(p, out);
                }
            }
        }

        private void add(String pkg, List<JavaFileObject> out) {
            String names = classFiles.get(pkg);
            if (names == null) {
                return;
            }
            String dir = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
            String prefix = pkg.isEmpty() ? "" : pkg + ".";
            for (String file : names.split("\n")) {
                out.add(new ArchivedClass(this, dir + file, prefix + file.substring(0, file.length() - ".class".length())));
            }
        }

        ArchivedClass find(String binaryName) {
            int dot = binaryName.lastIndexOf('.');
            String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
            String file = binaryName.substring(dot + 1) + ".class";
            String names = classFiles.get(pkg);
            if (names == null || !("\n" + names).contains("\n" + file + "\n")) {
                return null;
            }
            return new ArchivedClass(this, (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + file, binaryName);
        }
    }

    /** A class file in one of the layers' jars. */
    private static final class ArchivedClass extends SimpleJavaFileObject {
        private final Archive archive;
        private final String entry;
        final String binaryName;

        ArchivedClass(Archive archive, String entry, String binaryName) {
            // Hierarchical, as SimpleJavaFileObject requires (a jar: URI is opaque), in the jar: form otherwise.
            super(URI.create(archive.path.toUri() + "!/" + entry), Kind.CLASS);
            this.archive = archive;
            this.entry = entry;
            this.binaryName = binaryName;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            ZipEntry e = archive.zip.getEntry(entry);
            if (e == null) {
                throw new FileNotFoundException(entry + " in " + archive.path);
            }
            return archive.zip.getInputStream(e);
        }

        @Override
        public String getName() {
            // javac's own form for a class file in a jar.
            return archive.path + "(" + entry + ")";
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            String file = simpleName + kind.extension;
            return kind == Kind.CLASS && (entry.equals(file) || entry.endsWith("/" + file));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ArchivedClass c && c.toUri().equals(toUri());
        }

        @Override
        public int hashCode() {
            return toUri().hashCode();
        }
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
     * answer here is always empty, but finding that out walked every class-path entry, on every
     * cell's compilation. A jar that declares a package named {@code REPL} would clash
     * with JShell's classes anyway.
     */
    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        if (location == StandardLocation.CLASS_PATH && packageName.equals(REPL_PACKAGE) && !recurse) {
            return List.of();
        }
        Iterable<JavaFileObject> found = fileManager.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || archives.isEmpty() || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return found;
        }
        // The notebook's jars first, then the layers, as on the snippet class loader's path: javac
        // takes the first class file of a name, so a jar the notebook adds with another version of
        // a toolkit library compiles against the version that will run.
        List<JavaFileObject> all = new ArrayList<>();
        found.forEach(all::add);
        for (Archive a : archives) {
            a.list(packageName, recurse, all);
        }
        return all;
    }

    /** JShell's package for snippet classes (jdk.jshell.Util.REPL_PACKAGE, not exported). */
    static final String REPL_PACKAGE = "REPL";

    // The rest of StandardJavaFileManager passes straight through (ForwardingJavaFileManager
    // forwards what JavaFileManager declares).

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
