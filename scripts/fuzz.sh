#!/usr/bin/env bash
# The stateful fuzzer's long run (pallets/admin-utils/src/fuzz.rs, test `fuzz_long`): random
# sequences of every SubtensorModule and AdminUtils call, balances transfers and utility batches
# over many blocks, checking after every call that a failed call changed nothing and that no
# signed call touched anyone else's money or positions, and after every block the pallet's
# invariants (`do_try_state`).
#
#   scripts/fuzz.sh                      # a random seed, 10,000 blocks
#   FUZZ_SEED=1234 scripts/fuzz.sh       # reproduce a run (the seed is printed first)
#   FUZZ_BLOCKS=50000 scripts/fuzz.sh    # longer
#   FUZZ_EVERY_CALL=1 scripts/fuzz.sh    # also check the invariants after every call (slower;
#                                        # names the call that broke one)
#
# A failure prints the seed, the block and the call; turn it into a `fuzz_regression_*` test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

FUZZ_SEED="${FUZZ_SEED:-$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')}"
FUZZ_BLOCKS="${FUZZ_BLOCKS:-10000}"
export FUZZ_SEED FUZZ_BLOCKS
echo "fuzz: FUZZ_SEED=$FUZZ_SEED FUZZ_BLOCKS=$FUZZ_BLOCKS"

SKIP_WASM_BUILD=1 cargo test --locked -p pallet-subtensor -p pallet-admin-utils \
	--features runtime-benchmarks -- fuzz_long --ignored --nocapture
