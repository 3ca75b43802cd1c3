#!/usr/bin/env bash
# Load tool: flood a dev node with pre-signed transactions and report throughput, latency, block
# fill, pool size and lost transactions (tests/e2e/load/load.js; `scripts/load.sh --help`).
# Starts its own `--dev --tmp` node on free ports unless --url is given. The node binary is
# $SUBTENSOR_NODE, else the debug build in $CARGO_TARGET_DIR (scripts/build.sh builds it).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT/tests/e2e"
if [ ! -d node_modules ]; then
	npm ci --no-audit --no-fund >/dev/null
fi
exec node load/load.js "$@"
