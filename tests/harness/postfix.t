#!/usr/bin/env bash
# usage: tests/harness/postfix.t
#
# scripts/with-postfix gives a test a private Postfix on 127.0.0.1 that
# delivers to Maildirs and to pipe commands, retries what a command defers,
# sends nothing outside, and leaves nothing behind.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/harness/service.sh
. scripts/harness/tap-wrapped.sh

# send TO SUBJECT [FROM]: one message through smtpd; swaks's status and
# transcript.
send() {
	swaks --server "$FAXCARE_SMTP_HOST" --port "$FAXCARE_SMTP_PORT" \
		--from "${3:-terminal@faxcare.test}" --to "$1" \
		--header "Subject: $2" --timeout 10 2>&1
}
# first_file GLOB: the first file GLOB matches; fails when none does.
first_file() {
	local f
	for f in $1; do
		[ -e "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}
# wait_file GLOB [SECS]: until a file matches GLOB; prints its name.
wait_file() { wait_for "${2:-10}" "a file $1" first_file "$1" >/dev/null && first_file "$1"; }
# held_outside: the queue holds the message for manager@example.com, deferred.
held_outside() {
	[[ $("$FAXCARE_POSTFIX_CTL" queue-json) == *manager@example.com*delay_reason* ]]
}

# The pipe commands: write what they get where the test looks.
GATE='{ id -un; echo "port=$FAXCARE_SMTP_PORT to=$RECIPIENT"; cat; } >gate.tmp && mv gate.tmp gate.eml'
LATER='[ -e center-up ] || exit 75; cat >later.eml'
REFUSE='exit 67'

inside() {
	local out f
	is "$FAXCARE_SMTP_HOST" 127.0.0.1 "smtpd on 127.0.0.1"
	out=$(send fax@faxcare.test toner-low); ok $? "smtpd accepts mail for a Maildir"
	[[ $out != *STARTTLS* ]]; ok $? "without --tls no STARTTLS is offered"
	f=$(wait_file "$FAXCARE_MAIL_DIR/fax/new/*"); ok $? "it lands in $FAXCARE_MAIL_DIR/fax/new"
	like "$(cat "$f")" '^Subject: toner-low' "with its Subject"

	out=$(send gate@faxcare.test via-pipe); ok $? "smtpd accepts mail for a pipe"
	f=$(wait_file "$FAXCARE_PIPE_DIR/gate.eml"); ok $? "the pipe command got it"
	is "$(sed -n 1p "$f")" nobody "the command runs as nobody"
	is "$(sed -n 2p "$f")" "port=$FAXCARE_SMTP_PORT to=gate@faxcare.test" \
		"with the wrapper's environment and the envelope"
	like "$(sed -n 3p "$f")" '^[A-Z][A-Za-z-]+: ' "the message is raw (a header first, no From_ line)"
	like "$(cat "$f")" '^Subject: via-pipe' "the whole message"

	out=$(send later@faxcare.test deferred); ok $? "smtpd accepts mail for a failing pipe"
	wait_file "$FAXCARE_POSTFIX_DIR/queue/deferred/*/*" >/dev/null
	like "$("$FAXCARE_POSTFIX_CTL" queue-json)" '"recipients": \[\{"address": "later@faxcare.test", "delay_reason": "temporary failure"' \
		"exit 75: the message waits in the deferred queue"
	touch "$FAXCARE_PIPE_DIR/center-up"
	"$FAXCARE_POSTFIX_CTL" flush; ok $? "ctl flush"
	wait_file "$FAXCARE_PIPE_DIR/later.eml" 10 >/dev/null; ok $? "flushed: the command now takes it"
	"$FAXCARE_POSTFIX_CTL" wait-empty 10; ok $? "the queue is empty"

	out=$(send refuse@faxcare.test bounced sender@faxcare.test); ok $? "smtpd accepts mail for a refusing pipe"
	f=$(wait_file "$FAXCARE_MAIL_DIR/sender/new/*"); ok $? "exit 67: the sender gets a bounce"
	like "$(cat "$f")" 'refuse@faxcare.test' "naming the recipient"

	out=$(send nosuch@faxcare.test unknown); is $? 24 "an unknown local part is refused"
	like "$out" '^<\*\* 550 ' "with 550 at RCPT"
	out=$(send manager@example.com outside); ok $? "mail for another domain is accepted"
	wait_for 5 "the message for manager@example.com deferred" held_outside
	out=$("$FAXCARE_POSTFIX_CTL" queue-json)
	like "$out" '"address": "manager@example.com", "delay_reason": "this test instance delivers nothing outside"' \
		"and kept in the queue, not sent"

	"$FAXCARE_POSTFIX_CTL" stop; ok $? "ctl stop"
	is "$("$FAXCARE_POSTFIX_CTL" status)" stopped "ctl status: stopped"
	! out=$(send fax@faxcare.test down); ok $? "nothing is accepted while it is down"
	"$FAXCARE_POSTFIX_CTL" start; ok $? "ctl start"
	out=$(send fax@faxcare.test again); ok $? "accepted again on the same port"
	found=("$FAXCARE_POSTFIX_DIR" "$(awk '{ print $1 }' "$FAXCARE_POSTFIX_DIR/queue/pid/master.pid")")
	return 5
}

tap_wrapped scripts/with-postfix --retry 60 --maildir fax --maildir sender \
	--pipe gate="$GATE" --pipe later="$LATER" --pipe refuse="$REFUSE" --
dir=${found[0]} pid=${found[1]}
is "$wrapped_rc" 5 "with-postfix exits with the command's status"
[ -n "$dir" ] && [ ! -e "$dir" ]; ok $? "its directory is removed"
[ -n "$pid" ] && ! pid_running "$pid"; ok $? "its master is stopped"

# Nested in with-mariadb, a pipe command (the mail gate's place) reaches
# the database.
out=$(scripts/with-mariadb -- scripts/with-postfix \
	--pipe db='mariadb --no-defaults --socket="$FAXCARE_DB_SOCKET" --user="$FAXCARE_DB_USER" -N -B -e "SELECT 42" >db.tmp 2>&1; mv db.tmp db.out' \
	-- bash -c "$(declare -f send wait_file first_file wait_for diag)
		send db@faxcare.test nested >/dev/null &&
		f=\$(wait_file \"\$FAXCARE_PIPE_DIR/db.out\") && cat \"\$f\"")
is "$out" 42 "nested in with-mariadb, a pipe command queries the database"

# With --tls a client that trusts only FAXCARE_SMTP_TLS_CA completes
# STARTTLS, checking the certificate and its name, and the mail lands.
out=$(scripts/with-postfix --tls --maildir fax -- bash -c "$(declare -f wait_file first_file wait_for diag)
	printf 'EHLO t.faxcare.test\r\nMAIL FROM:<t@faxcare.test>\r\nRCPT TO:<fax@faxcare.test>\r\nDATA\r\nSubject: over-tls\r\n\r\nhi\r\n.\r\nQUIT\r\n' |
		timeout 10 openssl s_client -quiet -no_ign_eof -starttls smtp \
		-connect \"\$FAXCARE_SMTP_HOST:\$FAXCARE_SMTP_PORT\" \
		-verify_return_error -verify_hostname 127.0.0.1 \
		-CAfile \"\$FAXCARE_SMTP_TLS_CA\" 2>&1 || echo s_client failed
	f=\$(wait_file \"\$FAXCARE_MAIL_DIR/fax/new/*\") && grep '^Subject:' \"\$f\"
	grep -o 'Anonymous TLS connection established from [^:]*' \"\$FAXCARE_POSTFIX_LOG\"")
like "$out" '^verify return:1' "--tls: the certificate verifies against FAXCARE_SMTP_TLS_CA"
[[ $out != *"s_client failed"* ]]; ok $? "--tls: STARTTLS completed and the dialogue ended well"
like "$out" '^Subject: over-tls$' "--tls: the mail sent over TLS lands"
like "$out" '^Anonymous TLS connection established from unknown\[127\.0\.0\.1\]' \
	"--tls: Postfix logs the TLS connection"

# A master that exits at once (here: its instance lies below a directory
# the postfix user cannot enter, as under a mktemp -d TMPDIR or chroot):
# Postfix's own fatal line, which only its maillog gets, reaches the user.
private=$(mktemp -d)
out=$(TMPDIR=$private scripts/with-postfix -- true 2>&1)
rc=$?
[ "$rc" -ne 0 ]; ok $? "a master that cannot start: with-postfix fails (exit $rc)"
like "$out" '^  postfix/master\[[0-9]+\]: fatal: open lock file .*/data/master\.lock: cannot open file: Permission denied$' \
	"a master that cannot start: Postfix's fatal line is shown"
like "$out" "^postfix-ctl: Postfix's daemons run as the user postfix: every directory above $private/" \
	"a master that cannot start: and what to check"
[ -z "$(ls -A "$private")" ]; ok $? "a master that cannot start: its directory is removed"
rmdir "$private"

# A pipe command nobody can run (a checkout under /root, mode 0700) is
# refused at once, naming it, rather than bouncing every message later.
private=$(mktemp -d)
printf '#!/bin/sh\ncat >/dev/null\n' >"$private/gate" && chmod 755 "$private/gate"
out=$(scripts/with-postfix --pipe gate="$private/gate" -- true 2>&1)
rc=$?
[ "$rc" -ne 0 ]; ok $? "a pipe program nobody cannot reach: with-postfix fails (exit $rc)"
like "$out" "^with-postfix: --pipe gate: nobody cannot run $private/gate " \
	"a pipe program nobody cannot reach: named, with what to do"
rm -rf "$private"

tap_interrupted FAXCARE_POSTFIX_DIR queue/pid/master.pid scripts/with-postfix --
done_testing
