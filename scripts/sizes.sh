#!/usr/bin/env bash
# Prints the size figures: app.wasm raw, gzip and brotli (the files the server
# serves, written by `go run ./cmd/build -compress`), each model file (served
# apart from app.wasm, from web/models/) raw, gzip and brotli, the bytes the
# first Dutch and the first English analysis transfer (app.wasm and the
# language's model files, brotli), and the lexicons. A benchmark: it never
# fails on a figure.
# usage: scripts/sizes.sh [web/app.wasm]
set -uo pipefail
wasm=${1:-web/app.wasm}
models=$(dirname "$wasm")/models
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo "-"; fi; }
mb() { if [ "$1" = "-" ]; then echo "missing"; else awk -v b="$1" 'BEGIN { printf "%.2f MB (%d bytes)", b/1e6, b }'; fi; }
echo "== sizes"
echo "app.wasm raw      $(mb "$(size "$wasm")")"
if [ -f "$wasm.gz" ]; then gz=$(size "$wasm.gz"); else gz=$(gzip -9 -c "$wasm" 2>/dev/null | wc -c); fi
echo "app.wasm gzip     $(mb "$gz")"
wbr=$(size "$wasm.br")
echo "app.wasm brotli   $(mb "$wbr")"
echo "model files (web/models/, fetched by the browser when it first meets a language):"
declare -A br
for f in "$models"/*.bin; do
  [ -f "$f" ] || { echo "  none: run make wasm"; break; }
  name=$(basename "$f")
  br[${name%%.*}]=$(size "$f.br")
  echo "  $name raw $(mb "$(size "$f")"), gzip $(mb "$(size "$f.gz")"), brotli $(mb "$(size "$f.br")")"
done
total() { local t=0; for n in "$@"; do [ "$n" = "-" ] && { echo "-"; return; }; t=$((t + n)); done; echo "$t"; }
nl=$(total "$wbr" "${br[nl-ner]:--}")
en=$(total "$wbr" "${br[nl-ner]:--}" "${br[en-attribution]:--}")
echo "first Dutch analysis:   app.wasm + nl-ner, brotli $(mb "$nl")"
echo "first English analysis: app.wasm + nl-ner + en-attribution, brotli $(mb "$en")"
echo "  (on the first visit the service worker also precaches the other language's files in the background)"
lex=$(find analysis/ner/gazetteer analysis/lexicon -type f | sort)
echo "lexicons+gazetteers (in app.wasm) raw $(mb "$(cat $lex | wc -c)"), gzip $(mb "$(tar -cf - $lex 2>/dev/null | gzip -9 | wc -c)")"
