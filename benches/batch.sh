#!/usr/bin/env bash
# Batch scoring benchmark (issue 4): 1,000,000 respondents x 36 items (3% of
# cells empty) for the built-in `close-relationships`, scored by the pandas
# baseline (/work/shared/bench/pandas_score.py, what a researcher would write)
# and by `attune score --format csv`; `attune stats` on the same file.
# Reports the median wall time of RUNS runs, the ratio to pandas and the peak
# resident memory (GNU time's "Maximum resident set size").
#
# usage: benches/batch.sh [ROWS] [RUNS]      (defaults: 1000000 5)
# env:   BENCH_DIR (default /tmp/attune-bench), VENV (default /tmp/bl)
#
# The machine is shared: compare the ratios, measured in one run, not seconds.
set -euo pipefail

ROWS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=/work/shared/bench
DIR=${BENCH_DIR:-/tmp/attune-bench}
VENV=${VENV:-/tmp/bl}
Q="$ROOT/questionnaires/close-relationships.toml"
mkdir -p "$DIR"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pandas, numpy' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pandas numpy
fi
(cd "$ROOT" && cargo build --release --quiet)
ATTUNE="$ROOT/target/release/attune"

CSV="$DIR/big-$ROWS.csv"
if [ ! -s "$CSV" ]; then
    echo "generating $CSV ..." >&2
    "$VENV/bin/python" "$BENCH/make_big_csv.py" "$Q" "$ROWS" "$CSV"
fi

# measure NAME CMD...: runs CMD RUNS times, appends "seconds kib" lines to $DIR/NAME.times
measure() {
    local name=$1; shift
    : > "$DIR/$name.times"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$DIR/$name.one" "$@" > /dev/null
        cat "$DIR/$name.one" >> "$DIR/$name.times"
    done
}

measure pandas "$VENV/bin/python" "$BENCH/pandas_score.py" "$Q" "$CSV" "$DIR/pandas-out.csv"
measure score "$ATTUNE" score -q close-relationships --format csv "$CSV" -o "$DIR/attune-out.csv"
measure stats "$ATTUNE" stats -q close-relationships --format json "$CSV" -o "$DIR/stats.json"

python3 - "$DIR" "$ROWS" "$RUNS" <<'PY'
import statistics, sys
d, rows, runs = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    t = [tuple(map(float, l.split())) for l in open(f"{d}/{name}.times") if l.strip()]
    return statistics.median(s for s, _ in t), max(k for _, k in t) / 1024, [s for s, _ in t]
pandas = load("pandas")
print(f"{rows} respondents x 36 items, median of {runs} runs")
print(f"{'':16}{'median s':>10}{'vs pandas':>11}{'peak RSS MiB':>14}  runs")
for name, label in [("pandas", "pandas"), ("score", "attune score"), ("stats", "attune stats")]:
    med, rss, all_ = load(name)
    print(f"{label:16}{med:10.3f}{pandas[0] / med:10.1f}x{rss:14.1f}  {' '.join(f'{s:.2f}' for s in all_)}")
PY

# The speed only counts if the numbers agree: every mean, percent and band of
# attune's CSV must match the pandas baseline's.
"$VENV/bin/python" - "$DIR/pandas-out.csv" "$DIR/attune-out.csv" <<'PY'
import sys
import numpy as np, pandas as pd
p, a = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
assert list(p["respondent"]) == list(a["respondent"]), "respondents differ"
worst = 0.0
for col in p.columns:
    if col.endswith(("_mean", "_percent")):
        x, y = p[col].to_numpy(), a[col].to_numpy()
        assert (np.isnan(x) == np.isnan(y)).all(), f"{col}: scored rows differ"
        ok = ~np.isnan(x)
        worst = max(worst, float(np.abs(x[ok] - y[ok]).max(initial=0)))
    elif col.endswith("_band"):
        assert (p[col].fillna("") == a[col].fillna("")).all(), f"{col}: bands differ"
assert worst < 1e-9, f"largest difference {worst}"
print(f"attune and pandas agree on every mean, percent and band (largest difference {worst:.1e})")
PY
