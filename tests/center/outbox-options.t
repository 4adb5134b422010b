#!/usr/bin/env bash
# usage: tests/center/outbox-options.t
# faxcenter-outbox refuses a sweep interval (-p) that is not a plain number
# of milliseconds in its range, saying which value it refused, before it
# reads any configuration or database: "-p 100x" is not taken as 100.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A configuration that cannot load: a value the option check let through
# would fail on it instead, with another message.
refused() {
	local arg=$1 st
	"$CENTER_BUILD/faxcenter-outbox" -c "$tmp/missing.conf" -p "$arg" -1 \
		>"$tmp/out" 2>"$tmp/err"
	st=$?
	is "$st" 2 "-p $arg: refused as a usage error"
	like "$(head -n1 "$tmp/err")" \
		"^faxcenter-outbox: -p: a sweep of 10 to 3600000 ms, not $arg\$" \
		"... saying which value and what it takes"
}
refused 100x
refused ''
refused 9
refused 3600001
refused 99999999999999999999

"$CENTER_BUILD/faxcenter-outbox" -c "$tmp/missing.conf" -p 100 -1 \
	>"$tmp/out" 2>"$tmp/err"
st=$?
ok "$([ "$st" -ne 2 ] && ! grep -q -- '-p:' "$tmp/err"; echo $?)" \
	"-p 100 is taken (it goes on to the configuration)"
done_testing
