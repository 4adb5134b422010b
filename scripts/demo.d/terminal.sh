# shellcheck shell=bash
# The terminal's files for the VM, made on the host. Source after vm.sh.
#
#   terminal_files DIR    write into DIR the guest's faxcared.conf (relay:
#                         the host's Postfix through 10.0.2.2, center
#                         $CENTER_ADDRESS, manager $MANAGER_ADDRESS), a key
#                         per engine (key-file /etc/faxcare/%e.key) derived
#                         from $FAXCENTER_MASTER_SECRET_FILE for its terminal
#                         id, for faxeng0 up to $TERMINAL_ENGINES (default
#                         1) engines, the udev rule and faxcared-start; sets
#                         TERMINAL_ARGS (scripts/vm/run options that put them
#                         in place)
#   terminal_boot DIR     vm_start with those files and the daemon's programs
# FAXCARED_HOLD sets faxcared's hold (default 1s: the demo's conditions are
# reported a second after they appear; bench/e2e/run names it).
# TERMINAL_ID is what faxcared derives from faxeng_sim's model and serial
# (faxeng0's; faxengN's serial is SIM000N).
# SPDX-License-Identifier: ISC

TERMINAL_ID=FX-SIM-100-SIM0000
FAXCARED=$FAXCARE_TOP/daemon/build/faxcared
FAXENGCTL=$FAXCARE_TOP/daemon/build/faxengctl
TERMINAL_ARGS=()

terminal_files() {
	local g=$1/guest
	mkdir -p "$g" || return 1
	cat >"$g/faxcared.conf" <<-CONF || return 1
		manager $MANAGER_ADDRESS
		center $CENTER_ADDRESS
		sender postmaster@faxcare.test
		relay 10.0.2.2
		relay-port $FAXCARE_SMTP_PORT
		starttls optional
		key-file /etc/faxcare/%e.key
		spool /var/spool/faxcared
		hold ${FAXCARED_HOLD:-1s}
		clear-hold 1s
		reminder once
		retry-min 1s
		retry-max 4s
		smtp-timeout 20s
	CONF
	printf "%s\n" "FAXCARED_LOG=/var/log/faxcared.log" "FAXCARED_OPTS=\"${FAXCARED_OPTS:-}\"" >"$g/default"
	TERMINAL_ARGS=(--prog "$FAXCARED" --prog "$FAXENGCTL"
		--file "$g/faxcared.conf:/etc/faxcare/faxcared.conf"
		--file "$g/default:/etc/default/faxcared")
	local n
	for ((n = 0; n < ${TERMINAL_ENGINES:-1}; n++)); do
		(umask 077 && "$FAXCARE_TOP/proto/build/faxcare-keygen" \
			"$FAXCENTER_MASTER_SECRET_FILE" "${TERMINAL_ID%0000}$(printf %04d "$n")" \
			>"$g/faxeng$n.key") || return 1
		TERMINAL_ARGS+=(--file "$g/faxeng$n.key:/etc/faxcare/faxeng$n.key")
	done
	# udev starts faxcared through the project's rule (udev/).
	if [ -r "$FAXCARE_TOP/udev/70-faxeng.rules" ]; then
		sed 's|@UDEVLIBDIR@|/usr/lib/udev|g' "$FAXCARE_TOP/udev/70-faxeng.rules" \
			>"$g/70-faxeng.rules" &&
			sed 's|@SBINDIR@|/faxcare/bin|g' "$FAXCARE_TOP/udev/faxcared-start" \
				>"$g/faxcared-start" && chmod 755 "$g/faxcared-start" ||
			return 1
		TERMINAL_ARGS+=(--file "$g/70-faxeng.rules:/etc/udev/rules.d/70-faxeng.rules"
			--file "$g/faxcared-start:/usr/lib/udev/faxcared-start")
	fi
}

terminal_boot() {
	terminal_files "$1" && vm_start "$1" "${TERMINAL_ARGS[@]}"
}
