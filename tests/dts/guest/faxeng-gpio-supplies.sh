#!/bin/sh
# usage: scripts/vm/run --arch arm64 --overlay qemu-virt-supplies.dtbo tests/dts/guest/faxeng-gpio-supplies.sh
#
# Guest half of tests/dts/arm64-faxeng-gpio-supplies.t: faxeng_gpio makes
# supplies 3..5 of the supply@S nodes, reads their lines before the engine
# appears, and counts the page QEMU pulses against the fuser's life.
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
. /faxcare/tests/dts/guest/uevents.sh
uevents_start

modprobe faxeng_gpio
ok $? "modprobe faxeng_gpio"
dev=/sys/class/faxeng/faxeng0
wait_for 5 "$dev to appear" test -d "$dev"
ok $? "the engine appears as $dev"
wait_for 5 "a uevent with ACTION=add SUBSYSTEM=faxeng" seen ACTION=add SUBSYSTEM=faxeng
ok $? "an add uevent for the engine"

s() { cat "$dev/supply$1/$2" 2>&1; }
is "$(ls -d "$dev"/supply* | sed 's|.*/||' | tr '\n' ' ')" \
	"supply1 supply2 supply3 supply4 supply5 " \
	"the toner lines and drum (1, 2), then the three supply nodes"
is "$(s 1 type) $(s 1 colour) $(s 2 type)" "toner black opc" \
	"supply 1 the black toner, 2 the drum"
is "$(s 3 type) $(s 3 colour) $(s 3 state) $(s 3 level)" "toner cyan low unknown" \
	"supply 3: a cyan toner, low by its low line (no level channel: unknown)"
is "$(s 4 type) $(s 4 class) $(s 4 state)" "waste-toner filled ok" \
	"supply 4: the waste bottle, its full line not asserted: ok"
is "$(s 5 type) $(s 5 rated_pages) $(s 5 level) $(s 5 state)" "fuser 1 100 ok" \
	"supply 5: a fuser rated for one page, unused"
is "$(cat "$dev/toner_state")" ok "toner_state: the black toner's, ok"
seen ACTION=add SUBSYSTEM=faxeng "FAXENG_REASONS=.*toner-low-warning.*"
ok $? "the add uevent's reasons say a toner is low"

vm-host system_powerdown
ok $? "QEMU pulses PL061 line 3, the page-pulse line"
wait_for 5 "a uevent naming supply 5" seen ACTION=change FAXENG_SUPPLY=5 \
	FAXENG_CONDITION=SUPPLY_END FAXENG_ACTIVE=1
ok $? "the page ends the fuser's life: a uevent naming supply 5"
seen ACTION=change FAXENG_SUPPLY=5 FAXENG_SUPPLY_TYPE=fuser \
	FAXENG_SUPPLY_STATE=end FAXENG_SUPPLY_LEVEL=0 FAXENG_SUPPLY_PAGES=1 \
	FAXENG_REASON=marker-supply-empty FAXENG_CHANGED=supply5/state
ok $? "its keys: a fuser, at the end of its life, one page on it"
is "$(s 5 state) $(s 5 reasons)" "end marker-supply-empty-error" \
	"supply5/state: end"
is "$(count_events ACTION=change FAXENG_SUPPLY=3)" 0 \
	"no change uevent for the cyan toner the add uevent already showed"

rmmod faxeng_gpio
ok $? "rmmod faxeng_gpio"
[ ! -e "$dev" ]
ok $? "the engine is gone"
done_testing
