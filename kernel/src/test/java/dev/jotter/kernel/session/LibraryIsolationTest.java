package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.cli.NotebookRunner;
import dev.jotter.kernel.display.OutputRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What user code sees (docs/library-isolation.md): the JDK, the user API, the toolkit layer and
 * what the notebook adds, never the kernel's own libraries; and jars added at run time work in
 * every snippet shape JDK 25's local execution re-weaves (issue 19, point 7). On the machinery
 * -Djotter.jshell chooses: surefire runs this class on tuned and on plain JShell.
 */
class LibraryIsolationTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();
    @TempDir
    static Path dir;

    static Recorder run(Session s, OutputRouter r, String code) {
        return LiveSession.run(s, r, code, 1);
    }

    private static Recorder run(String code) {
        return live.run(code);
    }

    private static String value(Recorder r) {
        assertNull(r.ename, () -> r.ename + ": " + r.evalue + "\n" + NotebookRunner.stripAnsi(String.join("\n", r.traceback)));
        return (String) r.result.get("text/plain");
    }

    @Test
    void theKernelsOwnLibrariesAreOutOfReach() {
        Recorder zmq = run("Class.forName(\"org.zeromq.ZMQ\")");
        assertEquals("java.lang.ClassNotFoundException", zmq.ename);
        assertEquals("java.lang.ClassNotFoundException", run("Class.forName(\"dev.jotter.kernel.session.Session\")").ename);
        assertEquals("java.lang.ClassNotFoundException", run("Class.forName(\"org.eclipse.aether.RepositorySystem\")").ename);
        assertEquals("java.lang.ClassNotFoundException", run("Class.forName(\"picocli.CommandLine\")").ename);
        Recorder compile = run("import org.zeromq.ZMQ;");
        assertTrue(compile.ename != null, "import org.zeromq.ZMQ compiled");
        // Gson is DJL's dependency, in the toolkit layer: the notebook's class loader's copy, never the kernel's.
        assertEquals("jotter-notebook", value(run("com.google.gson.Gson.class.getClassLoader().getName()")));
    }

    @Test
    void theUserApiAndTheToolkitAreThere() {
        assertEquals("jotter-notebook", value(run("Table.create(\"t\").getClass().getClassLoader().getName()")));
        assertEquals("true", value(run("dev.jotter.kernel.Display.class.getClassLoader() == ClassLoader.getSystemClassLoader()")));
        Recorder table = run("Table.create(\"t\", IntColumn.create(\"x\", new int[] {1, 2, 3}))");
        assertNull(table.ename);
        assertTrue(table.result.containsKey("text/html"), "the toolkit's table renderer rendered: " + table.result.keySet());
    }

    /** A jar of library classes made now: the shapes JDK 25's weaving needed a class hierarchy for. */
    static Path libraryJar(Path where) throws IOException {
        Path src = Files.createDirectories(where.resolve("src/lib"));
        Files.writeString(src.resolve("Base.java"), "package lib; public class Base { public String name() { return getClass().getSimpleName(); } }");
        Files.writeString(src.resolve("Left.java"), "package lib; public class Left extends Base {}");
        Files.writeString(src.resolve("Right.java"), "package lib; public class Right extends Base {}");
        Files.writeString(src.resolve("Failure.java"), "package lib; public class Failure extends Exception { public Failure(String m) { super(m); } }");
        Files.writeString(src.resolve("OtherFailure.java"), "package lib; public class OtherFailure extends RuntimeException { public OtherFailure(String m) { super(m); } }");
        Files.writeString(src.resolve("Thrower.java"), "package lib; public class Thrower { public static void fail(boolean checked) throws Failure { if (checked) throw new Failure(\"checked\"); throw new OtherFailure(\"unchecked\"); } }");
        Path classes = Files.createDirectories(where.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        try (var s = Files.list(src)) {
            s.forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "javac of the test library");
        Path jar = where.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void jarsAddedAtRunTimeWorkWhereTheirTypesMeet() throws IOException {
        Path jar = libraryJar(dir);
        assertNull(run("%jars " + jar).ename);
        // A ternary of two library types: a stack-map merge of Left and Right.
        assertEquals("Right", value(run("boolean flag = false;\nvar o = flag ? new lib.Left() : new lib.Right();\no.name()")));
        // An if/else that assigns either, in a method.
        run("lib.Base pick(boolean left) { lib.Base b; if (left) { b = new lib.Left(); } else { b = new lib.Right(); } return b; }");
        assertEquals("Left", value(run("pick(true).name()")));
        // A try/catch of library exceptions, as an expression's statement and in a loop.
        assertEquals("checked unchecked", value(run("""
                String seen = "";
                for (boolean checked : new boolean[] {true, false}) {
                    try {
                        lib.Thrower.fail(checked);
                    } catch (lib.Failure | lib.OtherFailure e) {
                        seen = (seen + " " + e.getMessage()).strip();
                    }
                }
                seen""")));
        // A class declared in a cell that merges them too.
        run("class Chooser { lib.Base choose(int i) { return i > 0 ? new lib.Left() : new lib.Right(); } }");
        assertEquals("Left", value(run("new Chooser().choose(1).name()")));
    }
}
