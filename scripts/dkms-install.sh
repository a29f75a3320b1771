#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install the drivers with DKMS (dkms.conf), so every kernel update on the
# board rebuilds them:
#
#   sudo scripts/dkms-install.sh            add, build and install for the
#                                           running kernel
#   sudo scripts/dkms-install.sh remove     remove every version
#
# The source is copied to /usr/src/<name>-<version> (SRC_ROOT overrides)
# without the git metadata and without build products. KVER and KDIR build
# for another kernel than the running one; DKMS_OPTS are passed to every
# dkms call (the rig's check uses --dkmstree/--sourcetree/--installtree to
# build in a scratch root).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

command -v dkms >/dev/null || die "dkms missing: apt install dkms"
conf=$RIG_TOP/dkms.conf
name=$(sed -n 's/^PACKAGE_NAME="\(.*\)"$/\1/p' "$conf")
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$conf")
[ -n "$name" ] && [ -n "$ver" ] || die "$conf names no PACKAGE_NAME/PACKAGE_VERSION"
read -r -a opts <<< "${DKMS_OPTS:-}"
kver=${KVER:-$(uname -r)}
kargs=(-k "$kver")
[ -n "${KDIR:-}" ] && kargs+=(--kernelsourcedir "$KDIR")

if [ "${1:-}" = remove ]; then
	dkms "${opts[@]}" remove "$name/$ver" --all
	exit
fi

dest=${SRC_ROOT:-/usr/src}/$name-$ver
log "copying the source to $dest"
rm -rf "$dest"
mkdir -p "$dest"
(cd "$RIG_TOP" && { git ls-files --cached --others --exclude-standard 2>/dev/null || find . -type f -not -path './.git/*'; } |
	grep -vE '\.(o|ko|dtbo)$' | tar -cf - -T - | tar -xf - -C "$dest")

dkms "${opts[@]}" status "$name/$ver" 2>/dev/null | grep -q . &&
	dkms "${opts[@]}" remove "$name/$ver" --all >/dev/null
dkms "${opts[@]}" add "$name/$ver"
dkms "${opts[@]}" build "$name/$ver" "${kargs[@]}"
dkms "${opts[@]}" install "$name/$ver" "${kargs[@]}" ${DKMS_INSTALL_OPTS:-}
