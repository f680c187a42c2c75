package dev.jotter.kernel;

import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The kernel's side of the magics SPI: finds every {@link LineMagic} and {@link CellMagic} with
 * {@link ServiceLoader} and gives them the session's services through {@link MagicContext}.
 */
final class MagicHost implements MagicContext {
    private final Session session;
    private final Map<String, LineMagic> lines = new LinkedHashMap<>();
    private final Map<String, CellMagic> cells = new LinkedHashMap<>();
    private final List<Magic> all = new ArrayList<>();

    MagicHost(Session session) {
        this.session = session;
        ClassLoader cl = MagicHost.class.getClassLoader();
        for (LineMagic m : ServiceLoader.load(LineMagic.class, cl)) {
            all.add(m);
            lines.putIfAbsent(m.name(), m);
            m.aliases().forEach(a -> lines.putIfAbsent(a, m));
        }
        for (CellMagic m : ServiceLoader.load(CellMagic.class, cl)) {
            all.add(m);
            cells.putIfAbsent(m.name(), m);
            m.aliases().forEach(a -> cells.putIfAbsent(a, m));
        }
    }

    Object runLine(String name, String args) throws Exception {
        LineMagic m = lines.get(name);
        if (m == null) {
            throw unknown("%", name, lines.keySet());
        }
        return m.run(args, this);
    }

    Object runCell(String name, String args, String body) throws Exception {
        CellMagic m = cells.get(name);
        if (m == null) {
            throw unknown("%%", name, cells.keySet());
        }
        return m.run(args, body, this);
    }

    private static MagicException unknown(String prefix, String name, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        String hint = best != null && bestDistance <= Math.max(2, name.length() / 3) ? " Did you mean " + prefix + best + "?" : "";
        return new MagicException("Unknown magic " + prefix + name + "." + hint + " Run %lsmagic to list magics.");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    List<String> complete(String prefix, boolean cell) {
        TreeSet<String> names = new TreeSet<>();
        (cell ? cells.keySet() : lines.keySet()).stream().filter(n -> n.startsWith(prefix)).forEach(names::add);
        return new ArrayList<>(names);
    }

    Map<String, String> summaries() {
        Map<String, String> m = new LinkedHashMap<>();
        all.forEach(x -> m.put(x.name(), x.summary()));
        return m;
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        session.addToClasspath(paths);
    }

    @Override
    public List<Path> classpath() {
        return session.classpath();
    }

    @Override
    public Object eval(String code) throws Exception {
        return session.evalForMagic(code);
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        return session.display(value, mimeTypes);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        session.updateDisplay(displayId, value);
    }

    @Override
    public void displayBundle(Map<String, Object> bundle) {
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
        return session.workingDirectory();
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory: '" + dir + "'. Check the path with %pwd.");
        }
        session.setWorkingDirectory(dir);
    }

    @Override
    public Map<String, String> environment() {
        return session.environment();
    }

    @Override
    public List<Variable> variables() {
        return session.variables();
    }

    @Override
    public List<Magic> magics() {
        return List.copyOf(all);
    }
}
