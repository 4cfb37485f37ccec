#!/usr/bin/env bash
# Builds the container images of both services with Quarkus's Jib extension (no Dockerfile, no
# container engine when pushing): the JVM flavour always, the native flavour when there is a native
# executable to put in it. Used by `make images` and by scripts/images/image-check.sh.
#
# Names come from each module's application.properties (## Container image), so they match the
# chart's image.repository and tag: <registry>/romeojuliet/<service>:<version>[-native].
#
# Settings (environment; the Makefile passes its variables of the same names):
#   REGISTRY           registry host[:port]; empty keeps application.properties' (docker.io)
#   PUSH               true pushes to REGISTRY; false loads into the local Docker daemon (Jib's only
#                      other target in Quarkus), so it needs one
#   INSECURE           true lets Jib talk plain HTTP to REGISTRY (a local registry)
#   BASE_JVM_IMAGE     base of the JVM flavour; empty keeps Quarkus's default (UBI OpenJDK 17 runtime)
#   BASE_NATIVE_IMAGE  base of the native flavour; empty keeps Quarkus's default
#   NATIVE             auto (build it when a native executable or native-image is found), true, false
#   PLATFORMS          JVM flavour's platforms, comma-separated (linux/amd64,linux/arm64); empty: the
#                      base image's default. Several need PUSH=true and a base image whose index lists
#                      them all; the native flavour is always built for this host's platform only
#   MVN, MVN_FLAGS     how to run Maven (./mvnw -B -ntp)
#   IMAGES_CACHE_DIR   Jib's layer caches go under it (.cache/images)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RJ_ROOT"

REGISTRY=${REGISTRY:-}
PUSH=${PUSH:-false}
INSECURE=${INSECURE:-false}
BASE_JVM_IMAGE=${BASE_JVM_IMAGE:-}
BASE_NATIVE_IMAGE=${BASE_NATIVE_IMAGE:-}
NATIVE=${NATIVE:-auto}
PLATFORMS=${PLATFORMS:-}
MVN=${MVN:-./mvnw}
MVN_FLAGS=${MVN_FLAGS:--B -ntp}
SERVICES=(juliet romeo)

case "$PUSH" in true|false) ;; *) die "PUSH must be true or false, not '$PUSH'" ;; esac
case "$NATIVE" in auto|true|false) ;; *) die "NATIVE must be auto, true or false, not '$NATIVE'" ;; esac
IFS=, read -r -a platform_list <<<"$PLATFORMS"
for platform in "${platform_list[@]}"; do
  case "$platform" in
    linux/amd64|linux/arm64|linux/arm64/v8) ;;
    *) die "PLATFORMS takes linux/amd64 and linux/arm64, comma-separated; '$platform' is neither" ;;
  esac
done
if [ "${#platform_list[@]}" -gt 1 ] && [ "$PUSH" != true ]; then
  die "PLATFORMS=$PLATFORMS needs PUSH=true: a Docker daemon takes one platform at a time"
fi

for svc in "${SERVICES[@]}"; do
  grep -q 'quarkus-container-image-jib' "$svc/pom.xml" \
    || die "$svc/pom.xml lacks io.quarkus:quarkus-container-image-jib; without it Quarkus builds no image"
done

if [ "$PUSH" = false ]; then
  # Quarkus's Jib extension has two targets: a registry (push) or a Docker daemon. Say so up front
  # rather than fail deep inside Maven.
  if ! timeout 20 docker info >/dev/null 2>&1; then
    die "PUSH=false loads the images into a local Docker daemon, and none answers here. Push instead: make images REGISTRY=host:port PUSH=true"
  fi
fi

cache=$(images_cache_dir)
# Flags common to both flavours. Jib keeps its layer caches under the ignored cache folder so a
# second build reuses base-image layers and unchanged application layers.
common=(
  # Only the two services: the chart module has no image.
  -pl "$(IFS=,; echo "${SERVICES[*]}")"
  # and the shared module both services depend on
  -am
  -DskipTests
  -Dquarkus.container-image.build=true
  "-Dquarkus.container-image.push=$PUSH"
  "-Dquarkus.jib.base-image-layers-cache=$cache/jib/base"
  "-Dquarkus.jib.application-layers-cache=$cache/jib/app"
)
[ -n "$REGISTRY" ] && common+=("-Dquarkus.container-image.registry=$REGISTRY")
[ "$INSECURE" = true ] && common+=(-Dquarkus.container-image.insecure=true)

# Prints what each module's build recorded: the image it made and that image's digest.
report() {
  local flavour=$1 svc image digest
  for svc in "${SERVICES[@]}"; do
    [ -f "$svc/target/jib-image.digest" ] || die "$svc: no $flavour image was built (no target/jib-image.digest)"
    # A properties file: ':' comes escaped as '\:'.
    image=$(sed -n 's/^metadata\.container-image=//p' "$svc/target/quarkus-artifact.properties" 2>/dev/null | sed 's/\\//g' || true)
    digest=$(cat "$svc/target/jib-image.digest")
    log "$flavour image: ${image:-$svc} ($digest)"
  done
}

# A digest file from an earlier build must not pass for this one.
clear_digests() { rm -f juliet/target/jib-image.digest romeo/target/jib-image.digest; }

start=$(now)
# No AppCDS archive (pom.xml makes one for make run): the image's JRE is not the JDK building here,
# and an archive loads only on the JVM build that made it.
jvm=("${common[@]}" -Dquarkus.package.jar.aot.enabled=false)
[ -n "$BASE_JVM_IMAGE" ] && jvm+=("-Dquarkus.jib.base-jvm-image=$BASE_JVM_IMAGE")
# A multi-platform JVM image is one image index: Jib takes each platform's base from the base image's
# index and pushes one manifest per platform plus the index; jib-image.digest is then the index's.
[ -n "$PLATFORMS" ] && jvm+=("-Dquarkus.jib.platforms=$PLATFORMS")
log "JVM flavour: $MVN $MVN_FLAGS package ${jvm[*]}"
clear_digests
# shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
timeout 1800 $MVN $MVN_FLAGS package "${jvm[@]}" || die "the JVM image build failed (Maven output above)"
report JVM

# The native flavour needs a native executable: either one built before (make native) that Quarkus
# reuses, or a GraalVM/Mandrel native-image to build one now.
have_runners=true
for svc in "${SERVICES[@]}"; do
  compgen -G "$svc/target/*-runner" >/dev/null || have_runners=false
done
have_native_image=false
# GRAALVM_HOME: where Quarkus looks, so that the cached toolchain's native-image counts too.
if home=$(native_image_home); then have_native_image=true; export GRAALVM_HOME=$home; fi
if [ "$NATIVE" = auto ]; then
  if [ "$have_runners" = true ] || [ "$have_native_image" = true ]; then NATIVE=true; else NATIVE=false; fi
  [ "$NATIVE" = false ] && log "native flavour skipped: no native executable in */target and no native-image (PATH, GRAALVM_HOME, make native-toolchain)"
fi
if [ "$NATIVE" = true ]; then
  # -Pnative: the same native settings as make native; reuse-existing: an executable already in
  # target/ goes in as it is instead of being built again.
  native=("${common[@]}"
    -Pnative
    -Dquarkus.native.enabled=true
    -Dquarkus.native.reuse-existing=true
    # Same name, "-native" after the version: the chart's tag for the native flavour.
    '-Dquarkus.container-image.tag=${quarkus.application.version}-native')
  [ -n "$BASE_NATIVE_IMAGE" ] && native+=("-Dquarkus.jib.base-native-image=$BASE_NATIVE_IMAGE")
  log "native flavour: $MVN $MVN_FLAGS package ${native[*]}"
  clear_digests
  # shellcheck disable=SC2086
  timeout 3600 $MVN $MVN_FLAGS package "${native[@]}" || die "the native image build failed (Maven output above)"
  report native
fi

log "images done in $(( $(now) - start ))s ($([ "$PUSH" = true ] && echo "pushed to ${REGISTRY:-the registry in application.properties}" || echo "loaded into the local Docker daemon"))"
