package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jotter.kernel.cli.NotebookRunner;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.jshell.Libraries;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL engine a notebook adds is the default one whatever the order of its cells
 * (docs/library-isolation.md): with an engine ranked below PyTorch, added after DJL started and
 * before it did.
 */
class DjlDefaultEngineTest {
    @TempDir
    static Path dir;
    private static Path engineJar;

    /** A DJL engine provider named "Fake", ranked after PyTorch, compiled against the toolkit layer's DJL. */
    @BeforeAll
    static void buildEngine() throws IOException {
        String listed = System.getProperty(Libraries.TOOLKIT_PROPERTY);
        StringBuilder classPath = new StringBuilder();
        for (String entry : listed.split(File.pathSeparator)) {
            List<String> paths = entry.startsWith("@") ? List.of(Files.readString(Path.of(entry.substring(1))).strip().split(File.pathSeparator)) : List.of(entry);
            paths.stream().filter(p -> Path.of(p).getFileName().toString().startsWith("api-")).forEach(p -> classPath.append(p).append(File.pathSeparator));
        }
        Path src = Files.createDirectories(dir.resolve("src/fake"));
        Files.writeString(src.resolve("FakeProvider.java"), """
                package fake;
                public class FakeProvider implements ai.djl.engine.EngineProvider {
                    public String getEngineName() { return "Fake"; }
                    public int getEngineRank() { return 9; }
                    public ai.djl.engine.Engine getEngine() { throw new UnsupportedOperationException("a fake engine"); }
                }""");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", classPath.toString(), "-d", classes.toString(),
                src.resolve("FakeProvider.java").toString()), "javac of the fake engine against " + classPath);
        engineJar = dir.resolve("fake-engine.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(engineJar))) {
            out.putNextEntry(new JarEntry("META-INF/services/ai.djl.engine.EngineProvider"));
            out.write("fake.FakeProvider\n".getBytes());
            out.putNextEntry(new JarEntry("fake/FakeProvider.class"));
            out.write(Files.readAllBytes(classes.resolve("fake/FakeProvider.class")));
            out.closeEntry();
        }
    }

    @AfterEach
    void forget() {
        System.clearProperty("ai.djl.default_engine");
    }

    private static String value(Recorder r) {
        assertNull(r.ename, () -> r.ename + ": " + r.evalue + "\n" + NotebookRunner.stripAnsi(String.join("\n", r.traceback)));
        return (String) r.result.get("text/plain");
    }

    @Test
    void anEngineAddedAfterDjlStartedIsTheDefault() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            assertEquals("PyTorch", value(LibraryIsolationTest.run(session, router, "ai.djl.engine.Engine.getDefaultEngineName()")));
            assertNull(LibraryIsolationTest.run(session, router, "%jars " + engineJar).ename);
            assertEquals("Fake", value(LibraryIsolationTest.run(session, router, "ai.djl.engine.Engine.getDefaultEngineName()")));
            assertEquals("true", value(LibraryIsolationTest.run(session, router, "ai.djl.engine.Engine.hasEngine(\"Fake\") && ai.djl.engine.Engine.hasEngine(\"PyTorch\")")));
        }
        assertNull(System.getProperty("ai.djl.default_engine"), "the notebook's choice ends with its session");
    }

    @Test
    void anEngineAddedBeforeDjlStartedIsTheDefault() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            assertNull(LibraryIsolationTest.run(session, router, "%jars " + engineJar).ename);
            assertEquals("Fake", value(LibraryIsolationTest.run(session, router, "ai.djl.engine.Engine.getDefaultEngineName()")));
        }
    }
}
