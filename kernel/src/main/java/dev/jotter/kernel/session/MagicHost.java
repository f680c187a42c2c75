package dev.jotter.kernel.session;

import dev.jotter.kernel.MimeBundle;
import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.Magics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The kernel's side of the magics SPI: the {@link Magics} registry (found with ServiceLoader)
 * runs magics, and this class gives them the session's services through {@link MagicContext}.
 */
public final class MagicHost implements MagicContext {
    private final Session session;
    private volatile Magics registry;

    /** @param session the session whose services magics get */
    public MagicHost(Session session) {
        this.session = session;
    }

    /** @return the registry of every magic on the class path, loaded on first use to keep kernel start-up short */
    public Magics registry() {
        Magics r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = withNotebookMagics(Magics.load(MagicHost.class.getClassLoader()));
                    registry = r;
                }
            }
        }
        return r;
    }

    /**
     * The kernel's magics plus those registered in the notebook's class loader: the toolkit's
     * (%device, %seed, which work on the toolkit's DJL) and those of jars added before first use.
     */
    private Magics withNotebookMagics(Magics kernel) {
        ClassLoader user = session.openLibraries().loader();
        java.util.List<dev.jotter.magics.Magic> all = new java.util.ArrayList<>(kernel.all());
        for (Class<? extends dev.jotter.magics.Magic> type : java.util.List.of(dev.jotter.magics.LineMagic.class, dev.jotter.magics.CellMagic.class)) {
            var it = java.util.ServiceLoader.load(type, user).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    all.add(it.next());
                } catch (java.util.ServiceConfigurationError | LinkageError e) {
                    System.err.println("A magic could not load and is skipped: " + e);
                }
            }
        }
        return Magics.of(all);
    }

    Object runLine(String name, String args) throws Exception {
        return inLoaderOf(registry().lineMagic(name).orElse(null), () -> registry().runLine(name, args, this));
    }

    Object runCell(String name, String args, String body) throws Exception {
        return inLoaderOf(registry().cellMagic(name).orElse(null), () -> registry().runCell(name, args, body, this));
    }

    /**
     * Runs a magic of the notebook's class loader (the toolkit's %device and %seed) with that
     * loader as the thread's context class loader, as its code runs in a cell: DJL finds its
     * engines through it.
     */
    private static Object inLoaderOf(dev.jotter.magics.Magic magic, java.util.concurrent.Callable<Object> run) throws Exception {
        ClassLoader own = magic == null ? null : magic.getClass().getClassLoader();
        if (own == null || own == MagicHost.class.getClassLoader()) {
            return run.call();
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(own);
        try {
            return run.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        MagicThread.refuseIfAbandoned("add " + paths + " to the class path");
        session.workspace().addToClasspath(paths);
    }

    @Override
    public List<Path> classpath() {
        return session.workspace().classpath();
    }

    @Override
    public Object eval(String code) throws Exception {
        MagicThread.refuseIfAbandoned("run Java for a magic");
        return session.evalForMagic(code);
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        MagicThread.refuseIfAbandoned("show a value");
        return session.display(value, mimeTypes);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        MagicThread.refuseIfAbandoned("update a display");
        session.updateDisplay(displayId, value);
    }

    @Override
    public void displayBundle(Map<String, Object> bundle) {
        MagicThread.refuseIfAbandoned("show a value");
        session.display(new MimeBundle(bundle, Map.of()));
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public PrintStream err() {
        return System.err;
    }

    @Override
    public Path workingDirectory() {
        return session.workspace().workingDirectory();
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        MagicThread.refuseIfAbandoned("change the working directory to " + dir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory: '" + dir + "'. Check the path with %pwd.");
        }
        session.workspace().setWorkingDirectory(dir);
    }

    @Override
    public Map<String, String> environment() {
        return session.workspace().environment();
    }

    @Override
    public List<Variable> variables() {
        return session.workspace().variables();
    }

    @Override
    public List<Magic> magics() {
        return registry().all();
    }
}
