#!/usr/bin/env bash
# Runs Juliet and Romeo side by side on a Linux or macOS laptop, the way `make run`, `make stop`
# and `make status` do. Written for bash 3.2 (macOS's /bin/bash) and the POSIX tools both systems
# share; scripts/check-portable.sh, run by make test, refuses Linux-only constructs here.
#   scripts/laptop.sh run|stop|status|greet
# Settings (environment): JULIET_PORT (8080), ROMEO_PORT (8081), RUN_DIR (.run),
# RUN_MODE (auto|native|jvm|aot; auto = native when a native-image is found on PATH, in
# GRAALVM_HOME or from make native-toolchain, JVM otherwise), READY_TIMEOUT seconds to wait for
# each service (60), STOP_TIMEOUT seconds to wait for each to end before SIGKILL (15),
# LAPTOP_JAVA_OPTS and LAPTOP_NATIVE_OPTS (the memory bounds, see docs/laptop.md; set them empty
# for the defaults), MALLOC_ARENA_MAX (2), AOT_JAVA_HOME (or JDK25_HOME) for
# RUN_MODE=aot, SHUTDOWN_DELAY (0s: the drain delay a pod needs has no Service to leave here),
# LAPTOP_BUILD (true; false fails instead of building a missing or stale package).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

JULIET_PORT=${JULIET_PORT:-8080}
ROMEO_PORT=${ROMEO_PORT:-8081}
RUN_DIR=${RUN_DIR:-.run}
RUN_MODE=${RUN_MODE:-auto}
READY_TIMEOUT=${READY_TIMEOUT:-60}
STOP_TIMEOUT=${STOP_TIMEOUT:-15}
# Keep each service at or below 160 MiB RSS under load (why these: docs/laptop.md). Unset, the JVM
# options are these bounds plus the native heap trim below; set, even empty, they are used as given.
# glibc's MALLOC_ARENA_MAX caps the malloc arenas a JVM's threads keep (other C libraries ignore it).
LAPTOP_JAVA_BOUNDS="-Xmx64m -Xmn28m -XX:SurvivorRatio=12 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m"
LAPTOP_NATIVE_OPTS=${LAPTOP_NATIVE_OPTS--Xmx48m}
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
SHUTDOWN_DELAY=${SHUTDOWN_DELAY:-0s}
LAPTOP_BUILD=${LAPTOP_BUILD:-true}
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
# Said relative to the checkout when it is inside it, as the docs quote it.
RUN_DIR_SHOWN=${RUN_DIR#"$RJ_ROOT"/}
# ps prints start times in the locale's words; one locale keeps the saved ones comparable.
export LC_ALL=C

has_native_image() { find_native_image >/dev/null; }

resolve_mode() {
  case "$RUN_MODE" in
    auto) if has_native_image; then echo native; else echo jvm; fi ;;
    native|jvm|aot) echo "$RUN_MODE" ;;
    *) die "RUN_MODE must be auto, native, jvm or aot (got '$RUN_MODE')" ;;
  esac
}

port_of() { if [ "$1" = juliet ]; then echo "$JULIET_PORT"; else echo "$ROMEO_PORT"; fi; }
port_variable() { if [ "$1" = juliet ]; then echo JULIET_PORT; else echo ROMEO_PORT; fi; }

app_dir() { echo "$RJ_ROOT/$1/target/quarkus-app"; }
aot_cache() { echo "$(app_dir "$1")/app.aot"; }
aot_java_home() { jdk25_home || die "RUN_MODE=aot needs a JDK 25: set AOT_JAVA_HOME"; }

# The file a build of this mode leaves last; its age tells whether the sources moved on since. For
# the JVM it is the AppCDS archive, which a run-aot or image build of the same folder leaves out.
package_of() {
  case "$2" in
    native) native_runner "$1" ;;
    jvm) echo "$(app_dir "$1")/app-cds.jsa" ;;
    aot) aot_cache "$1" ;;
  esac
}

# The first source file of the service (or the root pom) changed after its package was built.
changed_source() {
  local service=$1 package=$2
  find "$RJ_ROOT/$service/src/main" "$RJ_ROOT/$service/pom.xml" "$RJ_ROOT/pom.xml" -newer "$package" -print \
    | head -n 1
}

# The services (juliet,romeo) that are not running and whose package is missing or older than
# their sources. A running service is left as it is: its files must not change under it.
services_to_build() {
  local mode=$1 service package changed stale=""
  for service in juliet romeo; do
    pid_of "$service" >/dev/null && continue
    package=$(package_of "$service" "$mode")
    if [ ! -e "$package" ]; then
      log "$service: no $mode package yet (${package#"$RJ_ROOT"/} is missing)"
    else
      changed=$(changed_source "$service" "$package")
      [ -n "$changed" ] || continue
      log "$service: ${changed#"$RJ_ROOT"/} changed since its $mode package was built"
    fi
    stale="${stale:+$stale,}$service"
  done
  echo "$stale"
}

build() {
  local mode=$1 modules=$2 build_log="$RUN_DIR/build.log"
  case "$mode" in
    native)
      log "Building the native executables of $modules (several minutes; output in $RUN_DIR_SHOWN/build.log)"
      MVN_FLAGS="-B -ntp" NATIVE_MODULES=$modules "$RJ_ROOT/scripts/native.sh" build 2>&1 | tee "$build_log" | show_progress
      [ "${PIPESTATUS[0]}" -eq 0 ] || { tail -n 30 "$build_log" >&2; die "the native build failed; log above, whole in $build_log"; }
      ;;
    jvm)
      log "Building the JVM packages of $modules (output in $RUN_DIR_SHOWN/build.log)"
      maven_with_progress "$build_log" package -DskipTests -pl "$modules" -am
      ;;
    aot)
      log "Building $modules with a JDK 25 AOT cache (about 1.5 minutes; output in $RUN_DIR_SHOWN/build.log)"
      aot_package "$(aot_java_home)" "$modules" "$build_log"
      ;;
  esac
}

# glibc keeps what the JIT's compilers freed after warm-up; a JVM that knows this option hands it
# back now and then. Only on Linux (glibc), and only where the JVM accepts it (asked once per run).
native_heap_trim() {
  local java=$1 option=-XX:TrimNativeHeapInterval=5000
  [ "$(uname -s)" = Linux ] && "$java" "$option" -version >/dev/null 2>&1 && echo " $option"
  return 0
}

# The JVM options both services start with in this mode: LAPTOP_JAVA_OPTS when set, else the bounds.
java_options() {
  local java
  case "$1" in
    jvm) java=${JAVA_HOME:+$JAVA_HOME/bin/}java ;;
    aot) java=$(aot_java_home)/bin/java ;;
    *) return 0 ;;
  esac
  if [ "${LAPTOP_JAVA_OPTS+set}" = set ]; then
    echo "$LAPTOP_JAVA_OPTS"
  else
    echo "$LAPTOP_JAVA_BOUNDS$(native_heap_trim "$java")"
  fi
}

# JVM modes start from the application's own folder: the AppCDS archive and the AOT cache only
# match the class path they were recorded with, which Quarkus records relative to that folder.
command_for() {
  local service=$1 mode=$2
  case "$mode" in
    native) echo "$(native_runner "$service") $LAPTOP_NATIVE_OPTS" ;;
    jvm) jvm_command "$(app_dir "$service")" "$JAVA_OPTIONS" ;;
    aot) echo "$(aot_java_home)/bin/java $JAVA_OPTIONS -XX:AOTCache=app.aot -jar quarkus-run.jar" ;;
  esac
}

workdir_for() {
  if [ "$2" = native ]; then echo "$RUN_DIR"; else app_dir "$1"; fi
}

# What identifies a process beyond its pid, which the system reuses: its start time.
started_at() { ps -o lstart= -p "$1" 2>/dev/null; }

# Running: listed by ps and not a zombie (a killed service whose parent never reaps it).
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  case "$state" in ''|Z*) return 1 ;; esac
}

# The pid of a service this script started, if it still runs: the pid in its file, alive, and
# started at the time recorded beside it (so a pid the system gave to another program is not ours).
pid_of() {
  local service=$1 pid
  [ -f "$RUN_DIR/$service.pid" ] && [ -f "$RUN_DIR/$service.started" ] || return 1
  pid=$(cat "$RUN_DIR/$service.pid")
  alive "$pid" || return 1
  [ "$(started_at "$pid")" = "$(cat "$RUN_DIR/$service.started")" ] || return 1
  echo "$pid"
}

# Who listens on a TCP port, as "pid N (command)", where lsof is installed and may see it.
port_holder() {
  command -v lsof >/dev/null 2>&1 || return 1
  lsof -nP -iTCP:"$1" -sTCP:LISTEN -Fpc 2>/dev/null \
    | awk '/^p/ { pid = substr($0, 2) } /^c/ && pid { print "pid " pid " (" substr($0, 2) ")"; found = 1; exit } END { exit !found }'
}

check_port_free() {
  local service=$1 port=$2 holder hint
  hint="free it, or pick another: make run $(port_variable "$service")=..."
  if holder=$(port_holder "$port"); then
    die "port $port for $service is in use by $holder; $hint"
  elif port_taken "$port"; then
    if command -v lsof >/dev/null 2>&1; then
      die "port $port for $service is in use by a process this user cannot see; $hint"
    fi
    die "port $port for $service is in use (install lsof to see by which process); $hint"
  fi
}

start() {
  local service=$1 mode=$2 port pid; shift 2
  port=$(port_of "$service")
  if pid=$(pid_of "$service"); then
    say "$service is already running (pid $pid, port $port)"
    return
  fi
  check_port_free "$service" "$port"
  # Job control gives the service its own process group, so a Ctrl-C in make's terminal does
  # not reach it: it must outlive make, and make stop ends it alone.
  set -m
  # shellcheck disable=SC2046 # the command is a word list
  (cd "$(workdir_for "$service" "$mode")" && exec env QUARKUS_HTTP_PORT="$port" QUARKUS_SHUTDOWN_DELAY="$SHUTDOWN_DELAY" MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" "$@" $(command_for "$service" "$mode")) \
    >"$RUN_DIR/$service.log" 2>&1 </dev/null &
  pid=$!
  set +m
  echo "$pid" >"$RUN_DIR/$service.pid"
  started_at "$pid" >"$RUN_DIR/$service.started"
  say "started $service ($mode) on port $port, pid $pid"
}

# One readiness check, bounded in time: a wedged service answers nothing, and must not hang make.
ready() { curl -fsS --connect-timeout 2 --max-time 3 -o /dev/null "http://localhost:$(port_of "$1")/q/health/ready" 2>/dev/null; }

# Waits for the readiness check, the whole wait bounded by READY_TIMEOUT.
await_ready() {
  local service=$1 deadline=$((SECONDS + READY_TIMEOUT))
  until ready "$service"; do
    pid_of "$service" >/dev/null || { tail -n 20 "$RUN_DIR/$service.log" >&2; die "$service exited; log above"; }
    [ "$SECONDS" -lt "$deadline" ] || die "$service was not ready within ${READY_TIMEOUT}s; see $RUN_DIR/$service.log"
    sleep 0.2
  done
}

run() {
  local mode native_image modules; mode=$(resolve_mode)
  case "$mode" in
    native) if native_image=$(find_native_image); then
              say "Mode: native executables (native-image from $(native_image_origin "$native_image"))"
            else say "Mode: native executables (RUN_MODE=native)"; fi ;;
    jvm) if has_native_image; then say "Mode: JVM (RUN_MODE=jvm)"
         else say "Mode: JVM (no native-image on PATH, in GRAALVM_HOME or from make native-toolchain)"; fi ;;
    aot) say "Mode: JVM with the JDK 25 AOT cache ($(aot_java_home))" ;;
  esac
  modules=$(services_to_build "$mode")
  if [ -n "$modules" ]; then
    [ "$LAPTOP_BUILD" = true ] || die "the $mode packages of $modules are missing or older than their sources (LAPTOP_BUILD=false)"
    build "$mode" "$modules"
  fi
  JAVA_OPTIONS=$(java_options "$mode")
  start juliet "$mode"
  start romeo "$mode" QUARKUS_REST_CLIENT_JULIET_URL="http://localhost:$JULIET_PORT"
  await_ready juliet
  await_ready romeo
  cat <<MSG

Juliet and Romeo are ready. Try:
  curl localhost:$ROMEO_PORT/call-juliet
  curl -H 'Accept: application/json' localhost:$ROMEO_PORT/call-juliet
  curl -i localhost:$JULIET_PORT/romeo-please-call-me
  curl localhost:$ROMEO_PORT/q/health
Logs: $RUN_DIR_SHOWN/juliet.log and $RUN_DIR_SHOWN/romeo.log
Stop both with: make stop
MSG
}

forget() { rm -f "$RUN_DIR/$1.pid" "$RUN_DIR/$1.started"; }

# SIGTERM, a bounded wait for the drain, then SIGKILL only if the very process started is still there.
stop_one() {
  local service=$1 pid deadline
  [ -f "$RUN_DIR/$service.pid" ] || return 0
  if ! pid=$(pid_of "$service"); then
    say "$service was not running (pid $(cat "$RUN_DIR/$service.pid") has ended or is another program now); nothing signalled"
    forget "$service"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while pid_of "$service" >/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if pid_of "$service" >/dev/null; then
    log "$service (pid $pid) did not end within ${STOP_TIMEOUT}s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  forget "$service"
  say "stopped $service (pid $pid)"
}

status() {
  local service port pid
  for service in juliet romeo; do
    port=$(port_of "$service")
    if pid=$(pid_of "$service"); then
      if ready "$service"; then
        say "$service: running, ready (pid $pid, port $port)"
      else
        say "$service: running, not ready (pid $pid, port $port)"
      fi
    else
      say "$service: stopped"
    fi
  done
}

# One call through Romeo to Juliet: the greeting, or the answer that is not one.
greet() {
  local answer
  answer=$(curl -sS --connect-timeout 2 --max-time 10 -w '\n%{http_code}' "http://localhost:$ROMEO_PORT/call-juliet") \
    || die "Romeo did not answer on port $ROMEO_PORT"
  case "$answer" in
    *"this is Juliet."*200) say "${answer%?200}" ;;
    *) die "Romeo answered with no greeting: $answer" ;;
  esac
}

case "${1:-}" in
  run) run ;;
  stop) stop_one romeo; stop_one juliet ;;
  status) status ;;
  greet) greet ;;
  *) die "usage: scripts/laptop.sh run|stop|status|greet" ;;
esac
