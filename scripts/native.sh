#!/usr/bin/env bash
# Builds the juliet and romeo native executables (make native), or runs their integration tests
# against them (make test-native), with whichever builder this machine has, in this order:
#   1. a local GraalVM or Mandrel: native-image on PATH, or in GRAALVM_HOME (JDK 21 or 25 based);
#   2. the native-image that make native-toolchain assembled in .cache/native-toolchain;
#   3. a Mandrel builder container, when Docker or Podman can run containers.
# It says which one it uses.
# Usage: scripts/native.sh build|test
# Settings (environment): MVN (./mvnw), MVN_FLAGS (-B -ntp), NATIVE_TOOLCHAIN_DIR (see lib.sh).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

MVN=${MVN:-./mvnw}
MVN_FLAGS=${MVN_FLAGS:--B -ntp}
SUPPORTED="GraalVM or Mandrel for JDK 21 or JDK 25 (native-image on PATH or GRAALVM_HOME), a toolchain from make native-toolchain, or Docker/Podman for the Mandrel JDK 25 builder image"

# Prints the Maven flags for the builder found, and says on stderr which one it is.
builder_flags() {
  local native_image runtime version
  if native_image=$(find_native_image); then
    version=$("$native_image" --version 2>&1 | head -n 1)
    case "$version" in
      *" 21"*|*" 25"*) ;;
      *) log "warning: '$version' is not one this project supports ($SUPPORTED)" ;;
    esac
    log "builder: $native_image from $(native_image_origin "$native_image") ($version)"
    echo ""
  elif runtime=$(container_runtime); then
    log "builder: $runtime container (Mandrel JDK 25 builder image, from src-native-config/native.properties)"
    echo "-Dquarkus.native.container-build=true -Dquarkus.native.container-runtime=$runtime"
  else
    die "no native-image on PATH, in GRAALVM_HOME or from make native-toolchain, and no working Docker or Podman. Supported: $SUPPORTED.
Without them, 'make test-native-inputs' still checks the native build's inputs, and 'make run' uses the JVM."
  fi
}

case "${1:-}" in
  build|test) flags=$(builder_flags) ;;
  *) die "usage: scripts/native.sh build|test" ;;
esac
# Quarkus looks for native-image in GRAALVM_HOME: this makes it use the one named above, even
# when it is the cached toolchain's, which is on no PATH.
if home=$(native_image_home); then export GRAALVM_HOME=$home; fi

case "$1" in
  build)
    # shellcheck disable=SC2086 # flags and MVN_FLAGS are lists of Maven options
    $MVN $MVN_FLAGS package -Pnative -DskipTests -pl juliet,romeo -am $flags
    log "built $(native_runner juliet) and $(native_runner romeo)"
    ;;
  test)
    # The @QuarkusIntegrationTest suites and the laptop topology, against the native executables.
    # shellcheck disable=SC2086
    $MVN $MVN_FLAGS verify -Pnative -pl juliet,romeo -am $flags
    ;;
esac
