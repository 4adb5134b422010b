#!/bin/sh
# usage: scripts/vm/run --arch ARCH tests/vm/arch.sh MACHINE
#
# Guest half of tests/harness/vm-boot.t's arm64 boot: the guest runs on the
# machine uname -m names MACHINE, and the runner told it its --arch.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
is "$(uname -m)" "$1" "the guest runs on $1"
like "$FAXCARE_ARCH" '^(amd64|arm64)$' "FAXCARE_ARCH names the runner's --arch ($FAXCARE_ARCH)"
done_testing
