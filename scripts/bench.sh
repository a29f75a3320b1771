#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: the benchmarks, on the kernel without the checkers (KASAN and
# lockdep would measure themselves). Each scripts/bench/*.sh runs in one VM
# boot and prints a Markdown table.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

log "preparing the bench VM (first run builds a second kernel)"
read -r kernel initrd _ < <("$RIG_TOP/scripts/build.sh" guest bench)
log "running benchmarks"
"$RIG_TOP/scripts/vm.sh" stream "$kernel" "$initrd" "${RIG_VM_TIMEOUT:-1800}" \
	mode=bench | sed -u '/^RIG-DONE/d'
