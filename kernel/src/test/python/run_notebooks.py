"""Executes notebooks with Debian's nbclient and the installed Jotter kernelspec, exactly as
Jupyter's "Run All" (or `jupyter nbconvert --execute`) would, and saves each executed notebook.

The JUnit side (NotebooksIT) checks the saved notebooks, so the expectations live in one place
for both the headless runner and this real Jupyter client.

Usage: run_notebooks.py OUT_DIR REPORT.json NOTEBOOK.ipynb...
Environment: JOTTER_KERNEL_NAME (default jotter), JOTTER_CELL_TIMEOUT seconds (default 300).
The kernel inherits this process's environment, so JOTTER_EPOCHS and friends reach the notebooks.
"""
import json
import os
import pathlib
import sys
import time
import traceback

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = os.environ.get("JOTTER_KERNEL_NAME", "jotter")
TIMEOUT = int(os.environ.get("JOTTER_CELL_TIMEOUT", "300"))


def run(path, out_dir):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, startup_timeout=120,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    status, detail = "ok", ""
    try:
        client.execute()
    except CellExecutionError as e:
        status, detail = "error", str(e)
    except Exception:  # a dead kernel or a timeout: report it, keep going with the next notebook
        status, detail = "error", traceback.format_exc()
    target = out_dir / path.name
    nbformat.write(nb, str(target))
    return {"status": status, "detail": detail, "seconds": round(time.monotonic() - started, 1), "output": str(target)}


def main(out_dir, report, notebooks):
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    for nb in notebooks:
        path = pathlib.Path(nb)
        print(f"nbclient: {path.name} ...", flush=True)
        results[path.name] = run(path, out_dir)
        print(f"nbclient: {path.name} {results[path.name]['status']} in {results[path.name]['seconds']} s", flush=True)
    with open(report, "w") as f:
        json.dump(results, f, indent=1)
    return 0 if all(r["status"] == "ok" for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
