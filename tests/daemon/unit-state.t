#!/usr/bin/env bash
# usage: tests/daemon/unit-state.t  (prove runs it; `make check-build` builds it)
# The saved state unreadable (EIO, ENOMEM) or corrupt, built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_state"
