#!/usr/bin/env python3
"""Builds the curriculum's .ipynb files from their plain-text sources in notebooks/src.

Why a generator: notebooks are JSON, which is painful to review and edit by hand; the sources
are plain text with one marker line per cell, so diffs read like code. The .ipynb files are
committed too (students open those), without outputs, as nbformat 4.5 with stable cell ids.

Source format (notebooks/src/NN-name.jnb):

    -- md
    # A Markdown cell
    -- code parameters
    int epochs = 20;        // a code cell tagged "parameters" (papermill / jotter run --param)
    -- code
    System.out.println(epochs);

Graded exercises (docs/teaching.md) use nbgrader's cell metadata, written on the marker line:

    -- code solution id=ex02-mse                 an answer cell: // BEGIN SOLUTION ... // END SOLUTION
    -- code grade id=ex02-mse-tests points=2     a %%test cell worth 2 points (hidden tests allowed)
    -- md locked id=ex02-intro                   a read-only cell

These notebooks hold the solutions; `jotter assign` makes the students' version (the kernel's
build writes it to kernel/target/release-notebooks/).

Usage:
    python3 notebooks/tools/build_notebooks.py           # rewrite notebooks/*.ipynb
    python3 notebooks/tools/build_notebooks.py --check   # exit 1 if any .ipynb is out of date
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^-- (md|code)((?: [A-Za-z0-9_=.-]+)*)\s*$")
NBGRADER_FLAGS = ("solution", "grade", "locked")

METADATA = {
    "kernelspec": {"name": "jotter", "display_name": "Java (Jotter)", "language": "java"},
    "language_info": {
        "name": "java",
        "file_extension": ".jshell",
        "mimetype": "text/x-java-source",
        "codemirror_mode": "text/x-java",
        "pygments_lexer": "java",
    },
}


def lines(text):
    """Jupyter stores sources as a list of lines, each but the last ending with a newline."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def parse(path):
    cells = []
    kind, tags, body = None, [], []

    def flush():
        if kind is None:
            if any(l.strip() for l in body):
                raise SystemExit(f"{path}: text before the first '-- md' or '-- code' line")
            return
        text = "\n".join(body).strip("\n")
        if not text:
            raise SystemExit(f"{path}: empty {kind} cell #{len(cells) + 1}; remove its marker line")
        cells.append((kind, tags, text))

    for line in path.read_text(encoding="utf-8").split("\n"):
        m = MARKER.match(line)
        if m:
            flush()
            kind, tags, body = m.group(1), m.group(2).split(), []
        else:
            body.append(line)
    flush()
    return cells


def nbgrader(path, i, kind, words, text):
    """The nbgrader metadata a marker line asks for ({} for none), checked as jotter assign will."""
    flags = [w for w in words if w in NBGRADER_FLAGS]
    attrs = dict(w.split("=", 1) for w in words if "=" in w)
    if not flags and not attrs:
        return {}
    where = f"{path}: cell #{i}"
    if len(flags) != 1 or "id" not in attrs:
        raise SystemExit(f"{where}: a graded cell needs exactly one of {NBGRADER_FLAGS} and an id=..., got {' '.join(words)}")
    flag = flags[0]
    meta = {"grade": flag == "grade", "grade_id": attrs["id"], "locked": flag != "solution",
            "schema_version": 3, "solution": flag == "solution"}
    if flag == "grade":
        if "points" not in attrs or kind != "code" or not text.startswith("%%test"):
            raise SystemExit(f"{where}: a grade cell is a code cell starting with %%test, with points=N")
        meta["points"] = float(attrs["points"]) if "." in attrs["points"] else int(attrs["points"])
    if flag == "solution" and (kind != "code" or "// BEGIN SOLUTION" not in text):
        raise SystemExit(f"{where}: a solution cell is a code cell with a // BEGIN SOLUTION region")
    return {"nbgrader": meta}


def build(path):
    stem = path.stem
    prefix = stem.split("-", 1)[0]
    out = []
    for i, (kind, tags, text) in enumerate(parse(path), 1):
        meta = nbgrader(path, i, kind, tags, text)
        if meta.get("nbgrader", {}).get("grade"):
            # The table in the notebook shows the points the metadata gives, as jotter assign and grade write them.
            first, _, rest = text.partition("\n")
            if "--points" not in first:
                text = f"{first} --points {meta['nbgrader']['points']}" + ("\n" + rest if rest else "")
        tags = [t for t in tags if t not in NBGRADER_FLAGS and "=" not in t]
        if tags:
            meta["tags"] = tags
        cell = {"cell_type": "markdown" if kind == "md" else "code", "id": f"nb{prefix}-{i:02d}", "metadata": meta}
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        cell["source"] = lines(text)
        out.append(cell)
    nb = {"cells": out, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    for src in sorted((ROOT / "src").glob("*.jnb")):
        target = ROOT / (src.stem + ".ipynb")
        text = build(src)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        if check:
            stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT.parent)}")
    if stale:
        print("out of date (run python3 notebooks/tools/build_notebooks.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
