#!/usr/bin/env bash
# Build the node (with its WASM runtime, fast blocks) and every test target in one cargo
# invocation, so that the devnet, the unit tests and the e2e tests share one set of artifacts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
cargo build --locked --workspace --all-targets --features "$NODE_FEATURES"
