# shellcheck shell=bash
# The service center of the demo and of tests/e2e. Source after services.sh
# and tests/lib/tap.sh (wait_for).
#
#   center_up DIR   migrate the database, then run the Kore app on
#                   127.0.0.1:$CENTER_PORT (its config and logs in DIR); sets
#                   CENTER_URL, CENTER_PID; returns when it answers /healthz
#   center_seed     the demo's catalogue, technician slots and product
#                   guide (catalogue.sql), and a desk clerk's account
#                   ($STAFF_USER, $STAFF_PASSWORD)
#   outbox_up DIR   run faxcenter-outbox, which mails what the center owes
#                   the manager through Postfix (log DIR/outbox.log)
#   center_down     stop what center_up and outbox_up started
#   http_status URL [CURL-ARGS]  the HTTP status code (000: no answer)
# SPDX-License-Identifier: ISC

CENTER_URL='' CENTER_PID='' OUTBOX_PID=''
STAFF_USER=desk STAFF_PASSWORD=demo-desk-2026
# The center's own mail: from postmaster, so bounces land in its Maildir;
# notices coalesce for half a second only (FAXCENTER_COALESCE_MS, when
# set, says otherwise).
export FAXCENTER_SENDER=postmaster@faxcare.test FAXCENTER_COALESCE_MS=${FAXCENTER_COALESCE_MS:-500}

http_status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
center_answers() { [ "$(http_status "$CENTER_URL/healthz")" = 200 ]; }
center_answers_or_died() { center_answers || ! kill -0 "$CENTER_PID" 2>/dev/null; }

center_up() {
	local dir=$1 port=$CENTER_PORT
	"$CENTER_BUILD/faxcenter-migrate" >"$dir/migrate.log" 2>&1 || {
		cat "$dir/migrate.log"
		return 1
	}
	CENTER_URL=$FAXCENTER_BASE_URL
	# The installed config, pointed at this tree, port and log directory;
	# root does not drop privileges here (-r), so no runas user is needed.
	sed -e "s|bind\t127.0.0.1 8888|bind\t127.0.0.1 $port|" \
		-e "s|^load\t.*|load\t\t$CENTER_BUILD/faxcenter.so|" \
		-e "s|^root\t.*|root\t\t$FAXCARE_TOP/center|" \
		-e "/^runas\t/d" \
		-e "s|accesslog\t/dev/stdout|accesslog\t$dir/access.log|" \
		"$FAXCARE_TOP/center/conf/faxcenter.conf" >"$dir/faxcenter.conf" ||
		return 1
	kore -f -n -r -c "$dir/faxcenter.conf" >"$dir/kore.log" 2>&1 &
	CENTER_PID=$!
	# The port opens before the workers are configured: ready is an answer.
	wait_for 30 "the center's /healthz" center_answers_or_died
	center_answers || {
		tail -n 20 "$dir/kore.log"
		return 1
	}
}

center_seed() {
	sql "$(cat "$FAXCARE_TOP/scripts/demo.d/catalogue.sql")" &&
		echo "$STAFF_PASSWORD" |
		"$CENTER_BUILD/faxcenter-staff" add "$STAFF_USER" desk >/dev/null
}

# The demo's Postfix is on loopback and offers no STARTTLS: say so
# (the sender's default, required, is for a relay elsewhere).
outbox_up() {
	FAXCARE_SMTP_STARTTLS=off "$CENTER_BUILD/faxcenter-outbox" -p 200 >>"$1/outbox.log" 2>&1 &
	OUTBOX_PID=$!
}

center_down() {
	[ -z "$OUTBOX_PID" ] || stop_pid "$OUTBOX_PID"
	[ -z "$CENTER_PID" ] || stop_pid "$CENTER_PID"
	CENTER_PID='' OUTBOX_PID=''
}
