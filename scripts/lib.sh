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

# Seconds and milliseconds since the epoch, for the elapsed-time lines.
now() { date +%s; }
now_ms() { local micros=${EPOCHREALTIME/./}; echo $(( micros / 1000 )); }

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

# How make run starts a JVM package, from its quarkus-app folder: with the AppCDS archive the build
# left beside quarkus-run.jar (pom.xml), when there is one. The archive's paths are relative to that
# folder; another JVM build warns that it cannot use it and starts as it would without.
jvm_command() {
  if [ -f "$1/app-cds.jsa" ]; then
    echo "java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"
  else
    echo "java -jar quarkus-run.jar"
  fi
}

# Packages the given modules (comma-separated) with a JDK 25 AOT cache, as make run-aot runs them:
# the aot profile records the cache while the integration tests call the packaged services.
# Maven's output goes to the log file; its tail is shown if the build fails.
aot_package() {
  local java_home=$1 modules=$2 log_file=$3
  (cd "$RJ_ROOT" && JAVA_HOME=$java_home ./mvnw -B -ntp -q verify -Paot -pl "$modules" -am) >"$log_file" 2>&1 \
    || { tail -n 30 "$log_file" >&2; die "the AOT build failed; log above, whole in $log_file"; }
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
  dirname "$(dirname "$(readlink -f "$native_image")")"
}

# Docker or Podman, only when its engine answers: a client without a daemon cannot build.
container_runtime() {
  local runtime
  for runtime in podman docker; do
    if command -v "$runtime" >/dev/null 2>&1 && timeout 20 "$runtime" info >/dev/null 2>&1; then
      echo "$runtime"; return 0
    fi
  done
  return 1
}

# A TCP port nobody listens on right now, for tests and benchmarks that start services.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Whether something listens on this TCP port of 127.0.0.1 (bash's /dev/tcp: no extra tool needed).
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
