"""Magics through a real Jupyter client: dependency resolution from a local file repository
(no network), %load of a notebook, %time, %%html, %who, completion, is_complete and errors."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import uuid
import zipfile

import jotter_client as jc


def make_repo(root, artifact):
    """Compile a one-class jar and lay it out as a Maven repository under root."""
    with open(os.path.join(os.environ["JOTTER_KERNELSPEC_DIR"], "kernel.json")) as f:
        java = json.load(f)["argv"][0]
    javac = os.path.join(os.path.dirname(java), "javac")
    src = tempfile.mkdtemp()
    pkg = os.path.join(src, "demo")
    os.makedirs(pkg)
    with open(os.path.join(pkg, "Greeter.java"), "w") as f:
        f.write('package demo; public class Greeter { public static String hi() { return "hi from dep"; } }')
    subprocess.run([javac, "-d", src, os.path.join(pkg, "Greeter.java")], check=True)
    version_dir = os.path.join(root, "dev", "jotter", "ittest", artifact, "1.0")
    os.makedirs(version_dir)
    with zipfile.ZipFile(os.path.join(version_dir, f"{artifact}-1.0.jar"), "w") as z:
        z.write(os.path.join(pkg, "Greeter.class"), "demo/Greeter.class")
    with open(os.path.join(version_dir, f"{artifact}-1.0.pom"), "w") as f:
        f.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>dev.jotter.ittest</groupId><artifactId>{artifact}</artifactId><version>1.0</version></project>""")
    shutil.rmtree(src)


class MagicsTests(jc.KernelTestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        # %maven caches the test artifact in the local repository; leave nothing behind.
        shutil.rmtree(os.path.expanduser("~/.m2/repository/dev/jotter/ittest"), ignore_errors=True)

    def test_maven_from_local_file_repository(self):
        repo = tempfile.mkdtemp()
        artifact = "greeter-" + uuid.uuid4().hex[:8]
        make_repo(repo, artifact)
        self.run_ok(f"%mavenRepo ittest file://{repo}\n%maven dev.jotter.ittest:{artifact}:1.0")
        self.assertEqual(self.result(self.run_ok("demo.Greeter.hi()"))["text/plain"], "hi from dep")

    def test_maven_failure_names_the_coordinate(self):
        reply, outputs = jc.execute(self.kc, "%maven dev.jotter.ittest:does-not-exist:9.9")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("dev.jotter.ittest:does-not-exist:9.9", reply["content"]["evalue"])

    def test_load_notebook_runs_its_code_cells(self):
        nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
            {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# not code"},
            {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": None, "outputs": [], "source": "int loaded = 41;"},
            {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": None, "outputs": [], "source": "%env LOADED_FLAG=yes\nloaded++;"},
        ]}
        path = os.path.join(tempfile.mkdtemp(), "helper.ipynb")
        with open(path, "w") as f:
            json.dump(nb, f)
        self.run_ok(f'%load "{path}"')
        self.assertEqual(self.result(self.run_ok("loaded"))["text/plain"], "42")

    def test_time(self):
        outputs = self.run_ok("%time 1 + 1")
        self.assertIn("Wall time", jc.stream_text(outputs))
        self.assertEqual(self.result(outputs)["text/plain"], "2")

    def test_html_cell(self):
        outputs = self.run_ok("%%html\n<b>bold</b>")
        html = [m for m in outputs if m["msg_type"] in ("display_data", "execute_result") and "text/html" in m["content"]["data"]]
        self.assertEqual(len(html), 1)
        self.assertIn("<b>bold</b>", html[0]["content"]["data"]["text/html"])

    def test_who(self):
        self.run_ok("int whoVisible = 1;")
        self.assertIn("whoVisible", jc.stream_text(self.run_ok("%who")) + str([m["content"] for m in self.run_ok("%who")]))

    def test_unknown_magic_suggests_and_runs_nothing(self):
        reply, outputs = jc.execute(self.kc, "int halfway = 1;\n%tiem 1")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("Unknown magic %tiem. Run %lsmagic to list magics. Did you mean %time?", reply["content"]["evalue"])
        self.assertNotIn("at ", "\n".join(reply["content"]["traceback"]), "no Java stack trace for a magic error")
        reply, _ = jc.execute(self.kc, "halfway")
        self.assertEqual(reply["content"]["status"], "error", "the cell must not have run half-way")

    def test_wrong_arguments_print_usage(self):
        reply, _ = jc.execute(self.kc, "%seed not-a-number")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("%seed", reply["content"]["evalue"])

    def test_completion_offers_magic_names(self):
        msg_id = self.kc.complete("%ti", 3)
        reply = jc.shell_reply(self.kc, msg_id)
        self.assertTrue({"%time", "%timeit"} <= set(reply["content"]["matches"]), reply["content"])
        self.assertEqual(reply["content"]["cursor_start"], 0)

    def test_is_complete_understands_magics(self):
        msg_id = self.kc.is_complete("%maven a:b:1 \\")
        self.assertEqual(jc.shell_reply(self.kc, msg_id)["content"]["status"], "incomplete")
        msg_id = self.kc.is_complete("%time 1 + 1")
        self.assertEqual(jc.shell_reply(self.kc, msg_id)["content"]["status"], "complete")


if __name__ == "__main__":
    unittest.main()
