"""Runs the course's training notebooks through three paths and records the numbers each gives:

* kernel: Debian's nbclient with the installed Jotter kernelspec, as Jupyter's "Run All" does;
* runner: `java -jar jotter.jar run`, the embedded kernel with no Jupyter;
* java:   the notebook's code cells turned into one plain Java program (NotebookProgram) and run
          by a fresh JVM with the java launcher, no kernel and no JShell at all.

Each notebook gets one extra cell at its end that prints its training results at full precision
(Double.toString round-trips, so equal text is equal bits): a "PROBE" line (NotebookProbes.java
says what each notebook prints; NotebooksIT runs the same probed copies in ./test). A seeded notebook
must print the same PROBE line on every path and in every run.

Usage: reproducibility.py --out DIR --jar JOTTER.jar --runs N [--paths kernel,runner,java]
                          [--java JAVA] [--test-classes DIR] NOTEBOOK.ipynb...
Environment: JUPYTER_PATH must hold the kernelspec for the kernel path; JOTTER_EPOCHS and
JOTTER_LIMIT reach the notebooks on every path. Writes DIR/results.json:
{"notebooks": {name: {path: [probe line or "ERROR: ..." per run]}}, "seconds": {path: total}}.
Exits 0 when every run of every path printed the same PROBE line for each notebook, 1 otherwise.
"""
import argparse
import glob
import json
import os
import pathlib
import subprocess
import sys
import time
import traceback

import nbformat

KERNEL = os.environ.get("JOTTER_KERNEL_NAME", "jotter")

JVM_OPTS = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true"]


def probed_copies(notebooks, out_dir, args):
    """Copies of the notebooks with a last cell that prints their PROBE line (NotebookProbes.PROBES)."""
    subprocess.run([args.java, "-cp", converter_classpath(args), "dev.jotter.kernel.it.NotebookProbes", str(out_dir), *notebooks],
                   check=True, capture_output=True, text=True)
    return [out_dir / pathlib.Path(nb).name for nb in notebooks]


def converter_classpath(args):
    lib = pathlib.Path(args.jar).parent / "lib"
    return os.pathsep.join([args.test_classes] + sorted(glob.glob(str(lib / "gson-*.jar"))))


def probe_of(text):
    lines = [line for line in text.splitlines() if line.startswith("PROBE ")]
    if len(lines) != 1:
        return f"ERROR: {len(lines)} PROBE lines in the output"
    return lines[0]


def notebook_text(nb):
    """Everything the cells printed, and the first error, as text."""
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                parts.append(o.get("text", ""))
            elif o.get("output_type") == "error":
                parts.append("\nERROR: " + o.get("ename", "") + ": " + o.get("evalue", "") + "\n")
    return "".join(parts)


def with_error(text):
    probe = probe_of(text)
    if probe.startswith("ERROR") and "\nERROR: " in text:
        probe += " (" + text[text.index("\nERROR: ") + 8:].splitlines()[0][:300] + ")"
    return probe


def run_kernel(nb_path, work, args):
    from nbclient import NotebookClient
    nb = nbformat.read(str(nb_path), as_version=4)
    try:
        NotebookClient(nb, kernel_name=KERNEL, timeout=600, startup_timeout=120,
                       resources={"metadata": {"path": str(args.notebook_dir)}}).execute()
    except Exception:  # a cell error is in the outputs; a dead kernel or a timeout is not
        text = notebook_text(nb)
        return with_error(text) if "\nERROR: " in text else "ERROR: " + traceback.format_exc(limit=1).strip().splitlines()[-1]
    return with_error(notebook_text(nb))


def run_runner(nb_path, work, args):
    out = work / ("runner-" + nb_path.name)
    p = subprocess.run([args.java, *JVM_OPTS, "-jar", args.jar, "run", str(nb_path), "-o", str(out), "--timeout", "600"],
                       capture_output=True, text=True, cwd=args.notebook_dir)
    if not out.is_file():
        return "ERROR: jotter run wrote no notebook: " + (p.stdout + p.stderr)[-300:]
    return with_error(notebook_text(nbformat.read(str(out), as_version=4)))


def run_java(nb_path, work, args):
    program = work / ("Notebook" + nb_path.name[:2] + ".java")
    lib = pathlib.Path(args.jar).parent / "lib"
    conv = subprocess.run([args.java, "-cp", converter_classpath(args), "dev.jotter.kernel.it.NotebookProgram", str(nb_path), str(program)],
                          capture_output=True, text=True)
    if conv.returncode != 0:
        return "ERROR: NotebookProgram failed: " + (conv.stdout + conv.stderr)[-500:]
    # The class path a notebook sees in the kernel: the user API, the toolkit layer and, after it,
    # the GPL-licensed Smile layer (lib/smile, a module of its own since the licence split).
    cp = (sorted(glob.glob(str(lib / "jotter-api-*.jar"))) + sorted(glob.glob(str(lib / "toolkit" / "*.jar")))
          + sorted(glob.glob(str(lib / "smile" / "*.jar"))))
    p = subprocess.run([args.java, *JVM_OPTS, "--class-path", os.pathsep.join(cp), str(program)],
                       capture_output=True, text=True, cwd=args.notebook_dir)
    probe = probe_of(p.stdout)
    if probe.startswith("ERROR"):
        probe += f" (exit {p.returncode}: " + p.stderr.strip()[-500:] + ")"
    return probe


PATHS = {"kernel": run_kernel, "runner": run_runner, "java": run_java}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--jar", required=True)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--paths", default="kernel,runner,java")
    ap.add_argument("--java", default="java")
    ap.add_argument("--test-classes", default="target/test-classes")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    out = pathlib.Path(args.out).resolve()
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    args.notebook_dir = pathlib.Path(args.notebooks[0]).resolve().parent
    args.jar = str(pathlib.Path(args.jar).resolve())
    args.test_classes = str(pathlib.Path(args.test_classes).resolve())
    paths = args.paths.split(",")
    probed = probed_copies(args.notebooks, work, args)
    results = {p.name: {path: [] for path in paths} for p in probed}
    seconds = {path: 0.0 for path in paths}
    for run in range(args.runs):
        for nb in probed:
            for path in paths:
                started = time.monotonic()
                probe = PATHS[path](nb, work, args)
                took = time.monotonic() - started
                seconds[path] += took
                results[nb.name][path].append(probe)
                print(f"run {run + 1}/{args.runs} {nb.name} {path} {took:.1f}s {probe[:160]}", flush=True)
    with open(out / "results.json", "w") as f:
        json.dump({"notebooks": results, "seconds": {k: round(v, 1) for k, v in seconds.items()},
                   "runs": args.runs, "env": {k: os.environ.get(k) for k in ("JOTTER_EPOCHS", "JOTTER_LIMIT")}}, f, indent=1)
    same = all(len(set(sum(r.values(), []))) == 1 and not next(iter(r.values()))[0].startswith("ERROR") for r in results.values())
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
