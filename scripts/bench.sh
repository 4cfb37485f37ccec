#!/usr/bin/env bash
# make bench: start-up time and memory of Juliet per way of running her, then throughput and
# latency of Juliet alone and of Romeo -> Juliet, all on loopback. Figures, never pass/fail.
# Settings (environment): BENCH_RUNS (5 starts per mode), BENCH_SECONDS (10 s of load),
# BENCH_CONCURRENCY (16 connections), AOT_JAVA_HOME (JDK 25 for the AOT cache).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

RUNS=${BENCH_RUNS:-5}
SECONDS_OF_LOAD=${BENCH_SECONDS:-10}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
OUT=target/bench
mkdir -p "$OUT"
report="$OUT/results.md"
VERSION=1.0.0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
jdk25() {
  local c
  for c in "${AOT_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && { echo "$c"; return; }
  done
  return 1
}

command -v hey >/dev/null 2>&1 || { echo "Installing hey (HTTP load generator)"; apt-get install -y -qq hey >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hey >/dev/null; }; }

app=juliet/target/quarkus-app
if java25=$(jdk25); then
  if [ ! -f "$app/app.aot" ]; then
    echo "Building Juliet with a JDK 25 AOT cache..."
    JAVA_HOME=$java25 ./mvnw -B -ntp -q package -Paot -DskipTests -pl juliet
  fi
fi
[ -f "$app/quarkus-run.jar" ] || ./mvnw -B -ntp -q package -DskipTests -pl juliet

# One start: launch, poll the greeting every 5 ms until it answers, note the time and the
# resident memory at that moment, stop. Prints "<ms> <rss KiB>".
start_once() {
  local dir=$1; shift
  local port; port=$(free_port)
  local begin; begin=$(now_ms)
  (cd "$dir" && exec env QUARKUS_HTTP_PORT="$port" "$@") >"$OUT/start.log" 2>&1 &
  local pid=$!
  local deadline=$((begin + 60000))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/romeo-please-call-me"; do
    [ "$(now_ms)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null || { kill -9 "$pid" 2>/dev/null; echo "start failed" >&2; cat "$OUT/start.log" >&2; return 1; }
    sleep 0.005
  done
  local took=$(( $(now_ms) - begin ))
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$took $rss"
}

# Median, min and max over BENCH_RUNS starts of one mode.
measure_start() {
  local label=$1 dir=$2; shift 2
  local samples=() rss=()
  start_once "$dir" "$@" >/dev/null   # one untimed start warms the page cache
  for _ in $(seq 1 "$RUNS"); do
    local sample; sample=$(start_once "$dir" "$@")
    samples+=("${sample% *}"); rss+=("${sample#* }")
  done
  local sorted; sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  local median; median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
  local rss_median; rss_median=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$median" "$(echo "$sorted" | head -n1)" "$(echo "$sorted" | tail -n1)" "$(( rss_median / 1024 ))" | tee -a "$report"
}

load() {
  local label=$1 url=$2
  hey -z "${SECONDS_OF_LOAD}s" -c "$CONCURRENCY" "$url" >"$OUT/hey.txt"
  local rps p50 p99 answered
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/hey.txt")
  p50=$(awk '/ 50% in/ {printf "%.1f", $3 * 1000}' "$OUT/hey.txt")
  p99=$(awk '/ 99% in/ {printf "%.1f", $3 * 1000}' "$OUT/hey.txt")
  answered=$(awk '/\[200\]/ {print $2}' "$OUT/hey.txt")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${answered:-0}" | tee -a "$report"
}

{
  echo "# romeo-juliet benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo
  echo "## Juliet start-up: launch to first greeting answered ($RUNS starts each)"
  echo
  echo "| mode | median ms | min ms | max ms | RSS MiB |"
  echo "|---|---|---|---|---|"
} | tee "$report"

measure_start "JVM, JDK 17" "$app" java -jar quarkus-run.jar
if [ -n "${java25:-}" ]; then
  measure_start "JVM, JDK 25" "$app" "$java25/bin/java" -jar quarkus-run.jar
  [ -f "$app/app.aot" ] && measure_start "JVM, JDK 25 + AOT cache" "$app" "$java25/bin/java" -XX:AOTCache=app.aot -jar quarkus-run.jar
else
  echo "(no JDK 25 found: AOT cache not measured)" | tee -a "$report"
fi
if [ -x "juliet/target/juliet-$VERSION-runner" ]; then
  measure_start "native" "juliet/target" "./juliet-$VERSION-runner"
else
  echo "(no native executable: run make native on a machine with GraalVM to measure it)" | tee -a "$report"
fi

juliet_port=$(free_port); romeo_port=$(free_port)
export JULIET_PORT=$juliet_port ROMEO_PORT=$romeo_port RUN_DIR="$root/$OUT/run" RUN_MODE=jvm
trap 'scripts/laptop.sh stop >/dev/null' EXIT
scripts/laptop.sh run >/dev/null
# Warm-up: let the JIT see the hot path before measuring.
hey -z 5s -c "$CONCURRENCY" "http://127.0.0.1:$romeo_port/call-juliet" >/dev/null
{
  echo
  echo "## Load: ${SECONDS_OF_LOAD} s, $CONCURRENCY connections, JVM (JDK 17), after a 5 s warm-up"
  echo
  echo "| path | requests/s | p50 ms | p99 ms | 200 answers |"
  echo "|---|---|---|---|---|"
} | tee -a "$report"
load "Juliet GET /romeo-please-call-me" "http://127.0.0.1:$juliet_port/romeo-please-call-me"
load "Romeo GET /call-juliet (-> Juliet)" "http://127.0.0.1:$romeo_port/call-juliet"
echo
echo "Report: $report"
