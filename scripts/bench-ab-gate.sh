#!/usr/bin/env bash
# bench ab's false alarms and detections, as a user's CI would see them: N comparisons of two
# identical builds (A/A) and N of a build whose every request costs PCT% more CPU (A/B),
# alternating A/A and A/B so machine drift hits both alike. The "builds" are the fixture
# service with a known CPU cost per request (test/fixtures/serve/busy-server.mjs): base burns
# BASE_US microseconds; head burns enough more that the whole request (busy work plus HTTP
# handling, measured first) costs PCT% more. Each comparison is a whole `bench ab` job; its
# exit code is the verdict (1 = regression). Extra arguments go to every `bench ab`.
# Usage: scripts/bench-ab-gate.sh [comparisons=20] [pct=10] [base_us=1000] [bench ab options...]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
PCT=${2:-10}
BASE_US=${3:-1000}
shift $(( $# < 3 ? $# : 3 ))
EXTRA=("$@")
node scripts/ensure-build.mjs

OUT=$(mktemp -d /tmp/archbench-abgate-XXXXXX)
SERVER="node $PWD/test/fixtures/serve/busy-server.mjs {port}"
SCENARIO=test/fixtures/serve/get-root.ts
cpu_ms() { node -e "const r=require('$1/results.json');const t=r.runs.filter(x=>x.target==='$2').map(x=>x.cpuMsPerRequest);t.sort((a,b)=>a-b);console.log(t[Math.floor(t.length/2)])"; }

# The whole request's CPU at BASE_US, from one A/A job (not counted), sets head's extra busy work.
node bin/bench.js ab "$SCENARIO" --base "BUSY_US=$BASE_US $SERVER" --head "BUSY_US=$BASE_US $SERVER" "${EXTRA[@]}" -o "$OUT/calibrate" >"$OUT/calibrate.log" 2>&1 || true
TOTAL_MS=$(cpu_ms "$OUT/calibrate" base)
HEAD_US=$(node -e "console.log(Math.round($BASE_US + $TOTAL_MS * 1000 * $PCT / 100))")
echo "base: ${BASE_US} us busy work, ${TOTAL_MS} ms CPU per request in all; head: ${HEAD_US} us (+${PCT}% of the whole request)"

aa_alarms=0 ab_hits=0 aa_other=0 ab_other=0
for i in $(seq 1 "$N"); do
  for kind in aa ab; do
    head_us=$BASE_US; [ "$kind" = ab ] && head_us=$HEAD_US
    set +e
    node bin/bench.js ab "$SCENARIO" --base "BUSY_US=$BASE_US $SERVER" --head "BUSY_US=$head_us $SERVER" "${EXTRA[@]}" -o "$OUT/$kind-$i" >"$OUT/$kind-$i.log" 2>&1
    code=$?
    set -e
    base_ms=$(cpu_ms "$OUT/$kind-$i" base 2>/dev/null || echo '?')
    head_ms=$(cpu_ms "$OUT/$kind-$i" head 2>/dev/null || echo '?')
    echo "$kind #$i: exit $code (CPU ms/req base $base_ms, head $head_ms)"
    case "$kind:$code" in
      aa:1) aa_alarms=$((aa_alarms + 1)) ;;
      ab:1) ab_hits=$((ab_hits + 1)) ;;
      aa:0|ab:0) ;;
      aa:*) aa_other=$((aa_other + 1)) ;;
      ab:*) ab_other=$((ab_other + 1)) ;;
    esac
  done
done
echo "A/A: $aa_alarms false alarms in $N; A/B (+${PCT}% CPU): $ab_hits detections in $N; other exits: $aa_other A/A, $ab_other A/B"
echo "run folders: $OUT"
