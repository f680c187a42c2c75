#!/usr/bin/env bash
# Bench (not a test): TF-IDF of 3,600 short texts, Jotter's TfIdf vs scikit-learn's TfidfVectorizer,
# fit + transform, median of REPS runs after WARMUP, and the bytes of the sparse result.
# Needs Debian's python3-sklearn (apt-get install python3-sklearn).
# Usage: bench/text/run.sh [REPS] [WARMUP]      (defaults 15 and 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
reps="${1:-15}"; warmup="${2:-10}"
. scripts/java-home.sh
work="${TMPDIR:-/tmp}/jotter-bench-text"; mkdir -p "$work"
corpus="$work/glosses.txt"
/usr/bin/python3 bench/text/corpus.py datasets/src/main/resources/dev/jotter/datasets/sentiment/sentiment.csv "$corpus"
./mvnw -B -ntp -q -pl toolkit -am compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="toolkit/target/classes:datasets/target/classes:$(cat toolkit/target/bench-classpath.txt)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$cp" bench/text/TextBench.java "$corpus" "$reps" "$warmup" | tee "$work/jotter.txt"
/usr/bin/python3 bench/text/bench.py "$corpus" "$reps" "$warmup" | tee "$work/sklearn.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
field() { awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$1"; }
js=$(field "$work/jotter.txt" seconds); ps=$(field "$work/sklearn.txt" seconds)
jb=$(field "$work/jotter.txt" bytes); pb=$(field "$work/sklearn.txt" bytes)
dense=$(awk -v r="$(field "$work/jotter.txt" rows)" -v c="$(field "$work/jotter.txt" cols)" 'BEGIN { print 8 * r * c }')
awk -v j="$js" -v p="$ps" 'BEGIN { printf "time   jotter %.4fs  sklearn %.4fs  ratio %.2fx (target <= 10x)\n", j, p, j / p }'
awk -v j="$jb" -v p="$pb" -v d="$dense" 'BEGIN { printf "memory jotter %.2f MB  sklearn %.2f MB  ratio %.2fx (target < 20 MB; dense would be %.1f MB)\n", j / 1e6, p / 1e6, j / p, d / 1e6 }'
