#!/usr/bin/env bash
# Prints the quality figures of the explorer against ../shared/eval (see
# ../shared/README.md). A benchmark, not a test: it never fails on a figure.
# usage: scripts/eval.sh SHARED_DIR BIN_DIR
set -u
shared=${1:-../shared}
bin=${2:-.bin}
if [ ! -d "$shared/eval" ] || [ ! -d "$shared/data" ]; then
  echo "make eval: $shared is missing (it holds the scorer and the gold data); nothing to evaluate."
  exit 0
fi
shared=$(cd "$shared" && pwd)
mkdir -p "$bin"
go build -C "$shared/eval" -o "$bin/eval" . || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # name gold: writes $tmp/name.pred.jsonl; documents that fail are reported and scored as missing
  "$bin/eval" inputs "$2" > "$tmp/$1.in.jsonl" || return 1
  "$bin/explorer" analyze --jsonl < "$tmp/$1.in.jsonl" > "$tmp/$1.pred.jsonl" 2> "$tmp/$1.err" ||
    echo "($(wc -l < "$tmp/$1.err") documents failed to analyse: $(head -c 200 "$tmp/$1.err"))"
  return 0
}
echo "== attribution: Dutch dev gold (gold-nl)"
run nl "$shared/data/gold-nl" && "$bin/eval" attribution "$shared/data/gold-nl" "$tmp/nl.pred.jsonl" | tail -4
echo "== attribution: seed article only"
mkdir -p "$tmp/seed" && cp "$shared/data/gold-nl/nos-2022-02-biden-poetin.json" "$tmp/seed/"
run seed "$tmp/seed" && "$bin/eval" attribution "$tmp/seed" "$tmp/seed.pred.jsonl" | tail -2
echo "== attribution: PolNeAR dev (English)"
run polnear "$shared/data/polnear/dev" && "$bin/eval" attribution "$shared/data/polnear/dev" "$tmp/polnear.pred.jsonl" | tail -4
for part in testa testb; do
  echo "== NER: CoNLL-2002 ned.$part"
  run "$part" "$shared/data/conll2002/ned.$part" && "$bin/eval" ner "$shared/data/conll2002/ned.$part" "$tmp/$part.pred.jsonl" | tail -1
done
echo "== extraction: article-extraction-benchmark"
bench="$shared/data/article-extraction-benchmark"
"$bin/explorer" extract "$bench"/html/*.html.gz > "$tmp/ext.jsonl" 2> "$tmp/ext.err" ; \
  "$bin/eval" extraction "$bench" "$tmp/ext.jsonl" | tail -1
