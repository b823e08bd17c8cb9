#!/usr/bin/env bash
# Runs the browser-sessions benchmark suite (issue 7).
#   benchmarks/run.sh quick   # < 2 minutes on 2 cores
#   benchmarks/run.sh full    # longer, more iterations
# Results: benchmarks/target/results/results.md and throughput.png
set -euo pipefail
MODE="${1:-quick}"
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE/.."
./mvnw -B -q -f benchmarks/pom.xml package -DskipTests
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
exec java -Djava.awt.headless=true -Dsun.net.httpserver.nodelay=true \
  -Dsun.net.httpserver.maxIdleConnections=1000 -cp "$CP" dev.browsersessions.bench.Main "$MODE" "$HERE/target/results"
