"""Reads "RESULT name ms ..." lines on stdin and prints a Markdown table of medians per name."""
import collections
import statistics
import sys

runs = collections.OrderedDict()
notes = collections.defaultdict(list)
for line in sys.stdin:
    parts = line.split(maxsplit=3)
    if len(parts) < 3 or parts[0] != "RESULT":
        continue
    runs.setdefault(parts[1], []).append(float(parts[2]))
    if len(parts) == 4:
        notes[parts[1]].append(parts[3].strip())

print("| measurement | median ms | min ms | max ms | runs |")
print("|---|---:|---:|---:|---:|")
for name, values in runs.items():
    print(f"| {name} | {statistics.median(values):.1f} | {min(values):.1f} | {max(values):.1f} | {len(values)} |")
for name, lines in notes.items():
    print(f"\n{name}: " + "; ".join(sorted(set(lines))))
