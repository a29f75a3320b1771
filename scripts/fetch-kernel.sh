#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Fetch and unpack a Debian linux-source-* package into the rig cache.
#
#   scripts/fetch-kernel.sh 6.12|6.1|newest   -> prints the source tree path
#
# The mirror is the one the machine's apt is already configured with; the
# package index for the suites that carry these packages is kept in a private
# apt state directory under the cache, so the system's apt setup is untouched.
# KSRC (primary), KSRC_OLD and KSRC_NEWEST point at trees of your own and skip
# the fetch. RIG_REFRESH=1 looks for newer packages even when a tree is cached.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:?usage: fetch-kernel.sh 6.12|6.1|newest}
case "$series" in
primary|"$RIG_PRIMARY") series=$RIG_PRIMARY; override=${KSRC:-} ;;
old|"$RIG_OLD") series=$RIG_OLD; override=${KSRC_OLD:-} ;;
newest) override=${KSRC_NEWEST:-} ;;
*) die "unknown kernel series '$series' (want $RIG_PRIMARY, $RIG_OLD or newest)" ;;
esac

if [ -n "$override" ]; then
	[ -f "$override/Makefile" ] && [ -d "$override/scripts" ] ||
		die "KSRC tree '$override' does not look like a kernel source tree"
	echo "$override"
	exit 0
fi

srcroot=$RIG_CACHE/src
aptdir=$RIG_CACHE/apt
mkdir -p "$srcroot"

tree_ok() { [ -f "$1/.rig-complete" ] && [ -f "$1/Makefile" ]; }

# Cached tree, unless asked to look for a newer package.
if [ "${RIG_REFRESH:-0}" != 1 ]; then
	if [ "$series" = newest ] && [ -f "$srcroot/newest" ]; then
		cached=$srcroot/linux-$(cat "$srcroot/newest")
	else
		cached=$srcroot/linux-$series
	fi
	if [ "$series" != newest ] || [ -f "$srcroot/newest" ]; then
		if tree_ok "$cached"; then
			echo "$cached"
			exit 0
		fi
		[ -e "$cached" ] && log "cached tree $cached is incomplete; fetching again"
	fi
fi

rig_apt_setup "$aptdir" amd64

if [ "$series" = newest ]; then
	series=$(apt-cache "${APT_OPTS[@]}" pkgnames linux-source-7. 2>/dev/null |
		sed -n 's/^linux-source-\(7\.[0-9]*\)$/\1/p' | sort -V | tail -n1)
	[ -n "$series" ] || die "no linux-source-7.* package in bookworm/trixie(-backports)"
	newest=1
fi

pkg=linux-source-$series
ver=$(rig_apt_candidate "$pkg")

dest=$srcroot/linux-$series
if tree_ok "$dest" && [ "$(cat "$dest/.rig-complete")" = "$pkg $ver" ]; then
	[ "${newest:-0}" = 1 ] && echo "$series" > "$srcroot/newest"
	echo "$dest"
	exit 0
fi

log "downloading $pkg $ver"
deb=$(rig_apt_download "$aptdir" "$pkg" "$ver")

log "unpacking $pkg into $dest"
tmp=$(mktemp -d "$srcroot/.unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$tmp" "./usr/src/$pkg.tar.xz" ||
	die "$deb is corrupt (no usr/src/$pkg.tar.xz); delete it and retry"
tar -xJf "$tmp/usr/src/$pkg.tar.xz" -C "$tmp" ||
	die "$pkg.tar.xz is corrupt; delete $aptdir/archives and retry"
[ -f "$tmp/$pkg/Makefile" ] || die "$pkg tarball has no $pkg/Makefile"
echo "$pkg $ver" > "$tmp/$pkg/.rig-complete"
rm -rf "$dest"
mv "$tmp/$pkg" "$dest"
rm -f "$deb"
[ "${newest:-0}" = 1 ] && echo "$series" > "$srcroot/newest"
echo "$dest"
