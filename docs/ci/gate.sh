#!/usr/bin/env bash
# The CI regression gate in one script, used by the workflow in docs/ci.md and by its test.
#   gate.sh BASELINE_DIR OUT_DIR [bench run arguments...]
# Runs the benchmark into OUT_DIR; if BASELINE_DIR holds a results.json, compares against it
# (compare.md and compare.html go to OUT_DIR, and compare.md to the step summary).
# Exit: the run's failure (1), else the compare's code (1 regression, 2 unusable input), else 0.
set -uo pipefail
base=$1 out=$2
shift 2
bench=${BENCH:-npx bench}

$bench run "$@" --out "$out"
run=$?
if [ "$run" -ne 0 ]; then
  echo "gate: bench run failed (exit $run)" >&2
  exit "$run"
fi
if [ ! -f "$base/results.json" ]; then
  echo "gate: no baseline in $base; this run becomes the next baseline"
  exit 0
fi
$bench compare "$base" "$out" --out "$out" ${ARCHBENCH_THRESHOLD:+--threshold "$ARCHBENCH_THRESHOLD"}
gate=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/compare.md" ]; then
  cat "$out/compare.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit "$gate"
