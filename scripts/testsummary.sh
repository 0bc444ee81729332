#!/usr/bin/env bash
# Reads `go test -v` output on stdin and prints what matters: the output of
# failed and skipped tests (with the reason of each skip), the package
# result lines, anything printed outside a test (build errors, panics), and a
# count of passed, failed and skipped tests and subtests. Exits 1 when a test
# or package failed. Use it with pipefail, so that go test's own exit status
# counts too:
#   set -o pipefail; go test -v ./... 2>&1 | scripts/testsummary.sh unit
set -euo pipefail
label=${1:-tests}
awk -v label="$label" '
function flush(name) {
	if (name in buf) { printf "%s", buf[name]; delete buf[name] }
}
/^=== (RUN|PAUSE|CONT|NAME) / { cur = $3; next }
/^ *--- (PASS|FAIL|SKIP): / {
	result = $2; name = $3; sub(/:$/, "", result)
	if (result == "PASS") { pass++; delete buf[name] }
	else {
		if (result == "FAIL") fail++; else { skip++; skipped = skipped "  " name "\n" }
		flush(name); print
	}
	next
}
/^(ok|FAIL|\?) *\t/ || /^(PASS|FAIL)$/ || /^panic: / || /^# / {
	# A package ends (or fails to build): show what its unfinished tests printed.
	for (n in buf) flush(n)
	cur = ""
	if ($0 != "PASS") print
	if ($1 == "FAIL") pkgfail = 1
	next
}
{
	if (cur != "") buf[cur] = buf[cur] $0 "\n"; else print
}
END {
	for (n in buf) flush(n)
	if (skip > 0) printf "%s: skipped:\n%s", label, skipped
	printf "%s: %d passed, %d failed, %d skipped\n", label, pass, fail, skip
	exit (fail > 0 || pkgfail) ? 1 : 0
}'
