#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make demo`: build what is needed, boot the VM and walk through the
# scripted tour (scripts/guest/demo.sh), printed live.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

log "preparing the VM (the first run builds a kernel: allow 15-40 minutes)"
read -r kernel initrd _ < <("$RIG_TOP/scripts/build.sh" guest test)
log "booting; the tour follows"
"$RIG_TOP/scripts/vm.sh" stream "$kernel" "$initrd" "${RIG_VM_TIMEOUT:-600}" \
	mode=demo | sed -u '/^RIG-DONE/d'
