#!/usr/bin/env bash
# End-to-end benchmark of issue 5, whole process against whole process on this machine:
#   mscmeta: analyze --no-report --measure RR --method MH --tau2 DL --by route,cell_source (median of RUNS runs)
#   peer:    the same job in R metafor (bench/peer_metafor.R), once, when Rscript and metafor are installed,
#            and the agreement of every outcome and subgroup with metafor (bench/agreement.R, with R's jsonlite)
# on the 80,000-row synthetic registry, then mscmeta alone on 1,000,000 rows, with reports on 80,000 rows, and on the
# example sheet with and without its report.
# Wall time and peak resident memory come from GNU time (/usr/bin/time). Build the jar first:
#   mvn -q -B package -DskipTests && bench/end-to-end.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-8}
jar=target/mscmeta.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "build the jar first: mvn -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

java -jar "$jar" generate --out "$work/registry-80k.csv" --trials 2000 --terms 40 >/dev/null
java -jar "$jar" generate --out "$work/registry-1m.csv" --trials 25000 --terms 40 >/dev/null

# measure LABEL CMD...: prints "LABEL seconds peak-MB" for one run
measure() {
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  tail -1 "$work/time.txt" | awk '{printf "%s %.2f %.0f\n", $1, $2, $3 / 1024}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

job=(analyze --no-report --measure RR --method MH --tau2 DL --by route,cell_source)  # as issue 5 spells it (summary printed, to /dev/null)
for i in $(seq "$runs"); do
  measure 80k java -jar "$jar" "${job[@]}" "$work/registry-80k.csv" --out "$work/out"
done > "$work/80k.txt"
t80=$(awk '{print $2}' "$work/80k.txt" | median)
m80=$(awk '{print $3}' "$work/80k.txt" | sort -n | tail -1)
echo "mscmeta, 80,000 rows, no report: median ${t80} s of ${runs} runs (min $(awk '{print $2}' "$work/80k.txt" | sort -n | head -1) s), peak ${m80} MB"

if command -v Rscript >/dev/null && Rscript -e 'library(metafor)' >/dev/null 2>&1; then
  read -r _ tpeer mpeer < <(measure peer Rscript bench/peer_metafor.R "$work/registry-80k.csv")
  echo "metafor peer, 80,000 rows: ${tpeer} s, peak ${mpeer} MB"
  awk -v a="$tpeer" -v b="$t80" 'BEGIN {printf "ratio: mscmeta is %.1fx faster than the peer\n", a / b}'
  if Rscript -e 'library(jsonlite)' >/dev/null 2>&1; then
    Rscript bench/agreement.R "$work/registry-80k.csv" "$work/out/results.json" # exits 1 above 1e-6
  fi
else
  echo "metafor peer: skipped (apt-get install -y r-base-core r-cran-metafor)"
fi

read -r _ t1m m1m < <(measure 1m java -jar "$jar" "${job[@]}" "$work/registry-1m.csv" --out "$work/out1m")
echo "mscmeta, 1,000,000 rows, no report: ${t1m} s, peak ${m1m} MB"

read -r _ trep mrep < <(measure report java -jar "$jar" analyze --measure RR --method MH --tau2 DL \
  --by route,cell_source --quiet "$work/registry-80k.csv" --out "$work/outrep")
echo "mscmeta, 80,000 rows with plots and workbook: ${trep} s, peak ${mrep} MB"

# the example sheet, as the README's first command runs it, with and without its report (median of RUNS each)
for i in $(seq "$runs"); do
  measure exrep java -jar "$jar" analyze examples/msc_adverse_events.csv --quiet --out "$work/exrep$i"
  measure exnorep java -jar "$jar" analyze examples/msc_adverse_events.csv --quiet --no-report --out "$work/exno$i"
done > "$work/ex.txt"
texrep=$(awk '$1 == "exrep" {print $2}' "$work/ex.txt" | median)
texno=$(awk '$1 == "exnorep" {print $2}' "$work/ex.txt" | median)
files=$(find "$work/exrep1" -type f | wc -l)
echo "mscmeta, example sheet: ${texno} s without report, ${texrep} s with its report (${files} files; median of ${runs})"
