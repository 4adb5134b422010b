#!/usr/bin/env bash
# usage: tests/harness/smtp-sink.t
#
# scripts/with-smtp-sink gives a test an SMTP relay that keeps each message
# it accepts as a file, can be told to defer or reject, and can be taken
# down and brought back on the same port.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/harness/tap-wrapped.sh
. scripts/harness/service.sh

# send SUBJECT: one message to the sink; swaks's exit status, transcript
# on stdout.
send() {
	swaks --server "$FAXCARE_SINK_HOST" --port "$FAXCARE_SINK_PORT" \
		--from terminal@faxcare.test --to center@faxcare.test \
		--header "Subject: $1" --timeout 10 2>&1
}
count() { find "$FAXCARE_SINK_DIR" -type f | wc -l; }

# Runs inside the wrapper.
inside() {
	local out start
	start=$(date +%s.%N)
	"$FAXCARE_SINK_CTL" stop && "$FAXCARE_SINK_CTL" start
	diag "restart: $(echo "$(date +%s.%N) - $start" | bc) s"
	is "$FAXCARE_SINK_HOST" 127.0.0.1 "listens on 127.0.0.1"
	out=$(send toner-low); ok $? "a message is accepted"
	is "$(count)" 1 "it is caught in one file"
	like "$(cat "$FAXCARE_SINK_DIR"/*)" '^Subject: toner-low' "the file holds the message"
	like "$(cat "$FAXCARE_SINK_DIR"/*)" '^X-Rcpt-Args: <center@faxcare.test>' "and its recipient"

	"$FAXCARE_SINK_CTL" stop; ok $? "ctl stop"
	is "$("$FAXCARE_SINK_CTL" status)" stopped "ctl status: stopped"
	! out=$(send down); ok $? "a message cannot be sent while it is down"
	like "$out" 'Connection refused' "the connection is refused"
	"$FAXCARE_SINK_CTL" start; ok $? "ctl start"
	out=$(send back); ok $? "accepted again on the same port"

	"$FAXCARE_SINK_CTL" defer; ok $? "ctl defer"
	out=$(send deferred)
	like "$out" '^<\*\* 4[0-9][0-9] ' "the recipient gets a 4xx reply"
	"$FAXCARE_SINK_CTL" reject .; ok $? "ctl reject ."
	out=$(send rejected)
	like "$out" '^<\*\* 5[0-9][0-9] ' "the end of DATA gets a 5xx reply"
	is "$(count)" 2 "refused messages are not caught"
	"$FAXCARE_SINK_CTL" accept; ok $? "ctl accept"
	out=$(send accepted); ok $? "accepted again"
	is "$(count)" 3 "and caught"
	found=("$FAXCARE_SINK_DIR" "$(cat "$FAXCARE_SINK_DIR/../pid")")
	return 5
}

tap_wrapped scripts/with-smtp-sink --
dir=${found[0]} pid=${found[1]}
is "$wrapped_rc" 5 "with-smtp-sink exits with the command's status"
[ -n "$dir" ] && [ ! -e "$dir" ]; ok $? "its directory is removed"
[ -n "$pid" ] && ! pid_running "$pid"; ok $? "the sink is stopped"

out=$(scripts/with-smtp-sink --reject -- bash -c "$(declare -f send); send x")
like "$out" '^<\*\* 5[0-9][0-9] ' "--reject: the recipient gets a 5xx reply"
out=$(scripts/with-smtp-sink --defer=MAIL -- bash -c "$(declare -f send); send x")
like "$out" '^<\*\* 4[0-9][0-9] ' "--defer=MAIL: the sender gets a 4xx reply"
tap_interrupted FAXCARE_SINK_DIR ../pid scripts/with-smtp-sink --
done_testing
