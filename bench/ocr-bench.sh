#!/usr/bin/env bash
# Seconds per OCR'd page: the job on image-only PDFs side by side with the floor, bare `tesseract` run over the
# same page images on the same number of threads (README "Scanned reports", bench/README.md "OCR").
# usage: bench/ocr-bench.sh [--threads=N] [--rounds=N] [--scans-from="DIR ..."] [--dpi="200 150"] [--input=DIR]
#                           [--work=DIR]
#   from the repository root, after `mvn -B -q package -DskipTests`; needs poppler-utils (pdftoppm, pdfimages),
#   img2pdf and GNU time. By default it makes the scans itself: every PDF of the --scans-from folders (the seeds and
#   ../shared/real) at each --dpi, grey, no text layer (src/test/resources/ocr/README.md); --input=DIR takes ready
#   image-only PDFs instead. APP=DIR runs the job from another copy of target/disclosure-etl-app.
# Each round runs the floor, then the job on all the scans, then the job on a one-page scan (its start-up: JVM,
# Spring, Flyway, the parser child, the export): the job's steady cost a page is (all - one page) / (pages - 1).
# Both wall-clock and CPU seconds (user+sys of the process tree) are printed: on a shared machine compare CPU.
set -euo pipefail
threads=2
rounds=1
scans_from="data/inbox/pdf ../shared/real"
dpis="200 150"
input=
work=/tmp/disclosure-etl-ocr-bench
for argument in "$@"; do
    case $argument in
        --threads=*) threads=${argument#--threads=} ;;
        --rounds=*) rounds=${argument#--rounds=} ;;
        --scans-from=*) scans_from=${argument#--scans-from=} ;;
        --dpi=*) dpis=${argument#--dpi=} ;;
        --input=*) input=${argument#--input=} ;;
        --work=*) work=${argument#--work=} ;;
        *) echo "unknown option $argument" >&2; exit 2 ;;
    esac
done
app=$(cd "${APP:-target/disclosure-etl-app}" && pwd)
rm -rf "$work"; mkdir -p "$work/pdf" "$work/pages" "$work/one" "$work/render"
if [ -n "$input" ]; then
    cp "$input"/*.pdf "$work/pdf/"
else
    for dpi in $dpis; do
        for folder in $scans_from; do
            for source in "$folder"/*.pdf; do
                rm -f "$work"/render/*
                pdftoppm -r "$dpi" -gray -png "$source" "$work/render/p"
                img2pdf --imgsize "${dpi}dpi" "$work"/render/p-*.png -o "$work/pdf/$(basename "$source" .pdf)-${dpi}dpi.pdf"
            done
        done
    done
fi
for pdf in "$work"/pdf/*.pdf; do
    pdfimages -png "$pdf" "$work/pages/$(basename "$pdf" .pdf)"   # the scans' own pixels, as the job reads them
done
pages=$(ls "$work"/pages/*.png | wc -l)
# the start-up probe: the first page of the first scan, as it is
pdfseparate -f 1 -l 1 "$(ls "$work"/pdf/*.pdf | head -1)" "$work/one/one-page.pdf"

# prints "wall user+sys" of the command (GNU time counts every process it waited for: tesseract, parser children)
measure() {
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}
floor() {
    ls "$work"/pages/*.png | xargs -P "$threads" -I{} sh -c \
        'OMP_THREAD_LIMIT=1 tesseract "$1" - -l chi_sim+chi_tra --psm 6 tsv >/dev/null 2>&1' _ {}
}
job() {   # job INPUT NAME: output in $work/out-NAME (score it with ../shared/tools/score.py)
    rm -rf "$work/out-$2" "$work/db-$2"
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dspring.aot.enabled=true -jar "$app/disclosure-etl.jar" ingest \
        --input="$1" --output="$work/out-$2" --db="$work/db-$2/etl" --etl.threads="$threads" --etl.parse.timeout=10m \
        > "$work/job-$2.log" 2>&1
    grep -q "(OCR)" "$work/out-$2/observations.csv" || { echo "the job OCR'd nothing: $work/job-$2.log" >&2; exit 1; }
}
export -f floor job
export work threads app
printf 'pages %d, threads %d, load before: %s\n' "$pages" "$threads" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-34s %9s %9s %9s %9s\n' round side 'wall s' 'CPU s' 'wall/pg' 'CPU/pg'
for round in $(seq 1 "$rounds"); do
    read -r fw fc <<< "$(measure bash -c floor)"
    read -r jw jc <<< "$(measure bash -c "job $work/pdf all")"
    read -r ow oc <<< "$(measure bash -c "job $work/one one")"
    row() { printf '%-6s %-34s %9.1f %9.1f %9.2f %9.2f\n' "$round" "$1" "$2" "$3" "$(echo "$2 / $4" | bc -l)" "$(echo "$3 / $4" | bc -l)"; }
    row 'bare tesseract (--psm 6, page)' "$fw" "$fc" "$pages"
    row 'job, cold (start-up included)' "$jw" "$jc" "$pages"
    row 'job, one-page scan (start-up)' "$ow" "$oc" 1
    sw=$(echo "$jw - $ow" | bc -l); sc=$(echo "$jc - $oc" | bc -l)
    row 'job, steady (all - one page)' "$sw" "$sc" "$((pages - 1))"
    printf '%-6s ratio to the floor a page: cold wall %.2fx CPU %.2fx, steady wall %.2fx CPU %.2fx; load %s\n' "$round" \
        "$(echo "$jw / $fw" | bc -l)" "$(echo "$jc / $fc" | bc -l)" \
        "$(echo "($sw / ($pages - 1)) / ($fw / $pages)" | bc -l)" "$(echo "($sc / ($pages - 1)) / ($fc / $pages)" | bc -l)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
done
