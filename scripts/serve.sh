#!/usr/bin/env bash
# Builds the release app (installing missing tools first) and serves it on
# http://127.0.0.1:8080/ (set PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build-release.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
