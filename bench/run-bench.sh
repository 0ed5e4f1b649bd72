#!/usr/bin/env bash
# Benchmark of the ingest job against bare Tika, cold and warm: see bench/README.md.
#
#   bench/run-bench.sh                                  300 and 20,000 files, 1 and 2 threads, 5,000 unchanged
#   bench/run-bench.sh --sizes=300,3000 --threads=2     a quicker run
#   bench/run-bench.sh --job-arg=--etl.parse.isolation=in-process
#
# Builds the product jar (target/disclosure-etl.jar) when missing and the benchmark (bench/target), then runs
# the benchmark from the repository root; its output is also saved as WORK/bench.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=${WORK:-${TMPDIR:-/tmp}/disclosure-etl-bench}
if [[ ! -f target/disclosure-etl.jar ]]; then
  echo "building target/disclosure-etl.jar ..."
  mvn -q -B -DskipTests package
fi
# always: an incremental build is quick, and a bench left from an older checkout would run the old corpus
echo "building the benchmark ..."
mvn -q -B -f bench/pom.xml -DskipTests package
mkdir -p "$WORK"
java -cp "bench/target/classes:bench/target/dependency/*" org.disclosureetl.bench.Bench --work="$WORK" "$@" \
    2>&1 | tee "$WORK/bench.txt"
exit "${PIPESTATUS[0]}"
