#!/usr/bin/env bash
# Builds the release app (installing missing tools first) and reports the one-file offline copy
# it writes: dist/bac-giang-offline.html (see README "Offline").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/build-release.sh
file=dist/bac-giang-offline.html
printf '%s: %s bytes, %s gzip — open it by double-click, or send it as it is\n' \
  "$file" "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
