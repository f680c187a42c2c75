#!/usr/bin/env bash
# Jotter GPU check: run from the repository root on a machine with an NVIDIA GPU, no JDK or
# Maven needed (build the bundle first with bench/gpu/build.sh; see bench/gpu/README.md).
#
#   bash .gpucheck/check.sh
#
# It prints the GPU and driver, finds the CUDA builds of libtorch on the machine, makes DJL (the
# release build.sh writes into DJL_API below) load one (building DJL's JNI library against it when
# its version is not the 2.7.1 the bundled JNI was built for), trains notebook 03's MLP and notebook 04's transformer on the GPU
# and on the CPU, and writes a summary to stdout and to $OUT/gpu-check.txt when OUT is set.
# Every step is time-boxed so that the whole check ends within about 6 minutes.
#
# Environment (all optional):
#   JOTTER_TORCH_LIBRARY   a libtorch lib folder (with libtorch.so) to try first
#   GPUCHECK_FORCE_BUILD=1 build the JNI even when the bundled one matches (to test the build path)
#   GPUCHECK_MLP_EPOCHS, GPUCHECK_TF_EPOCHS, GPUCHECK_WIDE_EPOCHS   epochs per model (30, 8, 4)
#   GPUCHECK_BUILD_BUDGET  seconds allowed for the JNI build (240)
#   GPUCHECK_KEEP=1        keep the temporary folder (runtime, build tree, logs)
set -u
START=$(date +%s)
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jotter-gpucheck.XXXXXX")
SUMMARY=$WORK/summary.txt
DETAIL=$WORK/detail.log
JOBS=$(nproc 2>/dev/null || echo 4)
JNI_FAILED=0
DJL_API=0.36.0
DJL_JNI_TORCH=2.7.1
DJL_JNI_FLAVORS="cpu cu128"
: > "$SUMMARY"
: > "$DETAIL"

elapsed() { echo $(( $(date +%s) - START )); }
say() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
detail() { printf '%s\n' "$*" >> "$DETAIL"; }
finish() {
  say ""
  say "check took $(elapsed) s"
  if [ -n "${OUT:-}" ] && mkdir -p "$OUT" 2>/dev/null; then
    cp "$SUMMARY" "$OUT/gpu-check.txt"
    tail -c 400000 "$DETAIL" > "$OUT/gpu-check-detail.log"
    [ -f "$WORK/jni-build.log" ] && tail -c 300000 "$WORK/jni-build.log" > "$OUT/jni-build.log"
  fi
  # The unpacked runtime and build tree take about 100 MB; GPUCHECK_KEEP=1 keeps them for a look.
  if [ "${GPUCHECK_KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
  exit "${1:-0}"
}

say "== Jotter GPU check ($(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(uname -srm), $JOBS cores) =="
if [ ! -f "$REPO/datasets/src/main/resources/dev/jotter/datasets/digits/digits.csv.gz" ]; then
  say "error: run this from the Jotter repository root: $REPO has no datasets/src/main/resources/dev/jotter/datasets/digits/digits.csv.gz"
  finish 2
fi
if [ ! -f "$HERE/bundle.tar.xz" ]; then
  say "error: $HERE/bundle.tar.xz is missing; make it with bash bench/gpu/build.sh on a machine with JDK 25."
  finish 2
fi
tar -C "$WORK" -xJf "$HERE/bundle.tar.xz" || { say "error: could not unpack $HERE/bundle.tar.xz"; finish 2; }
B=$WORK/bundle
JAVA=$B/runtime/bin/java
CP=$(printf '%s:' "$B"/lib/*.jar)

# ---------------------------------------------------------------- GPU and driver
say ""
say "-- GPU and driver"
DRIVER=""
if [ -r /proc/driver/nvidia/version ]; then
  # "... Kernel Module  580.82.07 ..." or "... Open Kernel Module for x86_64  580.159.04 ...": the
  # first dotted number of three digits or more, so that the 86 of x86_64 is not taken for it.
  DRIVER=$(grep -m1 'Kernel Module' /proc/driver/nvidia/version | grep -oE '[0-9]{3,}\.[0-9]+(\.[0-9]+)?' | head -1)
fi
if command -v nvidia-smi >/dev/null 2>&1; then
  timeout 30 nvidia-smi 2>&1 | head -12 | tee -a "$SUMMARY"
  [ -n "$DRIVER" ] || DRIVER=$(timeout 20 nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -1)
  timeout 20 nvidia-smi --query-gpu=name,memory.total,compute_cap --format=csv,noheader 2>/dev/null | sed 's/^/gpu: /' | tee -a "$SUMMARY"
else
  say "nvidia-smi: not found"
fi
say "driver: ${DRIVER:-none found (no /proc/driver/nvidia/version, no nvidia-smi)}"

# ---------------------------------------------------------------- libtorch candidates
say ""
say "-- libtorch candidates"
# One line per candidate: dir|version|cuda flavour (cpu, cu128, cu130, ...)|where from
CANDS=$WORK/candidates.txt
: > "$CANDS"
PY_TORCH_DIR=""
PY_ABI=""
flavour_of_cuda() { # 12.8 -> cu128, 13.0 -> cu130, empty -> cpu
  case "$1" in ""|None) echo cpu ;; *) echo "cu$(echo "$1" | awk -F. '{printf "%d%d", $1, $2}')" ;; esac
}
describe_dir() { # prints version|flavour for a folder with libtorch.so, from the files next to it
  local d=$1 v="" c="" f=""
  if [ -f "$d/../version.py" ]; then                          # a pip/conda torch: torch/lib/../version.py
    v=$(sed -n "s/^__version__ *= *['\"]\([^'\"]*\)['\"].*/\1/p" "$d/../version.py" | head -1)
    c=$(sed -n "s/^cuda *: *.*= *['\"]\([^'\"]*\)['\"].*/\1/p; s/^cuda *= *['\"]\([^'\"]*\)['\"].*/\1/p" "$d/../version.py" | head -1)
    f=$(flavour_of_cuda "$c")
  elif [ -f "$d/pytorch.properties" ]; then                     # a DJL natives layout (native/lib)
    v=$(sed -n 's/^version=//p' "$d/pytorch.properties"); f=$(sed -n 's/^flavor=//p' "$d/pytorch.properties")
  elif [ -f "$d/../build-version" ]; then                       # a libtorch zip: libtorch/build-version = 2.7.1+cu128
    v=$(head -1 "$d/../build-version"); f=${v#*+}; [ "$f" = "$v" ] && f=cpu
  else                                                          # DJL's cache: <version>-<flavor>-<classifier>
    local n; n=$(basename "$d")
    if [[ $n =~ ^([0-9]+\.[0-9]+\.[0-9]+)(-[0-9]+)?-(cpu|cu[0-9]+)(-precxx11)?-linux-x86_64$ ]]; then
      v=${BASH_REMATCH[1]}; f=${BASH_REMATCH[3]}
    fi
  fi
  [ -n "$f" ] || { [ -f "$d/libtorch_cuda.so" ] && f=cu-unknown || f=cpu; }
  [ "$f" = cpu ] && [ -f "$d/libtorch_cuda.so" ] && f=cu-unknown
  echo "${v:-unknown}|$f"
}
add_cand() { # dir, where from
  local d=$1
  [ -f "$d/libtorch.so" ] || return 0
  d=$(cd "$d" && pwd -P)
  grep -q "^$d|" "$CANDS" && return 0
  echo "$d|$(describe_dir "$d")|$2" >> "$CANDS"
}
[ -n "${JOTTER_TORCH_LIBRARY:-}" ] && add_cand "$JOTTER_TORCH_LIBRARY" "JOTTER_TORCH_LIBRARY"
[ -n "${PYTORCH_LIBRARY_PATH:-}" ] && add_cand "$PYTORCH_LIBRARY_PATH" "PYTORCH_LIBRARY_PATH"
for py in python3 /opt/torch/.venv/bin/python3 /opt/conda/bin/python3; do
  command -v "$py" >/dev/null 2>&1 || continue
  line=$(timeout 60 "$py" -c 'import torch,os;print(os.path.dirname(torch.__file__), torch.__version__, torch.version.cuda, int(torch.compiled_with_cxx11_abi()))' 2>>"$DETAIL" | tail -1)
  if [ -n "$line" ]; then
    set -- $line
    detail "python: $py -> $line"
    if [ -d "$1/lib" ] && [ -z "$PY_TORCH_DIR" ]; then PY_TORCH_DIR=$1; PY_ABI=${4:-1}; fi
    if [ -f "$1/lib/libtorch.so" ]; then
      d=$(cd "$1/lib" && pwd -P)
      grep -q "^$d|" "$CANDS" || echo "$d|$2|$(flavour_of_cuda "$3")|$py (import torch)" >> "$CANDS"
    fi
  else
    detail "python: $py has no importable torch (or took over 60 s)"
  fi
done
for d in "${DJL_CACHE_DIR:-$HOME/.djl.ai}"/pytorch/*/ "$HOME"/.djl.ai/pytorch/*/; do
  [ -d "$d" ] && add_cand "${d%/}" "DJL cache"
done
for d in /opt/*/.venv/lib/python3*/site-packages/torch/lib /opt/conda/lib/python3*/site-packages/torch/lib \
         /usr/local/lib/python3*/dist-packages/torch/lib /usr/local/lib/python3*/site-packages/torch/lib \
         /usr/lib/python3/dist-packages/torch/lib "$HOME"/.local/lib/python3*/site-packages/torch/lib \
         /opt/libtorch/lib /usr/local/libtorch/lib; do
  [ -d "$d" ] && add_cand "$d" "found by search"
done
if [ ! -s "$CANDS" ]; then
  say "none: no libtorch.so in JOTTER_TORCH_LIBRARY, PYTORCH_LIBRARY_PATH, python3's torch, DJL's cache or the usual site-packages."
  say "result: NO GPU RUN. Install a CUDA torch (pip install torch==$DJL_JNI_TORCH --index-url https://download.pytorch.org/whl/cu128) and run again."
  finish 3
fi
while IFS='|' read -r d v f from; do say "  $d  torch $v  $f  ($from)"; done < "$CANDS"

# Choice: a CUDA build whose version is the one DJL's bundled JNI was built for (no build needed),
# else any CUDA build (its JNI is built below), else a CPU build (CPU only).
pick() { awk -F'|' -v want="$1" '
  { cuda = ($3 ~ /^cu/) }
  want == "match" && cuda && index($2, ver) == 1 { print; exit }
  want == "cuda" && cuda { print; exit }
  want == "any" { print; exit }' ver="$DJL_JNI_TORCH" "$CANDS"; }
CHOSEN=$(pick match); [ -n "$CHOSEN" ] || CHOSEN=$(pick cuda); [ -n "$CHOSEN" ] || CHOSEN=$(pick any)
IFS='|' read -r TORCH_LIB TORCH_VERSION TORCH_FLAVOUR TORCH_FROM <<< "$CHOSEN"
TORCH_VERSION_PLAIN=$(echo "$TORCH_VERSION" | sed -E 's/^([0-9]+\.[0-9]+\.[0-9]+).*/\1/')
say "chosen: $TORCH_LIB (torch $TORCH_VERSION, $TORCH_FLAVOUR, from $TORCH_FROM)"
say "DJL $DJL_API carries JNI libraries for torch $DJL_JNI_TORCH, flavours: $DJL_JNI_FLAVORS (linux-x86_64)"

# ---------------------------------------------------------------- JNI library
say ""
say "-- DJL JNI for this libtorch"
export DJL_CACHE_DIR=$WORK/djl-cache
unset ENGINE_CACHE_DIR
export DJL_OFFLINE=true
export PYTORCH_LIBRARY_PATH=$TORCH_LIB
export PYTORCH_VERSION=$TORCH_VERSION_PLAIN
case "$TORCH_FLAVOUR" in cu*) CUDA_TORCH=1 ;; *) CUDA_TORCH=0 ;; esac
if [ "$TORCH_VERSION_PLAIN" = "$DJL_JNI_TORCH" ] && [ "${GPUCHECK_FORCE_BUILD:-0}" != 1 ]; then
  # DJL's LibUtils extracts jnilib/linux-x86_64/<flavor>/libdjl_torch.so from pytorch-jni when
  # PYTORCH_VERSION matches its jni_version; cu128 is the only CUDA flavour it carries.
  if [ "$CUDA_TORCH" = 1 ]; then export PYTORCH_FLAVOR=cu128; else export PYTORCH_FLAVOR=cpu; fi
  JNI_NOTE="bundled JNI (pytorch-jni $DJL_JNI_TORCH-$DJL_API, flavour $PYTORCH_FLAVOR)"
  [ "$CUDA_TORCH" = 1 ] && [ "$TORCH_FLAVOUR" != cu128 ] && JNI_NOTE="$JNI_NOTE; note: libtorch is $TORCH_FLAVOUR, the JNI was built for cu128"
  say "no build needed: $JNI_NOTE"
else
  # Not the version DJL's JNI was built for: build DJL's JNI sources against this libtorch and put
  # the result where LibUtils looks first for a non-bundled version:
  # $DJL_CACHE_DIR/pytorch/<PYTORCH_VERSION>-<PYTORCH_FLAVOR>-linux-x86_64/<djl version>-libdjl_torch.so
  if [ "$CUDA_TORCH" = 1 ]; then export PYTORCH_FLAVOR=$TORCH_FLAVOUR; else export PYTORCH_FLAVOR=cpu; fi
  JNI_DIR=$DJL_CACHE_DIR/pytorch/$PYTORCH_VERSION-$PYTORCH_FLAVOR-linux-x86_64
  JNI_OUT=$JNI_DIR/$DJL_API-libdjl_torch.so
  SRC=$B/djl/engines/pytorch/pytorch-native
  BUILD=$WORK/jni-build
  BLOG=$WORK/jni-build.log
  BUDGET=${GPUCHECK_BUILD_BUDGET:-240}
  say "building DJL $DJL_API's JNI ($(cat "$B/djl/SOURCE")) against torch $TORCH_VERSION ($TORCH_FLAVOUR), at most ${BUDGET} s, $JOBS jobs"
  mkdir -p "$BUILD" "$JNI_DIR"
  : > "$BLOG"
  BUILD_START=$(date +%s)
  left() { echo $(( BUDGET - ($(date +%s) - BUILD_START) )); }
  left1() { local l; l=$(left); [ "$l" -gt 0 ] && echo "$l" || echo 1; }  # timeout 0 would mean no limit
  TORCH_ROOT=$(cd "$TORCH_LIB/.." && pwd -P)
  CUDA_FLAG=""; [ "$CUDA_TORCH" = 1 ] && CUDA_FLAG=1
  BUILT=""
  WHY=""
  if ! command -v g++ >/dev/null 2>&1 && ! command -v c++ >/dev/null 2>&1; then
    WHY="no C++ compiler (g++ or c++) on this machine"
  elif [ ! -d "$TORCH_ROOT/include/torch" ]; then
    WHY="this libtorch has no C++ headers: $TORCH_ROOT/include/torch does not exist (a DJL natives folder or a stripped install); the JNI needs torch's include/ and share/cmake/Torch"
  fi
  # 1. DJL's own build: CMake with find_package(Torch) and find_package(JNI).
  if [ -z "$WHY" ] && command -v cmake >/dev/null 2>&1 && [ -d "$TORCH_ROOT/share/cmake/Torch" ]; then
    GEN=(); command -v ninja >/dev/null 2>&1 && GEN=(-G Ninja)
    echo "== cmake configure" >> "$BLOG"
    if timeout "$(( $(left1) > 120 ? 120 : $(left1) ))" cmake "${GEN[@]}" -S "$SRC" -B "$BUILD/cmake" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$TORCH_ROOT/share/cmake" -DTorch_DIR="$TORCH_ROOT/share/cmake/Torch" -DUSE_CUDA="$CUDA_FLAG" \
        -DJAVA_INCLUDE_PATH="$B/djl/jni" -DJAVA_INCLUDE_PATH2="$B/djl/jni/linux" -DJAVA_AWT_INCLUDE_PATH="$B/djl/jni" \
        -DJAVA_JVM_LIBRARY="$B/runtime/lib/server/libjvm.so" -DJAVA_AWT_LIBRARY=NotNeeded >> "$BLOG" 2>&1; then
      echo "== cmake build" >> "$BLOG"
      if timeout "$(left1)" cmake --build "$BUILD/cmake" -j "$JOBS" >> "$BLOG" 2>&1 && [ -f "$BUILD/cmake/libdjl_torch.so" ]; then
        BUILT=$BUILD/cmake/libdjl_torch.so
      elif [ "$(left)" -le 0 ]; then
        WHY="the CMake build ran out of its ${BUDGET} s"
      else
        WHY="the C++ sources do not compile or link against torch $TORCH_VERSION (CMake build failed)"
      fi
    else
      say "cmake configure failed (first errors below); trying a direct g++ build with torch's include folders"
      grep -m 8 -A 3 'CMake Error' "$BLOG" | head -24 | sed 's/^/  | /' | tee -a "$SUMMARY"
    fi
  fi
  # 2. Without CMake (or when its configure fails): the same sources and flags, compiled directly.
  if [ -z "$WHY" ] && [ -z "$BUILT" ]; then
    CXX=$(command -v g++ || command -v c++)
    ABI=${PY_ABI:-1}
    INC=(-I"$SRC/build/include" -I"$B/djl/jni" -I"$B/djl/jni/linux" -I"$B/djl/api/src/main/native"
         -I"$TORCH_ROOT/include" -I"$TORCH_ROOT/include/torch/csrc/api/include")
    DEFS=(-D_GLIBCXX_USE_CXX11_ABI="$ABI")
    LIBS=(-L"$TORCH_LIB" -Wl,-rpath,'$ORIGIN' -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10)
    if [ "$CUDA_TORCH" = 1 ]; then
      DEFS+=(-DUSE_CUDA)
      LIBS+=(-ltorch_cuda -lc10_cuda)
      for ci in /usr/local/cuda/include "$TORCH_ROOT"/../nvidia/*/include "$TORCH_ROOT"/../nvidia/cu*/include; do
        [ -d "$ci" ] && INC+=(-I"$ci")
      done
    fi
    mkdir -p "$BUILD/direct"
    echo "== direct build: $CXX ${DEFS[*]} ${INC[*]}" >> "$BLOG"
    for c in "$SRC"/src/main/native/*.cc; do
      while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
      o=$BUILD/direct/$(basename "$c" .cc).o
      ( timeout "$(left1)" "$CXX" -std=c++17 -O2 -fPIC -w "${DEFS[@]}" "${INC[@]}" -c "$c" -o "$o" > "$o.err" 2>&1 || { rm -f "$o"; echo "-- $c" >> "$BLOG"; cat "$o.err" >> "$BLOG"; } ) &
    done
    wait
    if ls "$SRC"/src/main/native/*.cc | while read -r c; do [ -f "$BUILD/direct/$(basename "$c" .cc).o" ] || exit 1; done; then
      if timeout "$(( $(left) > 10 ? $(left) : 10 ))" "$CXX" -shared -o "$BUILD/direct/libdjl_torch.so" "$BUILD"/direct/*.o "${LIBS[@]}" >> "$BLOG" 2>&1; then
        BUILT=$BUILD/direct/libdjl_torch.so
      else
        WHY="linking against torch $TORCH_VERSION failed"
      fi
    elif [ "$(left)" -le 0 ]; then
      WHY="the direct build ran out of its ${BUDGET} s"
    else
      WHY="the C++ sources do not compile against torch $TORCH_VERSION"
    fi
  fi
  say "build time: $(( $(date +%s) - BUILD_START )) s"
  if [ -n "$BUILT" ]; then
    cp "$BUILT" "$JNI_OUT"
    say "built: $JNI_OUT"
  else
    JNI_FAILED=1
    say "JNI build FAILED: $WHY"
    # The errors of the last step tried (a failed CMake configure was shown above).
    errs=$(awk '/^== (cmake build|direct build)/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$BLOG" |
      grep -E -m 12 -A 2 'error[:]|Error[: ]|undefined reference|fatal' | head -30)
    [ -n "$errs" ] && { say "first errors:"; printf '%s\n' "$errs" | sed 's/^/  | /' | tee -a "$SUMMARY"; }
  fi
fi

# ---------------------------------------------------------------- libraries for CUDA and DJL's cudart probe
LDP=$TORCH_LIB
NV_ROOT=$(cd "$TORCH_LIB/../.." 2>/dev/null && pwd -P)/nvidia
for l in "$NV_ROOT"/*/lib; do [ -d "$l" ] && LDP="$LDP:$l"; done
export LD_LIBRARY_PATH="$LDP${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# DJL counts GPUs through JNA's "cudart", and pip wheels ship only a versioned libcudart.so.N:
# JNA finds that in jna.library.path. The folder is the one this libtorch uses, as Jotter's
# Devices does it, so the process holds one CUDA runtime, not the toolkit's and the wheel's.
CUDART=$(ls "$NV_ROOT"/*/lib/libcudart.so.* 2>/dev/null | sort -V | tail -1)
[ -z "$CUDART" ] && CUDART=$(ls /usr/local/cuda/lib64/libcudart.so.* 2>/dev/null | sort -V | tail -1)
CUDART_DIR=$WORK/no-cudart
[ -n "$CUDART" ] && CUDART_DIR=$(dirname "$CUDART")
detail "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
detail "cudart for DJL's probe: ${CUDART:-none}"
say ""
say "settings: PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH PYTORCH_VERSION=$PYTORCH_VERSION PYTORCH_FLAVOR=$PYTORCH_FLAVOR DJL_CACHE_DIR=<private>"

JOPTS=(-Xmx6g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -Djna.library.path="$CUDART_DIR" -Dai.djl.offline=true
       -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.pytorch=info
       -Dgpucheck.mlpEpochs="${GPUCHECK_MLP_EPOCHS:-30}" -Dgpucheck.tfEpochs="${GPUCHECK_TF_EPOCHS:-8}"
       -Dgpucheck.wideEpochs="${GPUCHECK_WIDE_EPOCHS:-4}")
run_java() { # seconds, log name, args...
  local t=$1 name=$2; shift 2
  detail "== $name: java ${JOPTS[*]} -cp <bundle> GpuCheck $*"
  timeout "$t" "$JAVA" "${JOPTS[@]}" -cp "$CP" GpuCheck "$@" > "$WORK/$name.log" 2>&1
  local rc=$?
  cat "$WORK/$name.log" >> "$DETAIL"
  detail "== $name: exit $rc"
  return $rc
}
value() { sed -n "s/^RESULT $1=//p" "$WORK"/*.log | tail -1; }
problem() { # first lines of a failed run that say why
  grep -v '^RESULT ' "$WORK/$1.log" | grep -E -m 6 'Exception|Error|error|Caused by|undefined symbol|cannot open' | cut -c1-400
}

# ---------------------------------------------------------------- probe
say ""
say "-- DJL engine"
if [ "$JNI_FAILED" = 1 ]; then
  say "not loaded: DJL $DJL_API has no JNI library for torch $TORCH_VERSION and none could be built (above), so nothing can train here."
  say "what would work: a torch $DJL_JNI_TORCH CUDA 12.8 build (pip install torch==$DJL_JNI_TORCH --index-url https://download.pytorch.org/whl/cu128), then JOTTER_TORCH_LIBRARY=<its torch/lib>"
  ENGINE_OK=0
elif run_java 90 probe probe "$REPO"; then
  for k in engine djl libtorch_dir features gpu_count_djl cuda_runtime compute_capability cuda_tensor engine_load_s; do
    v=$(value "$k"); [ -n "$v" ] && say "$k: $v"
  done
  ENGINE_OK=1
else
  say "engine did not load (exit $?):"
  problem probe | sed 's/^/  | /' | tee -a "$SUMMARY"
  ENGINE_OK=0
fi

# ---------------------------------------------------------------- training
say ""
say "-- training (notebook 03 MLP, notebook 04 transformer, and a wider transformer)"
GPU_OK=0
case "$(value cuda_tensor)" in ok*) GPU_OK=1 ;; esac
remaining() { echo $(( 345 - $(elapsed) )); }
if [ "$ENGINE_OK" = 1 ] && [ "$GPU_OK" = 1 ]; then
  t=$(remaining); [ "$t" -gt 200 ] && t=200
  if [ "$t" -gt 20 ] && run_java "$t" train-gpu train gpu "$REPO"; then :; else
    say "GPU training failed or ran out of time ($t s):"; problem train-gpu | sed 's/^/  | /' | tee -a "$SUMMARY"
  fi
elif [ "$ENGINE_OK" = 1 ]; then
  say "no GPU run: libtorch ($TORCH_FLAVOUR) could not compute on gpu(0): $(value cuda_tensor | cut -c1-160)"
fi
if [ "$ENGINE_OK" = 1 ]; then
  t=$(remaining)
  if [ "$t" -lt 150 ]; then
    # Short of time (a long JNI build): fewer epochs; the per-epoch figures stay comparable.
    JOPTS+=(-Dgpucheck.mlpEpochs=10 -Dgpucheck.tfEpochs=3 -Dgpucheck.wideEpochs=2)
    say "CPU run shortened to 10/3/2 epochs: $t s left"
  fi
  if [ "$t" -gt 20 ] && run_java "$t" train-cpu train cpu "$REPO"; then :; else
    say "CPU training failed or ran out of time ($t s):"; problem train-cpu | sed 's/^/  | /' | tee -a "$SUMMARY"
  fi
fi

# ---------------------------------------------------------------- the toolkit's own path
# What an installed kernel does: no PYTORCH_* settings, no LD_LIBRARY_PATH, no jna.library.path;
# only JOTTER_TORCH_LIBRARY (as jotter install --torch-library writes it) and the DJL cache that
# holds the JNI, from which Devices.quiet() prepares DJL and Devices.preferred() picks the device.
if [ "$ENGINE_OK" = 1 ] && [ "$(remaining)" -gt 40 ]; then
  say ""
  say "-- the toolkit's own path: JOTTER_TORCH_LIBRARY=$TORCH_LIB and nothing else"
  t=$(remaining); [ "$t" -gt 120 ] && t=120
  (
    unset PYTORCH_LIBRARY_PATH PYTORCH_VERSION PYTORCH_FLAVOR LD_LIBRARY_PATH
    export JOTTER_TORCH_LIBRARY=$TORCH_LIB
    JOPTS=(-Xmx6g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
           -Dgpucheck.mlpEpochs=10)
    run_java "$t" product product "$REPO"
  ) || { say "the toolkit's own path failed:"; problem product | sed 's/^/  | /' | tee -a "$SUMMARY"; }
  sed -n 's/^INFO /  /p' "$WORK/product.log" | tee -a "$SUMMARY"
  for k in product.device product.mlp.epoch_s product.mlp.samples_per_s product.mlp.val_accuracy; do
    v=$(value "$k"); [ -n "$v" ] && say "$k: $v"
  done
fi

# ---------------------------------------------------------------- summary
say ""
say "-- results (steady state: mean epoch time from epoch 2 on, validation pass included)"
printf '%-6s %-5s %10s %12s %14s %10s %8s\n' model dev "epoch s" "samples/s" "tokens/s" "total s" "val acc" | tee -a "$SUMMARY"
for m in mlp tf wide; do
  for d in gpu cpu; do
    eps=$(value "$d.$m.epoch_s"); [ -n "$eps" ] || continue
    printf '%-6s %-5s %10s %12s %14s %10s %8s\n' "$m" "$d" "$eps" "$(value "$d.$m.samples_per_s")" "$(value "$d.$m.tokens_per_s")" \
      "$(value "$d.$m.total_s")" "$(value "$d.$m.val_accuracy")" | tee -a "$SUMMARY"
  done
  g=$(value "gpu.$m.epoch_s"); c=$(value "cpu.$m.epoch_s")
  [ -n "$g" ] && [ -n "$c" ] && say "$(awk -v g="$g" -v c="$c" -v m="$m" 'BEGIN { printf "%s speed-up GPU over CPU: %.2fx", m, c / g }')"
done
for m in mlp tf wide; do s=$(value "gpu.$m.setup"); [ -z "$s" ] && s=$(value "cpu.$m.setup"); [ -n "$s" ] && say "$m: $s"; done
if [ "$GPU_OK" = 1 ] && [ -n "$(value gpu.tf.epoch_s)" ]; then
  say "result: GPU TRAINING RAN on $(value engine) from $TORCH_LIB ($TORCH_FLAVOUR)"
else
  say "result: NO GPU TRAINING (see above for why)"
fi
finish 0
