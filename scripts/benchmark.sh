#!/usr/bin/env bash
# Run a pallet's runtime benchmarks with frame-omni-bencher against the runtime's WASM, and
# regenerate its weights file.
#
#   scripts/benchmark.sh pallet_balances            # prints the results
#   scripts/benchmark.sh pallet_subtensor pallets/subtensor/src/weights.rs
#   BENCH_STEPS=10 BENCH_REPEAT=5 scripts/benchmark.sh ...   # quicker, coarser
#
# The bencher is installed once with `cargo install --locked` (a large build: it links the whole
# benchmarking CLI, which is why the node itself does not carry a `benchmark` subcommand).
# Weights measured on a development machine are marked so in the generated file's header.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

pallet="${1:?usage: scripts/benchmark.sh PALLET [OUTPUT_FILE]}"
output="${2:-}"
bencher_version="0.28.0" # the stable2609 release, like every other Polkadot SDK crate here

if ! frame-omni-bencher --version 2>/dev/null | grep -q "$bencher_version"; then
	echo "==> installing frame-omni-bencher $bencher_version"
	# Not with our workspace hint: the bencher's own test runtime is built from its package.
	env -u WASM_BUILD_WORKSPACE_HINT \
		cargo install --locked --version "$bencher_version" frame-omni-bencher
fi

echo "==> building the runtime with runtime-benchmarks"
# The WASM runtime is always compiled in release mode by the WASM builder; building the crate in
# the dev profile reuses the shared cache for everything native around it.
cargo build --locked -p subtensor-runtime --features runtime-benchmarks,fast-blocks
# The WASM builder writes the compressed blob only in some configurations; take the best one.
wbuild="$CARGO_TARGET_DIR/debug/wbuild/subtensor-runtime"
wasm=""
for candidate in subtensor_runtime.compact.compressed.wasm subtensor_runtime.compact.wasm \
	subtensor_runtime.wasm; do
	if [ -f "$wbuild/$candidate" ]; then
		wasm="$wbuild/$candidate"
		break
	fi
done
[ -n "$wasm" ] || { echo "no runtime WASM found in $wbuild" >&2; exit 1; }

args=(v1 benchmark pallet --runtime "$wasm" --genesis-builder-preset development
	--pallet "$pallet" --extrinsic '*' --steps "${BENCH_STEPS:-50}" --repeat "${BENCH_REPEAT:-20}")
if [ -n "$output" ]; then
	args+=(--output "$output" --template "$REPO_ROOT/scripts/weight-template.hbs")
fi
frame-omni-bencher "${args[@]}"
