#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make dtbo`: compile every overlay in dts-overlays/ to a .dtbo beside it.
# `make dtbo-install`: compile, then copy the Raspberry Pi OS overlays
# (dts-overlays/*.dtbo; the mainline/ variants are for fdtoverlay or U-Boot)
# to the firmware's overlays directory, for `dtoverlay=` in config.txt.
#
#   scripts/dtbo.sh [install [DIR]]
#
# Needs dtc and cpp only: no overlay includes kernel headers, so no kernel
# source is needed (the lint's include paths are there for new overlays).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

command -v dtc >/dev/null || die "dtc missing: apt install device-tree-compiler"
command -v cpp >/dev/null || die "cpp missing: apt install cpp"
n=0
while IFS= read -r f; do
	out=${f%.dts*}.dtbo
	cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp "$f" |
		dtc -@ -q -I dts -O dtb -o "$out" - || die "dtc failed on $f"
	echo "  DTC  ${out#"$RIG_TOP"/}"
	n=$((n + 1))
done < <(find "$RIG_TOP/dts-overlays" -name '*.dts' 2>/dev/null | sort)
[ $n -gt 0 ] || log "no overlays in dts-overlays/ yet"

[ "${1:-}" = install ] || exit 0
# Raspberry Pi OS since bookworm mounts the boot partition at /boot/firmware;
# older releases at /boot.
dir=${2:-}
if [ -z "$dir" ]; then
	for d in /boot/firmware/overlays /boot/overlays; do
		[ -d "$d" ] && { dir=$d; break; }
	done
fi
[ -n "$dir" ] && [ -d "$dir" ] ||
	die "no overlays directory (/boot/firmware/overlays); name one: scripts/dtbo.sh install DIR"
for f in "$RIG_TOP"/dts-overlays/*.dtbo; do
	install -m 0644 "$f" "$dir/" || die "cannot write $dir (run with sudo)"
	echo "  INSTALL  $dir/${f##*/}"
done
