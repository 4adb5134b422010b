#!/usr/bin/env bash
# usage: tests/daemon/unit-privdrop.t  (prove runs it; `make check-build` builds it)
# Giving the spool to the daemon's user and dropping root, built with ASan and UBSan.
# SPDX-License-Identifier: ISC
exec "$(dirname "$0")/../build/daemon/test_privdrop"
