#!/usr/bin/env bash
# make soak: Romeo -> Juliet under steady wrk load while Juliet is hurt on a schedule: killed and
# restarted, frozen and thawed, slowed, erroring, then healthy again. Each phase reports Romeo's
# answers by status, the slowest answer, the requests that got no answer at all (the one figure
# that must stay 0: Romeo's deadline answers every call), and both processes' memory at its start
# and end, so a leak shows. Figures for docs/reliability.md, not a pass/fail test; the exit code
# says whether every request got an answer.
#
# Settings (environment): SOAK_PHASE_SECONDS (30), SOAK_CONNECTIONS (16), SOAK_SLOW_LATENCY (300ms),
# SOAK_ERROR_RATE (0.3), SOAK_OUT (target/soak).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

PHASE=${SOAK_PHASE_SECONDS:-30}
CONNECTIONS=${SOAK_CONNECTIONS:-16}
SLOW_LATENCY=${SOAK_SLOW_LATENCY:-300ms}
ERROR_RATE=${SOAK_ERROR_RATE:-0.3}
OUT=${SOAK_OUT:-target/soak}

require_tools "Debian: apt-get install wrk" wrk
[ "$PHASE" -ge 6 ] || die "SOAK_PHASE_SECONDS must be 6 or more (got $PHASE)"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
report=$OUT/results.md

juliet_app=$RJ_ROOT/juliet/target/quarkus-app
romeo_app=$RJ_ROOT/romeo/target/quarkus-app
if [ ! -f "$juliet_app/quarkus-run.jar" ] || [ ! -f "$romeo_app/quarkus-run.jar" ]; then
  log "packaging both services"
  ./mvnw -B -ntp -q package -DskipTests -pl juliet,romeo -am
fi

juliet_port=$(free_port)
romeo_port=$(free_port)
juliet_pid=
romeo_pid=

# Juliet with the given environment (faults), on the same port each time, as a pod replaced
# behind its Service would be; waits until she is ready.
start_juliet() {
  # shellcheck disable=SC2046 # the command is a word list
  (cd "$juliet_app" && exec env QUARKUS_HTTP_PORT="$juliet_port" QUARKUS_SHUTDOWN_DELAY=0s "$@" \
    $(jvm_command "$juliet_app")) >>"$OUT/juliet.log" 2>&1 &
  juliet_pid=$!
  await_ready "$juliet_port" "$juliet_pid" juliet
}
stop_juliet() {
  kill "$juliet_pid" 2>/dev/null || true
  wait "$juliet_pid" 2>/dev/null || true
}
await_ready() {
  local port=$1 pid=$2 name=$3
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited; see $OUT/$name.log"
    sleep 0.2
  done
  die "$name was not ready within 60 s; see $OUT/$name.log"
}
cleanup() {
  kill -CONT "$juliet_pid" 2>/dev/null || true
  kill "$juliet_pid" "$romeo_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' /proc/"$1"/status 2>/dev/null || echo "-"; }

: >"$OUT/juliet.log"
start_juliet
# shellcheck disable=SC2046 # the command is a word list
(cd "$romeo_app" && exec env QUARKUS_HTTP_PORT="$romeo_port" \
  QUARKUS_REST_CLIENT_JULIET_URL="http://localhost:$juliet_port" $(jvm_command "$romeo_app")) >"$OUT/romeo.log" 2>&1 &
romeo_pid=$!
await_ready "$romeo_port" "$romeo_pid" romeo

# One phase: PHASE seconds of load; the fault (a function) starts a third of the way in and its
# remedy runs at two thirds, so each phase shows the harm and the recovery.
phase() {
  local name=$1 fault=$2 remedy=$3
  log "phase $name (${PHASE}s)"
  local romeo_rss_before juliet_rss_before
  romeo_rss_before=$(rss "$romeo_pid"); juliet_rss_before=$(rss "$juliet_pid")
  wrk -t2 -c"$CONNECTIONS" -d"${PHASE}s" --timeout 5s -s scripts/soak.lua \
    "http://127.0.0.1:$romeo_port/call-juliet" >"$OUT/wrk-$name.txt" &
  local load=$!
  sleep $(( PHASE / 3 )); $fault
  sleep $(( PHASE / 3 )); $remedy
  wait "$load"
  local file=$OUT/wrk-$name.txt
  count() { awk -v s="$1" '$1 == "status" && $2 == s {print $3}' "$file"; }
  local other
  other=$(awk '$1 == "status" && $2 !~ /^(200|502|503|504)$/ {n += $3} END {print n + 0}' "$file")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s -> %s | %s -> %s |\n' "$name" \
    "$(awk '$1 == "requests" {print $2}' "$file")" "$(count 200)" "$(count 502)" "$(count 503)" "$(count 504)" \
    "$other" "$(awk '$1 == "no_answer" {print $2}' "$file")" "$(awk '$1 == "max_ms" {print $2}' "$file")" \
    "$romeo_rss_before" "$(rss "$romeo_pid")" "$juliet_rss_before" "$(rss "$juliet_pid")" >>"$report"
}

nothing() { :; }
kill_juliet() { kill -9 "$juliet_pid"; wait "$juliet_pid" 2>/dev/null || true; }
restart_juliet() { start_juliet; }
freeze_juliet() { kill -STOP "$juliet_pid"; }
thaw_juliet() { kill -CONT "$juliet_pid"; }
slow_juliet() { stop_juliet; start_juliet JULIET_FAULT_LATENCY="$SLOW_LATENCY"; }
failing_juliet() { stop_juliet; start_juliet JULIET_FAULT_ERROR_RATE="$ERROR_RATE"; }
healthy_juliet() { stop_juliet; start_juliet; }

{
  say "# romeo-juliet soak, $(date -u '+%Y-%m-%d %H:%M UTC')"
  say
  say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"). Load: wrk -t2 -c$CONNECTIONS on Romeo's \`/call-juliet\`, ${PHASE} s a phase; each fault starts a third of the way in and ends at two thirds (the restarts included). JVM, production settings."
  say
  say "| phase | requests | 200 | 502 | 503 | 504 | other | no answer | max ms | Romeo RSS MiB | Juliet RSS MiB |"
  say "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$report"

phase steady nothing nothing
phase killed-and-restarted kill_juliet restart_juliet
phase frozen-and-thawed freeze_juliet thaw_juliet
phase slowed-by-$SLOW_LATENCY slow_juliet healthy_juliet
phase erroring-$ERROR_RATE failing_juliet healthy_juliet
phase recovered nothing nothing

unanswered=$(awk -F'|' 'NR > 4 {n += $9} END {print n + 0}' "$report")
{
  say
  say "Requests that got no answer in all phases: $unanswered (must be 0)."
} >>"$report"
cat "$report"
say
say "Report: $report"
[ "$unanswered" -eq 0 ]
