#!/usr/bin/env bash
# usage: tests/daemon/postfix.t  (prove runs it; needs `make check-build`)
# faxcared relaying through a real Postfix (scripts/with-postfix): a report
# queued by faxengctl reaches the center's Maildir once, with the headers
# Postfix adds, and the proto library parses it and verifies its signature.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${FAXCARE_SMTP_PORT:-}" ]; then
	exec "$here/../../scripts/with-postfix" --maildir center -- "$here/${0##*/}" "$@"
fi
. "$here/../lib/tap.sh"
. "$here/../lib/postfix-tls.sh"
. "$here/lib/setup.sh"
. "$TOP/scripts/lib.sh"

daemon_setup
inbox=$FAXCARE_MAIL_DIR/center/new
FAXCARE_SINK_HOST=$FAXCARE_SMTP_HOST FAXCARE_SINK_PORT=$FAXCARE_SMTP_PORT \
	write_conf "center center@faxcare.test"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >"$work/queued" 2>/dev/null
ok $? "faxengctl test-mail queued a report"
rid=$(grep -Eo '[0-9a-f]{32}' "$work/queued")
"$FAXCARED" -c "$conf" -q faxeng0 2>>"$work/log"
is "$?" 0 "faxcared -q: Postfix accepted it (exit 0)"
is "$(queue_count)" 0 "and it left the spool"

is "$(maildir_wait "$inbox")" 1 "one message in center@faxcare.test's Maildir"
msg=$(find "$inbox" -type f | head -1)
like "$(cat "$msg")" "^Received: from .*127\.0\.0\.1" "with the Received header Postfix added"
like "$(cat "$msg")" "^Message-ID: <$rid@TEST-1\.faxcare>" "its Message-ID is the report id"
is "$("$TOP/tests/build/daemon/report_read" "$key" "$msg")" "meter $rid TEST-1 verified" \
	"the proto library parses it and the signature verifies"
done_testing
