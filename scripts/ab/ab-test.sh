#!/usr/bin/env bash
# make ab-test: make ab's scenario on a short schedule, judged. With a faulty canary (latency and 500s),
# the canary alerts must fire within the rules' `for:` plus two scrape intervals of the fault starting;
# with a healthy canary, no alert may fire at all. Prints PASS/FAIL per check, then "N passed, N failed";
# exits non-zero when a check failed or the scenario could not run (prometheus, wrk or nginx missing).
#
# Settings (environment): AB_TEST_DURATION (seconds of load per scenario, 30), AB_TEST_OUT (target/ab-test).
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$RJ_ROOT"

DURATION=${AB_TEST_DURATION:-30}
OUT=${AB_TEST_OUT:-target/ab-test}
SCRAPE_SECONDS=1
rm -rf "$OUT"
mkdir -p "$OUT"

passed=0
failed=0
check() {
  if [ "$2" = ok ]; then say "PASS $1"; passed=$((passed + 1)); else say "FAIL $1: $2"; failed=$((failed + 1)); fi
}

# The rules once, for both scenarios.
log "rendering the chart's rules with scripts/ab/values.yaml (make rules)"
make --no-print-directory -s rules RULES_VALUES=scripts/ab/values.yaml RULES_OUT="$OUT/rules.yml" >"$OUT/rules.log" 2>&1 \
  || { tail -n 20 "$OUT/rules.log" >&2; die "make rules failed; log above"; }
# The `for:` of an alert in the rendered rules, in seconds (the values file gives every one in s).
for_seconds() {
  awk -v name="$1" '$0 ~ "alert: " name "$" { found = 1 } found && /for:/ { sub(/.*for: */, ""); sub(/s$/, ""); print; exit }' \
    "$OUT/rules.yml"
}

scenario() {
  local name=$1; shift
  log "scenario: $name"
  env "$@" AB_DURATION="$DURATION" AB_SCRAPE_INTERVAL=${SCRAPE_SECONDS}s AB_RULES="$OUT/rules.yml" AB_OUT="$OUT/$name" \
    scripts/ab/ab.sh >"$OUT/$name.txt" 2>&1 || { cat "$OUT/$name.txt" >&2; die "the $name scenario did not run; output above"; }
  sed 's/^/    /' "$OUT/$name.txt" | grep -v '^    ==>' || true
}

scenario faulty AB_LATENCY=200ms AB_ERROR_RATE=0.1
for alert in JulietCanaryErrorRatioWorse JulietCanaryLatencyWorse; do
  bound=$(( $(for_seconds "$alert") + 2 * SCRAPE_SECONDS ))
  after=$(awk -F'\t' -v a="$alert" '$1 == a && $2 == "v2" { print $3 }' "$OUT/faulty/alerts.tsv")
  if [ -z "$after" ]; then
    check "$alert fires for the faulty canary v2" "it never fired in ${DURATION}s"
  elif awk -v t="$after" -v b="$bound" 'BEGIN { exit !(t <= b) }'; then
    check "$alert fires for the faulty canary v2 within for: + 2 scrapes (${after}s <= ${bound}s)" ok
  else
    check "$alert fires for the faulty canary v2 within for: + 2 scrapes" "it fired after ${after}s, bound ${bound}s"
  fi
done
grep -q '^roll back' "$OUT/faulty/verdict.txt" && check "the verdict on the faulty canary is roll back" ok \
  || check "the verdict on the faulty canary is roll back" "$(cat "$OUT/faulty/verdict.txt")"

scenario healthy AB_LATENCY=0s AB_ERROR_RATE=0
if [ -s "$OUT/healthy/alerts.tsv" ]; then
  check "no alert fires for a healthy canary" "$(cut -f1,2 "$OUT/healthy/alerts.tsv" | paste -sd' ' -)"
else
  check "no alert fires for a healthy canary in ${DURATION}s of load" ok
fi
grep -q '^promote' "$OUT/healthy/verdict.txt" && check "the verdict on the healthy canary is promote" ok \
  || check "the verdict on the healthy canary is promote" "$(cat "$OUT/healthy/verdict.txt")"

say "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
