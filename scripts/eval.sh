#!/usr/bin/env bash
# Prints the quality figures of the explorer against ../shared/eval (see
# ../shared/README.md). A benchmark, not a test: it never fails on a figure,
# but it fails loudly when a tool in the pipeline breaks.
# usage: scripts/eval.sh SHARED_DIR BIN_DIR
set -uo pipefail
shared=${1:-../shared}
bin=${2:-.bin}
# Dutch dev articles kept unread while rules are written (one or two per
# outlet group); their score next to the rest's shows over-fitting.
HELD_OUT=${HELD_OUT:-"nl-105 nl-111 nl-117 nl-121 nl-124"}
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
subset() { # name pred ids...: scores the gold-nl articles named by ids against pred
  local name=$1 pred=$2; shift 2
  mkdir -p "$tmp/$name"
  for id in "$@"; do cp "$shared/data/gold-nl/$id.json" "$tmp/$name/"; done
  "$bin/eval" attribution "$tmp/$name" "$pred" 2>/dev/null
}
echo "== attribution: Dutch dev gold (gold-nl)"
run nl "$shared/data/gold-nl" && "$bin/eval" attribution "$shared/data/gold-nl" "$tmp/nl.pred.jsonl" | tail -4
echo "== attribution: Dutch dev, per article (F1@0.3, speaker, actor right; * = held out)"
seen=() held=()
for f in "$shared"/data/gold-nl/*.json; do
  id=$(basename "$f" .json)
  mark=" "
  if [[ " $HELD_OUT " == *" $id "* ]]; then mark="*"; held+=("$id"); else seen+=("$id"); fi
  out=$(subset "one-$id" "$tmp/nl.pred.jsonl" "$id")
  f1=$(sed -n 's/^SUMMARY F1@0.3 \([0-9.]*\) P \([0-9.]*\) R \([0-9.]*\) speaker \([0-9.]*\).*/F1 \1  P \2  R \3  speaker \4/p' <<<"$out")
  act=$(sed -n 's/^actor resolved right.*: \([0-9.]*\) of \([0-9]*\)/actor \1 of \2/p' <<<"$out")
  gold=$(sed -n 's/^@0.3  gold \([0-9]*\).*/\1/p' <<<"$out")
  printf '%s %-28s gold %3s  %s  %s\n' "$mark" "$id" "$gold" "$f1" "$act"
done
echo "== attribution: Dutch dev, articles written from vs held out"
echo "written from: $(subset seen "$tmp/nl.pred.jsonl" "${seen[@]}" | grep '^SUMMARY')"
echo "held out:     $(subset held "$tmp/nl.pred.jsonl" "${held[@]}" | grep '^SUMMARY')"
echo "== attribution: seed article only"
mkdir -p "$tmp/seed" && cp "$shared/data/gold-nl/nos-2022-02-biden-poetin.json" "$tmp/seed/"
run seed "$tmp/seed" && "$bin/eval" attribution "$tmp/seed" "$tmp/seed.pred.jsonl" | tail -2
echo "== attribution: PolNeAR dev (English)"
run polnear "$shared/data/polnear/dev" && "$bin/eval" attribution "$shared/data/polnear/dev" "$tmp/polnear.pred.jsonl" | tail -4
echo "== attribution: PolNeAR train (English; what the rules and models were fitted on)"
run polnear-train "$shared/data/polnear/train" && "$bin/eval" attribution "$shared/data/polnear/train" "$tmp/polnear-train.pred.jsonl" | tail -1
for part in testa testb; do
  echo "== NER: CoNLL-2002 ned.$part"
  run "$part" "$shared/data/conll2002/ned.$part" && "$bin/eval" ner "$shared/data/conll2002/ned.$part" "$tmp/$part.pred.jsonl" | tail -1
done
echo "== extraction: article-extraction-benchmark"
bench="$shared/data/article-extraction-benchmark"
"$bin/explorer" extract "$bench"/html/*.html.gz > "$tmp/ext.jsonl" 2> "$tmp/ext.err"
"$bin/eval" extraction "$bench" "$tmp/ext.jsonl" | tail -1
