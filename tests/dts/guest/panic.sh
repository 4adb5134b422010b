#!/bin/sh
# usage: scripts/vm/run-arm64 tests/dts/guest/panic.sh
#
# Guest half of tests/dts/arm64-vm.t: one passing line, then a kernel panic,
# which scripts/vm/run-arm64 must report as a failure.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
ok 0 "the guest ran"
echo c >/proc/sysrq-trigger
