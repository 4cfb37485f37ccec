# Shared helpers for the scripts in scripts/images/. Source it; it does nothing on its own.
# shellcheck shell=bash

# Every message starts with the script's name so that interleaved output in CI stays readable.
IMAGES_LOG_NAME=${IMAGES_LOG_NAME:-$(basename "$0" .sh)}

log() { printf '==> [%s] %s\n' "$IMAGES_LOG_NAME" "$*" >&2; }
die() { printf 'ERROR [%s] %s\n' "$IMAGES_LOG_NAME" "$*" >&2; exit 1; }

# The repo root, whatever the caller's working directory.
IMAGES_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Where caches live. Relative paths are taken from the repo root, so make's CACHE_DIR=.cache/images works anywhere.
images_cache_dir() {
  local dir=${IMAGES_CACHE_DIR:-.cache/images}
  case "$dir" in /*) ;; *) dir="$IMAGES_REPO_ROOT/$dir" ;; esac
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

# The Debian mirror this machine's apt already uses, so debootstrap reaches the same place apt does.
# Reads deb822 *.sources files first, then one-line sources.list entries; falls back to deb.debian.org.
debian_mirror() {
  local uri
  uri=$(awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
          /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/ && $i !~ /security/) { print $i; exit } }' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
  fi
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

# The Debian security mirror this machine's apt uses (deb822 or one-line); deb.debian.org's otherwise.
debian_security_mirror() {
  local uri
  uri=$(awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) if ($i ~ /security/) { print $i; exit } }' \
          /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/ && $i ~ /security/) { print $i; exit } }' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
  fi
  printf '%s\n' "${uri:-http://deb.debian.org/debian-security}"
}

# Seconds since the epoch, for the elapsed-time lines.
now() { date +%s; }
