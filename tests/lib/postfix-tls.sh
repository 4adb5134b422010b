# shellcheck shell=bash
# Checks shared by the tests that send through scripts/with-postfix (--tls
# for the last two). Source after tap.sh.
#
#   maildir_wait DIR [N]   files in DIR, once there are N (default 1) or
#                           10 s have passed
#   smtpd_sessions          the commands Postfix counted, one line a session
#   came_over_tls MSG       ok-lines: Postfix received MSG over TLS 1.2
# SPDX-License-Identifier: ISC

_maildir_has() { [ "$(find "$1" -type f | wc -l)" -ge "$2" ]; }
maildir_wait() {
	wait_for 10 "${2:-1} message(s) in $1" _maildir_has "$1" "${2:-1}"
	find "$1" -type f | wc -l
}

smtpd_sessions() {
	grep -o 'disconnect from [^ ]* .*' "$FAXCARE_POSTFIX_LOG" |
		sed 's/^disconnect from [^ ]* //'
}

came_over_tls() {
	like "$(cat "$1")" "with ESMTPS id " "Postfix received it over TLS (ESMTPS)"
	like "$(cat "$FAXCARE_POSTFIX_LOG")" \
		"TLS connection established from [^ ]*\\[127\\.0\\.0\\.1\\]: TLSv1\\.2 " \
		"Postfix logs the TLS connection (TLS 1.2)"
}
