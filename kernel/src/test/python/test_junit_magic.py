"""%%test through Debian's jupyter_client against the installed kernel (-Xmx768m): a cell's
JUnit 5 tests give a table with points, and a student's endless loop, System.exit, stack
overflow or real heap exhaustion fails one test each while the kernel lives on."""
import json
import unittest

import jotter_client as jc

IMPORTS = "import org.junit.jupiter.api.*;\nimport static org.junit.jupiter.api.Assertions.*;\n"
MIME = "application/vnd.jotter.tests+json"


class JUnitMagicTests(jc.KernelTestCase):
    def table_of(self, cell, timeout=jc.TIMEOUT):
        reply, outputs = jc.execute(self.kc, cell, timeout=timeout)
        tables = [m["content"]["data"] for m in outputs
                  if m["msg_type"] == "display_data" and MIME in m["content"]["data"]]
        self.assertEqual(len(tables), 1, outputs)
        data = tables[0]
        self.assertIn("<table", data["text/html"])
        self.assertIn("points", data["text/plain"])
        results = data[MIME]
        return reply, results if isinstance(results, dict) else json.loads(results)

    def assert_alive(self):
        reply, outputs = jc.execute(self.kc, "40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_table_with_points(self):
        self.run_ok("int square(int x) { return x * x; }")
        reply, res = self.table_of("%%test --points 4\n" + IMPORTS + """
class SquareTests {
    @Test @DisplayName("3 squared is 9") void three() { assertEquals(9, square(3)); }
    @Test void negative() { assertEquals(4, square(-2), "a negative number squared is positive"); }
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
    void fixedPoints(int x) { assertEquals(x, square(x)); }
    @Test void wrong() { assertEquals(5, square(2), "deliberately wrong"); }
}""")
        self.assertEqual(reply["content"]["status"], "ok")
        names = [t["name"] for t in res["tests"]]
        self.assertEqual(names, ["3 squared is 9", "negative()", "fixedPoints(int)", "wrong()"])
        self.assertEqual([t["passed"] for t in res["tests"]], [True, True, True, False])
        self.assertEqual(res["points"], 3)
        self.assertEqual(res["max_points"], 4)
        self.assertIn("deliberately wrong ==> expected: <5> but was: <4>", res["tests"][3]["message"])

    def test_student_faults_fail_one_test_each(self):
        self.run_ok("""
int spin() { long n = 0; while (true) { n++; } }
void quit() { System.exit(2); }
int down(int n) { return down(n + 1) + 1; }
void hog() { List<long[]> all = new ArrayList<>(); while (true) all.add(new long[1 << 20]); }
""")
        reply, res = self.table_of("%%test --timeout 2\n" + IMPORTS + """
class Faults {
    @Test void loops() { spin(); }
    @Test void exits() { quit(); }
    @Test void overflows() { down(0); }
    @Test @Timeout(60) void hogs() { hog(); }
    @Test void fine() { assertTrue(true); }
}""", timeout=120)
        self.assertEqual(reply["content"]["status"], "ok")
        msgs = {t["name"]: t["message"] for t in res["tests"]}
        self.assertTrue(msgs["loops()"].startswith("did not finish within 2 s and was stopped"), msgs)
        self.assertTrue(msgs["exits()"].startswith("called System.exit(2) was blocked"), msgs)
        self.assertTrue(msgs["overflows()"].startswith("overflowed the stack"), msgs)
        self.assertTrue(msgs["hogs()"].startswith("ran out of memory"), msgs)
        self.assertEqual(msgs["fine()"], "")
        self.assertEqual(res["points"], 1)
        self.assert_alive()
        # The loop's stop did not leak into later cells.
        out = self.run_ok("int s = 0; for (int i = 0; i < 5; i++) s += i; s")
        self.assertEqual(self.result(out)["text/plain"], "10")


if __name__ == "__main__":
    unittest.main()
