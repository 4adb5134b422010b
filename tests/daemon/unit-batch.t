#!/usr/bin/env bash
# usage: tests/daemon/unit-batch.t  (prove runs it; `make check-build` builds it)
# The daemon's batch unit test (what a sender run takes), built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_batch"
