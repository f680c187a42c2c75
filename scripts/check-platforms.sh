#!/usr/bin/env bash
# Packages the kernel for each platform Jotter supports, on this machine, and checks what each
# install would copy: the toolkit layer (lib/toolkit) holds that platform's libtorch natives and no
# other platform's natives (JNA's, DJL's JNI, libtorch), the kernel jar and lib/ hold none. Nothing
# is run: that needs the platform itself (README, "Platforms", says which were run where).
#   scripts/check-platforms.sh                      all five: linux-x86_64 linux-aarch64 osx-aarch64 win-x86_64 osx-x86_64
#   scripts/check-platforms.sh osx-aarch64 ...      some of them
# Builds in a scratch copy of the tracked files (the work tree's own target/ folders stay as they
# are); the first run downloads each platform's natives from Maven Central (40-75 MB each).
# Exit status 1 when a check fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-home.sh"
command -v unzip >/dev/null || { echo "error: scripts/check-platforms.sh reads the jars with unzip: apt-get install unzip" >&2; exit 1; }
platforms=("$@")
[ ${#platforms[@]} -gt 0 ] || platforms=(linux-x86_64 linux-aarch64 osx-aarch64 win-x86_64 osx-x86_64)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work"
failed=0
fail() { echo "  FAIL: $*"; failed=1; }
# A native library's path names its platform the way its project spells it.
spellings() {
  case "$1" in
    linux-x86_64) echo "linux-x86_64 linux-x86-64" ;;
    linux-aarch64) echo "linux-aarch64" ;;
    osx-aarch64) echo "osx-aarch64 darwin-aarch64" ;;
    win-x86_64) echo "win-x86_64 win32-x86-64" ;;
    osx-x86_64) echo "osx-x86_64 darwin-x86-64" ;;
  esac
}
natives() { unzip -Z1 "$1" | grep -Ei '\.(so|dll|dylib|jnilib|a)$|\.so\.' || true; }
for p in "${platforms[@]}"; do
  echo "== $p"
  start=$SECONDS
  if ! (cd "$work" && ./mvnw -B -q -ntp -pl kernel -am package -DskipTests -Djotter.platform="$p" > "$work/build-$p.log" 2>&1); then
    tail -20 "$work/build-$p.log"; fail "the build of $p"; continue
  fi
  lib="$work/kernel/target/lib"
  read -ra names <<< "$(spellings "$p")"
  mapfile -t torch < <(cd "$lib/toolkit" && ls pytorch-native-* 2>/dev/null || true)
  if [ "$p" = osx-x86_64 ]; then
    [ ${#torch[@]} -eq 0 ] || fail "natives for a platform PyTorch has none for: ${torch[*]}"
  else
    [ "${torch[*]}" = "pytorch-native-cpu-2.7.1-$p.jar" ] || fail "expected pytorch-native-cpu-2.7.1-$p.jar alone, found: ${torch[*]:-none}"
    [ ${#torch[@]} -eq 1 ] && { unzip -p "$lib/toolkit/${torch[0]}" native/lib/pytorch.properties | grep -qx "classifier=$p" \
      || fail "${torch[0]}'s pytorch.properties does not say classifier=$p"; }
    natives "$lib"/toolkit/pytorch-jni-*.jar | grep -q "^jnilib/$p/cpu/" || fail "pytorch-jni has no CPU JNI for $p"
  fi
  checked=0
  for jar in "$work/kernel/target/jotter.jar" "$lib"/*.jar "$lib"/toolkit/*.jar; do
    while read -r n; do
      [ -n "$n" ] || continue
      checked=$((checked + 1))
      ok=0
      for s in "${names[@]}"; do [[ "$n" == *"$s"/* ]] && ok=1; done
      [ $ok = 1 ] || fail "$(basename "$jar"): $n is not for $p"
      [[ "$jar" == */toolkit/* ]] || fail "$(basename "$jar"): $n is outside the toolkit layer"
    done < <(natives "$jar")
  done
  bytes=$( (cd "$work/kernel/target" && find jotter.jar lib -type f -printf '%s\n') | awk '{s+=$1} END {print s}')
  printf '  %d native libraries, all for %s; jotter.jar + lib/: %.1f MB; %d s\n' "$checked" "$p" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" $((SECONDS - start))
done
[ $failed = 0 ] && echo "all platforms packaged as expected: ${platforms[*]}"
exit $failed
