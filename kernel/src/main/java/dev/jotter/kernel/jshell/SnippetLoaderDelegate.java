package dev.jotter.kernel.jshell;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * JShell's class loading for the in-process engine: snippet classes in a {@link CellClassLoader}
 * over the {@link Libraries}' one {@link SnippetClassLoader} (where JDK 25's default delegate makes
 * a URLClassLoader whose parent sees the kernel's whole class path).
 */
final class SnippetLoaderDelegate implements LoaderDelegate {
    private final Libraries libraries;
    private final CellClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private volatile ClassHierarchyResolver resolver;

    SnippetLoaderDelegate(Libraries libraries) {
        this.libraries = libraries;
        this.loader = new CellClassLoader(libraries.loader());
        resolver = newResolver();
    }

    /**
     * What the class-file API needs to know of classes when it writes a snippet class's stack
     * maps again: their supertypes, read from the bytes this loader would define (snippet classes
     * declared but not yet defined, the notebook's jars, the toolkit layer, the JDK). JDK 25's own
     * weaving asks the system class loader, which never sees a jar added at run time.
     */
    ClassHierarchyResolver resolver() {
        return resolver;
    }

    /** @return the session's class loader of snippet classes, over the libraries' */
    CellClassLoader loader() {
        return loader;
    }

    private ClassHierarchyResolver newResolver() {
        return ClassHierarchyResolver.ofResourceParsing(this::classBytes).cached();
    }

    private InputStream classBytes(ClassDesc desc) {
        String descriptor = desc.descriptorString();
        if (!descriptor.startsWith("L")) {
            return null;
        }
        String internal = descriptor.substring(1, descriptor.length() - 1);
        byte[] snippet = loader.snippetBytes(internal.replace('/', '.'));
        if (snippet != null) {
            return new ByteArrayInputStream(snippet);
        }
        return loader.getResourceAsStream(internal + ".class");
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) {
                loader.declare(cbc.name(), cbc.bytecodes());
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> c = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), c);
                loaded[i] = true;
                // Prepared now, as JShell's own delegate does, so that a broken class fails here.
                c.getDeclaredMethods();
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), loaded);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String p : path.split(File.pathSeparator)) {
                if (!p.isEmpty()) {
                    libraries.addNotebook(Path.of(p));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InternalException("Cannot add " + path + " to the class path: " + e);
        }
        // A class the old resolver could not find may be in the new jar.
        resolver = newResolver();
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = classes.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return c;
    }
}
