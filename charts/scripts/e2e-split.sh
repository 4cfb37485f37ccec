#!/usr/bin/env bash
# Counts how calls through the A/B routing split between Juliet's variants, from inside the cluster:
# a throw-away curl pod (labelled as Romeo, so Juliet's NetworkPolicy admits it) calls the URL
# CALLS times and tallies which version answered: the X-Juliet-Version header of Juliet's answer
# (a URL through the routing), or the julietVersion of Romeo's JSON answer (Romeo's /call-juliet,
# whose calls the mesh splits when abTesting.mesh is on).
# Usage: e2e-split.sh NAMESPACE URL CALLS [extra curl args...]
set -euo pipefail

namespace=${1:?namespace}
url=${2:?url through the Ingress controller or Gateway, e.g. http://ingress-nginx-internal-controller.ingress-nginx.svc.cluster.local/romeo-please-call-me}
calls=${3:-100}
shift 3 || true
romeo_label=${ROMEO_APP_LABEL:-romeo-is-calling}

# The loop runs in the pod, so the count costs one pod start rather than one per call.
kubectl -n "$namespace" run "rj-e2e-split-$$" --rm -i --restart=Never --quiet \
  --image=docker.io/curlimages/curl:8.15.0 --labels="app=${romeo_label},app.kubernetes.io/component=test" \
  --command -- sh -c '
    url=$1; calls=$2; shift 2
    i=0
    while [ "$i" -lt "$calls" ]; do
      answer=$(curl -s -D - -H "Accept: application/json" "$@" "$url" | tr -d "\r")
      version=$(printf "%s\n" "$answer" | grep -i "^x-juliet-version:" | head -n 1 | cut -d" " -f2)
      [ -n "$version" ] || version=$(printf "%s\n" "$answer" | grep -o "\"julietVersion\":\"[^\"]*\"" | head -n 1 | cut -d"\"" -f4)
      echo "${version:-none}"
      i=$((i + 1))
    done' sh "$url" "$calls" "$@" \
  | sort | uniq -c | awk -v total="$calls" '{ printf "%-12s %5d calls (%.1f%%)\n", $2, $1, 100 * $1 / total }'
