#!/usr/bin/env bash
# usage: tests/fuzz/fuzz.t
# Each fuzz target (tests/fuzz/tests.mk) for a short, fixed number of runs
# under ASan and UBSan: one line per target, failing on any crash.
# `make fuzz` runs them long.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/run" --check
