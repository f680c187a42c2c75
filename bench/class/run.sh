#!/usr/bin/env bash
# A class on one JupyterHub (issue 23): N students run a course notebook at once, each in their
# own single-user server and Jotter kernel (kernel/src/test/python/hub_class.py, the driver that
# JupyterHubIT runs with 5). Reports per student the kernel's PSS (shared pages of the jar, the AOT
# cache and libtorch count once over the class) and RSS once idle, the single-user server's PSS,
# the class's peak kernel PSS, the time until the last student finished, and the p95 cell latency
# against one student alone (run first, same install); then the PSS of a fresh idle kernel (ten
# started side by side with the same install, each running `1+1`).
#
#   bench/class/run.sh [--many-kernels] [--max-heap SIZE] [--notebook NB.ipynb] [--full] N...
#     e.g. bench/class/run.sh 10 20 30
#          bench/class/run.sh --many-kernels --max-heap 1g 10 20 30
#   --full: the notebook's own epochs and data (default: JOTTER_EPOCHS=2 JOTTER_LIMIT=400, as CI)
#   Default notebook: notebooks/02-linear-regression.ipynb (tables, charts and a DJL/libtorch fit).
# Results: bench/class/out/<stamp>/{report-N.json,summary.md}; the summary is printed too.
# Needs what ./test needs (sudo bash scripts/install-deps.sh). Not part of ./test: it takes minutes
# and the whole machine; run it on a quiet machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/java-home.sh"
install_opts=()
notebook="$root/notebooks/02-linear-regression.ipynb"
full=0
counts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --many-kernels) install_opts+=(--many-kernels) ;;
    --max-heap) install_opts+=(--max-heap "$2"); shift ;;
    --notebook) notebook=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
    --full) full=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "bench/class/run.sh: '$1' is neither an option nor a number of students" >&2; exit 2; }
       counts+=("$1") ;;
  esac
  shift
done
[ ${#counts[@]} -gt 0 ] || { echo "usage: bench/class/run.sh [--many-kernels] [--max-heap SIZE] [--notebook NB] N... (e.g. 10 20 30)" >&2; exit 2; }
proxy="$root/kernel/src/test/hub/node_modules/.bin/configurable-http-proxy"
[ -x "$proxy" ] || { echo "configurable-http-proxy missing ($proxy): run sudo bash scripts/install-deps.sh" >&2; exit 1; }
/usr/bin/python3 -c 'import jupyterhub, notebook, tornado' 2>/dev/null || { echo "Debian's jupyterhub missing: run sudo bash scripts/install-deps.sh" >&2; exit 1; }
jar="$root/kernel/target/jotter.jar"
if [ ! -f "$jar" ] || [ ! -d "$root/kernel/target/lib/toolkit" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl kernel -am package -DskipTests)
fi
out="$root/bench/class/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
# A copying install, as a course's server has: the kernel maps the jars in the kernelspec folder.
"$JAVA_HOME/bin/java" -jar "$jar" install --prefix "$prefix" "${install_opts[@]}" 2>&1 | grep -v '^SLF4J' | tee "$out/install.log"
if [ "$full" -eq 0 ]; then export JOTTER_EPOCHS=2 JOTTER_LIMIT=400; fi
export JOTTER_PROGRESS=off PYTHONUNBUFFERED=1
run() {
  /usr/bin/python3 "$root/kernel/src/test/python/hub_class.py" --students "$1" --notebook "$notebook" \
    --out "$out/notebooks-$1" --report "$out/report-$1.json" --kernelspec-prefix "$prefix" --proxy "$proxy" --idle-seconds 5 \
    | tail -n +1 > "$out/run-$1.log" || echo "N=$1: some students failed (see $out/run-$1.log)"
  echo "N=$1 done: $(grep -c ': ok in' "$out/run-$1.log") of $1 ok"
}
echo "== one student alone (the latency baseline)"
run 1
for n in "${counts[@]}"; do
  echo "== $n students"
  run "$n"
done
/usr/bin/python3 - "$out" "${install_opts[*]:-default install}" "$(basename "$notebook")" "${counts[@]}" <<'PY' | tee "$out/summary.md"
import json, sys, pathlib
out, opts, nb, counts = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
def load(n):
    return json.loads((out / f"report-{n}.json").read_text())
base = load(1)["summary"]
print(f"Class bench: {nb}, install: {opts}, {load(1)['cpus']} CPUs")
print()
print("| students | ok | kernels restarted while starting | kernel PSS idle, mean (MB) | kernel RSS idle, mean (MB) | kernel PSS anon / file (MB) | server PSS (MB) | per student (kernel + server PSS, MB) | class kernels' peak PSS (MB) | last finished (s) | kernel CPU per student (s) | p95 cell (s) | p95 vs alone | load before |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for n in ["1"] + counts:
    r = load(n); s = r.get("summary", {})
    if not s:
        print(f"| {n} | failed before the run: see report-{n}.json |"); continue
    per = (s["kernel_idle_pss_mb_mean"] or 0) + (s["server_idle_pss_mb_mean"] or 0)
    ratio = s["cell_latency_p95_s"] / base["cell_latency_p95_s"] if base.get("cell_latency_p95_s") else float("nan")
    print(f"| {n} | {s['ok']} | {r.get('kernel_restarts', '-')} | {s['kernel_idle_pss_mb_mean']} | {s['kernel_idle_rss_mb_mean']} | {s['kernel_idle_pss_anon_mb_mean']} / {s['kernel_idle_pss_file_mb_mean']} "
          f"| {s['server_idle_pss_mb_mean']} | {per:.1f} | {s['class_kernels_pss_mb_peak']} | {s['notebook_s_max']} | {s.get('kernel_cpu_s_mean')} | {s['cell_latency_p95_s']} | {ratio:.2f}x | {r['load_before'][0]:.1f} |")
PY
# The other idle kernel: started and never used (a student who opened a notebook and left it).
# Ten side by side, so that the pages they share count a tenth in each, as in a class; the
# wait covers the kernel's idle collection and its periodic native-heap trim.
JUPYTER_PATH="$prefix/share/jupyter" /usr/bin/python3 "$root/bench/class/idle_kernel.py" --kernels 10 --wait 12 \
  --json "$out/idle-fresh.json" > "$out/idle-fresh.log" 2>&1 || echo "idle_kernel.py failed: see $out/idle-fresh.log"
/usr/bin/python3 - "$out/idle-fresh.json" <<'PY' | tee -a "$out/summary.md"
import json, sys
r = json.load(open(sys.argv[1]))
print(f"\nA fresh idle kernel (started, `1+1`, 12 s quiet; 10 side by side): PSS mean {r['pss_mb_mean']} MB "
      f"(each: {', '.join(str(x) for x in r['pss_mb_each'])}); the last one's anon / file: {r['pss_anon_mb']} / {r['pss_file_mb']} MB")
PY
echo "results in $out"
