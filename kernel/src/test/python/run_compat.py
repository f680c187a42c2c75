"""Executes unchanged IJava notebooks with Debian's nbclient, cell by cell as Jupyter's "Run All"
does, and records for each one how far it got: the index of the cell that failed (in the
notebook's "cells" list, 0-based, markdown cells counted) and that cell's error text, or that it
ran to the end. IJavaCompatIT compares this with compat/ijava/expectations.tsv.

Each notebook runs in its own folder (nbclient's resources path, which Jupyter also uses as the
kernel's working folder), so relative references such as d2l-java's `%load ../utils/djl-imports`
resolve as they do for a user.

Usage: run_compat.py CORPUS_DIR OUT_DIR REPORT.json NOTEBOOK_RELATIVE_PATH...
Environment: JOTTER_KERNEL_NAME (default java, the name IJava notebooks ask for),
JOTTER_CELL_TIMEOUT seconds per cell (default 120).
"""
import json
import os
import pathlib
import re
import sys
import time
import traceback

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

KERNEL = os.environ.get("JOTTER_KERNEL_NAME", "java")
TIMEOUT = int(os.environ.get("JOTTER_CELL_TIMEOUT", "120"))
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def error_text(cell):
    """The cell's error output as one plain string: ename: evalue, then the traceback lines."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            lines = [f"{out.get('ename', '')}: {out.get('evalue', '')}"] + list(out.get("traceback", []))
            return ANSI.sub("", "\n".join(lines))
    return ""


def run(corpus, rel, out_dir):
    path = corpus / rel
    nb = nbformat.read(str(path), as_version=4)
    # The notebooks are unchanged, but they record their kernel as {"name": "java"}: ask for the
    # kernel by that name explicitly, as `jupyter nbconvert --execute` would.
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, startup_timeout=120,
                            resources={"metadata": {"path": str(path.parent)}})
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    result = {"status": "runs-to-end", "cell": None, "code_cell": None, "error": "",
              "cells": len(nb.cells), "code_cells": len(code_cells), "code_cells_ok": 0}
    started = time.monotonic()
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError as e:
                    result.update(status="stops-at", cell=index, error=f"CellTimeoutError: no reply within {TIMEOUT} s\n{e}")
                    break
                except CellExecutionError as e:
                    result.update(status="stops-at", cell=index, error=error_text(cell) or str(e))
                    break
                except DeadKernelError as e:
                    result.update(status="stops-at", cell=index, error=f"DeadKernelError: the kernel died\n{e}")
                    break
                result["code_cells_ok"] += 1
    except Exception:  # the kernel did not start, or died between cells: the notebook stops at its first cell
        result.update(status="stops-at", cell=result["cell"] if result["cell"] is not None else (code_cells[0] if code_cells else 0),
                      error="kernel failure: " + traceback.format_exc())
    if result["cell"] is not None and result["cell"] in code_cells:
        result["code_cell"] = code_cells.index(result["cell"])
    result["seconds"] = round(time.monotonic() - started, 1)
    target = out_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(target))
    result["output"] = str(target)
    return result


def main(corpus, out_dir, report, notebooks):
    corpus, out_dir = pathlib.Path(corpus), pathlib.Path(out_dir)
    results = {}
    for rel in notebooks:
        print(f"compat: {rel} ...", flush=True)
        results[rel] = run(corpus, rel, out_dir)
        r = results[rel]
        where = "to the end" if r["cell"] is None else f"stopped at cell {r['cell']}: {r['error'].splitlines()[0] if r['error'] else ''}"
        print(f"compat: {rel} ran {where} in {r['seconds']} s", flush=True)
        # Written after every notebook, so a run cut short still reports what it did.
        with open(report, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
