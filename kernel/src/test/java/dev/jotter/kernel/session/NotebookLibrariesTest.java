package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.cli.NotebookRunner;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.jshell.Libraries;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a notebook asks for with %maven is what it compiles and runs against, over the toolkit
 * layer's version, and it is told so (issue 19, point 2). Each test starts a session of its own,
 * as a notebook starts a kernel. Resolves from Maven Central (or the local repository).
 */
class NotebookLibrariesTest {

    /** As a kernel starts: nothing of the toolkit loaded by an earlier session of this JVM. */
    @BeforeEach
    void freshJvm() throws IOException {
        Libraries.startAfresh();
    }

    private static String value(Recorder r) {
        assertNull(r.ename, () -> r.ename + ": " + r.evalue + "\n" + NotebookRunner.stripAnsi(String.join("\n", r.traceback)));
        return (String) r.result.get("text/plain");
    }

    @Test
    void anOlderTablesawFromTheNotebookWinsAtCompileAndRunTime() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            Recorder added = LibraryIsolationTest.run(session, router, "%maven tech.tablesaw:tablesaw-core:0.38.1");
            assertNull(added.ename, () -> added.evalue);
            String said = added.stderr.toString();
            assertTrue(said.contains("tech.tablesaw:tablesaw-core 0.38.1 (toolkit: 0.44.4)"), "said at once: " + said);
            assertEquals(1, said.strip().lines().count(), "in one sentence: " + said);
            // select(String...) is 0.38's; 0.44 renamed it selectColumns.
            assertEquals("1", value(LibraryIsolationTest.run(session, router,
                    "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.StringColumn.create(\"a\"), tech.tablesaw.api.IntColumn.create(\"b\")).select(\"a\").columnCount()")));
            String source = value(LibraryIsolationTest.run(session, router,
                    "tech.tablesaw.api.Table.class.getProtectionDomain().getCodeSource().getLocation().toString()"));
            assertTrue(source.contains("tablesaw-core-0.38.1.jar"), source);
        }
    }

    @Test
    void anOlderDjlFromTheNotebookWinsAndIsNamed() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            Recorder added = LibraryIsolationTest.run(session, router, "%maven ai.djl:api:0.25.0");
            assertNull(added.ename, () -> added.evalue);
            String said = added.stderr.toString();
            assertTrue(said.contains("ai.djl:api 0.25.0 (toolkit: 0.36.0)"), "said at once: " + said);
            assertEquals(1, said.strip().lines().count(), "in one sentence: " + said);
            // The toolkit's DJL engine left with its API: no engine is found rather than a 0.36 engine on a 0.25 API.
            Recorder engine = LibraryIsolationTest.run(session, router, "ai.djl.engine.Engine.getAllEngines()");
            assertEquals("[]", value(engine));
            String source = value(LibraryIsolationTest.run(session, router,
                    "ai.djl.ndarray.NDManager.class.getProtectionDomain().getCodeSource().getLocation().toString()"));
            assertTrue(source.contains("api-0.25.0.jar"), source);
        }
    }

    @Test
    void aLoggingBindingTheNotebookAddsIsTheOneDjlLogsThrough() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            assertNull(LibraryIsolationTest.run(session, router, "%maven org.slf4j:slf4j-simple:2.0.17").ename);
            // DJL's logger: through the notebook's binding, not the kernel's slf4j-nop.
            String factory = value(LibraryIsolationTest.run(session, router,
                    "org.slf4j.LoggerFactory.getLogger(ai.djl.engine.Engine.class).getClass().getName()"));
            assertEquals("org.slf4j.simple.SimpleLogger", factory);
        }
    }

    @Test
    void withoutABindingTheFirstUseOfDjlSaysNothingAboutLogging() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            Recorder r = LibraryIsolationTest.run(session, router, "org.slf4j.LoggerFactory.getLogger(ai.djl.engine.Engine.class).getClass().getName()");
            assertEquals("org.slf4j.helpers.NOPLogger", value(r));
            assertEquals("", r.stderr.toString(), "no SLF4J warning in the cell");
        }
    }

    @Test
    void aNotebookWithNothingAddedUsesTheToolkitSilently() {
        OutputRouter router = new OutputRouter();
        router.install();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            Recorder r = LibraryIsolationTest.run(session, router, "ai.djl.ndarray.NDManager.class.getProtectionDomain().getCodeSource().getLocation().toString()");
            assertTrue(value(r).contains("0.36.0"), value(r));
            assertEquals("", r.stderr.toString());
        }
    }
}
