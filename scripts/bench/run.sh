#!/usr/bin/env bash
# Runs every whole-process speed and memory measurement of BENCHMARKS.md and prints the tables.
#
#   scripts/bench/run.sh                  # 5 to 30 minutes on 2 cores, depending on timeouts
#   RUNS=10 TIMEOUT=300 scripts/bench/run.sh
#
# It unpacks the corpus into bench-data/ (ignored by git) if needed, generates the number-dense
# and pathological inputs, builds factlint and the pulldown-cmark baseline (examples/parse_only)
# in release mode, and measures each command: one probe run under /usr/bin/time (peak memory,
# and a timeout), then hyperfine for the time. Raw results land in bench-data/results/; the
# Markdown tables go to standard output and bench-data/results/summary.md. Progress goes to
# standard error.
#
# Settings (environment): RUNS (hyperfine runs per command, default 5), TIMEOUT (seconds before
# a run counts as "timed out", default 60), LONG (a probe longer than this many seconds is the
# measurement, without hyperfine; default 10), BUILD=0 (measure the binaries already in
# target/release instead of building them), BENCH_DATA, CORPUS_TAR.
#
# Needs: cargo, rustc, hyperfine, rg (ripgrep), GNU time (/usr/bin/time), timeout, xz, awk.
# On Debian: apt-get install -y hyperfine ripgrep time xz-utils

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${BENCH_DATA:-$ROOT/bench-data}
CORPUS_TAR=${CORPUS_TAR:-$ROOT/../shared/corpus/prose-md.tar.xz}
RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-60}
LONG=${LONG:-10}

GENERATED=$DATA/generated
RESULTS=$DATA/results
FACTLINT=$ROOT/target/release/factlint
PARSE_ONLY=$ROOT/target/release/examples/parse_only
GENERATE=$ROOT/target/bench-tools/generate

log() { printf '== %s\n' "$*" >&2; }

for tool in cargo rustc hyperfine rg /usr/bin/time timeout xz awk; do
    command -v "$tool" >/dev/null || { echo "run.sh: missing $tool (apt-get install -y hyperfine ripgrep time xz-utils)" >&2; exit 2; }
done
mkdir -p "$DATA" "$GENERATED" "$RESULTS"

# ---- inputs ---------------------------------------------------------------------------------

if [ ! -d "$DATA/full" ]; then
    log "unpacking $CORPUS_TAR"
    tar -xJf "$CORPUS_TAR" -C "$DATA"
fi
CORPUS=$DATA/full

if [ "${BUILD:-1}" = 1 ]; then
    log "building factlint and examples/parse_only (release)"
    (cd "$ROOT" && cargo build --release --quiet --bin factlint --example parse_only)
fi
mkdir -p "$(dirname "$GENERATE")"
rustc --edition 2021 -O -o "$GENERATE" "$ROOT/scripts/bench/generate.rs"

bytes_of() { stat -c %s "$1"; }

# The corpus files factlint reads when walking the folder (rg walks the same way: .gitignore
# honoured without git, hidden files skipped), in byte order.
rg --files --no-require-git -g '*.{md,markdown,txt}' "$CORPUS" | LC_ALL=C sort > "$GENERATED/corpus-files.txt"
CORPUS_FILES=$(wc -l < "$GENERATED/corpus-files.txt")
CORPUS_BYTES=$(tr '\n' '\0' < "$GENERATED/corpus-files.txt" | xargs -0 cat | wc -c)
LARGEST_FILE=$(tr '\n' '\0' < "$GENERATED/corpus-files.txt" | xargs -0 stat -c %s | sort -n | tail -1)

# Concatenates the files named on standard input with a blank line between them.
concatenate() { tr '\n' '\0' | xargs -0 awk 'FNR == 1 && NR != 1 { print "" } { print }'; }

# Generated inputs are rebuilt when the generator changes.
STAMP=$(cat "$ROOT/scripts/bench/generate.rs" "$ROOT/benches/support/generate.rs" "$GENERATED/corpus-files.txt" | cksum)
if [ "$(cat "$GENERATED/stamp" 2>/dev/null)" != "$STAMP" ]; then
    log "generating inputs in $GENERATED"
    # The whole corpus as one file: the single large real-world file.
    concatenate < "$GENERATED/corpus-files.txt" > "$GENERATED/corpus-all.md"
    # Every tenth file (a sample of every repository), and the same sample ten times.
    awk 'NR % 10 == 1' "$GENERATED/corpus-files.txt" | concatenate > "$GENERATED/corpus-sample.md"
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$GENERATED/corpus-sample.md"; echo; done > "$GENERATED/corpus-sample-x10.md"
    for language in en de; do
        "$GENERATE" articles "$language" 500000 > "$GENERATED/$language-500kb.md"
        "$GENERATE" articles "$language" 5000000 > "$GENERATED/$language-5mb.md"
        "$GENERATE" articles "$language" 50000000 > "$GENERATED/$language-50mb.md"
    done
    rm -rf "$GENERATED/pathological"
    mkdir -p "$GENERATED/pathological"
    "$GENERATE" list > "$GENERATED/pathological/list.tsv"
    while IFS=$'\t' read -r name _; do
        "$GENERATE" pathological "$name" 5000000 > "$GENERATED/pathological/$name.md"
    done < "$GENERATED/pathological/list.tsv"
    echo "$STAMP" > "$GENERATED/stamp"
fi

# ---- measuring ------------------------------------------------------------------------------

declare -A TIME CPU RSS NOTE TIMED_OUT

# measure LABEL COMMAND...: one probe run (peak RSS, timeout), then hyperfine unless the probe
# failed, timed out or took longer than LONG seconds (then the probe is the measurement).
# Sets TIME[LABEL] (median wall seconds), CPU[LABEL] (mean user + system seconds, which another
# process on the machine disturbs less than the wall time), RSS[LABEL] (KiB), NOTE[LABEL] and
# TIMED_OUT[LABEL] (0 or 1).
measure() {
    local label=$1
    shift
    log "  $label"
    local start end status=0
    start=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$RESULTS/$label.rss" timeout "$TIMEOUT" "$@" >/dev/null 2>"$RESULTS/$label.stderr" || status=$?
    end=$(date +%s.%N)
    TIME[$label]=$(calc "$end - $start")
    RSS[$label]=$(tail -1 "$RESULTS/$label.rss" | awk '{ print $1 }')
    CPU[$label]=$(tail -1 "$RESULTS/$label.rss" | awk '{ print $2 + $3 }')
    NOTE[$label]=""
    TIMED_OUT[$label]=0
    if [ "$status" = 124 ]; then
        TIME[$label]=$TIMEOUT
        TIMED_OUT[$label]=1
        NOTE[$label]="timed out after $TIMEOUT s"
    elif [ "$status" != 0 ]; then
        NOTE[$label]="exit status $status: $(grep -v '^Command' "$RESULTS/$label.stderr" | head -c 300 | tr '\n' ' ')"
    elif [ "$(calc "${TIME[$label]} < $LONG ? 1 : 0")" = 1 ]; then
        # The probe was the warm-up.
        hyperfine -N --style basic --runs "$RUNS" --export-csv "$RESULTS/$label.csv" -n "$label" "$*" >&2
        TIME[$label]=$(awk -F, -v label="$label" '$1 == label { print $4 }' "$RESULTS/$label.csv")
        CPU[$label]=$(awk -F, -v label="$label" '$1 == label { print $5 + $6 }' "$RESULTS/$label.csv")
    else
        NOTE[$label]="one run (longer than $LONG s)"
    fi
}

# calc EXPRESSION: floating-point arithmetic.
calc() { awk "BEGIN { print $1 }"; }
fixed() { awk -v value="$1" -v digits="$2" 'BEGIN { printf "%.*f", digits, value }'; }
mb() { fixed "$(calc "$1 / 1000000")" 1; }
rss_mb() { calc "${RSS[$1]} * 1024 / 1000000"; }
# When LABEL timed out, its time is a lower bound: "> " before times and ratios that grow
# with it, "< " before speeds.
slower() { if [ "${TIMED_OUT[$1]}" = 1 ]; then printf '> '; fi; }
faster() { if [ "${TIMED_OUT[$1]}" = 1 ]; then printf '< '; fi; }
verdict() { if [ "$(calc "($1) ? 1 : 0")" = 1 ]; then echo met; else echo "**missed**"; fi; }
# bounded_verdict LABEL CONDITION: like verdict, but when LABEL timed out its measured value is
# only a bound: a condition that still holds for the bound decides nothing.
bounded_verdict() {
    local result
    result=$(verdict "$2")
    if [ "${TIMED_OUT[$1]}" = 1 ] && [ "$result" = met ]; then echo "unknown (timed out)"; else echo "$result"; fi
}

FL=("$FACTLINT" check --fail-on never --color never)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "throughput over the corpus folder ($CORPUS_FILES files, $CORPUS_BYTES bytes)"
measure parse-only "$PARSE_ONLY" "$CORPUS"
measure rg rg -c '[0-9]' --no-require-git "$CORPUS"
measure factlint-j1 "${FL[@]}" -j 1 "$CORPUS"
measure factlint-j2 "${FL[@]}" -j 2 "$CORPUS"

log "single files"
SINGLE=(corpus-sample en-5mb de-5mb)
for input in "${SINGLE[@]}"; do
    measure "parse-only-$input" "$PARSE_ONLY" "$GENERATED/$input.md"
    measure "factlint-j1-$input" "${FL[@]}" -j 1 "$GENERATED/$input.md"
done

log "linearity and memory on large files"
LINEAR=(corpus-sample:corpus-sample-x10 en-5mb:en-50mb de-5mb:de-50mb en-500kb:en-5mb de-500kb:de-5mb)
for input in corpus-sample-x10 en-50mb de-50mb en-500kb de-500kb corpus-all; do
    measure "factlint-j1-$input" "${FL[@]}" -j 1 "$GENERATED/$input.md"
done
for input in corpus-all en-50mb de-50mb; do
    measure "parse-only-$input" "$PARSE_ONLY" "$GENERATED/$input.md"
done

log "pathological inputs"
PATHOLOGICAL=()
while IFS=$'\t' read -r name _; do
    PATHOLOGICAL+=("$name")
    measure "pathological-$name" "${FL[@]}" -j 1 "$GENERATED/pathological/$name.md"
done < "$GENERATED/pathological/list.tsv"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- tables -----------------------------------------------------------------------------------

{
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); median of $RUNS hyperfine runs after one probe run; timeout $TIMEOUT s."
uncommitted=$(cd "$ROOT" && git diff HEAD --shortstat -- src rules 2>/dev/null | sed 's/^ //' || true)
echo "Source: $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo 'no git'); uncommitted in src/ and rules/: ${uncommitted:-none}."
echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Above 2 means other work shared the cores: trust the CPU columns more than the wall-clock ones."
echo "$("$FACTLINT" --version), $(rustc --version), $(hyperfine --version), $(rg --version | sed -n 1p). MB = 10^6 bytes; RSS MB = 10^6 bytes."
echo
echo "### Throughput over the corpus folder ($CORPUS_FILES files, $(mb "$CORPUS_BYTES") MB, largest file $(mb "$LARGEST_FILE") MB)"
echo
echo "| command | wall s | MB/s | speed vs parse only | CPU s | speed vs parse only, CPU time | max RSS MB | note |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for label in parse-only rg factlint-j1 factlint-j2; do
    echo "| $label | $(slower "$label")$(fixed "${TIME[$label]}" 3) | $(faster "$label")$(fixed "$(calc "$CORPUS_BYTES / ${TIME[$label]} / 1000000")" 1) | $(faster "$label")$(fixed "$(calc "${TIME[parse-only]} / ${TIME[$label]}")" 2) | $(fixed "${CPU[$label]}" 3) | $(faster "$label")$(fixed "$(calc "${CPU[parse-only]} / ${CPU[$label]}")" 2) | $(fixed "$(rss_mb "$label")" 1) | ${NOTE[$label]} |"
done
echo
echo "### Throughput on single files"
echo
echo "| input | MB | parse only MB/s | factlint -j1 MB/s | factlint speed vs parse only | same in CPU time | note |"
echo "|---|---:|---:|---:|---:|---:|---|"
for input in "${SINGLE[@]}"; do
    bytes=$(bytes_of "$GENERATED/$input.md")
    p=${TIME[parse-only-$input]}
    f=${TIME[factlint-j1-$input]}
    echo "| $input.md | $(mb "$bytes") | $(fixed "$(calc "$bytes / $p / 1000000")" 1) | $(faster "factlint-j1-$input")$(fixed "$(calc "$bytes / $f / 1000000")" 1) | $(faster "factlint-j1-$input")$(fixed "$(calc "$p / $f")" 2) | $(faster "factlint-j1-$input")$(fixed "$(calc "${CPU[parse-only-$input]} / ${CPU[factlint-j1-$input]}")" 2) | ${NOTE[factlint-j1-$input]} |"
done
echo
echo "### Targets"
echo
echo "| target | measured | verdict |"
echo "|---|---:|---|"
j1=factlint-j1
echo "| factlint -j1 at least 0.5x the speed of parse only (corpus folder) | $(faster $j1)$(fixed "$(calc "${TIME[parse-only]} / ${TIME[$j1]}")" 2)x | $(verdict "${TIME[parse-only]} / ${TIME[$j1]} >= 0.5") |"
echo "| the same in CPU time (user + system) | $(faster $j1)$(fixed "$(calc "${CPU[parse-only]} / ${CPU[$j1]}")" 2)x | $(verdict "${CPU[parse-only]} / ${CPU[$j1]} >= 0.5") |"
echo "| -j2 speed-up over -j1 (corpus folder, 2 cores; reported, no target) | $(fixed "$(calc "${TIME[factlint-j1]} / ${TIME[factlint-j2]}")" 2)x | |"
echo
echo "### Linearity (factlint -j1, one file; target: 10x the input takes at most 11x the time)"
echo
echo "| small input | MB | s | large input | MB | s | size ratio | time ratio | time ratio per 10x size | verdict |"
echo "|---|---:|---:|---|---:|---:|---:|---:|---:|---|"
for pair in "${LINEAR[@]}"; do
    small=${pair%%:*}
    large=${pair#*:}
    small_bytes=$(bytes_of "$GENERATED/$small.md")
    large_bytes=$(bytes_of "$GENERATED/$large.md")
    small_s=${TIME[factlint-j1-$small]}
    large_s=${TIME[factlint-j1-$large]}
    size_ratio=$(calc "$large_bytes / $small_bytes")
    per_ten=$(calc "$large_s / $small_s / $size_ratio * 10")
    if [ "${TIMED_OUT[factlint-j1-$small]}" = 1 ]; then
        ratio="n/a"; per_ten_text="n/a"; result="**missed** (small input timed out)"
    else
        ratio="$(slower "factlint-j1-$large")$(fixed "$(calc "$large_s / $small_s")" 2)"
        per_ten_text="$(slower "factlint-j1-$large")$(fixed "$per_ten" 2)"
        result=$(bounded_verdict "factlint-j1-$large" "$per_ten <= 11")
    fi
    echo "| $small.md | $(mb "$small_bytes") | $(slower "factlint-j1-$small")$(fixed "$small_s" 3) | $large.md | $(mb "$large_bytes") | $(slower "factlint-j1-$large")$(fixed "$large_s" 3) | $(fixed "$size_ratio" 2) | $ratio | $per_ten_text | $result |"
done
echo
echo "### Peak memory (max RSS of the probe run; target: at most 2x the largest input file + 30 MB)"
echo
echo "| run | largest input MB | max RSS MB | limit MB | RSS / limit | verdict | parse only max RSS MB |"
echo "|---|---:|---:|---:|---:|---|---:|"
folder_limit=$(calc "2 * $LARGEST_FILE / 1000000 + 30")
for label in factlint-j1 factlint-j2; do
    echo "| factlint check corpus folder, ${label#factlint-} | $(mb "$LARGEST_FILE") | $(fixed "$(rss_mb "$label")" 1) | $(fixed "$folder_limit" 1) | $(fixed "$(calc "$(rss_mb "$label") / $folder_limit")" 2) | $(verdict "$(rss_mb "$label") <= $folder_limit") | $(fixed "$(rss_mb parse-only)" 1) |"
done
for input in corpus-all en-50mb de-50mb; do
    bytes=$(bytes_of "$GENERATED/$input.md")
    limit=$(calc "2 * $bytes / 1000000 + 30")
    label=factlint-j1-$input
    rss=$(rss_mb "$label")
    result=$(bounded_verdict "$label" "$rss <= $limit")
    if [ "${TIMED_OUT[$label]}" = 1 ] && [ "$result" != "unknown (timed out)" ]; then result="$result (peak before the timeout)"; fi
    echo "| factlint check $input.md | $(mb "$bytes") | $(fixed "$rss" 1) | $(fixed "$limit" 1) | $(fixed "$(calc "$rss / $limit")" 2) | $result | $(fixed "$(rss_mb "parse-only-$input")" 1) |"
done
echo
average=$(calc "${TIME[factlint-j1]} / $CORPUS_BYTES")
echo "### Pathological inputs (factlint -j1, one file each; target: at most 10x the average time per byte)"
echo
echo "Average: factlint -j1 over the corpus folder, $(fixed "$(calc "$average * 1000000000")" 1) ns per byte."
echo
echo "| input | MB | s | ns per byte | x average | verdict | max RSS MB | RSS limit MB | RSS verdict | note |"
echo "|---|---:|---:|---:|---:|---|---:|---:|---|---|"
for name in "${PATHOLOGICAL[@]}"; do
    label=pathological-$name
    bytes=$(bytes_of "$GENERATED/pathological/$name.md")
    per_byte=$(calc "${TIME[$label]} / $bytes")
    times=$(calc "$per_byte / $average")
    rss=$(rss_mb "$label")
    limit=$(calc "2 * $bytes / 1000000 + 30")
    result=$(bounded_verdict "$label" "$times <= 10")
    if [ -n "${NOTE[$label]}" ] && [ "${TIMED_OUT[$label]}" = 0 ] && [[ ${NOTE[$label]} == exit* ]]; then result="**failed**"; fi
    echo "| $name | $(mb "$bytes") | $(slower "$label")$(fixed "${TIME[$label]}" 3) | $(slower "$label")$(fixed "$(calc "$per_byte * 1000000000")" 1) | $(slower "$label")$(fixed "$times" 1) | $result | $(fixed "$rss" 1) | $(fixed "$limit" 1) | $(bounded_verdict "$label" "$rss <= $limit") | ${NOTE[$label]} |"
done
} | tee "$RESULTS/summary.md"
