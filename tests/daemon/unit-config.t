#!/usr/bin/env bash
# usage: tests/daemon/unit-config.t  (prove runs it; `make check-build` builds it)
# The daemon's config unit test, built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_config"
