#!/usr/bin/env bash
# Measures what the platform adds to provider calls, against the same calls made directly, in one
# run: the printed ratios (platform / baseline) compare across machines, absolute times do not.
# Usage: bench/run.sh [rounds per case, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl bench -am
mvn -B -q -pl bench exec:java -Dexec.mainClass=dev.elements.bench.HubOverheadBenchmark -Dexec.args="${1:-2000}"
