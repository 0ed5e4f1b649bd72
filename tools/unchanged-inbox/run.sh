#!/usr/bin/env bash
# Issue 11: how long a nightly run over an unchanged inbox takes. Makes N small text reports (a seed
# report with a unique line appended to each), ingests them once, then times a second ingest of the
# same inbox in a fresh JVM (wall time, whole process).
#   tools/unchanged-inbox/run.sh [N] [WORK_DIR]      (after mvn -B -q package -DskipTests)
#   JAR=/tmp/other.jar tools/unchanged-inbox/run.sh  (another build, e.g. to compare before and after)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-5000}
work=${2:-$(mktemp -d /tmp/unchanged-inbox.XXXXXX)}
jar=${JAR:-target/disclosure-etl.jar}
seed=data/inbox/txt/000_e61bf2b8057539f0.txt
mkdir -p "$work/inbox"
if [ ! -e "$work/inbox/r0.txt" ]; then
  for ((i = 0; i < n; i++)); do
    { cat "$seed"; printf '\n编号 %d\n' "$i"; } > "$work/inbox/r$i.txt"
  done
  sleep 3 # discover does not trust a modification time under 3 s old (InboxScanner)
fi
run() {
  java -Detl.parse.isolation=in-process -jar "$jar" ingest --input="$work/inbox" --output="$work/out" \
    --db="$work/db/etl" > "$work/$1.log" 2>&1
}
start=$(date +%s.%N); run first; end=$(date +%s.%N)
echo "first run ($n new files): $(echo "$end - $start" | bc) s"
start=$(date +%s.%N); run second; end=$(date +%s.%N)
echo "second run ($n unchanged files): $(echo "$end - $start" | bc) s"
tail -n 7 "$work/second.log"
