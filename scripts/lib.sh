# SPDX-License-Identifier: GPL-2.0
# Shared shell helpers for the rig scripts: paths, logging, caching stamps.
# Sourced, never run.

RIG_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RIG_CACHE=${RIG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/netdrv-rig}
RIG_JOBS=${RIG_JOBS:-$(nproc)}
# Per-checkout scratch (module build copies, guest images): kernels and
# sources are shared through RIG_CACHE, but two checkouts of the tree must
# never build into the same copy, so the default is keyed by this tree's path.
RIG_WORK=${RIG_WORK:-$RIG_CACHE/work/$(printf '%s' "$RIG_TOP" | sha256sum | cut -c1-12)}

# Kernel series the rig knows. "primary" is the test kernel.
RIG_PRIMARY=6.12
RIG_OLD=6.1
# The newest 7.x is looked up in the package index at fetch time.

log()  { printf '[rig] %s\n' "$*" >&2; }
die()  { printf '[rig] error: %s\n' "$*" >&2; exit 1; }

# sudo only when not root.
as_root()
{
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root for: $* (no sudo found)"
	fi
}

# hash_of FILE...: one sha256 over the contents of the given files.
hash_of()
{
	cat "$@" | sha256sum | cut -d' ' -f1
}

# stamp_ok FILE VALUE: true when FILE holds VALUE.
stamp_ok()
{
	[ -f "$1" ] && [ "$(cat "$1")" = "$2" ]
}

# Elapsed-time helper for step logs.
now() { date +%s; }
