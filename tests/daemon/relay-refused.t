#!/usr/bin/env bash
# usage: tests/daemon/relay-refused.t  (prove runs it; needs `make -C daemon` built)
# A relay that refuses the envelope, a 5xx to MAIL or RCPT (relay access
# denied, sender not allowed), is misconfigured for this terminal, not
# refusing a report: the terminal's sender and the center are the same for
# every report. The reports stay queued (none set aside in failed/), the log
# says so loudly with the relay's answer, and they go out once the relay or
# the configuration is fixed. Only a 5xx to DATA sets that message aside.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
good_port=$FAXCARE_SINK_PORT
write_conf "starttls off"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1 || bail "test-mail failed"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1 || bail "test-mail failed"

# held WHAT PORT LOG-PATTERN: one delivery attempt through the relay at
# PORT; both reports stay queued, none set aside, and the log says why.
held() {
	FAXCARE_SINK_PORT=$2 write_conf "starttls off"
	"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
	is "$?" 75 "$1: faxcared -q says try later (75)"
	is "$(queue_count)" 2 "$1: both reports stay queued"
	is "$(queue_count failed)" 0 "$1: none set aside in failed/"
	like "$(cat "$work/log")" "$3" "$1: the log names the relay's answer and what to fix"
	grep -q "for good" "$work/log"
	is "$?" 1 "$1: no report is logged as refused for good"
}

answering_sink no_relay -f RCPT -B "554 5.7.1 <service@center.example.net>: Relay access denied"
held "554 to RCPT (relay access denied)" "$no_relay" \
	"relay 127\.0\.0\.1:$no_relay refused sender [^ ]+ or center service@center\.example\.net \(554 <service@center\.example\.net>: Relay access denied\): 2 report\(s\) kept in the queue; fix the relay's access rules, or relay/sender/center, and reload \(SIGHUP\)"

answering_sink no_sender -f MAIL -B "553 5.7.1 Sender address rejected: not owned by user"
held "553 to MAIL (sender not allowed)" "$no_sender" \
	"relay 127\.0\.0\.1:$no_sender refused sender .*\(553 Sender address rejected: not owned by user\): 2 report\(s\) kept"

# The relay fixed: both arrive, once.
FAXCARE_SINK_PORT=$good_port write_conf "starttls off"
"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
is "$?" 0 "relay fixed: delivered (exit 0)"
is "$(sink_count)" 2 "the relay caught both reports"
is "$(queue_count)" 0 "the queue is empty"

# A 5xx to the message's DATA refuses that message: set aside, not retried.
"$FAXCARE_SINK_CTL" reject . >/dev/null || bail "cannot make the sink refuse DATA"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1
"$FAXCARED" -c "$conf" -q faxeng0 2>"$work/log"
is "$?" 0 "a 5xx to DATA: the run is done (exit 0)"
is "$(queue_count failed)" 1 "the refused message is set aside in failed/"
is "$(queue_count)" 0 "and not kept for a retry"
like "$(cat "$work/log")" "relay refused [^ ]+ for good \(5[0-9][0-9]" "the log says it was refused for good"
"$FAXCARE_SINK_CTL" accept >/dev/null
done_testing
