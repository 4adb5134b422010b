#!/bin/sh
# usage: gpio.sh (in the test VM, with faxeng_test_gpio.ko): faxeng_gpio bound
# by name to a fixture device with GPIO lines, interrupts and an IIO channel
. /faxcare/tests/kmod/guest/lib.sh

FT=/sys/module/faxeng_test_gpio/parameters
line() { echo "$1=$2" >"$FT/line"; }
settles() { wait_for sh -c "[ \"\$(cat $ENG/$1)\" = '$2' ]"; }

start_udevd
modprobe faxeng_gpio toner_poll_ms=100
ok $? "faxeng_gpio loads (with faxeng and industrialio)"
insmod "$KMOD/faxeng_test_gpio.ko"
ok $? "the fixture loads: GPIO chip, IIO channel, fax-engine.0"
wait_for [ -d "$ENG" ]
ok $? "faxeng0 appears"
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
line 2 1
sleep 0.2
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
line 1 1
sleep 0.2
is "$(attr tray2_state)" missing "missing outranks empty on tray 2"
line 11 0
settles tray2_state empty
ok $? "tray 2 pushed back in: empty"
line 1 0
settles tray2_state ok
ok $? "tray 2 refilled: ok"

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
echo 7 >"$FT/toner"
settles toner_level 7
ok $? "toner level 7 read from IIO"
is "$(attr toner_state)" low "7% is below the threshold: low"
echo 95 >"$FT/toner"
settles toner_state ok
ok $? "toner 95%: ok"

echo 150 >"$FT/pulses"
settles page_count 150
ok $? "150 page pulses counted by interrupt"
is "$(attr maintenance_due)" 1 "maintenance due after 150 of 100 pages"
is "$(attr drum_life)" 85 "drum_life 85 after 150 of 1000 pages"

# Debounce: 21 toggles within microseconds settle as one change.
seq0=$(attr seqnum)
echo 7=21 >"$FT/bounce"
settles faults jam
ok $? "a bouncing jam line settles high"
sleep 0.3
is "$(attr seqnum)" "$((seq0 + 1))" "21 bounces: one event"
echo 7=20 >"$FT/bounce"
sleep 0.3
is "$(attr seqnum)" "$((seq0 + 1))" "20 bounces back where it was: no event"
stop_monitor "FAXENG_SEQNUM=$(attr seqnum)"
ok $? "udev passed on the last event"
is "$(grep -c '^FAXENG_CONDITION=JAM' /tmp/mon)" 3 \
	"udev saw jam raised, cleared, raised"

DRV=/sys/bus/platform/drivers/faxeng_gpio
echo fax-engine.0 >"$DRV/unbind"
[ ! -e "$ENG" ]
ok $? "unbinding fax-engine.0 removes faxeng0"
echo fax-engine.0 >"$DRV/bind"
is "$(attr serial)" GP0001 "binding it again brings faxeng0 back"
line 7 1
settles faults jam
ok $? "interrupts work after a rebind"
rmmod faxeng_gpio
ok $? "faxeng_gpio unloads while bound"
[ ! -e "$ENG" ]
ok $? "faxeng0 is gone"
rmmod faxeng_test_gpio && rmmod faxeng
ok $? "the fixture and faxeng unload"
done_testing
