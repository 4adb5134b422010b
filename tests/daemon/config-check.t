#!/usr/bin/env bash
# usage: tests/daemon/config-check.t  (prove runs it)
# `faxcared -n` checks faxcared.conf and exits: 0 when it is valid, 1 with
# one "file:line: problem" per error otherwise. The example file is valid.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/tap.sh"
. "$here/lib/setup.sh"

daemon_setup
write_conf
out=$("$FAXCARED" -n -c "$conf" 2>&1)
is "$?" 0 "a valid file: exit 0"
like "$out" "configuration OK" "and says so"

write_conf "hold forever" "relay-port 0" "frobnicate yes"
out=$("$FAXCARED" -n -c "$conf" 2>&1)
is "$?" 1 "errors: exit 1"
like "$out" "faxcared.conf:1[2-4]: hold: 'forever' is not a duration" "the bad duration by line"
like "$out" "faxcared.conf:1[3-5]: relay-port: '0' is not a number" "the bad port by line"
like "$out" "faxcared.conf:1[4-6]: unknown keyword 'frobnicate'" "the unknown keyword by line"
is "$(echo "$out" | wc -l)" 3 "one line per error, nothing else"

chmod 644 "$key"
write_conf
out=$("$FAXCARED" -n -c "$conf" 2>&1)
is "$?" 1 "a key file others can read is refused"
like "$out" "key-file: .*mode" "with the reason"
chmod 620 "$key"
out=$("$FAXCARED" -n -c "$conf" 2>&1)
is "$?" 1 "a key file the group can write is refused"
like "$out" "key-file: $key: group or others may write it \(mode 0620\); chmod go-w it" \
	"with the reason and the fix"
chmod 600 "$key"
if [ "$(id -u)" -eq 0 ]; then
	chown nobody "$key"
	out=$("$FAXCARED" -n -c "$conf" 2>&1)
	is "$?" 1 "a key file owned by another user is refused"
	like "$out" "key-file: $key: owned by nobody, not by root" "with its owner"
	chown root "$key"
fi

sed "s|/etc/faxcare/terminal.key|$key|" "$TOP/daemon/faxcared.conf.example" >"$conf"
out=$("$FAXCARED" -n -c "$conf" 2>&1)
is "$?" 0 "daemon/faxcared.conf.example is valid"

out=$("$FAXCARED" -n -c "$work/missing.conf" 2>&1)
is "$?" 1 "a missing file: exit 1"
like "$out" "No such file" "and why"
done_testing
