package dev.jotter.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The one class loader of the libraries user code sees: the jars a notebook adds and the toolkit
 * layer (JShell's snippet classes are defined by a {@link CellClassLoader} of each session, whose
 * parent this is). Its search order is what the notebook sees, at run time as at compile time:
 * <ol>
 *   <li>the JDK, and the kernel's documented user API ({@link ApiOnly}: the api jar's classes and
 *       {@code dev.jotter.kernel.ExitGuard}); nothing else of the kernel's class path;</li>
 *   <li>the jars the notebook added ({@code %maven}, {@code %jars}, {@code %%loadFromPOM}), in
 *       the order added;</li>
 *   <li>the toolkit layer (the toolkit, Tablesaw, XChart, DJL with its natives, Smile, ...), less
 *       the entries a notebook jar has replaced.</li>
 * </ol>
 * One loader, not one per layer: a JNI library such as {@code libdjl_torch.so} can be loaded by one
 * class loader only, and the toolkit's classes must link against the notebook's version of a
 * library that the notebook chose.
 *
 * <p>A URLClassLoader in type only ({@link #getURLs()} lists the notebook's and the toolkit's
 * entries, for libraries that scan it): URLClassLoader's own path only ever appends, and the
 * notebook's jars, added later, must come before the toolkit's.
 */
public final class SnippetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final List<ClassPathEntry> notebook = new CopyOnWriteArrayList<>();
    private final List<ClassPathEntry> toolkit;
    /** Run once, on the first class user code takes from the toolkit's front door; then null. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<String>> firstToolkitUse =
            new java.util.concurrent.atomic.AtomicReference<>();

    SnippetClassLoader(ApiOnly parent, List<java.nio.file.Path> toolkitPaths) {
        super("jotter-notebook", new URL[0], parent);
        List<ClassPathEntry> t = new ArrayList<>();
        for (var p : toolkitPaths) {
            try {
                t.add(new ClassPathEntry(p, ClassPathEntry.Layer.TOOLKIT, this));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the toolkit layer's " + p + "; reinstall the kernel (jotter install)", e);
            }
        }
        toolkit = List.copyOf(t);
    }

    /** @return the toolkit layer's entries, in search order */
    List<ClassPathEntry> toolkit() {
        return toolkit;
    }

    /** @return the notebook's entries, in the order added */
    List<ClassPathEntry> notebook() {
        return List.copyOf(notebook);
    }

    /** Appends a notebook entry, searched after earlier ones and before the toolkit layer. */
    ClassPathEntry addNotebook(java.nio.file.Path path) throws IOException {
        ClassPathEntry e = new ClassPathEntry(path, ClassPathEntry.Layer.NOTEBOOK, this);
        notebook.add(e);
        return e;
    }

    /** @return the entries searched, in order: the notebook's, then the toolkit's still in force */
    List<ClassPathEntry> searchOrder() {
        List<ClassPathEntry> all = new ArrayList<>(notebook);
        for (ClassPathEntry e : toolkit) {
            if (e.replacedBy == null) {
                all.add(e);
            }
        }
        return all;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        for (ClassPathEntry e : searchOrder()) {
            byte[] bytes;
            try {
                bytes = e.read(file);
            } catch (IOException ex) {
                throw new ClassNotFoundException("Cannot read " + file + " from " + e.path + ": " + ex.getMessage(), ex);
            }
            if (bytes != null) {
                definePackageOf(name, e);
                e.used = true;
                if (e.layer == ClassPathEntry.Layer.TOOLKIT && firstToolkitUse.get() != null && isFrontDoor(name) && calledFromNotebookCode()) {
                    var action = firstToolkitUse.getAndSet(null);
                    if (action != null) {
                        action.accept(name);
                    }
                }
                return defineClass(name, bytes, 0, bytes.length, e.domain());
            }
        }
        throw new ClassNotFoundException(name);
    }

    /**
     * Sets what to do, once, when user code first takes a class from the toolkit layer's libraries
     * (the toolkit's own packages, Tablesaw, XChart, DJL, Smile). The kernel starts its chart
     * warm-up there rather than at start: a notebook that never uses the toolkit then never pays
     * for loading XChart and AWT beside its first cells, and one that does starts warming up at its
     * first data or model cell, before its first chart (bench/RESULTS.md). The action gets the
     * class's name and must return at once (it runs inside class loading).
     */
    void onFirstToolkitUse(java.util.function.Consumer<String> action) {
        firstToolkitUse.set(action);
    }

    /**
     * Whether a class is one user code reaches for, rather than the kernel's glue that it loads at
     * start (the renderers and magics in {@code dev.jotter.toolkit.notebook}).
     */
    private static boolean isFrontDoor(String name) {
        return (name.startsWith("dev.jotter.toolkit.") && !name.startsWith("dev.jotter.toolkit.notebook."))
                || name.startsWith("tech.tablesaw.") || name.startsWith("org.knowm.xchart.")
                || name.startsWith("ai.djl.") || name.startsWith("smile.");
    }

    /**
     * Whether notebook code (a snippet class, JShell's package {@code REPL}) is on the stack: the
     * kernel's own uses of the toolkit layer, such as its table renderer's {@code instanceof Table}
     * on every cell's value, are not the notebook's. Walked only until the first use is seen.
     */
    private static boolean calledFromNotebookCode() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("REPL.")));
    }

    private void definePackageOf(String className, ClassPathEntry e) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        try {
            Manifest m = e.manifest();
            if (m != null) {
                definePackage(pkg, m, e.url);
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException raced) {
            // Another thread defined it first.
        }
    }

    @Override
    protected Package definePackage(String name, Manifest man, URL url) {
        // URLClassLoader's would seal packages a manifest seals; a notebook mixing versions must not fail on that.
        Attributes main = man.getMainAttributes();
        return definePackage(name, main.getValue(Attributes.Name.SPECIFICATION_TITLE), main.getValue(Attributes.Name.SPECIFICATION_VERSION),
                main.getValue(Attributes.Name.SPECIFICATION_VENDOR), main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
    }

    @Override
    public URL findResource(String name) {
        for (ClassPathEntry e : searchOrder()) {
            URL u = e.resource(name);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    @Override
    public Enumeration<URL> findResources(String name) {
        List<URL> found = new ArrayList<>();
        for (ClassPathEntry e : searchOrder()) {
            URL u = e.resource(name);
            if (u != null) {
                found.add(u);
            }
        }
        return Collections.enumeration(found);
    }

    @Override
    public URL[] getURLs() {
        return searchOrder().stream().map(e -> e.url).toArray(URL[]::new);
    }

    /** @return the entry a class defined here came from, or null (a JDK, API or snippet class) */
    ClassPathEntry entryOf(Class<?> c) {
        if (c.getClassLoader() != this || c.getProtectionDomain().getCodeSource() == null) {
            return null;
        }
        URL u = c.getProtectionDomain().getCodeSource().getLocation();
        for (ClassPathEntry e : toolkit) {
            if (e.url.equals(u)) {
                return e;
            }
        }
        for (ClassPathEntry e : notebook) {
            if (e.url.equals(u)) {
                return e;
            }
        }
        return null;
    }

    /** @return the class if this loader has defined it, else null; never loads */
    Class<?> loaded(String name) {
        return findLoadedClass(name);
    }

    @Override
    public void close() throws IOException {
        for (ClassPathEntry e : searchOrder()) {
            e.close();
        }
        super.close();
    }

    /**
     * The parent of {@link SnippetClassLoader}: the JDK (the platform class loader) and, from the
     * kernel's own class loader, exactly the classes and resources of the user API: the api jar
     * and {@code dev.jotter.kernel.ExitGuard}, which snippet classes call once their exits are
     * rewritten. Anything else of the kernel (ZeroMQ, Gson, the Maven resolver, its internals)
     * is not found.
     */
    static final class ApiOnly extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader kernel;
        private final Set<String> resources;

        /**
         * @param kernel the kernel's class loader
         * @param resources the api jar's resource names ({@code dev/jotter/kernel/Display.class}), and ExitGuard's
         */
        ApiOnly(ClassLoader kernel, Set<String> resources) {
            super("jotter-api", ClassLoader.getPlatformClassLoader());
            this.kernel = kernel;
            this.resources = Set.copyOf(resources);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (resources.contains(name.replace('.', '/') + ".class")) {
                return kernel.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            return resources.contains(name) ? kernel.getResource(name) : null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL u = findResource(name);
            return u == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(u));
        }

        /** @return whether the user API holds this resource */
        boolean exposes(String resource) {
            return resources.contains(resource);
        }
    }
}
