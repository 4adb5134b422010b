#!/bin/sh
# usage: scripts/vm/run --net ... scripts/demo.d/guest-terminal.sh CTL_PORT
#
# The terminal of the demo and of tests/e2e, run as the VM's guest script:
# systemd-udevd (with the project's rule, when scripts/demo.d/terminal.sh put
# it in /etc/udev/rules.d, it starts faxcared), a uevent log, the faxeng core
# and faxeng_sim. Then it serves the host: it connects to 127.0.0.1:CTL_PORT
# on the host (10.0.2.2) and runs what the host sends (guest-ctl.sh) until
# the host says quit. Its stdout is the VM's TAP channel.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
here=/faxcare/scripts/demo.d
port=$1

mkdir -p /var/spool /var/lib /var/log
/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never && udevadm settle
ok $? "systemd-udevd runs"
udevadm monitor --udev --property --subsystem-match=faxeng >/tmp/uevents.log 2>&1 &
# Its banner's UDEV line comes once it listens.
wait_for 5 "udevadm monitor's banner" grep -q '^UDEV - ' /tmp/uevents.log
insmod /faxcare/kmod/faxeng.ko && insmod /faxcare/kmod/faxeng_sim.ko
ok $? "faxeng and faxeng_sim load"
udevadm settle
[ -e /sys/class/faxeng/faxeng0 ]
ok $? "faxeng0 exists"

# One session: the host's commands on nc's socket, until quit or EOF.
nc 10.0.2.2 "$port" -e "$here/guest-ctl.sh"
ok $? "the host's control session ended cleanly"
done_testing
