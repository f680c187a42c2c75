package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An interrupt stops the cell whatever stage it is in when it comes, and never the next cell; on
 * the machinery -Djotter.jshell chooses (the build runs this in both modes).
 */
class CellInterruptTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();

    @BeforeAll
    static void start() {
        // User code cannot reach the kernel's classes (docs/library-isolation.md); a JDK type can carry the call.
        System.getProperties().put(INTERRUPT, (Runnable) live.session()::interrupt);
    }

    /** A system property holding a Runnable that interrupts the session, for cells to call. */
    private static final String INTERRUPT = "jotter.test.interrupt";
    private static final String INTERRUPT_NOW = "((Runnable) System.getProperties().get(\"" + INTERRUPT + "\")).run();";

    @AfterAll
    static void stop() {
        System.getProperties().remove(INTERRUPT);
    }

    private static Recorder run(String code, Instant sentAt) {
        Recorder r = new Recorder();
        live.session().execute(code, 1, r, sentAt);
        live.router().flush();
        return r;
    }

    private static void assertAlive() {
        assertEquals("2", run("1 + 1", null).result.get("text/plain"));
    }

    @Test
    void anInterruptBeforeTheCodeRunsStopsTheCellBeforeItsLoop() {
        // The first snippet asks for the stop; the loop after it was never started by JShell's stop.
        Recorder r = run(INTERRUPT_NOW + "\nwhile (true) { }", null);
        assertEquals("InterruptedException", r.ename);
        assertAlive();
    }

    @Test
    void anInterruptBeforeAMagicStopsTheCellThere() {
        Recorder r = run(INTERRUPT_NOW + "\n%lsmagic\nwhile (true) { }", null);
        assertEquals("InterruptedException", r.ename);
        assertAlive();
    }

    @Test
    void anInterruptStopsAMagicThatIsStillRunning() {
        // A magic is kernel code, out of JShell's stop: it ran on, and held the cell, to its end.
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            live.session().interrupt();
        });
        long started = System.nanoTime();
        Recorder r = run("%%bash\nsleep 30", null);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("InterruptedException", r.ename);
        org.junit.jupiter.api.Assertions.assertTrue(tookMillis < 1300, "the cell ended after " + tookMillis + " ms");
        assertAlive();
    }

    @Test
    void anInterruptThatWonTheRaceWithItsCellStopsItAsItOpens() {
        Instant cellSent = Instant.now();
        live.session().interrupt(cellSent.plusNanos(1000));
        assertEquals("InterruptedException", run("while (true) { }", cellSent).ename);
        assertAlive();
    }

    @Test
    void anInterruptWhileNoCellRunsIsDropped() {
        live.session().interrupt();
        Instant interruptSent = Instant.now();
        live.session().interrupt(interruptSent);
        assertEquals("42", run("Thread.sleep(50); 6 * 7", interruptSent.plusNanos(1000)).result.get("text/plain"));
    }

    @Test
    void anInterruptAtAnyStageOfALargeCellStopsIt() throws InterruptedException {
        // Many declarations make the cell compile for a while; the stages hit vary with the delay.
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            code.append("int helper").append(i).append("(int x) { return x + ").append(i).append("; }\n");
        }
        code.append("while (true) { }");
        for (long delayMillis : new long[] {0, 1, 5, 20, 50, 100}) {
            Recorder[] out = new Recorder[1];
            Instant sent = Instant.now();
            Thread cell = Thread.ofPlatform().start(() -> out[0] = run(code.toString(), sent));
            Thread.sleep(delayMillis);
            live.session().interrupt(Instant.now());
            cell.join();
            assertEquals("InterruptedException", out[0].ename, "interrupted after " + delayMillis + " ms");
            assertAlive();
        }
    }
}
