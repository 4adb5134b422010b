#!/usr/bin/env bash
# usage: tests/kmod/gpio.t: faxeng_gpio against a fixture module providing
# GPIO lines, interrupts and an IIO channel (Debian amd64 has no device tree,
# gpio-sim or gpio-mockup), in the VM
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/kmod/lib.sh"
on_each_kernel "$@"
kmod_tmpdir gpio
cp "$top/tests/kmod/helper/Kbuild" "$top/tests/kmod/helper/"*.c "$tmp/"
if ! make -C "$(kernel_kdir "$FAXCARE_KERNEL")" M="$tmp" modules \
	>"$tmp/build.log" 2>&1; then
	echo "not ok 1 - the faxeng_test_gpio and faxeng_test_adc fixtures build"
	sed 's/^/# /' "$tmp/build.log"
	echo "1..1"
	exit 1
fi
"$top/scripts/vm/run" --timeout 300 --module "$tmp/faxeng_test_gpio.ko" \
	--module "$tmp/faxeng_test_adc.ko" \
	"$top/tests/kmod/guest/gpio.sh"
