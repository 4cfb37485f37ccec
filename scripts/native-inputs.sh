#!/usr/bin/env bash
# make test-native-inputs: without GraalVM, prepares both native builds up to native-image's input
# (a sources-only build writes <service>/target/native-sources/native-image.args) and checks with
# NativeImageArgsTest that they carry every shared setting of src-native-config/native.properties.
# It does so once per way a native build can be asked for, since each reaches the settings by
# its own route through the root pom:
#   -Pnative                         the profile by name
#   -Dnative                         what the Quarkus CLI passes to Maven for `build --native`
#   -Dquarkus.native.enabled=true    Quarkus's own switch
#   QUARKUS_NATIVE_ENABLED=true      the same switch from the environment
# Settings (environment): MVN (./mvnw), MVN_FLAGS (-B -ntp), NATIVE_INPUT_WAYS (the ways to try,
# separated by spaces; all four by default).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

MVN=${MVN:-./mvnw}
MVN_FLAGS=${MVN_FLAGS:--B -ntp}
NATIVE_INPUT_WAYS=${NATIVE_INPUT_WAYS:--Pnative -Dnative -Dquarkus.native.enabled=true QUARKUS_NATIVE_ENABLED=true}

for way in $NATIVE_INPUT_WAYS; do
  case "$way" in
    -*) env=(); flag=("$way") ;;
    *=*) env=("$way"); flag=() ;;
    *) die "NATIVE_INPUT_WAYS: '$way' is neither a Maven flag nor VAR=value" ;;
  esac
  log "native build asked for with $way"
  # What an earlier way wrote must not pass for this one: a way that no longer turns native on
  # would otherwise be checked against the previous way's native-image.args.
  rm -rf juliet/target/native-sources romeo/target/native-sources
  start=$(now)
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  env "${env[@]}" $MVN $MVN_FLAGS verify "${flag[@]}" -Dquarkus.native.sources-only=true -DskipITs \
    -Dtest=NativeImageArgsTest -Dsurefire.failIfNoSpecifiedTests=false -pl juliet,romeo,src-native-config -am \
    || die "the native build inputs asked for with $way are wrong (Maven output above)"
  log "$way: both services carry the shared native settings ($(( $(now) - start ))s)"
done
