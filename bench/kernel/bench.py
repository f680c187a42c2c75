"""Kernel benchmark: Jotter side by side with IPython (ipykernel), both driven by Debian's
jupyter_client as Jupyter drives them. Prints a Markdown table with Jotter/IPython ratios.

Usage: JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 bench/kernel/bench.py [--runs 200]
(bench/kernel/run.sh builds the jar, installs a private kernelspec and calls this.)"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager

CASES = {
    "jotter": {
        "one_plus_one": "1 + 1",
        "ten_k_lines": 'for (int i = 0; i < 10_000; i++) System.out.println("line " + i);',
        "complete": ("Strin", 5),
        "void_call": "Thread.yield()",
        "declaration": "int v{k} = {i};",
    },
    "python3": {
        "one_plus_one": "1 + 1",
        "ten_k_lines": 'for i in range(10_000): print(f"line {i}")',
        "complete": ("pri", 3),
        "void_call": "None",
        "declaration": "v{k} = {i}",
    },
}


def wait_idle(kc, msg_id, collect_lines=False):
    lines = 0
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if collect_lines and msg["msg_type"] == "stream":
            lines += msg["content"]["text"].count("\n")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return lines


def shell_reply(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def rss_mb(pid, field="VmRSS"):
    """Resident memory from /proc: VmRSS in all, or RssAnon (private to the process; RssFile
    is mapped files such as the JVM's AOT cache and libraries, shared between kernels)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def bench(name, runs):
    case = CASES[name]
    cold = []
    ready = []
    for _ in range(5):
        km = KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        # ZeroMQ queues the request until the kernel has bound its shell socket, so this is the
        # time from launch to the first kernel_info_reply.
        shell_reply(kc, kc.kernel_info())
        cold.append(time.perf_counter() - t0)
        # What a notebook waits for: jupyter_client's wait_for_ready also needs an iopub message
        # and then 0.2 s of iopub silence, so it costs at least 0.2 s more whatever the kernel does.
        kc.wait_for_ready(timeout=120)
        ready.append(time.perf_counter() - t0)
        kc.stop_channels()
        km.shutdown_kernel(now=True)

    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    def round_trips(count, code=case["one_plus_one"]):
        times = []
        for _ in range(count):
            t0 = time.perf_counter()
            msg_id = kc.execute(code)
            shell_reply(kc, msg_id)
            wait_idle(kc, msg_id)
            times.append(time.perf_counter() - t0)
        return times

    # A notebook's cells are among a kernel's first: a new expression each time, from the moment the
    # kernel is ready (the first one also waits for the rest of the start-up). These warm it up too.
    first = []
    for i in range(100):
        first += round_trips(1, f"{i} * 3")
    trips = round_trips(runs)
    wait_idle(kc, kc.execute(case["ten_k_lines"]), True)  # warm
    t0 = time.perf_counter()
    msg_id = kc.execute(case["ten_k_lines"])
    lines = wait_idle(kc, msg_id, True)
    ten_k = time.perf_counter() - t0
    comp = []
    code, cursor = case["complete"]
    for _ in range(5):
        shell_reply(kc, kc.complete(code, cursor))
    for _ in range(50):
        t0 = time.perf_counter()
        shell_reply(kc, kc.complete(code, cursor))
        comp.append(time.perf_counter() - t0)
    time.sleep(2)
    pid = km.provisioner.process.pid
    rss = rss_mb(pid)
    rss_anon = rss_mb(pid, "RssAnon")
    # A kernel mostly sits idle between cells; the Jotter kernelspec has the JVM hand freed C heap
    # back every 10 s (-XX:TrimNativeHeapInterval), so look again once that has had its chance.
    time.sleep(13)
    rss_later = rss_mb(pid)
    # A notebook is not only expressions: a cell that shows no value (a void call) must not slow
    # the cells after it. Alternate the two, timing the expression; a different one each time, as
    # in a notebook (JShell handles a repeated identical snippet differently).
    trips_after_void = []
    for i in range(runs):
        wait_idle(kc, kc.execute(case["void_call"]))
        trips_after_void += round_trips(1, f"{i} + 1")
    time.sleep(2)
    rss_after_void = rss_mb(pid)
    # A long session: 600 more cells, expressions alternating with declarations that redefine one
    # of 20 variables (a notebook's cells run again and again), the last 200 of them timed. A
    # kernel whose per-cell cost grows with the cells before shows it here.
    def mixed(i):
        return f"{i} * 2" if i % 2 == 0 else case["declaration"].format(k=i % 20, i=i)
    for i in range(400):
        wait_idle(kc, kc.execute(mixed(i)))
    late = [round_trips(1, mixed(i))[0] for i in range(400, 400 + runs)]
    time.sleep(2)
    rss_long = rss_mb(pid)
    # Cells so far: the first 100, the 1+1 runs, the 10,000-line cell twice, the void/n+1 pairs, these.
    cells = 100 + runs + 2 + 2 * runs + 400 + runs
    kc.stop_channels()
    t0 = time.perf_counter()
    km.shutdown_kernel(now=False)
    shutdown = time.perf_counter() - t0
    return {
        "cold start to kernel_info_reply (s)": statistics.median(cold),
        "cold start to wait_for_ready (s)": statistics.median(ready),
        "new expressions, a kernel's first 100 cells, p50 (ms)": pct(first, 50) * 1000,
        "new expressions, a kernel's first 100 cells, p90 (ms)": pct(first, 90) * 1000,
        "1+1 round trip p50 (ms)": pct(trips, 50) * 1000,
        "1+1 round trip p90 (ms)": pct(trips, 90) * 1000,
        "1+1 round trip p99 (ms)": pct(trips, 99) * 1000,
        "10,000-line cell to idle (s)": ten_k,
        "lines lost of 10,000": 10_000 - lines,
        "completion p50 (ms)": pct(comp, 50) * 1000,
        "idle RSS (MB)": rss,
        "idle RSS, private (RssAnon, MB)": rss_anon,
        "idle RSS 15 s after the last request (MB)": rss_later,
        "n+1 p50, each after a void cell (ms)": pct(trips_after_void, 50) * 1000,
        "n+1 p90, each after a void cell (ms)": pct(trips_after_void, 90) * 1000,
        "idle RSS 2 s after those 400 cells more (MB)": rss_after_void,
        f"long session: p50 of cells {cells - runs + 1}-{cells}, expressions and redefinitions (ms)": pct(late, 50) * 1000,
        f"long session: p90 of cells {cells - runs + 1}-{cells} (ms)": pct(late, 90) * 1000,
        f"idle RSS 2 s after those {cells} cells (MB)": rss_long,
        "shutdown (s)": shutdown,
    }


TARGETS = {
    "cold start to kernel_info_reply (s)": "≤ 0.4",
    "1+1 round trip p50 (ms)": "≤ 10",
    "10,000-line cell to idle (s)": "≤ 0.1",
    "lines lost of 10,000": "0",
    "completion p50 (ms)": "≤ 15",
    "idle RSS (MB)": "≤ 180",
    "shutdown (s)": "≤ 0.3",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--kernels", default="jotter,python3")
    args = ap.parse_args()
    results = {}
    for k in args.kernels.split(","):
        try:
            results[k] = bench(k, args.runs)
        except Exception as e:  # IPython may not be installed; Jotter must be
            if k == "jotter":
                raise
            print(f"(skipping {k}: {e})")
    names = list(results["jotter"])
    print("| metric | target | Jotter | IPython | Jotter / IPython |")
    print("|---|---|---|---|---|")
    for n in names:
        j = results["jotter"][n]
        p = results.get("python3", {}).get(n)
        ratio = f"{j / p:.2f}×" if p not in (None, 0) else "–"
        fmt = (lambda v: f"{v:.0f}") if "lost" in n else (lambda v: f"{v:.3f}" if v < 10 else f"{v:.1f}")
        print(f"| {n} | {TARGETS.get(n, '')} | {fmt(j)} | {fmt(p) if p is not None else '–'} | {ratio} |")


if __name__ == "__main__":
    main()
