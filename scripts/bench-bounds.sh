#!/usr/bin/env bash
# Compares JVM memory bounds for make run: one Juliet + Romeo pair per set of options, all running
# at once, loaded in turns in the same rounds, so each pair's calls per second read as a share of
# the last pair's (the reference) in the same minutes. Prints each round, then per pair the median
# share, the RSS of both services and their young collections. How docs/laptop.md chose its bounds.
#   scripts/bench-bounds.sh default 'young32=-Xmx64m -Xmn32m -XX:+UseSerialGC' 'unbounded='
# An argument is NAME=LAPTOP_JAVA_OPTS (empty: the JVM's defaults, and glibc's malloc arenas), or
# "default" for scripts/laptop.sh's own bounds. Linux (it reads RSS with ps, jstat for collections).
# Settings (environment): BOUNDS_WARMUP (40) seconds of load per pair first, BOUNDS_ROUNDS (5)
# rounds of BOUNDS_DURATION (10) seconds per pair, BOUNDS_OUT (target/bench-bounds) run folders.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

WARMUP=${BOUNDS_WARMUP:-40}
ROUNDS=${BOUNDS_ROUNDS:-5}
DURATION=${BOUNDS_DURATION:-10}
OUT=${BOUNDS_OUT:-target/bench-bounds}
[ $# -ge 2 ] || die "name two or more sets of bounds, the reference last: default 'unbounded='"
require_tools "Debian: apt-get install wrk" wrk jstat

names=(); romeo_ports=()
stop_pairs() {
  local name
  for name in "${names[@]:-}"; do
    [ -n "$name" ] && RUN_DIR=$OUT/$name scripts/laptop.sh stop >/dev/null 2>&1 || true
  done
}
trap stop_pairs EXIT

for pair in "$@"; do
  name=${pair%%=*}
  port=$(free_port)
  names+=("$name")
  romeo_ports+=("$port")
  if [ "$pair" = default ]; then
    RUN_DIR=$OUT/$name JULIET_PORT=$(free_port) ROMEO_PORT=$port RUN_MODE=jvm scripts/laptop.sh run >/dev/null
  else
    opts=${pair#*=}
    arenas=2; [ -z "$opts" ] && arenas=
    RUN_DIR=$OUT/$name JULIET_PORT=$(free_port) ROMEO_PORT=$port RUN_MODE=jvm \
      LAPTOP_JAVA_OPTS="$opts" MALLOC_ARENA_MAX=$arenas scripts/laptop.sh run >/dev/null
  fi
  log "$name started"
done

call_url() { echo "http://127.0.0.1:${romeo_ports[$1]}/call-juliet"; }
for i in "${!names[@]}"; do
  log "${names[i]}: ${WARMUP}s of warm-up"
  wrk -t2 -c64 -d"${WARMUP}s" "$(call_url "$i")" >/dev/null
done

# Each round loads every pair once, the order turning by one each round.
count=${#names[@]}
declare -A rps
for round in $(seq 1 "$ROUNDS"); do
  line="round $round:"
  for turn in $(seq 0 $(( count - 1 ))); do
    i=$(( (turn + round - 1) % count ))
    rps[$i:$round]=$(wrk -t2 -c64 -d"${DURATION}s" "$(call_url "$i")" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
    line+=" ${names[i]} ${rps[$i:$round]}"
  done
  say "$line"
done

reference=$(( count - 1 ))
young_collections() { jstat -gcutil "$1" | awk 'NR == 2 {printf "%d (%.1f s)", $7, $8}'; }
for i in "${!names[@]}"; do
  share=$(for round in $(seq 1 "$ROUNDS"); do
      awk -v s="${rps[$i:$round]}" -v r="${rps[$reference:$round]}" 'BEGIN { printf "%.3f\n", s / r }'
    done | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
  juliet=$(cat "$OUT/${names[i]}/juliet.pid"); romeo=$(cat "$OUT/${names[i]}/romeo.pid")
  say "${names[i]}: share of ${names[reference]} $share; RSS Juliet $(( $(ps -o rss= -p "$juliet") / 1024 )) MiB, Romeo $(( $(ps -o rss= -p "$romeo") / 1024 )) MiB; young collections Juliet $(young_collections "$juliet"), Romeo $(young_collections "$romeo")"
done
