#!/bin/sh
# Development report: run `summitry timex` over the TempEval-3 training set and print
# the official-style scores (strict/relaxed span F1, value and type F1).
# Usage: scripts/tempeval_report.sh [--errors N]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
TE=../shared/tempeval3
if [ ! -d "$TE" ]; then
    echo "tempeval_report: $TE not found (the TempEval-3 data lives outside the repository)" >&2
    exit 1
fi
cargo build --release --quiet
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
./target/release/summitry timex "$TE/train/input.jsonl" > "$OUT"
python3 "$TE/te3.py" score "$TE/train/gold.jsonl" "$OUT" "$@"
