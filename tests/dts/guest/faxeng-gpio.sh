#!/bin/sh
# usage: scripts/vm/run-arm64 --overlay faxcare-fax-engine-qemu-virt.dtbo tests/dts/guest/faxeng-gpio.sh
#
# Guest half of tests/dts/arm64-faxeng-gpio.t: faxeng_gpio probes from the
# device-tree node of dts/overlays/faxcare-fax-engine-qemu-virt.dtso, shows
# the states its GPIO lines read in its add uevent (PL061 lines read low: the
# active-low tray 1 low and door sensors are asserted, the rest are not),
# and turns QEMU's
# power-button pulse on line 3 (the page pulse) into a page and a uevent.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
. /faxcare/tests/dts/guest/uevents.sh
uevents_start

modprobe faxeng_gpio
ok $? "modprobe faxeng_gpio"
dev=/sys/class/faxeng/faxeng0
wait_for 5 "$dev to appear" test -d "$dev"
ok $? "the engine appears as $dev"
[ -e /sys/bus/platform/devices/fax-engine/driver ]
ok $? "faxeng_gpio is bound to the fax-engine node"

r() { cat "$dev/$1" 2>&1; }
is "$(r model)" FX-VIRT "model from the device tree"
is "$(r serial)" QEMU-0001 "serial from the device tree"
is "$(r trays)" 1 "one tray (one paper-empty line)"
is "$(r drum_rated_pages)" 30000 "drum life from faxcare,drum-rated-pages"
is "$(r maintenance_interval)" 1 "interval from faxcare,maintenance-interval-pages"
wait_for 5 "a uevent with ACTION=add SUBSYSTEM=faxeng" seen ACTION=add SUBSYSTEM=faxeng
ok $? "an add uevent for the engine"

# The lines are read before the engine appears: its add uevent carries
# what they say, and no change uevent repeats it.
seen ACTION=add SUBSYSTEM=faxeng FAXENG_TRAY1_STATE=low
ok $? "tray 1's active-low paper-low line reads low: the add uevent says tray 1 low"
seen ACTION=add SUBSYSTEM=faxeng FAXENG_FAULTS=door-open
ok $? "the active-low door line reads low: the add uevent says door-open"
is "$(r tray1_state)" low "tray1_state: low"
is "$(r faults)" door-open "faults: door-open only (the active-high jam and fuser lines read low)"
is "$(r toner_state)" ok "toner_state: ok (the active-high low/empty lines read low)"
is "$(r toner_level)" unknown "no ADC channel, no toner level"
is "$(r page_count)" 0 "no page printed yet"
is "$(r maintenance_due)" 0 "no maintenance due yet"

vm-host system_powerdown
ok $? "QEMU pulses PL061 line 3, the page-pulse line"
wait_for 5 "a uevent with ACTION=change FAXENG_CONDITION=MAINTENANCE_DUE FAXENG_ACTIVE=1" seen ACTION=change FAXENG_CONDITION=MAINTENANCE_DUE FAXENG_ACTIVE=1
ok $? "the page makes maintenance due: a change uevent seen in the guest"
ev=$(events_with ACTION=change FAXENG_CONDITION=MAINTENANCE_DUE FAXENG_ACTIVE=1 | head -n 1)
like "$(cat "$ev" 2>&1)" '^FAXENG_PAGE_COUNT=1$' "the uevent counts the page"
like "$(cat "$ev" 2>&1)" '^FAXENG_MAINTENANCE_DUE=1$' "and shows maintenance due"
is "$(r page_count)" 1 "page_count: one pulse, one page"
is "$(r drum_pages)" 1 "drum_pages: one page on the drum"
is "$(r maintenance_due)" 1 "maintenance_due: 1"
is "$(count_events ACTION=change FAXENG_CONDITION=DOOR_OPEN)$(count_events ACTION=change FAXENG_CONDITION=PAPER_LOW)" 00 \
	"no change uevent for what the add uevent said"

rmmod faxeng_gpio
ok $? "rmmod faxeng_gpio"
[ ! -e "$dev" ]
ok $? "the engine is gone"
done_testing
