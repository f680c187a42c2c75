#!/usr/bin/env bash
# Seeded training gives the same bits through the kernel (Debian's nbclient with the installed
# kernelspec), `jotter run` and a plain Java program made from the notebook's cells (no kernel, no
# JShell): every training notebook, RUNS runs of each path. NotebooksIT checks one run of each
# path in ./test; this is the on-demand repetition issue 20 asks for (20 runs of each).
#   bench/reliability/reproducibility.sh                 20 runs of every training notebook
#   bench/reliability/reproducibility.sh 5 notebooks/08-variational-autoencoder.ipynb
# CI-sized unless JOTTER_EPOCHS / JOTTER_LIMIT are set (2 epochs, 400 examples). The live
# training charts stay on (no JOTTER_PROGRESS=off): the kernel's busiest heap, where a freed
# buffer showed first. Prints a Markdown table for bench/reliability/RESULTS.md; the PROBE lines
# of every run are in kernel/target/reproducibility/results.json. Exit status 1 when any run of
# any path printed other numbers than the others.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/java-home.sh"
runs=${1:-20}
shift || true
notebooks=()
for nb in "$@"; do
  notebooks+=("$(realpath "$nb")")  # the script runs from kernel/
done
if [ ${#notebooks[@]} -eq 0 ]; then
  notebooks=("$root"/notebooks/0{2,3,4,5,6,8,9}-*.ipynb)
fi
export JOTTER_EPOCHS=${JOTTER_EPOCHS:-2} JOTTER_LIMIT=${JOTTER_LIMIT:-400}
jar="$root/kernel/target/jotter.jar"
if [ ! -f "$jar" ] || [ ! -f "$root/kernel/target/test-classes/dev/jotter/kernel/it/NotebookProgram.class" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl kernel -am package -DskipTests)
fi
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$JAVA_HOME/bin/java" -jar "$jar" install --prefix "$prefix" --no-copy --jvm-opt -Xmx768m >/dev/null
out="$root/kernel/target/reproducibility"
rm -rf "$out"
status=0
(cd "$root/kernel" && JUPYTER_PATH="$prefix/share/jupyter" PYTHONUNBUFFERED=1 PATH="$JAVA_HOME/bin:$PATH" \
  /usr/bin/python3 src/test/python/reproducibility.py --out "$out" --jar "$jar" --runs "$runs" \
  --java "$JAVA_HOME/bin/java" --test-classes target/test-classes "${notebooks[@]}") || status=$?
/usr/bin/python3 - "$out/results.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"\n{r['runs']} runs of each path, JOTTER_EPOCHS={r['env']['JOTTER_EPOCHS']} JOTTER_LIMIT={r['env']['JOTTER_LIMIT']}; "
      f"seconds per path in all: {r['seconds']}\n")
print("| notebook | kernel | jotter run | plain Java | distinct results |")
print("|---|---|---|---|---|")
for name, paths in sorted(r["notebooks"].items()):
    reference = paths.get("runner", next(iter(paths.values())))[0]
    def cell(path):
        probes = paths.get(path)
        if probes is None:
            return "not run"
        errors = sum(p.startswith("ERROR") for p in probes)
        same = sum(p == reference for p in probes)
        return f"{same} of {len(probes)} equal" + (f", {errors} failed" if errors else "")
    distinct = len(set(sum(paths.values(), [])))
    print(f"| {name} | {cell('kernel')} | {cell('runner')} | {cell('java')} | {distinct} |")
EOF
exit $status
