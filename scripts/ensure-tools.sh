#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing; skips what is already there.
# Safe to run repeatedly. The versions are pinned below; the Rust toolchain in rust-toolchain.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

log() { printf '\033[1;34m[tools]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# The toolchain rust-toolchain.toml pins, with its wasm target and components (rustup does not
# add a missing target to an installed toolchain by itself).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
   || ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
  log "installing the pinned Rust toolchain (rust-toolchain.toml)"
  rustup toolchain install
fi

# Trunk builds with `cargo --offline`: on a fresh machine `./scripts/serve.sh` reaches that build
# before any other cargo command has downloaded the app's crates.
cargo fetch --quiet

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes, once per machine)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: its lockfile names a crate version this registry lacks.
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# npm packages: binaryen (wasm-opt; Debian's v108 corrupts the output), terser (minifies the JS glue),
# @gfx/zopfli (the build's .gz copies), playwright-core, axe-core, @axe-core/playwright and vnu-jar
# (the W3C Nu HTML checker, run with Java).
if [ ! -x node_modules/.bin/wasm-opt ] || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "$BINARYEN_VERSION" \
   || [ ! -d node_modules/terser ] || [ ! -d node_modules/@gfx/zopfli ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/@axe-core/playwright ] \
   || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  log "installing npm packages (package-lock.json)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing chromium and chromium-driver from Debian"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The Nu HTML checker (scripts/html-check.mjs) needs Java 11 or later.
  if ! java -version 2>&1 | grep -qE 'version "(1[1-9]|[2-9][0-9])'; then
    log "installing a Java runtime from Debian (for the Nu HTML checker)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
  fi
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
