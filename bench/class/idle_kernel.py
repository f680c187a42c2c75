"""One idle Jotter kernel's memory: starts the kernel from an installed kernelspec with Debian's
jupyter_client, runs CELLS (default: one `1+1`), waits for the idle collector, and prints PSS and
RSS from /proc/PID/smaps_rollup plus PSS per kind of mapping from /proc/PID/smaps (heap, the AOT
cache, the jar and its libraries, libtorch, JIT code, thread stacks, malloc arenas), so one can see
where a kernel's memory goes.

Usage: JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 idle_kernel.py [--kernel jotter]
       [--cell CODE]... [--wait S] [--json OUT.json]
"""
import argparse
import collections
import json
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
    a = ap.parse_args()
    km, kc = start_new_kernel(kernel_name=a.kernel, startup_timeout=120)
    try:
        for code in a.cell or ["1+1"]:
            r = kc.execute_interactive(code, timeout=300)
            if r["content"]["status"] != "ok":
                raise SystemExit(f"cell failed: {code!r}: {r['content']}")
        time.sleep(a.wait)
        pid = km.provisioner.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid
        r = rollup(pid)
        out = {"pid": pid, "pss_mb": round(r["Pss"] / 1024, 1), "rss_mb": round(r["Rss"] / 1024, 1),
               "pss_anon_mb": round(r.get("Pss_Anon", 0) / 1024, 1), "pss_file_mb": round(r.get("Pss_File", 0) / 1024, 1),
               "private_mb": round((r.get("Private_Clean", 0) + r.get("Private_Dirty", 0)) / 1024, 1),
               "pss_by_kind_mb": breakdown(pid)}
        print(json.dumps(out, indent=1))
        if a.json:
            with open(a.json, "w") as f:
                json.dump(out, f, indent=1)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
