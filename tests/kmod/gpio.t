#!/usr/bin/env bash
# usage: tests/kmod/gpio.t: faxeng_gpio against a fixture module providing
# GPIO lines, interrupts and an IIO channel (Debian amd64 has no device tree,
# gpio-sim or gpio-mockup), in the VM
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/kmod/lib.sh"
on_each_kernel "$@"
helpers=$(helper_dir)
need_built "$helpers/faxeng_test_gpio.ko" "$helpers/faxeng_test_adc.ko"
exec "$top/scripts/vm/run" --timeout 300 --module "$helpers/faxeng_test_gpio.ko" \
	--module "$helpers/faxeng_test_adc.ko" \
	"$top/tests/kmod/guest/gpio.sh"
