#!/usr/bin/env bash
# usage: tests/center/outbox.t
# faxcenter-outbox against smtp-sink: a relay that is down or answers 4xx
# leaves the mail queued with the reason and a later attempt time; once the
# relay accepts, it is sent exactly once and the confirmation link leaves
# the database; a 5xx fails it for good; a notice closed before it left is
# not mailed; two senders at once still send one e-mail. SMTP AUTH, watched
# on the wire through socat -v (smtp-sink offers AUTH PLAIN LOGIN and no
# STARTTLS): the configured name and password before MAIL FROM when
# smtp_starttls = off, and otherwise neither the password nor the mail
# goes over the clear connection. A relay that refuses the credentials (535)
# or asks for AUTH (530) keeps the mail pending, saying so, until the
# configuration is fixed: never failed for good, however many passes (no
# attempt counted), retried with a backoff capped at an hour. With
# smtp_starttls not set, a relay without STARTTLS gets no mail at all.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../daemon/lib/answering-sink.sh"
in_db "$0" "$@"
if [ -z "${FAXCARE_SINK_PORT:-}" ]; then
	exec "$CENTER_TOP/scripts/with-smtp-sink" -- "$0" "$@"
fi

tmp=$(mktemp -d)
socat_pid=
service_pids=()
cleanup() {
	local p
	[ -n "$socat_pid" ] && stop_pid "$socat_pid"
	for p in "${service_pids[@]}"; do stop_pid "$p"; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
center_secret "$tmp"
# smtp-sink offers no STARTTLS: the sender may talk to it in clear only
# because this says so (the default is required, checked below).
export FAXCARE_SMTP_HOST=$FAXCARE_SINK_HOST FAXCARE_SMTP_PORT=$FAXCARE_SINK_PORT \
	FAXCENTER_SENDER=center@faxcare.test FAXCENTER_COALESCE_MS=0 \
	FAXCARE_SMTP_STARTTLS=off
outbox_pass() { "$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"; }
caught() { find "$FAXCARE_SINK_DIR" -type f | wc -l; }
# Time passes: whatever waits for its next attempt is due now.
due_now() { sql "UPDATE outbox SET next_attempt_at = NOW(6)"; }
deliver() { "$CENTER_BUILD/faxcenter-mailgate" <"$1" 2>/dev/null; }

mkreport -t registration -i t1 -m alice@faxcare.test -r "$(rid 1)" >"$tmp/reg.eml"
deliver "$tmp/reg.eml" || bail "registration not stored"

"$FAXCARE_SINK_CTL" stop
outbox_pass
is "$(sql "SELECT state, attempts FROM outbox")" "$(printf 'pending\t1')" \
	"relay down: the mail stays queued, one attempt counted"
like "$(sql "SELECT last_error FROM outbox")" \
	"^relay 127\\.0\\.0\\.1:$FAXCARE_SINK_PORT: Connection refused" "... with the reason"
is "$(sql "SELECT next_attempt_at > NOW(6) FROM outbox")" 1 "... and a later retry time"
outbox_pass
is "$(sql "SELECT attempts FROM outbox")" 1 "no retry before that time"

"$FAXCARE_SINK_CTL" start
"$FAXCARE_SINK_CTL" defer RCPT
due_now
outbox_pass
is "$(sql "SELECT state FROM outbox")" pending "a 4xx answer: still queued"
like "$(sql "SELECT last_error FROM outbox")" '4[0-9][0-9]' "... with the relay's answer"
is "$(caught)" 0 "nothing reached the relay yet"

"$FAXCARE_SINK_CTL" accept
due_now
outbox_pass
is "$(sql "SELECT state, attempts, IFNULL(body, 'cleared') FROM outbox")" \
	"$(printf 'sent\t3\tcleared')" "relay back: sent, and the link no longer kept"
is "$(caught)" 1 "the relay has the confirmation e-mail"
msg=$(cat "$FAXCARE_SINK_DIR"/*)
like "$msg" 'X-Rcpt-Args: <alice@faxcare.test>' "addressed to the manager"
like "$msg" 'Message-I[dD]: <faxcare-confirm-1@faxcare.test>' "with the outbox's Message-ID"
due_now
outbox_pass
is "$(caught)" 1 "a later pass sends nothing again"

# Confirm alice, then a status report: its notice goes out once, even with
# two senders running at the same moment.
sql "UPDATE terminals t JOIN managers m ON m.email = 'alice@faxcare.test'
	SET t.manager_id = m.id"
mkreport -t status -i t1 -m alice@faxcare.test -c toner-low -r "$(rid 2)" >"$tmp/st.eml"
deliver "$tmp/st.eml"
"$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log" &
a=$!
"$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log" &
b=$!
wait "$a"; wait "$b"
is "$(caught)" 2 "two senders at once: one notice e-mail"
is "$(sql "SELECT state FROM outbox WHERE kind = 'notice'")" sent "the notice is marked sent"

# Opened and closed before the sender ran: no e-mail.
mkreport -t status -i t1 -m alice@faxcare.test -c media-jam -r "$(rid 3)" >"$tmp/jam.eml"
mkreport -t completion -i t1 -m alice@faxcare.test -c media-jam -C "$(rid 3)" \
	-r "$(rid 4)" >"$tmp/fixed.eml"
deliver "$tmp/jam.eml"
deliver "$tmp/fixed.eml"
outbox_pass
is "$(sql "SELECT o.state FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = 'media-jam'")" \
	skipped "a notice closed before its e-mail left is skipped"
is "$(caught)" 2 "... and nobody is mailed about it"

# A 5xx answer is final.
"$FAXCARE_SINK_CTL" reject RCPT
mkreport -t registration -i t1 -m bob@faxcare.test -r "$(rid 5)" >"$tmp/rereg.eml"
deliver "$tmp/rereg.eml"
outbox_pass
is "$(sql "SELECT state FROM outbox WHERE recipient = 'bob@faxcare.test'")" failed \
	"a 5xx answer fails the mail for good"
like "$(sql "SELECT last_error FROM outbox WHERE recipient = 'bob@faxcare.test'")" '5[0-9][0-9]' \
	"... recording the answer"

# SMTP AUTH through a recording relay.
"$FAXCARE_SINK_CTL" accept
wire=$tmp/wire
port=$(free_port)
socat -v "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" \
	"TCP:127.0.0.1:$FAXCARE_SINK_PORT" 2>>"$wire" &
socat_pid=$!
wait_port "$port" 5 || bail "socat did not start"
user=center-outbox
pass='correct horse battery'
printf '%s\n' "$pass" >"$tmp/password"
chmod 600 "$tmp/password"
secret=$(printf '\0%s\0%s' "$user" "$pass" | base64 -w0)
# What the sender said on the wire (socat -v marks its lines with "> ").
said() { sed 's/\\r$//' "$wire" | awk '/^> /{ d = 1; next } /^< /{ d = 0; next } d'; }
auth_pass() {
	: >"$wire"
	due_now
	FAXCARE_SMTP_PORT=$port FAXCARE_SMTP_AUTH_USER=$user \
		FAXCARE_SMTP_AUTH_PASSWORD_FILE=$tmp/password "$@" \
		"$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"
}
mkreport -t registration -i t2 -m carol@faxcare.test -r "$(rid 6)" >"$tmp/carol.eml"
deliver "$tmp/carol.eml"
carol() { sql "SELECT $1 FROM outbox WHERE recipient = 'carol@faxcare.test'"; }
before=$(caught)

auth_pass env FAXCARE_SMTP_STARTTLS=required
like "$(said)" '^EHLO ' "AUTH, starttls required, relay without STARTTLS: it talks to the relay"
said | grep -q -e '^AUTH' -e "$secret"
is "$?" 1 "... but the password does not go over the clear connection"
is "$(carol state)" pending "... and the mail waits"
like "$(carol last_error)" 'does not offer STARTTLS: nothing sent \(smtp_starttls = required\)' \
	"... saying why"

auth_pass env FAXCARE_SMTP_STARTTLS=optional
said | grep -q -e '^AUTH' -e "$secret" -e '^MAIL'
is "$?" 1 "AUTH, starttls optional, relay without STARTTLS: neither password nor mail in clear"
like "$(carol last_error)" 'nothing sent \(smtp_auth_user without smtp_starttls = off\)' \
	"... saying why"
is "$(caught)" "$before" "the relay caught nothing"

auth_pass env FAXCARE_SMTP_STARTTLS=off
is "$(carol state)" sent "AUTH, starttls off: sent"
like "$(said)" "^AUTH PLAIN $secret\$" "... AUTH PLAIN with the configured name and password"
is "$(said | grep -e '^AUTH' -e '^MAIL' | cut -c1-4 | tr '\n' ' ')" "AUTH MAIL " \
	"... before MAIL FROM"
is "$(caught)" "$((before + 1))" "... and the relay has it"

mkreport -t registration -i t3 -m dave@faxcare.test -r "$(rid 7)" >"$tmp/dave.eml"
deliver "$tmp/dave.eml"
: >"$wire"
due_now
env -u FAXCARE_SMTP_STARTTLS FAXCARE_SMTP_PORT=$port \
	"$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"
said | grep -q -e '^MAIL'
is "$?" 1 "no AUTH, smtp_starttls not set, relay without STARTTLS: no mail in clear (required is the default)"
is "$(sql "SELECT state FROM outbox WHERE recipient = 'dave@faxcare.test'")" pending "... it waits"
like "$(sql "SELECT last_error FROM outbox WHERE recipient = 'dave@faxcare.test'")" \
	'does not offer STARTTLS: nothing sent \(smtp_starttls = required\)' "... saying which setting holds it"
: >"$wire"
due_now
FAXCARE_SMTP_PORT=$port FAXCARE_SMTP_STARTTLS=required \
	"$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"
said | grep -q -e '^MAIL'
is "$?" 1 "no AUTH, starttls required, relay without STARTTLS: no mail in clear"
is "$(sql "SELECT state FROM outbox WHERE recipient = 'dave@faxcare.test'")" pending "... it waits"
# Relays that refuse the credentials or want them: smtp-sink instances of
# this test's own, answering with one hard reply.
answering_sink_log=$tmp/answering-sink.log
mkreport -t registration -i t4 -m erin@faxcare.test -r "$(rid 8)" >"$tmp/erin.eml"
deliver "$tmp/erin.eml"
before_erin=$(caught)
erin() { sql "SELECT $1 FROM outbox WHERE recipient = 'erin@faxcare.test'"; }
printf '%s\n' 'wrong horse' >"$tmp/password"
answering_sink bad_creds -f AUTH,RCPT -B "535 5.7.8 Error: authentication failed"
auth_pass env FAXCARE_SMTP_PORT="$bad_creds" FAXCARE_SMTP_STARTTLS=off
is "$(erin 'state, attempts')" "$(printf 'pending\t0')" \
	"credentials refused (535): the mail stays pending, no attempt used up"
like "$(erin last_error)" \
	"^relay 127\\.0\\.0\\.1:$bad_creds refused the credentials of smtp_auth_user $user \\(535 5\\.7\\.8 Error: authentication failed\\)" \
	"... naming the relay's answer and the setting to fix"
# The password stays wrong for longer than OUTBOX_MAX_ATTEMPTS (12) tries.
for i in $(seq 14); do
	auth_pass env FAXCARE_SMTP_PORT="$bad_creds" FAXCARE_SMTP_STARTTLS=off
done
is "$(erin 'state, attempts')" "$(printf 'pending\t0')" \
	"14 passes refused (535): still pending, nothing lost to a configuration error"
is "$(erin 'next_attempt_at > NOW(6) AND next_attempt_at <= NOW(6) + INTERVAL 1 HOUR')" 1 \
	"... tried again later, within the hour"
sql "UPDATE outbox SET created_at = NOW(6) - INTERVAL 2 DAY WHERE recipient = 'erin@faxcare.test'"
auth_pass env FAXCARE_SMTP_PORT="$bad_creds" FAXCARE_SMTP_STARTTLS=off
is "$(erin 'TIMESTAMPDIFF(MINUTE, NOW(6), next_attempt_at) BETWEEN 58 AND 60')" 1 \
	"... backing off as the mail waits, at most an hour"

answering_sink needs_auth -f MAIL -B "530 5.7.0 Authentication required"
due_now
FAXCARE_SMTP_PORT=$needs_auth "$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"
is "$(erin 'state, attempts')" "$(printf 'pending\t0')" \
	"AUTH required (530), no smtp_auth_user: still pending, no attempt used up"
like "$(erin last_error)" \
	"^relay 127\\.0\\.0\\.1:$needs_auth requires authentication \\(530\\) and no smtp_auth_user is configured" \
	"... saying so"
is "$(caught)" "$before_erin" "... and no relay caught it"

printf '%s\n' "$pass" >"$tmp/password"
auth_pass env FAXCARE_SMTP_PORT="$FAXCARE_SINK_PORT" FAXCARE_SMTP_STARTTLS=off
is "$(erin state)" sent "configuration fixed: sent"
is "$(caught)" "$((before_erin + 2))" "... with the mail that waited for STARTTLS"
due_now
outbox_pass
is "$(caught)" "$((before_erin + 2))" "... once"

FAXCARE_SMTP_STARTTLS=bogus "$CENTER_BUILD/faxcenter-outbox" -1 2>"$tmp/bogus.log"
is "$?" 1 "a bad smtp_starttls stops the sender"
like "$(cat "$tmp/bogus.log")" 'smtp_starttls: required, optional or off' "... saying what is allowed"
done_testing
