#!/bin/sh
# usage: scripts/vm/run-arm64 --overlay VIRT.dtbo --overlay JAM.dtbo [--overlay SLOW.dtbo] tests/dts/guest/faxeng-gpio-jam.sh pulse|filtered
#
# Guest half of tests/dts/arm64-faxeng-gpio-debounce.t, with the jam sensor
# on PL061 line 3 (tests/dts/fixtures/qemu-virt-jam-on-line3.dtso). QEMU's
# 100 ms pulse on that line is, with the 5 ms debounce ("pulse"), a jam
# raised then cleared, one uevent each; with a 300 ms debounce ("filtered"),
# nothing at all.
. /faxcare/tap.sh
. /faxcare/tests/dts/guest/uevents.sh
expect=$1
uevents_start

modprobe faxeng_gpio
ok $? "modprobe faxeng_gpio"
dev=/sys/class/faxeng/faxeng0
# The door's raise is the last of the initial announcements.
wait_for 5 seen ACTION=change FAXENG_CONDITION=DOOR_OPEN FAXENG_ACTIVE=1
ok $? "the engine is up and has read its lines"
is "$(cat $dev/faults)" door-open "no jam before the pulse"

vm-host system_powerdown
ok $? "QEMU pulses line 3, now the jam sensor"
case $expect in
pulse)
	wait_for 5 seen ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=1
	ok $? "the pulse raises JAM: a uevent"
	wait_for 5 seen ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=0
	ok $? "its end clears JAM: a uevent"
	is "$(count_events ACTION=change FAXENG_CONDITION=JAM)" 2 "exactly one raise and one clear"
	;;
filtered)
	# Three debounce intervals: long enough for any event to come.
	sleep 1
	is "$(count_events ACTION=change FAXENG_CONDITION=JAM)" 0 \
		"a pulse shorter than the debounce interval makes no uevent"
	;;
*) bail "expected pulse or filtered, got '$expect'" ;;
esac
is "$(cat $dev/faults)" door-open "no jam after the pulse"
is "$(cat $dev/page_count)" 0 "and no page counted"
done_testing
