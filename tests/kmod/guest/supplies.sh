#!/bin/sh
# usage: supplies.sh (in the test VM; NLC is the nlclient path): a colour
# engine's supplies as a technician and the daemon see them: supplyS/ in
# sysfs, the supply a uevent and a netlink event name, unknown kept apart
# from empty, the waste bottle filling up, refused writes; then a mono one
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

export ASAN_OPTIONS=detect_leaks=0
nlc() { "$NLC" "$@" 2>&1; }
field() { printf '%s\n' "$1" | sed -n "s/^$2=//p" | head -1; }
sup() { attr "supply$1/$2"; }
CLASS_DOC=/faxcare/sysfs-class-faxeng

load_sim colour=1
ok $? "faxeng and faxeng_sim (colour) load"

# Every supply, as the supplies page of a colour MFP lists them.
want="1 toner black consumed 100 ok
2 toner cyan consumed 100 ok
3 toner magenta consumed 100 ok
4 toner yellow consumed 100 ok
5 waste-toner none filled 0 ok
6 opc none consumed 100 ok
7 fuser none consumed 100 ok
8 transfer-unit none consumed 100 ok
9 maintenance-kit none consumed 100 ok"
got=$(for d in "$ENG"/supply*; do
	s=${d##*supply}
	echo "$s $(sup "$s" type) $(sup "$s" colour) $(sup "$s" class) $(sup "$s" level) $(sup "$s" state)"
done | sort -n)
is "$got" "$want" "sysfs: the nine supplies of a colour engine, each with type, colour, class, level, state"
[ ! -e "$ENG/supply10" ]
ok $? "no supply10"
is "$(attr toner_level) $(attr toner_state)" "100 ok" \
	"toner_level and toner_state are the black toner's"
[ -e "$ENG/supply6/pages" ] && [ -e "$ENG/supply6/rated_pages" ] &&
	[ ! -e "$ENG/supply1/pages" ] && [ ! -e "$ENG/supply1/rated_pages" ]
ok $? "pages and rated_pages for a drum, not for a toner"
[ -e "$ENG/supply5/near_full_threshold" ] &&
	[ ! -e "$ENG/supply5/low_threshold" ] &&
	[ -e "$ENG/supply2/low_threshold" ] &&
	[ ! -e "$ENG/supply2/full_threshold" ]
ok $? "the waste bottle has near-full/full thresholds, a toner low/empty"
is "$(sup 5 near_full_threshold) $(sup 5 full_threshold) $(sup 2 low_threshold) $(sup 2 empty_threshold)" \
	"90 100 10 0" "the thresholds' defaults"
is "$(sup 6 rated_pages) $(sup 7 rated_pages)" "20000 100000" \
	"the drum's and the fuser's rated life"

# Each file of a supply is documented, with its mode.
undocumented= wrongmode=
for f in "$ENG"/supply*/*; do
	name=$(basename "$f")
	grep -q "^What:.*/faxengN/supplyS/$name\$" "$CLASS_DOC" ||
		undocumented="$undocumented $name"
	mode=$(abi_mode "$CLASS_DOC" "$name")
	[ "0$(stat -c %a "$f")" = "$mode" ] || wrongmode="$wrongmode $f"
done
is "$undocumented" "" "every supplyS file is in docs/ABI/testing/sysfs-class-faxeng"
is "$wrongmode" "" "every supplyS file has the mode its entry gives"

# Cyan runs low: a uevent and a netlink event that name the cyan toner.
kmon=/tmp/kernel.log
udevadm monitor --kernel --property --subsystem-match=faxeng >"$kmon" &
kmon_pid=$!
wait_for 5 "the kernel uevent monitor to start" grep -q '^KERNEL - ' "$kmon" ||
	bail "kernel monitor did not start"
"$NLC" monitor 100 60 >/tmp/events 2>&1 &
nlmon=$!
wait_for 5 "the netlink subscriber to subscribe" grep -q subscribed /tmp/events ||
	bail "nlclient did not subscribe"
step supply_level 2=9
is "$(sup 2 level) $(sup 2 state) $(sup 2 reasons)" "9 low toner-low-warning" \
	"cyan at 9%: low, toner-low"
is "$(attr toner_state) $(sup 1 state)" "ok ok" "the black toner stays ok"
wait_for 5 "the cyan uevent" event_with "$kmon" FAXENG_SUPPLY=2 \
	FAXENG_CONDITION=TONER_LOW FAXENG_ACTIVE=1
event_with "$kmon" ACTION=change FAXENG_SUPPLY=2 FAXENG_SUPPLY_TYPE=toner \
	FAXENG_SUPPLY_COLOUR=cyan FAXENG_SUPPLY_CLASS=consumed \
	FAXENG_SUPPLY_LEVEL=9 FAXENG_SUPPLY_STATE=low \
	FAXENG_CHANGED=supply2/state FAXENG_CONDITION=TONER_LOW \
	FAXENG_REASON=toner-low FAXENG_ACTIVE=1 FAXENG_TONER_STATE=ok
ok $? "uevent: toner-low raised for supply 2, the cyan toner, at 9%"
seq=$(attr seqnum)
wait_for 5 "the cyan netlink event" grep -q "^event seqnum=$seq " /tmp/events
grep -q "^event seqnum=$seq reason=toner-low active=1 changed=supply2/state .* supply=2\$" /tmp/events
ok $? "netlink event: toner-low raised, naming supply 2"
out=$(nlc get 0)
is "$(field "$out" supply2_level) $(field "$out" supply2_state) $(field "$out" supply2_colour) $(field "$out" supply2_type)" \
	"9 1 2 1" "GET: supply 2 is a cyan (2) toner (1) at 9, low (1)"
is "$(field "$out" toner_state)" 0 "GET: toner_state (the black toner) ok"

# A sensor gone: unknown, not empty, and no condition.
step supply_level 2=100
seq=$(attr seqnum)
sim supply_level 3=unknown
is "$(sup 3 level) $(sup 3 state) $(sup 3 reasons)" "unknown unknown none" \
	"magenta's sensor gone: level and state unknown, no condition"
out=$(nlc get 0)
is "$(field "$out" supply3_level)" "" "GET: an unknown level is left out"
is "$(field "$out" supply3_state)" 8 "GET: state unknown (8)"
# Something that does raise an event shows none came before it.
step supply_level 4=0
is "$(attr seqnum)" "$((seq + 1))" "the magenta sensor going raised no event; yellow empty did"
is "$(sup 4 state) $(sup 4 reasons)" "empty toner-empty-error" \
	"yellow at 0: empty"

# The waste bottle fills up: near-full, then full.
step supply_level 5=90
is "$(sup 5 state) $(sup 5 reasons)" \
	"near-full marker-waste-almost-full-warning" \
	"waste toner at 90%: near-full"
sim supply_level 5=86
is "$(sup 5 state)" near-full "at 86%, within the hysteresis: still near-full"
step supply_level 5=100
is "$(sup 5 state) $(sup 5 reasons)" "full marker-waste-full-error" \
	"waste toner at 100%: full"
step supply_level 5=0
is "$(sup 5 state) $(sup 5 reasons)" "ok none" "a new bottle: ok"
for c in "WASTE_TONER_ALMOST_FULL 1 90 near-full" "WASTE_TONER_FULL 1 100 full" \
	"WASTE_TONER_ALMOST_FULL 0 100 full" "WASTE_TONER_FULL 0 0 ok"; do
	set -- $c
	wait_for 5 "the uevent $1 active=$2" event_with "$kmon" FAXENG_SUPPLY=5 \
		FAXENG_CONDITION="$1" FAXENG_ACTIVE="$2" FAXENG_SUPPLY_TYPE=waste-toner \
		FAXENG_SUPPLY_CLASS=filled FAXENG_SUPPLY_LEVEL="$3" \
		FAXENG_SUPPLY_STATE="$4"
	ok $? "uevent: waste toner $1 active=$2 at $3%"
done

# Units with a life: the drum (the one drum_* shows) and the fuser.
step pages 18000
is "$(sup 6 level) $(sup 6 state) $(attr drum_state)" "10 near-end near-end" \
	"18000 of 20000 pages: the drum near its end, drum_state too"
is "$(sup 7 level) $(sup 7 state) $(sup 7 pages)" "82 ok 18000" \
	"the fuser counts the same pages against its own life"
wait_for 5 "the drum uevent" event_with "$kmon" FAXENG_SUPPLY=6 \
	FAXENG_CONDITION=DRUM_NEAR_END FAXENG_ACTIVE=1 \
	FAXENG_CHANGED=drum_state FAXENG_SUPPLY_TYPE=opc FAXENG_SUPPLY_PAGES=18000
ok $? "uevent: opc-near-eol names supply 6 and keeps FAXENG_CHANGED=drum_state"
service_action supply6/reset
is "$(sup 6 pages) $(attr drum_pages) $(sup 6 state)" "0 0 ok" \
	"supply6/reset: a new drum, drum_pages too"
echo 20000 >"$ENG/supply7/rated_pages"
is "$(sup 7 level) $(sup 7 state)" "10 near-end" "the fuser rated for 20000: near its end"
wait_for 5 "the fuser netlink event" grep -q "reason=marker-supply-low active=1 changed=supply7/state .* supply=7\$" /tmp/events
ok $? "netlink: a fuser near its end is marker-supply-low, naming supply 7"

# One setting, two names: the black toner's and toner_*'s.
echo 30 >"$ENG/supply1/low_threshold"
is "$(attr toner_low_threshold)" 30 "supply1/low_threshold is toner_low_threshold"
echo 20 >"$ENG/toner_low_threshold"
is "$(sup 1 low_threshold)" 20 "and back"
echo 3000 >"$ENG/drum_rated_pages"
is "$(sup 6 rated_pages)" 3000 "drum_rated_pages is supply6/rated_pages"

# Refused writes: the errno says why, and nothing changes.
is "$(write_err "$ENG/supply2/low_threshold" 0)" "Numerical result out of range" \
	"low_threshold 0: ERANGE"
is "$(write_err "$ENG/supply2/low_threshold" abc)" "Invalid argument" \
	"low_threshold abc: EINVAL"
is "$(write_err "$ENG/supply2/empty_threshold" 20)" "Invalid argument" \
	"empty_threshold 20 above low_threshold 10: EINVAL"
is "$(write_err "$ENG/supply2/low_threshold" 95)" "Invalid argument" \
	"low_threshold 95 + hysteresis 5 reaches 100: EINVAL"
is "$(write_err "$ENG/supply5/full_threshold" 101)" "Numerical result out of range" \
	"full_threshold 101: ERANGE"
is "$(write_err "$ENG/supply5/near_full_threshold" 100)" "Numerical result out of range" \
	"near_full_threshold 100: ERANGE"
is "$(write_err "$ENG/supply5/full_threshold" 90)" "Invalid argument" \
	"full_threshold 90, not above near_full_threshold 90: EINVAL"
is "$(write_err "$ENG/supply6/reset" 2)" "Invalid argument" "reset 2: EINVAL"
is "$(sup 2 low_threshold) $(sup 2 empty_threshold) $(sup 5 full_threshold)" \
	"10 0 100" "the refused writes changed nothing"
is "$(write_err $SIMP/supply_level 10=5)" "Invalid argument" \
	"sim: no supply 10 (EINVAL)"
is "$(write_err $SIMP/supply_level 6=5)" "Invalid argument" \
	"sim: a drum's level is its pages' (EINVAL)"
is "$(write_err $SIMP/supply_level 2=101)" "Invalid argument" \
	"sim: level 101 (EINVAL)"

# The same settings over netlink: SET's FAXENG_A_SUPPLIES nest.
is "$(nlc set 0 supply2_low_threshold=25 supply5_near_full_threshold=80)" ok \
	"SET supply 2's low and supply 5's near-full thresholds"
is "$(sup 2 low_threshold) $(sup 5 near_full_threshold)" "25 80" "sysfs shows them"
is "$(nlc set 0 supply1_low_threshold=15)" ok "SET the black toner's low threshold"
is "$(attr toner_low_threshold)" 15 "which is toner_low_threshold"
is "$(nlc set 0 supply5_low_threshold=20)" \
	"error: EINVAL: a setting this supply does not have" \
	"SET a low threshold on the waste bottle: EINVAL"
is "$(nlc set 0 supply2_empty_threshold=30)" "error: EINVAL: thresholds out of order" \
	"SET empty above low: EINVAL"
like "$(nlc set 0 supply17_hysteresis=3)" "^error: ERANGE" "SET supply 17: ERANGE"
is "$(nlc set 0 supply10_hysteresis=3)" "error: ENODEV: no such supply" \
	"SET supply 10 of 9: ENODEV"
like "$(nlc set 0 supply5_full_threshold=101)" "^error: ERANGE" \
	"SET full_threshold 101: ERANGE"
like "$(nlc --user 65534 set 0 supply2_low_threshold=30)" "^error: EPERM" \
	"unprivileged SET: EPERM"
is "$(sup 2 low_threshold) $(sup 2 empty_threshold) $(sup 5 full_threshold)" \
	"25 0 100" "the refused SETs changed nothing"

kill "$kmon_pid" "$nlmon" 2>/dev/null
wait "$kmon_pid" "$nlmon" 2>/dev/null
# Each change uevent carries its FAXENG_* keys once.
dups=$(awk -F= '/^KERNEL\[/ { delete seen } /^FAXENG_/ { if (seen[$1]++) n++ }
	END { print n + 0 }' "$kmon")
is "$dups" 0 "no uevent carries a key twice"
unload_sim
ok $? "modules unload"

# Mono, today's engine: a black toner and a drum, as toner_* and drum_*.
load_sim
ok $? "faxeng and faxeng_sim (mono) load"
is "$(ls -d "$ENG"/supply* | xargs -n1 basename | tr '\n' ' ')" \
	"supply1 supply2 " "a mono engine has two supplies"
is "$(sup 1 type) $(sup 1 colour) $(sup 2 type)" "toner black opc" \
	"supply1 the black toner, supply2 the drum"
step toner_level 5
is "$(sup 1 level) $(sup 1 state) $(attr toner_state)" "5 low low" \
	"toner_level 5: supply1 low, toner_state low"
unload_sim
ok $? "modules unload"
done_testing
