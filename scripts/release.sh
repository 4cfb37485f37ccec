#!/usr/bin/env bash
# One release of romeo-juliet, from this checkout, to one OCI registry:
#
#   scripts/release.sh version X [CHART_VERSION]
#       sets the one version: the root pom's (and so every module's parent and the services' image
#       tags, which Quarkus takes from it), the chart's appVersion (the default image tag) and the
#       chart's own version. The chart keeps its own numbering (its major moves with its values'
#       breaking changes), so unless CHART_VERSION is given it is bumped at the level the app's
#       moved: app 1.0.0 -> 1.1.0 takes chart 2.0.0 to 2.1.0, and X's pre-release part is copied.
#       Pushes nothing.
#   REGISTRY=host[:port] scripts/release.sh publish
#       1. builds both services' JVM images for every platform in PLATFORMS (one image index each) and
#          their native images where native executables exist, and pushes them (scripts/images/build.sh);
#       2. checks each service's CycloneDX SBOM lists every jar its image carries, copies it to the
#          release folder and attaches it to the image as an OCI referrer;
#       3. packages the chart and pushes it to oci://REGISTRY/charts;
#       4. checks what the registry now serves: each index lists every platform, every platform's
#          manifest, config and layers can be fetched, and the chart pulled back from oci:// renders
#          exactly as the checkout does;
#       5. prints the digests and the helm install line, and writes them to the release folder.
#   Without REGISTRY nothing is built or pushed.
#
# Settings (environment; the Makefile passes its variables of the same names):
#   REGISTRY          where to push: host[:port] (required for publish)
#   INSECURE          true: plain HTTP to REGISTRY (a registry on loopback, as make image-check starts)
#   PLATFORMS         JVM images' platforms (linux/amd64,linux/arm64)
#   BASE_JVM_IMAGE    base of the JVM images; its index must list every platform in PLATFORMS. Empty:
#                     Quarkus's default (UBI OpenJDK 17 runtime, which Red Hat publishes for both;
#                     not reachable from this project's machines, so only the Debian base is proven)
#   BASE_NATIVE_IMAGE, NATIVE, MVN, MVN_FLAGS, IMAGES_CACHE_DIR   as for scripts/images/build.sh
#   RELEASE_DIR       where the release's files go (target/release/<version>)
#   CHART_PATH        the chart's repository path in REGISTRY (charts)
# Credentials are the tools' own: Jib and skopeo read the Docker config (docker login, or
# ~/.docker/config.json), Helm its registry config (helm registry login).
set -euo pipefail
source "$(dirname "$0")/images/lib.sh"
cd "$RJ_ROOT"

MVN=${MVN:-./mvnw}
MVN_FLAGS=${MVN_FLAGS:--B -ntp}
CHART_DIR=charts/romeo-juliet
CHART_NAME=romeo-juliet
# Where in REGISTRY the chart goes; on ghcr.io it must sit under the owner, e.g. romeojuliet/charts.
CHART_PATH=${CHART_PATH:-charts}
# The chart's images live under this group in the registry (the root pom's quarkus.container-image.group).
IMAGE_GROUP=$(pom_property quarkus.container-image.group)
SERVICES=(juliet romeo)
# SemVer 2 without build metadata: Helm wants SemVer, and an OCI tag cannot carry '+'.
SEMVER='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'

usage() {
  die "usage: scripts/release.sh version X [CHART_VERSION] | REGISTRY=host[:port] scripts/release.sh publish"
}

chart_field() { sed -n "s/^$1:[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" "$CHART_DIR/Chart.yaml"; }

# --- version ---------------------------------------------------------------------------------------

# bumped_chart_version OLD_APP NEW_APP CHART: CHART bumped at the level (major, minor, patch) where
# NEW_APP first differs from OLD_APP, lower levels zeroed, with NEW_APP's pre-release part.
bumped_chart_version() {
  local old new chart pre=""
  IFS=. read -r -a old <<<"${1%%-*}"
  IFS=. read -r -a new <<<"${2%%-*}"
  IFS=. read -r -a chart <<<"${3%%-*}"
  case "$2" in *-*) pre="-${2#*-}" ;; esac
  if [ "${new[0]}" != "${old[0]}" ]; then chart=("$(( chart[0] + 1 ))" 0 0)
  elif [ "${new[1]}" != "${old[1]}" ]; then chart=("${chart[0]}" "$(( chart[1] + 1 ))" 0)
  elif [ "${new[2]}" != "${old[2]}" ]; then chart=("${chart[0]}" "${chart[1]}" "$(( chart[2] + 1 ))")
  fi
  printf '%s.%s.%s%s\n' "${chart[0]}" "${chart[1]}" "${chart[2]}" "$pre"
}

set_version() {
  local version=$1 chart_version=${2:-}
  [[ "$version" =~ $SEMVER ]] || die "'$version' is not a version like 1.2.3 or 1.2.3-rc.1 (SemVer, no '+')"
  [ -n "$chart_version" ] || chart_version=$(bumped_chart_version "$(project_version)" "$version" "$(chart_field version)")
  [[ "$chart_version" =~ $SEMVER ]] || die "chart version '$chart_version' is not a version like 1.2.3 (SemVer, no '+')"
  log "root pom and every module's parent: $(project_version) -> $version"
  # processAllModules: also src-native-config, which only a profile lists as a module.
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
  $MVN $MVN_FLAGS -q versions:set -DnewVersion="$version" -DgenerateBackupPoms=false -DprocessAllModules=true \
    || die "versions:set failed (Maven output above)"
  log "$CHART_DIR/Chart.yaml: appVersion $(chart_field appVersion) -> $version, version $(chart_field version) -> $chart_version"
  sed -i -e "s/^appVersion:.*/appVersion: \"$version\"/" -e "s/^version:.*/version: $chart_version/" "$CHART_DIR/Chart.yaml"
  [ "$(project_version)" = "$version" ] && [ "$(chart_field appVersion)" = "$version" ] \
    && [ "$(chart_field version)" = "$chart_version" ] || die "the version did not land everywhere; see git diff"
  say "version $version (chart $chart_version) set in:"
  # Outside a git checkout (a source tarball) there is nothing to list; the change is made all the same.
  { git status --short -- '*pom.xml' "$CHART_DIR/Chart.yaml" 2>/dev/null || true; } | sed 's/^/  /'
}

# --- publish: registry helpers ----------------------------------------------------------------------
# skopeo does the registry calls that need credentials (the same files Jib reads: the Docker config,
# containers' auth.json). curl only asks, anonymously, whether the registry has the referrers API and,
# when it has not, writes the fallback referrers index: skopeo would drop its artifactType fields.

# ref REPO TAG|DIGEST: the docker:// reference skopeo takes.
ref() { case "$2" in sha256:*) printf 'docker://%s/%s@%s\n' "$registry" "$1" "$2" ;; *) printf 'docker://%s/%s:%s\n' "$registry" "$1" "$2" ;; esac; }

# manifest REPO TAG|DIGEST: the manifest bytes the registry serves.
manifest() { timeout 120 skopeo inspect --raw "${tls_verify[@]}" "$(ref "$1" "$2")"; }

# digest_of REPO TAG: the digest of what the tag points at (the sha256 of the bytes served); fails
# when the registry has no such tag.
digest_of() {
  local bytes="$work/digest-of.json"
  manifest "$1" "$2" >"$bytes" 2>/dev/null || return 1
  printf 'sha256:%s\n' "$(sha256sum "$bytes" | cut -d' ' -f1)"
}

# has_referrers_api REPO DIGEST: the registry answers the OCI 1.1 referrers API for DIGEST.
has_referrers_api() { curl -fsS --max-time 30 -o "$work/referrers.json" "$registry_url/v2/$1/referrers/$2" 2>/dev/null; }

# layout_add LAYOUT FILE: puts FILE in an OCI layout's blobs; prints its digest.
layout_add() {
  local digest
  digest=$(sha256sum "$2" | cut -d' ' -f1)
  mkdir -p "$1/blobs/sha256"
  cp "$2" "$1/blobs/sha256/$digest"
  printf 'sha256:%s\n' "$digest"
}

# layout_tag LAYOUT FILE MEDIATYPE TAG: FILE (a manifest or index) becomes the layout's only tag.
layout_tag() {
  local digest
  digest=$(layout_add "$1" "$2")
  printf '{"imageLayoutVersion":"1.0.0"}' >"$1/oci-layout"
  jq -n --arg d "$digest" --argjson s "$(stat -c %s "$2")" --arg t "$3" --arg tag "$4" \
    '{schemaVersion: 2, manifests: [{mediaType: $t, digest: $d, size: $s, annotations: {"org.opencontainers.image.ref.name": $tag}}]}' \
    >"$1/index.json"
}

# attach_sbom REPO SUBJECT_DIGEST SBOM: pushes the SBOM as an OCI artifact whose subject is the image
# (OCI image-spec 1.1), so `oras discover` or `cosign tree` find it from the image's digest. It is
# tagged sha256-<hex>.sbom, cosign's name for it, so no registry garbage-collects it as untagged. A
# registry with the referrers API indexes it by itself; for one without (distribution 2.x, Debian's
# docker-registry) the distribution spec's fallback applies: an index tagged sha256-<hex> lists the
# image's referrers, and the new one is added to it. Such registries are mostly private and open;
# one that refuses the anonymous write keeps the SBOM under the .sbom tag only, which is said.
# Prints the artifact's digest.
attach_sbom() {
  local repo=$1 subject=$2 sbom=$3 dir subject_type subject_size sbom_digest empty_digest manifest_digest tag
  dir=$(mktemp -d "$work/sbom.XXXXXX")
  tag="sha256-${subject#sha256:}"
  printf '{}' >"$dir/empty.json"
  empty_digest=$(layout_add "$dir/artifact" "$dir/empty.json")
  sbom_digest=$(layout_add "$dir/artifact" "$sbom")
  manifest "$repo" "$subject" >"$dir/subject.json" || die "$registry has no $repo@$subject"
  subject_type=$(jq -r '.mediaType' "$dir/subject.json")
  subject_size=$(stat -c %s "$dir/subject.json")
  jq -n --arg st "$subject_type" --arg sd "$subject" --argjson ss "$subject_size" \
        --arg ed "$empty_digest" --arg bd "$sbom_digest" --argjson bs "$(stat -c %s "$sbom")" \
        --arg title "$(basename "$sbom")" '{
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      artifactType: "application/vnd.cyclonedx+json",
      config: {mediaType: "application/vnd.oci.empty.v1+json", digest: $ed, size: 2},
      layers: [{mediaType: "application/vnd.cyclonedx+json", digest: $bd, size: $bs,
                annotations: {"org.opencontainers.image.title": $title}}],
      subject: {mediaType: $st, digest: $sd, size: $ss}
    }' >"$dir/manifest.json"
  manifest_digest="sha256:$(sha256sum "$dir/manifest.json" | cut -d' ' -f1)"
  layout_tag "$dir/artifact" "$dir/manifest.json" application/vnd.oci.image.manifest.v1+json sbom
  # --preserve-digests: the artifact must keep the digest the referrers index names.
  timeout 300 skopeo copy --quiet --preserve-digests "${dest_tls_verify[@]}" "oci:$dir/artifact:sbom" "$(ref "$repo" "$tag.sbom")" \
    || die "$registry refused the SBOM artifact for $repo@$subject"
  if has_referrers_api "$repo" "$subject"; then
    log "$repo: $registry serves the referrers API; it indexed the SBOM itself"
  else
    manifest "$repo" "$tag" >"$dir/referrers.json" 2>/dev/null \
      || printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}' >"$dir/referrers.json"
    jq -c --arg d "$manifest_digest" --argjson s "$(stat -c %s "$dir/manifest.json")" '
        .manifests |= (map(select(.digest != $d)) + [{mediaType: "application/vnd.oci.image.manifest.v1+json",
          digest: $d, size: $s, artifactType: "application/vnd.cyclonedx+json"}])' \
      "$dir/referrers.json" >"$dir/referrers.new.json"
    if curl -fsS --max-time 60 -X PUT -H 'Content-Type: application/vnd.oci.image.index.v1+json' \
         --data-binary "@$dir/referrers.new.json" "$registry_url/v2/$repo/manifests/$tag" -o /dev/null 2>"$dir/put.err"; then
      log "$repo: no referrers API on $registry; listed the SBOM under the fallback tag $tag"
    else
      log "$repo: no referrers API on $registry, and it refused the fallback index $tag ($(tr -d '\n' <"$dir/put.err")); the SBOM is tagged $tag.sbom only"
    fi
  fi
  printf '%s\n' "$manifest_digest"
}

# check_sbom SERVICE: every jar the image's quarkus-app/lib holds is a component of the SBOM, by the
# name Quarkus gives it (groupId.artifactId-version[-classifier].jar). A jar that is not listed would
# be shipped without anyone knowing.
check_sbom() {
  local svc=$1 sbom="$1/target/bom.json" listed shipped missing
  [ -f "$sbom" ] || die "$svc: the build wrote no $sbom: cyclonedx-maven-plugin skips itself when Maven is offline (-o in MVN_FLAGS)"
  listed=$(jq -r '.components[] | "\(.group).\(.name)-\(.version)"
      + (if (.purl // "" | test("classifier=")) then "-" + (.purl | capture("classifier=(?<c>[^&]+)").c) else "" end) + ".jar"' "$sbom" | sort -u)
  shipped=$(find "$svc/target/quarkus-app/lib" -name '*.jar' -printf '%f\n' | sort -u)
  [ -n "$shipped" ] || die "$svc: no jars in $svc/target/quarkus-app/lib"
  missing=$(comm -13 <(printf '%s\n' "$listed") <(printf '%s\n' "$shipped"))
  [ -z "$missing" ] || die "$svc: the SBOM lacks jars the image ships: $(echo "$missing" | tr '\n' ' ')"
  log "$svc: SBOM lists all $(wc -l <<<"$shipped") jars of quarkus-app/lib ($(jq '.components | length' "$sbom") components, CycloneDX $(jq -r .specVersion "$sbom"))"
}

# check_sbom_referrer REPO SUBJECT SBOM: starting from the image's digest alone, as a consumer would
# (referrers API, else the fallback tag), finds the CycloneDX artifact and fetches it back whole.
check_sbom_referrer() {
  local repo=$1 subject=$2 sbom=$3 artifact blob
  local tag="sha256-${subject#sha256:}"
  if has_referrers_api "$repo" "$subject" || manifest "$repo" "$tag" >"$work/referrers.json" 2>/dev/null; then
    artifact=$(jq -r 'first(.manifests[] | select(.artifactType == "application/vnd.cyclonedx+json") | .digest) // empty' "$work/referrers.json")
  else
    artifact=$(digest_of "$repo" "$tag.sbom") || die "$repo@$subject has no SBOM: no referrers API, no $tag index, no $tag.sbom tag"
  fi
  [ -n "$artifact" ] || die "$repo@$subject has referrers but no CycloneDX SBOM among them"
  rm -rf "$work/sbom-back"
  timeout 120 skopeo copy --quiet "${src_tls_verify[@]}" "$(ref "$repo" "$artifact")" "oci:$work/sbom-back:sbom" \
    || die "$repo: the SBOM artifact $artifact cannot be fetched"
  blob=$(manifest "$repo" "$artifact" | jq -r '.layers[0].digest')
  cmp -s "$work/sbom-back/blobs/sha256/${blob#sha256:}" "$sbom" || die "$repo: the SBOM attached to $subject is not $(basename "$sbom")"
  log "$repo@${subject:0:19}...: its SBOM referrer $artifact gives back $(basename "$sbom") byte for byte"
}

# check_platforms REPO TAG: the tag is an index listing every platform in PLATFORMS, and each
# platform's manifest, config and layers can be fetched (skopeo checks every blob's digest as it copies).
check_platforms() {
  local repo=$1 tag=$2 platform os arch listed digest
  manifest "$repo" "$tag" >"$work/index.json" || die "$registry has no $repo:$tag"
  jq -e '.manifests' "$work/index.json" >/dev/null 2>&1 || die "$repo:$tag is a single-platform image, not an index"
  listed=$(jq -r '[.manifests[].platform | "\(.os)/\(.architecture)"] | join(", ")' "$work/index.json")
  IFS=, read -r -a wanted <<<"$PLATFORMS"
  for platform in "${wanted[@]}"; do
    os=${platform%%/*}; arch=${platform#*/}; arch=${arch%%/*}
    digest=$(jq -r --arg os "$os" --arg arch "$arch" \
      'first(.manifests[] | select(.platform.os == $os and .platform.architecture == $arch) | .digest) // empty' "$work/index.json")
    [ -n "$digest" ] || die "$repo:$tag lists $listed, not $platform"
    rm -rf "$work/fetch"
    timeout 600 skopeo copy --quiet "${src_tls_verify[@]}" "$(ref "$repo" "$digest")" "oci:$work/fetch:$arch" \
      || die "$repo:$tag: the $platform image $digest cannot be fetched whole"
    local config_arch layers
    config_arch=$(skopeo inspect --config "oci:$work/fetch:$arch" | jq -r .architecture)
    [ "$config_arch" = "$arch" ] || die "$repo:$tag: the $platform manifest's config says architecture '$config_arch'"
    layers=$(skopeo inspect "oci:$work/fetch:$arch" | jq '.Layers | length')
    log "$repo:$tag $platform: $digest ($layers layers, config architecture $config_arch, all blobs fetched)"
    platform_digests+=("$repo:$tag $platform $digest")
  done
  rm -rf "$work/fetch"
}

# --- publish ---------------------------------------------------------------------------------------

publish() {
  REGISTRY=${REGISTRY:-}
  [ -n "$REGISTRY" ] || die "nothing is pushed unless asked: name the registry, e.g. make release REGISTRY=registry.example:5000"
  [[ "$REGISTRY" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$ ]] \
    || die "REGISTRY must be host[:port] without a scheme or path (the images go to REGISTRY/$IMAGE_GROUP, the chart to REGISTRY/$CHART_PATH), not '$REGISTRY'"
  INSECURE=${INSECURE:-false}
  case "$INSECURE" in true|false) ;; *) die "INSECURE must be true or false, not '$INSECURE'" ;; esac
  PLATFORMS=${PLATFORMS:-linux/amd64,linux/arm64}
  case " $MVN_FLAGS " in
    *" -o "*|*" --offline "*)
      die "MVN_FLAGS has -o: cyclonedx-maven-plugin skips itself when Maven is offline, and a release ships its SBOMs; drop -o" ;;
  esac

  local version chart_version
  version=$(project_version)
  chart_version=$(chart_field version)
  [ "$(chart_field appVersion)" = "$version" ] \
    || die "$CHART_DIR/Chart.yaml appVersion is '$(chart_field appVersion)' but the root pom says $version; set both: scripts/release.sh version $version"
  [[ "$version" =~ $SEMVER ]] || die "the root pom's version '$version' is not SemVer without '+'; set one: scripts/release.sh version X"

  registry=$REGISTRY
  registry_url="https://$registry"
  tls_verify=() src_tls_verify=() dest_tls_verify=() plain_http=()
  if [ "$INSECURE" = true ]; then
    registry_url="http://$registry"
    tls_verify=(--tls-verify=false) src_tls_verify=(--src-tls-verify=false) dest_tls_verify=(--dest-tls-verify=false)
    plain_http=(--plain-http)
  fi
  need skopeo skopeo
  need jq jq
  need curl curl
  # 401 counts as an answer: a registry that wants credentials still is one (Jib, skopeo and Helm log in).
  local code
  code=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "$registry_url/v2/" 2>/dev/null || true)
  case "$code" in
    200|401) ;;
    *) die "no OCI registry answers at $registry_url/v2/ (HTTP ${code:-none})$([ "$INSECURE" = false ] && echo '; INSECURE=true for plain HTTP')" ;;
  esac

  local out=${RELEASE_DIR:-target/release/$version} start t_images t_chart t_check
  case "$out" in /*) ;; *) out="$RJ_ROOT/$out" ;; esac
  rm -rf "$out"
  mkdir -p "$out"
  work=$(mktemp -d "${TMPDIR:-/tmp}/release.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  start=$(now)
  log "releasing $version (chart $chart_version) to $registry for $PLATFORMS"

  # 1. Images. A bom.json left by an earlier build must not pass for this one's.
  rm -f juliet/target/bom.json romeo/target/bom.json
  # Maven's output goes to stderr with the progress: stdout is the summary alone.
  REGISTRY=$registry PUSH=true INSECURE=$INSECURE PLATFORMS=$PLATFORMS "$RJ_ROOT/scripts/images/build.sh" >&2
  t_images=$(( $(now) - start ))

  # 2. SBOMs: checked, kept, attached.
  local svc repo digest sbom_ref
  declare -A image_digest=() sbom_digest=()
  for svc in "${SERVICES[@]}"; do
    check_sbom "$svc"
    cp "$svc/target/bom.json" "$out/$svc-$version.cdx.json"
    repo="$IMAGE_GROUP/$svc"
    image_digest[$svc]=$(digest_of "$repo" "$version") || die "$registry has no $repo:$version after the build"
    sbom_ref=$(attach_sbom "$repo" "${image_digest[$svc]}" "$out/$svc-$version.cdx.json")
    sbom_digest[$svc]=$sbom_ref
  done

  # 3. Chart. The chart tools are the chart module's test classes (as for make chart-lint).
  t=$(now)
  log "packaging and pushing the chart (helm-java)"
  # shellcheck disable=SC2086
  $MVN $MVN_FLAGS -q -f charts/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test || die "compiling the chart tools failed"
  chart_tool() {
    java -Djna.tmpdir="$RJ_ROOT/charts/target/jna" -Dchart.dir="$RJ_ROOT/$CHART_DIR" \
      -cp "$RJ_ROOT/charts/target/test-classes:$(cat "$RJ_ROOT/charts/target/classpath.txt")" \
      io.github.romeojuliet.chart.ChartRelease "$@"
  }
  local tgz pushed chart_digest
  tgz=$(chart_tool package "$out") || die "helm package failed"
  pushed=$(chart_tool push "$tgz" "oci://$registry/$CHART_PATH" "${plain_http[@]}") || die "helm push to oci://$registry/$CHART_PATH failed"
  sed 's/^/    /' <<<"$pushed" >&2
  chart_digest=$(sed -n 's/^Digest: //p' <<<"$pushed")
  [ -n "$chart_digest" ] || chart_digest=$(digest_of "$CHART_PATH/$CHART_NAME" "$chart_version")
  t_chart=$(( $(now) - t ))

  # 4. What the registry serves now.
  t=$(now)
  platform_digests=()
  for svc in "${SERVICES[@]}"; do
    check_platforms "$IMAGE_GROUP/$svc" "$version"
    check_sbom_referrer "$IMAGE_GROUP/$svc" "${image_digest[$svc]}" "$out/$svc-$version.cdx.json"
  done
  # The install line's values, rendered from the pushed chart and from the checkout: equal bytes mean
  # what users install from oci:// is what this checkout's tests checked.
  local sets=(--set "global.imageRegistry=$registry"
              --set "juliet.image.digest=${image_digest[juliet]}" --set "romeo.image.digest=${image_digest[romeo]}")
  chart_tool template "oci://$registry/$CHART_PATH/$CHART_NAME" "$chart_version" "$work/from-oci.yaml" "${plain_http[@]}" "${sets[@]}" >&2 \
    || die "helm template from oci://$registry/$CHART_PATH/$CHART_NAME failed"
  chart_tool template "$RJ_ROOT/$CHART_DIR" "$chart_version" "$work/from-checkout.yaml" "${sets[@]}" >&2 \
    || die "helm template from the checkout failed"
  if ! diff -u "$work/from-checkout.yaml" "$work/from-oci.yaml" >"$work/render.diff"; then
    head -n 40 "$work/render.diff" >&2
    die "the chart from oci:// renders differently from the checkout (diff above)"
  fi
  grep -q "image: \"\{0,1\}$registry/$IMAGE_GROUP/juliet@${image_digest[juliet]}" "$work/from-oci.yaml" \
    || die "the render from oci:// does not pin Juliet's image to ${image_digest[juliet]}"
  log "oci://$registry/$CHART_PATH/$CHART_NAME:$chart_version renders the same $(grep -c '^kind:' "$work/from-oci.yaml") objects as the checkout (sha256 $(sha256sum <"$work/from-oci.yaml" | cut -c1-16)...), images pinned by digest"
  t_check=$(( $(now) - t ))

  # 5. Summary, on stdout and in the release folder.
  {
    say "romeo-juliet $version released to $registry"
    say ""
    say "Images (multi-platform indexes; pull by digest):"
    for svc in "${SERVICES[@]}"; do say "  $registry/$IMAGE_GROUP/$svc:$version@${image_digest[$svc]}"; done
    for line in "${platform_digests[@]}"; do say "    $line"; done
    say "Native images:"
    local native_found=false
    for svc in "${SERVICES[@]}"; do
      if digest=$(digest_of "$IMAGE_GROUP/$svc" "$version-native" 2>/dev/null); then
        say "  $registry/$IMAGE_GROUP/$svc:$version-native@$digest"; native_found=true
      fi
    done
    [ "$native_found" = true ] || say "  none (no native executables and no native-image on this machine)"
    say "SBOMs (CycloneDX JSON, in $out and attached to each image index as an OCI referrer):"
    for svc in "${SERVICES[@]}"; do say "  $svc-$version.cdx.json  $registry/$IMAGE_GROUP/$svc@${sbom_digest[$svc]}"; done
    say "Chart: oci://$registry/$CHART_PATH/$CHART_NAME --version $chart_version ($chart_digest), also $(basename "$tgz")"
    say ""
    say "Install:"
    say "  helm install rj oci://$registry/$CHART_PATH/$CHART_NAME --version $chart_version$([ "$INSECURE" = true ] && echo ' --plain-http') \\"
    say "    --set global.imageRegistry=$registry \\"
    say "    --set juliet.image.digest=${image_digest[juliet]} --set romeo.image.digest=${image_digest[romeo]}"
  } | tee "$out/release.txt"
  log "release done in $(( $(now) - start ))s (images ${t_images}s, chart ${t_chart}s, checks ${t_check}s); files in $out"
}

case "${1:-}" in
  version)
    [ $# -ge 2 ] || die "which version? scripts/release.sh version X [CHART_VERSION] (make release-version VERSION=X)"
    [ $# -le 3 ] || usage
    set_version "$2" "${3:-}" ;;
  publish) [ $# -eq 1 ] || usage; publish ;;
  *) usage ;;
esac
