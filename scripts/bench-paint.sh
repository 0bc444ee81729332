#!/usr/bin/env bash
# Prints how long the web app takes from the click on Analyse to the painted
# page ("explorer-painted") and to the whole article drawn, for the seed, a
# 10,000-word and a 190,000-character article, in headless Chromium over
# loopback (e2e TestE2EPaint): the median of five runs, the engine's part,
# the time before and after it, and the longest task of the page's thread
# after the paint (how long input could wait while the rest is drawn). A
# benchmark: it prints the figures and fails only when the browser test
# itself fails.
# usage: scripts/bench-paint.sh [go]
set -euo pipefail
go=${1:-go}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "== click to painted (headless chromium, loopback)"
if ! E2E_REQUIRED=1 "$go" test -count=1 -v -run '^TestE2EPaint$' ./e2e >"$out" 2>&1; then
	cat "$out"
	exit 1
fi
grep -E 'click to painted' "$out" | sed -E 's/^ *[a-z_]+\.go:[0-9]+: /  /'
