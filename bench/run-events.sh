#!/usr/bin/env bash
# Measures how many events per second one node sustains from Facebook's webhook POST to the
# application's callback (default settings, embedded H2, loopback receiver), and how long the
# webhook POSTs take to be answered meanwhile. Absolute numbers depend on the machine.
# Builds in the reactor without installing anything into ~/.m2.
# Usage: bench/run-events.sh [seconds of sending, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl bench -am
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    dev.elements.bench.EventThroughputBenchmark "${1:-20}"
