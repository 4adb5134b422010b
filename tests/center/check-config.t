#!/usr/bin/env bash
# usage: tests/center/check-config.t
# -n on every center program that reads the configuration: a good one says
# "configuration OK" and exits 0 (nothing else happens: no database is
# needed), a bad one exits 1 with the error after the program's name.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '[center]\nsmtp_port = 2525\n' >"$tmp/good.conf"
printf '[center]\nsmtp_port = many\n' >"$tmp/bad.conf"
unset FAXCENTER_CONFIG FAXCARE_DB_SOCKET FAXCARE_DB_HOST

# The mailgate's -n also needs the master secret and a database: its
# good case is in mailgate.t.
for prog in migrate outbox staff mailgate; do
	bin=$CENTER_BUILD/faxcenter-$prog
	if [ "$prog" != mailgate ]; then
		out=$("$bin" -c "$tmp/good.conf" -n 2>&1)
		is "$?" 0 "faxcenter-$prog -n: a good configuration passes"
		is "$out" "faxcenter-$prog: configuration OK" \
			"... and says so, once"
	fi
	out=$("$bin" -c "$tmp/bad.conf" -n 2>&1)
	is "$?" 1 "faxcenter-$prog -n: a bad configuration fails"
	is "$out" "faxcenter-$prog: smtp_port: not a count: many" \
		"... with the error, prefixed by the program's name once"
done
out=$(FAXCARE_SMTP_STARTTLS=sometimes "$CENTER_BUILD/faxcenter-outbox" \
	-c "$tmp/good.conf" -n 2>&1)
is "$?" 1 "faxcenter-outbox -n: a setting from the environment is checked"
like "$out" '^faxcenter-outbox: smtp_starttls: required, optional or off' \
	"... and named"
done_testing
