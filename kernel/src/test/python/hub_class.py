"""A class on one JupyterHub: starts Debian's JupyterHub on 127.0.0.1 with the dummy authenticator
and a local-process spawner, signs N students in through the hub's REST API, starts their
single-user servers and, in every server at once, runs a notebook through the server's kernel API
(REST to start a Jotter kernel, the kernel's websocket channels to execute each cell), as a
browser would. Each executed notebook is saved, for the JUnit side (JupyterHubIT) to check with
the same expectations as every other runner.

Used by JupyterHubIT (5 students) and bench/class/run.sh (10, 20, 30 students). It measures, per
student, the kernel's memory as PSS from /proc/PID/smaps_rollup (a page shared by k processes
counts 1/k in each, so the jar, the AOT cache and libtorch count once over the class), the time to
finish and every cell's latency (execute_request sent to the kernel's idle status).

Usage: hub_class.py --students N --notebook NB.ipynb --out DIR --report REPORT.json
                    --kernelspec-prefix PREFIX --proxy PATH/configurable-http-proxy [--idle-seconds S]
                    [--cull-idle-seconds S]
The kernels inherit JOTTER_EPOCHS, JOTTER_LIMIT and JOTTER_PROGRESS from this process.
Nothing but 127.0.0.1 is contacted. Everything the hub writes (database, cookie secret, the
students' homes) lives in a temporary folder that is removed afterwards (kept with --keep).
"""
import argparse
import asyncio
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

CELL_TIMEOUT = float(os.environ.get("JOTTER_CELL_TIMEOUT", "300"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


FRESH_PORTS_DIR = pathlib.Path(__file__).resolve().parents[4] / "docs" / "jupyterhub"

HUB_CONFIG = """# Written by hub_class.py: one JupyterHub for a class on 127.0.0.1.
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = {bind_url!r}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = {proxy_api!r}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {root!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {root!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {root!r} + "/jupyterhub_cookie_secret"
# Any name signs in; no system users are needed (a real course uses its own authenticator).
c.JupyterHub.authenticator_class = "dummy"
# Each student's single-user server runs as a process of the hub's own user, in its own home.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {root!r} + "/home/{{username}}"
c.Spawner.args = (["--allow-root"] if {root_user!r} else []) + {server_args!r}
c.Spawner.environment = {environment!r}
# Many servers start at once on a small machine: give them time.
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.JupyterHub.concurrent_spawn_limit = 0
# The driver's token: it creates the students and their tokens.
c.JupyterHub.services = [{{"name": "class-driver", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "class-driver", "services": ["class-driver"],
                             "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"]}}]
"""


class Hub:
    """One JupyterHub process and its REST API."""

    def __init__(self, root, proxy, jupyter_path, environment, server_args):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(32)
        env = dict(environment)
        env["JUPYTER_PATH"] = jupyter_path
        # Kernel managers whose restart after a failed start gets new ports (fresh_kernel_ports.py
        # says why): the configuration docs/teaching-at-scale.md recommends for one host.
        env["PYTHONPATH"] = str(FRESH_PORTS_DIR)
        server_args = list(server_args) + ["--MappingKernelManager.kernel_manager_class=fresh_kernel_ports.KernelManager"]
        config = HUB_CONFIG.format(bind_url=self.url + "/", hub_port=free_port(), proxy_api=f"http://127.0.0.1:{free_port()}",
                                   proxy=proxy, root=str(root), root_user=os.geteuid() == 0, environment=env, token=self.token,
                                   server_args=server_args)
        (root / "jupyterhub_config.py").write_text(config)
        (root / "home").mkdir()
        self.log = open(root / "hub.log", "w")
        # The hub's environment: a token for the proxy's API of its own choosing; nothing from ours
        # that would confuse its single-user servers.
        hub_env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
        self.process = subprocess.Popen(["/usr/bin/python3", "-m", "jupyterhub", "-f", str(root / "jupyterhub_config.py")],
                                        cwd=root, stdout=self.log, stderr=subprocess.STDOUT, env=hub_env,
                                        start_new_session=True)
        self.http = AsyncHTTPClient(max_clients=200)

    async def api(self, method, path, body=None, token=None, timeout=120):
        req = HTTPRequest(self.url + path, method=method, body=None if body is None else json.dumps(body),
                          headers={"Authorization": "token " + (token or self.token)},
                          request_timeout=timeout, allow_nonstandard_methods=True)
        r = await self.http.fetch(req, raise_error=False)
        if r.code >= 400 or r.code == 599:
            raise RuntimeError(f"{method} {path}: HTTP {r.code} {r.body.decode(errors='replace') if r.body else r.error}")
        return json.loads(r.body) if r.body else None

    async def wait_up(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}; see {self.root / 'hub.log'}")
            try:
                await self.api("GET", "/hub/api/", timeout=5)
                return
            except Exception:
                await asyncio.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer on {self.url} within {seconds} s")

    def stop(self):
        if self.process.poll() is None:
            # SIGTERM: the hub stops the servers it spawned (cleanup_servers) and its proxy.
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def smaps_rollup(pid):
    """PSS, RSS and their parts of one process, in kB, from /proc/PID/smaps_rollup."""
    out = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[2] == "kB":
                    out[parts[0].rstrip(":")] = int(parts[1])
    except OSError:
        return None
    return out


def kernel_pid(kernel_id):
    """The process whose command line names this kernel's connection file."""
    needle = f"kernel-{kernel_id}.json"
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/cmdline", "rb") as f:
                if needle in f.read().decode(errors="replace"):
                    return int(d)
        except OSError:
            continue
    return None


def parent_pid(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def cpu_seconds(pid):
    """User plus system CPU time a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def msg(msg_type, content, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student", "session": session,
                       "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


class Student:
    def __init__(self, name, hub, notebook, out_dir):
        self.name = name
        self.hub = hub
        self.notebook = notebook
        self.out_dir = out_dir
        self.token = None
        self.kernel_id = None
        self.pid = None
        self.server_pid = None
        self.latencies = []
        self.finished_at = None
        self.result = {"student": name, "status": "not started"}

    async def sign_in(self):
        # The driver creates the student and a token for them, as a course's sign-up would;
        # everything after that uses the student's own token.
        await self.hub.api("POST", f"/hub/api/users/{self.name}")
        t = await self.hub.api("POST", f"/hub/api/users/{self.name}/tokens", {"note": "class test", "expires_in": 7200})
        self.token = t["token"]

    async def start_server(self):
        started = time.monotonic()
        await self.hub.api("POST", f"/hub/api/users/{self.name}/server", token=self.token, timeout=600)
        while True:
            u = await self.hub.api("GET", f"/hub/api/users/{self.name}", token=self.token)
            server = (u.get("servers") or {}).get("")
            if server and server.get("ready"):
                self.server_url = self.hub.url + server["url"]
                break
            if not u.get("pending") and not server:
                raise RuntimeError(f"{self.name}'s server stopped while starting; see hub.log")
            if time.monotonic() - started > 600:
                raise RuntimeError(f"{self.name}'s server was not ready within 600 s")
            await asyncio.sleep(0.5)
        self.result["server_start_s"] = round(time.monotonic() - started, 2)

    async def server_api(self, method, path, body=None, timeout=300):
        req = HTTPRequest(self.server_url + path, method=method, body=None if body is None else json.dumps(body),
                          headers={"Authorization": "token " + self.token}, request_timeout=timeout, allow_nonstandard_methods=True)
        r = await self.hub.http.fetch(req, raise_error=False)
        if r.code >= 400 or r.code == 599:
            raise RuntimeError(f"{self.name}: {method} {path}: HTTP {r.code} {r.body.decode(errors='replace') if r.body else r.error}")
        return json.loads(r.body) if r.body else None

    async def run_notebook(self, kernel_name):
        nb = json.loads(self.notebook.read_text())
        started = time.monotonic()
        k = await self.server_api("POST", "api/kernels", {"name": kernel_name})
        self.kernel_id = k["id"]
        ws_url = self.server_url.replace("http://", "ws://") + f"api/kernels/{self.kernel_id}/channels"
        ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": "token " + self.token},
                                                 request_timeout=300), max_message_size=256 << 20)
        session = uuid.uuid4().hex
        try:
            info = await self.wait_ready(ws, session, timeout=300)
            self.result["kernel"] = info["reply"]["content"].get("implementation")
            self.result["kernel_ready_s"] = round(time.monotonic() - started, 2)
            self.pid = kernel_pid(self.kernel_id)
            # The kernel is the single-user server's child (the student's token cannot read the spawner's state).
            self.server_pid = parent_pid(self.pid) if self.pid else None
            count = 0
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                t0 = time.monotonic()
                r = await self.request(ws, msg("execute_request", {"code": source, "silent": False, "store_history": True,
                                                                    "user_expressions": {}, "allow_stdin": False}, session), timeout=CELL_TIMEOUT)
                self.latencies.append(time.monotonic() - t0)
                count += 1
                cell["outputs"] = r["outputs"]
                cell["execution_count"] = r["reply"]["content"].get("execution_count")
                if r["reply"]["content"]["status"] != "ok":
                    self.result["status"] = "error"
                    self.result["detail"] = f"cell {count}: {r['reply']['content'].get('ename')}: {r['reply']['content'].get('evalue')}"
                    break
            else:
                self.result["status"] = "ok"
            self.result["cells"] = count
        finally:
            ws.close()
        self.finished_at = time.monotonic()
        self.result["notebook_s"] = round(self.finished_at - started, 2)
        target = self.out_dir / self.name / self.notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(nb, indent=1))
        self.result["output"] = str(target)

    async def wait_ready(self, ws, session, timeout):
        """Asks kernel_info every 2 s until one is answered, as jupyter_client's wait_for_ready does: a
        request sent while the server is still connecting the kernel's channels can be lost (seen under
        load: the kernel then sat idle until the server's culler stopped it, and the run failed)."""
        deadline = time.monotonic() + timeout
        sent = set()
        while time.monotonic() < deadline:
            m = msg("kernel_info_request", {}, session)
            sent.add(m["header"]["msg_id"])
            await ws.write_message(json.dumps(m))
            resend_at = min(deadline, time.monotonic() + 2)
            while (wait := resend_at - time.monotonic()) > 0:
                try:
                    raw = await asyncio.wait_for(ws.read_message(), wait)
                except asyncio.TimeoutError:
                    break
                if raw is None:
                    raise RuntimeError(f"{self.name}: the kernel's websocket closed before its first kernel_info_reply (the kernel died or was culled: see the hub log)")
                r = json.loads(raw)
                if r.get("header", {}).get("msg_type") == "kernel_info_reply" and r.get("parent_header", {}).get("msg_id") in sent:
                    return {"reply": r}
        raise TimeoutError(f"{self.name}: no kernel_info_reply within {timeout} s ({len(sent)} requests sent)")

    async def request(self, ws, m, timeout):
        """Sends one shell request; collects its reply and iopub outputs until the kernel is idle."""
        msg_id = m["header"]["msg_id"]
        await ws.write_message(json.dumps(m))
        outputs, reply, idle = [], None, False
        displays = {}
        clear_pending = False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no reply to {m['header']['msg_type']} within {timeout} s")
            try:
                raw = await asyncio.wait_for(ws.read_message(), left)
            except asyncio.TimeoutError:
                raise TimeoutError(f"{self.name}: no reply to {m['header']['msg_type']} within {timeout} s") from None
            if raw is None:
                raise RuntimeError(f"{self.name}: the kernel's websocket closed during {m['header']['msg_type']} (the kernel died or was culled: see the hub log)")
            r = json.loads(raw)
            if r.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            t, c = r["msg_type"], r["content"]
            if r["channel"] == "shell":
                reply = r
            elif t == "status":
                idle = c["execution_state"] == "idle"
            elif t in ("stream", "display_data", "execute_result", "error", "update_display_data", "clear_output"):
                if clear_pending and t != "clear_output":
                    outputs.clear()
                    clear_pending = False
                if t == "clear_output":
                    if c.get("wait"):
                        clear_pending = True
                    else:
                        outputs.clear()
                elif t == "stream":
                    if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == c["name"]:
                        outputs[-1]["text"] += c["text"]
                    else:
                        outputs.append({"output_type": "stream", "name": c["name"], "text": c["text"]})
                elif t == "error":
                    outputs.append({"output_type": "error", "ename": c["ename"], "evalue": c["evalue"], "traceback": c["traceback"]})
                elif t == "update_display_data":
                    for o in displays.get(c.get("transient", {}).get("display_id"), []):
                        o["data"], o["metadata"] = c["data"], c.get("metadata", {})
                else:
                    o = {"output_type": t, "data": c["data"], "metadata": c.get("metadata", {})}
                    if t == "execute_result":
                        o["execution_count"] = c.get("execution_count")
                    outputs.append(o)
                    did = c.get("transient", {}).get("display_id")
                    if did:
                        displays.setdefault(did, []).append(o)
        return {"reply": reply, "outputs": outputs}

    def memory(self):
        """The kernel's and the single-user server's smaps_rollup, in kB."""
        return {"kernel": smaps_rollup(self.pid) if self.pid else None,
                "server": smaps_rollup(self.server_pid) if self.server_pid else None}


async def sample_memory(students, samples, stop):
    """Every 2 s: the class's summed kernel PSS (for its peak)."""
    while not stop.is_set():
        total = 0
        for s in students:
            if s.pid:
                m = smaps_rollup(s.pid)
                total += m["Pss"] if m else 0
        samples.append(total)
        try:
            await asyncio.wait_for(stop.wait(), 2)
        except asyncio.TimeoutError:
            pass


def p95(values):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(round(0.95 * (len(v) - 1))))]


async def main_async(args):
    root = pathlib.Path(tempfile.mkdtemp(prefix="jotter-hub-"))
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    environment = {k: os.environ[k] for k in ("JOTTER_EPOCHS", "JOTTER_LIMIT", "JOTTER_PROGRESS", "JOTTER_CELL_TIMEOUT") if k in os.environ}
    server_args = []
    if args.cull_idle_seconds:
        # The single-user server's own kernel culler (Debian's notebook 6): it shuts down a kernel
        # idle for this long, connected or not, which is what gives a student's memory back. It also
        # counts a kernel that has not yet answered its first kernel_info as idle, so the timeout must
        # be longer than a kernel's start on a loaded machine.
        server_args = [f"--MappingKernelManager.cull_idle_timeout={args.cull_idle_seconds}",
                       f"--MappingKernelManager.cull_interval={max(1, min(5, args.cull_idle_seconds // 2))}",
                       "--MappingKernelManager.cull_connected=True"]
    hub = Hub(root, args.proxy, str(pathlib.Path(args.kernelspec_prefix) / "share/jupyter"), environment, server_args)
    report = {"students": args.students, "notebook": pathlib.Path(args.notebook).name, "hub_url": hub.url,
              "cpus": os.cpu_count(), "load_before": os.getloadavg()}
    students = [Student(f"student{i + 1:02d}", hub, pathlib.Path(args.notebook), out_dir) for i in range(args.students)]
    t_start = time.monotonic()
    try:
        await hub.wait_up()
        report["hub_up_s"] = round(time.monotonic() - t_start, 2)
        print(f"hub up at {hub.url} in {report['hub_up_s']} s", flush=True)
        for s in students:
            await s.sign_in()
        t_servers = time.monotonic()
        results = await asyncio.gather(*(s.start_server() for s in students), return_exceptions=True)
        for s, r in zip(students, results):
            if isinstance(r, Exception):
                s.result.update(status="error", detail=f"server: {r}")
        report["servers_up_s"] = round(time.monotonic() - t_servers, 2)
        print(f"{sum(1 for r in results if not isinstance(r, Exception))} servers up in {report['servers_up_s']} s", flush=True)
        samples, stop = [], asyncio.Event()
        sampler = asyncio.create_task(sample_memory(students, samples, stop))
        t_run = time.monotonic()

        async def run(s):
            if s.result["status"] != "not started":
                return
            try:
                await s.run_notebook(args.kernel)
            except Exception as e:  # one student's failure is reported; the others go on
                s.result.update(status="error", detail=f"{type(e).__name__}: {e}")
            print(f"{s.name}: {s.result['status']} in {s.result.get('notebook_s')} s {s.result.get('detail', '')}", flush=True)
            # Idle memory, the same time after each student's last cell: the kernel's idle collector
            # runs a second after the last request, and a culler may stop the kernel later on.
            await asyncio.sleep(args.idle_seconds)
            s.result["memory_kb"] = s.memory()
            s.result["kernel_cpu_s"] = cpu_seconds(s.pid) if s.pid else None

        await asyncio.gather(*(run(s) for s in students))
        report["all_finished_s"] = round(time.monotonic() - t_run - args.idle_seconds, 2)
        stop.set()
        await sampler
        for s in students:
            s.result["kernel_pid"] = s.pid
            s.result.setdefault("memory_kb", {"kernel": None, "server": None})
            s.result["cell_p95_s"] = round(p95(s.latencies), 3) if s.latencies else None
        kernels = [s.result["memory_kb"]["kernel"] for s in students if s.result["memory_kb"]["kernel"]]
        servers = [s.result["memory_kb"]["server"] for s in students if s.result["memory_kb"]["server"]]
        all_lat = [x for s in students for x in s.latencies]
        report["summary"] = {
            "ok": sum(1 for s in students if s.result["status"] == "ok"),
            "kernel_idle_pss_mb_mean": round(statistics.mean(k["Pss"] for k in kernels) / 1024, 1) if kernels else None,
            "kernel_idle_pss_mb_max": round(max(k["Pss"] for k in kernels) / 1024, 1) if kernels else None,
            "kernel_idle_rss_mb_mean": round(statistics.mean(k["Rss"] for k in kernels) / 1024, 1) if kernels else None,
            "kernel_idle_pss_anon_mb_mean": round(statistics.mean(k.get("Pss_Anon", 0) for k in kernels) / 1024, 1) if kernels else None,
            "kernel_idle_pss_file_mb_mean": round(statistics.mean(k.get("Pss_File", 0) for k in kernels) / 1024, 1) if kernels else None,
            "server_idle_pss_mb_mean": round(statistics.mean(k["Pss"] for k in servers) / 1024, 1) if servers else None,
            "class_kernels_pss_mb_peak": round(max(samples) / 1024, 1) if samples else None,
            "cell_latency_p95_s": round(p95(all_lat), 3) if all_lat else None,
            "cell_latency_median_s": round(statistics.median(all_lat), 3) if all_lat else None,
            "notebook_s_max": max((s.result.get("notebook_s") or 0) for s in students),
            "kernel_cpu_s_mean": round(statistics.mean(c), 1) if (c := [s.result["kernel_cpu_s"] for s in students
                                                                         if s.result.get("kernel_cpu_s") is not None]) else None,
            "load_after": os.getloadavg(),
        }
        if args.cull_idle_seconds:
            t_cull = time.monotonic()
            deadline = t_cull + 3 * args.cull_idle_seconds + 30
            left = [s for s in students if s.kernel_id]
            while left and time.monotonic() < deadline:
                await asyncio.sleep(1)
                still = []
                for s in left:
                    kernels = await s.server_api("GET", "api/kernels")
                    alive = s.pid is not None and os.path.exists(f"/proc/{s.pid}") and parent_pid(s.pid) == s.server_pid
                    if any(k["id"] == s.kernel_id for k in kernels) or alive:
                        still.append(s)
                    else:
                        # Seconds from the student's last cell to the kernel's end (the culler checks every cull_interval).
                        s.result["culled_after_s"] = round(time.monotonic() - (s.finished_at or t_cull), 1)
                left = still
            report["summary"]["culled"] = sum(1 for s in students if "culled_after_s" in s.result)
        hubm = smaps_rollup(hub.process.pid)
        report["summary"]["hub_pss_mb"] = round(hubm["Pss"] / 1024, 1) if hubm else None
    finally:
        report["results"] = {s.name: s.result for s in students}
        report["total_s"] = round(time.monotonic() - t_start, 2)
        hub.stop()
        hub_log = (root / "hub.log").read_text(errors="replace") if (root / "hub.log").exists() else ""
        report["hub_log_tail"] = hub_log[-4000:]
        # Kernels that died while starting and were started again (a taken port, say): counted
        # even when every student finished, since each cost a student a wait.
        report["kernel_restarts"] = hub_log.count("KernelRestarter: restarting kernel")
        if hub_log and (report["kernel_restarts"] or not all(s.result["status"] == "ok" for s in students)):
            # The whole log (hub, servers and their kernels' stderr) is what explains a failed
            # student or a kernel that had to be started again.
            kept = pathlib.Path(args.report).with_suffix(".hub.log")
            shutil.copyfile(root / "hub.log", kept)
            report["hub_log"] = str(kept)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        pathlib.Path(args.report).write_text(json.dumps(report, indent=1))
    print(json.dumps(report.get("summary", {}), indent=1), flush=True)
    return 0 if all(s.result["status"] == "ok" for s in students) else 1


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--students", type=int, required=True)
    p.add_argument("--notebook", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--report", required=True)
    p.add_argument("--kernelspec-prefix", required=True)
    p.add_argument("--proxy", required=True, help="configurable-http-proxy executable")
    p.add_argument("--kernel", default="jotter")
    p.add_argument("--idle-seconds", type=float, default=5, help="wait after the last cell before measuring idle memory")
    p.add_argument("--cull-idle-seconds", type=int, default=0,
                   help="let each single-user server cull kernels idle this long, and check that all were culled")
    p.add_argument("--keep", action="store_true", help="keep the hub's temporary folder")
    args = p.parse_args()

    def stop(signum, frame):
        # SIGTERM (a test's timeout) ends the run like Ctrl-C: main_async's cleanup stops the hub,
        # which stops the students' servers and kernels, instead of leaving them behind.
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
