#!/usr/bin/env bash
# usage: tests/daemon/sender.t  (prove runs it; needs `make -C daemon` built)
# The spool and the relay: faxengctl queues signed test reports, `faxcared -q`
# hands them to a real smtp-sink. Relay down, 4xx, or 4xx at the end of DATA
# (the relay took the bytes but not the message): kept and retried. 5xx to
# DATA: set aside in failed/ (5xx to MAIL or RCPT: relay-refused.t); accepted: removed; STARTTLS required but not offered:
# never sent in clear.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
write_conf

queue_test() { "$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1; }
flush() { "$FAXCARED" -c "$conf" -q faxeng0 2>>"$work/log"; }

# What a technician sees: test-mail says what it queued and where; spool
# lists it by report id; without the engine (no faxeng module on the host)
# test-mail says the report carries the configured identity only.
said=$("$FAXENGCTL" -c "$conf" test-mail faxeng0 2>"$work/ctl.err")
is "$?" 0 "faxengctl test-mail: exit 0"
like "$said" "^queued test report [0-9a-f]{32} for service@center\.example\.net in $spool/faxeng0\$" \
	"faxengctl test-mail names the report, the center and the spool"
like "$(cat "$work/ctl.err")" "faxeng0 not readable .*: the test report carries the configured identity and no levels" \
	"without the engine it says the report carries the configured identity"
rid=${said#queued test report }
rid=${rid%% *}
for i in 2 3; do queue_test || break; done
is "$(queue_count)" 3 "faxengctl test-mail queued three reports"
out=$("$FAXENGCTL" -c "$conf" spool)
is "$(echo "$out" | head -1 | tr -s ' ')" "ENGINE WHERE TYPE CONDITION TIME REPORT" \
	"faxengctl spool: a header naming the columns"
today=$(date -u +%Y-%m-%d)
like "$out" "^faxeng0 +queued +meter +- +$today(T[0-9]{2}:[0-9]{2}:[0-9]{2})Z $rid\$" \
	"faxengctl spool: the test report's row (engine, queued, meter, time, its id)"
is "$(echo "$out" | grep -c '^faxeng0 *queued *meter')" 3 "faxengctl spool lists all three"
js=$("$FAXENGCTL" -c "$conf" --json spool)
is "$(echo "$js" | grep -o '"where":"queued"' | wc -l)" 3 \
	"faxengctl --json spool lists three queued entries"
like "$js" "\"engine\":\"faxeng0\",\"where\":\"queued\",\"file\":\"[^\"]+\",\"type\":\"meter\",\"report_id\":\"$rid\"" \
	"faxengctl --json spool: the test report by id"

flush
is "$?" 0 "faxcared -q delivers the queue (exit 0)"
is "$(sink_count)" 3 "the relay caught three messages"
is "$(queue_count)" 0 "and the queue is empty"
is "$("$FAXENGCTL" -c "$conf" spool | wc -l)" 1 "faxengctl spool: only its header once sent"
grep -q "^Message-ID: <$rid@" "$FAXCARE_SINK_DIR"/*
ok $? "the relay caught the report test-mail named, under its id"
msg=$(cat "$(find "$FAXCARE_SINK_DIR" -type f | head -1)")
like "$msg" "X-Rcpt-Args: <service@center.example.net>" "sent to the center"
like "$msg" "X-Mail-Args: <faxcare-TEST-1@example.com>" "from the terminal"
like "$msg" "^Message-ID: <[0-9a-f]{32}@TEST-1\.faxcare>" "a stable Message-ID"
like "$msg" "-----BEGIN FAXCARE REPORT-----" "the signed report block"
like "$msg" "^Signature: " "and its signature"

# retried WHAT BREAK MEND: with the sink told BREAK (a smtp-sink-ctl command)
# the report stays queued and faxcared -q says try later; told MEND, the next
# run delivers it, once.
retried() {
	local before
	before=$(sink_count)
	# shellcheck disable=SC2086
	"$FAXCARE_SINK_CTL" $2
	queue_test
	flush
	is "$?" 75 "$1: faxcared -q says try later (75)"
	is "$(queue_count)" 1 "$1: the report stays queued"
	# shellcheck disable=SC2086
	"$FAXCARE_SINK_CTL" $3
	flush
	is "$(sink_count)" $((before + 1)) "$1, then: the report arrives"
	is "$(queue_count)" 0 "$1, then: it leaves the queue"
}
retried "relay down" stop start
retried "4xx to RCPT" "defer RCPT" accept
retried "4xx after DATA" "defer ." accept

# 5xx to DATA: set aside, logged, not retried.
"$FAXCARE_SINK_CTL" reject .
queue_test
flush
is "$?" 0 "5xx: nothing left to retry"
is "$(queue_count)" 0 "5xx: removed from the queue"
is "$(queue_count failed)" 1 "5xx: kept in failed/ for a human"
like "$(cat "$work/log")" "refused .* for good \(5[0-9][0-9]" "5xx: logged with the code"
like "$("$FAXENGCTL" -c "$conf" spool)" "faxeng0 +failed +meter" \
	"faxengctl spool shows the failed report"
"$FAXCARE_SINK_CTL" accept

# STARTTLS required, relay without it: never sent in clear.
write_conf "starttls required"
queue_test
flush
is "$?" 75 "STARTTLS required but not offered: try later"
is "$(sink_count)" 6 "nothing was sent in clear"
is "$(queue_count)" 1 "the report waits for a relay with TLS"

# Every report the relay caught is distinct (Message-ID = report id).
ids=$(grep -h '^Message-ID:' "$FAXCARE_SINK_DIR"/* | sort)
is "$(echo "$ids" | uniq | wc -l)" "$(echo "$ids" | wc -l)" "no report arrived twice"
done_testing
