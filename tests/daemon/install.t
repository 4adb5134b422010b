#!/usr/bin/env bash
# usage: tests/daemon/install.t  (prove runs it)
# `make -C daemon install DESTDIR=... PREFIX=/usr` lays out the programs,
# man pages, the hardened systemd unit and the udev glue with real paths.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib/tap.sh"
. "$here/lib/setup.sh"

daemon_setup
root=$work/root
make -s -C "$TOP/daemon" install DESTDIR="$root" PREFIX=/usr >/dev/null 2>&1
is "$?" 0 "make install with DESTDIR and PREFIX"
for f in sbin/faxcared bin/faxengctl lib/udev/faxcared-start; do
	[ -x "$root/usr/$f" ]; ok $? "installs /usr/$f"
done
for f in share/man/man8/faxcared.8 share/man/man8/faxengctl.8 \
	share/man/man5/faxcared.conf.5 lib/systemd/system/faxcared@.service \
	lib/udev/rules.d/70-faxeng.rules lib/sysusers.d/faxcare.conf; do
	[ -s "$root/usr/$f" ]; ok $? "installs /usr/$f"
done
for m in faxcared.8 faxengctl.8; do
	out=$(man -l "$root/usr/share/man/man8/$m" 2>&1 >/dev/null)
	is "$out" "" "man $m renders without warnings"
done
rules=$(cat "$root/usr/lib/udev/rules.d/70-faxeng.rules")
like "$rules" 'TAG\+="systemd", ENV\{SYSTEMD_WANTS\}\+="faxcared@%k.service"' \
	"the rule tags engines for systemd and wants the templated unit"
like "$rules" 'RUN\+="/usr/lib/udev/faxcared-start %k"' "and runs the fallback at its installed path"
unit=$(cat "$root/usr/lib/systemd/system/faxcared@.service")
like "$unit" "^ExecStart=/usr/sbin/faxcared -f %I" "the unit runs the installed daemon in the foreground"
like "$unit" "^User=faxcare" "unprivileged"
like "$unit" "^NoNewPrivileges=yes" "hardened: no new privileges"
like "$unit" "^CapabilityBoundingSet=$" "hardened: no capabilities"
like "$unit" "^ProtectSystem=strict" "hardened: read-only system"
command -v systemd-analyze >/dev/null
ok $? "systemd-analyze is installed (scripts/deps)"
# Only the missing installed binary and man pages may be reported.
out=$(systemd-analyze verify "$root/usr/lib/systemd/system/faxcared@.service" 2>&1 |
	grep -v -e 'is not executable' -e "Command 'man ")
is "$out" "" "systemd-analyze verify finds nothing else"
grep -q '@[A-Z]*DIR@' -r "$root" 2>/dev/null
ok $((! $?)) "no placeholder left in installed files"
done_testing
