#!/usr/bin/env bash
# Runs Juliet and Romeo side by side on this machine, the way `make run` and `make stop` do.
#   scripts/laptop.sh run|stop|status
# Settings (environment): JULIET_PORT (8080), ROMEO_PORT (8081), RUN_DIR (.run),
# RUN_MODE (auto|native|jvm|aot; auto = native when a native-image is found on PATH, in
# GRAALVM_HOME or from make native-toolchain, JVM otherwise), READY_TIMEOUT seconds to wait for
# each service (60), AOT_JAVA_HOME (or JDK25_HOME) for RUN_MODE=aot, SHUTDOWN_DELAY (0s: the
# drain delay a pod needs, QUARKUS_SHUTDOWN_DELAY, has no Service to leave here).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

JULIET_PORT=${JULIET_PORT:-8080}
ROMEO_PORT=${ROMEO_PORT:-8081}
RUN_DIR=${RUN_DIR:-.run}
RUN_MODE=${RUN_MODE:-auto}
READY_TIMEOUT=${READY_TIMEOUT:-60}
# No Service to leave on a laptop, so make stop need not wait out the pod's drain delay.
SHUTDOWN_DELAY=${SHUTDOWN_DELAY:-0s}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)

has_native_image() { find_native_image >/dev/null; }

resolve_mode() {
  case "$RUN_MODE" in
    auto) if has_native_image; then echo native; else echo jvm; fi ;;
    native|jvm|aot) echo "$RUN_MODE" ;;
    *) die "RUN_MODE must be auto, native, jvm or aot (got '$RUN_MODE')" ;;
  esac
}

app_dir() { echo "$RJ_ROOT/$1/target/quarkus-app"; }
jvm_jar() { echo "$(app_dir "$1")/quarkus-run.jar"; }
aot_cache() { echo "$(app_dir "$1")/app.aot"; }

# Builds only what is missing, so a second `make run` starts at once.
build_if_missing() {
  local mode=$1
  case "$mode" in
    native)
      # native.sh picks the same native-image as has_native_image and says which.
      if [ ! -x "$(native_runner juliet)" ] || [ ! -x "$(native_runner romeo)" ]; then
        say "Building native executables (a few minutes)..."
        MVN_FLAGS="-B -ntp -q" "$RJ_ROOT/scripts/native.sh" build
      fi ;;
    jvm)
      if [ ! -f "$(jvm_jar juliet)" ] || [ ! -f "$(jvm_jar romeo)" ]; then
        say "Building the JVM applications..."
        ./mvnw -B -ntp -q package -DskipTests -pl juliet,romeo -am
      fi ;;
    aot)
      if [ ! -f "$(aot_cache juliet)" ] || [ ! -f "$(aot_cache romeo)" ]; then
        say "Building the JVM applications with a JDK 25 AOT cache (about 1.5 minutes)..."
        aot_package "$(aot_java_home)" juliet,romeo "$RUN_DIR/aot-build.log"
      fi ;;
  esac
}

aot_java_home() { jdk25_home || die "RUN_MODE=aot needs a JDK 25: set AOT_JAVA_HOME"; }

# JVM modes start from the application's own folder: the AppCDS archive and the AOT cache only
# match the class path they were recorded with, which Quarkus records relative to that folder.
command_for() {
  local service=$1 mode=$2
  case "$mode" in
    native) native_runner "$service" ;;
    jvm) jvm_command "$(app_dir "$service")" ;;
    aot) echo "$(aot_java_home)/bin/java -XX:AOTCache=app.aot -jar quarkus-run.jar" ;;
  esac
}

workdir_for() {
  if [ "$2" = native ]; then echo "$RUN_DIR"; else app_dir "$1"; fi
}

pid_of() {
  local file="$RUN_DIR/$1.pid"
  [ -f "$file" ] || return 1
  local pid state; pid=$(cat "$file")
  # A service whose parent has gone can linger as a zombie once killed; kill -0 still succeeds on it.
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] || return 1
  echo "$pid"
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local service=$1 port=$2 mode=$3; shift 3
  if pid=$(pid_of "$service"); then
    say "$service is already running (pid $pid, port $port)"
    return
  fi
  port_taken "$port" && die "port $port is taken by another program; pick another: make run ${service^^}_PORT=..."
  # setsid: the service must outlive `make`, and `make stop` must be able to end it alone.
  # shellcheck disable=SC2046 # the command is a word list
  (cd "$(workdir_for "$service" "$mode")" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_SHUTDOWN_DELAY="$SHUTDOWN_DELAY" "$@" setsid $(command_for "$service" "$mode")) \
    >"$RUN_DIR/$service.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/$service.pid"
  say "started $service ($mode) on port $port, pid $!"
}

await_ready() {
  local service=$1 port=$2 waited=0
  until curl -fsS -o /dev/null "http://localhost:$port/q/health/ready" 2>/dev/null; do
    pid_of "$service" >/dev/null || { tail -n 20 "$RUN_DIR/$service.log" >&2; die "$service exited; log above"; }
    [ "$waited" -ge $((READY_TIMEOUT * 5)) ] && die "$service was not ready within ${READY_TIMEOUT}s; see $RUN_DIR/$service.log"
    sleep 0.2; waited=$((waited + 1))
  done
}

run() {
  local mode native_image; mode=$(resolve_mode)
  case "$mode" in
    native) if native_image=$(find_native_image); then
              say "Mode: native executables (native-image from $(native_image_origin "$native_image"))"
            else say "Mode: native executables (RUN_MODE=native)"; fi ;;
    jvm) if has_native_image; then say "Mode: JVM (RUN_MODE=jvm)"
         else say "Mode: JVM (no native-image on PATH, in GRAALVM_HOME or from make native-toolchain)"; fi ;;
    aot) say "Mode: JVM with the JDK 25 AOT cache ($(aot_java_home))" ;;
  esac
  build_if_missing "$mode"
  start juliet "$JULIET_PORT" "$mode"
  start romeo "$ROMEO_PORT" "$mode" QUARKUS_REST_CLIENT_JULIET_URL="http://localhost:$JULIET_PORT"
  await_ready juliet "$JULIET_PORT"
  await_ready romeo "$ROMEO_PORT"
  cat <<MSG

Juliet and Romeo are ready. Try:
  curl localhost:$ROMEO_PORT/call-juliet
  curl -H 'Accept: application/json' localhost:$ROMEO_PORT/call-juliet
  curl -i localhost:$JULIET_PORT/romeo-please-call-me
  curl localhost:$ROMEO_PORT/q/health
Logs: $RUN_DIR/juliet.log and $RUN_DIR/romeo.log
Stop both with: make stop
MSG
}

stop_one() {
  local service=$1 pid
  if ! pid=$(pid_of "$service"); then
    rm -f "$RUN_DIR/$service.pid"
    return
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    pid_of "$service" >/dev/null || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$service.pid"
  say "stopped $service (pid $pid)"
}

status() {
  local service port
  for service in juliet romeo; do
    port=$JULIET_PORT; [ "$service" = romeo ] && port=$ROMEO_PORT
    if pid=$(pid_of "$service"); then
      if curl -fsS -o /dev/null "http://localhost:$port/q/health/ready" 2>/dev/null; then
        say "$service: running, ready (pid $pid, port $port)"
      else
        say "$service: running, not ready (pid $pid, port $port)"
      fi
    else
      say "$service: stopped"
    fi
  done
}

case "${1:-}" in
  run) run ;;
  stop) stop_one romeo; stop_one juliet ;;
  status) status ;;
  *) die "usage: scripts/laptop.sh run|stop|status" ;;
esac
