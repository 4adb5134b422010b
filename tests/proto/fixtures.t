#!/bin/bash
# usage: tests/proto/fixtures.t   (TAP, run by prove)
# Reports as MTAs deliver them (trace headers, folding, CRLF, quoted-
# printable, base64, forwarding) are read and verified by the center's path.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit fixtures "$TOP/tests/proto/fixtures"
