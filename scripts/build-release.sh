#!/usr/bin/env bash
# The release build: `trunk build --release --offline` once per wasm (see below), with the
# compiler settings of Cargo.toml's release profile and nothing else. Extra arguments go to
# trunk (`--dist DIR`, `--features test-hooks`). Every release build (serve, test, bench,
# offline, the e2e tests' own builds) goes through here.
set -euo pipefail
cd "$(dirname "$0")/.."
# A publisher may run this first on a fresh clone: trunk, wasm-bindgen and wasm-opt come from here.
bash scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Four Trunk runs, one per wasm (Trunk builds one page per run). The first three go to scratch
# folders; the dashboard's post-build hook then copies their files into dist/. Extra arguments
# go to every run, but the first three keep their own output folders.
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
# 1, 2. embed.html (one card or chart for an article's frame) and export.html (an item's
# downloads and embed code, loaded only when used): each a wasm of its own, without the
# dashboard's views.
for page in embed export; do
  BAC_GIANG_PAGE=$page trunk build $page.html --release --offline --dist "$scratch/$page" ${page_args[@]+"${page_args[@]}"}
  PAGE_DISTS="$PAGE_DISTS${PAGE_DISTS:+:}$scratch/$page"
done
export PAGE_DISTS
# 3. The one-file copy's own app: the dashboard with each chart's downloads inline (the export
# page cannot travel in one file). Only its script and wasm are used, by the dashboard's hook.
BAC_GIANG_PAGE=offline trunk build index.html --release --offline --dist "$scratch/offline" ${page_args[@]+"${page_args[@]}"}
export OFFLINE_DIST="$scratch/offline"
# 4. The dashboard, into dist/, with everything else brought in.
BAC_GIANG_PAGE=dashboard trunk build index.html --release --offline "$@"
