#!/bin/bash
# usage: tests/proto/keygen.t   (TAP, run by prove)
# faxcare-keygen as an operator uses it: a new master secret, a terminal's
# key derived from it (checked against OpenSSL's own HMAC), clear errors.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/../lib/tap.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
keygen=$TOP/proto/build/faxcare-keygen
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

[ -e "$keygen" ]
ok $? "proto is built (make check-build)"

out=$("$keygen" 2>&1); rc=$?
is "$rc" 2 "no arguments: exit 2"
like "$out" "^usage: faxcare-keygen MASTER-KEY-FILE TERMINAL-ID" "usage is printed"

master=$("$keygen" -n); rc=$?
is "$rc" 0 "-n exits 0"
like "$master" '^[0-9a-f]{64}$' "-n prints 64 hex digits"
again=$("$keygen" -n)
[ "$master" != "$again" ]; ok $? "-n prints a new key every time"

(umask 077 && printf '%s\n' "$master" >"$scratch/master.key")
key=$("$keygen" "$scratch/master.key" fx9000-sn123); rc=$?
is "$rc" 0 "deriving a terminal's key exits 0"
want=$(printf '%s' "faxcare-terminal-key-1:fx9000-sn123" |
	openssl dgst -sha256 -mac HMAC -macopt "hexkey:$master" -r |
	cut -d' ' -f1)
is "$key" "$want" "the key is HMAC-SHA256(master, 'faxcare-terminal-key-1:' + id)"
other=$("$keygen" "$scratch/master.key" fx9000-sn124)
[ "$key" != "$other" ]; ok $? "another terminal gets another key"

out=$("$keygen" "$scratch/master.key" 'bad id' 2>&1); rc=$?
is "$rc" 1 "an invalid terminal id: exit 1"
like "$out" "^faxcare-keygen: terminal id: 'bad id' is not a terminal id" \
	"the error names the terminal id"

printf '%s\n' "$master" >"$scratch/open.key"
chmod 0644 "$scratch/open.key"
out=$("$keygen" "$scratch/open.key" fx9000-sn123 2>&1); rc=$?
is "$rc" 1 "a world-readable master key: exit 1"
like "$out" "open.key: others may read or write it \(mode 0644\)" \
	"the error says why"

out=$("$keygen" "$scratch/none.key" fx9000-sn123 2>&1); rc=$?
is "$rc" 1 "a missing master key: exit 1"
like "$out" "none.key: No such file or directory" "the error names the file"

make -s -C "$TOP/proto" install DESTDIR="$scratch/root" PREFIX=/usr >&2
[ -x "$scratch/root/usr/bin/faxcare-keygen" ]
ok $? "make install puts faxcare-keygen under DESTDIR/PREFIX/bin"

done_testing
