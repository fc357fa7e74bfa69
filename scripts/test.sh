#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm), native tests (data, formatting,
# charts), browser tests (wasm-bindgen-test in headless Chromium), the release build, the W3C
# Nu HTML checker on every built page, and
# end-to-end tests (Playwright + Chromium against the release build on 127.0.0.1, and the dev
# loop).
# Installs whatever is missing first (see scripts/ensure-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-tools.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$1"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32: app and browser tests)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings

step "native tests: data validation, formatting, charts to SVG"
cargo test

step "browser tests: Intl cross-check and components (headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser

step "build script tests (node --test tests/scripts/)"
node --test tests/scripts/

step "release build (trunk)"
bash scripts/build-release.sh

step "size check (dashboard gzip bytes against the limit in scripts/size-check.mjs)"
node scripts/size-check.mjs dist

step "HTML validity (W3C Nu checker: every built page, item pages and demo articles)"
node scripts/html-check.mjs dist

step "end-to-end tests (Playwright, release build on 127.0.0.1)"
node tests/e2e/app.test.mjs

step "end-to-end tests of embeds (auto-height, sandbox, CSP, snippets)"
node tests/e2e/embed.test.mjs

step "end-to-end tests of sources, tables, downloads, share links, colour scheme, print"
node tests/e2e/explain.test.mjs

step "end-to-end tests of hostile URLs, the accessibility tree, target sizes"
node tests/e2e/hostile.test.mjs

step "end-to-end tests of offline use (service worker, update, one-file copy on file://)"
node tests/e2e/offline.test.mjs

step "end-to-end test of the dev loop (scripts/dev.sh: a data edit reaches the open page)"
node tests/e2e/dev.test.mjs

printf '\n\033[1;32mall tests passed\033[0m\n'
