#!/usr/bin/env bash
# usage: tests/scale/cluster.t
# The topology scripts/with-center-cluster starts: a 3-node Galera cluster,
# two Kore hosts (node 1, node 2) behind nginx, two LMTP ingesters (node 1,
# node 2) behind one Postfix, two outbox senders (node 2, node 3). Reports
# to either ingester are stored once and seen on every node; the manager is
# mailed once; both Kore hosts serve through nginx; a host whose database
# node leaves the cluster (isolated: wsrep_ready OFF) or dies (kill -9)
# answers 503 on /healthz and nginx serves its requests from the other
# host; once the node is back the host answers 200 again.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/tap.sh"
. "$here/../center/lib.sh"
. "$here/lib.sh"
if [ -z "${FAXCARE_CLUSTER_URL:-}" ]; then
	exec "$CENTER_TOP/scripts/with-center-cluster" --maildir m1 -- "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
kore_b=http://127.0.0.1:$(cat "$FAXCARE_CLUSTER_DIR/kore-b/port")

scale_seed 2 || bail "seeding failed"
is "$(node_sql 3 "SELECT COUNT(*) FROM terminals")" 2 \
	"the fleet seeded on node 1 is on node 3"
for i in 1 2; do
	mkreport -t status -i "s-$i" -m m1@faxcare.test -M FX-9000 -S "SN$i" \
		-c toner-empty -r "$(rid "$i")" >"$tmp/r$i.eml" || bail "mkreport"
	echo "$tmp/r$i.eml $(scale_address "$i")" >>"$tmp/list"
done
is "$(scale_submit "$tmp/list")" 2 "Postfix takes a report for each ingester"
wait_for 60 "both reports stored" scale_drained 2
ok $? "both are stored"
like "$(grep -a 'status=sent' "$FAXCARE_POSTFIX_LOG" | grep -c 'ingest-[ab].sock')" \
	'^2$' "... one through each ingester (Postfix's log)"
is "$(node_sql 3 "SELECT COUNT(*) FROM reports")" 2 "... and read on node 3"
wait_for 60 "the manager's mail" scale_outbox_settled
is "$(maildir_count m1)" 1 "the manager is mailed once, by one of the two senders"

# statuses N URL: the status of N GETs of URL through nginx, one a line.
statuses() {
	local n=$1 url=$2 urls=()
	while ((n-- > 0)); do urls+=(-o /dev/null "$url"); done
	curl -s -H "Cookie: fc_home=$(printf '%064x' 1)" -w '%{http_code}\n' "${urls[@]}"
}
statuses 10 "$FAXCARE_CLUSTER_URL/home" >"$tmp/codes"
is "$(sort -u "$tmp/codes")" 200 "the manager's homepage through nginx"
is "$(grep ' /home ' "$FAXCARE_CLUSTER_DIR/nginx-access.log" |
	grep -o 'upstream=[0-9.:]*' | sort -u | wc -l)" 2 "... served by both Kore hosts"

# Node 2 cut off from the others: not ready; Kore B says so, nginx moves on.
node_sql 2 "SET GLOBAL wsrep_provider_options = 'gmcast.isolate = 1'"
node_ready() {
	[ "$(node_sql "$1" "SHOW STATUS LIKE 'wsrep_ready'" | cut -f2)" = "$2" ]
}
wait_for 30 "node 2 to leave the primary component" node_ready 2 OFF
ok $? "node 2, isolated, reports wsrep_ready OFF"
is "$(http_status "$kore_b/healthz")" 503 "Kore host B's /healthz answers 503"
statuses 20 "$FAXCARE_CLUSTER_URL/home" >"$tmp/codes"
is "$(sort -u "$tmp/codes")" 200 "homepages through nginx are all served (by host A)"
like "$(grep -c 'upstream_status=50[0-9], 200' "$FAXCARE_CLUSTER_DIR/nginx-access.log")" \
	'^[1-9]' "... nginx retried host B's answer on host A"
node_sql 2 "SET GLOBAL wsrep_provider_options = 'gmcast.isolate = 0'"
wait_for 60 "node 2 to rejoin" node_ready 2 ON
b_ok() { [ "$(http_status "$kore_b/healthz")" = 200 ]; }
wait_for 30 "Kore host B's health" b_ok
is "$(http_status "$kore_b/healthz")" 200 "node 2 back in the cluster: host B answers 200"

# Node 2 killed: host B's database is gone.
"$FAXCARE_NODE_CTL" 2 kill
is "$(http_status "$kore_b/healthz")" 503 "node 2 killed -9: host B's /healthz answers 503"
statuses 20 "$FAXCARE_CLUSTER_URL/home" >"$tmp/codes"
is "$(sort -u "$tmp/codes")" 200 "homepages through nginx are all served"
"$FAXCARE_NODE_CTL" 2 start >/dev/null
ok $? "node 2 starts again and rejoins"
wait_for 60 "host B's health" b_ok
ok $? "host B reconnects and answers 200"
is "$(node_sql 2 "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM reports")" 2 \
	"the restarted node has the reports"
done_testing
