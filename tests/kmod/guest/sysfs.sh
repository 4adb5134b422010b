#!/bin/sh
# usage: sysfs.sh (in the test VM): faxeng's sysfs files, read and written
# SPDX-License-Identifier: ISC
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
# Every file is documented in the ABI file (trayT_state as one entry),
# with the mode it has.
CLASS_DOC=/faxcare/sysfs-class-faxeng
SIM_DOC=/faxcare/sysfs-module-faxeng_sim
undocumented=
for f in "$ENG"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f" | sed 's/^tray[0-9]*_state$/trayT_state/')
	grep -q "^What:.*/faxengN/$name\$" "$CLASS_DOC" ||
		undocumented="$undocumented $name"
done
is "$undocumented" "" "every sysfs file is in docs/ABI/testing/sysfs-class-faxeng"
# ... and every documented file exists.
missing=
for name in $(sed -n 's|^What:.*/faxengN/\(.\+\)$|\1|p' "$CLASS_DOC"); do
	# A supply's files: tests/kmod/guest/supplies.sh.
	case $name in supplyS/*) continue ;; esac
	[ -f "$ENG/$(echo "$name" | sed 's/^trayT_state$/tray1_state/')" ] ||
		missing="$missing $name"
done
is "$missing" "" "every file of docs/ABI/testing/sysfs-class-faxeng exists"
for f in "$ENG"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f" | sed 's/^tray[0-9]*_state$/trayT_state/')
	is "0$(stat -c %a "$f")" "$(abi_mode "$CLASS_DOC" "$name")" \
		"$(basename "$f") has the mode its ABI entry gives"
done
[ ! -e "$ENG/tray3_state" ]
ok $? "no tray3_state for a two-tray engine"
like "$(ls -l $ENG/drum_reset)" '^--w-------' "drum_reset is write-only, root"
like "$(ls -l $ENG/toner_low_threshold)" '^-rw-r--r--' \
	"toner_low_threshold is rw for root, readable by all"
is "$(cat "$ENG/drum_reset" 2>&1 | sed 's/.*: //')" "Permission denied" \
	"drum_reset cannot be read, even by root (EACCES)"
is "$(cat "$ENG/maintenance_done" 2>&1 | sed 's/.*: //')" \
	"Permission denied" "maintenance_done cannot be read (EACCES)"
is "$(write_err "$ENG/uevent" bogus)" "Invalid argument" \
	"uevent: an unknown action is EINVAL"
# What the modes mean for anyone but root.
as_nobody() {
	su -s /bin/sh nobody -c "$1" 2>&1 | sed 's/.*: //'
}
is "$(as_nobody "echo 20 >$ENG/toner_low_threshold")" "Permission denied" \
	"nobody cannot write toner_low_threshold (EACCES)"
is "$(as_nobody "cat $ENG/toner_low_threshold")" 10 \
	"nobody reads toner_low_threshold"
is "$(as_nobody "echo 1 >$ENG/drum_reset")" "Permission denied" \
	"nobody cannot write drum_reset (EACCES)"
is "$(as_nobody "cat $ENG/serial")" SIM0000 "nobody reads serial"
is "$(as_nobody "echo 1 >$SIMP/jam")" "Permission denied" \
	"nobody cannot write a sim input (EACCES)"
is "$(as_nobody "cat $SIMP/jam")" 0 "nobody reads a sim input"

# The number rule of the ABI document, on every writable knob: kstrtou32
# in base 10 ('+' and one trailing newline allowed), else EINVAL; outside
# the documented range (u32 overflow included): ERANGE.
partner() {
	case $1 in
	toner_low_threshold) echo "toner_hysteresis 0" ;;
	toner_hysteresis) echo "toner_low_threshold 1" ;;
	drum_near_end_threshold) echo "drum_hysteresis 0" ;;
	drum_hysteresis) echo "drum_near_end_threshold 1" ;;
	esac
}
knobs=
for f in "$ENG"/*; do
	name=$(basename "$f")
	[ "$name" != uevent ] && [ "$(abi_mode "$CLASS_DOC" "$name")" = 0644 ] &&
		knobs="$knobs $name"
done
is "$knobs" " drum_hysteresis drum_near_end_threshold drum_rated_pages maintenance_interval toner_hysteresis toner_low_threshold" \
	"the ABI document's writable knobs"
bad_num() { # FILE BYTES ERRNO-MESSAGE DESCRIPTION
	_before=$(attr "$1")
	is "$(write_bytes_err "$ENG/$1" "$2")" "$3" "$1: $4 fails: $3"
	is "$(attr "$1")" "$_before" "$1 unchanged after $4"
}
good_num() { # FILE BYTES VALUE DESCRIPTION
	is "$(write_bytes_err "$ENG/$1" "$2")" "" "$1: $4 is accepted"
	is "$(attr "$1")" "$3" "$1 reads $3 after $4"
}
for k in $knobs; do
	range=$(abi_entry "$CLASS_DOC" "$k" |
		sed -n 's/.*Range \([0-9]*\)\.\.\([0-9]*\), default \([0-9]*\).*/\1 \2 \3/p')
	set -- $range
	[ $# = 3 ]
	ok $? "$k: the ABI document gives its range and default ($range)"
	[ $# = 3 ] || continue
	min=$1 max=$2 def=$3
	is "$(attr "$k")" "$def" "$k reads its documented default $def"
	p=$(partner "$k")
	[ -z "$p" ] || echo "${p#* }" >"$ENG/${p% *}"
	good_num "$k" "+$max\n" "$max" "'+$max' (a leading +)"
	good_num "$k" "$min" "$min" "'$min' without a newline"
	good_num "$k" "0$def\n" "$def" "'0$def' (a leading zero)"
	good_num "$k" "$max\n" "$max" "'$max' and a newline"
	good_num "$k" "$def\n" "$def" "'$def' and a newline"
	bad_num "$k" "-1\n" "Invalid argument" "'-1' (not a number)"
	bad_num "$k" "-0\n" "Invalid argument" "'-0' (not a number)"
	bad_num "$k" "abc\n" "Invalid argument" "'abc'"
	bad_num "$k" "5abc\n" "Invalid argument" "'5abc'"
	bad_num "$k" "\n" "Invalid argument" "an empty line"
	bad_num "$k" " 5\n" "Invalid argument" "' 5'"
	bad_num "$k" "5 \n" "Invalid argument" "'5 '"
	bad_num "$k" "0x5\n" "Invalid argument" "'0x5'"
	bad_num "$k" "5\n\n" "Invalid argument" "'5' and two newlines"
	bad_num "$k" "4294967296\n" "Numerical result out of range" \
		"4294967296 (too large for 32 bits)"
	bad_num "$k" "99999999999999999999999\n" \
		"Numerical result out of range" "a 23-digit number"
	bad_num "$k" "$((max + 1))\n" "Numerical result out of range" \
		"$((max + 1)) (above the range)"
	[ "$min" = 0 ] ||
		bad_num "$k" "$((min - 1))\n" "Numerical result out of range" \
			"$((min - 1)) (below the range)"
	_before=$(attr "$k")
	is "$(write_bytes_err "$ENG/$k" "")" "" "$k: opened, written nothing: no error"
	is "$(attr "$k")" "$_before" "$k unchanged when written nothing"
	[ -z "$p" ] || echo "$(abi_entry "$CLASS_DOC" "${p% *}" |
		sed -n 's/.*Range [0-9.]*, default \([0-9]*\).*/\1/p')" \
		>"$ENG/${p% *}"
done
for pair in toner_low_threshold=10 toner_hysteresis=5 \
	drum_near_end_threshold=10 drum_hysteresis=5 drum_rated_pages=20000 \
	maintenance_interval=5000; do
	is "$(attr "${pair%%=*}")" "${pair#*=}" "${pair%%=*} back to ${pair#*=}"
done

# The service actions take the number 1, by the same rule, else EINVAL.
sim pages 7
for a in drum_reset maintenance_done; do
	case $a in
	drum_reset) count=drum_pages ;;
	*) count=maintenance_pages ;;
	esac
	_before=$(attr $count)
	for v in 0 2 -1 abc 1abc "" " 1" 4294967297 99999999999999999999999; do
		is "$(write_err "$ENG/$a" "$v")" "Invalid argument" \
			"$a: '$v' fails: Invalid argument"
	done
	is "$(attr $count)" "$_before" "$count untouched by the refused writes to $a"
	for v in "1\n" "+1\n" "01\n" "1"; do
		sim pages 1
		is "$(write_bytes_err "$ENG/$a" "$v")" "" "$a: '$v' is accepted"
		is "$(attr $count)" 0 "$a '$v': $count back to 0"
	done
done
is "$(attr page_count)" 15 "page_count counts on through the actions"

# A file held open while its engine goes away: ENODEV, read and write.
exec 3>"$ENG/toner_low_threshold" 4<"$ENG/seqnum"
unload_sim
ok $? "faxeng_sim and faxeng unload with files held open"
is "$( (echo 20 >&3) 2>&1 | sed 's/.*: //')" "No such device" \
	"a write to a removed engine's file: ENODEV"
is "$(cat <&4 2>&1 | sed 's/.*: //')" "No such device" \
	"a read of a removed engine's file: ENODEV"
exec 3>&- 4<&-
load_sim
ok $? "faxeng and faxeng_sim load again"

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
# docs/ABI/testing/sysfs-module-faxeng_sim: every parameter, its mode, and
# the errors of a run-time write.
undocumented= wrongmode=
for f in "$SIMP"/*; do
	name=$(basename "$f")
	mode=$(abi_mode "$SIM_DOC" "$name")
	[ -n "$mode" ] || undocumented="$undocumented $name"
	[ "0$(stat -c %a "$f")" = "$mode" ] || wrongmode="$wrongmode $name"
done
is "$undocumented" "" "every faxeng_sim parameter is in sysfs-module-faxeng_sim"
is "$wrongmode" "" "every faxeng_sim parameter has the mode its entry gives"
missing=
for name in $(sed -n 's|^What:.*/parameters/\(.\+\)$|\1|p' "$SIM_DOC"); do
	[ -f "$SIMP/$name" ] || missing="$missing $name"
done
is "$missing" "" "every parameter of sysfs-module-faxeng_sim exists"
for v in 1:1 4:1 4294967296:1; do
	is "$(write_err $SIMP/jam "$v")" "No such device" \
		"sim jam '$v' (no engine ${v%%:*} of 1): ENODEV"
done
for v in x:1 -1:1 :1 " 1 :1" 0:2 0: 0:-1 2 "0:+1x" \
	"0:1$(printf '%031d' 0)"; do
	is "$(write_err $SIMP/jam "$v")" "Invalid argument" \
		"sim jam '$v': EINVAL"
done
is "$(cat $SIMP/jam)" 0 "sim jam unchanged by the refused writes"
is "$(write_err $SIMP/jam " 0:+1 ")" "" "sim jam ' 0:+1 ' is accepted"
is "$(attr faults)" jam "... and raises the jam"
sim jam 0
is "$(write_err $SIMP/tray 1:1=low)" "No such device" "sim tray '1:1=low': ENODEV"
is "$(write_err $SIMP/toner_level 7:unknown)" "No such device" \
	"sim toner_level '7:unknown': ENODEV"
is "$(write_err $SIMP/pages 0)" "Invalid argument" "sim pages 0: EINVAL"
is "$(write_err $SIMP/pages 1000001)" "Invalid argument" "sim pages 1000001: EINVAL"
is "$(write_err $SIMP/flap 100001)" "Invalid argument" "sim flap 100001: EINVAL"
is "$(write_err $SIMP/page_rate 100001)" "Invalid argument" \
	"sim page_rate 100001: EINVAL"
is "$(write_err $SIMP/engines 2)" "Permission denied" "sim engines is read-only"

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

# Load-time parameters out of range are refused with a line in the kernel
# log, not changed (docs/ABI/testing/sysfs-module-faxeng_sim).
S59=$(printf 'S%.0s' $(seq 59))
S61=$(printf 'S%.0s' $(seq 61))
M63=$(printf 'M%.0s' $(seq 63))
refused() { # ERRNO-MESSAGE LOG-TEXT PARAM=VALUE...
	_msg=$1 _log=$2
	shift 2
	dmesg -c >/dev/null
	_out=$(insmod "$KMOD/faxeng_sim.ko" "$@" 2>&1)
	_rc=$?
	_args=$(echo "$*" | cut -c1-40)
	[ $_rc != 0 ] && ! grep -q '^faxeng_sim ' /proc/modules
	ok $? "faxeng_sim $_args: the load is refused"
	like "$_out" "$_msg\$" "faxeng_sim $_args: insmod says $_msg"
	like "$(dmesg)" "faxeng_sim: $_log" "faxeng_sim $_args: the log says '$_log'"
	is "$(ls /sys/class/faxeng)" "" "faxeng_sim $_args: no engine is left"
	# Loaded all the same: unload, so that the next case stands alone.
	! grep -q '^faxeng_sim ' /proc/modules || rmmod faxeng_sim
}
insmod "$KMOD/faxeng.ko"
ok $? "faxeng loads alone"
refused "Invalid argument" \
	"serial prefix is 61 characters long: at most 59, as 4 digits of engine index follow it" \
	engines=2 "serial=$S61"
refused "Invalid argument" "model is 64 characters long: at most 63" \
	"model=${M63}M"
refused "Invalid argument" "engines=0: must be 1..4" engines=0
refused "Invalid argument" "engines=5: must be 1..4" engines=5
refused "Invalid argument" "trays=0: must be 1..8" trays=0
refused "Invalid argument" "trays=9: must be 1..8" trays=9
refused "Invalid argument" "rated_pages=0: must be 1..10000000" rated_pages=0
refused "Invalid argument" "rated_pages=10000001: must be 1..10000000" \
	rated_pages=10000001
refused "Invalid argument" \
	"maintenance_interval=10000001: must be 0..10000000" \
	maintenance_interval=10000001
refused "No such device" \
	"jam is a run-time input: write it once the module is loaded" jam=1
refused "No such device" \
	"toner_level is a run-time input: write it once the module is loaded" \
	toner_level=5

# The longest prefix and model that fit: each engine keeps its index.
insmod "$KMOD/faxeng_sim.ko" engines=2 "serial=$S59" "model=$M63" \
	rated_pages=10000000 maintenance_interval=0
ok $? "faxeng_sim loads with a 59-character serial prefix, 63-character model"
is "$(attr serial 0)" "${S59}0000" "engine 0's serial is the prefix and 0000"
is "$(attr serial 1)" "${S59}0001" "engine 1's serial is the prefix and 0001"
is "$(attr model 1)" "$M63" "the 63-character model is whole"
is "$(cat $SIMP/serial)" "$S59" "the serial parameter reads the prefix"
is "$(attr drum_rated_pages)" 10000000 "rated_pages=10000000 is the engine's"
is "$(attr maintenance_interval)" 0 "maintenance_interval=0: no reminder"
sim pages 1000000
is "$(attr maintenance_due)" 0 "maintenance_interval=0: never due"
unload_sim
ok $? "faxeng_sim and faxeng unload"
load_sim serial=
ok $? "faxeng_sim loads with an empty serial prefix"
is "$(attr serial)" 0000 "an empty prefix: serial 0000"
unload_sim

done_testing
