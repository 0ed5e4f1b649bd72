#!/usr/bin/env bash
# Seconds per OCR'd page: the job on image-only PDFs side by side with the floor, bare `tesseract` run over the
# same page images on the same number of threads (README "Scanned reports", bench/README.md "OCR").
# usage: bench/ocr-bench.sh [--threads=N] [--input=DIR] [--work=DIR]   (from the repository root, after
#        `mvn -B -q package -DskipTests`; needs poppler-utils' pdfimages for the floor's page images; APP=DIR runs
#        the job from another copy of target/disclosure-etl-app)
set -euo pipefail
threads=2
input=src/test/resources/ocr
work=/tmp/disclosure-etl-ocr-bench
for argument in "$@"; do
    case $argument in
        --threads=*) threads=${argument#--threads=} ;;
        --input=*) input=${argument#--input=} ;;
        --work=*) work=${argument#--work=} ;;
        *) echo "unknown option $argument" >&2; exit 2 ;;
    esac
done
rm -rf "$work"; mkdir -p "$work/pdf" "$work/pages"
cp "$input"/*.pdf "$work/pdf/"
pages=0
for pdf in "$work"/pdf/*.pdf; do
    name=$(basename "$pdf" .pdf)
    pdfimages -png "$pdf" "$work/pages/$name"   # the scans' own pixels, as the job reads them
done
pages=$(ls "$work"/pages/*.png | wc -l)
now() { date +%s.%N; }
# the floor: one process per page image, the whole page as a block of text, one OpenMP thread each
start=$(now)
ls "$work"/pages/*.png | xargs -P "$threads" -I{} sh -c 'OMP_THREAD_LIMIT=1 tesseract "$1" - -l chi_sim+chi_tra --psm 6 tsv >/dev/null 2>&1' _ {}
floor=$(echo "$(now) - $start" | bc)
# the job, a fresh process, cold, on the same threads (its start-up included: a few seconds)
start=$(now)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dspring.aot.enabled=true -jar "${APP:-target/disclosure-etl-app}/disclosure-etl.jar" ingest --input="$work/pdf" --output="$work/out" --db="$work/db/etl" --etl.threads="$threads" \
    --etl.parse.timeout=10m > "$work/job.log" 2>&1
job=$(echo "$(now) - $start" | bc)
printf 'pages %d, threads %d\n' "$pages" "$threads"
printf 'bare tesseract (--psm 6, whole page): %6.1f s, %5.2f s/page\n' "$floor" "$(echo "$floor / $pages" | bc -l)"
printf 'disclosure-etl ingest:                %6.1f s, %5.2f s/page (%.2fx the floor)\n' "$job" \
    "$(echo "$job / $pages" | bc -l)" "$(echo "$job / $floor" | bc -l)"
