#!/bin/bash
# usage: tests/proto/mutations.t   (TAP, run by prove)
# Random damage to signed bodies: no crash (ASan/UBSan), every refusal
# explained, no changed value verifies.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit mutations
