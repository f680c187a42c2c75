"""The matplotlib side of bench/plot: the same 100-point line chart, Agg, savefig to PNG bytes, base64.

Modes (one per process, so "first" is the first figure of a fresh interpreter):
  import            time `import matplotlib.pyplot` (Agg), the cost a fresh kernel pays in its first plotting cell
  first DPI         import first (untimed), then time one figure
  warm N DPI        N figures; the last half are the samples
Prints "RESULT name milliseconds".
"""
import base64
import io
import random
import sys
import time

X = list(range(100))
random.seed(42)
import math
Y = [math.sin(i / 10.0) + random.gauss(0, 0.1) for i in X]


def chart(plt, dpi):
    fig, ax = plt.subplots()  # 6.4 x 4.8 in: 640x480 px at 100 dpi
    ax.plot(X, Y)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    plt.close(fig)
    return base64.b64encode(buf.getvalue())


def time_one(plt, dpi):
    start = time.perf_counter()
    chart(plt, dpi)
    return (time.perf_counter() - start) * 1000


def main():
    mode = sys.argv[1]
    start = time.perf_counter()
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    imported = (time.perf_counter() - start) * 1000
    if mode == "import":
        print(f"RESULT mpl-import {imported:.1f}")
    elif mode == "first":
        dpi = int(sys.argv[2])
        print(f"RESULT mpl-first-{dpi}dpi {time_one(plt, dpi):.1f}")
    elif mode == "warm":
        n, dpi = int(sys.argv[2]), int(sys.argv[3])
        times = [time_one(plt, dpi) for _ in range(n)]
        for t in times[n // 2:]:
            print(f"RESULT mpl-warm-{dpi}dpi {t:.2f}")
    else:
        raise SystemExit(f"unknown mode {mode}; use import, first or warm")


if __name__ == "__main__":
    main()
