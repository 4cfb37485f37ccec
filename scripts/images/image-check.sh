#!/usr/bin/env bash
# Proves the JVM images and the release work without Docker, Kubernetes or any registry on the internet:
#   1. builds (or reuses) the Debian Java 17 base image for amd64 and arm64, one index
#                                                                   scripts/images/base-image.sh
#   2. starts a local registry (Debian's docker-registry) on 127.0.0.1:$IMAGE_CHECK_PORT
#   3. pushes the base image there (skopeo, both platforms), then runs the release flow against it:
#      both JVM images for linux/amd64 and linux/arm64 with Jib, their SBOMs attached, the chart
#      pushed as an OCI artifact; the release itself checks that each index lists both platforms,
#      that every platform's manifest and layers can be fetched, and that the chart installed from
#      oci:// renders as the checkout does                          scripts/release.sh publish
#   4. pulls each pushed image back (skopeo picks this host's platform from the index) and unpacks it (umoci)
#   5. starts each image's own entrypoint, as its own user, in an isolated read-only root, both in a
#      network namespace of their own, Romeo pointed at Juliet        scripts/images/run-bundle.sh
#   6. asks Romeo to call Juliet and checks that Juliet's greeting comes back.
# Every wait has a deadline; the trap stops what was started and removes the namespace.
#
# Settings (environment; the Makefile passes its variables): IMAGE_CHECK_PORT (registry port,
# default 5055), IMAGES_CACHE_DIR, MVN, MVN_FLAGS, IMAGE_CHECK_READY_TIMEOUT (seconds, default 90),
# IMAGE_CHECK_RUN_AS (uid:gid to run both as, like the chart's securityContext; default: the image's User).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RJ_ROOT"
here=$(cd "$(dirname "$0")" && pwd)

PORT=${IMAGE_CHECK_PORT:-5055}
READY_TIMEOUT=${IMAGE_CHECK_READY_TIMEOUT:-90}
RUN_AS=${IMAGE_CHECK_RUN_AS:-}
GREETING='Hello Romeo, this is Juliet.'
# The chart's image.repository is <registry>/<group>/<service> (root pom); only the registry differs here.
IMAGE_GROUP=$(pom_property quarkus.container-image.group)
JULIET_PORT_IN_NS=8080
ROMEO_PORT_IN_NS=8081
start=$(now)

[ "$(id -u)" = 0 ] || die "run as root: it makes namespaces, mounts and chroots"
for tool in "docker-registry docker-registry" "skopeo skopeo" "umoci umoci" "jq jq" "curl curl" \
            "ip iproute2" "pgrep procps" "nsenter util-linux" "unshare util-linux"; do
  # shellcheck disable=SC2086 # "command package" pairs
  need $tool
done

cache=$(images_cache_dir)
run=$(mktemp -d "${TMPDIR:-/tmp}/image-check.XXXXXX")
netns="rj-image-check-$$"
registry_pid=""
declare -A svc_pid=() app_pid=() unpack_pid=()

cleanup() {
  local rc=$? pid name
  trap - EXIT INT TERM
  for pid in "${unpack_pid[@]}"; do kill "$pid" 2>/dev/null || true; done
  # SIGTERM goes to the application itself, as a kubelet sends it: unshare, its parent, holds
  # SIGTERM back until its child ends. Quarkus stops in well under a second; whatever still runs
  # after 15 s is killed, and killing unshare takes its whole PID namespace down with it.
  for name in "${!svc_pid[@]}"; do
    [ -n "${app_pid[$name]:-}" ] || app_pid[$name]=$(pgrep -P "${svc_pid[$name]}" | head -n1 || true)
    kill -TERM "${app_pid[$name]:-${svc_pid[$name]}}" 2>/dev/null || true
  done
  for name in "${!svc_pid[@]}"; do
    pid=${svc_pid[$name]}
    timeout 15 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ -n "$registry_pid" ] && { kill -TERM "$registry_pid" 2>/dev/null || true; timeout 10 tail --pid="$registry_pid" -f /dev/null || kill -KILL "$registry_pid" 2>/dev/null || true; }
  ip netns delete "$netns" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    for name in "${!svc_pid[@]}"; do
      log "last lines of $name's output:"; tail -n 20 "$run/$name.log" >&2 || true
    done
    [ -f "$run/registry.log" ] && { log "last lines of the registry's log:"; tail -n 5 "$run/registry.log" >&2 || true; }
    printf 'FAILED [image-check] after %ss (exit %s)\n' "$(( $(now) - start ))" "$rc" >&2
  fi
  rm -rf "$run"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for WHAT SECONDS COMMAND...: retries COMMAND once a second until it succeeds or time runs out.
wait_for() {
  local what=$1 limit=$2 deadline
  shift 2
  deadline=$(( $(now) + limit ))
  until "$@" >/dev/null 2>&1; do
    [ "$(now)" -lt "$deadline" ] || die "$what: not ready after ${limit}s"
    sleep 1
  done
}
in_ns() { nsenter --net="/run/netns/$netns" -- "$@"; }

# 1. Base image.
t=$(now)
base_oci=$("$here/base-image.sh")
t_base=$(( $(now) - t ))

# 2. Registry. Its storage is per run, so every image-check really pushes.
if port_taken "$PORT"; then
  die "something already listens on 127.0.0.1:$PORT; pick a free port: make image-check IMAGE_CHECK_PORT=5056"
fi
cat >"$run/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $run/registry
http:
  addr: 127.0.0.1:$PORT
EOF
log "starting docker-registry on 127.0.0.1:$PORT"
docker-registry serve "$run/registry.yml" >"$run/registry.log" 2>&1 &
registry_pid=$!
wait_for "registry on 127.0.0.1:$PORT" 30 curl -fsS --max-time 2 "http://127.0.0.1:$PORT/v2/"
registry="127.0.0.1:$PORT"

t=$(now)
base_ref="$registry/$IMAGE_GROUP/base-jre17:bookworm"
log "pushing the base image (every platform of its index) to $base_ref"
timeout 600 skopeo copy --quiet --all --dest-tls-verify=false "$base_oci" "docker://$base_ref" \
  || die "skopeo could not push the base image to $registry"

# 3. The release, as `make release` runs it, into this registry: both JVM images for both platforms
# (scripts/images/build.sh, as `make images` builds them), SBOMs, the chart, and the release's checks.
# Native images need a native base image from a public registry, so they are left out here.
# Its files (SBOMs, chart package, release.txt) stay in target/release/<version>.
REGISTRY=$registry INSECURE=true NATIVE=false BASE_JVM_IMAGE=$base_ref \
  "$RJ_ROOT/scripts/release.sh" publish >"$run/release.txt"
sed 's/^/    /' "$run/release.txt" >&2
t_build=$(( $(now) - t ))

# 4. Pull back what was pushed, under the names the chart expects. The OCI layout under the cache
# keeps blobs between runs, so the base layer is copied once. Unpacking is per run, both images at
# once (the two cores each take one), after both pulls, so nothing writes the layout while umoci reads it.
t=$(now)
pulled="$cache/pulled"
[ -f "$pulled/index.json" ] || umoci init --layout "$pulled"
version=$(project_version)
for svc in juliet romeo; do
  ref="$registry/$IMAGE_GROUP/$svc:$version"
  log "pulling $ref ($(uname -m) from its index)"
  timeout 300 skopeo copy --quiet --src-tls-verify=false "docker://$ref" "oci:$pulled:$svc" \
    || die "$ref was not found in the registry: the build did not push it under the name the chart expects"
  mkdir -p "$run/$svc"
  skopeo inspect --config "oci:$pulled:$svc" >"$run/$svc/image-config.json"
  jq -c '.config | {Entrypoint, Cmd, WorkingDir, User}' "$run/$svc/image-config.json" \
    | sed "s/^/    $svc image config: /" >&2
done
for svc in juliet romeo; do
  timeout 300 umoci raw unpack --image "$pulled:$svc" "$run/$svc/rootfs" >"$run/$svc-unpack.log" 2>&1 &
  unpack_pid[$svc]=$!
done
for svc in "${!unpack_pid[@]}"; do
  wait "${unpack_pid[$svc]}" || { cat "$run/$svc-unpack.log" >&2; die "umoci could not unpack $svc"; }
done
umoci gc --layout "$pulled"
t_unpack=$(( $(now) - t ))

# 5. A network namespace with only a loopback, shared by the two like containers of one pod: no
# traffic leaves it, and the ports cannot clash with anything on the host (make run, say).
t=$(now)
ip netns add "$netns"
in_ns ip link set lo up

# start_service NAME VAR=value...: runs the unpacked image NAME in the namespace, in the background.
start_service() {
  local name=$1
  shift
  RUN_AS=$RUN_AS nsenter --net="/run/netns/$netns" -- "$here/run-bundle.sh" "$run/$name" "$@" >"$run/$name.log" 2>&1 &
  svc_pid[$name]=$!
}
# wait_ready NAME PORT: until /q/health/ready answers, failing early if the process died.
wait_ready() {
  local name=$1 port=$2 deadline=$(( $(now) + READY_TIMEOUT ))
  until in_ns curl -fsS --max-time 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 "${svc_pid[$name]}" 2>/dev/null || die "$name's process ended before it was ready"
    [ "$(now)" -lt "$deadline" ] || die "$name: not ready on port $port after ${READY_TIMEOUT}s"
    sleep 1
  done
  local app uid gid root_mode
  # The application is the only child of the namespace's unshare: say who it runs as and how, and
  # remember it so that the cleanup waits for it to end.
  app=$(pgrep -P "${svc_pid[$name]}" | head -n1 || true)
  [ -n "$app" ] && app_pid[$name]=$app
  uid=$(awk '/^Uid:/ { print $2 }' "/proc/$app/status" 2>/dev/null || echo '?')
  gid=$(awk '/^Gid:/ { print $2 }' "/proc/$app/status" 2>/dev/null || echo '?')
  root_mode=$(awk '$2 == "/" { split($4, o, ","); print o[1] }' "/proc/$app/mounts" 2>/dev/null || echo '?')
  log "$name is ready on port $port (uid $uid, gid $gid, root file system $root_mode)"
}

start_service juliet "QUARKUS_HTTP_PORT=$JULIET_PORT_IN_NS"
wait_ready juliet "$JULIET_PORT_IN_NS"
start_service romeo "QUARKUS_HTTP_PORT=$ROMEO_PORT_IN_NS" \
  "QUARKUS_REST_CLIENT_JULIET_URL=http://127.0.0.1:$JULIET_PORT_IN_NS"
wait_ready romeo "$ROMEO_PORT_IN_NS"

# 6. The greeting, through Romeo.
answer=$(in_ns curl -fsS --max-time 10 "http://127.0.0.1:$ROMEO_PORT_IN_NS/call-juliet") \
  || die "GET /call-juliet on Romeo failed"
log "Romeo's /call-juliet answered: $answer"
case "$answer" in
  *"$GREETING"*) ;;
  *) die "Romeo's answer does not carry Juliet's greeting '$GREETING'" ;;
esac
t_run=$(( $(now) - t ))

printf 'image-check: OK: Juliet'"'"'s greeting came back through Romeo'"'"'s released image in %ss (base image %ss, release: both platforms, SBOMs, chart, checks %ss, pull and unpack %ss, start and call %ss)\n' \
  "$(( $(now) - start ))" "$t_base" "$t_build" "$t_unpack" "$t_run"
