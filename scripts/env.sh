# Shared settings for the scripts; source it, don't run it.
# The build cache lives outside the clone so that repeated runs (and fresh clones) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/subtensor-target}"
export PATH="$HOME/.cargo/bin:$PATH"
# One set of features for every build, so that tests, e2e and the devnet share one build.
export NODE_FEATURES="subtensor-node/fast-blocks"
export NODE_BINARY="$CARGO_TARGET_DIR/debug/subtensor-node"
# The runtime's build also writes the upgrade-test runtime (spec_version + 1) beside its own WASM
# (runtime/build.rs); the network test enacts it. One extra WASM compile of the runtime crate.
export SUBTENSOR_NEXT_RUNTIME=1
export NEXT_RUNTIME_WASM="$CARGO_TARGET_DIR/debug/wbuild/subtensor-runtime/subtensor_runtime_next.wasm"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# The WASM runtime is built by a nested cargo: make it use this workspace's Cargo.lock (it cannot
# find it from a target dir outside the clone) and the pinned toolchain, whose WASM targets
# setup.sh installs.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
WASM_BUILD_TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$REPO_ROOT/rust-toolchain.toml")"
export WASM_BUILD_TOOLCHAIN
