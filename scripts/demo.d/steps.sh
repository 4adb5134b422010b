# shellcheck shell=bash
# The walk through faxcare, one function per hop, shared by scripts/demo
# (which prints each with its timing) and tests/e2e/*.t (which assert after
# each). Source after services.sh, center.sh, vm.sh and terminal.sh, inside
# in_services, with WORK set to a scratch directory; wait_for comes from
# tests/lib/tap.sh.
#
# Each s_* function does one hop, prints what a person watching would want
# to see, and returns non-zero when the hop did not happen. What later hops
# need is left in variables (CENTER_URL, ...).
# SPDX-License-Identifier: ISC

# pending_confirmations: our terminal's unconfirmed claims of the manager.
pending_confirmations() {
	sql "SELECT COUNT(*) FROM manager_confirmations c
		JOIN terminals t ON t.id = c.terminal_id JOIN managers m ON m.id = c.manager_id
		WHERE t.terminal_uid = '$TERMINAL_ID' AND m.email = '$MANAGER_ADDRESS'
		AND c.confirmed_at IS NULL AND c.superseded_at IS NULL"
}
# outbox_for_manager: mail the center owes the manager (any state).
outbox_for_manager() {
	sql "SELECT COUNT(*) FROM outbox WHERE recipient = '$MANAGER_ADDRESS'"
}

# The uevent lines worth showing (udevadm monitor --property prints ~25).
UEVENT_KEYS='^(UDEV +\[|ACTION=|FAXENG_(NAME|MODEL|SERIAL|CONDITION|ACTIVE|REASON|SEVERITY|ALERT_CODE|KIND|TONER_LEVEL|TONER_STATE|FAULTS|REASONS|SEQNUM)=)'

# show_uevents: the guest's new faxeng uevents, trimmed to UEVENT_KEYS.
show_uevents() {
	echo "udevadm monitor --udev --property --subsystem-match=faxeng, in the VM:"
	vm_cmd uevents | grep -E "$UEVENT_KEYS" |
		awk '/^UDEV/ && n++ { print "" } { print "  " $0 }'
}

# open_notice KEYWORD: the open notice's summary for our terminal.
open_notice() {
	sql "SELECT n.summary FROM notices n JOIN terminals t ON t.id = n.terminal_id
		WHERE t.terminal_uid = '$TERMINAL_ID' AND n.condition_kw = '$1'
		AND n.closed_at IS NULL"
}
has_open_notice() { [ -n "$(open_notice "$1")" ]; }
no_open_notice() { [ -z "$(open_notice "$1")" ]; }

# last_delivery TYPE: Postfix's line for the last TYPE report it delivered
# to faxcenter-ingestd (the ingester's 250 and verdict are on it).
last_delivery() {
	grep -E "status=sent .*250 2\.0\.0 stored $1 report" "$FAXCARE_POSTFIX_LOG" |
		tail -n 1 | sed 's/^.*: to=/postfix: to=/'
}

# explain_reports: where a report may be stuck, from the sensor to the center.
explain_reports() {
	echo "--- faxcared's log and spool, in the VM:"
	vm_cmd -t 10 'tail -n 15 /var/log/faxcared.log; faxengctl spool'
	echo "--- Postfix's log:"
	tail -n 8 "$FAXCARE_POSTFIX_LOG"
	echo "--- the center's reports from $TERMINAL_ID:"
	sql "SELECT r.* FROM reports r JOIN terminals t ON t.id = r.terminal_id
		WHERE t.terminal_uid = '$TERMINAL_ID'" | cut -c1-160
	echo "--- its notices:"
	sql "SELECT n.* FROM notices n JOIN terminals t ON t.id = n.terminal_id
		WHERE t.terminal_uid = '$TERMINAL_ID'"
}

# s_preflight: what the walk runs is built, and the modules fit the VM's
# kernel (a host with its own kernel headers gets modules for that kernel
# from `make`: they are rebuilt against the headers the VM boots).
s_preflight() {
	local f missing=0 want=$FAXCARE_KVER-amd64 have
	for f in kmod/faxeng.ko kmod/faxeng_sim.ko proto/build/faxcare-keygen \
		daemon/build/faxcared daemon/build/faxengctl center/build/faxcenter.so \
		center/build/faxcenter-migrate center/build/faxcenter-ingestd \
		center/build/faxcenter-outbox center/build/faxcenter-staff; do
		[ -e "$FAXCARE_TOP/$f" ] || { echo "missing $f: run make"; missing=1; }
	done
	((missing == 0)) || return 1
	have=$(modinfo -F vermagic "$FAXCARE_TOP/kmod/faxeng.ko" | cut -d' ' -f1)
	if [ "$have" != "$want" ]; then
		echo "kmod/*.ko are built for $have; rebuilding them for the VM's $want"
		make -C "$FAXCARE_TOP" modules KDIR="$(kernel_headers_dir)" \
			>"$WORK/modules.log" 2>&1 || { tail -n 20 "$WORK/modules.log"; return 1; }
	fi
	echo "built: modules for $want, faxcared, faxengctl, the center's app and tools"
	echo "the VM boots $(kernel_image_dir amd64)/boot/vmlinux-$want"
}

s_services() {
	[ -z "${DEMO_T0:-}" ] ||
		echo "started by scripts/with-mariadb and scripts/with-postfix in $(awk -v a="$DEMO_T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
	echo "MariaDB  $(mariadb-admin --no-defaults --host="$FAXCARE_DB_HOST" \
		--port="$FAXCARE_DB_PORT" --user="$FAXCARE_DB_USER" ping 2>&1) on 127.0.0.1:$FAXCARE_DB_PORT (database $FAXCARE_DB_NAME)"
	echo "Postfix  $("$FAXCARE_POSTFIX_CTL" status) on 127.0.0.1:$FAXCARE_SMTP_PORT, log $FAXCARE_POSTFIX_LOG"
	echo "         $CENTER_ADDRESS -> faxcenter-ingestd (LMTP), log $FAXCARE_INGESTD_LOG"
	echo "         $MANAGER_ADDRESS -> $FAXCARE_MAIL_DIR/${MANAGER_ADDRESS%@*}/new/"
	mariadb-admin --no-defaults --host="$FAXCARE_DB_HOST" --port="$FAXCARE_DB_PORT" \
		--user="$FAXCARE_DB_USER" ping >/dev/null 2>&1 &&
		"$FAXCARE_POSTFIX_CTL" status >/dev/null
}

s_center() {
	center_up "$WORK" || return 1
	echo "faxcenter-migrate: schema version $(sql 'SELECT MAX(version) FROM schema_migrations' 2>/dev/null || echo '?')"
	echo "Kore app (pid $CENTER_PID) on $CENTER_URL, log $WORK/kore.log"
	echo "GET $CENTER_URL/healthz -> $(curl -s "$CENTER_URL/healthz" | head -c 200)"
	center_seed || return 1
	echo "catalogue for FX-SIM 100: $(sql "SELECT GROUP_CONCAT(DISTINCT sku) FROM consumables")," \
		"$(sql 'SELECT COUNT(*) FROM technician_slots') technician slots," \
		"staff account '$STAFF_USER' (desk)"
	outbox_up "$WORK"
	echo "faxcenter-outbox (pid $OUTBOX_PID) mails the manager, log $WORK/outbox.log"
}

s_terminal_boot() {
	local t0=$SECONDS
	echo "Debian's kernel $FAXCARE_KVER under QEMU (TCG), with faxeng, faxeng_sim,"
	echo "systemd-udevd and faxcared; console log $WORK/vm-artifacts/ if it fails"
	terminal_boot "$WORK" || return 1
	vm_wait_ready "${VM_BOOT_SECS:-240}" || {
		echo "the VM did not call back; its output:"
		cat "$WORK/vm.tap" "$WORK/vm.err"
		return 1
	}
	sed 's/^/guest: /' "$WORK/vm.tap"
	echo "booted and called back in $((SECONDS - t0)) s"
}

s_engine_appears() {
	show_uevents
	vm_cmd 'cat /sys/class/faxeng/faxeng0/model /sys/class/faxeng/faxeng0/serial' |
		paste -sd' ' | sed 's/^/sysfs model, serial: /'
}

s_daemon_runs() {
	vm_cmd 'wait_for 10 faxcared pidof faxcared >/dev/null' || {
		echo "faxcared is not running in the VM"
		return 1
	}
	echo "udev's rule started faxcared (pid $(vm_cmd 'pidof faxcared'))"
	echo "faxengctl status, in the VM:"
	vm_cmd faxengctl status | sed 's/^/  /'
}

s_registration() {
	echo "faxcared e-mails its registration to $CENTER_ADDRESS through"
	echo "Postfix, which delivers it over LMTP to faxcenter-ingestd"
	wait_for 60 "the center to register $TERMINAL_ID" registered || {
		echo "the center did not register $TERMINAL_ID"
		explain_reports
		return 1
	}
	last_delivery registration
	sql "SELECT CONCAT('center: terminal ', t.terminal_uid, ', model ', m.name)
		FROM terminals t JOIN models m ON m.id = t.model_id
		WHERE t.terminal_uid = '$TERMINAL_ID'"
	echo "center: $(pending_confirmations) confirmation(s) of $MANAGER_ADDRESS pending,"
	echo "        $(outbox_for_manager) message(s) for the manager in the outbox"
}
registered() {
	[ -n "$(sql "SELECT id FROM terminals WHERE terminal_uid = '$TERMINAL_ID'" 2>/dev/null)" ]
}

# s_sensor "WHAT" INPUT=VALUE...: set faxeng_sim inputs in the VM, show the
# uevents that follow.
s_sensor() {
	local what=$1 kv cmd=
	shift
	for kv in "$@"; do
		cmd+="${cmd:+; }sim ${kv%%=*} ${kv#*=}"
	done
	echo "$what, in the VM: $cmd"
	vm_cmd "$cmd; events_settle" || return 1
	show_uevents
}

# s_notice_opens KEYWORD: the center opened a notice for it.
s_notice_opens() {
	wait_for 60 "an open $1 notice" has_open_notice "$1" || {
		echo "no open $1 notice at the center"
		explain_reports
		return 1
	}
	last_delivery status
	echo "center: open notice '$1': $(open_notice "$1")"
}

# s_notice_closes KEYWORD: the completion report closed it.
s_notice_closes() {
	wait_for 60 "the $1 notice to close" no_open_notice "$1" || {
		echo "the $1 notice is still open"
		explain_reports
		return 1
	}
	last_delivery completion
	echo "center: the $1 notice is closed ($(sql "SELECT COUNT(*) FROM reports r
		JOIN terminals t ON t.id = r.terminal_id
		WHERE t.terminal_uid = '$TERMINAL_ID'") reports from $TERMINAL_ID so far)"
	# What belonged to the notice is closed with it.
	sql "SELECT CONCAT('center: order ', o.id, ' ', o.state) FROM orders o
		JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = '$1'
		UNION ALL
		SELECT CONCAT('center: visit ', v.id, ' ', v.state) FROM visits v
		JOIN notices n ON n.id = v.notice_id WHERE n.condition_kw = '$1'"
}

# s_technician: what a technician at the terminal sees with faxengctl.
s_technician() {
	echo "faxengctl status, in the VM:"
	vm_cmd faxengctl status | sed 's/^/  /'
}

s_terminal_stop() {
	vm_stop || return 1
	echo "the VM powered off; its checks:"
	sed 's/^/guest: /' "$WORK/vm.tap"
}
