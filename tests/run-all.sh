#!/usr/bin/env bash
# `npm test`: make sure there is a Chromium (find one, else install one where it can, else stop at once with one
# line saying what to install: tests/support/chromium/ensure.ts), build the extension, run the unit tests (Vitest)
# and the end-to-end tests (Playwright + Chromium), then print one summary line: `N passed, N failed, N skipped`
# (tests/support/summarize.ts).
# Every step runs even if an earlier one fails (except e2e, which needs a build); the exit code is non-zero
# if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=tests/.reports
mkdir -p "$REPORTS"
# Stale reports must never stand in for a run that crashed.
rm -f "$REPORTS/unit.json" "$REPORTS/e2e.json"

echo "== browser (Chromium for the end-to-end tests) =="
# No browser and no way to get one: every end-to-end test would fail, so stop here, the one line last.
npx tsx tests/support/chromium/ensure.ts || exit 1

echo
echo "== build (wxt build) =="
build_exit=0
npx wxt build || build_exit=$?

echo
echo "== unit tests (vitest) =="
unit_exit=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json" || unit_exit=$?

echo
echo "== end-to-end tests (playwright) =="
e2e_exit=0
if [ "$build_exit" -eq 0 ]; then
  npx playwright test || e2e_exit=$?
else
  echo "skipped: the build failed (exit code $build_exit)"
  e2e_exit=1
fi

echo
echo "== typecheck (tsc --noEmit) =="
tsc_exit=0
npx tsc --noEmit || tsc_exit=$?

echo
echo "== firefox store check (build MV3 + web-ext lint) =="
ff_exit=0
npx tsx tests/support/firefox-lint.ts || ff_exit=$?

# The accuracy evals are fast and need the shared corpora, which CI has beside the clone.
CORPORA=../shared/corpora
# eval:fp is held to its target (1 per 100,000 words, met since the health-page rule); coverage, whose
# target (0.90) is not met, to a regression floor under the measured 0.796 (see README "Accuracy"):
FP_MAX_PER_100K=1
COVERAGE_FLOOR=0.78
checks=(--check "typecheck=$tsc_exit" --check "firefox-lint=$ff_exit")
if [ -d "$CORPORA" ]; then
  echo
  echo "== accuracy evals (shared corpora) =="
  # eval: precision and recall against hand labels (targets met). eval:fp and eval:coverage miss
  # their targets today (reported in their last lines); here they guard against regressions: every
  # highlight judged, and no worse than the figures in the README.
  for run in "eval" "eval:fp --max $FP_MAX_PER_100K" "eval:coverage --floor $COVERAGE_FLOOR"; do
    name=${run%% *}
    extra=${run#"$name"}
    code=0
    # shellcheck disable=SC2086 # $extra holds the options, split on purpose
    npm run --silent "$name" -- "$CORPORA" $extra > "$REPORTS/$name.log" 2>&1 || code=$?
    tail -n 1 "$REPORTS/$name.log"
    checks+=(--check "$name=$code")
  done
else
  echo "(no $CORPORA: accuracy evals skipped)"
fi

exec npx tsx tests/support/summarize.ts "${checks[@]}" \
  --unit "$REPORTS/unit.json" --e2e "$REPORTS/e2e.json" \
  --build-exit "$build_exit" --unit-exit "$unit_exit" --e2e-exit "$e2e_exit"
