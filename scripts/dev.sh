#!/usr/bin/env bash
# The dev loop: serves a debug build of the dashboard on http://127.0.0.1:8080/ (PORT to
# change) and rebuilds it on every save of src/, data/, index.html or style.css; the open page
# reloads itself. A data mistake prints file, JSON path and hint here while the page keeps
# the last good build. Release-only steps (prerendered HTML, embed and export pages, the
# one-file copy, compressed copies, the offline worker) are skipped: ./scripts/serve.sh has them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Cargo.toml's `dev-web` profile: the app unoptimised (fast rebuilds), its dependencies
# optimised (a fast page). Its own output folder (DEV_DIST): dist/ keeps the release build.
exec trunk serve --offline --cargo-profile dev-web --dist "${DEV_DIST:-target/dev-dist}" --port "${PORT:-8080}" "$@"
