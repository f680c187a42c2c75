#!/usr/bin/env bash
# Grading a class: `jotter grade` over N copies of notebook 02 (solved, so every cell and every
# test runs), against `jotter run` of the notebook alone once, on this machine's cores.
#   bench/grading/run.sh                   N=50 submissions, --jobs = the cores
#   N=3 bench/grading/run.sh               a quick check of the script
#   JOBS=1 bench/grading/run.sh            one submission at a time
#   JOTTER_EPOCHS=2 JOTTER_LIMIT=400 ...   the notebook's CI sizes (the submissions' JVMs inherit them)
# Prints one table row for bench/grading/RESULTS.md. Run it on a quiet machine: every
# submission is a JVM of its own, so other load shows in every number.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/java-home.sh"
n=${N:-50}
cores=$(nproc)
jobs=${JOBS:-$cores}
jar="$root/kernel/target/jotter.jar"
if [ ! -f "$jar" ] || [ ! -d "$root/kernel/target/lib/toolkit" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl kernel -am package -DskipTests)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nb=02-linear-regression.ipynb
cp "$root/notebooks/$nb" "$work/$nb"
now() { date +%s.%N; }

# The notebook alone, once, as a teacher runs it (its own JVM, as each submission gets one).
t0=$(now)
(cd "$work" && "$JAVA_HOME/bin/java" -jar "$jar" run "$nb" -o "$work/alone.ipynb" >"$work/alone.log" 2>&1) \
  || { echo "the notebook failed alone:"; tail -20 "$work/alone.log"; exit 1; }
alone=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}')

mkdir -p "$work/submitted"
for i in $(seq -w 1 "$n"); do
  mkdir -p "$work/submitted/student$i"
  cp "$work/$nb" "$work/submitted/student$i/$nb"
done
t0=$(now)
"$JAVA_HOME/bin/java" -jar "$jar" grade "$work/submitted" --source "$work/$nb" -o "$work/graded" --jobs "$jobs" >"$work/grade.log" 2>&1 \
  || { echo "jotter grade failed:"; tail -20 "$work/grade.log"; exit 1; }
total=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}')
full=$(awk -F, 'NR > 1 && $3 == $4 {f++} NR > 1 {r++} END {printf "%d/%d", f, r}' "$work/graded/grades.csv")
per=$(awk -v t="$total" -v n="$n" 'BEGIN {printf "%.1f", t / n}')
ratio=$(awk -v t="$total" -v n="$n" -v a="$alone" 'BEGIN {printf "%.2f", t / n / a}')
echo "notebook alone: ${alone} s; grading ${n} submissions with --jobs ${jobs} on ${cores} cores: ${total} s, ${per} s per submission (${ratio} x alone); rows at full marks: ${full}"
echo "| ${n} | ${jobs} | ${cores} | ${JOTTER_EPOCHS:-default} / ${JOTTER_LIMIT:-default} | ${alone} | ${total} | ${per} | ${ratio} | ${full} |"
