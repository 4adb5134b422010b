# shellcheck shell=bash
# The throwaway Debian root of scripts/check-fresh. Source it after
# scripts/lib.sh.
#
#   host_mirror              the Debian mirror the host's apt uses for
#                            bookworm (deb822 .sources first, then
#                            sources.list)
#   fresh_base               a disk-backed directory (not tmpfs) with room
#                            for a root, the packages and the kernels
#   fresh_prepare ROOT       the host's apt sources and local certificate
#                            authorities, a policy-rc.d that lets no
#                            package start a service, proc, sys and dev
#   in_root ROOT CMD...      CMD as root in ROOT with a login's bare
#                            environment, as a newcomer's shell would have
#   fresh_processes DIR      "PID NAME" of every process whose root is DIR
#                            or below it
#   fresh_report_leftovers DIR    names those, if any, on stderr
#   fresh_teardown DIR       stops those of DIR's roots by PID, unmounts
#                            (lazily) what is mounted under DIR, removes
#                            DIR; never removes a DIR that still has
#                            something mounted
# SPDX-License-Identifier: ISC

host_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		# deb822: one stanza a paragraph; the first URI of an enabled
		# "Types: deb" stanza whose Suites name bookworm itself.
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			types = uris = suites = ""; off = 0
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^Types:/) types = $i
				else if ($i ~ /^URIs:/) uris = $i
				else if ($i ~ /^Suites:/) suites = $i
				else if ($i ~ /^Enabled:[ \t]*no/) off = 1
			}
			if (!off && types ~ /[ \t]deb([ \t]|$)/ && suites ~ /[ \t]bookworm([ \t]|$)/) {
				sub(/^URIs:[ \t]*/, "", uris)
				split(uris, u, /[ \t]+/)
				print u[1]
				exit
			}
		}' "$f"
	done | grep -m1 . && return 0
	[ -r /etc/apt/sources.list ] &&
		sed -n 's/^deb[ \t]\+\(\[[^]]*\][ \t]\+\)\?\([^ \t]\+\)[ \t]\+bookworm[ \t].*/\2/p' \
			/etc/apt/sources.list | grep -m1 .
}

fresh_base() {
	local d
	for d in /var/tmp /work; do
		[ -d "$d" ] || continue
		# A tmpfs holds it in memory: 5 GB of packages, builds and kernels.
		[ "$(stat -f -c %T "$d")" != tmpfs ] || continue
		[ "$(df --output=avail -BG "$d" | tail -n 1 | tr -dc 0-9)" -ge 8 ] || continue
		echo "$d"
		return 0
	done
	return 1
}

fresh_prepare() {
	local root=$1 f
	# The host's sources (and only those): the mirror that works here.
	rm -f "$root/etc/apt/sources.list"
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
		/etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] && cp "$f" "$root$f"
	done
	# The host's local certificate authorities, as its sources: what
	# this machine trusts for HTTPS (the npm registry). ca-certificates
	# adds them to the system's store when it is installed, or now.
	if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
		mkdir -p "$root/usr/local/share/ca-certificates"
		cp /usr/local/share/ca-certificates/*.crt \
			"$root/usr/local/share/ca-certificates/"
		[ ! -x "$root/usr/sbin/update-ca-certificates" ] ||
			chroot "$root" /usr/sbin/update-ca-certificates >/dev/null
	fi
	# The packages' maintainer scripts would start MariaDB, Postfix,
	# nginx... inside the root; 101 tells invoke-rc.d "not allowed".
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
	chmod 0755 "$root/usr/sbin/policy-rc.d"
	mount -t proc proc "$root/proc" || die "cannot mount proc in $root"
	# rslave: what is unmounted below ROOT never propagates to the host.
	local m
	for m in sys dev; do
		mount --rbind "/$m" "$root/$m" || die "cannot bind /$m into $root"
		mount --make-rslave "$root/$m" || die "cannot make $root/$m a slave mount"
	done
}

in_root() {
	local root=$1
	shift
	chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root \
		SHELL=/bin/bash TERM="${TERM:-dumb}" \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		"$@" </dev/null
}

fresh_processes() {
	local dir=$1 p r
	for p in /proc/[0-9]*; do
		r=$(readlink "$p/root" 2>/dev/null) || continue
		# Kore chroots further, into a directory inside the root.
		if [ "$r" = "$dir" ] || [[ $r == "$dir"/* ]]; then
			echo "${p#/proc/} $(cat "$p/comm" 2>/dev/null)"
		fi
	done
}

fresh_report_leftovers() {
	local left
	left=$(fresh_processes "$1")
	[ -z "$left" ] || note "left running inside the root after make check (stopped now): $(tr '\n' ' ' <<<"$left")"
}

fresh_teardown() {
	local dir=$1 pid i
	trap - EXIT INT TERM
	[ -n "$dir" ] && [ -d "$dir" ] || return 0
	for i in 1 2; do
		while read -r pid _; do
			[ -n "$pid" ] || continue
			if [ "$i" = 1 ]; then kill -TERM "$pid"; else kill -KILL "$pid"; fi 2>/dev/null
		done < <(fresh_processes "$dir")
		for _ in $(seq 50); do
			[ -z "$(fresh_processes "$dir")" ] && break 2
			sleep 0.1
		done
	done
	# Deepest first: whatever the tests mounted, then dev, sys, proc.
	findmnt -rn -o TARGET | grep -E "^$dir/" | sort -r | while read -r m; do
		umount -l "$m" 2>/dev/null || true
	done
	if findmnt -rn -o TARGET | grep -qE "^$dir/"; then
		note "still mounted under $dir, so it is kept: umount -l those, then rm -rf $dir"
		return 1
	fi
	rm -rf --one-file-system "$dir"
}
