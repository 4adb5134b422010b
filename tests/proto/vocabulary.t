#!/bin/bash
# usage: tests/proto/vocabulary.t   (TAP, run by prove)
# The status vocabulary of include/uapi/linux/faxeng_conditions.h as the
# protocol library expands it.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit vocabulary
