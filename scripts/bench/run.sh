#!/usr/bin/env bash
# Runs every whole-process speed and memory measurement of BENCHMARKS.md and prints the tables.
#
#   scripts/bench/run.sh            # about 10 minutes on 2 cores
#   RUNS=10 scripts/bench/run.sh    # more runs per measurement
#
# It unpacks the corpus into bench-data/ (ignored by git) if needed, generates the number-dense
# and pathological inputs, builds factlint and the pulldown-cmark baseline in release mode, and
# measures with hyperfine (time) and /usr/bin/time (peak memory). Raw results land in
# bench-data/results/; the Markdown tables go to standard output and
# bench-data/results/summary.md. Progress goes to standard error.
#
# Needs: cargo, rustc, hyperfine, rg (ripgrep), GNU time (/usr/bin/time), xz, awk.
# On Debian: apt-get install -y hyperfine ripgrep time xz-utils

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench-data}
CORPUS_TAR=${CORPUS_TAR:-$ROOT/../shared/corpus/prose-md.tar.xz}
RUNS=${RUNS:-5}
# Pathological inputs are this many bytes (except the 100,000-numbers line).
PATHOLOGICAL_BYTES=${PATHOLOGICAL_BYTES:-5000000}
# A pathological input that runs longer than this many seconds is reported as a timeout.
TIMEOUT=${TIMEOUT:-300}

GENERATED=$DATA/generated
RESULTS=$DATA/results
FACTLINT=$ROOT/target/release/factlint
PARSE_ONLY=$ROOT/target/release/examples/parse_only
GENERATE=$ROOT/target/bench-tools/generate

log() { printf '== %s\n' "$*" >&2; }

for tool in cargo rustc hyperfine rg /usr/bin/time xz awk; do
    command -v "$tool" >/dev/null || { echo "run.sh: missing $tool (apt-get install -y hyperfine ripgrep time xz-utils)" >&2; exit 2; }
done
mkdir -p "$DATA" "$GENERATED" "$RESULTS"

# ---- inputs ---------------------------------------------------------------------------------

if [ ! -d "$DATA/full" ]; then
    log "unpacking $CORPUS_TAR"
    tar -xJf "$CORPUS_TAR" -C "$DATA"
fi
CORPUS=$DATA/full

log "building factlint and examples/parse_only (release)"
(cd "$ROOT" && cargo build --release --quiet --bin factlint --example parse_only)
mkdir -p "$(dirname "$GENERATE")"
rustc --edition 2021 -O -o "$GENERATE" "$ROOT/scripts/bench/generate.rs"

bytes_of() { stat -c %s "$1"; }

# The corpus files factlint reads when walking the folder (rg walks the same way: .gitignore
# honoured without git, hidden files skipped), in a fixed order.
rg --files --no-require-git -g '*.{md,markdown,txt}' "$CORPUS" | LC_ALL=C sort > "$GENERATED/corpus-files.txt"
CORPUS_FILES=$(wc -l < "$GENERATED/corpus-files.txt")
CORPUS_BYTES=$(tr '\n' '\0' < "$GENERATED/corpus-files.txt" | xargs -0 cat | wc -c)
LARGEST_FILE=$(tr '\n' '\0' < "$GENERATED/corpus-files.txt" | xargs -0 stat -c %s | sort -n | tail -1)

# Concatenates files with a blank line between them.
concatenate() { tr '\n' '\0' | xargs -0 awk 'FNR == 1 && NR != 1 { print "" } { print }'; }

if [ ! -s "$GENERATED/corpus-all.md" ]; then
    log "generating inputs in $GENERATED"
    # The whole corpus as one file: the single large real-world file.
    concatenate < "$GENERATED/corpus-files.txt" > "$GENERATED/corpus-all.md"
    # Every tenth file (a sample of every repository), and the same sample ten times.
    awk 'NR % 10 == 1' "$GENERATED/corpus-files.txt" | concatenate > "$GENERATED/corpus-sample.md"
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$GENERATED/corpus-sample.md"; echo; done > "$GENERATED/corpus-sample-x10.md"
    for language in en de; do
        "$GENERATE" articles "$language" 5000000 > "$GENERATED/$language-5mb.md"
        "$GENERATE" articles "$language" 50000000 > "$GENERATED/$language-50mb.md"
    done
    mkdir -p "$GENERATED/pathological"
    "$GENERATE" list > "$GENERATED/pathological/list.tsv"
    while IFS=$'\t' read -r name _; do
        "$GENERATE" pathological "$name" "$PATHOLOGICAL_BYTES" > "$GENERATED/pathological/$name.md"
    done < "$GENERATED/pathological/list.tsv"
fi

# ---- helpers --------------------------------------------------------------------------------

# hf NAME [hyperfine arguments...]: runs hyperfine, keeps its CSV as $RESULTS/NAME.csv.
hf() {
    local name=$1
    shift
    hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-csv "$RESULTS/$name.csv" "$@" >&2
}
# median NAME LABEL: the median seconds of one command of a hyperfine run.
median() { awk -F, -v label="$2" '$1 == label { print $4 }' "$RESULTS/$1.csv"; }
# stddev NAME LABEL
stddev() { awk -F, -v label="$2" '$1 == label { print $3 }' "$RESULTS/$1.csv"; }
# calc EXPRESSION: floating-point arithmetic.
calc() { awk "BEGIN { print $1 }"; }
fixed() { awk -v value="$1" -v digits="$2" 'BEGIN { printf "%.*f", digits, value }'; }
mb() { fixed "$(calc "$1 / 1000000")" 1; }
# peak_rss_kb COMMAND...: the peak resident set size of one run, in KiB.
peak_rss_kb() {
    /usr/bin/time -f '%M' -o "$RESULTS/time.out" "$@" >/dev/null 2>&1 || true
    tail -1 "$RESULTS/time.out"
}
verdict() { if [ "$(calc "($1) ? 1 : 0")" = 1 ]; then echo met; else echo "**missed**"; fi; }

FL_CHECK=("$FACTLINT" check --fail-on never --color never)

# ---- 1. throughput over the corpus folder -----------------------------------------------------

log "throughput over the corpus folder ($CORPUS_FILES files, $CORPUS_BYTES bytes)"
hf folder \
    -n parse-only "$PARSE_ONLY $CORPUS" \
    -n rg "rg -c [0-9] --no-require-git $CORPUS" \
    -n factlint-j1 "${FL_CHECK[*]} -j 1 $CORPUS" \
    -n factlint-j2 "${FL_CHECK[*]} -j 2 $CORPUS"

log "throughput on generated number-dense text"
hf dense \
    -n parse-only-en "$PARSE_ONLY $GENERATED/en-5mb.md" \
    -n factlint-j1-en "${FL_CHECK[*]} -j 1 $GENERATED/en-5mb.md" \
    -n parse-only-de "$PARSE_ONLY $GENERATED/de-5mb.md" \
    -n factlint-j1-de "${FL_CHECK[*]} -j 1 $GENERATED/de-5mb.md" \
    -n parse-only-sample "$PARSE_ONLY $GENERATED/corpus-sample.md" \
    -n factlint-j1-sample "${FL_CHECK[*]} -j 1 $GENERATED/corpus-sample.md"

# ---- 2. linearity -----------------------------------------------------------------------------

log "linearity: 10x the input"
hf linear \
    -n sample "${FL_CHECK[*]} -j 1 $GENERATED/corpus-sample.md" \
    -n sample-x10 "${FL_CHECK[*]} -j 1 $GENERATED/corpus-sample-x10.md" \
    -n en-5mb "${FL_CHECK[*]} -j 1 $GENERATED/en-5mb.md" \
    -n en-50mb "${FL_CHECK[*]} -j 1 $GENERATED/en-50mb.md" \
    -n de-5mb "${FL_CHECK[*]} -j 1 $GENERATED/de-5mb.md" \
    -n de-50mb "${FL_CHECK[*]} -j 1 $GENERATED/de-50mb.md"

# ---- 3. peak memory ---------------------------------------------------------------------------

log "peak memory"
declare -A RSS LIMIT
for input in corpus-all en-50mb de-50mb; do
    RSS[$input]=$(peak_rss_kb "${FL_CHECK[@]}" -j 1 "$GENERATED/$input.md")
    LIMIT[$input]=$(calc "2 * $(bytes_of "$GENERATED/$input.md") / 1000000 + 30")
done
RSS[folder-j1]=$(peak_rss_kb "${FL_CHECK[@]}" -j 1 "$CORPUS")
RSS[folder-j2]=$(peak_rss_kb "${FL_CHECK[@]}" -j 2 "$CORPUS")
LIMIT[folder-j1]=$(calc "2 * $LARGEST_FILE / 1000000 + 30")
LIMIT[folder-j2]=${LIMIT[folder-j1]}
RSS[parse-only-folder]=$(peak_rss_kb "$PARSE_ONLY" "$CORPUS")

# ---- 4. pathological inputs -------------------------------------------------------------------

log "pathological inputs"
declare -A PATH_SECONDS PATH_RSS PATH_NOTE
while IFS=$'\t' read -r name _; do
    input=$GENERATED/pathological/$name.md
    log "  $name"
    start=$(date +%s.%N)
    status=0
    /usr/bin/time -f '%M' -o "$RESULTS/time.out" timeout "$TIMEOUT" "${FL_CHECK[@]}" -j 1 "$input" >/dev/null 2>"$RESULTS/$name.stderr" || status=$?
    end=$(date +%s.%N)
    PATH_RSS[$name]=$(tail -1 "$RESULTS/time.out")
    PATH_SECONDS[$name]=$(calc "$end - $start")
    PATH_NOTE[$name]=""
    if [ "$status" = 124 ]; then
        PATH_NOTE[$name]="timed out after ${TIMEOUT} s"
    elif [ "$status" != 0 ]; then
        PATH_NOTE[$name]="exit status $status: $(head -c 200 "$RESULTS/$name.stderr" | tr '\n' ' ')"
    elif [ "$(calc "${PATH_SECONDS[$name]} < 5 ? 1 : 0")" = 1 ]; then
        hf "pathological-$name" -n "$name" "${FL_CHECK[*]} -j 1 $input"
        PATH_SECONDS[$name]=$(median "pathological-$name" "$name")
    fi
done < "$GENERATED/pathological/list.tsv"

# ---- tables -----------------------------------------------------------------------------------

{
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $RUNS runs each (median)."
echo "$("$FACTLINT" --version), $(rustc --version), $(hyperfine --version), $(rg --version | head -1). MB = 10^6 bytes."
echo
echo "### Throughput over the corpus folder ($CORPUS_FILES files, $(mb "$CORPUS_BYTES") MB)"
echo
echo "| command | median s | ± s | MB/s | vs parse only |"
echo "|---|---:|---:|---:|---:|"
parse=$(median folder parse-only)
for label in parse-only rg factlint-j1 factlint-j2; do
    seconds=$(median folder "$label")
    echo "| $label | $(fixed "$seconds" 3) | $(fixed "$(stddev folder "$label")" 3) | $(fixed "$(calc "$CORPUS_BYTES / $seconds / 1000000")" 1) | $(fixed "$(calc "$parse / $seconds")" 2) |"
done
j1=$(median folder factlint-j1)
j2=$(median folder factlint-j2)
echo
echo "| target | measured | verdict |"
echo "|---|---:|---|"
echo "| factlint -j1 at least 0.5x the speed of parse only | $(fixed "$(calc "$parse / $j1")" 2)x | $(verdict "$parse / $j1 >= 0.5") |"
echo "| -j2 speed-up over -j1 (2 cores) | $(fixed "$(calc "$j1 / $j2")" 2)x | (reported) |"
echo
echo "### Throughput on single files"
echo
echo "| input | MB | parse only MB/s | factlint -j1 MB/s | factlint vs parse only |"
echo "|---|---:|---:|---:|---:|"
for pair in "en:en-5mb" "de:de-5mb" "sample:corpus-sample"; do
    suffix=${pair%%:*}
    file=$GENERATED/${pair#*:}.md
    bytes=$(bytes_of "$file")
    p=$(median dense "parse-only-$suffix")
    f=$(median dense "factlint-j1-$suffix")
    echo "| ${pair#*:}.md | $(mb "$bytes") | $(fixed "$(calc "$bytes / $p / 1000000")" 1) | $(fixed "$(calc "$bytes / $f / 1000000")" 1) | $(fixed "$(calc "$p / $f")" 2) |"
done
echo
echo "### Linearity (factlint -j1, one file)"
echo
echo "| small input | MB | s | large input | MB | s | size ratio | time ratio | time ratio per 10x size | verdict (<= 11) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for pair in "sample:corpus-sample:sample-x10:corpus-sample-x10" "en-5mb:en-5mb:en-50mb:en-50mb" "de-5mb:de-5mb:de-50mb:de-50mb"; do
    IFS=: read -r small_label small_file large_label large_file <<< "$pair"
    small_bytes=$(bytes_of "$GENERATED/$small_file.md")
    large_bytes=$(bytes_of "$GENERATED/$large_file.md")
    small_s=$(median linear "$small_label")
    large_s=$(median linear "$large_label")
    size_ratio=$(calc "$large_bytes / $small_bytes")
    time_ratio=$(calc "$large_s / $small_s")
    per_ten=$(calc "$time_ratio / $size_ratio * 10")
    echo "| $small_file.md | $(mb "$small_bytes") | $(fixed "$small_s" 3) | $large_file.md | $(mb "$large_bytes") | $(fixed "$large_s" 3) | $(fixed "$size_ratio" 2) | $(fixed "$time_ratio" 2) | $(fixed "$per_ten" 2) | $(verdict "$per_ten <= 11") |"
done
echo
echo "### Peak memory (max RSS, /usr/bin/time)"
echo
echo "| run | largest input MB | max RSS MB | limit 2x largest + 30 MB | RSS / limit | verdict |"
echo "|---|---:|---:|---:|---:|---|"
for input in corpus-all en-50mb de-50mb folder-j1 folder-j2; do
    case $input in
        folder-*) largest=$LARGEST_FILE; what="corpus folder, ${input#folder-}" ;;
        *) largest=$(bytes_of "$GENERATED/$input.md"); what="$input.md" ;;
    esac
    rss_mb=$(calc "${RSS[$input]} * 1024 / 1000000")
    echo "| factlint check $what | $(mb "$largest") | $(fixed "$rss_mb" 1) | $(fixed "${LIMIT[$input]}" 1) | $(fixed "$(calc "$rss_mb / ${LIMIT[$input]}")" 2) | $(verdict "$rss_mb <= ${LIMIT[$input]}") |"
done
echo "| parse only, corpus folder (for reference) | $(mb "$LARGEST_FILE") | $(fixed "$(calc "${RSS[parse-only-folder]} * 1024 / 1000000")" 1) | | | |"
echo
average=$(calc "$j1 / $CORPUS_BYTES")
echo "### Pathological inputs (factlint -j1, one file each)"
echo
echo "Average: factlint -j1 over the corpus folder, $(fixed "$(calc "$average * 1000000000")" 1) ns per byte."
echo
echo "| input | MB | s | ns per byte | x average | max RSS MB | RSS limit MB | verdict (<= 10x, RSS) | note |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
while IFS=$'\t' read -r name _; do
    bytes=$(bytes_of "$GENERATED/pathological/$name.md")
    seconds=${PATH_SECONDS[$name]}
    per_byte=$(calc "$seconds / $bytes")
    times=$(calc "$per_byte / $average")
    rss_mb=$(calc "${PATH_RSS[$name]} * 1024 / 1000000")
    limit=$(calc "2 * $bytes / 1000000 + 30")
    echo "| $name | $(mb "$bytes") | $(fixed "$seconds" 3) | $(fixed "$(calc "$per_byte * 1000000000")" 1) | $(fixed "$times" 1) | $(fixed "$rss_mb" 1) | $(fixed "$limit" 1) | $(verdict "$times <= 10"), RSS $(verdict "$rss_mb <= $limit") | ${PATH_NOTE[$name]} |"
done < "$GENERATED/pathological/list.tsv"
} | tee "$RESULTS/summary.md"
