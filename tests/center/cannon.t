#!/usr/bin/env bash
# usage: tests/center/cannon.t
# One terminal's key cannot make the center a mail cannon. Through the real
# Postfix (reports piped to the mailgate, the center's mail into Maildirs)
# and the Kore app: 30 registrations from one key naming 30 addresses
# queue at most CONFIRM_PER_TERMINAL confirmations; what the outbox sends
# is exactly the queued confirmations still valid (a voided one is never
# mailed), each link in it works; the models and managers tables do not
# grow with the terminal's whims; model and serial stay out of the
# Subject and are labelled as the terminal's claim in the body. Five
# terminals naming one address get it CONFIRM_MAILS_PER_ADDRESS e-mails a
# day, the rest wait. Dead claims older than a day go, with the addresses
# only they named.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
export FAXCENTER_OUTBOX_WAKE=${FAXCENTER_OUTBOX_WAKE:-/tmp/faxcenter-wake.$$}
CENTER_MAILDIRS=$(printf 'v%s ' $(seq 30))
export CENTER_MAILDIRS
in_db_and_postfix "$0" "$@"

# center/lib/confirm_limits.h
PER_TERMINAL=3
PER_ADDRESS=3

tmp=$(mktemp -d)
cleanup() { outbox_stop; center_stop; rm -rf "$tmp" "$FAXCENTER_OUTBOX_WAKE"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export FAXCENTER_COALESCE_MS=500 OUTBOX_SWEEP_MS=600000
center_start "$tmp" || bail "the app did not start"
outbox_start "$tmp"
delivered() { "$FAXCARE_POSTFIX_CTL" wait-empty 30; }
victims_mail() {
	local n=0 i
	for i in $(seq 30); do n=$((n + $(maildir_count "v$i"))); done
	echo "$n"
}
# settled: the sender has nothing left it may send now, and Postfix
# delivered what it took.
settled() {
	[ "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'
		AND state IN ('pending', 'sending') AND next_attempt_at <= NOW(6)")" -eq 0 ] &&
		"$FAXCARE_POSTFIX_CTL" wait-empty 20
}

# One key, 30 registrations, each naming another address (and model).
for i in $(seq 30); do
	mkreport -t registration -i cannon-1 -m "v$i@faxcare.test" \
		-M "Buy cheap pills $i" -S "http://spam.example/$i" \
		-r "$(rid $((100 + i)))" >"$tmp/reg$i.eml"
	send_mail "$tmp/reg$i.eml"
done
delivered
is "$(sql "SELECT COUNT(*) FROM reports WHERE type = 'registration'")" 30 \
	"all 30 registrations were accepted and stored"
queued=$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")
ok "$([ "$queued" -le "$PER_TERMINAL" ] && [ "$queued" -ge 1 ]; echo $?)" \
	"they queued $queued confirmations: at most $PER_TERMINAL"
is "$(sql "SELECT COUNT(*) FROM managers")" "$queued" \
	"the managers table holds only the addresses that were queued"
is "$(sql "SELECT COUNT(*) FROM models")" 1 \
	"the models table holds one model for the terminal, whatever it named"
wait_for 30 "the outbox to settle" settled
delivered
sent=$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm' AND state = 'sent'")
valid=$(sql "SELECT COUNT(*) FROM manager_confirmations
	WHERE superseded_at IS NULL AND confirmed_at IS NULL AND expires_at > NOW(6)")
is "$sent" "$valid" "the outbox sent exactly the confirmations still valid ($valid)"
is "$(victims_mail)" "$sent" "... and the addresses received exactly those e-mails"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'
	AND state = 'skipped'")" "$((queued - sent))" \
	"the voided confirmations were skipped, never mailed"
for i in $(seq 30); do
	for f in $(maildir_files "v$i"); do
		body=$(mail_body "$f")
		is "$(printf '%s\n' "$body" | grep '^Subject:')" \
			'Subject: Please confirm: are you the manager of a fax terminal?' \
			"v$i's e-mail has the center's subject, nothing the terminal chose"
		like "$body" "Terminal cannon-1, which says it is model \"Buy cheap pills $i\", serial \"http://spam.example/$i\"" \
			"... its body names the terminal by its key's id and quotes model and serial"
		like "$body" "its own words, not checked by the service center" \
			"... labelled as the terminal's claim"
		link=$(printf '%s\n' "$body" | grep -o 'http://[^ ]*/confirm/[0-9a-f]*')
		like "$(curl -s "$link")" 'Yes, I manage this terminal' \
			"... and its link is one that still works"
	done
done

# Switching back and forth between two addresses asks for nothing more.
for i in $(seq 10); do
	mkreport -t registration -i cannon-1 -m "v$((i % 2 + 1))@faxcare.test" \
		-M "FX-1" -S "S1" -r "$(rid $((200 + i)))" >"$tmp/sw$i.eml"
	send_mail "$tmp/sw$i.eml"
done
delivered
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")" "$queued" \
	"switching between two addresses queues nothing more that day"
is "$(sql "SELECT COUNT(*) FROM models")" 1 "... and still one model"

# Per address: five terminals naming v30, one after the other.
before=$(maildir_count v30)
for i in $(seq 5); do
	mkreport -t registration -i "p-$i" -m v30@faxcare.test -M FX-1 \
		-S "P$i" -r "$(rid $((300 + i)))" >"$tmp/p$i.eml"
	send_mail "$tmp/p$i.eml"
	delivered
	if [ "$i" -le "$PER_ADDRESS" ]; then
		wait_for 20 "v30's e-mail $i" eval \
			'[ "$(maildir_count v30)" -eq $((before + i)) ]'
	else
		wait_for 20 "terminal p-$i's confirmation to wait" eval \
			'[ "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = '"'confirm'"'
			AND recipient = '"'v30@faxcare.test'"' AND state = '"'pending'"'
			AND last_error LIKE '"'waiting%'"'")" -eq $((i - PER_ADDRESS)) ]'
	fi
done
is "$(maildir_count v30)" "$((before + PER_ADDRESS))" \
	"one address gets $PER_ADDRESS confirmation e-mails a day, not 5"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE recipient = 'v30@faxcare.test'
	AND state = 'pending' AND next_attempt_at > NOW(6) + INTERVAL 23 HOUR")" 2 \
	"... the other two wait for the day to pass"

# A day later: the dead claims go, with the addresses only they named.
sql "UPDATE manager_confirmations SET created_at = created_at - INTERVAL 25 HOUR,
	expires_at = expires_at - INTERVAL 25 HOUR"
mkreport -t registration -i cannon-1 -m v29@faxcare.test -M FX-1 -S S1 \
	-r "$(rid 400)" >"$tmp/later.eml"
send_mail "$tmp/later.eml"
delivered
is "$(sql "SELECT COUNT(*) FROM manager_confirmations c JOIN terminals t
	ON t.id = c.terminal_id WHERE t.terminal_uid = 'cannon-1'")" 1 \
	"a day later the terminal may ask again; its dead claims are gone"
is "$(sql "SELECT COUNT(*) FROM managers WHERE email LIKE 'v%' AND email <> 'v30@faxcare.test'")" 1 \
	"... and so are the addresses only they named"
done_testing
