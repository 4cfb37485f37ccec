# Shared by the scripts under scripts/: messages, the repo root, the project version, and the
# lookups of a JDK 25, a native-image and a container engine. Source it; it does nothing on its own.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"       (from scripts/; ../lib.sh from a subfolder)
# Settings (environment): RJ_LOG_NAME (the name messages carry; the script's by default),
# JDK25_HOME (a JDK 25 to prefer), NATIVE_TOOLCHAIN_DIR (where make native-toolchain puts its
# native-image; .cache/native-toolchain).
# shellcheck shell=bash

# The repo root, whatever the caller's working directory.
RJ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Every message carries the script's name, so interleaved output in make and CI stays readable.
RJ_LOG_NAME=${RJ_LOG_NAME:-$(basename "$0" .sh)}

# say: what the user asked for (stdout). log: progress (stderr, so it never mixes into a value a
# function prints). die: the reason the script stops, then exit 1.
say() { printf '%s\n' "$*"; }
log() { printf '==> [%s] %s\n' "$RJ_LOG_NAME" "$*" >&2; }
die() { printf 'ERROR [%s] %s\n' "$RJ_LOG_NAME" "$*" >&2; exit 1; }

# Seconds since the epoch, for the elapsed-time lines.
now() { date +%s; }

# The project version, read from the root pom (its own <version>, not its parent's or a plugin's),
# so that no script carries a copy that a release would have to change.
project_version() {
  local version
  version=$(sed -e '/<parent>/,/<\/parent>/d' -e '/<dependencies>/,$d' "$RJ_ROOT/pom.xml" \
    | sed -n 's:^[[:space:]]*<version>\([^<]*\)</version>.*:\1:p' | head -n 1)
  [ -n "$version" ] || die "no <version> in $RJ_ROOT/pom.xml"
  printf '%s\n' "$version"
}

# The native executable Quarkus builds for a service: <service>/target/<service>-<version>-runner.
native_runner() { printf '%s/%s/target/%s-%s-runner\n' "$RJ_ROOT" "$1" "$1" "$(project_version)"; }

# How make run starts a JVM package, from its quarkus-app folder, with the JVM options given
# second: the java Maven uses (JAVA_HOME's, else PATH's) and the AppCDS archive the build left
# beside quarkus-run.jar (pom.xml), when there is one. The archive's paths are relative to that
# folder; another JVM build warns that it cannot use it and starts as it would without.
jvm_command() {
  local java=java options=${2:+ $2}
  [ -z "${JAVA_HOME:-}" ] || java=$JAVA_HOME/bin/java
  if [ -f "$1/app-cds.jsa" ]; then
    echo "$java$options -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"
  else
    echo "$java$options -jar quarkus-run.jar"
  fi
}

# Passes on the lines that say where a Maven or native-image build is (module, plugin,
# native-image stage, errors), as they come, so a build of minutes is never silent.
show_progress() {
  awk '/^\[INFO\] Building |^\[INFO\] --- |^\[[0-9]+\/[0-9]+\] |^\[ERROR\]|BUILD (SUCCESS|FAILURE)/ { print "    " $0; fflush() }'
}

# Runs ./mvnw with the given arguments from the repo root: the whole output in the log file, its
# progress on the terminal, and the log's tail if the build fails.
maven_with_progress() {
  local log_file=$1; shift
  (cd "$RJ_ROOT" && ./mvnw -B -ntp "$@") 2>&1 | tee "$log_file" | show_progress
  [ "${PIPESTATUS[0]}" -eq 0 ] || { tail -n 30 "$log_file" >&2; die "the build failed; log above, whole in $log_file"; }
}

# Packages the given modules (comma-separated) with a JDK 25 AOT cache, as make run-aot runs them:
# the aot profile records the cache while the integration tests call the packaged services.
aot_package() {
  local java_home=$1 modules=$2 log_file=$3
  JAVA_HOME=$java_home maven_with_progress "$log_file" verify -Paot -pl "$modules" -am
}

# A JDK 25's home: JDK25_HOME, then AOT_JAVA_HOME (make run-aot's name for it), then Temurin 25
# and Debian's OpenJDK 25. Only a JDK whose release file says 25 counts. Fails quietly: callers
# say what they needed it for.
jdk25_home() {
  local candidate
  for candidate in "${JDK25_HOME:-}" "${AOT_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
       && grep -q '^JAVA_VERSION="25' "$candidate/release" 2>/dev/null; then
      printf '%s\n' "$candidate"; return 0
    fi
  done
  return 1
}

# Where make native-toolchain assembles its native-image (git-ignored, like every cache here).
native_toolchain_dir() {
  local dir=${NATIVE_TOOLCHAIN_DIR:-.cache/native-toolchain}
  case "$dir" in /*) ;; *) dir="$RJ_ROOT/$dir" ;; esac
  printf '%s\n' "$dir"
}

# A native-image this machine has, in the order make native uses them: on PATH, in GRAALVM_HOME,
# then the one make native-toolchain assembled. Prints its path; fails when there is none.
find_native_image() {
  local cached
  cached="$(native_toolchain_dir)/graalvm/bin/native-image"
  if command -v native-image >/dev/null 2>&1; then
    command -v native-image
  elif [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
    printf '%s\n' "$GRAALVM_HOME/bin/native-image"
  elif [ -x "$cached" ]; then
    printf '%s\n' "$cached"
  else
    return 1
  fi
}

# Where a native-image found above came from, in words, for the "builder:" lines.
native_image_origin() {
  case "$1" in
    "$(native_toolchain_dir)"/*) echo "the toolchain make native-toolchain assembled" ;;
    "${GRAALVM_HOME:-/nonexistent}"/bin/native-image) echo "GRAALVM_HOME" ;;
    *) echo "PATH" ;;
  esac
}

# The GraalVM home of the native-image find_native_image picks (symbolic links followed). Quarkus
# looks for native-image in GRAALVM_HOME, so scripts that build export it as that.
native_image_home() {
  local native_image
  native_image=$(find_native_image) || return 1
  dirname "$(dirname "$(resolved_path "$native_image")")"
}

# A file's path with every symbolic link followed (readlink -f is not on older macOS).
resolved_path() {
  local path=$1 target
  while [ -L "$path" ]; do
    target=$(readlink "$path")
    case "$target" in /*) path=$target ;; *) path=$(dirname "$path")/$target ;; esac
  done
  printf '%s/%s\n' "$(cd -P "$(dirname "$path")" && pwd)" "$(basename "$path")"
}

# Runs a command, ended after the given seconds (timeout(1) is GNU coreutils, not macOS).
within_seconds() {
  local seconds=$1 pid watcher status=0; shift
  "$@" & pid=$!
  (sleep "$seconds"; kill "$pid" 2>/dev/null) >/dev/null 2>&1 & watcher=$!
  wait "$pid" || status=$?
  kill "$watcher" 2>/dev/null || true
  return "$status"
}

# Docker or Podman, only when its engine answers: a client without a daemon cannot build.
container_runtime() {
  local runtime
  for runtime in podman docker; do
    if command -v "$runtime" >/dev/null 2>&1 && within_seconds 20 "$runtime" info >/dev/null 2>&1; then
      echo "$runtime"; return 0
    fi
  done
  return 1
}

# A TCP port nobody listens on right now, for tests and benchmarks that start services.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs a command, or with DRY_RUN=1 prints it, shell-quoted after '+ ', and runs nothing: the
# targets that need a cluster, a registry or a GitHub token are tested here through what they print.
step() {
  if [ "${DRY_RUN:-}" = 1 ]; then
    printf '+'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

# A property of the root pom's <properties>, e.g. the image registry and group the release
# publishes to and the chart's defaults name.
pom_property() {
  local value
  value=$(sed -n "s:^[[:space:]]*<$1>\([^<]*\)</$1>.*:\1:p" "$RJ_ROOT/pom.xml" | head -n 1)
  [ -n "$value" ] || die "no <$1> in $RJ_ROOT/pom.xml"
  printf '%s\n' "$value"
}

# Where the release publishes a service's image, without tag: <registry>/<group>/<service>.
image_repository() {
  printf '%s/%s/%s\n' "$(pom_property quarkus.container-image.registry)" "$(pom_property quarkus.container-image.group)" "$1"
}

# Stops, in one line, naming every listed tool missing from PATH and how to get them.
require_tools() {
  local hint=$1 tool missing=""; shift
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
  [ -z "$missing" ] || die "needs$missing on PATH ($hint)"
}

# Whether something listens on this TCP port of 127.0.0.1 (bash's /dev/tcp: no extra tool needed).
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
