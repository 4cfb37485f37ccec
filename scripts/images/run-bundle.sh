#!/usr/bin/env bash
# Runs the process of an unpacked OCI image (a bundle from `umoci unpack`) in an isolated root, the
# way a pod runs it, without a container engine:
#   - its own mount, PID, IPC and UTS namespaces (unshare); the network is the caller's, so run this
#     under `nsenter --net=...` to give it a network namespace of its own;
#   - the root file system read-only (the chart sets readOnlyRootFilesystem), with a fresh /proc,
#     a tmpfs on /tmp (the chart's emptyDir) and a minimal /dev;
#   - exactly the image's entrypoint, environment, working directory and user, read from the bundle's
#     config.json (which umoci derives from the image config), plus any VAR=value given here.
#
# Usage: run-bundle.sh BUNDLE_DIR [VAR=value ...]
# It stays in the foreground. A SIGTERM to it reaches the application (--kill-child), and when it
# ends everything in its PID namespace ends and its mounts go with its mount namespace.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ "${1:-}" != --inside ]; then
  bundle=$(cd "${1:?usage: run-bundle.sh BUNDLE_DIR [VAR=value ...]}" && pwd)
  shift
  [ -f "$bundle/config.json" ] && [ -d "$bundle/rootfs" ] || die "$bundle is not an unpacked OCI bundle"
  # --fork makes this script's second half PID 1 of the new PID namespace; --kill-child passes a
  # SIGTERM on to it so the JVM shuts down as it would in a pod.
  exec unshare --mount --pid --ipc --uts --fork --kill-child=SIGTERM --propagation private \
    -- "$0" --inside "$bundle" "$@"
fi

shift
bundle=$1
shift
root="$bundle/rootfs"
config="$bundle/config.json"

mapfile -t args < <(jq -r '.process.args[]' "$config")
mapfile -t env < <(jq -r '.process.env[]?' "$config")
cwd=$(jq -r '.process.cwd // "/"' "$config")
uid=$(jq -r '.process.user.uid // 0' "$config")
gid=$(jq -r '.process.user.gid // 0' "$config")
[ "${#args[@]}" -gt 0 ] || die "the image has neither entrypoint nor command"

# All of these mounts live in this private mount namespace only.
mount --bind "$root" "$root"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t tmpfs -o nosuid,nodev,mode=1777,size=128m tmpfs "$root/tmp"
mount -t tmpfs -o nosuid,mode=0755,size=64k tmpfs "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
# Like a kubelet: the pod's host name, and an /etc/hosts that names it, over the image's own.
name=$(basename "$bundle")
hostname "$name"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t%s\n' "$name" >"$bundle/hosts"
mount --bind -o ro "$bundle/hosts" "$root/etc/hosts"
# Read-only last, so the mounts above could still be made on it.
mount -o remount,bind,ro "$root"

log "exec as uid $uid gid $gid in $cwd: ${args[*]}"
# env -i: only the image's environment and the caller's VAR=value reach the process, not this
# shell's. unshare's --root is chroot(2) with a chdir into the image's WorkingDir afterwards, which
# chroot(1) cannot do; it then drops to the image's user and execs the entrypoint, found on the
# image's PATH inside the new root.
exec env -i "${env[@]}" "HOSTNAME=$name" "$@" /usr/bin/unshare --root="$root" --wd="$cwd" --setgid "$gid" --setuid "$uid" \
  -- "${args[@]}"
