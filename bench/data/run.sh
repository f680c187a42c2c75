#!/usr/bin/env bash
# Bench (not a test): 1M x 11 CSV load, then scale + one-hot + split, Jotter vs pandas + scikit-learn.
# Needs Debian's python3-pandas and python3-sklearn (apt-get install python3-pandas python3-sklearn).
# Usage: bench/data/run.sh [ROWS] [REPS]      (defaults 1000000 and 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"; reps="${2:-3}"
. scripts/java-home.sh
work="${TMPDIR:-/tmp}/jotter-bench-data"; mkdir -p "$work"
csv="$work/bench-$rows.csv"
[ -f "$csv" ] || /usr/bin/python3 bench/data/gen.py "$csv" "$rows"
./mvnw -B -ntp -q -pl toolkit -am compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="toolkit/target/classes:datasets/target/classes:$(cat toolkit/target/bench-classpath.txt)"
java -Xmx6g -cp "$cp" bench/data/DataBench.java "$csv" "$reps" | tee "$work/jotter.txt"
/usr/bin/python3 bench/data/bench.py "$csv" "$reps" | tee "$work/pandas.txt"
for step in load prep; do
  j=$(awk -v s=$step '$2==s {print $3}' "$work/jotter.txt"); p=$(awk -v s=$step '$2==s {print $3}' "$work/pandas.txt")
  awk -v s=$step -v j="$j" -v p="$p" 'BEGIN { printf "%-5s jotter %6.3fs  pandas %6.3fs  ratio %.2fx (target <= 1.0x)\n", s, j, p, j / p }'
done
