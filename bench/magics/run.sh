#!/usr/bin/env bash
# Times %maven for an artifact already in ~/.m2 (no network): first call and warm calls.
# Usage: bench/magics/run.sh [group:artifact:version] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
# One invocation, so the reactor hands out module target/classes rather than jars from ~/.m2.
./mvnw -B -ntp -q -pl magics -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-magics.cp -Dmdep.includeScope=runtime
CP="magics/target/classes:$(cat magics/target/bench-magics.cp)"
COORD="${1:-com.google.code.gson:gson:2.13.2}"
# Make sure the artifact is cached first, so the timed runs measure the offline path.
java -cp "$CP" bench/magics/MavenBench.java "$COORD" 1 > /dev/null
java -cp "$CP" bench/magics/MavenBench.java "$COORD" "${2:-30}"
