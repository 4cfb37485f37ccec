#!/usr/bin/env bash
# The chart in a local kind cluster (docs/kind.md):
#   scripts/kind.sh deploy    (make kind-deploy) build both images with Jib into the local Docker
#                             daemon, load them into the kind cluster, helm upgrade --install with
#                             those tags and wait, then helm test
#   scripts/kind.sh gateway   (make kind-gateway) the Gateway API's CRDs, Envoy Gateway and the
#                             Gateway the chart's gateway-api example routes through
# Settings (environment; the Makefile passes its own): KIND_CLUSTER (kind), NATIVE (false: the JVM
# images; true: the native ones, from make native's executables), RELEASE (rj), NAMESPACE (default),
# DEPLOY_VALUES (a values file on top of the defaults), HELM (helm), GATEWAY_API_VERSION,
# ENVOY_GATEWAY_VERSION, DRY_RUN (1: print each command instead of running it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

KIND_CLUSTER=${KIND_CLUSTER:-kind}
NATIVE=${NATIVE:-false}
RELEASE=${RELEASE:-rj}
NAMESPACE=${NAMESPACE:-default}
DEPLOY_VALUES=${DEPLOY_VALUES:-}
HELM=${HELM:-helm}
# The versions e2e.yml installs too (its env names them for the workflow's log).
GATEWAY_API_VERSION=${GATEWAY_API_VERSION:-v1.4.0}
ENVOY_GATEWAY_VERSION=${ENVOY_GATEWAY_VERSION:-v1.7.0}
CHART_DIR=charts/romeo-juliet

# One line naming every tool that is missing; a dry run needs none of them.
need() {
  local target=$1 tool missing=""; shift
  [ "${DRY_RUN:-}" = 1 ] && return 0
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
  [ -z "$missing" ] || die "make kind-$target needs $* on PATH; missing:$missing"
}

deploy() {
  local version tag flavor svc image
  case "$NATIVE" in
    true) flavor=native ;;
    false) flavor=jvm ;;
    *) die "NATIVE must be true or false, not '$NATIVE'" ;;
  esac
  need deploy kind docker "$HELM"
  [ -z "$DEPLOY_VALUES" ] || [ -f "$DEPLOY_VALUES" ] || die "DEPLOY_VALUES=$DEPLOY_VALUES: no such file"
  version=$(project_version)
  tag=$version; [ "$flavor" = native ] && tag=$version-native
  log "building the $flavor images with Jib into the local Docker daemon"
  step make --no-print-directory images PUSH=false NATIVE="$NATIVE"
  for svc in juliet romeo; do
    image="$(image_repository "$svc"):$tag"
    step kind load docker-image "$image" --name "$KIND_CLUSTER"
  done
  # IfNotPresent: the images loaded above, never a pull of a tag nobody published yet.
  set -- upgrade --install "$RELEASE" "$CHART_DIR" -n "$NAMESPACE" --create-namespace --wait --timeout 5m
  [ -z "$DEPLOY_VALUES" ] || set -- "$@" -f "$DEPLOY_VALUES"
  set -- "$@" --set "global.imageFlavor=$flavor"
  for svc in juliet romeo; do
    set -- "$@" --set "$svc.image.tag=$version" --set "$svc.image.pullPolicy=IfNotPresent"
  done
  step "$HELM" "$@"
  step "$HELM" test "$RELEASE" -n "$NAMESPACE" --logs
}

gateway() {
  need gateway kubectl "$HELM"
  step kubectl apply --server-side -f "https://github.com/kubernetes-sigs/gateway-api/releases/download/$GATEWAY_API_VERSION/standard-install.yaml"
  step "$HELM" upgrade --install eg oci://docker.io/envoyproxy/gateway-helm --version "$ENVOY_GATEWAY_VERSION" \
    -n envoy-gateway-system --create-namespace --wait --timeout 5m
  step kubectl apply -f scripts/kind/gateway.yaml
  step kubectl wait --for=condition=Programmed gateway/internal-gateway -n gateway-system --timeout=3m
}

case "${1:-}" in
  deploy) deploy ;;
  gateway) gateway ;;
  *) die "usage: scripts/kind.sh deploy|gateway" ;;
esac
