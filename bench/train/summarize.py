"""Reads the RESULT lines of TrainBench.java and torch_bench.py (several passes of each) on stdin and
prints one Markdown row per benchmark: the best of every column over all passes, and the ratios."""
import collections
import sys

best = collections.defaultdict(dict)
medians = collections.defaultdict(list)
units = {}
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 4 or parts[0] != "RESULT":
        continue
    name, unit = parts[1], parts[2]
    units[name] = unit
    for field in parts[3:]:
        key, value = field.split("=")
        if key == "median_round_ratio":
            medians[name].append(float(value))
        elif key != "ratio":
            best[name][key] = max(best[name].get(key, 0.0), float(value))

print("| benchmark | toolkit | raw DJL | torch | toolkit / raw DJL | median round ratio | toolkit / torch |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, cols in best.items():
    t, r, p = cols.get("toolkit"), cols.get("raw_djl"), cols.get("torch")
    ratio = lambda a, b: f"{a / b:.3f}" if a and b else "–"
    med = ", ".join(f"{m:.3f}" for m in medians[name]) or "–"
    print(f"| {name} ({units[name]}) | {t or 0:,.0f} | {r or 0:,.0f} | {p or 0:,.0f} | {ratio(t, r)} | {med} | {ratio(t, p)} |")
