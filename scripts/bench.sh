#!/usr/bin/env bash
# Builds the release app and prints size and speed figures (see scripts/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build-release.sh
node scripts/bench.mjs
