#!/usr/bin/env bash
# usage: tests/center/ingestd.t   (INGESTD_BURST=N INGESTD_KILLS=K to scale)
# A real Postfix delivers report mail over LMTP to faxcenter-ingestd, the
# resident ingester, in a real MariaDB: reports are stored; mail that is
# not a valid report is answered 250 and quarantined, never bounced; with
# the database down Postfix is answered 451, keeps the message and it
# lands once the database is back; reports queued together are stored in
# shared transactions (batches, one log line each), and one that fails
# inside a batch is deferred alone while the rest of its batch is stored;
# and a burst of reports survives the
# daemon killed -9 again and again: every Report-Id stored exactly once,
# Postfix's queue empty, nothing bounced.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
# mkreport's reports and the fixtures (2026-11-24) are accepted whatever
# today is.
export FAXCENTER_TIME_WINDOW=$((20 * 365 * 86400))
in_db "$0" "$@"

N=${INGESTD_BURST:-2000}
KILLS=${INGESTD_KILLS:-20}
T=${INGESTD_TERMINALS:-10}

if [ -z "${FAXCARE_SMTP_PORT:-}" ]; then
	# The socket's directory must be reachable by Postfix's lmtp (user
	# postfix): not under a 0700 TMPDIR.
	sockdir=$(mktemp -d /tmp/ingestd.XXXXXX) || bail "mktemp"
	chmod 0755 "$sockdir"
	export INGESTD_SOCKET=$sockdir/lmtp.sock
	"$CENTER_TOP/scripts/with-postfix" --lmtp "reports=$INGESTD_SOCKET" \
		--maildir alice -- "$0" "$@"
	rc=$?
	rm -rf "$sockdir"
	exit $rc
fi

tmp=$(mktemp -d)
PID=
trap 'stop_pid "$PID"; [ -n "${INGESTD_KEEP:-}" ] && cp "$tmp/ingestd.log" "$FAXCARE_POSTFIX_LOG" "$INGESTD_KEEP"/; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
center_secret "$tmp"
export FAXCENTER_BASE_URL=http://127.0.0.1:1
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"

start_ingestd() {
	"$CENTER_BUILD/faxcenter-ingestd" -s "$INGESTD_SOCKET" 2>>"$tmp/ingestd.log" &
	PID=$!
	wait_for 10 "the ingester's socket" test -S "$INGESTD_SOCKET"
}
# submit FILE: into Postfix's queue, as a local submission (fast).
submit() {
	sendmail -C "$FAXCARE_POSTFIX_DIR/etc" -f postmaster@faxcare.test \
		reports@faxcare.test <"$1"
}
# Deferred mail is retried with a backoff: flush to keep it short.
drained() {
	"$FAXCARE_POSTFIX_CTL" wait-empty 2 >/dev/null 2>&1 && return 0
	"$FAXCARE_POSTFIX_CTL" flush
	return 1
}
stored() { sql "SELECT COUNT(*) FROM reports"; }
stored_at_least() { [ "$(stored)" -ge "$1" ]; }

start_ingestd
ok $? "faxcenter-ingestd listens on its socket"

for i in $(seq "$T"); do
	mkreport -t registration -i "burst-$i" -m alice@faxcare.test \
		-r "$(rid $((900000 + i)))" >"$tmp/reg-$i.eml" || bail "mkreport"
	submit "$tmp/reg-$i.eml" || bail "sendmail"
done
wait_for 60 "the registrations to be stored" drained
is "$(stored)" "$T" "the registrations are stored over LMTP"
like "$(grep -a 'status=sent' "$FAXCARE_POSTFIX_LOG" | head -n 1)" \
	'relay=.*lmtp.sock.*250 2\.0\.0 stored registration report' \
	"Postfix logs the ingester's 250 with what it did"

# Not a report: answered 250, quarantined, never bounced.
submit "$CENTER_FIXTURES/forged-value.eml"
wait_for 30 "the forged mail to be delivered" drained
like "$(grep -a 'status=sent.*dropped' "$FAXCARE_POSTFIX_LOG")" \
	'250 2\.0\.0 dropped \(forged\): signature refused' \
	"forged mail is answered 250 with the reason it was dropped"
is "$(sql "SELECT COUNT(*) FROM mail_quarantine WHERE detail LIKE 'signature refused%'")" 1 \
	"it is quarantined"
is "$(grep -c 'status=bounced' "$FAXCARE_POSTFIX_LOG")" 0 "nothing bounced"
is "$(maildir_count postmaster)" 0 "no bounce reached the postmaster either"

# Database down: 451, the message waits in Postfix's queue, lands later.
mkreport -t status -i burst-1 -m alice@faxcare.test -c media-empty -n 1 \
	-r "$(rid 800001)" >"$tmp/paper.eml"
"$FAXCARE_DB_CTL" stop
submit "$tmp/paper.eml"
wait_for 30 "the deferral in Postfix's log" \
	grep -q 'status=deferred.*451 4\.3\.0 database unavailable' "$FAXCARE_POSTFIX_LOG"
ok $? "with the database down the ingester answers 451 and Postfix defers"
like "$("$FAXCARE_POSTFIX_CTL" queue)" 'reports@faxcare.test' "the message waits in Postfix's queue"
"$FAXCARE_DB_CTL" start
wait_for 60 "the deferred report to land" drained
ok $? "once the database is back, the retry empties the queue"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$(rid 800001)'")" 1 \
	"the deferred report landed once, on the same ingester (it reconnected)"

# Batches: B reports queued while Postfix is stopped, then picked up at
# once over Postfix's parallel connections, are committed in far fewer
# transactions than messages (the daemon's "batch:" log lines). One of them
# is refused by the database (a constraint, as any failing statement would
# be): it alone is deferred, the others of its batch are stored; once the
# constraint is gone it lands.
B=${INGESTD_BATCH_REPORTS:-200}
poison=$(rid 700000)
sql "ALTER TABLE reports ADD CONSTRAINT test_poison CHECK (report_uid <> '$poison')" ||
	bail "cannot add the constraint"
"$FAXCARE_POSTFIX_CTL" stop || bail "cannot stop Postfix"
for i in $(seq "$B"); do
	r=$(rid $((700000 + i - 1)))
	mkreport -t meter -i "burst-$(( i % T + 1 ))" -m alice@faxcare.test \
		-r "$r" >"$tmp/m.eml" || bail "mkreport"
	submit "$tmp/m.eml" 2>/dev/null || bail "sendmail"
done
logged=$(wc -l <"$tmp/ingestd.log")
commits() { sql "SHOW GLOBAL STATUS LIKE 'Com_commit'" | cut -f2; }
commits0=$(commits)
batched() { [ "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid > '$poison' AND report_uid <= '$(rid $((700000 + B - 1)))'")" -eq $((B - 1)) ]; }
"$FAXCARE_POSTFIX_CTL" start || bail "cannot start Postfix"
wait_for 120 "the batch's reports to be stored" batched
ok $? "$((B - 1)) of the $B reports queued together are stored"
commits1=$(commits)
wait_for 30 "the refused report's deferral" \
	grep -q "status=deferred.*451 4\.3\.0 .*test_poison" "$FAXCARE_POSTFIX_LOG"
ok $? "the report the database refuses is answered 451 and deferred"
tail -n "+$((logged + 1))" "$tmp/ingestd.log" | grep 'batch: ' >"$tmp/batches"
msgs=$(awk '{ n += $3 } END { print n + 0 }' "$tmp/batches")
txns=$(wc -l <"$tmp/batches")
biggest=$(awk '$3 > m { m = $3 } END { print m + 0 }' "$tmp/batches")
diag "$msgs messages in $txns batches, the largest $biggest; MariaDB counted $((commits1 - commits0)) COMMITs"
ok "$([ $(( (commits1 - commits0) * 4 )) -le "$B" ]; echo $?)" \
	"MariaDB counted at most a quarter as many COMMITs as reports stored ($((commits1 - commits0)))"
ok "$([ "$msgs" -ge "$B" ] && [ $((txns * 4)) -le "$msgs" ]; echo $?)" \
	"the $B reports were committed in at most a quarter as many transactions ($txns)"
like "$(grep -E ' [1-9][0-9]* stored, .* 1 deferred' "$tmp/batches" | head -n 1)" \
	'batch: [0-9]+ messages, 1 transaction' \
	"the refused report's batch stored the others in the same transaction"
sql "ALTER TABLE reports DROP CONSTRAINT test_poison" || bail "cannot drop the constraint"
wait_for 60 "the refused report to land" drained
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$poison'")" 1 \
	"once the database takes it, the deferred report lands once"

# The burst: N meter reports over T terminals, queued while Postfix is
# stopped (postdrop leaves them in the maildrop), then picked up at once; the ingester is killed -9
# KILLS times while it works through them, and restarted each time.
base=$(stored)
"$FAXCARE_POSTFIX_CTL" stop || bail "cannot stop Postfix"
for i in $(seq "$N"); do
	mkreport -t meter -i "burst-$(( i % T + 1 ))" -m alice@faxcare.test \
		-r "$(rid "$i")" >"$tmp/m.eml" || bail "mkreport"
	submit "$tmp/m.eml" 2>/dev/null || bail "sendmail"
done
logged=$(stat -c %s "$FAXCARE_POSTFIX_LOG")
started=$(date +%s%N)
"$FAXCARE_POSTFIX_CTL" start || bail "cannot start Postfix"
kills=0
for k in $(seq "$KILLS"); do
	want=$(( base + N * k / (KILLS + 1) ))
	wait_for 120 "$want reports stored" stored_at_least "$want" || break
	kill -KILL "$PID"
	wait "$PID" 2>/dev/null
	kills=$((kills + 1))
	start_ingestd || break
done
is "$kills" "$KILLS" "the ingester was killed -9 $KILLS times during the burst"
wait_for 300 "Postfix's queue to empty" drained
ok $? "Postfix's queue is empty after the burst"
ms=$(( ($(date +%s%N) - started) / 1000000 ))
is "$(sql "SELECT COUNT(*) FROM reports WHERE type = 'meter' AND report_uid <= '$(rid "$N")'")" "$N" \
	"$N meter reports are stored"
is "$(sql "SELECT COUNT(DISTINCT report_uid) FROM reports WHERE type = 'meter' AND report_uid <= '$(rid "$N")'")" "$N" \
	"every Report-Id of the burst is stored exactly once"
is "$(grep -c 'status=bounced' "$FAXCARE_POSTFIX_LOG")" 0 "nothing bounced"
cut=$(tail -c "+$((logged + 1))" "$FAXCARE_POSTFIX_LOG" |
	grep -c 'status=deferred.*\(lost connection\|Connection refused\|Connection reset\|No such file\)')
ok "$([ "$cut" -gt 0 ]; echo $?)" "kills cut deliveries short ($cut deferred by a kill or a restart)"
diag "burst: $N reports, $KILLS kills, drained in $ms ms; $(grep -c 'report already stored' "$tmp/ingestd.log") redeliveries found already stored"
done_testing
