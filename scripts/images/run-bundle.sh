#!/usr/bin/env bash
# Runs the process of an unpacked image in an isolated root, the way a pod runs it, without a
# container engine:
#   - its own mount, PID, IPC and UTS namespaces (unshare); the network is the caller's, so run this
#     under `nsenter --net=...` to give it a network namespace of its own;
#   - the root file system read-only (the chart sets readOnlyRootFilesystem), with a fresh /proc,
#     a tmpfs on /tmp (the chart's emptyDir) and a minimal /dev;
#   - exactly the image's entrypoint (+ cmd), environment, working directory and user, read from
#     the image config, plus any VAR=value given here (as a pod spec's env adds to the image's).
#
# Usage: run-bundle.sh BUNDLE_DIR [VAR=value ...]
#   BUNDLE_DIR/rootfs             the image's layers unpacked (umoci raw unpack)
#   BUNDLE_DIR/image-config.json  the image config as pushed (skopeo inspect --config)
# RUN_AS=uid[:gid] in the environment overrides the image's User, as a pod's
# securityContext.runAsUser/runAsGroup does.
# It stays in the foreground. Stop it with SIGTERM to the application, its only child and PID 1 of
# its namespace (unshare holds back a SIGTERM sent to itself until the child ends). Should this
# process be killed, --kill-child sends the application SIGTERM. When the application ends,
# everything in its PID namespace ends and its mounts go with its mount namespace.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ "${1:-}" != --inside ]; then
  bundle=$(cd "${1:?usage: run-bundle.sh BUNDLE_DIR [VAR=value ...]}" && pwd)
  shift
  [ -f "$bundle/image-config.json" ] && [ -d "$bundle/rootfs" ] || die "$bundle has no rootfs/ and image-config.json"
  # --fork makes this script's second half PID 1 of the new PID namespace, and then, through the
  # execs below, the application itself.
  exec unshare --mount --pid --ipc --uts --fork --kill-child=SIGTERM --propagation private \
    -- "$0" --inside "$bundle" "$@"
fi

shift
bundle=$1
shift
root="$bundle/rootfs"
config="$bundle/image-config.json"

# What a runtime runs: Entrypoint followed by Cmd, with the image's Env, in its WorkingDir, as its User.
mapfile -t args < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t env < <(jq -r '.config.Env // [] | .[]' "$config")
cwd=$(jq -r '.config.WorkingDir // "" | if . == "" then "/" else . end' "$config")
user=${RUN_AS:-$(jq -r '.config.User // ""' "$config")}
[ "${#args[@]}" -gt 0 ] || die "the image has neither entrypoint nor command"
# User is "user[:group]", each a number or a name from the image's own passwd and group files; with
# no group the user's primary group applies, as in Docker and Kubernetes.
uid=${user%%:*} gid=""
[[ "$user" == *:* ]] && gid=${user#*:}
[ -n "$uid" ] || uid=0
if ! [[ "$uid" =~ ^[0-9]+$ ]]; then
  entry=$(awk -F: -v u="$uid" '$1 == u' "$root/etc/passwd")
  [ -n "$entry" ] || die "the image's user '$uid' is not in its /etc/passwd"
  uid=$(cut -d: -f3 <<<"$entry")
fi
if [ -z "$gid" ]; then
  gid=$(awk -F: -v u="$uid" '$3 == u { print $4; exit }' "$root/etc/passwd")
  gid=${gid:-0}
elif ! [[ "$gid" =~ ^[0-9]+$ ]]; then
  gid=$(awk -F: -v g="$gid" '$1 == g { print $3; exit }' "$root/etc/group")
  [ -n "$gid" ] || die "the image's group '${user#*:}' is not in its /etc/group"
fi

# All of these mounts live in this private mount namespace only. The rootfs is this run's own
# unpacked copy, so mount points an image lacks may be created in it.
mkdir -p "$root/proc" "$root/tmp" "$root/dev" "$root/etc"
[ -e "$root/etc/hosts" ] || touch "$root/etc/hosts"
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
