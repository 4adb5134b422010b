#!/bin/sh
# usage: scripts/vm/run-arm64 --overlay VIRT.dtbo --overlay JAM.dtbo [--overlay SLOW.dtbo] tests/dts/guest/faxeng-gpio-jam.sh pulse|filtered
#
# Guest half of tests/dts/arm64-faxeng-gpio-debounce.t, with the jam sensor
# on PL061 line 3 (tests/dts/fixtures/qemu-virt-jam-on-line3.dtso). QEMU's
# 100 ms pulse on that line is, with the 5 ms debounce ("pulse"), a jam
# raised then cleared, one uevent each; with a 300 ms debounce ("filtered"),
# nothing at all.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
. /faxcare/tests/dts/guest/uevents.sh
expect=$1
uevents_start

# inputs: the input reports the core has taken, counted by a hist trigger
# on its faxeng_input tracepoint, set before the engine registers.
tr=/sys/kernel/tracing
modprobe faxeng &&
	{ [ -d $tr/events ] || mount -t tracefs tracefs $tr; } &&
	echo hist:keys=id:vals=hitcount >$tr/events/faxeng/faxeng_input/trigger
ok $? "faxeng loads, its faxeng_input tracepoint counted"
modprobe faxeng_gpio
ok $? "modprobe faxeng_gpio"
dev=/sys/class/faxeng/faxeng0
# The engine appears once it has read its lines: its add uevent says so.
wait_for 5 "a uevent with ACTION=add SUBSYSTEM=faxeng FAXENG_FAULTS=door-open" seen ACTION=add SUBSYSTEM=faxeng FAXENG_FAULTS=door-open
ok $? "the engine is up and has read its lines"
is "$(cat $dev/faults)" door-open "no jam before the pulse"

# irqs: the interrupts taken on PL061 line 3 (the jam sensor), all CPUs.
irqs() {
	awk '{ for (i = 2; i < NF; i++) if ($i ~ /pl061$/) break
	       if ($(i + 1) == 3) { n = 0; for (j = 2; j < i; j++) n += $j; print n } }' \
		/proc/interrupts
}
irqs_over() { [ "$(irqs)" -gt "$1" ]; }
inputs() { sed -n 's/^ *Hits: *//p' $tr/events/faxeng/faxeng_input/hist; }
inputs_over() { [ "$(inputs)" -gt "$1" ]; }
# Its first reads: the node's 7 switch lines. Then only the jam line reads.
wait_for 5 "more than 6 inputs" inputs_over 6
ok $? "the engine read its 7 switch lines ($(inputs))"
irqs0=$(irqs)
inputs0=$(inputs)

vm-host system_powerdown
ok $? "QEMU pulses line 3, now the jam sensor"
wait_for 5 "more than $((irqs0 + 1)) interrupts" irqs_over $((irqs0 + 1))
ok $? "the pulse reached the jam line: its rising and falling edges interrupted ($irqs0 -> $(irqs))"
case $expect in
pulse)
	wait_for 5 "a uevent with ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=1" seen ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=1
	ok $? "the pulse raises JAM: a uevent"
	wait_for 5 "a uevent with ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=0" seen ACTION=change FAXENG_CONDITION=JAM FAXENG_ACTIVE=0
	ok $? "its end clears JAM: a uevent"
	is "$(count_events ACTION=change FAXENG_CONDITION=JAM)" 2 "exactly one raise and one clear"
	;;
filtered)
	# The line is read once the debounce interval after the last edge
	# has passed: with the state it reports, the core decides.
	wait_for 5 "more than $inputs0 inputs" inputs_over "$inputs0"
	ok $? "the jam line was read after the debounce interval"
	is "$(count_events ACTION=change FAXENG_CONDITION=JAM)" 0 \
		"a pulse shorter than the debounce interval makes no uevent"
	;;
*) bail "expected pulse or filtered, got '$expect'" ;;
esac
is "$(cat $dev/faults)" door-open "no jam after the pulse"
is "$(cat $dev/page_count)" 0 "and no page counted"
done_testing
