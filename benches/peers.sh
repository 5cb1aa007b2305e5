#!/usr/bin/env bash
# resdiff against the tools people use today, on the generated UN-like pairs
# of ../shared/bench (small 6 KB, medium 50 KB, large 300 KB, huge 5 MB), in
# one run on this machine: wall time (hyperfine), peak memory, and how well
# resdiff finds the recorded edits (F1 over clause links). Prints Markdown.
#
#   benches/peers.sh [SIZE ...]        default: small medium large huge
#
# The second table is the speed target as ratios (see 1b below).
#
# Needs python3 and hyperfine (apt-get install hyperfine). The peers are those
# of ../shared/bench/peers.sh (git word diffs, diff -u, wdiff, dwdiff, Python
# difflib and diff-match-patch), each timed when installed; CAP (default 30)
# bounds a peer's probe run in seconds. CORPUS (default /tmp/resdiff-corpus) holds the
# generated pairs; they are made with ../shared/bench/gen_corpus.py if missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="${SHARED:-$root/../shared}"
corpus="${CORPUS:-/tmp/resdiff-corpus}"
runs="${RUNS:-10}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(small medium large huge)

command -v hyperfine >/dev/null || { echo "peers.sh: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "peers.sh: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
for s in "${sizes[@]}"; do
  if [ ! -f "$corpus/$s/truth.json" ]; then
    python3 "$shared/bench/gen_corpus.py" --out "$corpus" --sizes "$s" >&2
  fi
done
# the binary people install: the dist profile (fat LTO, one codegen unit)
(cd "$root" && cargo build --profile dist --quiet)
bin="${CARGO_TARGET_DIR:-$root/target}/dist/resdiff"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# median seconds of a command (hyperfine; exit status 1 means "differences"):
# the median, as a few runs slowed by the machine pull a mean of ten far up
median() {
  hyperfine -N -i --warmup 1 --runs "${RUNS:-$runs}" --export-json "$tmp/h.json" "$1" >/dev/null 2>&1
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/h.json"
}
peak() { /usr/bin/time -f '%M' -o "$tmp/rss" sh -c "$1 > /dev/null" 2>/dev/null || true; tail -n 1 "$tmp/rss"; }

# 1. Wall time of every tool on every size: resdiff, then the peers exactly as
#    ../shared/bench/peers.sh lists them. A slow peer is probed once under
#    `timeout $CAP` first; one that does not finish is reported as "> CAP s".
cap="${CAP:-30}"
declare -A rtime cell
peers=()
for s in "${sizes[@]}"; do
  old="$corpus/$s/old.txt"; new="$corpus/$s/new.txt"
  rtime[$s]=$(median "$bin compare $old $new --format json")
  cell[resdiff,$s]=${rtime[$s]}
  while IFS=$'\t' read -r size peer cmd; do
    [[ " ${peers[*]} " == *" $peer "* ]] || peers+=("$peer")
    start=$(date +%s.%N)
    if ! timeout "$cap" sh -c "$cmd > /dev/null 2>&1; true"; then
      cell[$peer,$size]="> $cap s"; continue
    fi
    took=$(python3 -c "import time; print(time.time() - $start)")
    n=$runs
    python3 -c "import sys; sys.exit(0 if $took > 2 else 1)" && n=3
    cell[$peer,$size]=$(RUNS=$n median "$cmd")
  done < <(CORPUS="$corpus" bash "$shared/bench/peers.sh" list "$s" 2>/dev/null)
done
fmt() { case "$1" in ">"*) echo "$1" ;; "") echo "–" ;; *) python3 -c "v=$1; print(f'{v*1000:.1f} ms' if v < 1 else f'{v:.2f} s')" ;; esac; }
header="| tool |"; rule="| --- |"
for s in "${sizes[@]}"; do header+=" $s |"; rule+=" ---: |"; done
echo "$header"; echo "$rule"
for peer in resdiff "${peers[@]}"; do
  name=$peer; [ "$peer" = resdiff ] && name="**resdiff compare --format json**"
  row="| $name |"
  for s in "${sizes[@]}"; do row+=" $(fmt "${cell[$peer,$s]:-}") |"; done
  echo "$row"
done
echo

# 1b. The speed target as ratios: resdiff against the command the target
#     names, `git diff --no-index --word-diff=porcelain` (git's default
#     algorithm), and against its histogram variant above. Timed in ROUNDS
#     rounds (default 10) of RUNS runs of each command in turn, so that a
#     machine that slows down or speeds up during the run weighs on all
#     three alike; medians over all rounds.
rounds="${ROUNDS:-10}"
echo "| size | resdiff | git porcelain | git porcelain, histogram | resdiff / porcelain | resdiff / histogram |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for s in "${sizes[@]}"; do
  old="$corpus/$s/old.txt"; new="$corpus/$s/new.txt"
  git_cmd="git --no-pager diff --no-index --no-color --no-ext-diff --word-diff=porcelain"
  n=$runs; [ "$s" = huge ] && n=$(( (runs + 1) / 2 ))
  for r in $(seq "$rounds"); do
    hyperfine -N -i --warmup 1 --runs "$n" --export-json "$tmp/r$r.json" \
      "$bin compare $old $new --format json" "$git_cmd $old $new" \
      "$git_cmd --diff-algorithm=histogram $old $new" >/dev/null 2>&1
  done
  python3 - "$s" "$tmp" "$rounds" <<'PY'
import json, statistics, sys
size, tmp, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = [[], [], []]
for r in range(1, rounds + 1):
    for k, res in enumerate(json.load(open(f"{tmp}/r{r}.json"))["results"]):
        times[k] += res["times"]
m = [statistics.median(t) * 1000 for t in times]
print(f"| {size} | {m[0]:.2f} ms | {m[1]:.2f} ms | {m[2]:.2f} ms | {m[0] / m[1]:.2f} | {m[0] / m[2]:.2f} |")
PY
done
echo

# 2. What resdiff costs in memory and how well it finds the recorded edits.
echo "| size | input (old+new) | resdiff peak RSS | RSS / input | F1 (clause links) | renumbered reported |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for s in "${sizes[@]}"; do
  old="$corpus/$s/old.txt"; new="$corpus/$s/new.txt"
  bytes=$(( $(stat -c %s "$old") + $(stat -c %s "$new") ))
  rss=$(peak "$bin compare $old $new --format json")
  "$bin" compare "$old" "$new" --format json > "$tmp/out.json" || true
  read -r f1 renum < <(python3 - "$tmp/out.json" "$corpus/$s/truth.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1])); truth = json.load(open(sys.argv[2]))
def substantive(c):
    return c["kind"] != "unchanged" or c["moved"] or any(substantive(k) for k in c["children"])
pred = set()
touched = set()
for c in out["changes"]:
    if not substantive(c):
        continue
    for o in c["old"] or [None]:
        touched.add(o)
        for n in c["new"] or [None]:
            pred.add((o, n))
gold = set()
for a in truth["alignment"]:
    if a["edit"] != "unchanged":
        for n in a["new"] or [None]:
            gold.add((a["old"], n))
for n in truth["edits"]["inserted"]:
    gold.add((None, n))
tp = len(pred & gold)
p = tp / len(pred) if pred else 0.0
r = tp / len(gold) if gold else 1.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
renumbered = sum(1 for a in truth["alignment"] if a["edit"] == "unchanged" and a["new"] and a["new"][0] != a["old"] and a["old"] in touched)
print(f"{f1:.3f} {renumbered}")
PY
)
  echo "| $s | $(python3 -c "print(f'{$bytes/1e6:.2f} MB')") | $(python3 -c "print(f'{$rss/1024:.1f} MiB')") | $(python3 -c "print(f'{$rss*1024/$bytes:.1f}')") | $f1 | $renum |"
done
if [ -n "${rtime[large]:-}" ] && [ -n "${rtime[huge]:-}" ]; then
  python3 -c "print(f'\nhuge/large time ratio: {${rtime[huge]}/${rtime[large]}:.1f} (input ratio 16.7)')"
fi

# a session's worth: 300 pairs of small drafts, compared as a batch
mkdir -p "$tmp/batch/old" "$tmp/batch/new"
python3 - "$shared/bench" "$tmp/batch" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import gen_corpus as g
for k in range(300):
    old, new, _ = g.make_pair("small", *g.SIZES["small"], seed=1000 + k)
    open(f"{sys.argv[2]}/old/doc{k:03}.txt", "w").write(old)
    open(f"{sys.argv[2]}/new/doc{k:03}.txt", "w").write(new)
PY
b=$(median "$bin batch $tmp/batch/old $tmp/batch/new --format json")
python3 -c "print(f'batch of 300 pairs: {$b:.2f} s')"
echo "typical real pair (A/RES/ES-11/1 vs /4): $(python3 -c "print(f'{$(median "$bin compare $root/resolutions/A-RES-ES-11-1.txt $root/resolutions/A-RES-ES-11-4.txt --format json")*1000:.1f} ms')")"
