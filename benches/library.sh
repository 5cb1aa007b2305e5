#!/usr/bin/env bash
# How `resdiff library add` and `resdiff trace` scale: generated libraries of
# 2,000 and 20,000 UN-like documents (benches/gen_library.py), indexed from
# scratch, then a 60-clause draft traced against each.
#
# Usage: benches/library.sh [SIZES...]   (default: 2000 20000)
# Env:   BIN (default target/release/resdiff; build it first with
#        `cargo build --release`), WORK (default /tmp/resdiff-library-bench),
#        RUNS (traces timed per size, default 5).
# Prints one line per size: documents, clauses, text and index bytes,
# indexing seconds (wall and CPU) and documents a minute, and the median
# wall time of a trace.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$here/target/release/resdiff}
WORK=${WORK:-/tmp/resdiff-library-bench}
RUNS=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)
[ -x "$BIN" ] || { echo "no $BIN: run cargo build --release first" >&2; exit 2; }

printf '%-8s %9s %12s %12s %6s %9s %9s %10s %10s\n' docs clauses text_bytes index_bytes ratio add_wall add_cpu docs/min trace_ms
for n in "${sizes[@]}"; do
  dir=$WORK/$n
  [ -f "$dir/draft.txt" ] || python3 "$here/benches/gen_library.py" "$n" "$dir"
  lib=$dir/lib
  rm -rf "$lib"
  t0=$(date +%s.%N)
  # CPU time of the add: user + system, children included
  /usr/bin/time -f '%U %S' -o "$dir/add.time" "$BIN" library add "$dir/docs" --library "$lib" >/dev/null 2>&1
  cpu=$(awk '{print $1 + $2}' "$dir/add.time")
  t1=$(date +%s.%N)
  wall=$(awk "BEGIN {print $t1 - $t0}")
  text=$(find "$dir/docs" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  index=$(find "$lib" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  clauses=$("$BIN" library list --library "$lib" | awk -F'\t' '{split($4, a, " "); s += a[1]} END {print s}')
  times=()
  for _ in $(seq "$RUNS"); do
    s0=$(date +%s.%N)
    "$BIN" trace "$dir/draft.txt" --library "$lib" -f json -o "$dir/trace.json"
    s1=$(date +%s.%N)
    times+=("$(awk "BEGIN {print ($s1 - $s0) * 1000}")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  printf '%-8s %9s %12s %12s %6.2f %9.1f %9.1f %10.0f %10.0f\n' \
    "$n" "$clauses" "$text" "$index" "$(awk "BEGIN {print $index / $text}")" "$wall" "$cpu" \
    "$(awk "BEGIN {print $n * 60 / $wall}")" "$median"
done
