"""A kernel whose port another process took before it started (JupyterHubIT, docs/teaching-at-scale.md).

On a host where many kernels start at once, a Jupyter server picks a kernel's ports (binding port
0 and closing the socket) and another server's kernel can take one before this kernel binds it.
This starts the Jotter kernelspec through the kernel manager docs/jupyterhub/fresh_kernel_ports.py
gives the single-user servers, with the shell port taken the moment the connection file is written,
and checks what a student would go through:
  - the kernel exits at once, and its message names the port and the channel;
  - the restart Jupyter's restarter makes during a kernel's start ("new random ports") gets new
    ports, and the kernel answers kernel_info and runs a cell.
Prints one line per check; exit status 1 when one fails.

Usage: JUPYTER_PATH=PREFIX/share/jupyter python3 port_taken.py [--kernel jotter]
"""
import argparse
import pathlib
import socket
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[4] / "docs" / "jupyterhub"))
import fresh_kernel_ports  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="jotter")
    a = ap.parse_args()
    taken = []

    class PortTaken(fresh_kernel_ports.KernelManager):
        def write_connection_file(self):
            super().write_connection_file()
            if not taken:  # another process takes the shell port before the kernel binds it, once
                s = socket.socket()
                s.bind((self.ip, self.shell_port))
                s.listen()
                taken.append(s)

    failures = []

    def check(ok, what):
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryFile("w+") as err:
        km = PortTaken(kernel_name=a.kernel)
        km.start_kernel(stderr=err)
        first = km.shell_port
        deadline = time.monotonic() + 60
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        check(not km.is_alive(), f"the kernel exits when its shell port {first} is taken")
        err.seek(0)
        said = err.read()
        check(f"cannot listen on tcp://127.0.0.1:{first} for the shell channel: another process holds that port" in said,
              f"its message names the port and the channel: {said.strip().splitlines()[-1] if said.strip() else '(nothing)'}")
        # What the restarter does while a kernel has not yet started stably (restarter.py: newports).
        km.restart_kernel(now=True, newports=True)
        check(km.shell_port != first, f"the restart gets new ports (shell {first} -> {km.shell_port})")
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
            check(reply["content"]["status"] == "ok", "the restarted kernel answers kernel_info and runs a cell")
        except RuntimeError as e:
            check(False, f"the restarted kernel answers kernel_info and runs a cell ({e})")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            for s in taken:
                s.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
