# shellcheck shell=bash
# Common helpers for faxcare's scripts and tests. Source it; do not run it.
#
# Every script that starts a process records its PID and stops exactly that
# PID on exit; nothing here ever kills by name.

FAXCARE_TOP=${FAXCARE_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
FAXCARE_CACHE=${FAXCARE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/faxcare}
# The kernel ABI the tests boot: the one Debian's linux-headers-amd64 points at.
if [ -z "${FAXCARE_KVER:-}" ]; then
	FAXCARE_KVER=$(dpkg-query -W -f='${Depends}' linux-headers-amd64 2>/dev/null |
		sed -n 's/.*linux-headers-\([0-9.]*-[0-9]*\)-amd64.*/\1/p')
fi

die() { echo "${0##*/}: $*" >&2; exit 1; }
note() { echo "${0##*/}: $*" >&2; }

# free_port: print a TCP port on 127.0.0.1 that nobody listens on right now.
free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# wait_port PORT [SECONDS]: wait until something accepts on 127.0.0.1:PORT.
wait_port() {
	local port=$1 tries=$(( ${2:-10} * 10 ))
	while ((tries-- > 0)); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# stop_pid PID: TERM, wait up to 5 s, then KILL. Only for PIDs we started.
stop_pid() {
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for i in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	return 0
}

# Kernel trees fetched by scripts/deps (unpacked, never installed).
kernel_image_dir() { echo "$FAXCARE_CACHE/kernel/${1:-amd64}"; }
kernel_headers_dir() { echo "/usr/src/linux-headers-$FAXCARE_KVER-amd64"; }
