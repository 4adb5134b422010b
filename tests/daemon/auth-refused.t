#!/usr/bin/env bash
# usage: tests/daemon/auth-refused.t  (prove runs it; needs `make -C daemon` built)
# A relay that refuses the credentials (535) or asks for AUTH (530) points at
# the terminal's configuration, not at the reports: they stay queued (none set
# aside in failed/), the log names the relay's answer, and they go out once
# the configuration is fixed. The refusing relays are smtp-sink instances
# told to answer AUTH, RCPT or MAIL with those codes; the fixed configuration
# points at the accepting sink of scripts/with-smtp-sink.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
user=fax-front-office
printf '%s\n' 'wrong horse' >"$work/password"
chmod 600 "$work/password"
good_port=$FAXCARE_SINK_PORT

# held WHAT LOG-PATTERN: one delivery attempt; both reports stay queued,
# none set aside, and the log says why.
held() {
	"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
	is "$?" 75 "$1: faxcared -q says try later (75)"
	is "$(queue_count)" 2 "$1: both reports stay queued"
	is "$(queue_count failed)" 0 "$1: none set aside in failed/"
	like "$(cat "$work/log")" "$2" "$1: the log names the relay's answer and what to fix"
	grep -q "for good" "$work/log"
	is "$?" 1 "$1: no report is logged as refused for good"
}

# The wrong password: 535 to AUTH; without AUTH the relay refuses the
# recipient (here with the same 535: smtp-sink has one hard reply).
answering_sink bad_creds -f AUTH,RCPT -B "535 5.7.8 Error: authentication failed"
FAXCARE_SINK_PORT=$bad_creds write_conf "starttls off" "auth-user $user" \
	"auth-password-file $work/password"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1 || bail "test-mail failed"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1
held "credentials refused" \
	"relay 127\.0\.0\.1:$bad_creds refused the credentials of auth-user $user \(535 5\.7\.8 Error: authentication failed\): 2 report\(s\) kept in the queue; fix auth-user/auth-password-file and reload \(SIGHUP\)"

# No auth-user, relay insists: 530 to MAIL.
answering_sink needs_auth -f MAIL -B "530 5.7.0 Authentication required"
FAXCARE_SINK_PORT=$needs_auth write_conf "starttls off"
held "AUTH required, none configured" \
	"relay 127\.0\.0\.1:$needs_auth requires authentication \(530\) and no auth-user is configured: 2 report\(s\) kept"

# The configuration fixed: both arrive, once.
printf '%s\n' 'correct horse' >"$work/password"
FAXCARE_SINK_PORT=$good_port write_conf "starttls off" "auth-user $user" \
	"auth-password-file $work/password"
"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
is "$?" 0 "configuration fixed: delivered (exit 0)"
is "$(sink_count)" 2 "the relay caught both reports"
is "$(queue_count)" 0 "the queue is empty"

# A relay still refusing a message with a 5xx of its own: set aside as before.
"$FAXCARE_SINK_CTL" reject .
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1
"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
is "$(queue_count failed)" 1 "authenticated, then a 5xx to the message's DATA: set aside in failed/"
"$FAXCARE_SINK_CTL" accept
done_testing
