#!/usr/bin/env bash
# Set up, build, and start a local development chain: Alice authors 250 ms blocks and finalizes
# them; RPC at ws://127.0.0.1:9944. State is temporary (--tmp). Extra arguments go to the node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$REPO_ROOT/scripts/setup.sh"
"$REPO_ROOT/scripts/build.sh"
echo "==> starting the devnet node: ws://127.0.0.1:9944"
exec "$NODE_BINARY" --dev --tmp --rpc-port 9944 "$@"
