"""IJava's conventions through a real Jupyter client (issue 19, points 4, 8 and 9): a String shows
as its text, null shows nothing, IJava's magics show no result, java.util.logging stays out of the
notebook, a class JShell cannot define fails its own cell, a notebook's import wins over Jotter's."""
import tempfile
import unittest

import jotter_client as jc


class IJavaConventionsTests(jc.KernelTestCase):
    def results(self, outputs):
        return [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]

    def test_a_string_shows_as_its_text_and_multiline_json_stays_multiline(self):
        json_text = '{\n  "name": "Oslo",\n  "mean": 6.3\n}'
        outputs = self.run_ok('"""\n' + json_text + '"""')
        self.assertEqual(self.result(outputs)["text/plain"], json_text)

    def test_null_shows_nothing(self):
        self.assertEqual(self.results(self.run_ok('Map.of("a", 1).get("b")')), [])

    def test_ijavas_magics_show_no_result(self):
        outputs = self.run_ok("%jars " + tempfile.mkdtemp())
        self.assertEqual(self.results(outputs), [])

    def test_java_util_logging_goes_to_the_kernel_log(self):
        outputs = self.run_ok('java.util.logging.Logger.getLogger("some.library").info("library chatter");\n'
                              'System.err.println("the cell\'s own");')
        self.assertEqual(jc.stream_text(outputs, "stderr"), "the cell's own\n")

    def test_a_class_jshell_cannot_define_fails_the_cell_that_declares_it(self):
        reply, outputs = jc.execute(self.kc, "class Team {\n    Player captain;\n}")
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["ename"], "CompilationException")
        self.assertIn("class Team was declared, but cannot be used until class Player is declared", errors[0]["evalue"])
        self.run_ok("class Player { }")
        self.assertEqual(self.result(self.run_ok("new Team().captain == null"))["text/plain"], "true")

    def test_a_notebooks_own_import_wins(self):
        self.run_ok("import ai.djl.training.listener.*;")
        outputs = self.run_ok("TrainingListener.class.getName()")
        self.assertEqual(self.result(outputs)["text/plain"], "ai.djl.training.listener.TrainingListener")
        outputs = self.run_ok("EarlyStopping.class.getName()")
        self.assertEqual(self.result(outputs)["text/plain"], "dev.jotter.toolkit.train.EarlyStopping")


if __name__ == "__main__":
    unittest.main()
