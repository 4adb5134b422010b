#!/usr/bin/env bash
# usage: tests/daemon/unit-reporter.t  (prove runs it; `make -C daemon tests` builds it)
# The daemon's reporter unit test, built with ASan and UBSan.
exec "$(dirname "$0")/../../daemon/build/tests/test_reporter"
