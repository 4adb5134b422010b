#!/bin/sh
# usage: sysfs.sh (in the test VM): faxeng's sysfs files, read and written
. /faxcare/tests/kmod/guest/lib.sh

load_sim
ok $? "faxeng and faxeng_sim load"
[ -d "$ENG" ]
ok $? "faxeng0 is in /sys/class/faxeng"
is "$(cat $SIMP/devices)" "faxeng0" "faxeng_sim names its engine"

# Every file, read after load.
for pair in "model=FX-SIM 100" serial=SIM0000 toner_level=100 \
	toner_state=ok toner_low_threshold=10 toner_hysteresis=5 trays=2 \
	tray1_state=ok tray2_state=ok drum_life=100 drum_state=ok \
	drum_pages=0 drum_rated_pages=20000 drum_near_end_threshold=10 \
	drum_hysteresis=5 \
	faults=none maintenance_due=0 maintenance_pages=0 \
	maintenance_interval=5000 page_count=0 reasons=none seqnum=0; do
	is "$(attr "${pair%%=*}")" "${pair#*=}" "${pair%%=*} reads ${pair#*=}"
done
# Every file is documented in the ABI file (trayT_state as one entry).
undocumented=
for f in "$ENG"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f" | sed 's/^tray[0-9]*_state$/trayT_state/')
	grep -q "^What:.*/faxengN/$name\$" /faxcare/sysfs-class-faxeng ||
		undocumented="$undocumented $name"
done
is "$undocumented" "" "every sysfs file is in docs/ABI/testing/sysfs-class-faxeng"
[ ! -e "$ENG/tray3_state" ]
ok $? "no tray3_state for a two-tray engine"
like "$(ls -l $ENG/drum_reset)" '^--w-------' "drum_reset is write-only, root"
like "$(ls -l $ENG/toner_low_threshold)" '^-rw-r--r--' \
	"toner_low_threshold is rw for root, readable by all"

# Bad writes: a clear errno, the value unchanged.
bad() { # FILE VALUE ERRNO-MESSAGE
	_before=$(attr "$1")
	is "$(write_err "$ENG/$1" "$2")" "$3" "writing '$2' to $1 fails: $3"
	is "$(attr "$1")" "$_before" "$1 unchanged after '$2'"
}
bad toner_low_threshold abc "Invalid argument"
bad toner_low_threshold 0 "Numerical result out of range"
bad toner_low_threshold 100 "Numerical result out of range"
bad toner_low_threshold -5 "Invalid argument"
bad toner_hysteresis 51 "Numerical result out of range"
bad drum_near_end_threshold 100 "Numerical result out of range"
bad drum_hysteresis 51 "Numerical result out of range"
bad drum_hysteresis x "Invalid argument"
# A threshold plus its hysteresis must leave a full supply room to clear.
bad toner_low_threshold 95 "Invalid argument"
bad drum_near_end_threshold 95 "Invalid argument"
echo 60 >"$ENG/toner_low_threshold"
bad toner_hysteresis 40 "Invalid argument"
echo 39 >"$ENG/toner_hysteresis"
is "$(attr toner_hysteresis)" 39 "toner 60 + hysteresis 39 is accepted"
sim toner_level 50
is "$(attr toner_state)" low "toner 50% with threshold 60: low"
sim toner_level 99
is "$(attr toner_state)" low "toner 99%, not above 60 + 39: still low"
sim toner_level 100
is "$(attr toner_state)" ok "a full cartridge clears toner low"
echo 5 >"$ENG/toner_hysteresis"
echo 10 >"$ENG/toner_low_threshold"
bad drum_rated_pages 0 "Numerical result out of range"
bad drum_rated_pages 10000001 "Numerical result out of range"
bad maintenance_interval 99999999999 "Numerical result out of range"
bad maintenance_interval 12x "Invalid argument"
is "$(write_err "$ENG/drum_reset" 2)" "Invalid argument" "drum_reset takes only 1"
is "$(write_err "$ENG/maintenance_done" yes)" "Invalid argument" \
	"maintenance_done takes only 1"
is "$(write_err "$ENG/model" x)" "Permission denied" "model is read-only"
is "$(write_err "$ENG/page_count" 0)" "Permission denied" \
	"page_count is read-only"

# Toner: threshold and hysteresis.
sim toner_level 15
is "$(attr toner_state)" ok "toner 15% with threshold 10: ok"
sim toner_level 10
is "$(attr toner_state)" low "toner 10%: low"
sim toner_level 14
is "$(attr toner_state)" low "toner 14%: still low (hysteresis 5)"
sim toner_level 16
is "$(attr toner_state)" ok "toner 16%: ok again"
echo 20 >"$ENG/toner_low_threshold"
is "$(attr toner_low_threshold)" 20 "toner_low_threshold accepts 20"
is "$(attr toner_state)" low "raising the threshold to 20 makes 16% low"
echo 10 >"$ENG/toner_low_threshold"
sim toner_level 0
is "$(attr toner_state)" empty "toner 0%: empty"
sim toner_level unknown
is "$(attr toner_level)" unknown "toner_level unknown without a level sensor"
is "$(attr toner_state)" ok "no level, no switch: ok"
sim toner_low 1
is "$(attr toner_state)" low "toner-low switch: low"
sim toner_empty 1
is "$(attr toner_state)" empty "toner-empty switch: empty"
sim toner_missing 1
is "$(attr toner_state)" missing "no cartridge: missing"
is "$(attr reasons)" marker-supply-missing-error "reasons: marker-supply-missing-error"
sim toner_missing 0
sim toner_empty 0
sim toner_low 0
sim toner_level 80

# Paper.
for st in low empty missing ok; do
	sim tray "2=$st"
	is "$(attr tray2_state)" "$st" "tray 2 $st"
done
is "$(attr tray1_state)" ok "tray 1 unaffected"

# Faults.
sim jam 1
sim fuser_error 1
is "$(attr faults)" "jam,fuser-error" "faults: jam,fuser-error"
sim door_open 1
is "$(attr faults)" "jam,door-open,fuser-error" "faults: all three"
is "$(attr reasons)" "media-jam-error,door-open-error,fuser-over-temp-error" \
	"reasons: the three fault keywords"
sim jam 0
sim door_open 0
sim fuser_error 0
is "$(attr faults)" none "faults cleared"

# Pages, drum and maintenance.
sim pages 4999
is "$(attr page_count)" 4999 "4999 pulses: page_count 4999"
is "$(attr maintenance_due)" 0 "maintenance not yet due"
sim pages 1
is "$(attr maintenance_due)" 1 "maintenance due at the 5000-page interval"
is "$(attr maintenance_pages)" 5000 "maintenance_pages 5000"
is "$(attr drum_life)" 75 "drum_life 75 after 5000 of 20000 pages"
sim pages 13001
is "$(attr drum_life)" 10 "drum_life 10 (rounded up) after 18001 pages"
is "$(attr drum_state)" near-end "drum near-end at the threshold"
# Drum hysteresis: near-end holds until life rises above 10 + 5.
echo 20500 >"$ENG/drum_rated_pages"
is "$(attr drum_life)" 13 "rated 20500: drum_life 13"
is "$(attr drum_state)" near-end "drum_life 13: still near-end (hysteresis 5)"
echo 21500 >"$ENG/drum_rated_pages"
is "$(attr drum_life)" 17 "rated 21500: drum_life 17"
is "$(attr drum_state)" ok "drum_life 17: ok again"
echo 20500 >"$ENG/drum_rated_pages"
is "$(attr drum_state)" ok "drum_life 13 from above: ok (hysteresis)"
echo 20000 >"$ENG/drum_rated_pages"
is "$(attr drum_state)" near-end "drum_life 10: near-end again"
sim pages 1999
is "$(attr drum_life)" 0 "drum_life 0 at the rated life"
is "$(attr drum_state)" end "drum end"
echo 1 >"$ENG/drum_reset"
is "$(attr drum_pages)" 0 "drum_reset: drum_pages 0"
is "$(attr drum_life)" 100 "drum_reset: drum_life 100"
is "$(attr drum_state)" ok "drum_reset: drum ok"
echo 1 >"$ENG/maintenance_done"
is "$(attr maintenance_due)" 0 "maintenance_done clears maintenance_due"
is "$(attr page_count)" 20000 "page_count survives service actions"
echo 40000 >"$ENG/drum_rated_pages"
is "$(attr drum_rated_pages)" 40000 "drum_rated_pages accepts 40000"
echo 0 >"$ENG/maintenance_interval"
sim pages 6000
is "$(attr maintenance_due)" 0 "maintenance_interval 0 disables the reminder"

# The sim's own control interface rejects bad input.
is "$(write_err $SIMP/toner_level 101)" "Invalid argument" "sim toner_level 101 rejected"
is "$(write_err $SIMP/tray 3=ok)" "Invalid argument" "sim tray 3 of 2 rejected"
is "$(write_err $SIMP/tray 1=wet)" "Invalid argument" "sim tray state 'wet' rejected"
is "$(write_err $SIMP/jam 1:1)" "No such device" "sim engine 1 of 1 rejected"
is "$(cat $SIMP/tray)" "1=ok,2=ok" "sim tray reads back"

unload_sim
ok $? "faxeng_sim and faxeng unload"
[ ! -e /sys/class/faxeng ]
ok $? "the faxeng class is gone"

# Several engines.
load_sim engines=3 trays=4 model=FX-9 serial=AB
is "$(cat $SIMP/devices)" "faxeng0 faxeng1 faxeng2" "three sim engines"
is "$(attr serial 2)" AB0002 "engine 2 serial AB0002"
is "$(attr trays 1)" 4 "engine 1 has 4 trays"
sim tray 2:4=empty
is "$(attr tray4_state 2)" empty "engine 2 tray 4 empty"
is "$(attr tray4_state 0)" ok "engine 0 tray 4 still ok"
unload_sim
ok $? "three engines unload"

done_testing
