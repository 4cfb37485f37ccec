# Helpers only the scripts in scripts/images/ use, on top of scripts/lib.sh (messages, repo root,
# version, native-image lookup). Source it; it does nothing on its own.
# shellcheck shell=bash
# shellcheck source-path=SCRIPTDIR/..
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# Where caches live. Relative paths are taken from the repo root, so make's CACHE_DIR=.cache/images works anywhere.
images_cache_dir() {
  local dir=${IMAGES_CACHE_DIR:-.cache/images}
  case "$dir" in /*) ;; *) dir="$RJ_ROOT/$dir" ;; esac
  mkdir -p "$dir"
  printf '%s\n' "$dir"
}

# need COMMAND PACKAGE: install the Debian package when the command is missing. CI starts from a fresh
# machine, so the scripts install what they use rather than assume it; 'apt-get update' runs once at most.
_images_apt_updated=false
need() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || die "'$cmd' is missing and only root can install it: apt-get install $pkg"
  command -v apt-get >/dev/null 2>&1 || die "'$cmd' is missing and there is no apt-get to install $pkg with"
  if [ "$_images_apt_updated" = false ]; then
    log "apt-get update (to install $pkg)"
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -qq >&2 || die "apt-get update failed"
    _images_apt_updated=true
  fi
  log "installing $pkg (for $cmd)"
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "$pkg" >&2 \
    || die "apt-get install $pkg failed"
  command -v "$cmd" >/dev/null 2>&1 || die "installed $pkg but '$cmd' is still not on PATH"
}

# apt_uri main|security: the first Debian archive URI this machine's apt uses, of that kind, so that
# debootstrap and the new root reach the same mirror apt does. deb822 *.sources files come first,
# then one-line sources.list entries; prints nothing when none is found.
apt_uri() {
  local want=$1 f files=()
  for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && files+=("$f")
  done
  [ "${#files[@]}" -gt 0 ] || return 0
  awk -v want="$want" '
    function pick(u) { if (u ~ /^https?:/ && ((want == "security") == (u ~ /security/))) { print u; exit } }
    tolower($1) == "uris:" || $1 == "deb" { for (i = 2; i <= NF; i++) pick($i) }
  ' "${files[@]}"
}
debian_mirror() { local uri; uri=$(apt_uri main); printf '%s\n' "${uri:-http://deb.debian.org/debian}"; }
debian_security_mirror() {
  local uri; uri=$(apt_uri security); printf '%s\n' "${uri:-http://deb.debian.org/debian-security}"
}

# need_emulation ARCH: lets this host run ARCH's programs, which debootstrap's second stage needs for
# a foreign architecture. Debian's qemu-user-static registers its emulators with binfmt_misc; the F
# flag it uses makes the kernel open the emulator once, so it works inside a chroot too. Mounting
# binfmt_misc is what systemd does at boot; a machine without systemd (a container, CI) needs it here.
need_emulation() {
  local arch=$1 qemu
  case "$arch" in arm64) qemu=aarch64 ;; *) die "no emulator known for $arch" ;; esac
  need qemu-$qemu-static qemu-user-static
  need update-binfmts binfmt-support
  if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
      || die "cannot mount binfmt_misc, so $arch programs cannot run here; build the base image on a host that allows it, or set BASE_ARCHES to this host's architecture"
  fi
  [ -e "/proc/sys/fs/binfmt_misc/qemu-$qemu" ] || update-binfmts --enable "qemu-$qemu" >&2 \
    || die "update-binfmts could not enable qemu-$qemu"
  grep -q '^enabled' "/proc/sys/fs/binfmt_misc/qemu-$qemu" || die "binfmt_misc has qemu-$qemu disabled"
}
