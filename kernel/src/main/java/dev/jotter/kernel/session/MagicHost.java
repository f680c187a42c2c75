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
                    r = Magics.load(MagicHost.class.getClassLoader());
                    registry = r;
                }
            }
        }
        return r;
    }

    Object runLine(String name, String args) throws Exception {
        return registry().runLine(name, args, this);
    }

    Object runCell(String name, String args, String body) throws Exception {
        return registry().runCell(name, args, body, this);
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
