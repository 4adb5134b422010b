#!/bin/sh
# usage: gpio.sh (in the test VM, with faxeng_test_gpio.ko and
# faxeng_test_adc.ko): faxeng_gpio bound by name to a fixture device with GPIO
# lines, interrupts and an IIO channel whose driver comes late
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

FT=/sys/module/faxeng_test_gpio/parameters
DRV=/sys/bus/platform/drivers/faxeng_gpio
line() { echo "$1=$2" >"$FT/line"; }
settles() { wait_for 5 "$1 to read $2" sh -c "[ \"\$(cat $ENG/$1)\" = '$2' ]"; }
# How many input reports the core has taken (faxeng_input tracepoint,
# counted from the rebind below).
inputs() { trace_hits faxeng_input; }
inputs_over() { [ "$(inputs)" -gt "$1" ]; }
# line_read N V: set line N to V, wait until its debounced value has
# reached the core, whether it changed a state or not. Meaningful only
# while nothing else reports (the toner channel polled every 100 s).
line_read() {
	_in=$(inputs)
	line "$1" "$2"
	wait_for 5 "more than $_in inputs" inputs_over "$_in"
}

ADC=/sys/module/faxeng_test_adc/parameters
# engines: how many faxeng devices there are.
engines() { ls /sys/class/faxeng | wc -l; }

start_udevd
modprobe faxeng_gpio toner_poll_ms=100
ok $? "faxeng_gpio loads (with faxeng and industrialio)"
# The ADC's driver comes after the engine's device: its probe defers, and
# user space sees nothing of it until it succeeds.
start_monitor /tmp/mon-probe
insmod "$KMOD/faxeng_test_gpio.ko"
ok $? "the fixture loads: GPIO chip, ADC device, fax-engine.0"
like "$(cat /sys/kernel/debug/devices_deferred)" \
	"fax-engine.0.*toner channel" \
	"fax-engine.0's probe waits for the toner channel"
is "$(engines)" 0 "no engine while the ADC has no driver"
line 7 1
insmod "$KMOD/faxeng_test_adc.ko"
ok $? "the ADC driver loads"
wait_for 5 "$ENG to appear" [ -d "$ENG" ]
ok $? "faxeng0 appears once the toner channel is there"
stop_monitor ACTION=add FAXENG_NAME=faxeng0
ok $? "udev saw faxeng0 added"
is "$(count_events /tmp/mon-probe ACTION=add)" 1 \
	"one add uevent for the deferred probe"
is "$(count_events /tmp/mon-probe ACTION=remove)" 0 "and no remove uevent"
event_with /tmp/mon-probe ACTION=add FAXENG_FAULTS=jam
ok $? "the add uevent carries the jam line's level, read before it"
is "$(grep -c '^FAXENG_CONDITION=JAM' /tmp/mon-probe)" 0 \
	"no change uevent repeats it"
line 7 0
settles faults none
ok $? "jam line low again: faults none"

# Each interrupt is named after its engine and line.
missing=
for n in paper-empty1 paper-empty2 paper-low1 paper-low2 paper-missing1 \
	paper-missing2 toner-low toner-empty door jam fuser page; do
	grep -q " faxeng0-$n\$" /proc/interrupts || missing="$missing $n"
done
is "$missing" "" "/proc/interrupts names every interrupt faxeng0-<line>"
is "$(basename "$(readlink "$ENG/device")")" fax-engine.0 \
	"faxeng0's parent is fax-engine.0"
is "$(basename "$(readlink "$ENG/device/driver")")" faxeng_gpio \
	"bound by the platform_device_id fax-engine"
is "$(attr model)" "FX-GPIO 1" "model from the model property"
is "$(attr serial)" GP0001 "serial from serial-number"
is "$(attr trays)" 2 "two trays from two paper-empty-gpios"
is "$(attr drum_rated_pages)" 1000 "faxcare,drum-rated-pages"
is "$(attr maintenance_interval)" 100 "faxcare,maintenance-interval-pages"
settles toner_level 100
ok $? "toner_level 100 from the IIO channel"

line 4 1
settles toner_state low
ok $? "toner-low line: toner low"
line 5 1
settles toner_state empty
ok $? "toner-empty line: toner empty"
line 4 0
line 5 0
settles toner_state ok
ok $? "toner switches cleared"
echo 7 >"$ADC/toner"
settles toner_level 7
ok $? "toner level 7 read from IIO"
is "$(attr toner_state)" low "7% is below the threshold: low"
echo 95 >"$ADC/toner"
settles toner_state ok
ok $? "toner 95%: ok"

echo 150 >"$FT/pulses"
settles page_count 150
ok $? "150 page pulses counted by interrupt"
is "$(attr maintenance_due)" 1 "maintenance due after 150 of 100 pages"
is "$(attr drum_life)" 85 "drum_life 85 after 150 of 1000 pages"

# Suspend and resume, as far as QEMU goes: pm_test "devices" runs every
# device's suspend and resume callbacks (tasks frozen), without sleeping.
# A line set while asleep raises no interrupt: only the resume's reading
# of every input notices it. The ADC's suspend takes 300 ms, in which a
# toner poll (every 100 ms now) would read it, were its workqueue not
# frozen.
suspend_resume() {
	echo devices >/sys/power/pm_test && echo freeze >/sys/power/state
}
if grep -qw freeze /sys/power/state && [ -w /sys/power/pm_test ]; then
	echo 1 >/sys/module/suspend/parameters/pm_test_delay
	echo 7=1 >"$FT/asleep"
	suspend_resume
	ok $? "suspend to idle and resume (pm_test devices)"
	like "$(dmesg | grep 'suspend debug' | tail -1)" "Waiting" \
		"the kernel ran the devices' suspend callbacks and waited"
	settles faults jam
	ok $? "a jam line set while asleep is read on resume"
	is "$(cat "$ADC/suspended_reads")" 0 \
		"the toner channel was not read while the ADC was suspended"
	echo 7=0 >"$FT/asleep"
	suspend_resume
	settles faults none
	ok $? "and its clearing while asleep too"
	echo none >/sys/power/pm_test
else
	ok 1 "suspend to idle with pm_test: $(cat /sys/power/state)"
fi

# A rebind probes again: the toner channel is read then, and next in 100 s.
echo 100000 >/sys/module/faxeng_gpio/parameters/toner_poll_ms
echo fax-engine.0 >"$DRV/unbind"
[ ! -e "$ENG" ]
ok $? "unbinding fax-engine.0 removes faxeng0"
trace_hist faxeng_input keys=id:vals=hitcount
echo fax-engine.0 >"$DRV/bind"
is "$(attr serial)" GP0001 "binding it again brings faxeng0 back"
# Its first reads: 11 switch lines and the toner channel. From then on
# only a line set below reports.
wait_for 5 "more than 11 inputs" inputs_over 11
ok $? "the engine read its 11 lines and the toner channel ($(inputs))"
settles toner_level 95
ok $? "toner_level 95 read at probe"

# The rest runs on the rebound device: its interrupts work.
start_monitor /tmp/mon
line 7 1
settles faults jam
ok $? "jam line high: faults jam"
line 7 0
settles faults none
ok $? "jam line low: faults none"
line 6 1
settles faults door-open
ok $? "door-open line: faults door-open"
line 8 1
settles faults door-open,fuser-error
ok $? "fuser-error line: fuser-error too"
line 6 0
line 8 0
settles faults none
ok $? "both cleared"

line 0 1
settles tray1_state empty
ok $? "paper-empty 0: tray 1 empty"
line 3 1
settles tray2_state low
ok $? "paper-low 1: tray 2 low"
line_read 2 1
ok $? "paper-low 0 read while tray 1 is empty"
is "$(attr tray1_state)" empty "empty outranks low on tray 1"
line 0 0
settles tray1_state low
ok $? "tray 1 refilled to low"
line 2 0
line 3 0
settles tray1_state ok && settles tray2_state ok
ok $? "both trays ok"
line 11 1
settles tray2_state missing
ok $? "paper-missing 1: tray 2 missing"
line_read 1 1
ok $? "paper-empty 1 read while tray 2 is missing"
is "$(attr tray2_state)" missing "missing outranks empty on tray 2"
line 11 0
settles tray2_state empty
ok $? "tray 2 pushed back in: empty"
line 1 0
settles tray2_state ok
ok $? "tray 2 refilled: ok"

# Debounce: toggles within microseconds settle as one change. The door
# opening and closing after each burst are events the core numbers after
# the burst's, so the seqnum at each shows how many the burst made.
seq0=$(attr seqnum)
echo 7=21 >"$FT/bounce"
settles faults jam
ok $? "a bouncing jam line settles high"
line 6 1
settles faults jam,door-open && wait_for 5 "an event numbered above $((seq0 + 1))" seqnum_after $((seq0 + 1))
ok $? "then the door opens: an event"
is "$(attr seqnum)" "$((seq0 + 2))" "21 bounces: one event"
_in=$(inputs)
echo 7=20 >"$FT/bounce"
wait_for 5 "more than $_in inputs" inputs_over "$_in"
ok $? "20 bounces back where it was: the line is read"
line 6 0
settles faults jam && wait_for 5 "an event numbered above $((seq0 + 2))" seqnum_after $((seq0 + 2))
ok $? "then the door closes: an event"
is "$(attr seqnum)" "$((seq0 + 3))" "20 bounces back where it was: no event"
stop_monitor "FAXENG_SEQNUM=$(attr seqnum)" FAXENG_CONDITION=DOOR_OPEN \
	FAXENG_ACTIVE=0
ok $? "udev passed on the last event, the door closing"
is "$(grep -c '^FAXENG_CONDITION=JAM' /tmp/mon)" 3 \
	"udev saw jam raised, cleared, raised"

# Resume reads the toner channel too (the poll is 100 s apart now).
echo 40 >"$ADC/toner"
if grep -qw freeze /sys/power/state && [ -w /sys/power/pm_test ]; then
	suspend_resume
	settles toner_level 40
	ok $? "the toner level is read on resume"
	echo none >/sys/power/pm_test
else
	ok 1 "suspend to idle with pm_test: $(cat /sys/power/state)"
fi

# Descriptions the binding rejects: the probe refuses each, says why, and
# no engine appears (none in sysfs, no add uevent).
echo fax-engine.0 >"$DRV/unbind"
is "$(engines)" 0 "fax-engine.0 unbound: no engine"
start_monitor /tmp/mon-bad
refused() {
	dmesg -c >/dev/null
	echo "$1" >"$FT/engine" || return 1
	_log=$(dmesg | grep 'faxeng_gpio fax-engine.1:')
	case $_log in
	*"$2"*) ;;
	*) diag "dmesg: $_log"; return 1 ;;
	esac
	[ ! -e /sys/bus/platform/devices/fax-engine.1/driver ] &&
		[ "$(engines)" = 0 ]
}
refused no-jam "jam-gpios is required but missing"
ok $? "without jam-gpios: refused"
refused no-paper-empty "paper-empty-gpios is required but missing"
ok $? "without paper-empty-gpios: refused"
refused debounce-0 "debounce-interval-ms = 0: out of range 1..1000"
ok $? "debounce-interval-ms 0: refused"
refused debounce-1001 "debounce-interval-ms = 1001: out of range 1..1000"
ok $? "debounce-interval-ms 1001: refused"
refused drum-0 "faxcare,drum-rated-pages = 0: out of range 1..10000000"
ok $? "faxcare,drum-rated-pages 0: refused"
refused names-only "io-channel-names without io-channels"
ok $? "io-channel-names without io-channels: refused"
refused low-2-for-1 \
	"paper-low-gpios: 2 lines, more than the 1 of paper-empty-gpios"
ok $? "more paper-low lines than trays: refused"
echo good >"$FT/engine"
wait_for 5 "$ENG to appear" [ -d "$ENG" ]
ok $? "the same lines and properties, none broken: faxeng0 appears"
is "$(basename "$(readlink "$ENG/device")")" fax-engine.1 \
	"its parent is fax-engine.1"
stop_monitor ACTION=add FAXENG_NAME=faxeng0
ok $? "udev saw it added"
is "$(count_events /tmp/mon-bad ACTION=add)" 1 \
	"the one add uevent was the good description's"
echo none >"$FT/engine"
is "$(engines)" 0 "fax-engine.1 removed: no engine"
echo fax-engine.0 >"$DRV/bind"
is "$(attr serial)" GP0001 "fax-engine.0 bound again"

rmmod faxeng_gpio
ok $? "faxeng_gpio unloads while bound"
[ ! -e "$ENG" ]
ok $? "faxeng0 is gone"
trace_off && rmmod faxeng_test_adc && rmmod faxeng_test_gpio && rmmod faxeng
ok $? "the fixture and faxeng unload"
done_testing
