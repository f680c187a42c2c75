#!/usr/bin/env bash
# Plot benchmark: Jotter's XChart charts against Debian's matplotlib (Agg), side by side.
# Usage: bench/plot/run.sh [runs]   (default 5 fresh processes per "first" measurement)
#        BENCH_DELAYS_MS="2000 5000" sets the pauses between kernel start and the first chart.
# Needs JDK 25 and /usr/bin/python3 with python3-matplotlib (apt-get install python3-matplotlib).
# Prints a table of medians; paste it into bench/plot/RESULTS.md with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
runs=${1:-5}
delays=${BENCH_DELAYS_MS:-2000 5000}
out=bench/plot/target
mkdir -p "$out/classes"

# The last module built (toolkit) writes cp.txt last; reactor modules resolve to target/classes.
./mvnw -B -ntp -q -pl toolkit -am compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$out/cp.txt"
cp="$PWD/toolkit/target/classes:$(cat "$out/cp.txt")"
javac -d "$out/classes" -cp "$cp" bench/plot/PlotBench.java
java_run() { java -Djava.awt.headless=true -cp "$out/classes:$cp" PlotBench "$@"; }
py=/usr/bin/python3
"$py" -c 'import matplotlib' 2>/dev/null || { echo "matplotlib missing: apt-get install python3-matplotlib" >&2; exit 1; }

echo "load average at start: $(cut -d" " -f1-3 /proc/loadavg), CPUs: $(nproc)"
results=$(mktemp)
for _ in $(seq "$runs"); do
  for delay in $delays; do java_run first-warmup "$delay" >>"$results"; done
  java_run warmup-duration >>"$results"
  java_run first-cold >>"$results"
  "$py" bench/plot/mpl_bench.py import >>"$results"
  "$py" bench/plot/mpl_bench.py first 100 >>"$results"
  "$py" bench/plot/mpl_bench.py first 200 >>"$results"
done
java_run warm 200 2 >>"$results"
java_run warm 200 1 >>"$results"
"$py" bench/plot/mpl_bench.py warm 200 100 >>"$results"
"$py" bench/plot/mpl_bench.py warm 200 200 >>"$results"

echo "load average before summary: $(cut -d' ' -f1-3 /proc/loadavg), CPUs: $(nproc)"
"$py" bench/plot/summarize.py <"$results"
rm -f "$results"
