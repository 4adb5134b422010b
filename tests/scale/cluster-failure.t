#!/usr/bin/env bash
# usage: tests/scale/cluster-failure.t
#   (SCALE_TERMINALS=200 SCALE_REPORTS=5000: `make check-scale`)
# The center on a 3-node Galera cluster (scripts/with-center-cluster: two
# Kore hosts behind nginx, two ingesters, two outbox senders) loses a
# database node to kill -9 in the middle of a burst of signed reports from
# SCALE_TERMINALS terminals spread over both ingesters, while managers
# browse their homepages through nginx; the node is started again and
# rejoins. The same reports then go to the center on one plain MariaDB
# server, and the two runs must agree: every Report-Id stored exactly once,
# one notice per terminal and condition, open or closed as the reports say,
# every manager mailed each notice once and exactly as on one node, no
# homepage answered 5xx for longer than nginx's health-check window, and
# the restarted node holding the same rows as the others.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/tap.sh"
. "$here/../center/lib.sh"
. "$here/lib.sh"
T=${SCALE_TERMINALS:-20}
N=${SCALE_REPORTS:-500}
# The reports are written once (scale_reports) with a fixed time.
export FAXCENTER_TIME_WINDOW=$SCALE_TIME_WINDOW

# One run, inside scripts/with-center-cluster: results into $SCALE_OUT.
if [ -n "${SCALE_RUN:-}" ]; then
	in=$SCALE_IN out=$SCALE_OUT
	m=$(scale_managers "$T")
	nb=$(wc -l <"$in/burst.list") nc=$(wc -l <"$in/close.list")
	scale_seed "$T" || exit 1
	for b in 1 2; do scale_browse "$out/browse-$b" "$m" & done
	start=$(date +%s.%N)
	{ scale_submit "$in/burst.list" && scale_submit "$in/dups.list"; } \
		>"$out/submitted" &
	if [ "$SCALE_RUN" = 3 ]; then
		wait_for 300 "$((nb * 15 / 100)) reports stored" \
			scale_stored_at_least $((nb * 15 / 100))
		date +%s.%N >"$out/killed-at"
		scale_stored >"$out/stored-at-kill"
		"$FAXCARE_NODE_CTL" 2 kill
		# Ingester A's terminals alone make half the burst.
		wait_for 300 "$((nb * 45 / 100)) reports stored" \
			scale_stored_at_least $((nb * 45 / 100))
		date +%s.%N >"$out/restarted-at"
		"$FAXCARE_NODE_CTL" 2 start >"$out/restart.log" 2>&1
		echo $? >"$out/restart-status"
		date +%s.%N >"$out/rejoined-at"
	fi
	wait_for 900 "the burst to drain" scale_drained "$nb"
	date +%s.%N >"$out/burst-done-at"
	wait_for 300 "the outbox to settle" scale_outbox_settled
	scale_submit "$in/close.list" >>"$out/submitted"
	wait_for 300 "the completions to drain" scale_drained $((nb + nc))
	wait_for 300 "the outbox to settle" scale_outbox_settled
	touch "$out/browse-1.stop" "$out/browse-2.stop"
	wait
	echo "$start" >"$out/started-at"
	scale_state 1 "$out/state"
	scale_mailed "$out" "$m" >"$out/mailed"
	cat "$out/browse-1" "$out/browse-2" | sort -n >"$out/browse"
	for node in 1 2 3; do scale_row_counts "$node" >"$out/rows-$node"; done
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
center_secret "$tmp"
mkdir "$tmp/out1" "$tmp/out3"
started=$(date +%s)
in=$(scale_reports "$T" "$N") || bail "cannot write the reports"
diag "$N reports of $T terminals ready in $(($(date +%s) - started)) s ($in)"
m=$(scale_managers "$T")
maildirs=()
for i in $(seq "$m"); do maildirs+=(--maildir "m$i"); done

# run NODES: the reports through the center on NODES database nodes.
run() {
	local t0=$(date +%s)
	SCALE_RUN=$1 SCALE_IN=$in SCALE_OUT=$tmp/out$1 \
		FAXCARE_CLUSTER_KEEP=${SCALE_KEEP:-} \
		"$CENTER_TOP/scripts/with-center-cluster" --nodes "$1" "${maildirs[@]}" -- "$0"
	local rc=$?
	diag "the run on $1 node(s) took $(($(date +%s) - t0)) s"
	return $rc
}
run 3
ok $? "the run on the 3-node cluster completes" || bail "see the diagnostics above"
o=$tmp/out3
ok "$([ "$(cat "$o/restart-status")" = 0 ] && echo 0 || echo 1)" \
	"node 2 was killed -9 and started again (it rejoined)"
killed=$(cat "$o/killed-at") done_at=$(cat "$o/burst-done-at")
diag "killed with $(cat "$o/stored-at-kill") of $((N - $(wc -l <"$in/close.list"))) burst reports stored; down $(awk -v a="$killed" -v b="$(cat "$o/restarted-at")" 'BEGIN { printf "%.1f", b - a }') s; rejoined in $(awk -v a="$(cat "$o/restarted-at")" -v b="$(cat "$o/rejoined-at")" 'BEGIN { printf "%.1f", b - a }') s"
ok "$(awk -v k="$killed" -v d="$done_at" 'BEGIN { print !(k < d) }')" \
	"... in the middle of the burst"

run 1
ok $? "the run on one node completes" || bail "see the diagnostics above"

for n in 1 3; do
	is "$(wc -l <"$tmp/out$n/state.reports")" "$N" \
		"$n node(s): $N distinct Report-Ids stored"
	is "$(awk '$2 != 1' "$tmp/out$n/state.reports" | head -3)" "" \
		"$n node(s): ... each exactly once (its duplicate, sent to the other ingester, too)"
	is "$(uniq -d "$tmp/out$n/state.notices" | head -3)" "" \
		"$n node(s): one notice per terminal and condition"
	is "$(diff "$in/expected-notices" "$tmp/out$n/state.notices" | head -5)" "" \
		"$n node(s): each open or closed as the reports say"
	is "$(uniq -d "$tmp/out$n/mailed" | head -3)" "" \
		"$n node(s): no notice mailed twice"
done
is "$(wc -l <"$tmp/out1/mailed")" "$(( T * ${#SCALE_CONDS[@]} ))" \
	"one node: every notice mailed to its manager"
is "$(diff "$tmp/out1/mailed" "$tmp/out3/mailed" | head -5)" "" \
	"every manager got exactly the notices in mail the single-node run gives"
is "$(diff "$tmp/out1/state.reports" "$tmp/out3/state.reports" | head -3)" "" \
	"the same reports are stored on the cluster as on one node"

w=$(scale_5xx_window "$o/browse")
diag "homepages during the cluster run: $(wc -l <"$o/browse") requests," \
	"$(awk '$2 >= 500 || $2 == "000"' "$o/browse" | wc -l) answered 5xx or nothing," \
	"longest stretch ${w} s"
ok "$(awk -v w="$w" -v h="${CENTER_HEALTH_WINDOW:-5}" 'BEGIN { print !(w <= h) }')" \
	"no homepage answered 5xx for longer than nginx's health-check window (${CENTER_HEALTH_WINDOW:-5} s)"
ok "$(awk '$2 == 200' "$o/browse" | wc -l | awk '{ print !($1 > 0) }')" \
	"... and homepages were served during the run"
is "$(diff "$o/rows-1" "$o/rows-2")" "" "the restarted node 2 has node 1's row counts"
is "$(diff "$o/rows-1" "$o/rows-3")" "" "... and so has node 3"
done_testing
