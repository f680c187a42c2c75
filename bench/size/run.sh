#!/usr/bin/env bash
# What `jotter install` copies, in bytes: the kernel jar, its libraries (lib/), the toolkit
# layer (lib/toolkit) and the Smile layer (lib/smile), against the 200 MB target of issue 19; the start-up cache that install then
# trains (jotter.aot) is written, not copied, and reported beside it.
#   bench/size/run.sh            build if needed, install into a temporary prefix, report
#   bench/size/run.sh --no-aot   skip training the start-up cache (faster)
# Exit status 1 when the copied files exceed the target.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/java-home.sh"
target_bytes=200000000
aot=()
[ "${1:-}" = "--no-aot" ] && aot=(--no-aot)
jar="$root/kernel/target/jotter.jar"
if [ ! -f "$jar" ] || [ ! -d "$root/kernel/target/lib/toolkit" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -pl kernel -am package -DskipTests)
fi
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$JAVA_HOME/bin/java" -jar "$jar" install --prefix "$prefix" --name size-bench "${aot[@]}" >/dev/null
spec="$prefix/share/jupyter/kernels/size-bench"
copied=$( (cd "$spec" && find jotter.jar lib -type f -printf '%s\n') | awk '{s+=$1} END {print s}')
kernel_layer=$(find "$spec/lib" -maxdepth 1 -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
toolkit_layer=$(find "$spec/lib/toolkit" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
smile_layer=$(find "$spec/lib/smile" -type f -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s + 0}')
aot_bytes=$( [ -f "$spec/jotter.aot" ] && stat -c %s "$spec/jotter.aot" || echo 0)
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB (%.1f MiB)", b / 1e6, b / 1048576}'; }
echo "copied by jotter install: $(mb "$copied")  [target: $(mb $target_bytes)]"
echo "  jotter.jar:             $(mb "$(stat -c %s "$spec/jotter.jar")")"
echo "  lib/ (kernel layer):    $(mb "$kernel_layer")"
echo "  lib/toolkit/ (toolkit): $(mb "$toolkit_layer")"
echo "  lib/smile/ (Smile):     $(mb "$smile_layer")"
echo "written by its AOT training (jotter.aot): $(mb "$aot_bytes")"
echo "largest files:"
(cd "$spec" && find jotter.jar lib -type f -printf '%s %p\n') | sort -rn | head -8 | while read -r b p; do echo "  $(mb "$b")  $p"; done
[ "$copied" -le "$target_bytes" ] || { echo "over the target by $(mb $((copied - target_bytes)))" >&2; exit 1; }
