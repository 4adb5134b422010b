# shellcheck shell=bash
# The manager's and the staff's hops of the walk: mail in the manager's
# Maildir, the confirmation link, the homepage, an order, a delivery date,
# a visit booking. Source after steps.sh; same conventions (s_* prints
# what happened, fails when the hop did not happen).
#
# The manager's browser is curl with a cookie jar ($WORK/manager.jar), the
# staff's another ($WORK/staff.jar); every form is posted with the CSRF
# token of the page it came from, as a browser would.
# SPDX-License-Identifier: ISC

PAGE=$FAXCARE_TOP/scripts/demo.d/page
MAILBOX=${MANAGER_ADDRESS%@*}
HOMEPAGE_URL='' CONFIRM_URL='' LAST_MAIL='' MANAGER_ENTERED=''
MAIL_SEEN=0	# the manager's messages shown so far

mail_count() { find "$FAXCARE_MAIL_DIR/$MAILBOX/new" -type f 2>/dev/null | wc -l; }
# nth_mail N: the manager's Nth message, in order of delivery.
nth_mail() { ls -1tr "$FAXCARE_MAIL_DIR/$MAILBOX/new/"* 2>/dev/null | sed -n "$1p"; }
more_mail_than() { (($(mail_count) > $1)); }

# web JAR METHOD PATH [CURL-ARGS]: the page goes to $WORK/page.html; prints
# the HTTP status. Redirects are followed, as a browser does.
web() {
	local jar=$WORK/$1.jar method=$2 url=$3
	shift 3
	[[ $url == http* ]] || url=$CENTER_URL$url
	curl -s -L -b "$jar" -c "$jar" -X "$method" -o "$WORK/page.html" \
		-w '%{http_code}' "$@" "$url"
}
# post JAR PATH KEY=VAL...: submit the last page's form for PATH.
post() {
	local jar=$1 path=$2 csrf
	shift 2
	csrf=$("$PAGE" field "$WORK/page.html" "$path" csrf) || return 1
	local args=(--data-urlencode "csrf=$csrf") kv
	for kv in "$@"; do
		args+=(--data-urlencode "$kv")
	done
	curl -s -b "$WORK/$jar.jar" -c "$WORK/$jar.jar" -o "$WORK/page.html" \
		-w '%{http_code}' "${args[@]}" "$CENTER_URL$path"
}
page_text() { "$PAGE" text "$WORK/page.html"; }
form_value() { "$PAGE" field "$WORK/page.html" "$1" "$2"; }

# show_next_mail: wait for the manager's next message (the first not
# shown yet), show it as LAST_MAIL.
show_next_mail() {
	wait_for 60 "the manager's next e-mail" more_mail_than "$MAIL_SEEN" || {
		echo "nothing new in $FAXCARE_MAIL_DIR/$MAILBOX/new/ after 60 s"
		echo "--- faxcenter-outbox's log:"
		tail -n 5 "$WORK/outbox.log"
		echo "--- the outbox:"
		sql "SELECT id, kind, state, attempts, last_error FROM outbox"
		return 1
	}
	MAIL_SEEN=$((MAIL_SEEN + 1))
	LAST_MAIL=$(nth_mail "$MAIL_SEEN")
	echo "in the manager's Maildir: $LAST_MAIL"
	"$FAXCARE_TOP/scripts/demo.d/show-mail" "$LAST_MAIL" | sed 's/^/  | /'
}

s_confirmation_mail() {
	show_next_mail || return 1
	CONFIRM_URL=$(grep -Eo "$CENTER_URL/confirm/[0-9a-f]{64}" "$LAST_MAIL" | head -1)
	[ -n "$CONFIRM_URL" ]
}

s_manager_confirms() {
	echo "GET $CONFIRM_URL"
	[ "$(web manager GET "$CONFIRM_URL")" = 200 ] || return 1
	page_text | sed 's/^/  | /'
	echo "POST it (the button)"
	[ "$(web manager POST "$CONFIRM_URL" -d '')" = 200 ] || return 1
	page_text | sed 's/^/  | /'
	[ "$(sql "SELECT m.email FROM terminals t JOIN managers m ON m.id = t.manager_id
		WHERE t.terminal_uid = '$TERMINAL_ID'")" = "$MANAGER_ADDRESS" ]
}

# s_notice_mail: the mail about a new notice, with the homepage URL.
s_notice_mail() {
	show_next_mail || return 1
	HOMEPAGE_URL=$(grep -Eo "$CENTER_URL/m/[0-9a-f]{64}" "$LAST_MAIL" | head -1)
	[ -n "$HOMEPAGE_URL" ] || { echo "no homepage URL in it"; return 1; }
	echo "the homepage URL: $HOMEPAGE_URL"
}

# s_homepage [PATTERN]: the manager opens the homepage; shows its text
# from the first line matching PATTERN on, and fails when none does. A
# page without PATTERN is reloaded, as the manager would, for 2.5 s: what
# the walk waits for (a mail the outbox sends) may still be on its way.
s_homepage() {
	local url=/home text tries=10
	# The mailed link opens a session (a cookie); after that it is /home.
	if [ -n "$HOMEPAGE_URL" ] && [ "$HOMEPAGE_URL" != "$MANAGER_ENTERED" ]; then
		url=$HOMEPAGE_URL
		MANAGER_ENTERED=$url
	fi
	echo "GET $url"
	while :; do
		[ "$(web manager GET "$url")" = 200 ] || return 1
		text=$(page_text) || return 1
		grep -q -- "${1:-.}" <<<"$text" && break
		if ((--tries <= 0)); then
			echo "the page does not say '$1'; it says:"
			sed 's/^/  | /' <<<"$text"
			return 1
		fi
		url=/home
		sleep 0.25
	done
	sed -n "/${1:-.}/,\$p" <<<"$text" | head -n 40 | sed 's/^/  | /'
}

s_order() {
	local notice consumable
	notice=$(form_value /home/order notice) &&
		consumable=$(form_value /home/order consumable) ||
		{ echo "no order form on the homepage"; return 1; }
	echo "POST /home/order: notice $notice, consumable $consumable, quantity 1"
	post manager /home/order "notice=$notice" "consumable=$consumable" \
		quantity=1 >/dev/null
	s_homepage 'Order '
	sql "SELECT CONCAT('center: order ', id, ' ', state) FROM orders WHERE notice_id = $notice"
	[ -n "$(sql "SELECT id FROM orders WHERE notice_id = $notice")" ]
}

s_staff_delivery() {
	local order when
	when=$(date -u -d 'tomorrow 10:00' '+%Y-%m-%d %H:%M')
	echo "the desk clerk signs in at $CENTER_URL/staff/login"
	web staff GET /staff/login >/dev/null
	post staff /staff/login "username=$STAFF_USER" \
		"password=$STAFF_PASSWORD" >/dev/null
	[ "$(web staff GET /staff/orders)" = 200 ] || return 1
	page_text | grep -E 'TN-SIM|Order|order' | head -5 | sed 's/^/  | /'
	order=$(sql "SELECT MAX(id) FROM orders")
	echo "POST /staff/orders/delivery: order $order, delivery $when UTC"
	post staff /staff/orders/delivery "order=$order" \
		"delivery=$when" >/dev/null
	[ -n "$(sql "SELECT delivery_at FROM orders WHERE id = $order AND delivery_at IS NOT NULL")" ]
}

# browse STEP...: headless Chromium walks the manager's pages, starting at
# the mailed link (each run is a fresh browser); steps as chromium-drive's.
browse() {
	printf '%s\n' "goto $HOMEPAGE_URL" "$@" |
		"$FAXCARE_TOP/scripts/chromium-drive" --timeout 90 --wait 15 2>&1
}

s_book_visit() {
	local notice
	echo "headless Chromium, as the manager: open the mailed link, pick the"
	echo "first free slot, press 'Book this visit'"
	browse 'expect-text A service person is available' \
		'click form[action="/home/book"] input[name=slot]' \
		'submit form[action="/home/book"]' \
		'expect-text Service visit booked' || return 1
	s_homepage 'Service visit'
	notice=$(sql "SELECT n.id FROM notices n JOIN terminals t ON t.id = n.terminal_id
		WHERE t.terminal_uid = '$TERMINAL_ID' AND n.condition_kw = 'door-open'
		AND n.closed_at IS NULL")
	[ -n "$notice" ] && [ -n "$(sql "SELECT id FROM visits WHERE notice_id = $notice")" ]
}
