#!/bin/bash
# usage: tests/proto/consumer.t   (TAP, run by prove)
# The documented build line works for the library's users: a program (the
# daemon, the mailgate) and a shared object (the center's Kore app).
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/../lib/tap.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM

[ -e "$TOP/proto/build/libfaxcare-proto.a" ]
ok $? "proto is built (make check-build)"

cat >"$scratch/user.c" <<'C'
#include <stdio.h>
#include "faxcare/proto.h"
const char *wording(enum fc_condition c)
{
	const struct fc_condition_info *i = fc_condition_info(c);

	return i ? i->text : "?";
}
int main(void)
{
	return puts(wording(fc_condition_by_keyword("media-jam"))) < 0;
}
C
flags=(-std=gnu11 -Wall -Wextra -Werror -I"$TOP/proto/include"
	-I"$TOP/include/uapi")
libs=("$TOP/proto/build/libfaxcare-proto.a" $(pkg-config --libs openssl))

cc "${flags[@]}" -o "$scratch/user" "$scratch/user.c" "${libs[@]}" >&2
ok $? "a program links with the documented build line"
is "$("$scratch/user")" "Paper is jammed" "and runs"

cc "${flags[@]}" -fPIC -shared -o "$scratch/user.so" "$scratch/user.c" \
	"${libs[@]}" >&2
ok $? "a shared object (a Kore app) links the library"

grep -q -- '-I$(top)/proto/include -I$(top)/include/uapi' \
	"$TOP/docs/protocol.md"
ok $? "docs/protocol.md gives that build line"

done_testing
