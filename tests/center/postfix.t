#!/usr/bin/env bash
# usage: tests/center/postfix.t
# A real Postfix pipes report mail to faxcenter-mailgate: reports land in
# the database through every re-encoding, even when Postfix delivers status
# reports before the registration they depend on (the mailgate defers them);
# mail that is not a valid report is delivered and dropped, never bounced
# to its unverified sender; with the database down Postfix defers the message,
# retries it, and it lands exactly once when the database is back.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
# The fixtures carry a fixed time (2026-11-24): accept them whatever today
# is. The mailgates Postfix starts inherit this environment.
export FAXCENTER_TIME_WINDOW=$((20 * 365 * 86400))
in_db_and_postfix "$0" "$@"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
F=$CENTER_FIXTURES
# Deferred mail is retried with a growing backoff: flush to keep it short.
wait_empty() {
	local i
	for i in $(seq 15); do
		"$FAXCARE_POSTFIX_CTL" wait-empty 2 && return 0
		"$FAXCARE_POSTFIX_CTL" flush
	done
	"$FAXCARE_POSTFIX_CTL" queue >&2
	return 1
}

# A status report that overtakes its terminal's registration waits for it:
# the mailgate defers a young report of an unknown terminal.
mkreport -t registration -i fresh-1 -m alice@faxcare.test -r "$(rid 300)" >"$tmp/fresh-reg.eml"
mkreport -t status -i fresh-1 -m alice@faxcare.test -c media-jam -r "$(rid 301)" >"$tmp/fresh-jam.eml"
send_mail "$tmp/fresh-jam.eml"
wait_for 30 "the overtaking status report to be deferred" \
	grep -q 'status=deferred.*not registered yet' "$FAXCARE_POSTFIX_LOG"
ok $? "a status report before its registration is deferred with the reason" ||
	diag "$(grep -a "status=" "$FAXCARE_POSTFIX_LOG")"
send_mail "$tmp/fresh-reg.eml"
wait_empty
is "$(sql "SELECT COUNT(*) FROM reports r JOIN terminals t ON t.id = r.terminal_id WHERE t.terminal_uid = 'fresh-1'")" 2 \
	"once the registration is in, the deferred status report is stored"

# The fixtures' registration first: they are older than the grace in which
# an unknown terminal's report is deferred rather than refused.
for f in registration-received status-qp status-base64 status-folded \
	status-multipart completion-qp; do
	send_mail "$F/$f.eml"
	ok $? "Postfix accepts $f.eml over SMTP"
	[ "$f" != registration-received ] || wait_empty
done
wait_empty
ok $? "Postfix delivered everything to the mailgate"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid LIKE '0f%'")" 6 "all six reports are stored"
is "$(sql "SELECT condition_kw FROM notices n JOIN terminals t ON t.id = n.terminal_id WHERE t.terminal_uid = 'fixture-1' AND closed_at IS NULL ORDER BY condition_kw" | tr '\n' ' ')" \
	"door-open maintenance-due media-jam " "open notices as reported, toner closed by its completion"
like "$(sql "SELECT raw FROM reports WHERE report_uid = '0f000000000000000000000000000002'")" \
	'Received: from .*by [^ ]+ \(Postfix' "the raw mail is stored as Postfix delivered it"

# A meter report, the fourth type.
mkreport -t meter -i fixture-1 -m alice@faxcare.test -r "$(rid 202)" >"$tmp/meter.eml"
send_mail "$tmp/meter.eml"
wait_empty
is "$(sql "SELECT type, COUNT(*) FROM reports r JOIN terminals t ON t.id = r.terminal_id WHERE t.terminal_uid = 'fixture-1' GROUP BY type ORDER BY type" | tr '\n\t' ' :')" \
	"completion:1 meter:1 registration:1 status:4 " "every report type arrived through Postfix"

# A second delivery of the same message changes nothing.
send_mail "$F/status-qp.eml"
wait_empty
is "$(sql "SELECT COUNT(*) FROM reports")" 9 "a message delivered twice is stored once"

# Mail that is not a valid report is delivered to the mailgate, which
# drops it: no bounce to the sender (whom nobody verified).
send_mail "$F/forged-value.eml"
mkreport -t status -i stranger-9 -m eve@faxcare.test -c toner-empty \
	-T $(( $(date +%s) - 7200 )) -r "$(rid 200)" >"$tmp/stranger.eml"
send_mail "$tmp/stranger.eml"
wait_empty
is "$(maildir_count postmaster)" 0 "neither dropped message bounced to the sender"
is "$(grep -c 'status=bounced' "$FAXCARE_POSTFIX_LOG")" 0 "Postfix's log shows no bounce"
is "$(sql "SELECT detail FROM mail_quarantine ORDER BY id" | sed 's/:.*//' | tr '\n' ' ')" \
	"signature refused terminal stranger-9 is not registered " \
	"both are quarantined with the reason"
is "$(sql "SELECT COUNT(*) FROM reports")" 9 "dropped mail stored nothing"

# Database down during delivery: deferred, retried, stored once.
mkreport -t status -i fixture-1 -m alice@faxcare.test -c media-empty -n 1 \
	-r "$(rid 201)" >"$tmp/paper.eml"
"$FAXCARE_DB_CTL" stop
send_mail "$tmp/paper.eml"
ok $? "Postfix accepts the report while the database is down"
wait_for 10 "the deferral in Postfix's log" \
	grep -q 'status=deferred.*database unavailable' "$FAXCARE_POSTFIX_LOG"
ok $? "the delivery is deferred with the mailgate's reason"
like "$("$FAXCARE_POSTFIX_CTL" queue)" 'reports@faxcare.test' "the message waits in Postfix's queue"
"$FAXCARE_DB_CTL" start
"$FAXCARE_POSTFIX_CTL" flush
wait_empty
ok $? "once the database is back, the retry empties the queue"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$(rid 201)'")" 1 "the report landed once"
is "$(sql "SELECT summary FROM notices WHERE condition_kw = 'media-empty/1'")" \
	"Paper is out (tray 1)" "its notice is open"
done_testing
