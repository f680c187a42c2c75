#!/usr/bin/env bash
# Training throughput: toolkit vs raw DJL (TrainBench.java) vs Debian's python3-torch (torch_bench.py).
# Usage: bench/train/run.sh [threads] [epochs] [passes]   (defaults 1, 3 and 2; the first epoch of
# every run is warm-up). The Java and the Python process alternate `passes` times, each training
# every network several times from scratch; the best of each column counts (see RESULTS.md for why).
# Needs a built toolkit (./mvnw -pl toolkit -am test-compile) and, for the torch column,
# `apt-get install python3-torch`. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
threads=${1:-1}
epochs=${2:-3}
passes=${3:-2}
./mvnw -B -ntp -q -pl toolkit -am compile
./mvnw -B -ntp -q -pl toolkit dependency:build-classpath -Dmdep.outputFile="$PWD/bench/train/target/cp.txt"
out=bench/train/target/classes
mkdir -p "$out"
cp="toolkit/target/classes:$(cat bench/train/target/cp.txt)"
javac -d "$out" -cp "$cp" bench/train/src/dev/jotter/toolkit/train/TrainBench.java
log=bench/train/target/run.log
: > "$log"
echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), threads=$threads, epochs=$epochs, passes=$passes"
for pass in $(seq "$passes"); do
  echo "== pass $pass: DJL (toolkit and raw)"
  OMP_NUM_THREADS=$threads java --enable-native-access=ALL-UNNAMED -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads=1 -Dbench.epochs="$epochs" -cp "$out:$cp" dev.jotter.toolkit.train.TrainBench \
    2> >(grep -v -e WARN -e '^$' >&2) | tee -a "$log"
  echo "== pass $pass: PyTorch"
  OMP_NUM_THREADS=$threads /usr/bin/python3 bench/train/torch_bench.py "$threads" "$epochs" | tee -a "$log"
done
echo
/usr/bin/python3 bench/train/summarize.py < "$log"
