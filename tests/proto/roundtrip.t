#!/bin/bash
# usage: tests/proto/roundtrip.t   (TAP, run by prove)
# Every report type and condition survives encode -> parse -> verify, and
# the message is 7-bit with lines under 78 characters.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit roundtrip
