#!/usr/bin/env bash
# The release build: `trunk build --release --offline` once per wasm (see below), with the
# compiler settings of Cargo.toml's release profile and nothing else. Extra arguments go to
# trunk (`--dist DIR`, `--features test-hooks`). Every release build (serve, test, bench,
# offline, the e2e tests' own builds) goes through here.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Three pages, three wasm files: embed.html (one card or chart, without the dashboard's views)
# and export.html (an item's downloads and embed code, loaded only when used) first, each into
# a scratch folder, then the dashboard, whose post-build hook copies their files in
# ($PAGE_DISTS). Extra arguments go to every build, but the pages' builds keep their own
# output folders.
page_args=()
skip=0
for arg in "$@"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$arg" in
    --dist) skip=1 ;;
    --dist=*) ;;
    *) page_args+=("$arg") ;;
  esac
done
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
PAGE_DISTS=""
# BAC_GIANG_PAGE tells the compiler which page the wasm is for (build.rs: `cfg(page)`), so each
# leaves out the others' branches; the library is compiled once per page.
for page in embed export; do
  BAC_GIANG_PAGE=$page trunk build $page.html --release --offline --dist "$scratch/$page" ${page_args[@]+"${page_args[@]}"}
  PAGE_DISTS="$PAGE_DISTS${PAGE_DISTS:+:}$scratch/$page"
done
export PAGE_DISTS
# The one-file copy's own app: the dashboard with each chart's downloads inline (the export page
# cannot travel in one file). Only its script and wasm are used, by the dashboard's hook.
BAC_GIANG_PAGE=offline trunk build index.html --release --offline --dist "$scratch/offline" ${page_args[@]+"${page_args[@]}"}
export OFFLINE_DIST="$scratch/offline"
BAC_GIANG_PAGE=dashboard trunk build index.html --release --offline "$@"
