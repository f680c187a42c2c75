#!/usr/bin/env bash
# Builds Jotter, installs its kernelspec and warms the caches a first notebook would fill.
# Binder's postBuild runs it at image build time; CI runs that postBuild too (BinderPostBuildIT)
# in a fresh home folder, then executes a notebook with the kernel it installed.
#
# Usage: binder/install-kernel.sh [--sys-prefix | --user | --prefix DIR] [--jar JAR] [--offline] [--clean] [--slim]
#   --sys-prefix / --user / --prefix DIR   where the kernelspec goes (as for jotter install)
#   --jar JAR    use an already built jotter.jar instead of building one
#   --offline    build with Maven's offline mode (everything must be in ~/.m2 already)
#   --clean      delete the build folders afterwards (the kernelspec keeps its own copy of the jar)
#   --slim       for an image (Binder's postBuild): after the build, delete Maven's build cache
#                (~/.m2/repository, ~/.m2/wrapper; about 1 GB a student never uses), so that the
#                warm-up leaves in ~/.m2/repository only what the tour's %maven cell fetches, and
#                delete a ~/.djl.ai this run created. Never on a machine whose ~/.m2 you want to keep.
# Environment: JOTTER_JVM_OPTS replaces the kernel's memory options below.
set -euo pipefail
cd "$(dirname "$0")/.."

# Binder gives a pod 2 GB in all. The kernel JVM shares it with the Jupyter server (~150 MB) and
# with libtorch's native memory, which the Java heap limit does not cover (~300-400 MB for the
# course's models), so the heap is capped well below 2 GB and the JVM's other pools are bounded
# too: a runaway notebook then gets a Java OutOfMemoryError it can report instead of the whole
# pod being killed. See binder/README.md for the arithmetic.
read -r -a JVM_OPTS <<< "${JOTTER_JVM_OPTS:--Xmx896m -XX:MaxDirectMemorySize=192m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m}"

where=(--sys-prefix); jar=""; offline=""; clean=0; slim=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sys-prefix|--user) where=("$1") ;;
    --prefix) [ $# -ge 2 ] || { echo "error: --prefix needs a folder, e.g. --prefix /tmp/jupyter" >&2; exit 2; }; where=(--prefix "$2"); shift ;;
    --jar) [ $# -ge 2 ] || { echo "error: --jar needs a path, e.g. --jar kernel/target/jotter.jar" >&2; exit 2; }; jar="$2"; shift ;;
    --offline) offline="-o" ;;
    --clean) clean=1 ;;
    --slim) slim=1 ;;
    *) echo "error: unknown option '$1'; expected --sys-prefix, --user, --prefix DIR, --jar JAR, --offline, --clean or --slim" >&2; exit 2 ;;
  esac
  shift
done

. scripts/java-home.sh
export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cpu}"   # the jar bundles CPU natives only; never fetch others
djl_home_existed=0; [ -e "$HOME/.djl.ai" ] && djl_home_existed=1

if [ -z "$jar" ]; then
  echo "==> Building Jotter (Maven wrapper)"
  ./mvnw -B -ntp $offline -pl kernel -am package -DskipTests
  jar=kernel/target/jotter.jar
fi
[ -f "$jar" ] || { echo "error: no jar at '$jar'; build it with ./mvnw -pl kernel -am package -DskipTests or pass --jar" >&2; exit 1; }

echo "==> Installing the kernelspec (${where[*]}, JVM options: ${JVM_OPTS[*]})"
install_args=(install "${where[@]}" --name jotter)
for o in "${JVM_OPTS[@]}"; do install_args+=(--jvm-opt "$o"); done
out=$(java -jar "$jar" "${install_args[@]}")
echo "$out"
spec=$(printf '%s\n' "$out" | sed -n 's/^Installed kernelspec .* in //p' | tail -1)
[ -n "$spec" ] && [ -f "$spec/kernel.json" ] || { echo "error: jotter install did not report a kernelspec folder: $out" >&2; exit 1; }
kernel_jar="$spec/jotter.jar"; [ -f "$kernel_jar" ] || kernel_jar="$jar"

# The kernel's runtime settings belong in its kernelspec, where every way of starting it (Binder,
# a JupyterHub, a student's own Jupyter) finds them, not in a launch script:
#  - DJL_CACHE_DIR: DJL extracts libtorch (about 430 MB) once, at install time, into the install
#    folder, instead of into each user's ~/.djl.ai (a hub with persistent home folders would
#    otherwise extract it again for every student);
#  - PYTORCH_FLAVOR=cpu, DJL_OFFLINE=true: the CPU natives in the jar, never a download;
#  - OPT_OUT_TRACKING=true: none of DJL's telemetry;
#  - MALLOC_ARENA_MAX=2: glibc gives each native thread its own malloc arena; two keep libtorch's
#    footprint small in Binder's 2 GB pod.
# Values jotter install already wrote stay (it may set the same flags itself).
djl_cache="$spec/djl"
kernel_env=(DJL_CACHE_DIR="$djl_cache" PYTORCH_FLAVOR=cpu DJL_OFFLINE=true OPT_OUT_TRACKING=true MALLOC_ARENA_MAX=2)
# Python, not Java: Jupyter itself is Python, so wherever a kernelspec is read, python3 is there.
python3 - "$spec/kernel.json" "${kernel_env[@]}" <<'PY'
import json, sys
path, pairs = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    spec = json.load(f)
env = spec.setdefault("env", {})
for pair in pairs:
    name, value = pair.split("=", 1)
    env.setdefault(name, value)
with open(path, "w", encoding="utf-8") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PY
export "${kernel_env[@]}"

if [ "$slim" = 1 ]; then
  echo "==> Removing Maven's build cache (~/.m2/repository, ~/.m2/wrapper); the warm-up refills only what %maven needs"
  rm -rf "$HOME/.m2/repository" "$HOME/.m2/wrapper"
fi

echo "==> Warming caches: %maven's local repository (the tour's library) and DJL's CPU natives ($djl_cache)"
# -Duser.home: Java takes its home from the password database, not $HOME; the caches belong
# where the shell's HOME is (the same on Binder, different in CI's fresh HOME).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "${JVM_OPTS[@]}" \
  -Duser.home="$HOME" -jar "$kernel_jar" run binder/warmup.ipynb -o "$tmp/warmup.ipynb" --timeout 600 --log-output

if [ "$clean" = 1 ]; then
  echo "==> Removing build folders (the kernelspec has its own copy of the jar)"
  rm -rf api/target datasets/target toolkit/target toolkit-smile/target magics/target kernel/target bench/*/target
fi
if [ "$slim" = 1 ] && [ "$djl_home_existed" = 0 ]; then
  rm -rf "$HOME/.djl.ai"   # DJL_CACHE_DIR points elsewhere; anything here is a leftover of this run
fi
mb() { du -sm "$@" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
echo "==> Sizes: kernelspec $(mb "$spec") MB (DJL's natives $(mb "$djl_cache") MB), ~/.m2 $(mb "$HOME/.m2") MB, ~/.djl.ai $(mb "$HOME/.djl.ai") MB, home folder $(mb "$HOME") MB"
echo "==> Jotter kernel ready: $spec"
