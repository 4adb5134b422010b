#!/usr/bin/env bash
# usage: tests/e2e/walk.t   (prove runs it; needs `make` built)
# The whole system, hop by hop, as scripts/demo walks it, with assertions at
# every hop: MariaDB, Postfix and the center on loopback; the terminal VM
# (faxeng_sim, systemd-udevd, faxcared started by udev) registers and the
# manager confirms by the mailed link; a toner shortage travels from the
# sensor through udev, faxcared, Postfix and faxcenter-ingestd (LMTP) to a notice and an
# e-mail in the manager's Maildir, whose URL opens the homepage where the
# manager orders; the desk sets the delivery date; the refill's completion
# report takes the notice off the page. A door-open fault does the same
# with a visit booked in headless Chromium, which also checks what the
# manager sees at each stage.
# SPDX-License-Identifier: ISC
set -uo pipefail
E2E_PARTS="steps manager" . "$(dirname "$0")/lib.sh" "$@"

# hop DESCRIPTION FN [ARGS]: one s_* step as a test; its output stays in
# $out for the checks after it, and is shown when the hop failed.
out=
hop() {
	local desc=$1 rc
	shift
	"$@" >"$WORK/hop.out" 2>&1
	rc=$?
	ok "$rc" "$desc"
	out=$(cat "$WORK/hop.out")
	((rc == 0)) || diag "$out"
}
unlike() { ! printf '%s\n' "$1" | grep -E -- "$2" >/dev/null; ok $? "$3"; }
# A hop that failed leaves nothing for the rest to stand on.
must() { [ "$_tap_failed" -eq 0 ] || bail "$1"; }
# seen STEP...: headless Chromium opens the mailed link and checks the page.
seen() { browse "$@" >"$WORK/browse.out" 2>&1 || { diag "$(cat "$WORK/browse.out")"; return 1; }; }

hop "everything the walk runs is built for the VM's kernel" s_preflight
unlike "$out" "rebuilding" "make check-build built the modules for the VM's kernel"
hop "MariaDB and Postfix answer on loopback" s_services
hop "the center migrates, takes its catalogue, serves /healthz" s_center
is "$(http_status "$CENTER_URL/healthz")" 200 "GET /healthz is 200"
like "$(sql 'SELECT COUNT(*) FROM schema_migrations')" '^[1-9]' "migrations are recorded"
must "the center is not up"

hop "the terminal VM boots and calls back" s_terminal_boot
like "$(cat "$WORK/vm.tap")" "ok 3 - faxeng0 exists" "faxeng_sim made faxeng0"
must "the terminal did not boot"

hop "udevadm monitor shows faxeng0 appear" s_engine_appears
like "$out" "ACTION=add" "an add uevent"
like "$out" "FAXENG_MODEL=FX-SIM 100" "carrying the model"
like "$out" "FAXENG_SERIAL=SIM0000" "and the serial"

hop "udev's rule started faxcared" s_daemon_runs
like "$out" "toner +ok, 100%" "faxengctl status in the VM: toner full"
must "faxcared does not run"

hop "the registration reached the center through Postfix and the resident ingester" s_registration
like "$out" "relay=.*lmtp\.sock.*status=sent \(250 2\.0\.0 stored registration report" \
	"Postfix's log: delivered over LMTP to faxcenter-ingestd, stored"
like "$out" "terminal $TERMINAL_ID, model FX-SIM 100" "the center registered the terminal and its model"
is "$(pending_confirmations)" 1 "the manager's address waits for its confirmation"
like "$(cat "$FAXCARE_POSTFIX_LOG")" "message-id=<[0-9a-f]{32}@$TERMINAL_ID\.faxcare>" \
	"Postfix received it with the terminal's stable Message-ID"
is "$(vm_cmd 'ls /var/spool/faxcared/faxeng0/queue | wc -l')" 0 \
	"faxcared's spool queue is empty once the relay accepted it"
must "no registration"

hop "the confirmation e-mail is in the manager's Maildir" s_confirmation_mail
like "$out" "Subject: Please confirm: are you the manager of a fax terminal\\?" \
	"it asks the manager to confirm"
like "$CONFIRM_URL" "^$CENTER_URL/confirm/[0-9a-f]{64}\$" "with a link to the center"
hop "the manager confirms by the link" s_manager_confirms
like "$out" "Address confirmed" "the center says so"
must "the manager could not confirm"

hop "toner low in the engine" s_sensor "toner low" toner_level=5 toner_low=1
like "$out" "UDEV .* change +/devices/virtual/faxeng/faxeng0" "a change uevent, processed by systemd-udevd"
like "$out" "FAXENG_CONDITION=TONER_LOW" "for TONER_LOW"
like "$out" "FAXENG_ACTIVE=1" "raised"
hop "the center opened a toner-low notice" s_notice_opens toner-low
like "$out" "status=sent .*250 2\.0\.0 stored status report" "from a status report Postfix delivered to faxcenter-ingestd"
like "$out" "Toner is low" "the notice says so"
hop "the manager's e-mail arrived in the Maildir" s_notice_mail
like "$out" "Subject: Fax terminal FX-SIM 100 SIM0000: Toner is low" "its subject names the terminal and the shortage"
like "$HOMEPAGE_URL" "^$CENTER_URL/m/[0-9a-f]{64}\$" "it carries the homepage URL"
like "$out" "To: $MANAGER_ADDRESS" "addressed to the manager"
is "$(sql "SELECT state FROM outbox WHERE kind = 'notice'")" sent "the outbox marks the notice sent"
must "no e-mail with the homepage URL"

hop "the URL opens the manager's homepage" s_homepage 'Toner is low'
like "$out" "Toner is low" "it shows the notice"
like "$out" "TN-SIM100XL" "and the consumables that fit the model"
hop "the manager orders toner" s_order
like "$out" "Received; the delivery date follows shortly" "the homepage shows the order"
hop "the desk sets the delivery date" s_staff_delivery
when=$(date -u -d 'tomorrow 10:00' '+%Y-%m-%d %H:%M')
seen "expect-text Toner is low" "expect-text Delivery: $when UTC"
ok $? "Chromium: the homepage shows the notice and the delivery date"

hop "refill in the VM" s_sensor "refill" toner_level=100 toner_low=0
like "$out" "FAXENG_ACTIVE=0" "a TONER_LOW clear uevent"
hop "the completion report closed the toner-low notice" s_notice_closes toner-low
like "$out" "status=sent .*250 2\.0\.0 stored completion report" "Postfix delivered the completion report to faxcenter-ingestd"
is "$(sql "SELECT state FROM orders")" delivered "and the order it belongs to is delivered"
seen "expect-text Nothing needs attention." "expect-text toner 100%"
ok $? "Chromium: the notice is gone from the homepage"

hop "a door opens in the engine" s_sensor "door open" door_open=1
like "$out" "FAXENG_REASON=door-open" "a door-open uevent"
like "$out" "FAXENG_SEVERITY=error" "of severity error"
hop "faxengctl status in the VM" s_technician
like "$out" "faults +door-open" "the technician sees the open door"
like "$out" "reasons +door-open-error" "with its IPP reason and severity"
hop "the center opened a door-open notice" s_notice_opens door-open
like "$out" "door is open" "the notice says so"
hop "the manager's e-mail about it arrived" s_notice_mail
like "$out" "A door is open" "it names the fault"
like "$out" "book the visit" "and offers a technician's visit"
hop "the homepage offers the technician's free time" s_homepage 'door is open'
like "$out" "A service person is available" "free slots are listed"
like "$out" "FX-SIM 200" "with the newer product's guide"
hop "Chromium: the manager books the visit" s_book_visit
like "$out" "Service visit booked: .* with Dana Field" "the homepage shows the booking"
hop "the door is closed (repair complete)" s_sensor "door closed" door_open=0
hop "the completion report closed the door-open notice" s_notice_closes door-open
is "$(sql "SELECT state FROM visits")" completed "and the visit it belongs to is completed"
seen "expect-text Nothing needs attention." "expect-text Service visit by Dana Field"
ok $? "Chromium: the notice is gone, the visit completed in the history"
is "$(sql "SELECT COUNT(*) FROM reports r JOIN terminals t ON t.id = r.terminal_id
	WHERE t.terminal_uid = '$TERMINAL_ID'")" 5 \
	"exactly five reports: registration, two statuses, two completions"
is "$(mail_count)" 3 "the manager got three e-mails: confirmation, toner, door"

hop "the terminal shuts down cleanly" s_terminal_stop
unlike "$out" "not ok" "every guest check passed"
done_testing
