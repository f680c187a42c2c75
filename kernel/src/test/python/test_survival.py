"""The kernel stays alive and answers after every way a student's cell can go wrong,
driven through Debian's jupyter_client against the installed kernelspec."""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.utils import run_sync

import jotter_client as jc


class SurvivalTests(jc.KernelTestCase):
    def assert_alive(self):
        reply, outputs = jc.execute(self.kc, "40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def error_of(self, code, timeout=jc.TIMEOUT):
        reply, outputs = jc.execute(self.kc, code, timeout=timeout)
        self.assertEqual(reply["content"]["status"], "error", f"expected an error from {code!r}")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        return errors[0]["content"]

    def test_exception_keeps_kernel(self):
        err = self.error_of('throw new IllegalStateException("boom");')
        self.assertEqual(err["ename"], "java.lang.IllegalStateException")
        self.assertEqual(err["evalue"], "boom")
        self.assert_alive()

    def test_stack_overflow_trace_is_trimmed(self):
        err = self.error_of("int down(int n) { return down(n + 1) + 1; }\ndown(0)")
        self.assertEqual(err["ename"], "java.lang.StackOverflowError")
        self.assertLess(len(err["traceback"]), 12, err["traceback"])
        self.assertTrue(any("repeated" in line for line in err["traceback"]), err["traceback"])
        self.assertTrue(any("Cell In[" in line for line in err["traceback"]), err["traceback"])
        self.assert_alive()

    def test_out_of_memory(self):
        err = self.error_of("{ List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]); }", timeout=120)
        self.assertEqual(err["ename"], "java.lang.OutOfMemoryError")
        self.assert_alive()

    def test_system_exit_is_an_error(self):
        for call in ("System.exit(3);", "Runtime.getRuntime().exit(1);", "Runtime.getRuntime().halt(0);"):
            with self.subTest(call=call):
                err = self.error_of(call)
                self.assertIn("was blocked", err["evalue"])
                self.assert_alive()

    def test_interrupt_stops_busy_loop_within_a_second(self):
        msg_id = self.kc.execute("long spins = 0; while (true) { spins++; }")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = jc.shell_reply(self.kc, msg_id, timeout=10)
        elapsed = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(elapsed, 1.0, f"interrupt took {elapsed:.2f}s")
        self.assert_alive()

    def test_interrupt_stops_sleep(self):
        msg_id = self.kc.execute("Thread.sleep(600_000);")
        time.sleep(0.5)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = jc.shell_reply(self.kc, msg_id, timeout=10)
        self.assertLess(time.monotonic() - started, 1.0)
        self.assertEqual(reply["content"]["status"], "error")
        self.assert_alive()

    def test_background_thread_output_reaches_notebook(self):
        msg_id = self.kc.execute(
            'new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) {} '
            'System.out.println("from the background"); }).start();')
        # On a loaded machine the thread may print before the cell's idle status: count that too.
        _, outputs = jc.collect(self.kc, msg_id)
        deadline = time.monotonic() + 10
        text = jc.stream_text(outputs)
        while time.monotonic() < deadline and "from the background" not in text:
            msg = self.kc.get_iopub_msg(timeout=10)
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
        self.assertIn("from the background", text)

    def test_ten_thousand_lines_none_lost_and_batched(self):
        reply, outputs = jc.execute(self.kc, 'for (int i = 0; i < 10_000; i++) System.out.println("line " + i);')
        self.assertEqual(reply["content"]["status"], "ok")
        lines = jc.stream_text(outputs).splitlines()
        self.assertEqual(lines, [f"line {i}" for i in range(10_000)])
        self.assertLess(len(outputs), 200, "stdout should be batched, not one message per println")

    def test_errors_point_at_cell_lines(self):
        err = self.error_of('int ok = 1;\nString s = 42;')
        tb = "\n".join(err["traceback"])
        self.assertIn("line 2", tb)
        self.assertIn("^", tb)
        self.assertIn("Cell In[", tb)
        err = self.error_of('int[] a = new int[2];\na[5] = 1;')
        self.assertEqual(err["ename"], "java.lang.ArrayIndexOutOfBoundsException")
        tb = "\n".join(err["traceback"])
        self.assertIn("line 2", tb)
        self.assertNotIn("jdk.jshell", tb)
        self.assertNotIn("dev.jotter.kernel", tb)

    def test_stdin_input_request(self):
        msg_id = self.kc.execute('new java.util.Scanner(System.in).nextLine().toUpperCase()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=jc.TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("jotter")
        reply, outputs = jc.collect(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]
        self.assertEqual(result["content"]["data"]["text/plain"], "JOTTER")

    def test_bad_signature_and_garbage_are_ignored(self):
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(f"{self.km.transport}://{self.km.ip}:{self.km.shell_port}")
        header = json.dumps({"msg_id": "x", "session": "s", "username": "u", "date": "", "msg_type": "execute_request", "version": "5.4"})
        sock.send_multipart([b"<IDS|MSG>", b"0" * 64, header.encode(), b"{}", b"{}", json.dumps({"code": "System.exit(1);"}).encode()])
        sock.send_multipart([b"garbage"])
        sock.send_multipart([b"<IDS|MSG>", b"sig", b"{not json", b"", b"", b""])
        sock.close()
        time.sleep(0.3)
        self.assert_alive()

    def test_comms(self):
        msg_id = self.kc.comm_info()
        reply = jc.shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIsInstance(reply["content"]["comms"], dict)
        self.kc.shell_channel.send(self.kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "nobody", "data": {}}))
        deadline = time.monotonic() + 10
        closed = False
        while time.monotonic() < deadline and not closed:
            msg = self.kc.get_iopub_msg(timeout=10)
            closed = msg["msg_type"] == "comm_close" and msg["content"]["comm_id"] == "c1"
        self.assertTrue(closed, "an unknown comm target should be closed by the kernel")
        self.assert_alive()


class LifecycleTests(unittest.TestCase):
    def test_exits_when_parent_dies(self):
        parent = subprocess.Popen(["sleep", "600"])
        conn, _ = write_connection_file(tempfile.mktemp(suffix=".json"), ip="127.0.0.1")
        with open(os.path.join(os.environ["JOTTER_KERNELSPEC_DIR"], "kernel.json")) as f:
            spec = json.load(f)
        argv = [a.replace("{connection_file}", conn) for a in spec["argv"]]
        env = dict(os.environ, JPY_PARENT_PID=str(parent.pid))
        kernel = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.5)
            self.assertIsNone(kernel.poll(), "kernel should run while its parent lives")
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            kernel.wait(timeout=10)
        finally:
            if kernel.poll() is None:
                kernel.kill()
            parent.kill()

    def test_execute_as_the_first_request(self):
        # Clients ask for kernel_info first, and the kernel starts JShell after that first reply;
        # one that sends a cell straight away must still have it run (JShell starts within 0.3 s).
        from jupyter_client.manager import KernelManager
        km = KernelManager(kernel_name=jc.KERNEL_NAME)
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            msg_id = kc.execute("int early = 6 * 7;")
            reply = jc.shell_reply(kc, msg_id)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            kc.wait_for_ready(timeout=jc.TIMEOUT)
            reply, outputs = jc.execute(kc, "early")
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
            self.assertEqual(results, ["42"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_shutdown_with_restart_flag(self):
        km, kc = jc.start()
        try:
            msg_id = kc.shutdown(restart=True)
            reply = run_sync(kc.control_channel.get_msg)(timeout=10)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["content"], {"status": "ok", "restart": True})
            started = time.monotonic()
            while km.is_alive() and time.monotonic() - started < 10:
                time.sleep(0.05)
            self.assertFalse(km.is_alive(), "kernel should exit after shutdown_request")
            # The kernel leaves through C's _exit (ProcessExit); a clean shutdown still reports 0.
            self.assertEqual(km.provisioner.process.poll(), 0, "exit status after shutdown_request")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
