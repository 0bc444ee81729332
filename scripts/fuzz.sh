#!/usr/bin/env bash
# Fuzzes every fuzz target of the module (every func FuzzXxx in a _test.go
# file) for FUZZTIME each, with minimisation cut short (FUZZMINIMIZE), and
# prints each target's executions. A target that fails, or that ran fewer
# than MINEXECS executions (the harness then spent its time elsewhere, say
# minimising), fails the run.
# A run that fails with only "context deadline exceeded" and writes no
# failing input is Go's fuzzing coordinator racing its own -fuzztime
# deadline (go.dev/issue/75804, fixed in Go 1.27), not a finding: that
# target is run once more, and fails the run if it fails again.
# usage: FUZZTIME=12s FUZZMINIMIZE=1s MINEXECS=1000 scripts/fuzz.sh [go]
set -euo pipefail
GO=${1:-go}
FUZZTIME=${FUZZTIME:-12s}
FUZZMINIMIZE=${FUZZMINIMIZE:-1s}
MINEXECS=${MINEXECS:-1000}
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

targets=$(git ls-files '*_test.go' 2>/dev/null || find . -name '*_test.go' -not -path './.git/*')
targets=$(grep -H -o '^func Fuzz[A-Za-z0-9_]*' $targets | sed 's/:func / /' | sort -u)
if [ -z "$targets" ]; then
	echo "fuzz: no fuzz targets found" >&2
	exit 1
fi
failed=0
summary=""
while read -r file name; do
	pkg=./$(dirname "${file#./}")
	echo "== fuzz $name ($pkg, $FUZZTIME)"
	corpus="$pkg/testdata/fuzz/$name"
	before=$(ls "$corpus" 2>/dev/null | sort || true)
	for attempt in 1 2; do
		status=0
		"$GO" test -run='^$' -fuzz="^$name\$" -fuzztime="$FUZZTIME" -fuzzminimizetime="$FUZZMINIMIZE" -v "$pkg" >"$log" 2>&1 || status=$?
		after=$(ls "$corpus" 2>/dev/null | sort || true)
		if [ "$status" -ne 0 ] && [ "$attempt" -eq 1 ] && [ "$before" = "$after" ] &&
			grep -q 'context deadline exceeded' "$log" && ! grep -q -e 'Failing input written' -e '^panic:' "$log"; then
			tail -n 4 "$log"
			echo "$name: the fuzzing coordinator missed its own deadline (go.dev/issue/75804) and wrote no failing input; running it again"
			continue
		fi
		break
	done
	# The last progress line: "fuzz: elapsed: 12s, execs: 34567 (2880/sec), new interesting: ..."
	execs=$( (grep -o 'fuzz: elapsed: [^,]*, execs: [0-9]*' "$log" || true) | tail -n 1 | sed 's/.*execs: //')
	execs=${execs:-0}
	if [ "$status" -ne 0 ]; then
		cat "$log"
		verdict="FAILED"
		failed=1
	elif [ "$execs" -lt "$MINEXECS" ]; then
		tail -n 20 "$log"
		verdict="too few executions (< $MINEXECS)"
		failed=1
	else
		verdict="ok"
	fi
	line=$(printf '%-18s %-16s %10s execs  %s' "$name" "$pkg" "$execs" "$verdict")
	echo "$line"
	summary+="$line"$'\n'
done <<<"$targets"
echo "== fuzz summary (FUZZTIME=$FUZZTIME, at least $MINEXECS executions each)"
printf '%s' "$summary"
exit $failed
