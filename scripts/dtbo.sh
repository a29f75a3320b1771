#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make dtbo`: compile every overlay in dts-overlays/ to a .dtbo beside it,
# for `dtoverlay` on a Raspberry Pi (copy to /boot/firmware/overlays/).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

command -v dtc >/dev/null || die "dtc missing: apt install device-tree-compiler"
inc=
if src=$("$RIG_TOP/scripts/fetch-kernel.sh" "$RIG_PRIMARY" 2>/dev/null); then
	inc="-I $src/include -I $src/scripts/dtc/include-prefixes"
fi
n=0
while IFS= read -r f; do
	out=${f%.dts*}.dtbo
	cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp $inc "$f" |
		dtc -@ -q -I dts -O dtb -o "$out" - || die "dtc failed on $f"
	echo "  DTC  $out"
	n=$((n + 1))
done < <(find "$RIG_TOP/dts-overlays" -name '*.dts*' 2>/dev/null | sort)
[ $n -gt 0 ] || log "no overlays in dts-overlays/ yet"
