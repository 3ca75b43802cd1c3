#!/usr/bin/env bash
# The multi-node tests (tests/e2e/network/): four validators on `--chain local4` and a full node,
# faults, restarts, and a forkless runtime upgrade to the runtime that scripts/build.sh builds
# beside the node (this runtime with spec_version + 1, runtime/build.rs). Run by scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

# scripts/build.sh (with SUBTENSOR_NEXT_RUNTIME from env.sh) built the node and the upgrade's
# runtime; building again is a no-op when nothing changed.
scripts/build.sh
wasm="$NEXT_RUNTIME_WASM"
[ -f "$wasm" ] || { echo "upgrade runtime not found at $wasm" >&2; exit 1; }

cd tests/e2e
SUBTENSOR_NODE="${SUBTENSOR_NODE:-$NODE_BINARY}" UPGRADE_WASM="$wasm" \
	node --test --test-concurrency=1 --test-timeout=1800000 network/
