#!/usr/bin/env bash
# Benchmark `subtensor_math::yuma::epoch` natively (criterion, dense weights) and print the
# medians as a table: UIDs × validators × mode (classic, Yuma3 with liquid alpha).
#
#   scripts/bench-epoch.sh                  # all 12 cases (~1–2 min after the build)
#   scripts/bench-epoch.sh n4096            # a criterion filter, e.g. only 4,096 UIDs
#   scripts/bench-epoch.sh --table-only     # reprint the table from the last run
#   EPOCH_INSTRUCTIONS=1 scripts/bench-epoch.sh n4096_v256
#       # also count instructions of one epoch at 4,096 × 256 with valgrind (if installed):
#       # repeatable even on a busy machine, unlike the wall-clock medians
#
# Criterion keeps its estimates under $CARGO_TARGET_DIR/criterion/epoch/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

if [[ "${1:-}" != "--table-only" ]]; then
	cargo bench --locked -p subtensor-math --bench epoch -- "$@" >&2
fi

dir="$CARGO_TARGET_DIR/criterion/epoch"
printf '| %-6s | %-10s | %-12s | %12s |\n' "UIDs" "validators" "mode" "median (ms)"
printf '|%s|%s|%s|%s|\n' "--------" "------------" "--------------" "--------------"
for mode in classic yuma3_liquid; do
	for est in "$dir"/"$mode"/*/new/estimates.json; do
		[[ -f "$est" ]] || continue
		case_name="$(basename "$(dirname "$(dirname "$est")")")" # n4096_v256
		n="${case_name#n}"
		n="${n%%_*}"
		v="${case_name##*_v}"
		ms="$(jq -r '.median.point_estimate / 1e6 | . * 100 | round / 100' "$est")"
		printf '%s\t%s\t%s\t%s\n' "$n" "$v" "$mode" "$ms"
	done
done | sort -t$'\t' -k3,3 -k1,1n -k2,2n | while IFS=$'\t' read -r n v mode ms; do
	printf '| %6s | %10s | %-12s | %12s |\n' "$n" "$v" "$mode" "$ms"
done

if [[ -n "${EPOCH_INSTRUCTIONS:-}" ]] && command -v valgrind >/dev/null; then
	cargo build --locked --release -p subtensor-math --example epoch_profile >&2
	bin="$CARGO_TARGET_DIR/release/examples/epoch_profile"
	count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 4096 256 "$1" "$2" 2>&1 |
		sed -n 's/.*refs: *//p' | tr -d ,; }
	echo
	echo "Instructions of one epoch at 4,096 UIDs × 256 validators (callgrind, setup subtracted):"
	for mode in classic yuma3; do
		a="$(count "$mode" 0)"
		b="$(count "$mode" 1)"
		printf '  %-8s %s\n' "$mode" "$((b - a))"
	done
fi
