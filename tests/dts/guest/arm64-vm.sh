#!/bin/sh
# usage: scripts/vm/run-arm64 --overlay faxcare-fax-engine-qemu-virt.dtbo tests/dts/guest/arm64-vm.sh
#
# Guest half of tests/dts/arm64-vm.t: the arm64 VM is what the SBC tests
# need: Debian's arm64 kernel, the fax-engine node in its device tree, the
# cross-built modules loadable, and QEMU's power-button pulse on PL061
# line 3 seen as an edge interrupt.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh

is "$(uname -m)" aarch64 "the guest is aarch64"
like "$(uname -r)" '-arm64$' "running Debian's arm64 kernel"
is "$(tr -d '\0' </proc/device-tree/fax-engine/compatible)" faxcare,fax-engine \
	"the device tree has the fax-engine node"
[ ! -e /proc/device-tree/gpio-keys ]
ok $? "QEMU's gpio-keys node is gone, line 3 is free"

modprobe faxeng
ok $? "modprobe faxeng (cross-built)"
[ -d /sys/class/faxeng ]
ok $? "the faxeng class is registered"

# The PL061 is the only GPIO chip: its base is the line numbers' offset.
chip=$(ls -d /sys/class/gpio/gpiochip* | head -n 1)
is "$(cat "$chip/label")" 9030000.pl061 "the PL061 is a GPIO chip"
line3=$(($(cat "$chip/base") + 3))
echo "$line3" >/sys/class/gpio/export && echo rising >"/sys/class/gpio/gpio$line3/edge"
ok $? "line 3 exported with a rising-edge interrupt"
is "$(cat "/sys/class/gpio/gpio$line3/value")" 0 "line 3 reads low"
vm-host system_powerdown
ok $? "the host pulsed the power button"
is "$(awk '/pl061 +3 /{print $2}' /proc/interrupts)" 1 "the pulse raised one interrupt on line 3"
done_testing
