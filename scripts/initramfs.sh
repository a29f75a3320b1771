#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the VM's initramfs: busybox, the real network tools with their
# libraries, the kernel's and our modules, the test scripts and the synthetic
# firmware the simulators need.
#
#   scripts/initramfs.sh KDIR MODDIR OUT.cpio
#     KDIR    built kernel (its modinst/ holds the in-tree modules)
#     MODDIR  directory holding our built .ko files (searched recursively)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=${1:?KDIR}
moddir=${2:?MODDIR}
out=${3:?OUT.cpio}

kver=$(cat "$kdir/include/config/kernel.release")
stage=$(mktemp -d "${TMPDIR:-/tmp}/rig-initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,root,rig/tests,lib/firmware,var/run,proc,sys,dev,tmp,run}

bb=$(command -v busybox || echo /bin/busybox)
file "$bb" | grep -q 'statically linked' ||
	die "$bb is not static: install busybox-static"
cp "$bb" "$stage/bin/busybox"
# /bin/sh is bash: busybox's shell would run its own applets (ip, ping...)
# ahead of the real tools on PATH.
ln -s bash "$stage/bin/sh"

# copy_bin PATH: a dynamically linked program and every library it loads.
copy_bin()
{
	local p=$1 lib
	[ -x "$p" ] || die "$p missing: run scripts/deps.sh"
	mkdir -p "$stage$(dirname "$p")"
	cp -L "$p" "$stage$p"
	for lib in $(ldd "$p" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$stage$lib" ] && continue
		mkdir -p "$stage$(dirname "$lib")"
		cp -L "$lib" "$stage$lib"
	done
}

for p in /usr/sbin/ip /usr/sbin/ethtool /usr/sbin/iw /usr/sbin/wpa_supplicant \
	 /usr/sbin/wpa_cli /usr/bin/iperf3 /usr/bin/bash /usr/bin/kmod \
	 /usr/bin/stdbuf; do
	[ -x "$p" ] || p=${p/\/usr/}
	copy_bin "$p"
done
# stdbuf preloads this to line-buffer tools such as `iw event` into a file
copy_bin /usr/libexec/coreutils/libstdbuf.so
for t in modprobe insmod rmmod lsmod depmod modinfo; do
	ln -sf /usr/bin/kmod "$stage/sbin/$t"
done
ln -sf /usr/bin/bash "$stage/bin/bash"
# Small C helpers the tests need, linked statically.
mkdir -p "$stage/usr/local/bin"
for c in "$RIG_TOP"/scripts/e2e/tools/*.c; do
	[ -e "$c" ] || continue
	gcc -static -O2 -Wall -Werror -o "$stage/usr/local/bin/$(basename "$c" .c)" "$c" ||
		die "building test helper $c failed"
done

cat > "$stage/etc/passwd" <<'PW'
root:x:0:0:root:/root:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PW
printf 'root:x:0:\nnogroup:x:65534:\n' > "$stage/etc/group"
printf 'hosts: files\n' > "$stage/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' > "$stage/etc/hosts"
cp /etc/protocols /etc/services "$stage/etc/" 2>/dev/null || true
echo 'PS1="rig:\w# "' > "$stage/root/.profile"

# Kernel modules: the kernel's own, then ours under extra/.
[ -d "$kdir/modinst/lib/modules/$kver" ] ||
	die "$kdir has no installed modules: run scripts/kernel.sh"
mkdir -p "$stage/lib/modules"
cp -a "$kdir/modinst/lib/modules/$kver" "$stage/lib/modules/"
rm -f "$stage/lib/modules/$kver"/{build,source}
mkdir -p "$stage/lib/modules/$kver/extra"
find "$moddir" -name '*.ko' -exec cp {} "$stage/lib/modules/$kver/extra/" \;
depmod -b "$stage" "$kver" || die "depmod failed for $kver"

# Test scripts and the guest runner.
cp "$RIG_TOP/scripts/guest/init" "$stage/init"
cp "$RIG_TOP/scripts/guest/runner.sh" "$RIG_TOP"/scripts/guest/demo*.sh \
	"$RIG_TOP/scripts/e2e/lib.sh" "$RIG_TOP"/scripts/e2e/*-lib.sh "$stage/rig/"
cp "$RIG_TOP"/scripts/e2e/tests/*.sh "$stage/rig/tests/" 2>/dev/null || true
mkdir -p "$stage/rig/bench"
cp "$RIG_TOP"/scripts/bench/*.sh "$stage/rig/bench/" 2>/dev/null || true
chmod +x "$stage/init" "$stage"/rig/*.sh

# Synthetic firmware for the simulated chips, when the simulator ships a
# generator.
if [ -x "$RIG_TOP/scripts/sim-firmware.sh" ]; then
	"$RIG_TOP/scripts/sim-firmware.sh" "$stage/lib/firmware" >&2 ||
		die "scripts/sim-firmware.sh failed"
fi

(cd "$stage" && find . -print0 | sort -z |
	cpio --null -o -H newc --quiet -R 0:0) > "$out.tmp"
mv "$out.tmp" "$out"
