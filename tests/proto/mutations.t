#!/bin/bash
# usage: tests/proto/mutations.t   (TAP, run by prove)
# Random damage to signed bodies: no crash (ASan/UBSan), every refusal
# explained, no changed value verifies.
. "$(dirname "$0")/unit.sh"
run_unit mutations
