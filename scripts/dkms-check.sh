#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The DKMS check of `make check`: scripts/dkms-install.sh (dkms add, build,
# install, as a board runs it) against the rig's kernel, in a scratch root
# (--dkmstree/--sourcetree/--installtree), never the machine's own.
#
#   scripts/dkms-check.sh KDIR     prints one "PASS|FAIL name" line
#
# It passes when exactly the three driver modules were installed: ethbus,
# lan8720 and cyw43439, and no simulator or test module was built.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

kdir=${1:?usage: dkms-check.sh KDIR}
name="dkms: dkms.conf builds and installs the three drivers"
command -v dkms >/dev/null || { echo "FAIL $name"; echo "    dkms missing"; exit 0; }
kver=$(make -s -C "$kdir" kernelrelease 2>/dev/null)
s=$(mktemp -d "${TMPDIR:-/tmp}/rig-dkms.XXXXXX")
trap 'rm -rf "$s"' EXIT
mkdir -p "$s/dkms" "$s/src" "$s/lib/$kver"
SRC_ROOT=$s/src KVER=$kver KDIR=$kdir DKMS_INSTALL_OPTS=--no-depmod \
	DKMS_OPTS="--dkmstree $s/dkms --sourcetree $s/src --installtree $s/lib" \
	"$RIG_TOP/scripts/dkms-install.sh" > "$s/log" 2>&1
rc=$?
got=$(find "$s/lib/$kver" -name '*.ko*' -printf '%f\n' | sed 's/\.ko.*//' | sort | xargs)
# DKMS cleans its build area: what was built is in the make log it keeps.
built=$(find "$s/dkms" -name make.log -exec cat {} + |
	grep -oE '[a-z0-9_]+_(sim|kunit)\.ko|rig_plant\.ko' | sort -u | xargs)
if [ $rc = 0 ] && [ "$got" = "cyw43439 ethbus lan8720" ] && [ -z "$built" ]; then
	echo "PASS $name ($kver, scratch root)"
else
	echo "FAIL $name"
	{
		echo "dkms-install.sh exit $rc; installed: ${got:-nothing}; rig modules built: ${built:-none}"
		tail -n 15 "$s/log"
		find "$s/dkms" -name make.log -exec tail -n 15 {} +
	} | sed 's/^/    /'
fi
