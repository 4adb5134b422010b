#!/usr/bin/env bash
# usage: tests/center/mailgate.t
# faxcenter-mailgate fed directly (as an MTA's pipe does): every report type
# lands, from fixtures re-encoded as MTAs and lists do; redeliveries and
# replays are stored once; forged, malformed, stale, oversized mail and
# unknown terminals are accepted and dropped (exit 0, never a bounce) with a
# clear reason, counted and quarantined; with the database down it says
# EX_TEMPFAIL and nothing is half-stored.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
center_secret "$tmp"
F=$CENTER_FIXTURES
"$CENTER_BUILD/faxcenter-mailgate" -n >/dev/null 2>"$tmp/err"
is "$?" 1 "-n: a database without the schema fails the check"
like "$(cat "$tmp/err")" 'faxcenter-migrate' "... saying what to run"
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
like "$("$CENTER_BUILD/faxcenter-mailgate" -n 2>&1)" '^faxcenter-mailgate: configuration OK.*fine' \
	"-n: the setup checks out"
FAXCENTER_MASTER_SECRET_FILE=/nonexistent "$CENTER_BUILD/faxcenter-mailgate" -n \
	>/dev/null 2>&1
is "$?" 1 "-n: a missing master secret fails the check"
FAXCENTER_MASTER_SECRET_FILE=/nonexistent "$CENTER_BUILD/faxcenter-mailgate" \
	<"$F/registration-received.eml" >/dev/null 2>&1
is "$?" 75 "delivering without the master secret: 75 (retried, never bounced)"
MAILGATE_ERR=$tmp/err
# The fixtures carry a fixed time: accept it, except where the window is
# the point.
export FAXCENTER_TIME_WINDOW=$((20 * 365 * 86400))

# Registration, as delivered with Received headers and CRLF.
is "$(mailgate "$F/registration-received.eml")" 0 "registration stored (exit 0)"
is "$(sql "SELECT t.serial, m.name, IFNULL(t.manager_id, 'none') FROM terminals t
	JOIN models m ON m.id = t.model_id WHERE t.terminal_uid = 'fixture-1'")" \
	"$(printf 'FX9-0001\tFX-9000 Plus\tnone')" \
	"the terminal is registered, its manager not yet confirmed"
is "$(sql "SELECT recipient, kind FROM outbox")" \
	"$(printf 'alice@faxcare.test\tconfirm')" \
	"a confirmation e-mail to the named manager is queued"
like "$(sql "SELECT body FROM outbox")" '/confirm/[0-9a-f]{64}' \
	"it carries a confirmation link"
is "$(mailgate "$F/registration-received.eml")" 0 "redelivery accepted (exit 0)"
like "$(cat "$tmp/err")" 'already stored' "... and recognised as already stored"
is "$(sql "SELECT COUNT(*) FROM reports")" 1 "... and stored once"
is "$(sql "SELECT COUNT(*) FROM outbox")" 1 "... and no second confirmation"

# Status reports through every re-encoding.
for f in status-qp status-base64 status-folded status-multipart; do
	is "$(mailgate "$F/$f.eml")" 0 "$f.eml stored"
done
is "$(sql "SELECT condition_kw FROM notices WHERE closed_at IS NULL ORDER BY condition_kw" | tr '\n' ' ')" \
	"door-open maintenance-due media-jam toner-low " \
	"one open notice per reported condition"
is "$(sql "SELECT summary FROM notices WHERE condition_kw = 'media-jam'")" \
	"Paper is jammed" "the notice says what happened in plain words"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'notice'")" 4 \
	"each new notice queued for the manager, in the same transaction"

# A reminder of an open condition is absorbed.
mkreport -t status -i fixture-1 -m alice@faxcare.test -c media-jam \
	-R 0f000000000000000000000000000003 -r "$(rid 100)" >"$tmp/remind.eml"
is "$(mailgate "$tmp/remind.eml")" 0 "a reminder is accepted"
is "$(sql "SELECT COUNT(*) FROM notices WHERE condition_kw = 'media-jam'")" 1 \
	"... and absorbed into the open notice"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'notice'")" 4 \
	"... without another e-mail"

# Completion closes its notice.
is "$(mailgate "$F/completion-qp.eml")" 0 "completion stored"
is "$(sql "SELECT COUNT(*) FROM notices WHERE condition_kw = 'toner-low' AND closed_at IS NULL")" 0 \
	"the completion closed the toner notice"
is "$(sql "SELECT COUNT(*) FROM notices WHERE closed_at IS NULL")" 3 \
	"the other notices stay open"

# Meter report.
mkreport -t meter -i fixture-1 -m alice@faxcare.test -r "$(rid 101)" >"$tmp/meter.eml"
is "$(mailgate "$tmp/meter.eml")" 0 "meter report stored"
is "$(sql "SELECT type, COUNT(*) FROM reports GROUP BY type ORDER BY type" | tr '\n\t' ' :')" \
	"completion:1 meter:1 registration:1 status:5 " "every report type is stored"
like "$(sql "SELECT parsed FROM reports WHERE report_uid = '$(rid 101)'")" 'Page-Count:1234' \
	"the parsed report is kept next to the raw mail"

# A changed manager address waits for confirmation.
mkreport -t registration -i fixture-1 -m bob@faxcare.test -M "FX-9000 Plus II" \
	-S FX9-0001B -r "$(rid 102)" >"$tmp/rereg.eml"
is "$(mailgate "$tmp/rereg.eml")" 0 "registration with a new manager stored"
is "$(sql "SELECT m.name, t.serial FROM terminals t JOIN models m ON m.id = t.model_id")" \
	"$(printf 'FX-9000 Plus II\tFX9-0001B')" "a registration updates the terminal's model and serial"
is "$(sql "SELECT COUNT(*) FROM manager_confirmations WHERE superseded_at IS NULL AND confirmed_at IS NULL")" 1 \
	"only the newest confirmation link is valid"
is "$(sql "SELECT recipient FROM outbox WHERE kind = 'confirm' ORDER BY id DESC LIMIT 1")" \
	"bob@faxcare.test" "the new address is asked to confirm"
is "$(sql "SELECT IFNULL(manager_id, 'none') FROM terminals")" none \
	"no manager takes effect before confirming"

# bob confirmed; carol is claimed; then the terminal names bob again:
# carol's pending link must no longer work.
sql "UPDATE terminals t JOIN managers m ON m.email = 'bob@faxcare.test' SET t.manager_id = m.id;
	UPDATE manager_confirmations SET confirmed_at = NOW(6) WHERE superseded_at IS NULL"
mkreport -t registration -i fixture-1 -m carol@faxcare.test -r "$(rid 109)" >"$tmp/carol.eml"
mkreport -t registration -i fixture-1 -m bob@faxcare.test -r "$(rid 110)" >"$tmp/bob-again.eml"
is "$(mailgate "$tmp/carol.eml")" 0 "a registration naming carol is stored"
is "$(sql "SELECT COUNT(*) FROM manager_confirmations c JOIN managers m ON m.id = c.manager_id
	WHERE m.email = 'carol@faxcare.test' AND c.superseded_at IS NULL")" 1 "carol's link is pending"
is "$(mailgate "$tmp/bob-again.eml")" 0 "the terminal names bob, its manager, again"
is "$(sql "SELECT COUNT(*) FROM manager_confirmations c JOIN managers m ON m.id = c.manager_id
	WHERE m.email = 'carol@faxcare.test' AND c.superseded_at IS NULL")" 0 "carol's link is void"
is "$(sql "SELECT m.email FROM terminals t JOIN managers m ON m.id = t.manager_id")" \
	bob@faxcare.test "bob stays the manager"

# Mail that is not a valid report is dropped: exit 0, for a bounce would go
# to an envelope sender nobody verified.
before=$(sql "SELECT COUNT(*) FROM reports")
is "$(mailgate "$F/not-a-report.eml")" 0 "mail without a report: dropped (0)"
like "$(cat "$tmp/err")" 'dropped \(malformed\): malformed report' "... with the reason"
is "$(mailgate "$F/malformed-block.eml")" 0 "a bad field value: dropped"
like "$(cat "$tmp/err")" 'line [0-9]+: Alert-Code' "... naming the line and field"
is "$(mailgate "$F/forged-value.eml")" 0 "a value changed after signing: dropped"
like "$(cat "$tmp/err")" 'dropped \(forged\): signature refused' "... as a bad signature"
"$CENTER_TOP/proto/build/faxcare-keygen" -n >"$tmp/other.key"
chmod 600 "$tmp/other.key"
"$CENTER_TEST_BUILD/mkreport" -k "$tmp/other.key" -t status -i fixture-1 \
	-m alice@faxcare.test -c toner-empty -r "$(rid 103)" >"$tmp/forged.eml"
is "$(mailgate "$tmp/forged.eml")" 0 "signed with a foreign master key: dropped"
mkreport -t status -i fixture-1 -m alice@faxcare.test -c toner-empty \
	-T $(( $(date +%s) - 11 * 86400 )) -r "$(rid 104)" >"$tmp/stale.eml"
is "$(FAXCENTER_TIME_WINDOW= ; unset FAXCENTER_TIME_WINDOW; mailgate "$tmp/stale.eml")" 0 \
	"a report older than the window (a replay from the past): dropped"
like "$(cat "$tmp/err")" 'time refused' "... as out of the time window"
mkreport -t status -i stranger-9 -m eve@faxcare.test -c toner-empty \
	-r "$(rid 105)" >"$tmp/stranger-new.eml"
is "$(mailgate "$tmp/stranger-new.eml")" 75 \
	"an unregistered terminal's fresh report: 75 (its registration may be on the way)"
like "$(cat "$tmp/err")" 'not registered yet' "... saying so"
mkreport -t status -i stranger-9 -m eve@faxcare.test -c toner-empty \
	-T $(( $(date +%s) - 7200 )) -r "$(rid 108)" >"$tmp/stranger.eml"
is "$(mailgate "$tmp/stranger.eml")" 0 "a terminal that never registered, past the grace time: dropped"
like "$(cat "$tmp/err")" 'stranger-9 is not registered' "... saying so"
{ cat "$F/status-qp.eml"; head -c 300000 /dev/zero | tr '\0' 'x'; } >"$tmp/big.eml"
is "$(mailgate "$tmp/big.eml")" 0 "oversized mail: dropped"
like "$(cat "$tmp/err")" 'too large' "... as too large"
is "$(sql "SELECT COUNT(*) FROM reports")" "$before" "nothing refused was stored"
is "$(sql "SELECT reason, dropped FROM mail_dropped WHERE dropped > 0 ORDER BY reason" | tr '\n\t' ' :')" \
	"forged:2 malformed:2 stale:1 too_large:1 unknown_terminal:1 " "each drop is counted by its reason"
is "$(sql "SELECT COUNT(*), SUM(bytes > LENGTH(raw)) FROM mail_quarantine" | tr '\t' ' ')" "7 1" \
	"each is quarantined for staff, the oversized one cut to its head"
is "$(sql "SELECT COUNT(*) FROM audit_log")" 0 "none is an audit-log entry"
FAXCENTER_QUARANTINE_KEEP=3 mailgate "$F/not-a-report.eml" >/dev/null
is "$(sql "SELECT COUNT(*), MIN(id) = MAX(id) - 2, MAX(reason = 'malformed' AND id = (SELECT MAX(id) FROM mail_quarantine)) FROM mail_quarantine" | tr '\t' ' ')" \
	"3 1 1" "the quarantine keeps the newest quarantine_keep, the oldest dropped"

# Database down: temporary failure, then the redelivery lands once.
mkreport -t status -i fixture-1 -m alice@faxcare.test -c fuser-over-temp -r "$(rid 106)" >"$tmp/fuser.eml"
"$FAXCARE_DB_CTL" stop
is "$(mailgate "$tmp/fuser.eml")" 75 "database down: 75 (EX_TEMPFAIL)"
like "$(cat "$tmp/err")" 'database unavailable' "... saying why"
is "$(mailgate "$F/forged-value.eml")" 75 "a forged report waits too, to be counted and kept"
"$FAXCARE_DB_CTL" start
is "$(mailgate "$tmp/fuser.eml")" 0 "database back: the retry is stored"
is "$(mailgate "$tmp/fuser.eml")" 0 "a second retry is harmless"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$(rid 106)'")" 1 "stored once"
is "$(sql "SELECT COUNT(*) FROM notices WHERE condition_kw = 'fuser-over-temp'")" 1 "one notice"

# Concurrent deliveries of one message store it once.
mkreport -t status -i fixture-1 -m alice@faxcare.test -c opc-near-eol -r "$(rid 107)" >"$tmp/drum.eml"
pids=()
for i in 1 2 3 4; do
	"$CENTER_BUILD/faxcenter-mailgate" <"$tmp/drum.eml" 2>/dev/null &
	pids+=($!)
done
st=0
for p in "${pids[@]}"; do wait "$p" || st=1; done
ok $st "four concurrent deliveries of one report all succeed"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$(rid 107)'")" 1 "... and it is stored once"
is "$(sql "SELECT COUNT(*) FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = 'opc-near-eol'")" 1 \
	"... with one e-mail queued"
done_testing
