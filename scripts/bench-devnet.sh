#!/usr/bin/env bash
# Rerun the devnet figures of BENCHMARKS.md and print them: start time (process start → first
# finalized block, `--dev --tmp` as scripts/devnet.sh runs it), idle RSS after IDLE_SECS (75) of
# fast blocks, then the load runs (unless --no-load). Every figure comes with `uptime`'s load
# average: on a shared machine, rerun when it is low. Uses the already built node:
# $SUBTENSOR_NODE, else $CARGO_TARGET_DIR/debug/subtensor-node. Traffic only to 127.0.0.1.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE="${SUBTENSOR_NODE:-${CARGO_TARGET_DIR:-$HOME/.cache/subtensor-target}/debug/subtensor-node}"
IDLE_SECS="${IDLE_SECS:-75}"
LOAD=1
[ "${1:-}" = "--no-load" ] && LOAD=0
[ -x "$NODE" ] || { echo "node binary not found: $NODE (build it first)" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%F %T UTC')"
echo "node: $NODE"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rpc() { curl -s -m 2 -H 'Content-Type: application/json' \
	-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[$2]}" "http://127.0.0.1:$RPC_PORT"; }

RPC_PORT=$(free_port)
LOG=$(mktemp /tmp/bench-devnet-node.XXXXXX)
echo "--- start and footprint ($(uptime | sed 's/.*load average/load average/'))"
start_ns=$(date +%s%N)
"$NODE" --dev --tmp --rpc-port "$RPC_PORT" --port "$(free_port)" --prometheus-port "$(free_port)" \
	--no-telemetry --no-mdns >"$LOG" 2>&1 &
PID=$!
trap 'kill -INT $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
rpc_at="" ; fin_at=""
for _ in $(seq 1 1200); do # at most 120 s
	if ! kill -0 "$PID" 2>/dev/null; then echo "node exited; log: $LOG" >&2; cat "$LOG" >&2; exit 1; fi
	head=$(rpc chain_getFinalizedHead "" | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p' || true)
	if [ -n "$head" ]; then
		[ -z "$rpc_at" ] && rpc_at=$(date +%s%N)
		num=$(rpc chain_getHeader "\"$head\"" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
		if [ -n "$num" ] && [ $((num)) -ge 1 ]; then fin_at=$(date +%s%N); break; fi
	fi
	sleep 0.1
done
[ -n "$fin_at" ] || { echo "no finalized block within 120 s" >&2; exit 1; }
echo "rpc_up_s=$(( (rpc_at - start_ns) / 1000000 ))e-3 first_finalized_s=$(( (fin_at - start_ns) / 1000000 ))e-3" \
	| awk '{split($1,a,"=");split($2,b,"="); printf "RPC answering after %.2f s; first finalized block after %.2f s\n", a[2], b[2]}'
sleep "$IDLE_SECS"
best=$(rpc chain_getHeader "" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
echo "after ${IDLE_SECS} s idle (best block #$((best))): VmRSS $((rss / 1024)) MiB, VmHWM $((hwm / 1024)) MiB ($(uptime | sed 's/.*load average/load average/'))"
kill -INT "$PID"; wait "$PID" 2>/dev/null || true

[ "$LOAD" = 1 ] || exit 0
export SUBTENSOR_NODE="$NODE"
run() {
	echo "--- scripts/load.sh $* ($(uptime | sed 's/.*load average/load average/'))"
	"$REPO_ROOT/scripts/load.sh" "$@" 2>/dev/null | grep -v '^pool size over time' || true
	echo "    (after: $(uptime | sed 's/.*load average/load average/'))"
}
run --count 6000 --senders 12
run --count 6000 --senders 6 --inflight 1
run --rate 50 --duration 70 --senders 12
run --kind stake --count 2000 --senders 12
