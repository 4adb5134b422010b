#!/usr/bin/env bash
# usage: tests/daemon/unit-reporter.t  (prove runs it; `make check-build` builds it)
# The daemon's reporter unit test, built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_reporter"
