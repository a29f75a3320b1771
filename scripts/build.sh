#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build our modules and the VM's boot files.
#
#   scripts/build.sh modules KDIR NAME [ARCH]
#       every module of the tree (RIG=1: drivers, simulators, tests), W=1,
#       in a private copy of the tree ($RIG_WORK/mod/NAME) so builds for
#       several kernels never mix objects; log in $RIG_WORK/mod/NAME.log.
#       Prints the copy's path.
#   scripts/build.sh guest test|bench
#       kernel + modules + initramfs; prints "KERNEL INITRD KDIR".
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# sync_tree DST: mirror the sources into DST, keeping the objects of earlier
# builds there so the next build is incremental. Directories that no longer
# exist in the sources go first, objects and all.
sync_tree()
{
	local dst=$1 d
	(cd "$dst" && find . -mindepth 1 -type d) | while IFS= read -r d; do
		[ -d "$RIG_TOP/$d" ] || rm -rf "${dst:?}/$d"
	done
	rsync -a --delete --exclude .git \
		--filter='P *.o' --filter='P *.ko' --filter='P .*.cmd' \
		--filter='P *.mod' --filter='P *.mod.c' --filter='P modules.order' \
		--filter='P Module.symvers' --filter='P *.a' --filter='P .*.d' \
		"$RIG_TOP/" "$dst/"
}

build_modules()
{
	local kdir=$1 name=$2 arch=${3:-x86_64} dst=$RIG_WORK/mod/$2 cross=
	local karch=$arch
	case "$arch" in
	arm64) cross=aarch64-linux-gnu- ;;
	arm) cross=arm-linux-gnueabihf- ;;
	esac
	mkdir -p "$dst"
	sync_tree "$dst"
	local m=(make -C "$dst" KDIR="$kdir" ARCH="$karch" W=1 RIG=1)
	# A modules_prepare tree has no symbol list: unresolved symbols are
	# expected there and must not stop the build.
	[ -e "$kdir/Module.symvers" ] || m+=(KBUILD_MODPOST_WARN=1)
	[ -n "$cross" ] && m+=(CROSS_COMPILE="$cross")
	"${m[@]}" -j"$RIG_JOBS" modules \
		>"$dst.log" 2>&1 || return 1
	echo "$dst"
}

# The .ko files the last build produced (modules.order, not a directory
# scan, so a removed module never lingers).
built_kos()
{
	local dst=$1
	sed 's/\.o$/.ko/' "$dst/modules.order" | while read -r ko; do
		echo "$dst/${ko#"$dst"/}"
	done
}

case "${1:-}" in
modules)
	build_modules "${2:?KDIR}" "${3:?NAME}" "${4:-x86_64}" ||
		{ grep -E 'error|warning' "$RIG_WORK/mod/$3.log" | head -n 30 >&2
		  die "module build failed against $2 (log: $RIG_WORK/mod/$3.log)"; }
	;;
guest)
	flavor=${2:-test}
	kdir=$("$RIG_TOP/scripts/kernel.sh" "$flavor")
	ver=$(cat "$kdir/include/config/kernel.release")
	dst=$(build_modules "$kdir" "$ver-$flavor") ||
		{ grep -E 'error|warning' "$RIG_WORK/mod/$ver-$flavor.log" | head -n 30 >&2
		  die "module build failed (log: $RIG_WORK/mod/$ver-$flavor.log)"; }
	out=$RIG_WORK/guest-$flavor
	mkdir -p "$out/ko"
	rm -f "$out"/ko/*.ko
	built_kos "$dst" | xargs -r cp -t "$out/ko"
	"$RIG_TOP/scripts/initramfs.sh" "$kdir" "$out/ko" "$out/initramfs.cpio" >&2
	echo "$kdir/arch/x86/boot/bzImage $out/initramfs.cpio $kdir"
	;;
*)
	die "usage: build.sh modules KDIR NAME [ARCH] | guest test|bench"
	;;
esac
