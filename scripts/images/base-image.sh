#!/usr/bin/env bash
# Builds the minimal Java 17 runtime base image that the JVM images are built on when no public
# registry can be reached: Debian bookworm (debootstrap, minbase) + openjdk-17-jre-headless, packed
# as an OCI image layout by umoci. No container engine is needed.
#
# Output: an OCI layout under $IMAGES_CACHE_DIR/base/oci, tag "$BASE_IMAGE_TAG". Prints that
# "oci:<dir>:<tag>" reference on stdout (messages go to stderr), ready for skopeo.
#
# The layout is cached: a second run reuses it instead of running debootstrap again. It is rebuilt
# only when this script changes (its hash is the cache key) or when IMAGES_REBUILD_BASE=true.
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
# What goes in on top of minbase. Depends only; debootstrap ignores Recommends.
BASE_PACKAGES=openjdk-17-jre-headless
APP_UID=185
APP_HOME=/home/jboss

cache=$(images_cache_dir)
base_dir="$cache/base"
layout="$base_dir/oci"
stamp="$base_dir/stamp"
# The cache key: this recipe and the suite. (Mirrors do not change what it produces.)
key=$(sha256sum "$0" | cut -c1-16)-$DEBIAN_SUITE

if [ "${IMAGES_REBUILD_BASE:-false}" != true ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] \
   && [ -f "$layout/index.json" ]; then
  log "reusing cached base image $layout:$BASE_IMAGE_TAG (key $key)"
  printf 'oci:%s:%s\n' "$layout" "$BASE_IMAGE_TAG"
  exit 0
fi

need debootstrap debootstrap
need umoci umoci

start=$(now)
work="$base_dir/work"
rootfs="$work/rootfs"
# A rootfs left behind by an interrupted run may still have /proc mounted inside it; undo that first.
cleanup_rootfs() {
  if [ -d "$rootfs" ]; then
    local m
    for m in $(awk -v r="$rootfs" '$2 ~ "^"r { print $2 }' /proc/mounts | sort -r); do umount -l "$m" || true; done
    rm -rf "$work"
  fi
}
cleanup_rootfs
trap cleanup_rootfs EXIT
mkdir -p "$work" "$cache/debs"

log "debootstrap $DEBIAN_SUITE (minbase + $BASE_PACKAGES) from $DEBIAN_MIRROR; this takes a few minutes once"
# --cache-dir keeps the downloaded .debs, so a recipe change does not download them again.
if ! timeout 900 debootstrap --variant=minbase --include="$BASE_PACKAGES" --cache-dir="$cache/debs" \
       "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2 || true
  [ -f "$rootfs/debootstrap/debootstrap.log" ] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
  die "debootstrap failed (log above)"
fi
[ -x "$rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ] || die "debootstrap finished but no Java 17 in the rootfs"

# debootstrap installs from the release alone; a runtime base image wants the point-release and
# security updates too. The sources stay in the image for anyone who builds on it.
log "applying $DEBIAN_SUITE-updates and $DEBIAN_SUITE-security"
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
if ! timeout 600 unshare --mount --pid --fork --mount-proc="$rootfs/proc" chroot "$rootfs" /bin/sh -c \
       'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq && apt-get clean' \
       >"$work/upgrade.log" 2>&1; then
  tail -n 30 "$work/upgrade.log" >&2
  die "apt-get upgrade in the new rootfs failed (log above)"
fi
grep -E '^Unpacking ' "$work/upgrade.log" | sed 's/^/    /' >&2 || true

# Quick proof that the runtime works in the rootfs before spending time on it. The JVM finds its own
# libraries through /proc/self/exe, so /proc is mounted, in a throwaway mount namespace.
if ! unshare --mount --pid --fork --mount-proc="$rootfs/proc" chroot "$rootfs" /usr/bin/java -version >"$work/java-version.log" 2>&1; then
  cat "$work/java-version.log" >&2
  die "java -version fails in the new rootfs (output above)"
fi

log "making the rootfs non-root friendly and small"
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

log "packing the rootfs as OCI image $layout:$BASE_IMAGE_TAG"
rm -rf "$layout"
umoci init --layout "$layout"
umoci new --image "$layout:$BASE_IMAGE_TAG"
umoci insert --image "$layout:$BASE_IMAGE_TAG" --history.created_by "debootstrap --variant=minbase --include=$BASE_PACKAGES $DEBIAN_SUITE" \
  "$rootfs" /
umoci config --image "$layout:$BASE_IMAGE_TAG" \
  --author "romeo-juliet scripts/images/base-image.sh" \
  --config.user "$APP_UID" \
  --config.workingdir "$APP_HOME" \
  --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64" \
  --config.env "LANG=C.UTF-8" \
  --config.env "HOME=$APP_HOME" \
  --config.label "org.opencontainers.image.title=romeo-juliet Java 17 runtime base" \
  --config.label "org.opencontainers.image.base.name=debian:$DEBIAN_SUITE" \
  --config.label "org.opencontainers.image.description=Debian $DEBIAN_SUITE minbase with $BASE_PACKAGES, non-root user $APP_UID"
umoci gc --layout "$layout"
echo "$key" >"$stamp"

log "base image built in $(( $(now) - start ))s ($(du -sh "$layout" | cut -f1) in $layout)"
printf 'oci:%s:%s\n' "$layout" "$BASE_IMAGE_TAG"
