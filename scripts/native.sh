#!/usr/bin/env bash
# Builds the juliet and romeo native executables (make native), or runs their integration tests
# against them (make test-native), with whichever builder this machine has:
#   1. a local GraalVM or Mandrel (native-image on PATH, or GRAALVM_HOME), JDK 21 or 25 based;
#   2. otherwise a Mandrel builder container, when Docker or Podman can run containers.
# Usage: scripts/native.sh build|test
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
MVN=${MVN:-./mvnw}
MVN_FLAGS=${MVN_FLAGS:--B -ntp}
SUPPORTED="GraalVM or Mandrel for JDK 21 or JDK 25, or Docker/Podman for the Mandrel JDK 25 builder image"

say() { printf 'native: %s\n' "$*"; }
die() { printf 'native: %s\n' "$*" >&2; exit 1; }

local_native_image() {
  if command -v native-image >/dev/null 2>&1; then
    command -v native-image
  elif [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
    echo "$GRAALVM_HOME/bin/native-image"
  else
    return 1
  fi
}

# A container CLI only counts when its engine answers: a docker client without a daemon can't build.
container_runtime() {
  local runtime
  for runtime in podman docker; do
    if command -v "$runtime" >/dev/null 2>&1 && "$runtime" info >/dev/null 2>&1; then
      echo "$runtime"; return
    fi
  done
  return 1
}

builder_flags() {
  local native_image runtime version
  if native_image=$(local_native_image); then
    version=$("$native_image" --version 2>&1 | head -n 1)
    case "$version" in
      *" 21"*|*" 25"*) ;;
      *) say "warning: '$version' is not one this project supports ($SUPPORTED)" >&2 ;;
    esac
    say "builder: local $native_image ($version)" >&2
    echo ""
  elif runtime=$(container_runtime); then
    say "builder: $runtime container (Mandrel JDK 25 builder image, from src-native-config/native.properties)" >&2
    echo "-Dquarkus.native.container-build=true -Dquarkus.native.container-runtime=$runtime"
  else
    die "no native-image on PATH, no GRAALVM_HOME and no working Docker or Podman. Supported: $SUPPORTED.
Without GraalVM, 'make test-native-inputs' still checks the native build's inputs, and 'make run' uses the JVM."
  fi
}

case "${1:-}" in
  build)
    flags=$(builder_flags)
    # shellcheck disable=SC2086 # flags is a list of Maven options
    $MVN $MVN_FLAGS package -Pnative -DskipTests -pl juliet,romeo $flags
    say "built $(ls juliet/target/*-runner romeo/target/*-runner | tr '\n' ' ')"
    ;;
  test)
    flags=$(builder_flags)
    # The @QuarkusIntegrationTest suites and the laptop topology, against the native executables.
    # shellcheck disable=SC2086
    $MVN $MVN_FLAGS verify -Pnative -pl juliet,romeo $flags
    ;;
  *) die "usage: scripts/native.sh build|test" ;;
esac
