#!/bin/sh
# usage: guest-quiet.sh  (run in the VM by bench/daemon/run)
# faxcared started by udev, its registration delivered, then one quiet
# minute: resident memory and context switches (wake-ups) of the daemon.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
mkdir -p /var/spool /var/log
/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never || bail "udevd"
udevadm settle
insmod /faxcare/kmod/faxeng.ko && insmod /faxcare/kmod/faxeng_sim.ko || bail "sim"
udevadm settle
delivered() {
	[ -n "$(pidof faxcared)" ] && [ -d /var/spool/faxcared/faxeng0/queue ] &&
		[ -z "$(ls /var/spool/faxcared/faxeng0/queue)" ]
}
wait_for 30 "the registration delivered" delivered || bail "registration not delivered"
sleep 2
pid=$(pidof faxcared)
sw() { awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$pid/status"; }
before=$(sw)
sleep "${QUIET_SECS:-60}"
after=$(sw)
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
echo "ok 1 - rss_kb=$rss"
echo "ok 2 - wakeups=$((after - before)) in ${QUIET_SECS:-60} s"
echo "1..2"
