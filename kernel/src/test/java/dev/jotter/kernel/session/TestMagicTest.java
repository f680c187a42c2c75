package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code %%test} in a real session (tuned and plain JShell, as the surefire executions choose):
 * JUnit from the toolkit layer runs a cell's test classes against the notebook's definitions, and
 * what a student's code does wrong fails one test with a sentence while the kernel lives on.
 */
class TestMagicTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();

    private static Recorder run(String code) {
        return live.run(code);
    }

    private static final String IMPORTS = "import org.junit.jupiter.api.*;\nimport static org.junit.jupiter.api.Assertions.*;\n";

    private static JsonObject results(Recorder r) {
        for (Map<String, Object> d : r.displays) {
            Object json = d.get("application/vnd.jotter.tests+json");
            if (json != null) {
                return JsonParser.parseString(json.toString()).getAsJsonObject();
            }
        }
        throw new AssertionError("no test table in " + r.displays + " stderr " + r.stderr + " error " + r.evalue);
    }

    private static JsonObject test(JsonObject results, int i) {
        return results.getAsJsonArray("tests").get(i).getAsJsonObject();
    }

    @Test
    void passingAndFailingTestsGetATableWithMessagesAndPoints() {
        assertNull(run("double mse(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]); return s; }").ename);
        Recorder r = run("%%test --points 3\n" + IMPORTS + """
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.ValueSource;
                class MseTests {
                    @Test @DisplayName("zero for a perfect fit") void zero() { assertEquals(0.0, mse(new double[] {1, 2}, new double[] {1, 2}), 1e-9); }
                    @Test void mean() { assertEquals(0.5, mse(new double[] {0, 0}, new double[] {1, 0}), 1e-9, "mse divides by n"); }
                    @ParameterizedTest @ValueSource(ints = {1, 2, 3}) void nonNegative(int k) { assertTrue(mse(new double[] {k}, new double[] {0}) >= 0); }
                }
                """);
        assertNull(r.ename, r.evalue);
        JsonObject res = results(r);
        assertEquals(3, res.getAsJsonArray("tests").size(), res.toString());
        assertEquals("zero for a perfect fit", test(res, 0).get("name").getAsString());
        assertTrue(test(res, 0).get("passed").getAsBoolean());
        assertEquals(1.0, test(res, 0).get("points").getAsDouble());
        assertTrue(test(res, 1).get("message").getAsString().startsWith("mse divides by n ==> expected: <0.5> but was: <1.0>"), res.toString());
        assertTrue(test(res, 2).get("passed").getAsBoolean(), res.toString());
        assertEquals(2.0, res.get("points").getAsDouble());
        assertEquals(3.0, res.get("max_points").getAsDouble());
        Map<String, Object> shown = r.displays.getLast();
        assertTrue(shown.get("text/html").toString().contains("<table"), shown.toString());
        assertTrue(shown.get("text/plain").toString().contains("2 of 3 tests passed, 2 of 3 points."), shown.get("text/plain").toString());
    }

    @Test
    void loopsExitsOverflowsAndOutOfMemoryFailOneTestEachAndTheKernelLivesOn() {
        run("""
                int spin(int n) { while (n > 0) { n = n + 0; } return n; }
                int quit() { System.exit(3); return 0; }
                int deep(int n) { return deep(n + 1) + 1; }
                long[] hog() { return new long[Integer.MAX_VALUE]; }
                """);
        Recorder r = run("%%test --timeout 1\n" + IMPORTS + """
                class Faults {
                    @Test @Order(1) void loops() { spin(1); }
                    @Test @Timeout(value = 300, unit = java.util.concurrent.TimeUnit.MILLISECONDS) void loopsWithItsOwnLimit() { spin(1); }
                    @Test void exits() { quit(); }
                    @Test void overflows() { deep(0); }
                    @Test void hogs() { hog(); }
                    @Test void fine() { assertEquals(2, 1 + 1); }
                }
                """);
        assertNull(r.ename, r.evalue);
        JsonObject res = results(r);
        Map<String, String> messages = new java.util.HashMap<>();
        res.getAsJsonArray("tests").forEach(t -> messages.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject().get("message").getAsString()));
        assertTrue(messages.get("loops()").startsWith("did not finish within 1 s and was stopped: an endless loop"), messages.toString());
        assertTrue(messages.get("loopsWithItsOwnLimit()").startsWith("did not finish within 300 ms"), messages.toString());
        assertTrue(messages.get("exits()").startsWith("called System.exit(3) was blocked"), messages.toString());
        assertTrue(messages.get("overflows()").startsWith("overflowed the stack"), messages.toString());
        assertTrue(messages.get("hogs()").startsWith("ran out of memory"), messages.toString());
        assertEquals("", messages.get("fine()"));
        assertEquals(1.0, res.get("points").getAsDouble());
        assertEquals("2", run("1 + 1").result.get("text/plain"), "the kernel lives on");
        // The stop flag was cleared: loops in later cells run to their end.
        assertEquals("45", run("int s = 0; for (int i = 0; i < 10; i++) s += i; s").result.get("text/plain"));
    }

    @Test
    void anInterruptEndsTheCellAndTheTestsStillToComeDoNotRun() throws InterruptedException {
        run("int forever() { while (true) { } }");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupter = new Thread(() -> {
            while (!done.get()) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                live.session().interrupt();
            }
        });
        interrupter.start();
        long t0 = System.nanoTime();
        Recorder r = run("%%test --timeout 600\n" + IMPORTS + "class Slow { @Test void a() { forever(); } @Test void b() { forever(); } }");
        done.set(true);
        interrupter.join();
        assertNotNull(r.ename, "the interrupted cell fails");
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "the interrupt ended the cell, not the 600 s limit");
        Recorder next = run("%%test\n" + IMPORTS + "class After { @Test void fine() { assertEquals(2, 1 + 1); } }");
        assertEquals(1.0, results(next).get("points").getAsDouble(), "tests run again after an interrupt");
    }

    @Test
    void aTestFactorysDynamicTestsAreLimitedToo() {
        run("int spinFor(int n) { while (n > 0) { n = n + 0; } return n; }");
        Recorder r = run("%%test --timeout 1\n" + IMPORTS + """
                class Dynamic {
                    @TestFactory java.util.List<DynamicTest> cases() {
                        return java.util.List.of(DynamicTest.dynamicTest("quick", () -> assertEquals(0, spinFor(0))),
                                DynamicTest.dynamicTest("loops", () -> spinFor(1)));
                    }
                }
                """);
        JsonObject res = results(r);
        assertEquals(1, res.getAsJsonArray("tests").size(), res.toString());
        assertTrue(test(res, 0).get("message").getAsString().startsWith("1 of 2 cases passed; loops: did not finish within 1 s"), res.toString());
    }

    @Test
    void testsThatDoNotCompileStillShowAScoreOfZeroAndTheError() {
        Recorder r = run("%%test --points 2\n" + IMPORTS + "class Broken { @Test void t() { int n = \"text\"; } }");
        assertNotNull(r.ename, "the cell fails");
        JsonObject res = results(r);
        assertEquals(0.0, res.get("points").getAsDouble());
        assertEquals(2.0, res.get("max_points").getAsDouble());
        assertTrue(res.get("problem").getAsString().contains("incompatible types"), res.toString());
        // A method the student deleted or never wrote: JShell declares the class, and the test fails saying what is missing.
        Recorder missing = run("%%test --points 2\n" + IMPORTS + "class Missing { @Test void t() { assertEquals(1, notDefinedAnywhere()); } }");
        JsonObject m = results(missing);
        assertEquals(0.0, m.get("points").getAsDouble());
        assertTrue(test(m, 0).get("message").getAsString().startsWith("uses a method, class or variable that the notebook has not defined"),
                m.toString() + missing.stdout + missing.stderr);
    }

    @Test
    void aStubThatThrowsFailsWithItsMessage() {
        run("double rate() {\n    // YOUR CODE HERE\n    throw new UnsupportedOperationException(\"not implemented yet\");\n}");
        Recorder r = run("%%test\n" + IMPORTS + "class RateTests { @Test void small() { assertTrue(rate() < 1); } }");
        JsonObject res = results(r);
        assertEquals("UnsupportedOperationException: not implemented yet", test(res, 0).get("message").getAsString());
        assertEquals(1.0, res.get("max_points").getAsDouble(), "one point per test without --points");
    }
}
