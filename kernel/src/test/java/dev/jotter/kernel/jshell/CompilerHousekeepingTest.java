package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.session.Recorder;
import dev.jotter.kernel.session.Session;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.session.CellResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JShell's compiler state stays the size of what is live, and every cell still compiles and runs. */
class CompilerHousekeepingTest {
    private static Session session;

    @BeforeAll
    static void start() {
        // The tuned machinery whichever -Djotter.jshell the tests run with: this tests it.
        session = new Session(new OutputRouter(), new Renderers(), new TunedJShell());
        session.start();
    }

    private static CompilerHousekeeping housekeeping() {
        return ((TunedJShell) session.machinery()).housekeeping();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Recorder run(String code) {
        Recorder r = new Recorder();
        CellResult result = session.execute(code, 1, r);
        assertTrue(result.ok(), code + " failed: " + result.ename() + ": " + result.evalue() + "\n" + r.traceback);
        return r;
    }

    private static String value(String code) {
        return (String) run(code).result.get("text/plain");
    }

    @Test
    void attachesOnThisJdk() throws ReflectiveOperationException {
        // Fails when a JDK upgrade moves the members it reaches (the kernel then runs as plain JShell).
        assertNotNull(housekeeping(), "JShell's compiler state is out of reach on " + Runtime.version());
        assertTrue(housekeeping().classTablesIndexed(), "javac's class tables carry the index of JShell's package");
    }

    @Test
    void theClassTableListsOnlyJShellsPackageToTheWalk() {
        Map<Object, Map<Object, Object>> javac = new HashMap<>();
        javac.put("java.util.List", new HashMap<>(Map.of("java.base", "List")));
        javac.put("REPL.$JShell$3", new HashMap<>(Map.of("unnamed", "$JShell$3")));
        CompilerHousekeeping.IndexedClassTable table = new CompilerHousekeeping.IndexedClassTable(javac);
        assertEquals(List.of(Map.of("unnamed", "$JShell$3")), List.copyOf(table.values()));
        table.computeIfAbsent("REPL.$JShell$4$Inner", n -> new HashMap<>()).put("unnamed", "Inner");
        table.computeIfAbsent("java.util.Map", n -> new HashMap<>()).put("java.base", "Map");
        assertEquals(2, table.values().size(), table.values().toString());
        assertEquals(4, table.size(), "every other access sees the whole table");
        assertEquals("Map", table.get("java.util.Map").get("java.base"));
        table.remove("REPL.$JShell$3");
        assertEquals(List.of(Map.of("unnamed", "Inner")), List.copyOf(table.values()));
    }

    @Test
    void cellsCompileAgainstEverythingLiveAfterTheStaleClassFilesAreGone() throws ReflectiveOperationException {
        run("record Point(int x, int y) { Point twice() { return new Point(2 * x, 2 * y); } }");
        run("interface Shape { double area(); }");
        run("class Square implements Shape { final double side; Square(double s) { side = s; }"
                + " public double area() { return side * side; } class Corner { Point at() { return new Point(0, 0); } } }");
        run("int scale(int v) { return v * factor(); }");
        run("int factor() { return 2; }");
        run("java.util.function.IntSupplier counter = new java.util.function.IntSupplier() { int n; public int getAsInt() { return ++n; } };");
        for (int i = 0; i < 5; i++) {
            assertEquals(String.valueOf(i + 1), value(i + " + 1"));
        }
        // Redefinitions replace classes; the dependents JShell recompiles must still find theirs.
        run("int factor() { return 3; }");
        assertEquals("12", value("scale(4)"));
        run("var origin = new Point(1, 2).twice();");
        assertEquals("Point[x=2, y=4]", value("origin"));
        assertEquals("9.0", value("new Square(3).area()"));
        assertEquals("Point[x=0, y=0]", value("new Square(1).new Corner().at()"));
        assertEquals("1", value("counter.getAsInt()"));
        assertEquals("2", value("counter.getAsInt()"));
        run("Shape unit = () -> 1.0;");
        assertEquals("1.0", value("unit.area()"));
        // A class redefined with a new shape: its users are recompiled against the new one.
        run("record Point(int x, int y, int z) { Point twice() { return new Point(2 * x, 2 * y, 2 * z); } }");
        assertEquals("Point[x=2, y=4, z=6]", value("new Point(1, 2, 3).twice()"));

        CompilerHousekeeping h = housekeeping();
        h.tidy(session.shell());
        Set<String> files = h.classFileNames();
        assertTrue(files.stream().allMatch(f -> f.startsWith("REPL.$JShell$")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("$Corner")), "nested classes of live snippets stay: " + files);
        int live = files.size();
        for (int i = 0; i < 20; i++) {
            // Each redefinition of one of four variables leaves the class file of the one before.
            run("int w" + (i % 4) + " = " + i + ";");
            value(i + " * 2");
        }
        int grown = h.classFileNames().size();
        // Four more live ones, and at most one stale one per cell since the last tidy-up.
        assertTrue(grown >= live + 4 && grown < live + 4 + CompilerHousekeeping.CELLS_PER_TIDY, "tidied every few cells: " + grown + " class files");
        h.tidy(session.shell());
        assertEquals(live + 4, h.classFileNames().size(), "only the live snippets' class files stay: " + h.classFileNames());
    }

    @Test
    void nestedClassFilesBelongToTheirSnippetClass() {
        assertEquals("REPL.$JShell$12B", CompilerHousekeeping.outerClass("REPL.$JShell$12B$Corner"));
        assertEquals("REPL.$JShell$12B", CompilerHousekeeping.outerClass("REPL.$JShell$12B$Corner$1"));
        assertEquals("REPL.$JShell$3_4B", CompilerHousekeeping.outerClass("REPL.$JShell$3_4B"));
        assertEquals("other.Name", CompilerHousekeeping.outerClass("other.Name"));
    }
}
