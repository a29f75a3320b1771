#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Configure and build the rig's kernels, cached under $RIG_CACHE/build.
#
#   scripts/kernel.sh test            x86_64 6.12 with the checkers (KASAN...)
#   scripts/kernel.sh bench           x86_64 6.12 without them
#   scripts/kernel.sh prepare SERIES ARCH   modules_prepare tree for the
#                                     compile matrix (SERIES: 6.12|6.1|newest,
#                                     ARCH: x86_64|arm64|arm)
#
# Prints the build directory (usable as KDIR) on stdout. A tree is rebuilt
# when its config fragments, its sources or the compiler change.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kind=${1:?usage: kernel.sh test|bench|prepare SERIES ARCH}
frag=$RIG_TOP/scripts/kconfig

case "$kind" in
test)  series=$RIG_PRIMARY; arch=x86_64; frags=("$frag/base.config" "$frag/debug.config") ;;
bench) series=$RIG_PRIMARY; arch=x86_64; frags=("$frag/base.config" "$frag/bench.config") ;;
prepare)
	series=${2:?missing SERIES}; arch=${3:?missing ARCH}
	frags=("$frag/base.config" "$frag/matrix.config") ;;
*) die "unknown kernel kind '$kind'" ;;
esac

cross=
case "$arch" in
x86_64) karch=x86_64 ;;
arm64) karch=arm64; cross=aarch64-linux-gnu- ;;
arm) karch=arm; cross=arm-linux-gnueabihf- ;;
*) die "unknown arch '$arch'" ;;
esac
if [ -n "$cross" ]; then
	command -v "${cross}gcc" >/dev/null ||
		die "${cross}gcc missing: run scripts/deps.sh"
fi

src=$("$RIG_TOP/scripts/fetch-kernel.sh" "$series")
ver=$(make -s -C "$src" kernelversion 2>/dev/null)
out=$RIG_CACHE/build/linux-$ver-$kind-$arch
[ "$kind" = prepare ] || out=$RIG_CACHE/build/linux-$ver-$kind
mkdir -p "$out"
# Two rig commands (two checkouts, say) may want the same kernel at once:
# one builds it, the other waits and then finds it built.
exec 9>"$out.lock"
flock 9

key=$( { cat "${frags[@]}"; cat "$src/.rig-complete" 2>/dev/null; echo "$src";
	"${cross}gcc" --version | head -n1; } | sha256sum | cut -d' ' -f1)
want=bzImage-or-prepared
if [ "$kind" = prepare ]; then
	done_file=$out/scripts/mod/modpost
else
	done_file=$out/arch/x86/boot/bzImage
fi
if stamp_ok "$out/.rig-stamp" "$key" && [ -e "$done_file" ]; then
	echo "$out"
	exit 0
fi
rm -f "$out/.rig-stamp"

M=(make -s -C "$src" O="$out" ARCH="$karch")
[ -n "$cross" ] && M+=(CROSS_COMPILE="$cross")

log "configuring $ver ($kind, $arch) in $out"
if [ "$kind" = prepare ]; then
	"${M[@]}" defconfig >/dev/null
else
	"${M[@]}" allnoconfig >/dev/null
fi
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"${frags[@]}" >"$out/merge.log" 2>&1 ||
	die "merge_config failed (see $out/merge.log)"
"${M[@]}" olddefconfig >/dev/null

# Every line of the fragments must have survived olddefconfig, or the kernel
# we test is not the kernel we describe. Matrix trees only need what our
# modules compile against, so there only the y/m lines are checked.
missing=
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=n)
		[ "$kind" = prepare ] && continue
		opt=${line%=n}
		grep -q "^$opt=" "$out/.config" && missing+=" $line"
		;;
	CONFIG_*=*)
		grep -qx "$line" "$out/.config" || {
			# m may become y on a tree without modules for that option
			[ "${line##*=}" = m ] && grep -qx "${line%=m}=y" "$out/.config" ||
				missing+=" $line"
		}
		;;
	esac
done < <(cat "${frags[@]}" | sed 's/#.*//' | grep -E '^CONFIG_' | grep -v '_NR_CPUS=\|_FRAME_WARN=\|POOL_SIZE=\|_TIMEOUT=\|_NR_UARTS=\|_RUNTIME_UARTS=')
if [ -n "$missing" ]; then
	[ "$kind" = prepare ] || die "config options not honoured by $ver:$missing"
	log "note: $ver $arch lacks:$missing"
fi

start=$(now)
if [ "$kind" = prepare ]; then
	log "modules_prepare $ver ($arch)"
	"${M[@]}" -j"$RIG_JOBS" modules_prepare >"$out/build.log" 2>&1 ||
		{ tail -n 30 "$out/build.log" >&2; die "modules_prepare failed for $ver $arch"; }
else
	log "building $ver ($kind) with $RIG_JOBS jobs; log: $out/build.log"
	"${M[@]}" -j"$RIG_JOBS" bzImage modules >"$out/build.log" 2>&1 ||
		{ tail -n 40 "$out/build.log" >&2; die "kernel build failed for $ver $kind"; }
	rm -rf "$out/modinst"
	"${M[@]}" INSTALL_MOD_PATH="$out/modinst" INSTALL_MOD_STRIP=1 \
		modules_install >>"$out/build.log" 2>&1 ||
		die "modules_install failed for $ver $kind"
fi
log "$ver $kind $arch ready in $(( $(now) - start ))s"
echo "$key" > "$out/.rig-stamp"
echo "$out"
