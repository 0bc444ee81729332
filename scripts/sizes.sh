#!/usr/bin/env bash
# Prints the size figures: app.wasm raw, gzip and brotli (the files the server
# serves, written by `go run ./cmd/build -compress`), and the embedded models
# and lexicons, raw and gzipped. A benchmark: it never fails on a figure.
# usage: scripts/sizes.sh [web/app.wasm]
set -uo pipefail
wasm=${1:-web/app.wasm}
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo "-"; fi; }
mb() { if [ "$1" = "-" ]; then echo "missing"; else awk -v b="$1" 'BEGIN { printf "%.2f MB (%d bytes)", b/1e6, b }'; fi; }
echo "== sizes"
echo "app.wasm raw      $(mb "$(size "$wasm")")"
if [ -f "$wasm.gz" ]; then gz=$(size "$wasm.gz"); else gz=$(gzip -9 -c "$wasm" 2>/dev/null | wc -c); fi
echo "app.wasm gzip     $(mb "$gz")"
echo "app.wasm brotli   $(mb "$(size "$wasm.br")")"
models=$(find analysis/ner/model analysis/ner/gazetteer analysis/lexicon -type f | sort)
raw=$(cat $models | wc -c)
gzall=$(tar -cf - $models 2>/dev/null | gzip -9 | wc -c)
echo "models+lexicons   raw $(mb "$raw"), gzip $(mb "$gzall")"
for f in analysis/ner/model/*; do echo "  $f raw $(mb "$(size "$f")"), gzip $(mb "$(gzip -9 -c "$f" | wc -c)")"; done
