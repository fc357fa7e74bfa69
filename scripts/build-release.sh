#!/usr/bin/env bash
# The release build: `trunk build --release --offline` (twice: the embeds' page, then the
# dashboard) with the wasm's standard library rebuilt for size. Extra arguments go to trunk
# (`--dist DIR`, `--features test-hooks`). Every release build (serve, test, bench, offline,
# the e2e tests' own builds) goes through here.
#
# Why a rebuilt std (README "Toolchain notes", BENCHMARKS.md "Eighth session"): the prebuilt
# wasm std formats a message on every panic, and that code (core's formatting, the panic hook,
# the message of every library panic site) stays in the wasm although a panic only ever means
# "stop". Built with `-Cpanic=immediate-abort` and std's `optimize_for_size`, a panic stops the
# wasm at once (the boot script shows the reader a reload banner) and the dashboard is ~8 KB
# gzip smaller. These are unstable compiler options: RUSTC_BOOTSTRAP=1 lets the machine's
# pinned stable toolchain use them; scripts/ensure-tools.sh adds the std sources (rust-src).
# Only the wasm target gets them: build scripts, proc macros and the native prerenderer
# (scripts/post-build.mjs drops these variables) use the ordinary std.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Without the reference-types feature, wasm-bindgen keeps the JS objects the wasm holds in a
# JS array instead of a wasm table: less code in the wasm than the table's bookkeeping there
# (−0.85 KB gzip for the dashboard, measured; BENCHMARKS.md "Eleventh session"). A stable flag.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Ctarget-feature=-reference-types"

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
