#!/usr/bin/env bash
# Runs the browser-sessions benchmark suite (issue 7): a thin wrapper over the Maven build.
#   benchmarks/run.sh quick   # < 2 minutes on 2 cores
#   benchmarks/run.sh full    # more JMH forks/iterations and lifecycles
# Extra arguments go to Maven, e.g. -Dbench.jvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# Results: benchmarks/target/results/results.md and throughput.png
set -euo pipefail
MODE="${1:-quick}"
shift || true
cd "$(dirname "$0")/.."
exec ./mvnw -B -pl benchmarks -am verify -Pbench -DskipTests -Dbench.mode="$MODE" "$@"
