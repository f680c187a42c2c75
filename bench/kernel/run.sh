#!/usr/bin/env bash
# Kernel benchmark (on demand, not part of the tests): builds the jar, installs a private
# kernelspec and compares Jotter with IPython through jupyter_client. Results: bench/RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. scripts/java-home.sh
./mvnw -B -q -ntp -pl kernel -am package -DskipTests
prefix=$(mktemp -d)
java -jar kernel/target/jotter.jar install --prefix "$prefix" --no-copy "$@" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter:/usr/share/jupyter" /usr/bin/python3 bench/kernel/bench.py
