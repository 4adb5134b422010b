#!/bin/bash
# usage: tests/proto/spec.t   (TAP, run by prove)
# docs/protocol.md agrees with the code: example, canonical form, vocabulary.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit spec "$TOP/docs/protocol.md"
