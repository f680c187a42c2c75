"""One idle Jotter kernel's memory: starts the kernel from an installed kernelspec with Debian's
jupyter_client, runs CELLS (default: one `1+1`), waits for the idle collector, and prints PSS and
RSS from /proc/PID/smaps_rollup plus PSS per kind of mapping from /proc/PID/smaps (heap, the AOT
cache, the jar and its libraries, libtorch, JIT code, thread stacks, malloc arenas), so one can see
where a kernel's memory goes.

Usage: JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 idle_kernel.py [--kernel jotter]
       [--cell CODE]... [--notebook NB.ipynb] [--wait S] [--json OUT.json] [--jcmd PATH] [--kernels K]
--kernels K starts K kernels side by side (each runs the cells) and reports each one's PSS, so
the pages they share count 1/K in each, as in a class.
--notebook runs that notebook's code cells first (JOTTER_EPOCHS/JOTTER_LIMIT reach the kernel);
--jcmd adds the JVM's own account (VM.native_memory summary) where the kernelspec was installed
with --jvm-opt -XX:NativeMemoryTracking=summary.
"""
import argparse
import collections
import json
import subprocess
import sys
import time

from jupyter_client.manager import start_new_kernel


def rollup(pid):
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            p = line.split()
            if len(p) == 3 and p[2] == "kB":
                out[p[0].rstrip(":")] = int(p[1])
    return out


def kind(name, perms, size_kb):
    if name.endswith(".aot") or ".jsa" in name:
        return "AOT cache (file)"
    if "libtorch" in name or "libc10" in name or "libgomp" in name or "djl_torch" in name:
        return "libtorch natives"
    if name.endswith(".jar"):
        return "jars (mapped)"
    if "/jvm/" in name and name.endswith(".so"):
        return "JDK natives"
    if name.endswith(".so") or ".so." in name:
        return "other natives"
    if name == "[heap]":
        return "C heap (brk)"
    if name.startswith("[stack"):
        return "main stack"
    if name.startswith("/"):
        return "other files"
    if name.startswith("["):
        return name
    return "anonymous (Java heap, metaspace, code cache, thread stacks, malloc arenas)"


def breakdown(pid):
    pss = collections.Counter()
    cur = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            p = line.split()
            if "-" in p[0] and len(p) >= 5 and ":" not in p[0]:
                name = p[5] if len(p) > 5 else ""
                lo, hi = (int(x, 16) for x in p[0].split("-"))
                cur = kind(name, p[1], (hi - lo) // 1024)
            elif p[0] == "Pss:" and cur:
                pss[cur] += int(p[1])
    return {k: round(v / 1024, 1) for k, v in pss.most_common()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="jotter")
    ap.add_argument("--cell", action="append")
    ap.add_argument("--wait", type=float, default=5.0)
    ap.add_argument("--json")
    ap.add_argument("--notebook")
    ap.add_argument("--jcmd")
    ap.add_argument("--kernels", type=int, default=1)
    a = ap.parse_args()
    others = [start_new_kernel(kernel_name=a.kernel, startup_timeout=120) for _ in range(a.kernels - 1)]
    km, kc = start_new_kernel(kernel_name=a.kernel, startup_timeout=120)
    try:
        cells = list(a.cell or [])
        if a.notebook:
            with open(a.notebook) as f:
                nb = json.load(f)
            cells = [c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                     for c in nb["cells"] if c["cell_type"] == "code"] + cells
        for code in cells or ["1+1"]:
            for c in [kc] + [o[1] for o in others]:
                r = c.execute_interactive(code, timeout=300, output_hook=lambda m: None)
                if r["content"]["status"] != "ok":
                    raise SystemExit(f"cell failed: {code!r}: {r['content']}")
        time.sleep(a.wait)
        pid = km.provisioner.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid
        r = rollup(pid)
        out = {"pid": pid, "pss_mb": round(r["Pss"] / 1024, 1), "rss_mb": round(r["Rss"] / 1024, 1),
               "pss_anon_mb": round(r.get("Pss_Anon", 0) / 1024, 1), "pss_file_mb": round(r.get("Pss_File", 0) / 1024, 1),
               "private_mb": round((r.get("Private_Clean", 0) + r.get("Private_Dirty", 0)) / 1024, 1),
               "pss_by_kind_mb": breakdown(pid)}
        if a.jcmd:
            nmt = subprocess.run([a.jcmd, str(pid), "VM.native_memory", "summary"], capture_output=True, text=True).stdout
            out["nmt_committed_kb"] = {line.split("(")[0].strip("- ").strip(): line.split("committed=")[1].split("KB")[0]
                                       for line in nmt.splitlines() if line.startswith("-") and "committed=" in line}
        if others:
            each = [rollup(o[0].provisioner.pid) for o in others] + [r]
            out["kernels"] = len(each)
            out["pss_mb_each"] = [round(e["Pss"] / 1024, 1) for e in each]
            out["pss_mb_mean"] = round(sum(e["Pss"] for e in each) / len(each) / 1024, 1)
        print(json.dumps(out, indent=1))
        if a.json:
            with open(a.json, "w") as f:
                json.dump(out, f, indent=1)
    finally:
        for m, c in others + [(km, kc)]:
            c.stop_channels()
            m.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
