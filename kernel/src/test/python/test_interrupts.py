"""An interrupt is never lost, whatever stage the cell is in when it comes, and cells queued
behind an interrupted or failed cell are aborted as ipykernel aborts them; driven through
Debian's jupyter_client against the installed kernelspec."""
import sys
import time
import unittest

import jotter_client as jc

# From "still queued or waiting for JShell" (0 s on a fresh kernel) to "running" (1 s).
DELAYS = (0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
CELLS = ("while (true) { }", "Thread.sleep(60_000);")
# The promise is 1 s; the margin is for a loaded CI machine.
REPLY_WITHIN = 2.0


class InterruptTests(unittest.TestCase):
    def interrupt_after(self, km, kc, code, delay):
        msg_id = kc.execute(code)
        time.sleep(delay)
        started = time.monotonic()
        km.interrupt_kernel()
        reply = jc.shell_reply(kc, msg_id, timeout=REPLY_WITHIN)
        return reply["content"], time.monotonic() - started

    def assert_alive(self, kc):
        reply, outputs = jc.execute(kc, "1+1", timeout=30)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "2")

    def test_interrupt_at_every_delay_on_a_fresh_kernel(self):
        stopped = 0
        tried = 0
        for delay in DELAYS:
            km, kc = jc.start()
            try:
                for code in CELLS:
                    with self.subTest(delay=delay, code=code):
                        tried += 1
                        content, took = self.interrupt_after(km, kc, code, delay)
                        print(f"interrupt after {delay:.2f}s of {code!r}: {content['status']} "
                              f"{content.get('ename')} in {took * 1000:.0f} ms", file=sys.stderr)
                        self.assertEqual(content["status"], "error", content)
                        self.assertIn("Interrupt", content["ename"])
                        self.assertLess(took, REPLY_WITHIN)
                        stopped += 1
                        self.assert_alive(kc)
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        print(f"interrupts stopped: {stopped} of {tried}", file=sys.stderr)


def replies_to(kc, ids, timeout=jc.TIMEOUT):
    """The replies' contents, in the order of ids, whatever order they came in (aborts come first)."""
    deadline = time.monotonic() + timeout
    got = {}
    while len(got) < len(ids):
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        got[reply["parent_header"].get("msg_id")] = reply["content"]
    return [got[i] for i in ids]


class AbortTests(jc.KernelTestCase):
    FAILING = 'Thread.sleep(300);\nif (true) throw new IllegalStateException("boom");'

    def queue_behind_failure(self, **kwargs):
        ids = [self.kc.execute(self.FAILING, **kwargs)]
        ids += [self.kc.execute(f"{n} * 10", **kwargs) for n in (2, 3, 4)]
        return replies_to(self.kc, ids)

    def test_cells_queued_behind_a_failure_are_aborted(self):
        replies = self.queue_behind_failure()
        self.assertEqual([r["status"] for r in replies], ["error", "aborted", "aborted", "aborted"], replies)
        self.run_ok("1+1")

    def test_cells_queued_behind_an_interrupt_are_aborted(self):
        ids = [self.kc.execute("while (true) { }")] + [self.kc.execute("5 * 5") for _ in range(2)]
        time.sleep(0.3)
        self.km.interrupt_kernel()
        replies = replies_to(self.kc, ids, timeout=REPLY_WITHIN)
        self.assertEqual([r["status"] for r in replies], ["error", "aborted", "aborted"], replies)
        self.run_ok("1+1")

    def test_stop_on_error_false_runs_queued_cells(self):
        replies = self.queue_behind_failure(stop_on_error=False)
        self.assertEqual([r["status"] for r in replies], ["error", "ok", "ok", "ok"], replies)

    def test_an_interrupt_while_idle_does_not_stop_the_next_cell(self):
        self.km.interrupt_kernel()
        time.sleep(0.2)
        reply, outputs = jc.execute(self.kc, "Thread.sleep(300); 6 * 7")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(self.result(outputs)["text/plain"], "42")


class BlockedReadTests(jc.KernelTestCase):
    """A cell blocked in a read that no Java interrupt reaches is still stopped: in both JShell
    modes the kernel leaves its thread to the read and answers."""

    READS = (
        "new ProcessBuilder(\"sleep\", \"600\").start().getInputStream().read();",
        "new java.net.ServerSocket(0).accept();",
        "var silent = new java.net.ServerSocket(0); new java.net.Socket(\"127.0.0.1\", silent.getLocalPort()).getInputStream().read();",
    )

    def test_a_cell_blocked_in_a_pipe_or_socket_read_is_stopped(self):
        for code in self.READS:
            with self.subTest(code=code):
                msg_id = self.kc.execute(code)
                time.sleep(1.0)
                started = time.monotonic()
                self.km.interrupt_kernel()
                content = jc.shell_reply(self.kc, msg_id, timeout=REPLY_WITHIN)["content"]
                took = time.monotonic() - started
                print(f"interrupt of {code!r}: {content['status']} {content.get('ename')} in {took * 1000:.0f} ms", file=sys.stderr)
                self.assertEqual(content["status"], "error", content)
                self.assertIn("Interrupt", content["ename"])
                self.assertLess(took, REPLY_WITHIN)
                self.run_ok("1+1")


if __name__ == "__main__":
    unittest.main()
