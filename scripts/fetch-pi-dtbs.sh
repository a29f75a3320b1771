#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Fetch the mainline Raspberry Pi device trees that Debian's arm64 kernel
# package ships, for the overlay checks (scripts/dt-check.sh).
#
#   scripts/fetch-pi-dtbs.sh   -> prints a directory holding broadcom/*.dtb
#
# The package (linux-image-<version>-arm64, the one Debian's linux-image-arm64
# depends on, from trixie) is downloaded with apt from the machine's own
# mirror through a private arm64 index under the cache, and only its
# broadcom/bcm2*-rpi-*.dtb files are kept, under $RIG_CACHE/pi-dtbs/<version>.
# RIG_REFRESH=1 looks for a newer package even when trees are cached.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

root=$RIG_CACHE/pi-dtbs
aptdir=$RIG_CACHE/apt-arm64
mkdir -p "$root"

if [ "${RIG_REFRESH:-0}" != 1 ] && [ -f "$root/current" ] &&
   [ -f "$root/$(cat "$root/current")/.rig-complete" ]; then
	echo "$root/$(cat "$root/current")"
	exit 0
fi

rig_apt_setup "$aptdir" arm64

# The metapackage names the current image package; trixie's is 6.12, the
# series Raspberry Pi OS and the rig's test kernel use.
pkg=$(apt-cache "${APT_OPTS[@]}" depends linux-image-arm64/trixie 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-arm64\)$/\1/p' | head -n1)
[ -n "$pkg" ] || die "no linux-image-*-arm64 package behind linux-image-arm64 in trixie"
ver=$(rig_apt_candidate "$pkg")

dest=$root/$pkg
if [ -f "$dest/.rig-complete" ] && [ "$(cat "$dest/.rig-complete")" = "$pkg $ver" ]; then
	echo "$pkg" > "$root/current"
	echo "$dest"
	exit 0
fi

log "downloading $pkg $ver (arm64) for its Raspberry Pi device trees"
deb=$(rig_apt_download "$aptdir" "$pkg" "$ver")

tmp=$(mktemp -d "$root/.unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards '*/broadcom/bcm2*-rpi-*.dtb' ||
	die "$deb has no broadcom/bcm2*-rpi-*.dtb"
mkdir -p "$tmp/out/broadcom"
find "$tmp" -path '*/broadcom/bcm2*-rpi-*.dtb' -not -path "$tmp/out/*" \
	-exec mv -t "$tmp/out/broadcom" {} +
[ -n "$(ls "$tmp/out/broadcom")" ] || die "$deb has no Raspberry Pi device trees"
echo "$pkg $ver" > "$tmp/out/.rig-complete"
rm -rf "$dest"
mv "$tmp/out" "$dest"
rm -f "$deb"
echo "$pkg" > "$root/current"
echo "$dest"
