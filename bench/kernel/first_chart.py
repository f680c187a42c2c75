#!/usr/bin/env python3
"""The first chart's latency in a fresh kernel, as a notebook meets it (on demand, not a test).

Each round starts a fresh kernel of every kernelspec named, interleaved, and times the cell that
draws the notebook's first chart in three ways of running a notebook:
  run-all  the data cell and the chart cell sent at once, as "Run All" does, right after the
           kernel is ready; the time from the data cell's end to the chart cell's end;
  paced    the data cell, 2 s of a student reading, then the chart cell;
  chart-first  a chart as the very first cell, 2 s after the kernel is ready.
Usage: JUPYTER_PATH=... python3 bench/kernel/first_chart.py --kernels a,b --rounds 5
"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager

DATA = 'Table cars = Datasets.load("cars");'
CHART = ('var chart = Plots.scatter(cars.numberColumn("weight").asDoubleArray(), '
         'cars.numberColumn("mpg").asDoubleArray()); chart')
LONE_CHART = 'Plots.line(new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16})'


def idle_time(kc, msg_id):
    """Waits for the request's status idle and returns when it came; fails on an error reply."""
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            raise RuntimeError(f"cell failed: {msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return time.perf_counter()


def fresh(name):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def one_round(name):
    out = {}
    km, kc = fresh(name)
    a, b = kc.execute(DATA), kc.execute(CHART)
    t_a = idle_time(kc, a)
    out["run-all"] = idle_time(kc, b) - t_a
    kc.stop_channels(); km.shutdown_kernel(now=True)

    km, kc = fresh(name)
    idle_time(kc, kc.execute(DATA))
    time.sleep(2)
    t0 = time.perf_counter()
    out["paced"] = idle_time(kc, kc.execute(CHART)) - t0
    kc.stop_channels(); km.shutdown_kernel(now=True)

    km, kc = fresh(name)
    time.sleep(2)
    t0 = time.perf_counter()
    out["chart-first"] = idle_time(kc, kc.execute(LONE_CHART)) - t0
    kc.stop_channels(); km.shutdown_kernel(now=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernels", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    names = args.kernels.split(",")
    samples = {n: {} for n in names}
    for _ in range(args.rounds):
        for n in names:
            for k, v in one_round(n).items():
                samples[n].setdefault(k, []).append(v * 1000)
    cases = list(samples[names[0]])
    print("| first chart (ms, median of %d; min-max) | %s |" % (args.rounds, " | ".join(names)))
    print("|---|" + "---|" * len(names))
    for c in cases:
        cells = [f"{statistics.median(samples[n][c]):.0f} ({min(samples[n][c]):.0f}-{max(samples[n][c]):.0f})" for n in names]
        print(f"| {c} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
