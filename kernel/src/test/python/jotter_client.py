"""Shared helpers for the integration tests: start the installed Jotter kernel with
Debian's jupyter_client, exactly as Jupyter does, and collect a request's messages."""
import os
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("JOTTER_KERNEL_NAME", "jotter")
TIMEOUT = float(os.environ.get("JOTTER_IT_TIMEOUT", "60"))


def start():
    """Start a kernel from the kernelspec on JUPYTER_PATH; returns (manager, client)."""
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Run code; return (reply, outputs) where outputs are the iopub messages between busy and idle."""
    msg_id = kc.execute(code, **kwargs)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    outputs = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no idle status for {msg_id} within {timeout}s; got {[m['msg_type'] for m in outputs]}")
        msg = kc.get_iopub_msg(timeout=remaining)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                break
            continue
        if msg["msg_type"] == "execute_input":
            continue
        outputs.append(msg)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, outputs


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def stream_text(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def drain(kc):
    for channel in (kc.iopub_channel, kc.shell_channel):
        while True:
            try:
                channel.get_msg(timeout=0.05)
            except Empty:
                break


class KernelTestCase(unittest.TestCase):
    """One kernel for all tests of a class, started as Jupyter starts it; with helpers for the
    usual assertions."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_ok(self, code, timeout=TIMEOUT):
        """Run code that must succeed; return its iopub outputs."""
        reply, outputs = execute(self.kc, code, timeout=timeout)
        self.assertEqual(reply["content"]["status"], "ok", f"{code!r}: {reply['content']}")
        return outputs

    def result(self, outputs):
        """The data of the execute_result among outputs."""
        return [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
