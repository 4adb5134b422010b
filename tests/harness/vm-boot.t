#!/usr/bin/env bash
# usage: tests/harness/vm-boot.t
#
# scripts/vm/run boots Debian's kernel with the project's module inside:
# faxeng.ko loads and unloads, and the guest talks to a service listening on
# the host's 127.0.0.1 through 10.0.2.2 (QEMU user networking). With --arch
# arm64 it boots Debian's arm64 kernel on QEMU's virt machine, and a passing
# guest passes there too.
# shellcheck source=tests/vm/host-setup.sh
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/../vm/host-setup.sh"

[ -e "$top/kmod/faxeng.ko" ]
ok $? "kmod/faxeng.ko is built (make modules)"

# Each connection: read a line, answer "ack <line>", record the line
# (wait_port's probe sends none).
port=$(free_port)
python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(4)
while True:
    c, _ = s.accept()
    line = c.makefile().readline()
    if line:
        c.sendall(b"ack " + line.encode())
        open(sys.argv[2], "a").write(line)
    c.close()' "$port" "$tmp/received" &
bg=$!
wait_port "$port" 10
ok $? "host listener on 127.0.0.1:$port"

start=$EPOCHREALTIME
"$top/scripts/vm/run" --net --artifacts "$tmp/artifacts" \
	"$top/tests/vm/boot.sh" "$port" >"$tmp/tap" 2>"$tmp/stderr"
status=$?
diag "boot to verdict: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"
is "$status" 0 "runner exits 0 when the guest passes"
[ "$status" -eq 0 ] || diag "$(cat "$tmp/stderr")"

# Each guest result becomes one of ours.
guest_tests=0
while read -r line; do
	case $line in
	"ok "*) guest_tests=$((guest_tests + 1)); ok 0 "guest: ${line#* - }" ;;
	"not ok "*) guest_tests=$((guest_tests + 1)); ok 1 "guest: ${line#* - }" ;;
	esac
done <"$tmp/tap"
is "$guest_tests" 6 "guest ran its 6 tests"
like "$(cat "$tmp/tap")" '^1\.\.6$' "guest printed its plan"
is "$(cat "$tmp/received" 2>/dev/null)" "hello from faxcare-vm" \
	"host service received the guest's line"
[ ! -e "$tmp/artifacts" ]
ok $? "no console log kept when the run passed"

# arm64: the verdict comes over the control port instead of isa-debug-exit.
start=$EPOCHREALTIME
"$top/scripts/vm/run" --arch arm64 --artifacts "$tmp/arm64-artifacts" \
	"$top/tests/vm/arch.sh" aarch64 >"$tmp/arm64.tap" 2>"$tmp/arm64.err"
status=$?
diag "arm64 boot to verdict: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"
is "$status" 0 "arm64: runner exits 0 when the guest passes"
[ "$status" -eq 0 ] || diag "$(cat "$tmp/arm64.err")"
like "$(cat "$tmp/arm64.tap")" '^ok 1 - the guest runs on aarch64$' "arm64: the guest runs on aarch64"
like "$(cat "$tmp/arm64.tap")" '^ok 2 - FAXCARE_ARCH names the runner.s --arch \(arm64\)$' \
	"arm64: and knows it (FAXCARE_ARCH=arm64)"
[ ! -e "$tmp/arm64-artifacts" ]
ok $? "arm64: no console log kept when the run passed"
done_testing
