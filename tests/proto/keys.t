#!/bin/bash
# usage: tests/proto/keys.t   (TAP, run by prove)
# Key files, per-terminal key derivation, signing with derived keys.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
# In a subshell, not exec'd: the trap must remove the scratch directory.
(run_unit keys "$scratch")
