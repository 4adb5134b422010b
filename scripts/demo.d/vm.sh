# shellcheck shell=bash
# The terminal VM of the demo and of tests/e2e, and its control channel.
# Source after scripts/lib.sh and tests/lib/tap.sh (wait_for).
#
#   vm_start DIR [RUN-OPTION...]  boot scripts/demo.d/guest-terminal.sh with
#                                 scripts/vm/run --net in the background; DIR
#                                 gets the runner's output (vm.tap, vm.err)
#                                 and, if the VM fails, its console log in
#                                 DIR/vm-artifacts (or $VM_ARTIFACTS)
#   vm_wait_ready [SECS]          wait until the guest called back (180 s)
#   vm_cmd [-t SECS] COMMAND      run COMMAND in the guest (guest-ctl.sh: sh
#                                 plus `sim INPUT VALUE`, `uevents`); prints
#                                 its output, returns its status (124: no
#                                 answer within SECS, default 60)
#   vm_stop                       tell the guest to quit and wait for the
#                                 runner; returns its exit status
# The host listens on 127.0.0.1 at a free port; the guest connects to it
# through QEMU's user network (10.0.2.2) and runs what it is sent. The
# runner has no host-to-guest channel of its own: this is it.
# SPDX-License-Identifier: ISC

VM_PID='' VM_CTL_PID='' VM_IN='' VM_OUT=''

vm_start() {
	local dir=$1 port
	shift
	port=$(free_port)
	coproc VMCTL { exec socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr" STDIO; }
	# bash forgets VMCTL_PID once the coprocess is reaped, and hides its
	# descriptors from subshells (vm_cmd ... | grep): keep copies.
	VM_CTL_PID=$VMCTL_PID
	exec {VM_IN}<&"${VMCTL[0]}" {VM_OUT}>&"${VMCTL[1]}"
	# Listening before the guest boots (a probe would take socat's one
	# connection, so look at the socket table instead).
	wait_for 5 "the control channel's socat" port_listens "$port" || return 1
	"$FAXCARE_TOP/scripts/vm/run" --net --timeout "${VM_TIMEOUT:-900}" \
		--file "$FAXCARE_TOP/scripts/demo.d:/faxcare/scripts/demo.d" \
		--artifacts "${VM_ARTIFACTS:-$dir/vm-artifacts}" "$@" \
		"$FAXCARE_TOP/scripts/demo.d/guest-terminal.sh" "$port" \
		>"$dir/vm.tap" 2>"$dir/vm.err" &
	VM_PID=$!
}

# vm_reply SECS: read the guest's lines up to "@@ X"; print them, return X
# (0 when X is not a number). 124: no answer in time or the VM is gone.
vm_reply() {
	local line rc deadline=$((SECONDS + $1))
	while ((SECONDS < deadline)); do
		[ -n "$VM_IN" ] || return 124
		IFS= read -r -t 1 line <&"$VM_IN"
		rc=$?
		if ((rc != 0)); then
			# A timeout (>128) goes round again; EOF means the guest hung up.
			((rc > 128)) || return 124
			[ -n "$VM_PID" ] && kill -0 "$VM_PID" 2>/dev/null || return 124
			continue
		fi
		case $line in
		'@@ '*)
			line=${line#@@ }
			[[ $line =~ ^[0-9]+$ ]] && return "$line"
			return 0
			;;
		*) printf '%s\n' "$line" ;;
		esac
	done
	return 124
}

vm_wait_ready() {
	[ -n "$VM_IN" ] || return 1
	vm_reply "${1:-180}"
}

vm_cmd() {
	local secs=60
	if [ "$1" = -t ]; then secs=$2; shift 2; fi
	[ -n "$VM_OUT" ] || return 1
	printf '%s\n' "$*" >&"$VM_OUT" || return 1
	vm_reply "$secs"
}

vm_stop() {
	local rc=0
	[ -z "$VM_OUT" ] || vm_cmd -t 10 quit >/dev/null
	if [ -n "$VM_PID" ]; then
		wait "$VM_PID" || rc=$?
	fi
	VM_PID=
	vm_close
	return "$rc"
}

# vm_kill: for cleanup paths; the runner stops its QEMU when terminated.
vm_kill() {
	[ -z "$VM_PID" ] || stop_pid "$VM_PID"
	VM_PID=
	vm_close
}

vm_close() {
	[ -z "$VM_IN" ] || exec {VM_IN}<&-
	[ -z "$VM_OUT" ] || exec {VM_OUT}>&-
	[ -z "$VM_CTL_PID" ] || stop_pid "$VM_CTL_PID"
	VM_IN='' VM_OUT='' VM_CTL_PID=''
}
