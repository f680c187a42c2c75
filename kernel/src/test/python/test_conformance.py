"""The official Jupyter kernel conformance suite (Debian's python3-jupyter-kernel-test),
with Java snippets for every feature so that no test is skipped."""
import unittest

import jupyter_kernel_test as jkt

from jotter_client import KERNEL_NAME


class JotterKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("error");'

    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Integer.parseI", "matches": {"parseInt("}},
    ]

    complete_code_samples = ["1 + 1;", 'System.out.println("x");', "int x = 5;", "%lsmagic", "class A {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "1 +", "class A {", "%%html"]
    invalid_code_samples = ["int x = ;", "}"]

    code_page_something = "Math.max?"

    code_generate_error = 'throw new RuntimeException("boom");'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "6 * 7", "result": "42"},
    ]

    code_display_data = [
        {"code": 'display("<b>hi</b>", "text/html");', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
    ]

    code_history_pattern = "6 * *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
