#!/usr/bin/env bash
# Prints the size figures: app.wasm raw, gzip and brotli (the files the server
# serves, written by `go run ./cmd/build -compress`), each model and data file
# (served apart from app.wasm, from web/models/: the models, and the lexicons
# and gazetteers strung together) raw, gzip and brotli, and the bytes the
# first Dutch and the first English analysis transfer (app.wasm and the
# language's files, brotli). A benchmark: it never fails on a figure.
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
echo "model and data files (web/models/, fetched by the browser when it first meets a language):"
declare -A br
for f in "$models"/*.bin "$models"/*.txt; do
  [ -f "$f" ] || { echo "  none: run make wasm"; break; }
  name=$(basename "$f")
  br[${name%%.*}]=$(size "$f.br")
  echo "  $name raw $(mb "$(size "$f")"), gzip $(mb "$(size "$f.gz")"), brotli $(mb "$(size "$f.br")")"
done
total() { local t=0; for n in "$@"; do [ "$n" = "-" ] && { echo "-"; return; }; t=$((t + n)); done; echo "$t"; }
# The files each language needs: analysis.ModelFiles (cmd/explorer version
# lists them).
nl=$(total "$wbr" "${br[nl-lexicon]:--}" "${br[gazetteer]:--}" "${br[nl-ner]:--}")
en=$(total "$wbr" "${br[en-lexicon]:--}" "${br[gazetteer]:--}" "${br[nl-ner]:--}" "${br[en-attribution]:--}")
echo "first Dutch analysis:   app.wasm + nl-lexicon + gazetteer + nl-ner, brotli $(mb "$nl")"
echo "first English analysis: app.wasm + en-lexicon + gazetteer + nl-ner + en-attribution, brotli $(mb "$en")"
echo "  (a text of a few words that function words do not decide fetches both lexicons first; on the first"
echo "   visit the service worker also precaches the other language's files in the background)"
