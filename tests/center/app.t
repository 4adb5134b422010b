#!/usr/bin/env bash
# usage: tests/center/app.t
# The Kore app starts on loopback (migrating the schema when asked), answers
# /healthz from the database through its non-blocking pool, reports 503 while
# the database is down or hung (a query timeout) and recovers when it is
# back, and serves its assets.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"
migrations=$(find "$CENTER_TOP/center/sql/migrations" -name "*.sql" | wc -l)

tmp=$(mktemp -d)
cleanup() { center_stop; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export FAXCENTER_MIGRATE_ON_START=yes
# One worker: whatever it serves while a query waits, it serves from the
# same event loop.
CENTER_WORKERS=1
center_start "$tmp"
ok $? "kore starts the faxcenter app"
is "$(sql 'SELECT COUNT(*) FROM schema_migrations')" "$migrations" \
	"migrate_on_start applied the schema"

body=$(curl -s "$CENTER_URL/healthz")
is "$body" "ok" "/healthz says ok"
pids=()
for i in $(seq 20); do
	curl -sf -o /dev/null "$CENTER_URL/healthz" &
	pids+=($!)
done
wait_ok=0
for j in "${pids[@]}"; do wait "$j" || wait_ok=1; done
ok $wait_ok "twenty concurrent health checks complete"
is "$(http_status "$CENTER_URL/healthz")" 200 "still healthy after them"

is "$(http_status -X POST "$CENTER_URL/healthz")" 405 "/healthz takes GET only"
is "$(http_status "$CENTER_URL/m/nothex")" 404 "a malformed token is not routed"
is "$(http_status "$CENTER_URL/m/$(printf '%064d' 0)")" 404 \
	"an unknown homepage token is 404"
like "$(curl -s "$CENTER_URL/assets/style.css")" 'font:' "stylesheet served"

# Workers run under a seccomp filter (Kore's and center/portal/seccomp.c).
workers=$(pgrep -P "$CENTER_PID" | tr '\n' ' ')
like "$workers" '[0-9]' "kore runs worker processes"
filtered=1
for w in $workers; do
	grep -q '^Seccomp:[[:space:]]*2$' "/proc/$w/status" || filtered=0
done
is "$filtered" 1 "every worker runs under a seccomp filter"

"$FAXCARE_DB_CTL" stop
is "$(http_status "$CENTER_URL/healthz")" 503 "database down: 503"
"$FAXCARE_DB_CTL" start
is "$(http_status "$CENTER_URL/healthz")" 200 "database back: 200 again"
# A server that hangs (stopped, not gone): the query times out, no stall.
# db_unread: the stopped server has bytes it has not read (the app's query)
# or a connection it has not accepted, so a request is in flight.
db_unread() {
	if [ -n "${FAXCARE_DB_HOST:-}" ]; then
		ss -Htan "sport = :$FAXCARE_DB_PORT" |
			awk '$2 > 0 { f = 1 } END { exit !f }'
	else
		ss -Hxan | awk -v p="$FAXCARE_DB_SOCKET" \
			'$5 == p && $3 > 0 { f = 1 } END { exit !f }'
	fi
}
db_pid=$(cat "$(dirname "$FAXCARE_DB_DIR")/mariadbd.pid")
kill -STOP "$db_pid"
! db_unread
ok $? "nothing waits at the stopped database before the request"
start=$(date +%s)
http_status --max-time 20 "$CENTER_URL/healthz" >"$tmp/hung" &
hung=$!
wait_for 10 "the health check's query at the hung database" db_unread
ok $? "the health check's query waits unread at the hung database"
curl -sf --max-time 2 -o /dev/null "$CENTER_URL/assets/style.css"
ok $? "while a query waits on the hung database, other requests are served"
wait "$hung"
is "$(cat "$tmp/hung")" 503 "database hung: 503 after the query timeout"
took=$(( $(date +%s) - start ))
ok $(( took > 10 )) "... within ten seconds (took ${took}s)"
kill -CONT "$db_pid"
is "$(http_status "$CENTER_URL/healthz")" 200 "database answering again: 200"
kill -0 "$CENTER_PID" 2>/dev/null
ok $? "kore is still running"
done_testing
