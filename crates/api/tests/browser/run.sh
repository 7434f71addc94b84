#!/usr/bin/env bash
# Headless-browser end-to-end test of the dashboard. Installs Chromium (Debian) and
# playwright-core (npm ci) when missing, seeds a temp store, runs dashboard.mjs and
# leaves the screenshot in $CARGO_TARGET_DIR/../target/dashboard.png (target/dashboard.png
# at the workspace root). Exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
cd "$root"
cargo build -q -p tocsin-api --examples
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$target/debug/examples/seed" "$work/demo.db" 400
mkdir -p "$root/target"
node "$here/dashboard.mjs" "$target/debug/examples/serve" "$work/demo.db" "$root/target/dashboard.png"
