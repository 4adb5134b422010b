# shellcheck shell=bash
# Shared by the daemon's host tests: a scratch directory with a terminal key
# and a faxcared.conf pointing at $FAXCARE_SINK_PORT. Source after tap.sh.
#
#   daemon_setup            sets $work, $conf, $spool, $key; cleanup on exit
#   socat_service VAR ADDRESS [LOG [OPTION...]]
#                           socat on 127.0.0.1 at a free port (put in VAR),
#                           each connection to ADDRESS, its stderr to LOG;
#                           stopped on exit (needs scripts/lib.sh)
#   answering_sink VAR SMTP-SINK-OPTION...   (lib/answering-sink.sh)
#                           a smtp-sink of the test's own (e.g. -f AUTH -B
#                           "535 ...") on 127.0.0.1 at a free port (put in
#                           VAR), keeping nothing; stopped on exit
#   write_conf [EXTRA...]   (re)writes $conf, EXTRA lines appended
#   vm_sink_setup           daemon_setup for a VM test: ctlport, a socat
#                           for the guest's sink-ctl-server commands; the
#                           refusing sink's pidfile and $FAXCARE_MASTER_KEY
#                           (for its verify, made by a test that asks) in
#                           $work, stopped and removed on exit
#   guest_files KEY-FILE [CONF-LINE...]
#                           the VM's terminal in $g ($work/guest):
#                           faxcared.conf for the host's sink (spool
#                           /var/spool/faxcared, the identity from the
#                           engine, key-file KEY-FILE, CONF-LINEs appended),
#                           the udev rule, faxcared-start and its defaults
#                           (faxcared -d, a log file); sets guest_args
#                           (scripts/vm/run options: the programs, libESMTP's
#                           AUTH plugins and those files in place)
#   run_daemon_vm TIMEOUT GUEST-SCRIPT [CONF-LINE...]
#                           the whole of a daemon VM test: vm_sink_setup,
#                           guest_files with the test key as
#                           /etc/faxcare/terminal.key, then GUEST-SCRIPT in
#                           the VM (at most TIMEOUT seconds; SINKCTL_PORT
#                           in the guest, for its lib.sh's host)
#   sink_count              messages smtp-sink has caught
#   queue_count [failed]    entries in the spool's queue/ (or failed/)
# SPDX-License-Identifier: ISC

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
FAXCARED=$TOP/daemon/build/faxcared
FAXENGCTL=$TOP/daemon/build/faxengctl
KEYGEN=$TOP/proto/build/faxcare-keygen
. "$TOP/tests/daemon/lib/answering-sink.sh"

daemon_setup() {
	work=$(mktemp -d /tmp/faxcared-test.XXXXXX) || bail "mktemp"
	trap 'daemon_cleanup' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	conf=$work/faxcared.conf
	spool=$work/spool
	key=$work/terminal.key
	answering_sink_log=$work/answering-sink.log
	(umask 077 && "$KEYGEN" -n >"$key") || bail "faxcare-keygen -n failed"
}

service_pids=()
daemon_cleanup() {
	local pid
	for pid in "${service_pids[@]}"; do stop_pid "$pid"; done
	rm -rf "$work"
}

socat_service() {
	local port
	port=$(free_port)
	socat "${@:4}" "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "$2" \
		2>>"${3:-/dev/null}" &
	service_pids+=($!)
	wait_port "$port" 5 || bail "socat for $2 did not start"
	printf -v "$1" %s "$port"
}

write_conf() {
	{
		echo "manager office.admin@example.com"
		echo "center service@center.example.net"
		echo "terminal-id TEST-1"
		echo "model FX-TEST"
		echo "serial T0001"
		echo "relay ${FAXCARE_SINK_HOST:-127.0.0.1}"
		echo "relay-port ${FAXCARE_SINK_PORT:-25}"
		echo "starttls optional"
		echo "key-file $key"
		echo "spool $spool"
		echo "smtp-timeout 10s"
		printf '%s\n' "$@"
	} >"$conf"
}

vm_sink_setup() {
	daemon_setup
	export REFUSING_SINK_PIDFILE=$work/refusing-sink.pid
	export FAXCARE_MASTER_KEY=$work/master.key
	trap 'stop_pid "$(cat "$REFUSING_SINK_PIDFILE" 2>/dev/null)"; daemon_cleanup' EXIT
	socat_service ctlport "EXEC:$TOP/tests/daemon/lib/sink-ctl-server"
}

guest_files() {
	local key_file=$1 p plugins=()
	shift
	g=$work/guest
	mkdir -p "$g" || bail "mkdir $g"
	FAXCARE_SINK_HOST=10.0.2.2 write_conf "spool /var/spool/faxcared" "$@"
	# The guest's identity comes from the engine, not from the host's test one.
	grep -v -e '^terminal-id' -e '^model' -e '^serial' -e '^key-file' \
		"$conf" >"$g/faxcared.conf"
	echo "key-file $key_file" >>"$g/faxcared.conf"
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
		--file "$g/70-faxeng.rules:/etc/udev/rules.d/70-faxeng.rules"
		--file "$g/faxcared-start:/usr/lib/udev/faxcared-start"
		--file "$g/default:/etc/default/faxcared")
}

run_daemon_vm() {
	local timeout=$1 script=$2
	shift 2
	vm_sink_setup
	guest_files /etc/faxcare/terminal.key "$@"
	"$TOP/scripts/vm/run" --timeout "$timeout" --net "${guest_args[@]}" \
		--file "$key:/etc/faxcare/terminal.key" \
		--env "SINKCTL_PORT=$ctlport" "$script"
}

sink_count() { find "$FAXCARE_SINK_DIR" -type f | wc -l; }

queue_count() {
	find "$spool/faxeng0/${1:-queue}" -type f 2>/dev/null | wc -l
}

