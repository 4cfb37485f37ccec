#!/usr/bin/env bash
# The release steps around make release that the GitHub workflows run (CONTRIBUTING.md):
#   scripts/release-extras.sh native-dist   (make native-dist PLATFORM=...) both native executables,
#       named <service>-<version>-<PLATFORM>, with the start figures of that runner
#       (target/start-figures/<PLATFORM>.md) and a SHA-256 list, into target/native-dist/<PLATFORM>/
#   scripts/release-extras.sh sign          (make sign) cosign keyless signatures for every image and
#       the chart that make release pushed, by digest, as its release folder lists them
#   scripts/release-extras.sh github-release (make github-release TAG=vX.Y.Z) a GitHub Release for the
#       tag, with every native executable under target/native-dist and one checksum file
# Settings (environment): PLATFORM, TAG, RELEASE_DIR (target/release/<version>), NATIVE_DIST
# (target/native-dist), DRY_RUN (1: print each command instead of running it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

VERSION=$(project_version)
RELEASE_DIR=${RELEASE_DIR:-target/release/$VERSION}
NATIVE_DIST=${NATIVE_DIST:-target/native-dist}

# SHA-256 lines ("<hash>  <file>") of the given files, run from their folder: the format both
# sha256sum -c and shasum -a 256 -c read. shasum is Perl's, on macOS and most Linux runners.
checksums() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

native_dist() {
  local platform=${PLATFORM:?PLATFORM, e.g. linux-amd64} dir svc runner
  dir=$NATIVE_DIST/$platform
  step mkdir -p "$dir"
  for svc in juliet romeo; do
    runner=$(native_runner "$svc")
    [ "${DRY_RUN:-}" = 1 ] || [ -x "$runner" ] || die "no native executable $runner: make native first"
    step cp "$runner" "$dir/$svc-$VERSION-$platform"
  done
  [ "${DRY_RUN:-}" = 1 ] || [ -f "target/start-figures/$platform.md" ] \
    || die "no target/start-figures/$platform.md: make start-figures RUN_MODE=native PLATFORM=$platform first"
  step cp "target/start-figures/$platform.md" "$dir/figures.md"
  if [ "${DRY_RUN:-}" = 1 ]; then
    say "+ (cd $dir && checksums juliet-$VERSION-$platform romeo-$VERSION-$platform > SHA256SUMS)"
  else
    (cd "$dir" && checksums "juliet-$VERSION-$platform" "romeo-$VERSION-$platform" >SHA256SUMS)
    log "$dir: $(ls "$dir" | tr '\n' ' ')"
  fi
}

# What make release pushed, by digest: every "<ref>@sha256:..." in its release.txt, the chart as
# <registry>/charts/<name>@<digest>.
signable() {
  local file=$RELEASE_DIR/release.txt chart
  [ -f "$file" ] || die "no $file: make release first"
  grep -oE '[a-z0-9.:-]+/[a-z0-9._/-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}' "$file" | sed 's/:[^:@]*@/@/'
  chart=$(sed -n 's|^Chart: oci://\([^ ]*\) --version [^ ]* (\(sha256:[0-9a-f]\{64\}\)).*|\1@\2|p' "$file")
  [ -n "$chart" ] || die "$file names no chart digest"
  echo "$chart"
}

sign() {
  local refs ref
  refs=$(signable)
  need_tool cosign
  # Keyless: the CI's OIDC identity (id-token: write) is the signer; the signature goes to the
  # registry next to the image and to Rekor's transparency log.
  for ref in $refs; do step cosign sign --yes "$ref"; done
}

github_release() {
  local tag=${TAG:?TAG, e.g. v$VERSION} files
  [ "$tag" = "v$VERSION" ] || die "TAG=$tag does not name the root pom's version $VERSION"
  need_tool gh
  files=$(find "$NATIVE_DIST" -type f -name "*-$VERSION-*" | sort)
  [ -n "$files" ] || [ "${DRY_RUN:-}" = 1 ] || die "no native executables under $NATIVE_DIST"
  step mkdir -p "$NATIVE_DIST/release"
  if [ "${DRY_RUN:-}" = 1 ]; then
    say "+ checksums <every file above> > $NATIVE_DIST/release/SHA256SUMS"
  else
    # One list for every platform; each line names the file as the Release shows it.
    (for file in $files; do (cd "$(dirname "$file")" && checksums "$(basename "$file")"); done) >"$NATIVE_DIST/release/SHA256SUMS"
  fi
  # shellcheck disable=SC2086 # one path a word
  step gh release create "$tag" --title "romeo-juliet $VERSION" --notes-file "$RELEASE_DIR/release.txt" \
    $files "$NATIVE_DIST/release/SHA256SUMS"
}

need_tool() {
  [ "${DRY_RUN:-}" = 1 ] || command -v "$1" >/dev/null 2>&1 || die "needs $1 on PATH"
}

case "${1:-}" in
  native-dist) native_dist ;;
  sign) sign ;;
  github-release) github_release ;;
  *) die "usage: scripts/release-extras.sh native-dist|sign|github-release" ;;
esac
