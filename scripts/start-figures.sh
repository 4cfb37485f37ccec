#!/usr/bin/env bash
# make start-figures: starts Juliet and Romeo as make run does (RUN_MODE, on free ports), times the
# launch to Romeo's first greeting, reads each service's RSS then, stops both and writes the figures
# to target/start-figures/<PLATFORM>.md. The native workflow runs it on each runner and ships the
# file beside the executables. Packages must be built and current (make build or make native).
# Settings (environment): RUN_MODE (jvm), PLATFORM (a name for the table; os-arch by default).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

RUN_MODE=${RUN_MODE:-jvm}
PLATFORM=${PLATFORM:-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)}
OUT=target/start-figures
export RUN_MODE RUN_DIR=$RJ_ROOT/$OUT/run LAPTOP_BUILD=false
JULIET_PORT=$(free_port); ROMEO_PORT=$(free_port)
export JULIET_PORT ROMEO_PORT
mkdir -p "$OUT"

millis() { python3 -c 'import time; print(int(time.time() * 1000))'; }
rss_mib() { echo $(( $(ps -o rss= -p "$(cat "$RUN_DIR/$1.pid")") / 1024 )); }

trap 'scripts/laptop.sh stop >/dev/null 2>&1 || true' EXIT
begin=$(millis)
scripts/laptop.sh run >/dev/null
scripts/laptop.sh greet >/dev/null
took=$(( $(millis) - begin ))
juliet_rss=$(rss_mib juliet); romeo_rss=$(rss_mib romeo)
scripts/laptop.sh stop >/dev/null

{
  say "| platform | run mode | launch of both to Romeo's first greeting, ms | Juliet RSS MiB then | Romeo RSS MiB then |"
  say "|---|---|---|---|---|"
  say "| $PLATFORM | $RUN_MODE | $took | $juliet_rss | $romeo_rss |"
  say
  say "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -sm), $(getconf _NPROCESSORS_ONLN) cores, by scripts/start-figures.sh (make run's start, one call through Romeo)."
} | tee "$OUT/$PLATFORM.md"
