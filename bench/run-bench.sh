#!/usr/bin/env bash
# Throughput benchmark of the ingest job: see bench/README.md.
#
#   bench/run-bench.sh                 default corpus (2000 documents), then 10x (20000), both with -Xmx512m
#   DOCUMENTS=500 bench/run-bench.sh   a smaller default corpus (the second run is still 10x)
#   THREADS=1,2 HEAP=512m WORK=/tmp/disclosure-bench bench/run-bench.sh
#   bench/run-bench.sh --seed=7        extra arguments go to both bench runs
#
# Builds target/disclosure-etl.jar first when it is missing. Each run prints its tables; at the end
# the two runs' summary lines are shown side by side, so steady documents/s and flat memory (live_MiB:
# heap in use after the phase and a full GC) can be read off directly. Output of each run is also
# saved as WORK/bench-N.txt. Takes about 20 minutes on 2 idle cores (most of it the 10x run).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=target/disclosure-etl.jar
DOCUMENTS=${DOCUMENTS:-2000}
THREADS=${THREADS:-1,2}
HEAP=${HEAP:-512m}
WORK=${WORK:-${TMPDIR:-/tmp}/disclosure-etl-bench}

if [[ ! -f "$JAR" ]]; then
  echo "building $JAR ..."
  mvn -q -B -DskipTests package
fi

mkdir -p "$WORK"
run() {
  local documents=$1
  local log="$WORK/bench-$documents.txt"
  echo
  echo "=== bench: $documents documents, threads $THREADS, -Xmx$HEAP ==="
  # --db keeps the CLI's own (unused) database out of data/db; each measured job gets a fresh one under WORK
  java "-Xmx$HEAP" -jar "$JAR" bench --documents="$documents" --threads="$THREADS" \
      --work="$WORK/w$documents" --db="$WORK/cli-db/disclosure" "${@:2}" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

run "$DOCUMENTS" "$@"
run $((DOCUMENTS * 10)) "$@"

echo
echo "=== side by side: $DOCUMENTS vs $((DOCUMENTS * 10)) documents (-Xmx$HEAP) ==="
printf '%-6s %-8s %8s %9s %7s %11s %7s %9s %8s %9s\n' phase threads docs docs/s MB/s CPU_ms/doc others peak_MiB old_MiB live_MiB
for documents in "$DOCUMENTS" $((DOCUMENTS * 10)); do
  grep '^bench-summary' "$WORK/bench-$documents.txt" | sed 's/^bench-summary //' | while read -r line; do
    declare -A f=()
    for kv in $line; do f[${kv%%=*}]=${kv#*=}; done
    printf '%-6s %-8s %8s %9s %7s %11s %7s %9s %8s %9s\n' "${f[phase]}" "${f[threads]}" "${f[docs]}" \
        "${f[docs_per_s]}" "${f[mb_per_s]}" "${f[cpu_ms_per_doc]}" "${f[others_cores]}" "${f[peak_heap_mib]}" \
        "${f[old_gen_peak_mib]}" "${f[live_mib]}"
  done
done
