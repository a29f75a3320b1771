#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The overlay checks of `make check` (scripts/check.sh dt): prints one
# "PASS|FAIL|SKIP name" line per check, for check.sh to count.
#
#   scripts/dt-check.sh [KERNEL-SOURCE]
#
# Base trees: the mainline Raspberry Pi trees Debian's arm64 kernel package
# ships (scripts/fetch-pi-dtbs.sh, cached), and stand-ins for Raspberry Pi
# OS's trees (scripts/dt-test/rpios-*.dts), which no Debian package has.
# The matrix itself is scripts/dt_check.py; parameters are applied by
# scripts/dtparam.py. With a kernel source tree, the merged trees are also
# validated against its bindings plus ours (dt-validate).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

src=${1:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/rig-dt.XXXXXX")
trap 'rm -rf "$work"' EXIT

dtb()	# SRC OUT [cpp args]: compile one tree or overlay
{
	local in=$1 out=$2
	shift 2
	cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp "$@" "$in" |
		dtc -@ -q -I dts -O dtb -o "$out" -
}

# `make dtbo` needs dtc and cpp only: run it in a copy of the tree, with an
# empty cache and an apt-get and dpkg-deb that only record being called.
mkdir -p "$work/tree" "$work/bin" "$work/cache"
cp -r "$RIG_TOP/scripts" "$RIG_TOP/dts-overlays" "$work/tree/"
for t in apt-get apt-cache dpkg-deb; do
	printf '#!/bin/sh\necho "%s $*" >> %s/called\nexit 1\n' "$t" "$work" > "$work/bin/$t"
	chmod +x "$work/bin/$t"
done
out=$(PATH="$work/bin:$PATH" RIG_CACHE="$work/cache" "$work/tree/scripts/dtbo.sh" 2>&1)
rc=$?
n=$(find "$work/tree/dts-overlays" -name '*.dtbo' | wc -l)
if [ $rc = 0 ] && [ ! -e "$work/called" ] && [ "$n" -gt 0 ]; then
	echo "PASS dtbo: make dtbo builds $n overlays with dtc and cpp only"
else
	echo "FAIL dtbo: make dtbo builds the overlays with dtc and cpp only"
	{ echo "$out"; cat "$work/called" 2>/dev/null; } | sed 's/^/    /'
fi

ovl=$work/tree/dts-overlays
python3 "$RIG_TOP/scripts/wiring.py" --check "$ovl" "$RIG_TOP/Documentation/wiring"
mkdir -p "$work/planted"
dtb "$RIG_TOP/scripts/dt-test/planted-w5500.dts" "$work/planted/rpios.dtbo" -DNETDRV_SPI0=spi0 &&
	dtb "$RIG_TOP/scripts/dt-test/planted-w5500.dts" "$work/planted/mainline.dtbo" -DNETDRV_SPI0=spi ||
	echo "FAIL dt: the planted overlay compiles"

: > "$work/trees"
for f in "$RIG_TOP"/scripts/dt-test/rpios-*.dts; do
	b=${f##*/}
	b=${b%.dts}
	dtb "$f" "$work/$b.dtb" && echo "$b rpios $work/$b.dtb" >> "$work/trees" ||
		echo "FAIL dt: $b stand-in compiles"
done
if pi=$("$RIG_TOP/scripts/fetch-pi-dtbs.sh" 2>"$work/fetch.err"); then
	for b in bcm2711-rpi-4-b bcm2837-rpi-3-b bcm2837-rpi-zero-2-w bcm2712-rpi-5-b; do
		echo "$b mainline $pi/broadcom/$b.dtb" >> "$work/trees"
	done
else
	echo "FAIL dt: Debian's mainline Raspberry Pi trees"
	sed 's/^/    /' "$work/fetch.err"
fi

schema=()
if [ -n "$src" ] && [ -d "$src/Documentation/devicetree/bindings" ]; then
	mkdir -p "$work/bindings"
	cp -r "$src/Documentation/devicetree/bindings/." "$work/bindings/" &&
		cp -r "$RIG_TOP/Documentation/devicetree/bindings/." "$work/bindings/" &&
		dt-mk-schema -j "$work/bindings" > "$work/processed.json" 2>/dev/null &&
		schema=(--schema "$work/processed.json") ||
		echo "FAIL dt: binding schemas for dt-validate"
else
	echo "SKIP dt: dt-validate of merged trees (no kernel source for the bindings)"
fi

python3 "$RIG_TOP/scripts/dt_check.py" --work "$work/m" --overlays "$ovl" \
	--trees "$work/trees" --planted "$work/planted" --docs "$RIG_TOP" "${schema[@]}"
