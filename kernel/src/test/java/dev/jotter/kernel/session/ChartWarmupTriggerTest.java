package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart warm-up waits for the notebook's first use of the toolkit layer: a kernel whose cells
 * never touch it never loads XChart and AWT beside them (bench/RESULTS.md), and what the kernel
 * itself takes from that layer (its renderers, loaded at start and asked about every cell's value)
 * does not count as a use.
 */
class ChartWarmupTriggerTest {
    private static final String STARTED = "chart warm-up started by the first use of ";
    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private static Session session;
    private static OutputRouter router;
    private static PrintStream err;

    @BeforeAll
    static void start() {
        err = System.err;
        // The router keeps the stderr it finds as the kernel's log.
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        router = new OutputRouter();
        router.install();
        session = new Session(router, new Renderers());
        session.warmUpChartsOnFirstToolkitUse();
        session.start();
    }

    @AfterAll
    static void stop() {
        session.close();
        System.setErr(err);
    }

    private static String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsAtTheFirstToolkitClassAndNotBefore() throws InterruptedException {
        Recorder plain = LibraryIsolationTest.run(session, router, "int a = 6 * 7; String s = \"x\" + a;");
        assertNull(plain.ename, plain.evalue);
        // A value to show: the kernel's renderers ask whether it is a Table, which loads Tablesaw's Table class.
        Recorder value = LibraryIsolationTest.run(session, router, "a * 3");
        assertNull(value.ename, value.evalue);
        assertFalse(logged().contains(STARTED), "started before any toolkit use: " + logged());

        Recorder data = LibraryIsolationTest.run(session, router, "var iris = Datasets.load(\"iris\");");
        assertNull(data.ename, data.evalue);
        long end = System.nanoTime() + 10_000_000_000L;
        while (!logged().contains(STARTED) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(logged().contains(STARTED + "dev.jotter.toolkit.data.Datasets"), logged());
    }
}
