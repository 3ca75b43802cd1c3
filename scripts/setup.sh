#!/usr/bin/env bash
# Install what a fresh Debian machine lacks to build and test the chain. Idempotent: a second run
# installs nothing and takes a few seconds. With SETUP_BUILD_ONLY=1 (the container image's build
# stage) only what building the node needs: no Node.js, Python or test packages.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: clang/libclang for bindgen-using crates, OpenSSL headers, protoc for
#    libp2p, a C++ compiler for binaryen (wasm-opt), node and npm for the e2e tests, Python's venv
#    for the client tests.
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s libclang-dev >/dev/null 2>&1 || missing+=(libclang-dev)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev) # openssl-sys, via litep2p's WebRTC
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
build_only="${SETUP_BUILD_ONLY:-0}"
if [ "$build_only" != 1 ]; then
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
	python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
	say "installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. The Rust toolchain pinned in rust-toolchain.toml, with the WASM targets and rust-src.
if ! command -v rustup >/dev/null 2>&1; then
	echo "rustup is required (https://rustup.rs); it is not installed on this machine" >&2
	exit 1
fi
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! rustup toolchain list | grep -q "^$toolchain"; then
	say "installing Rust $toolchain"
	rustup toolchain install "$toolchain" --profile minimal
fi
installed_targets="$(rustup target list --installed --toolchain "$toolchain")"
for target in wasm32-unknown-unknown wasm32v1-none; do
	if ! grep -qx "$target" <<<"$installed_targets"; then
		say "adding target $target"
		rustup target add "$target" --toolchain "$toolchain"
	fi
done
installed_components="$(rustup component list --installed --toolchain "$toolchain")"
for component in rust-src rustfmt clippy; do
	if ! grep -q "^$component" <<<"$installed_components"; then
		say "adding component $component"
		rustup component add "$component" --toolchain "$toolchain"
	fi
done

if [ "$build_only" = 1 ]; then
	say "setup complete (build only)"
	exit 0
fi

# 3. npm packages of the end-to-end tests, exactly as locked (reinstalled when the lock changes).
e2e="$REPO_ROOT/tests/e2e"
stamp="$e2e/node_modules/.installed-lock.sha256"
want="$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	say "installing the e2e tests' npm packages"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
	echo "$want" >"$stamp"
fi

# 4. Python packages of the client end-to-end tests (the Bittensor SDK and btcli), exactly as pinned
#    in requirements.txt, in a venv of their own (made anew when the requirements change).
clients="$REPO_ROOT/tests/clients"
venv="$clients/.venv"
stamp="$venv/.installed-requirements.sha256"
want="$(sha256sum "$clients/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	say "installing the client tests' Python packages"
	rm -rf "$venv"
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$clients/requirements.txt"
	echo "$want" >"$stamp"
fi
say "setup complete"
