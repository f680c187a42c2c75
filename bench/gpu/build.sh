#!/usr/bin/env bash
# Builds the self-contained GPU check bundle (see README.md) on a machine with JDK 25 and the
# project's Maven repository: a jlink'ed Java runtime, the thin jars GpuCheck needs (DJL api,
# pytorch-engine, pytorch-jni, the toolkit's classes, gson, jna, slf4j; no Tablesaw, no natives),
# the JNI sources of the project's DJL release with the JNI headers they need, and check.sh.
#
#   bash bench/gpu/build.sh [DEST]        (default DEST: .gpucheck in the repository root)
#
# Environment: DJL_SRC = a git directory of deepjavalibrary/djl holding the tag v<djl.version of pom.xml>
# (default /work/.mirror/deepjavalibrary+djl/repo); M2 = the Maven repository (default ~/.m2/repository).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DEST=${1:-$ROOT/.gpucheck}
M2=${M2:-$HOME/.m2/repository}
DJL_SRC=${DJL_SRC:-/work/.mirror/deepjavalibrary+djl/repo}
. "$ROOT/scripts/java-home.sh"
# The versions the project builds with, from the root pom's properties.
pom() { sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" "$ROOT/pom.xml" | head -1; }
DJL=$(pom djl.version)
TORCH=$(pom pytorch.version)
GSON=$(pom gson.version)
SLF4J=$(pom slf4j.version)
DJL_TAG=v$DJL

jars=(
  "$M2/ai/djl/api/$DJL/api-$DJL.jar"
  "$M2/ai/djl/pytorch/pytorch-engine/$DJL/pytorch-engine-$DJL.jar"
  "$M2/ai/djl/pytorch/pytorch-jni/$TORCH-$DJL/pytorch-jni-$TORCH-$DJL.jar"
  "$M2/com/google/code/gson/gson/$GSON/gson-$GSON.jar"
  "$M2/net/java/dev/jna/jna/5.17.0/jna-5.17.0.jar"
  "$M2/org/slf4j/slf4j-api/$SLF4J/slf4j-api-$SLF4J.jar"
  "$M2/org/slf4j/slf4j-simple/$SLF4J/slf4j-simple-$SLF4J.jar"
)
for j in "${jars[@]}"; do
  [ -f "$j" ] || { echo "error: $j is missing; run ./mvnw -B -q compile -pl toolkit -am once online to fetch it." >&2; exit 1; }
done
git --git-dir="$DJL_SRC" rev-parse -q --verify "$DJL_TAG^{commit}" >/dev/null || {
  echo "error: $DJL_SRC has no tag $DJL_TAG; point DJL_SRC at a clone of github.com/deepjavalibrary/djl with tags." >&2; exit 1; }

TOOLKIT_CLASSES=$ROOT/toolkit/target/classes
if [ ! -d "$TOOLKIT_CLASSES/dev/jotter/toolkit/train/djl" ]; then
  (cd "$ROOT" && ./mvnw -o -B -q compile -pl toolkit -am)
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
B=$STAGE/bundle
mkdir -p "$B/lib" "$B/classes"

# Thin jars: the DJL and logging jars as published; of the toolkit only the packages GpuCheck uses
# (train.djl, prep, the train listener/history types); Tablesaw/smile/xchart stay out.
cp "${jars[@]}" "$B/lib/"
(cd "$TOOLKIT_CLASSES" && jar --create --file "$B/lib/jotter-toolkit-thin.jar" \
  dev/jotter/toolkit/train/djl dev/jotter/toolkit/prep/Split*.class dev/jotter/toolkit/prep/Tokenizer*.class \
  dev/jotter/toolkit/prep/Vocabulary*.class dev/jotter/toolkit/train/Devices*.class dev/jotter/toolkit/train/TorchLibrary*.class dev/jotter/toolkit/train/History*.class \
  dev/jotter/toolkit/train/TrainingListener*.class dev/jotter/toolkit/train/LearningRateSchedule*.class)
CP=$(printf '%s:' "$B"/lib/*.jar)
javac -d "$B/classes" -cp "$CP" "$HERE/src/GpuCheck.java"
(cd "$B/classes" && jar --create --file "$B/lib/gpucheck.jar" .)
rm -rf "$B/classes"

# Java runtime: java.base plus what DJL, JNA and slf4j touch on this path (java.management for
# CudaUtils, jdk.unsupported for JNA/gson). jdeps also lists java.desktop, java.sql and
# java.compiler, for DJL's image classes, gson's SQL adapters and an annotation: never loaded
# here, and java.desktop alone would add 10 MB. The image stays uncompressed (zip-0) because xz
# over the whole bundle compresses it far better than jlink's zip.
MODS=java.base,java.logging,java.management,jdk.unsupported
jlink --add-modules "$MODS" --strip-debug --no-header-files --no-man-pages --compress=zip-0 \
  --strip-native-debug-symbols=objcopy="$(command -v objcopy)" --output "$B/runtime"

# DJL's JNI sources at the tag the jars were built from, the header javac -h makes for
# PyTorchLibrary (as DJL's build.sh does), and the JDK's JNI headers (the device has no JDK).
N=$B/djl
mkdir -p "$N"
git --git-dir="$DJL_SRC" archive "$DJL_TAG" engines/pytorch/pytorch-native/CMakeLists.txt engines/pytorch/pytorch-native/src/main/native \
  api/src/main/native | tar -x -C "$N"
mkdir -p "$STAGE/jsrc" "$N/engines/pytorch/pytorch-native/build/include" "$N/jni/linux"
git --git-dir="$DJL_SRC" archive "$DJL_TAG" engines/pytorch/pytorch-engine/src/main/java | tar -x -C "$STAGE/jsrc"
javac -cp "$CP" -sourcepath "$STAGE/jsrc/engines/pytorch/pytorch-engine/src/main/java" -h "$N/engines/pytorch/pytorch-native/build/include" \
  -d "$STAGE/jclasses" "$STAGE/jsrc/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
cp "$JAVA_HOME/include/jni.h" "$N/jni/"
cp "$JAVA_HOME/include/linux/jni_md.h" "$N/jni/linux/"
echo "$DJL_TAG $(git --git-dir="$DJL_SRC" rev-parse "$DJL_TAG^{commit}")" > "$N/SOURCE"

# One compressed archive keeps what travels small (the runtime's libjvm.so is most of it).
mkdir -p "$DEST"
rm -f "$DEST/bundle.tar.xz" "$DEST/check.sh" "$DEST/READY"
tar -C "$STAGE" -cf - bundle | xz -T0 -9 > "$DEST/bundle.tar.xz"
# check.sh names the DJL and libtorch versions of the jars above.
sed -e "s|^DJL_API=.*|DJL_API=$DJL|" -e "s|^DJL_JNI_TORCH=.*|DJL_JNI_TORCH=$TORCH|" "$HERE/check.sh" > "$DEST/check.sh"
chmod +x "$DEST/check.sh"
echo "modules: $MODS"
du -sh "$B/runtime" "$B/lib" "$B/djl"
du -sb "$DEST" | awk '{printf "bundle: %s bytes (%.1f MB) in %s\n", $1, $1/1e6, $2}'
