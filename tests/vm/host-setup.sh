# shellcheck shell=bash
# usage: . "$(dirname "$0")/../vm/host-setup.sh"   (from tests/<layer>/*.t)
#
# Host side of a VM test: sets top (the repo), sources scripts/lib.sh and
# tests/lib/tap.sh, makes $tmp, and on exit or interrupt stops the one
# background process whose PID the test put in $bg, then removes $tmp.
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"

tmp=$(mktemp -d)
bg=
trap 'stop_pid "$bg" || true; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
