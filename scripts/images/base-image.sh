#!/usr/bin/env bash
# Builds the minimal Java 17 runtime base image that the JVM images are built on when no public
# registry can be reached: Debian bookworm (debootstrap, minbase) + openjdk-17-jre-headless, packed
# as an OCI image layout by umoci, once per architecture in BASE_ARCHES (amd64 arm64). No container
# engine is needed.
#
# Output: an OCI layout under $IMAGES_CACHE_DIR/base/oci. Tag "$BASE_IMAGE_TAG" is an OCI image
# index listing one manifest per architecture (what Jib needs to build for several platforms);
# "$BASE_IMAGE_TAG-<arch>" tags each manifest. Prints the index's "oci:<dir>:<tag>" reference on
# stdout (messages go to stderr), ready for skopeo copy --all.
#
# A foreign architecture (arm64 on an amd64 host) is debootstrapped the same way: the first stage
# only unpacks, but the second runs the packages' maintainer scripts (base-passwd writes /etc/passwd,
# ca-certificates-java runs Java to build the trust store, update-alternatives links java), so it
# needs arm64 code to run here. Debian's qemu-user-static does that through binfmt_misc.
#
# The layout is cached: a second run reuses it instead of running debootstrap again. It is rebuilt
# only when this script changes (its hash is the cache key), BASE_ARCHES changes, or when
# IMAGES_REBUILD_BASE=true.
#
# The image is made to run as non-root on a read-only root file system, as the chart runs it:
# user 185 (the uid Quarkus's Jib extension gives /home/jboss), HOME=/home/jboss, a sticky
# world-writable /tmp for the pod to mount an emptyDir over.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "run as root: debootstrap and umoci need to create files owned by other users"

DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-$(debian_mirror)}
DEBIAN_SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-$(debian_security_mirror)}
BASE_IMAGE_TAG=${BASE_IMAGE_TAG:-jre17}
# Debian architecture names; each becomes one platform of the index (arm64 as linux/arm64/v8).
BASE_ARCHES=${BASE_ARCHES:-amd64 arm64}
# What goes in on top of minbase. Depends only; debootstrap ignores Recommends.
BASE_PACKAGES=openjdk-17-jre-headless
APP_UID=185
APP_HOME=/home/jboss

cache=$(images_cache_dir)
base_dir="$cache/base"
layout="$base_dir/oci"
stamp="$base_dir/stamp"
# The cache key: this recipe, the suite and the architectures. (Mirrors do not change what it produces.)
key=$(sha256sum "$0" | cut -c1-16)-$DEBIAN_SUITE-${BASE_ARCHES// /-}
host_arch=$(dpkg --print-architecture)
for arch in $BASE_ARCHES; do
  case "$arch" in amd64|arm64) ;; *) die "BASE_ARCHES: '$arch' is not one of amd64, arm64" ;; esac
done

if [ "${IMAGES_REBUILD_BASE:-false}" != true ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] \
   && [ -f "$layout/index.json" ]; then
  log "reusing cached base image $layout:$BASE_IMAGE_TAG (key $key)"
  printf 'oci:%s:%s\n' "$layout" "$BASE_IMAGE_TAG"
  exit 0
fi

need debootstrap debootstrap
need umoci umoci
need jq jq

start=$(now)
work="$base_dir/work"
# A rootfs left behind by an interrupted run may still have /proc mounted inside it; undo that first.
cleanup_work() {
  if [ -d "$work" ]; then
    local m
    for m in $(awk -v r="$work" '$2 ~ "^"r { print $2 }' /proc/mounts | sort -r); do umount -l "$m" || true; done
    rm -rf "$work"
  fi
}
cleanup_work
trap cleanup_work EXIT
mkdir -p "$work" "$cache/debs"
rm -rf "$layout"
umoci init --layout "$layout"

# build_rootfs ARCH: debootstrap, updates, a quick Java check, non-root user, trimmed: $work/ARCH/rootfs.
build_rootfs() {
  local arch=$1 dir="$work/$1" rootfs="$work/$1/rootfs" java_home=/usr/lib/jvm/java-17-openjdk-$1
  mkdir -p "$dir"
  # Another architecture's maintainer scripts must run here (see the top of this file).
  [ "$arch" = "$host_arch" ] || need_emulation "$arch"

  log "$arch: debootstrap $DEBIAN_SUITE (minbase + $BASE_PACKAGES) from $DEBIAN_MIRROR; this takes a few minutes once"
  # --cache-dir keeps the downloaded .debs (their names carry the architecture), so a recipe change
  # does not download them again.
  if ! timeout 1800 debootstrap --arch="$arch" --variant=minbase --include="$BASE_PACKAGES" --cache-dir="$cache/debs" \
         "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" >"$dir/debootstrap.log" 2>&1; then
    tail -n 30 "$dir/debootstrap.log" >&2 || true
    [ -f "$rootfs/debootstrap/debootstrap.log" ] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
    die "$arch: debootstrap failed (log above)"
  fi
  [ -x "$rootfs$java_home/bin/java" ] || die "$arch: debootstrap finished but no Java 17 in the rootfs"

  # debootstrap installs from the release alone; a runtime base image wants the point-release and
  # security updates too. The sources stay in the image for anyone who builds on it.
  log "$arch: applying $DEBIAN_SUITE-updates and $DEBIAN_SUITE-security"
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $DEBIAN_MIRROR
Suites: $DEBIAN_SUITE $DEBIAN_SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $DEBIAN_SECURITY_MIRROR
Suites: $DEBIAN_SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  if ! timeout 1800 unshare --mount --pid --fork --mount-proc="$rootfs/proc" chroot "$rootfs" /bin/sh -c \
         'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq && apt-get clean' \
         >"$dir/upgrade.log" 2>&1; then
    tail -n 30 "$dir/upgrade.log" >&2
    die "$arch: apt-get upgrade in the new rootfs failed (log above)"
  fi
  grep -E '^Unpacking ' "$dir/upgrade.log" | sed "s/^/    $arch: /" >&2 || true

  # Quick proof that the runtime works in the rootfs before spending time on it (arm64 through
  # qemu). The JVM finds its own libraries through /proc/self/exe, so /proc is mounted, in a
  # throwaway mount namespace.
  if ! unshare --mount --pid --fork --mount-proc="$rootfs/proc" chroot "$rootfs" /usr/bin/java -version >"$dir/java-version.log" 2>&1; then
    cat "$dir/java-version.log" >&2
    die "$arch: java -version fails in the new rootfs (output above)"
  fi
  log "$arch: $(head -n 1 "$dir/java-version.log")"

  log "$arch: making the rootfs non-root friendly and small"
  # The user the application runs as. Group 0 as in the UBI images, so an arbitrary uid in group 0
  # (OpenShift) finds the same permissions.
  echo "jboss:x:$APP_UID:0:Application user:$APP_HOME:/usr/sbin/nologin" >>"$rootfs/etc/passwd"
  echo "jboss:!:19000:0:99999:7:::" >>"$rootfs/etc/shadow"
  install -d -o "$APP_UID" -g 0 -m 0775 "$rootfs$APP_HOME"
  chmod 1777 "$rootfs/tmp"
  # The runtime (Kubernetes, or image-check's chroot) provides these; the host's copies must not leak in.
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
  : >"$rootfs/etc/resolv.conf"
  echo localhost >"$rootfs/etc/hostname"
  rm -rf "${rootfs:?}"/dev/* "${rootfs:?}"/proc/* "${rootfs:?}"/sys/* "${rootfs:?}"/run/* \
         "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
         "$rootfs"/var/log/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
         "$rootfs"/debootstrap
}

# pack_rootfs ARCH: one image of the layout, tagged $BASE_IMAGE_TAG-ARCH, whose config names its platform.
pack_rootfs() {
  local arch=$1 image="$layout:$BASE_IMAGE_TAG-$1"
  log "$arch: packing the rootfs as OCI image $image"
  umoci new --image "$image"
  umoci insert --image "$image" --history.created_by "debootstrap --arch=$arch --variant=minbase --include=$BASE_PACKAGES $DEBIAN_SUITE" \
    "$work/$arch/rootfs" /
  umoci config --image "$image" \
    --os linux --architecture "$arch" \
    --author "romeo-juliet scripts/images/base-image.sh" \
    --config.user "$APP_UID" \
    --config.workingdir "$APP_HOME" \
    --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch" \
    --config.env "LANG=C.UTF-8" \
    --config.env "HOME=$APP_HOME" \
    --config.label "org.opencontainers.image.title=romeo-juliet Java 17 runtime base" \
    --config.label "org.opencontainers.image.base.name=debian:$DEBIAN_SUITE" \
    --config.label "org.opencontainers.image.description=Debian $DEBIAN_SUITE minbase with $BASE_PACKAGES, non-root user $APP_UID"
  # The rootfs is in the layout now; free its disk before the next architecture.
  rm -rf "${work:?}/$arch"
}

for arch in $BASE_ARCHES; do
  build_rootfs "$arch"
  pack_rootfs "$arch"
done

# The index that makes the per-architecture images one multi-platform base: Jib picks each
# platform's manifest from it. umoci writes single images only, so the index is written here as the
# OCI image-spec describes it: a blob listing the manifests with their platforms, then a tag for it.
log "writing the image index $layout:$BASE_IMAGE_TAG ($BASE_ARCHES)"
manifests='[]'
for arch in $BASE_ARCHES; do
  descriptor=$(jq -c --arg ref "$BASE_IMAGE_TAG-$arch" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $ref)' "$layout/index.json")
  [ -n "$descriptor" ] || die "no manifest tagged $BASE_IMAGE_TAG-$arch in $layout"
  variant=""
  [ "$arch" = arm64 ] && variant=v8
  manifests=$(jq -c --argjson d "$descriptor" --arg arch "$arch" --arg variant "$variant" \
    '. + [$d | del(.annotations) | .platform = ({os: "linux", architecture: $arch} + (if $variant == "" then {} else {variant: $variant} end))]' <<<"$manifests")
done
index_blob=$(jq -cn --argjson m "$manifests" '{schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: $m}')
index_digest=$(printf '%s' "$index_blob" | sha256sum | cut -d' ' -f1)
printf '%s' "$index_blob" >"$layout/blobs/sha256/$index_digest"
jq --arg digest "sha256:$index_digest" --argjson size "${#index_blob}" --arg ref "$BASE_IMAGE_TAG" \
  '.manifests += [{mediaType: "application/vnd.oci.image.index.v1+json", digest: $digest, size: $size,
                   annotations: {"org.opencontainers.image.ref.name": $ref}}]' \
  "$layout/index.json" >"$layout/index.json.new"
mv "$layout/index.json.new" "$layout/index.json"
umoci gc --layout "$layout"
echo "$key" >"$stamp"

log "base image built in $(( $(now) - start ))s ($(du -sh "$layout" | cut -f1) in $layout)"
printf 'oci:%s:%s\n' "$layout" "$BASE_IMAGE_TAG"
