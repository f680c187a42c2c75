"""Validates notebooks against the nbformat JSON schema (Debian's python3-nbformat), so both
runners are held to what Jupyter itself accepts. Prints {"file": "ok" | "error text"} as JSON."""
import json
import sys

import nbformat


def check(path):
    try:
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        nbformat.validate(nb)
        return "ok"
    except Exception as e:  # report any failure as text for the JUnit message
        return f"{type(e).__name__}: {e}"


if __name__ == "__main__":
    print(json.dumps({p: check(p) for p in sys.argv[1:]}))
