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

Usage:
    python3 notebooks/tools/build_notebooks.py           # rewrite notebooks/*.ipynb
    python3 notebooks/tools/build_notebooks.py --check   # exit 1 if any .ipynb is out of date
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^-- (md|code)((?: [A-Za-z0-9_-]+)*)\s*$")

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


def build(path):
    stem = path.stem
    prefix = stem.split("-", 1)[0]
    out = []
    for i, (kind, tags, text) in enumerate(parse(path), 1):
        meta = {"tags": tags} if tags else {}
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
