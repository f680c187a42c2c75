import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.Magics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times %maven for an artifact already in ~/.m2, as a kernel would run it: the first call in a
 * fresh JVM (creates the resolver) and then warm calls. Run with bench/magics/run.sh.
 */
public class MavenBench {
    public static void main(String[] args) throws Exception {
        String coordinate = args.length > 0 ? args[0] : "com.google.code.gson:gson:2.13.2";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Magics magics = Magics.load();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Context ctx = new Context(magics);
            long t0 = System.nanoTime();
            magics.runLine("maven", coordinate, ctx);
            times.add(System.nanoTime() - t0);
            if (ctx.cp.isEmpty()) {
                throw new IllegalStateException("nothing resolved");
            }
        }
        long first = times.removeFirst();
        List<Long> warm = times.stream().sorted().toList();
        System.out.printf("%%maven %s%n", coordinate);
        System.out.printf("first call in a fresh JVM: %.1f ms%n", first / 1e6);
        System.out.printf("warm (%d calls): median %.1f ms, min %.1f ms, max %.1f ms%n", warm.size(),
                warm.get(warm.size() / 2) / 1e6, warm.getFirst() / 1e6, warm.getLast() / 1e6);
    }

    /** Just enough of a kernel for %maven. */
    static final class Context implements MagicContext {
        final List<Path> cp = new ArrayList<>();
        final Magics magics;

        Context(Magics magics) {
            this.magics = magics;
        }

        public void addToClasspath(List<Path> paths) { cp.addAll(paths); }
        public List<Path> classpath() { return cp; }
        public Object eval(String code) { throw new UnsupportedOperationException(); }
        public String display(Object value, String... mimeTypes) { return ""; }
        public void updateDisplay(String displayId, Object value) {}
        public void displayBundle(Map<String, Object> bundle) {}
        public PrintStream out() { return System.out; }
        public PrintStream err() { return System.err; }
        public Path workingDirectory() { return Path.of("."); }
        public void setWorkingDirectory(Path dir) {}
        public Map<String, String> environment() { return new HashMap<>(System.getenv()); }
        public List<Variable> variables() { return List.of(); }
        public List<Magic> magics() { return magics.all(); }
    }
}
