#!/usr/bin/env bash
# usage: tests/e2e/demo.t   (prove runs it; needs `make` built)
# `make demo` as a user runs it: with DEMO_ONESHOT=1 every step passes and
# it exits 0, leaving nothing behind; without, it keeps the portal serving
# on the printed URL until Ctrl-C, which stops everything it started.
# SPDX-License-Identifier: ISC
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxcare-demo-t.XXXXXX") || bail "mktemp failed"
pgid=
cleanup() {
	trap - EXIT INT TERM
	# The interactive demo runs in its own process group, which we made.
	[ -z "$pgid" ] || kill -TERM -- "-$pgid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# group_alive PGID: some process of the group still runs.
group_alive() { pgrep -g "$1" >/dev/null; }
# left_behind FILE: the demo's work directories named in FILE that still
# exist; a failed demo keeps its own (logs kept in ...): those move to
# tests/artifacts/e2e/ rather than stay in /tmp.
left_behind() {
	local d
	for d in $(grep -o '/tmp/faxcare-demo\.[A-Za-z0-9]*' "$1" | sort -u); do
		[ -e "$d" ] || continue
		echo "$d"
		mkdir -p "$top/tests/artifacts/e2e" &&
			mv "$d" "$top/tests/artifacts/e2e/${d##*/}" &&
			diag "the demo's logs: tests/artifacts/e2e/${d##*/}"
	done
}

# One shot.
DEMO_ONESHOT=1 TMPDIR=/tmp timeout 600 "$top/scripts/demo" >"$tmp/oneshot.out" 2>&1
rc=$?
is "$rc" 0 "DEMO_ONESHOT=1 scripts/demo exits 0"
out=$(cat "$tmp/oneshot.out")
steps=$(grep -cE '^\[ *[0-9.]+s\] [0-9]+\. ' "$tmp/oneshot.out")
is "$(grep -cE '^ +ok, [0-9.]+ s$' "$tmp/oneshot.out")" "$steps" \
	"each of its $steps steps says ok with its time"
like "$out" "The manager's e-mail, as it arrived in the Maildir" "it shows the manager's e-mail"
like "$out" "the homepage URL: http://127.0.0.1:[0-9]+/m/[0-9a-f]{64}" "with the homepage URL"
like "$out" "Delivery: [0-9-]+ [0-9:]+ UTC" "the homepage shows the delivery date"
like "$out" "Service visit booked" "a visit is booked"
like "$out" "The walk took [0-9.]+ s" "it ends with the total time"
is "$(left_behind "$tmp/oneshot.out")" "" "it removed its work directory"
((rc == 0)) || diag "$(tail -n 40 "$tmp/oneshot.out")"

# Interactive: the portal stays until Ctrl-C (SIGINT to the foreground
# process group, as the terminal sends it).
# Job control gives the demo its own process group, with SIGINT not
# ignored (a plain background job would ignore it).
set -m
TMPDIR=/tmp "$top/scripts/demo" >"$tmp/live.out" 2>&1 &
pgid=$!
set +m
# The portal, or the demo's end (it failed: the check below says so).
portal_or_end() { grep -q 'The portal keeps running' "$tmp/live.out" || ! group_alive "$pgid"; }
wait_for 300 "the demo's portal" portal_or_end
like "$(cat "$tmp/live.out")" "The portal keeps running" "without DEMO_ONESHOT the demo keeps the portal running"
home=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/m/[0-9a-f]{64}' "$tmp/live.out" | tail -1)
base=${home%/m/*}
is "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" 200 "the printed portal answers"
is "$(curl -s -L -o /dev/null -w '%{http_code}' -c "$tmp/jar" -b "$tmp/jar" "$home")" 200 \
	"the printed homepage URL opens the manager's page"
kill -INT -- "-$pgid"
group_gone() { ! group_alive "$pgid"; }
wait_for 30 "every process of the demo to end" group_gone
ok $? "Ctrl-C stops every process the demo started"
wait "$pgid"
rc=$?
pgid=
is "$rc" 130 "the demo exits 130, as interrupted programs do"
like "$(cat "$tmp/live.out")" "Stopping: the VM, the center, Postfix, MariaDB" "and says what it stops"
is "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" 000 "the portal is gone"
# Postfix's master detaches from the group: its port tells.
smtp=$(sed -n 's/.*Postfix  running on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/live.out")
db=$(sed -n 's/.*MariaDB .* on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/live.out")
[ -n "$smtp" ] && ! port_open "$smtp"
ok $? "Postfix (port ${smtp:-?}) is gone"
[ -n "$db" ] && ! port_open "$db"
ok $? "MariaDB (port ${db:-?}) is gone"
is "$(left_behind "$tmp/live.out")" "" "the work directory is gone"
done_testing
