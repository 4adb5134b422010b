#!/usr/bin/env bash
# usage: tests/daemon/unit-tracker.t  (prove runs it; `make check-build` builds it)
# The daemon's tracker unit test, built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_tracker"
