#!/usr/bin/env bash
# usage: tests/center/notify.t
# From report to manager, with the real parts: Postfix pipes reports to the
# mailgate, faxcenter-outbox mails through Postfix into the managers'
# Maildirs, the Kore app serves the links. Ten terminals registering at once
# ask their manager once, who confirms by the mailed links; ten terminals
# failing at once make one e-mail, whose URL opens the
# manager's page listing them; a completion takes its notice off the page;
# nothing is mailed twice, not even across a sender restart; a manager
# who has not confirmed gets nothing until they do, and their waiting
# notice the moment they confirm. The sender's sweep is ten minutes: what
# arrives in seconds came because the mailgate or the app woke it; with
# the sender down, mail waits and goes once it starts. The shipped units
# bring the socket into Kore's chroot.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
# Before Postfix starts: the mailgate it runs must know the socket too.
export FAXCENTER_OUTBOX_WAKE=${FAXCENTER_OUTBOX_WAKE:-/tmp/faxcenter-wake.$$}
in_db_and_postfix "$0" "$@"

tmp=$(mktemp -d)
cleanup() { outbox_stop; center_stop; rm -rf "$tmp" "$FAXCENTER_OUTBOX_WAKE"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export FAXCENTER_COALESCE_MS=1500 OUTBOX_SWEEP_MS=600000
center_start "$tmp" || bail "the app did not start"
outbox_start "$tmp"
delivered() { "$FAXCARE_POSTFIX_CTL" wait-empty 20; }
count_is() { [ "$(maildir_count "$1")" -eq "$2" ]; }
# settled: nothing more can arrive. The sender has no row left that it
# may send (a manager who has not confirmed gets none), and Postfix has
# delivered what it took: a second e-mail would have come before this.
settled() {
	[ "$(sql "SELECT COUNT(*) FROM outbox o LEFT JOIN terminals t
		ON t.id = o.terminal_id WHERE o.state IN ('pending', 'sending')
		AND (o.kind = 'confirm' OR t.manager_id IS NOT NULL)")" -eq 0 ] &&
		"$FAXCARE_POSTFIX_CTL" wait-empty 20
}
now=$(date +%s)

# Ten terminals register, naming alice.
for i in $(seq 10); do
	mkreport -t registration -i "office-$i" -m alice@faxcare.test \
		-M "FX-9000" -S "SN$i" -r "$(rid $((300 + i)))" >"$tmp/reg$i.eml"
	send_mail "$tmp/reg$i.eml"
done
delivered
wait_for 20 "alice's confirmation e-mail" count_is alice 1
ok $? "alice receives a confirmation e-mail"
wait_for 20 "the outbox to settle" settled
is "$(maildir_count alice)" 1 "... one for the ten terminals"
first=$(maildir_files alice | head -1)
body=$(mail_body "$first")
like "$body" 'Subject: Please confirm: are you the manager of these fax terminals\?' \
	"the confirmation's subject asks in plain words"
links=$(printf '%s\n' "$body" | grep -o 'http://[^ ]*/confirm/[0-9a-f]*')
is "$(printf '%s\n' "$links" | wc -l)" 10 "it lists a confirmation link per terminal"
like "$body" 'Terminal office-7, which says it is model "FX-9000", serial "SN7"' \
	"... naming each terminal, its model and serial as its claim"
link=$(printf '%s\n' "$links" | head -1)
like "$link" "^$FAXCENTER_BASE_URL/confirm/[0-9a-f]{64}\$" "a link is the center's URL with a token"
like "$(curl -s "$link")" 'Yes, I manage this terminal' "following it shows what is confirmed"
is "$(sql "SELECT COUNT(*) FROM terminals WHERE manager_id IS NOT NULL")" 0 \
	"looking at the link confirms nothing"
for l in $links; do
	curl -s -d '' "$l" >"$tmp/confirmed.html"
done
like "$(cat "$tmp/confirmed.html")" 'Address confirmed' "confirming says so"
is "$(sql "SELECT COUNT(*) FROM terminals t JOIN managers m ON m.id = t.manager_id WHERE m.email = 'alice@faxcare.test'")" 10 \
	"alice now manages all ten terminals"
is "$(http_status -d '' "$link")" 404 "a used confirmation link no longer works"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'manager confirmed' AND actor = 'alice@faxcare.test'")" 10 \
	"each confirmation is on record for staff"

# All ten fail at once: one e-mail.
for i in $(seq 10); do
	mkreport -t status -i "office-$i" -m alice@faxcare.test -M "FX-9000" \
		-S "SN$i" -c toner-empty -r "$(rid $((320 + i)))" >"$tmp/st$i.eml"
	send_mail "$tmp/st$i.eml"
done
delivered
wait_for 20 "alice's notice e-mail" count_is alice 2
ok $? "alice receives a notice e-mail (woken by the mailgate, not the sweep)"
wait_for 20 "the outbox to settle" settled
is "$(maildir_count alice)" 2 "... exactly one for ten failing terminals"
notice=$(maildir_files alice | tail -1)
body=$(mail_body "$notice")
like "$body" 'Subject: 10 things need attention on your fax terminals' "its subject counts them"
is "$(printf '%s\n' "$body" | grep -c 'Toner is empty (error)')" 10 "it lists each terminal's problem in plain words"
like "$body" 'order them' "it says what the manager can do"
url=$(printf '%s\n' "$body" | grep -o 'http://[^ ]*/m/[0-9a-f]*' | head -1)
like "$url" "^$FAXCENTER_BASE_URL/m/[0-9a-f]{64}\$" "it carries the homepage URL with a token"
page=$(curl -s -L -c "$tmp/cookies" -b "$tmp/cookies" "$url")
like "$page" 'office-7' "the URL opens alice's page, listing her terminals"
open_notices() { printf '%s\n' "$1" | grep -o '<li class="notice [a-z]*"' | wc -l; }
is "$(open_notices "$page")" 10 "... and the ten open notices"
is "$(http_status "$FAXCENTER_BASE_URL/m/$(printf '%064d' 7)")" 404 "a made-up token opens nothing"
token=${url##*/}
is "$(cat "$tmp"/*.log | grep -c "$token")" 0 \
	"the homepage token is in none of the app's or the sender's logs"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'notice' AND state = 'sent'")" 10 \
	"the outbox marks all ten notices sent"

# Completion takes the notice off the page.
mkreport -t completion -i office-1 -m alice@faxcare.test -M "FX-9000" -S SN1 \
	-c toner-empty -C "$(rid 321)" -r "$(rid 340)" >"$tmp/done.eml"
send_mail "$tmp/done.eml"
delivered
# The page may be cached for a moment: look again until it changes.
nine() {
	page=$(curl -s -L -c "$tmp/cookies" -b "$tmp/cookies" "$FAXCENTER_BASE_URL/home")
	[ "$(open_notices "$page")" -eq 9 ]
}
wait_for 10 "the page to show nine notices" nine
is "$(open_notices "$page")" 9 \
	"after office-1's completion its notice is gone from the page"

# Nothing is mailed twice: redelivered reports, reminders, a sender restart.
send_mail "$tmp/st2.eml"
mkreport -t status -i office-3 -m alice@faxcare.test -M "FX-9000" -S SN3 \
	-c toner-empty -R "$(rid 323)" -r "$(rid 341)" >"$tmp/remind.eml"
send_mail "$tmp/remind.eml"
delivered
outbox_stop
outbox_start "$tmp"
wait_for 20 "the outbox to settle" settled
is "$(maildir_count alice)" 2 "no second e-mail for a redelivery, a reminder or a restart"

# The sender down: the notice waits in the outbox, and goes once on start.
outbox_stop
mkreport -t status -i office-2 -m alice@faxcare.test -M "FX-9000" -S SN2 \
	-c media-jam -r "$(rid 342)" >"$tmp/jam2.eml"
send_mail "$tmp/jam2.eml"
delivered
jam_waits() {
	[ "$(sql "SELECT o.state FROM outbox o JOIN notices n
		ON n.id = o.notice_id WHERE n.condition_kw = 'media-jam'")" = pending ]
}
wait_for 20 "the jam's notice in the outbox" jam_waits
is "$(maildir_count alice)" 2 "sender down: no e-mail"
is "$(sql "SELECT o.state FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = 'media-jam'")" \
	pending "... the notice waits in the outbox"
outbox_start "$tmp"
wait_for 20 "the jam's e-mail" count_is alice 3
ok $? "the sender, started, mails it at once"
wait_for 20 "the outbox to settle" settled
is "$(maildir_count alice)" 3 "... once"
like "$(mail_body "$(maildir_files alice | tail -1)")" 'Paper is jammed' "... the waiting jam"

# A manager who has not confirmed hears nothing until they do; confirming
# in the app wakes the sender (its sweep is still ten minutes).
mkreport -t registration -i lobby-1 -m bob@faxcare.test -M "FX-200" -S L1 \
	-r "$(rid 350)" >"$tmp/bob-reg.eml"
mkreport -t status -i lobby-1 -m bob@faxcare.test -M "FX-200" -S L1 \
	-c media-jam -r "$(rid 351)" >"$tmp/bob-jam.eml"
send_mail "$tmp/bob-reg.eml"
delivered
send_mail "$tmp/bob-jam.eml"
delivered
wait_for 20 "bob's confirmation e-mail" count_is bob 1
ok $? "bob receives the confirmation e-mail"
wait_for 20 "the outbox to settle" settled
is "$(maildir_count bob)" 1 "... and no notice before confirming"
body=$(mail_body "$(maildir_files bob | head -1)")
is "$(printf '%s\n' "$body" | grep '^Subject:')" \
	'Subject: Please confirm: are you the manager of a fax terminal?' \
	"a single terminal's confirmation asks in plain words, nothing the terminal chose in its subject"
l=$(printf '%s\n' "$body" | grep -o 'http://[^ ]*/confirm/[0-9a-f]*')
curl -s -d '' "$l" >/dev/null
wait_for 20 "bob's notice e-mail" count_is bob 2
ok $? "once bob confirms, the waiting notice is mailed at once (the app woke the sender)"
body=$(mail_body "$(maildir_files bob | tail -1)")
like "$body" 'Subject: Fax terminal FX-200 L1: Paper is jammed' "about the jam, in plain words"
like "$body" 'book the visit' "offering a technician's visit for a failure"
is "$(maildir_count alice)" 3 "alice got nothing about bob's terminal"
# In production Kore chroots its workers into its root, where they resolve
# the wake-up socket's path: the shipped unit binds the sender's directory
# there, at the same path.
conf=$CENTER_TOP/center/conf
sock=$(sed -n 's/^#\?outbox_wake_socket = //p' "$conf/center.conf.example")
root=$(awk '$1 == "root" { print $2 }' "$conf/faxcenter.conf")
dir=${sock%/*}
is "$sock" /run/faxcare/outbox.sock "the sample settings name the default wake-up socket"
like "$(cat "$conf/faxcenter.service")" "^BindPaths=-?$dir:$root$dir\$" \
	"the app's unit binds the socket's directory into Kore's root ($root)"
like "$(cat "$conf/faxcenter-outbox.service")" "^RuntimeDirectory=${dir#/run/}\$" \
	"where the sender's unit makes it"
out=$(systemd-analyze verify "$conf/faxcenter.service" "$conf/faxcenter-outbox.service" 2>&1 |
	grep -v 'is not executable')
is "$out" "" "systemd-analyze verify finds nothing but the uninstalled binary"
done_testing
