#!/usr/bin/env bash
# make ab: the A/B verdict rehearsed on this machine with real parts. Starts Juliet v1 (stable) and a
# Juliet v2 (canary) with injected faults, one Romeo in front of each, nginx splitting the calls between
# the two Romeos by weight (as the Ingress's weight rule does), and Prometheus scraping all four and
# evaluating the chart's own rules (`make rules` with scripts/ab/values.yaml). wrk calls through the
# edge; then it prints each variant's rate, error ratio and p99 as Prometheus computed them, the alerts
# that fired and how long after the fault started, the verdict, and plots both variants over time.
# It stops everything it started, on Ctrl+C too.
#
# Settings (environment; make ab passes the AB_* variables): AB_LATENCY (canary's injected latency,
# 200ms), AB_ERROR_RATE (canary's share of 500s, 0.1), AB_CANARY_PERCENT (20), AB_DURATION (seconds
# of load, 60), AB_CONNECTIONS (16), AB_PAUSE_MS (pause between one connection's calls, 5),
# AB_SCRAPE_INTERVAL (1s), AB_WARMUP (seconds of calls before Prometheus starts, 5), AB_OUT
# (target/ab), AB_RULES (a rendered rules file to use instead of running make rules), ports AB_JULIET_STABLE_PORT, AB_JULIET_CANARY_PORT, AB_ROMEO_STABLE_PORT,
# AB_ROMEO_CANARY_PORT, AB_EDGE_PORT, AB_PROMETHEUS_PORT (empty: a free port each).
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$RJ_ROOT"

HERE=scripts/ab
STABLE=v1
CANARY=v2
LATENCY=${AB_LATENCY:-200ms}
ERROR_RATE=${AB_ERROR_RATE:-0.1}
CANARY_PERCENT=${AB_CANARY_PERCENT:-20}
DURATION=${AB_DURATION:-60}
CONNECTIONS=${AB_CONNECTIONS:-16}
SCRAPE_INTERVAL=${AB_SCRAPE_INTERVAL:-1s}
OUT=${AB_OUT:-target/ab}
WARMUP=${AB_WARMUP:-5}

# ---- bad input: said in one line, before anything starts ----
require_tools "Debian: apt-get install prometheus wrk nginx-light curl; macOS: brew install prometheus wrk nginx" \
  prometheus wrk nginx curl java python3
case "$CANARY_PERCENT" in ''|*[!0-9]*) die "AB_CANARY_PERCENT must be a whole number from 1 to 99 (got '$CANARY_PERCENT')" ;; esac
[ "$CANARY_PERCENT" -ge 1 ] && [ "$CANARY_PERCENT" -le 99 ] \
  || die "AB_CANARY_PERCENT must be a whole number from 1 to 99 (got '$CANARY_PERCENT')"
case "$DURATION$WARMUP" in ''|*[!0-9]*) die "AB_DURATION and AB_WARMUP must be whole seconds (got '$DURATION', '$WARMUP')" ;; esac
case "$SCRAPE_INTERVAL" in [1-9]s|[1-9][0-9]s) ;; *) die "AB_SCRAPE_INTERVAL must be whole seconds like 1s (got '$SCRAPE_INTERVAL')" ;; esac
scrape_seconds=${SCRAPE_INTERVAL%s}

# A port given is checked; an empty one gets a free port. Each of the six is distinct.
chosen=" "
for name in AB_JULIET_STABLE_PORT AB_JULIET_CANARY_PORT AB_ROMEO_STABLE_PORT AB_ROMEO_CANARY_PORT AB_EDGE_PORT \
            AB_PROMETHEUS_PORT; do
  eval "port=\${$name:-}"
  if [ -z "$port" ]; then
    port=$(free_port)
    while case "$chosen" in *" $port "*) true ;; *) false ;; esac; do port=$(free_port); done
  else
    case "$port" in *[!0-9]*) die "$name must be a port number (got '$port')" ;; esac
    case "$chosen" in *" $port "*) die "port $port ($name) is given twice; each part needs its own" ;; esac
    port_taken "$port" && die "port $port ($name) is in use; pick another or leave $name empty for a free one"
  fi
  chosen="$chosen$port "
  eval "$name=\$port"
done
juliet_stable_port=$AB_JULIET_STABLE_PORT
juliet_canary_port=$AB_JULIET_CANARY_PORT
romeo_stable_port=$AB_ROMEO_STABLE_PORT
romeo_canary_port=$AB_ROMEO_CANARY_PORT
edge_port=$AB_EDGE_PORT
prometheus_port=$AB_PROMETHEUS_PORT

rm -rf "$OUT"
mkdir -p "$OUT/edge"
OUT=$(cd "$OUT" && pwd)
# Said relative to the checkout when it is inside it, as the docs quote it.
OUT_SHOWN=${OUT#"$RJ_ROOT"/}
prometheus=http://127.0.0.1:$prometheus_port
# Seconds since the epoch to the millisecond (bash 3.2 has no EPOCHREALTIME, date no %N on macOS).
epoch_seconds() { python3 -c 'import time; print("%.3f" % time.time())'; }

# ---- everything started is stopped on the way out, however the script ends ----
started=""
stop_all() {
  local pid waited
  trap - EXIT INT TERM
  for pid in $started; do kill "$pid" 2>/dev/null || true; done
  for pid in $started; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 50 ]; do sleep 0.2; waited=$((waited + 1)); done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# ---- the parts ----
if [ ! -f juliet/target/quarkus-app/quarkus-run.jar ] || [ ! -f romeo/target/quarkus-app/quarkus-run.jar ]; then
  log "packaging both services"
  ./mvnw -B -ntp -q package -DskipTests -pl juliet,romeo -am
fi
rules=$OUT/rules.yml
if [ -n "${AB_RULES:-}" ]; then
  cp "$AB_RULES" "$rules"
else
  log "rendering the chart's rules with $HERE/values.yaml (make rules)"
  make --no-print-directory -s rules RULES_VALUES="$HERE/values.yaml" RULES_OUT="$rules" >"$OUT/rules.log" 2>&1 \
    || { tail -n 20 "$OUT/rules.log" >&2; die "make rules failed; log above"; }
fi

# A packaged service started the way make run starts it, from its own folder, its log in OUT.
start_service() {
  local name=$1 service=$2 port=$3 app; shift 3
  app=$RJ_ROOT/$service/target/quarkus-app
  # shellcheck disable=SC2046 # the command is a word list
  (cd "$app" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_SHUTDOWN_DELAY=0s "$@" $(jvm_command "$app")) \
    >"$OUT/$name.log" 2>&1 </dev/null &
  started="$started $!"
}
await_ready() {
  local name=$1 url=$2 waited=0
  # Each probe has its own time limit, so a wedged service cannot hang the run.
  until curl -fs --max-time 2 -o /dev/null "$url"; do
    [ "$waited" -ge 600 ] && { tail -n 20 "$OUT/$name.log" >&2; die "$name was not ready within 120 s; log above"; }
    sleep 0.2; waited=$((waited + 1))
  done
}

log "starting Juliet $STABLE (stable), Juliet $CANARY (canary: +$LATENCY, $ERROR_RATE of greetings 500), a Romeo for each"
start_service juliet-$STABLE juliet "$juliet_stable_port" JULIET_VERSION=$STABLE
start_service juliet-$CANARY juliet "$juliet_canary_port" JULIET_VERSION=$CANARY \
  JULIET_FAULT_LATENCY="$LATENCY" JULIET_FAULT_ERROR_RATE="$ERROR_RATE"
start_service romeo-$STABLE romeo "$romeo_stable_port" ROMEO_JULIET_VERSIONS=$STABLE,$CANARY \
  QUARKUS_REST_CLIENT_JULIET_URL="http://127.0.0.1:$juliet_stable_port"
start_service romeo-$CANARY romeo "$romeo_canary_port" ROMEO_JULIET_VERSIONS=$STABLE,$CANARY \
  QUARKUS_REST_CLIENT_JULIET_URL="http://127.0.0.1:$juliet_canary_port"

fill() {
  sed -e "s|@DIR@|$OUT/edge|g" -e "s|@RULES@|$rules|g" -e "s|@STABLE@|$STABLE|g" -e "s|@CANARY@|$CANARY|g" \
      -e "s|@SCRAPE_INTERVAL@|$SCRAPE_INTERVAL|g" -e "s|@EVALUATION_INTERVAL@|$((scrape_seconds * 250))ms|g" \
      -e "s|@JULIET_STABLE_PORT@|$juliet_stable_port|g" -e "s|@JULIET_CANARY_PORT@|$juliet_canary_port|g" \
      -e "s|@ROMEO_STABLE_PORT@|$romeo_stable_port|g" -e "s|@ROMEO_CANARY_PORT@|$romeo_canary_port|g" \
      -e "s|@EDGE_PORT@|$edge_port|g" -e "s|@STABLE_WEIGHT@|$((100 - CANARY_PERCENT))|g" \
      -e "s|@CANARY_WEIGHT@|$CANARY_PERCENT|g" "$1"
}
# Rules are evaluated four times per scrape, so an alert's `for:` starts soon after the scrape that shows the fault.
fill "$HERE/prometheus.yml" >"$OUT/prometheus.yml"
fill "$HERE/edge.conf" >"$OUT/edge/nginx.conf"
(exec nginx -p "$OUT/edge/" -c "$OUT/edge/nginx.conf" -e "$OUT/edge/error.log") >"$OUT/edge.log" 2>&1 </dev/null &
started="$started $!"
await_ready juliet-$STABLE "http://127.0.0.1:$juliet_stable_port/q/health/ready"
await_ready juliet-$CANARY "http://127.0.0.1:$juliet_canary_port/q/health/ready"
await_ready romeo-$STABLE "http://127.0.0.1:$romeo_stable_port/q/health/ready"
await_ready romeo-$CANARY "http://127.0.0.1:$romeo_canary_port/q/health/ready"
# Both paths warmed before Prometheus starts (what they count before its first scrape is no increase to
# it): the clock below then starts when the canary's faults reach it at speed, not with a cold JIT.
if [ "$WARMUP" -gt 0 ]; then
  log "warming both paths for ${WARMUP}s"
  AB_PAUSE_MS=${AB_PAUSE_MS:-5} wrk -t1 -c4 -d"${WARMUP}s" -s "$HERE/load.lua" "http://127.0.0.1:$edge_port/call-juliet" \
    >"$OUT/warmup.txt" 2>&1 </dev/null || die "wrk could not warm the services up; see $OUT/warmup.txt"
fi
(exec prometheus --config.file="$OUT/prometheus.yml" --storage.tsdb.path="$OUT/prometheus-data" \
  --web.listen-address="127.0.0.1:$prometheus_port" --log.level=warn) >"$OUT/prometheus.log" 2>&1 </dev/null &
started="$started $!"

await_ready prometheus "$prometheus/-/ready"
# Every target up, then two more scrapes, so each series has its zero on record before the first call.
waited=0
until [ "$("$HERE/promq.py" "$prometheus" up)" = 4 ]; do
  [ "$waited" -ge 300 ] && die "Prometheus did not see all four targets up within 60 s; see $OUT/prometheus.log"
  sleep 0.2; waited=$((waited + 1))
done
sleep $((2 * scrape_seconds))

# ---- the load, and the alerts as they fire ----
log "calling through the edge for ${DURATION}s: $((100 - CANARY_PERCENT))% to $STABLE, $CANARY_PERCENT% to $CANARY"
fault_started=$(epoch_seconds)
AB_PAUSE_MS=${AB_PAUSE_MS:-5} wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$HERE/load.lua" \
  "http://127.0.0.1:$edge_port/call-juliet" >"$OUT/wrk.txt" 2>&1 </dev/null &
load=$!
started="$started $load"
: >"$OUT/alerts-seen.tsv"
while kill -0 "$load" 2>/dev/null; do
  "$HERE/promq.py" "$prometheus" alerts >>"$OUT/alerts-seen.tsv" || true
  sleep 1
done
wait "$load" || die "wrk failed; see $OUT/wrk.txt"
load_ended=$(epoch_seconds)
"$HERE/promq.py" "$prometheus" alerts >>"$OUT/alerts-seen.tsv"

# Each alert once, with the first time it fired, in seconds after the load (and so the fault) started.
awk -F'\t' -v t0="$fault_started" '$3 == "firing" && !(($1 FS $2) in first) { first[$1 FS $2] = $4 }
  END { for (alert in first) printf "%s\t%.1f\n", alert, first[alert] - t0 }' "$OUT/alerts-seen.tsv" \
  | sort >"$OUT/alerts.tsv"

# ---- what Prometheus made of it ----
# The recording rules as they stood when the load ended, per variant.
figure() { "$HERE/promq.py" "$prometheus" value "$1" "$load_ended" | awk -F'\t' -v v="$2" '$1 == v { print $2 }'; }
{
  printf '%-8s %-14s %12s %12s %9s\n' "variant" "measured by" "rate (/s)" "error ratio" "p99 (s)"
  for version in $STABLE $CANARY; do
    printf '%-8s %-14s %12s %12s %9s\n' "$version" "Juliet" "$(figure version:juliet_greetings:rate "$version")" \
      "$(figure version:juliet_greetings_errors:ratio "$version")" "$(figure version:juliet_greeting_seconds:p99 "$version")"
    printf '%-8s %-14s %12s %12s %9s\n' "$version" "Romeo's calls" "$(figure version:romeo_juliet_calls:rate "$version")" \
      "$(figure version:romeo_juliet_calls_errors:ratio "$version")" "$(figure version:romeo_juliet_calls_seconds:p99 "$version")"
  done
} >"$OUT/figures.txt"

canary_alerts=$(awk -F'\t' -v c="$CANARY" '$2 == c || $1 ~ /^JulietCanary/' "$OUT/alerts.tsv")
if [ -n "$canary_alerts" ]; then
  verdict="roll back: canary $CANARY fired $(echo "$canary_alerts" | cut -f1 | sort -u | paste -sd, - | sed 's/,/, /g')"
else
  verdict="promote: no alert fired for canary $CANARY in ${DURATION}s of load"
fi
echo "$verdict" >"$OUT/verdict.txt"

say ""
say "Canary $CANARY: +$LATENCY, $ERROR_RATE of greetings answered 500; $CANARY_PERCENT% of the calls; ${DURATION}s of load"
say "As Prometheus computed them (recording rules over the last $(sed -n 's/.*rate(juliet_greeting_seconds_count\[\([^]]*\)\]).*/\1/p' "$rules" | head -n 1)):"
sed 's/^/  /' "$OUT/figures.txt"
if [ -s "$OUT/alerts.tsv" ]; then
  say "Alerts fired (seconds after the fault started):"
  awk -F'\t' '{ printf "  %-28s version=%-4s %5ss\n", $1, $2, $3 }' "$OUT/alerts.tsv"
else
  say "Alerts fired: none"
fi
say "Verdict: $verdict"

# ---- the two variants over time ----
over_time() {
  "$HERE/promq.py" "$prometheus" range "$1" "$fault_started" "$load_ended" "$scrape_seconds" $STABLE $CANARY >"$OUT/$2.tsv"
}
over_time version:juliet_greetings:rate rate
over_time version:juliet_greetings_errors:ratio errors
over_time version:juliet_greeting_seconds:p99 p99
if command -v gnuplot >/dev/null 2>&1; then
  (cd "$OUT" && gnuplot -e "stable='$STABLE'; canary='$CANARY'" "$RJ_ROOT/$HERE/plot.gp" 2>gnuplot.log) \
    && say "Plot: $OUT_SHOWN/ab.png"
else
  say "(no gnuplot: apt-get install gnuplot-nox, or brew install gnuplot, draws $OUT_SHOWN/ab.png)"
fi
say "Logs, figures and the rules used: $OUT_SHOWN"
