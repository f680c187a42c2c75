package dev.jotter.kernel.jshell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines one session's snippet classes (JShell's {@code REPL.*}), over the libraries'
 * {@link SnippetClassLoader}. A loader of its own per session, because JShell names its classes
 * afresh in every session ({@code REPL.$JShell$12}) while the libraries' loader may outlive a
 * session: {@link Libraries#forThisKernel()} hands the next session of the same JVM (the next
 * notebook of {@code jotter run}) the same libraries when the last one added none, and a native
 * library such as PyTorch's can be loaded by one class loader in a JVM only.
 */
final class CellClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippets = new ConcurrentHashMap<>();

    CellClassLoader(SnippetClassLoader libraries) {
        super("jotter-cells", libraries);
    }

    /** Declares a snippet class's bytes; {@link #loadClass} defines it on first use. */
    void declare(String name, byte[] bytes) {
        snippets.put(name, bytes);
    }

    /** @return the bytes of a snippet class declared here, or null */
    byte[] snippetBytes(String name) {
        return snippets.get(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // Snippet classes first: their package (REPL) is JShell's, never a library's.
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = snippets.get(name);
                c = b != null ? defineClass(name, b, 0, b.length) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
