# shellcheck shell=bash
# The daemon's VM tests: what the guest needs to run faxcared as a terminal
# does. Source after lib/sink-test.sh and daemon_setup.
#
#   guest_files [CONF-LINE...]
#       writes the guest's faxcared.conf (write_conf's, relay at the host,
#       spool /var/spool/faxcared, the identity from the engine, CONF-LINEs
#       appended), the project's udev rule, faxcared-start and its defaults
#       (faxcared -d logging to /var/log/faxcared.log), and sets guest_args
#       to the scripts/vm/run options that put them, the programs and
#       libESMTP's AUTH plugins in the guest.
# SPDX-License-Identifier: ISC

guest_files() {
	local g=$work/guest p plugins=()

	mkdir -p "$g"
	FAXCARE_SINK_HOST=10.0.2.2 write_conf "spool /var/spool/faxcared" "$@"
	# The guest's identity comes from the engine, not from the host's test one.
	grep -v -e '^terminal-id' -e '^model' -e '^serial' -e '^key-file' \
		"$conf" >"$g/faxcared.conf"
	echo "key-file /etc/faxcare/terminal.key" >>"$g/faxcared.conf"
	sed 's|@UDEVLIBDIR@|/usr/lib/udev|g' "$TOP/udev/70-faxeng.rules" \
		>"$g/70-faxeng.rules"
	sed 's|@SBINDIR@|/faxcare/bin|g' "$TOP/udev/faxcared-start" \
		>"$g/faxcared-start"
	chmod 755 "$g/faxcared-start"
	printf "FAXCARED_LOG=/var/log/faxcared.log\nFAXCARED_OPTS=-d\n" \
		>"$g/default"
	# libESMTP's AUTH mechanisms are plugins it loads by path: ldd misses them.
	for p in /usr/lib/x86_64-linux-gnu/esmtp-plugins-*/sasl-{plain,login}.so; do
		[ -e "$p" ] || bail "libESMTP's plugin $p not found"
		plugins+=(--file "$p:$p")
	done
	guest_args=(--prog "$FAXCARED" --prog "$FAXENGCTL" "${plugins[@]}"
		--file "$g/faxcared.conf:/etc/faxcare/faxcared.conf"
		--file "$key:/etc/faxcare/terminal.key"
		--file "$g/70-faxeng.rules:/etc/udev/rules.d/70-faxeng.rules"
		--file "$g/faxcared-start:/usr/lib/udev/faxcared-start"
		--file "$g/default:/etc/default/faxcared")
}

# run_daemon_vm TIMEOUT GUEST-SCRIPT [CONF-LINE...]
#       the whole of a daemon VM test: a scratch directory and key, the host
#       sink and its control port (SINKCTL_PORT in the guest, for lib.sh's
#       host), guest_files with the CONF-LINEs, then GUEST-SCRIPT in the VM
#       (at most TIMEOUT seconds); the sinks are stopped on exit.
run_daemon_vm() {
	local timeout=$1 script=$2 ctlport
	shift 2
	daemon_setup
	export REFUSING_SINK_PIDFILE=$work/refusing-sink.pid
	trap 'stop_pid "$(cat "$REFUSING_SINK_PIDFILE" 2>/dev/null)"; daemon_cleanup' EXIT
	socat_service ctlport "EXEC:$TOP/tests/daemon/lib/sink-ctl-server"
	guest_files "$@"
	"$TOP/scripts/vm/run" --timeout "$timeout" --net "${guest_args[@]}" \
		--env "SINKCTL_PORT=$ctlport" "$script"
}
