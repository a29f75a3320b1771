#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the rig's VM: qemu-system-x86_64, KVM when the machine offers it,
# TCG otherwise; serial console on ttyS0, results on ttyS1.
#
#   scripts/vm.sh run OUTDIR KERNEL INITRD TIMEOUT RIG-ARGS...
#       boots with rig.<arg> options, console -> OUTDIR/console.log,
#       results -> OUTDIR/results.log; exit 0 when the guest powered off by
#       itself, 2 when it hit TIMEOUT seconds, 3 when QEMU failed.
#   scripts/vm.sh stream KERNEL INITRD TIMEOUT RIG-ARGS...
#       the same, but the result port is this terminal (used by the demo).
#   scripts/vm.sh shell [KERNEL INITRD]
#       interactive: the console is this terminal.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# TCG with QEMU's "max" CPU by default: it works everywhere, including
# inside VMs whose nested KVM accepts a guest but never runs it (seen on the
# project's CI machines). RIG_KVM=1 opts in to KVM with the host's CPU.
accel_args()
{
	if [ "${RIG_KVM:-0}" = 1 ]; then
		[ -w /dev/kvm ] || die "RIG_KVM=1 but /dev/kvm is not usable"
		echo "kvm ${RIG_KVM_CPU:-host}"
	else
		echo "tcg max"
	fi
}

base_cmd()
{
	local kernel=$1 initrd=$2 append=$3 monitor=${4:--monitor none}
	local accel cpu
	read -r accel cpu < <(accel_args)
	QEMU=(qemu-system-x86_64 -machine "q35,accel=$accel" -cpu "$cpu"
	      -smp "${RIG_VM_CPUS:-2}" -m "${RIG_VM_MEM:-2048}"
	      -display none -no-reboot -nic none $monitor
	      -kernel "$kernel" -initrd "$initrd"
	      -append "console=ttyS0,115200 panic=-1 kasan_multi_shot
		       printk.devkmsg=on loglevel=${RIG_LOGLEVEL:-4} $append")
}

rig_args()
{
	local a s=
	for a in "$@"; do s+=" rig.$a"; done
	echo "$s"
}

cmd=${1:?usage: vm.sh run|stream|shell ...}
shift
case "$cmd" in
run)
	out=$1 kernel=$2 initrd=$3 limit=$4
	shift 4
	mkdir -p "$out"
	rm -f "$out/console.log" "$out/results.log"
	base_cmd "$kernel" "$initrd" "$(rig_args "$@")"
	rc=0
	timeout -k 5 "$limit" "${QEMU[@]}" \
		-serial "file:$out/console.log" -serial "file:$out/results.log" \
		</dev/null >"$out/qemu.log" 2>&1 || rc=$?
	case $rc in
	0) exit 0 ;;
	124|137) log "VM killed after ${limit}s (guest hung?)"; exit 2 ;;
	*) log "QEMU failed (rc=$rc): $(tail -n 3 "$out/qemu.log")"; exit 3 ;;
	esac
	;;
stream)
	kernel=$1 initrd=$2 limit=$3
	shift 3
	out=$(mktemp -d "${TMPDIR:-/tmp}/rig-vm.XXXXXX")
	base_cmd "$kernel" "$initrd" "$(rig_args "$@")"
	rc=0
	timeout -k 5 "$limit" "${QEMU[@]}" \
		-serial "file:$out/console.log" -serial stdio </dev/null || rc=$?
	[ $rc = 0 ] || log "VM ended with rc=$rc; console log: $out/console.log"
	exit $rc
	;;
shell)
	kernel=${1:-} initrd=${2:-}
	[ -n "$kernel" ] || read -r kernel initrd _ < <("$RIG_TOP/scripts/build.sh" guest test)
	[ -f "$kernel" ] && [ -f "$initrd" ] || die "usage: vm.sh shell KERNEL INITRD"
	RIG_LOGLEVEL=${RIG_LOGLEVEL:-7}
	base_cmd "$kernel" "$initrd" "rig.mode=shell" " "
	echo "rig: VM console follows; Ctrl-A X quits QEMU" >&2
	exec "${QEMU[@]}" -serial mon:stdio -serial null
	;;
*)
	die "unknown vm.sh command '$cmd'"
	;;
esac
