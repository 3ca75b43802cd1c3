#!/usr/bin/env bash
# Set up, build and run every test: formatting, clippy, the Rust unit and property tests of every
# crate, and the end-to-end tests (polkadot.js, then the Bittensor SDK and btcli) against freshly
# started nodes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
start=$(date +%s)
stage() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

stage "setup"
scripts/setup.sh

stage "formatting"
cargo fmt --all -- --check

stage "lints (clippy, warnings are errors)"
cargo clippy --locked --workspace --all-targets --features "$NODE_FEATURES" -- -D warnings

stage "lints of the benchmark and try-runtime code (clippy with runtime-benchmarks,try-runtime; the runtime builds with both)"
SKIP_WASM_BUILD=1 cargo clippy --locked -p pallet-subtensor -p pallet-admin-utils -p pallet-commitments -p subtensor-runtime \
	--all-targets --features runtime-benchmarks,try-runtime -- -D warnings

stage "build (node with WASM runtime, all test targets)"
scripts/build.sh

stage "Rust tests"
cargo test --locked --workspace --features "$NODE_FEATURES"

stage "benchmark and try-runtime tests (every pallet benchmark once on the mock runtime; the migrations' pre/post checks)"
SKIP_WASM_BUILD=1 cargo test --locked -p pallet-subtensor -p pallet-admin-utils -p pallet-commitments \
	--features runtime-benchmarks,try-runtime

stage "end-to-end tests (polkadot.js against a --dev node)"
(cd tests/e2e && SUBTENSOR_NODE="$NODE_BINARY" npm test)

stage "client end-to-end tests (Bittensor SDK and btcli against a --dev node)"
rc=0
(cd tests/clients && SUBTENSOR_NODE="$NODE_BINARY" .venv/bin/python -m pytest) || rc=$?
if [ "$rc" -eq 5 ]; then
	echo "pytest collected no client tests" >&2
	exit 1
fi
[ "$rc" -eq 0 ] || exit "$rc"

stage "network tests (4 validators and a full node: faults, restarts, a forkless runtime upgrade)"
scripts/test-network.sh

stage "all tests passed"
