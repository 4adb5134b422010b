#!/usr/bin/env bash
# usage: tests/center/signin-limits.t
# The app's own rate limits on guessing, through HTTP with the client's
# address in X-Forwarded-For (as nginx passes it): sign-in is limited per
# user name as well as per client, so ten addresses guessing one account
# are stopped at the eleventh, whatever its case; an IPv6 client counts as
# its /64, so a host cannot dodge the limit by moving within it; and with
# the table shrunk until two clients share a bucket, their taking turns
# never gives either a fresh one.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

# One worker: the buckets are per worker, and the test counts them.
CENTER_WORKERS=1
portal_begin
staff_add dora desk 'correct horse battery'

# signin FROM USER: an API sign-in with a wrong password from address FROM.
signin() {
	curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $1" \
		-d "username=$2" -d password=wrong-guess "$CENTER_URL/api/v1/session"
}

# --- per user name ---
codes=
for i in $(seq 10); do codes+="$(signin "203.0.113.$i" dora) "; done
is "$codes" "$(printf '401 %.0s' {1..10})" "ten addresses, one guess each at dora: each refused as wrong"
is "$(signin 203.0.113.11 dora)" 429 "the eleventh, from yet another address, is rate limited"
is "$(signin 203.0.113.12 DORA)" 429 "... whatever the user name's case"
is "$(signin 203.0.113.13 erp)" 401 "another user name from a fresh address is not"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'api.login.failed' AND actor = 'dora'")" 10 \
	"the limited attempts never reached the password check"

# --- IPv6 per /64 ---
codes=
for i in $(seq 10); do codes+="$(signin "2001:db8:1:2::$i" "v6user$i") "; done
is "$codes" "$(printf '401 %.0s' {1..10})" "ten addresses of one /64, other user names: each refused as wrong"
is "$(signin 2001:db8:1:2:ffff:ffff:ffff:ffff v6user11)" 429 "an eleventh address of that /64 is rate limited"
is "$(signin 2001:db8:1:3::1 v6user12)" 401 "an address of the next /64 is not"
is "$(signin ::ffff:203.0.113.40 v4user)" 401 "an IPv4-mapped address counts as its IPv4 address"

# --- a table where clients collide ---
center_stop
RATELIMIT_ENTRIES=1 center_start "$tmp" || bail "kore did not restart"
guess() {
	curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $1" \
		"$CENTER_URL/m/$(printf 'd%.0s' {1..64})"
}
# Two addresses that share a bucket in any table: one bucket in all, and
# the same slot of the 1024 earlier builds had (FNV-1a).
a=198.51.0.3 b=198.51.0.70
codes=
for i in $(seq 30); do codes+="$(guess "$a") "; done
is "$codes" "$(printf '404 %.0s' {1..30})" "client A guesses 30 links: each not found"
is "$(guess "$a")" 429 "the 31st is rate limited"
turns=
for i in $(seq 10); do turns+="$(guess "$b")/$(guess "$a") "; done
is "$turns" "$(printf '429/429 %.0s' {1..10})" \
	"B and A taking turns ten times: neither gets a fresh bucket"
kill -0 "$CENTER_PID"
ok $? "kore is still running"
done_testing
