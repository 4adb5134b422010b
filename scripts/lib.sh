# shellcheck shell=bash
# Common helpers for faxcare's scripts and tests. Source it; do not run it.
#
# Every script that starts a process records its PID and stops exactly that
# PID on exit; nothing here ever kills by name.
# SPDX-License-Identifier: ISC

FAXCARE_TOP=${FAXCARE_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
FAXCARE_CACHE=${FAXCARE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/faxcare}
# The kernel ABI the tests boot: the one Debian's linux-headers-amd64 points
# at. Empty when the headers are not installed yet (scripts/deps installs
# them); a script that needs it says so, never exits here.
if [ -z "${FAXCARE_KVER:-}" ]; then
	FAXCARE_KVER=$({ dpkg-query -W -f='${Depends}' linux-headers-amd64 2>/dev/null || true; } |
		sed -n 's/.*linux-headers-\([0-9.]*-[0-9]*\)-amd64.*/\1/p')
fi

# The kernel lines Debian 12 ships, oldest first: the modules are built for
# each and the kmod tests boot each. FAXCARE_KERNEL picks the one the other
# layers (daemon, demo, e2e) boot.
# shellcheck disable=SC2034 # used by the scripts that source this
FAXCARE_KERNEL_LINES=(6.1 6.12)
FAXCARE_KERNEL=${FAXCARE_KERNEL:-6.1}

# The name messages start with: scripts/arm64/X says "arm64/X", since a
# bare "fetch:" or "build:" would not tell which script spoke.
case $0 in
*/arm64/*) _faxcare_self=arm64/${0##*/} ;;
*) _faxcare_self=${0##*/} ;;
esac
die() { echo "$_faxcare_self: $*" >&2; exit 1; }
note() { echo "$_faxcare_self: $*" >&2; }

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

# port_listens PORT: something listens on 127.0.0.1:PORT, seen in the socket
# table (a probe would take a one-connection listener's only connection).
port_listens() { [ -n "$(ss -Hltn "sport = :$1")" ]; }

# stop_pid PID: TERM, wait up to 5 s, then KILL. Only for PIDs we started.
stop_pid() {
	local pid=$1
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for _ in $(seq 50); do
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

# dpkg_add_arm64: let apt download arm64 packages (the cross-build's headers
# and the arm64 VM's kernel); a no-op once done.
dpkg_add_arm64() {
	dpkg --print-foreign-architectures | grep -qx arm64 && return 0
	[ "$(id -u)" -eq 0 ] ||
		die "run as root once: dpkg --add-architecture arm64 && apt-get update"
	note "adding dpkg architecture arm64"
	dpkg --add-architecture arm64 ||
		die "dpkg --add-architecture arm64 failed (above); fix that, then run scripts/deps again"
	apt-get update -q >&2 ||
		die "apt-get update failed (above): check /etc/apt/sources.list* and the network, then run scripts/deps again"
}

# Per kernel line (6.1 or 6.12). 6.1's headers are Debian's installed
# linux-headers-amd64; 6.12's headers and both images are unpacked under the
# cache, where scripts/deps records which release it fetched.
kernel_line_dir() { echo "$FAXCARE_CACHE/kernel/line-$1"; }
# kernel_release LINE: the release (uname -r) of LINE, or nothing when
# scripts/deps has not fetched it.
kernel_release() {
	case $1 in
	6.1) [ -z "$FAXCARE_KVER" ] || echo "$FAXCARE_KVER-amd64" ;;
	*) cat "$(kernel_line_dir "$1")/release" 2>/dev/null || true ;;
	esac
}
# kernel_kdir LINE: the kernel tree kbuild's M= builds against.
kernel_kdir() {
	local rel
	rel=$(kernel_release "$1")
	case $1 in
	6.1) echo "/usr/src/linux-headers-$rel" ;;
	*) echo "$(kernel_line_dir "$1")/headers/usr/src/linux-headers-$rel" ;;
	esac
}
# kernel_kdir_arm64 LINE: the arm64 tree the cross-build builds against.
kernel_kdir_arm64() {
	local rel
	rel=$(kernel_release "$1")
	rel=${rel%-amd64}-arm64
	case $1 in
	6.1) echo "$FAXCARE_CACHE/kernel/arm64-headers/usr/src/linux-headers-$rel" ;;
	*) echo "$(kernel_line_dir "$1")/headers/usr/src/linux-headers-$rel" ;;
	esac
}
# kernel_root LINE: the unpacked image (boot/, lib/modules/).
kernel_root() {
	case $1 in
	6.1) kernel_image_dir amd64 ;;
	*) echo "$(kernel_line_dir "$1")/image" ;;
	esac
}
# kernel_modules_dir LINE: where this repo's modules built for LINE are:
# the default line's in kmod/ (`make modules`), the others' under build/.
kernel_modules_dir() {
	case $1 in
	6.1) echo "$FAXCARE_TOP/kmod" ;;
	*) echo "$FAXCARE_TOP/build/modules/$(kernel_release "$1")/kmod" ;;
	esac
}

# linux_source_tarball: the newest of Debian's linux-source tarballs
# (/usr/src/linux-source-X.Y.tar.xz, from the package linux-source), or
# nothing when none is installed. FAXCARE_SRC_DIR stands for /usr/src, so
# tests/harness/deps.t can give scripts/deps a tarball of its own.
linux_source_tarball() {
	local f newest=
	for f in "${FAXCARE_SRC_DIR:-/usr/src}"/linux-source-*.tar.xz; do
		[ -e "$f" ] || continue
		newest=$(printf '%s\n' "$newest" "$f" | sort -V | tail -n 1)
	done
	echo "$newest"
}

# apt_download DIR PKG: PKG's .deb into DIR (printing its path), refreshing
# apt's lists once if the first try finds nothing; dies saying what to do.
apt_download() {
	local dir=$1 pkg=$2 log
	log=$(cd "$dir" && apt-get download -q "$pkg" 2>&1) ||
		log=$(cd "$dir" && apt-get update -q >/dev/null 2>&1 &&
			apt-get download -q "$pkg" 2>&1) ||
		die "cannot download $pkg: ${log##*$'\n'} (check the network and apt's sources, then run scripts/deps again)"
	ls "$dir"/"${pkg%%:*}"_*.deb
}
