#!/bin/bash
# usage: tests/proto/errors.t   (TAP, run by prove)
# Bad reports are refused with an error that names the line and the fault;
# what MTAs do around the block is tolerated.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit errors
