#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the rig needs; does nothing when all are there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgs=(
	# kernel and module builds, for x86_64 and the Raspberry Pi's arm64/armhf
	build-essential bc flex bison libelf-dev libssl-dev kmod cpio xz-utils
	dpkg-dev debian-archive-keyring perl python3 file rsync
	gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
	# static checks
	sparse device-tree-compiler dt-schema yamllint
	# DKMS as a Raspberry Pi runs it (scripts/dkms-check.sh)
	dkms
	# the VM and what runs inside it
	qemu-system-x86 busybox-static iproute2 ethtool iw wpasupplicant iperf3
)

missing=()
for p in "${pkgs[@]}"; do
	case "$p" in \#*) continue ;; esac
	st=$(dpkg-query -W -f '${Status}' "$p" 2>/dev/null || true)
	[ "$st" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! as_root apt-get install -y -q --no-install-recommends "${missing[@]}" \
	>"${TMPDIR:-/tmp}/rig-apt.log" 2>&1; then
	log "apt-get install failed; refreshing the package lists once"
	as_root apt-get update -q >>"${TMPDIR:-/tmp}/rig-apt.log" 2>&1 ||
		die "apt-get update failed: no reachable mirror? (see ${TMPDIR:-/tmp}/rig-apt.log)"
	as_root apt-get install -y -q --no-install-recommends "${missing[@]}" \
		>>"${TMPDIR:-/tmp}/rig-apt.log" 2>&1 ||
		die "could not install ${missing[*]} (see ${TMPDIR:-/tmp}/rig-apt.log)"
fi
