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

# rig_apt_setup DIR ARCH: a private apt state in DIR for Debian packages of
# ARCH, from the mirror the machine's apt already uses (the archive whose
# Release label is "Debian", not Debian-Security), reading bookworm, trixie
# and their backports; the system's apt setup is never touched. Sets
# APT_OPTS for apt-get/apt-cache and updates the index.
rig_apt_setup()
{
	local aptdir=$1 arch=$2 mirror keyring
	mirror=${RIG_DEBIAN_MIRROR:-}
	if [ -z "$mirror" ]; then
		mirror=$(apt-get indextargets --format '$(REPO_URI) $(LABEL)' \
			'Created-By: Packages' 2>/dev/null |
			awk '$2 == "Debian" { print $1; exit }')
	fi
	[ -n "$mirror" ] || die "no Debian mirror found in the machine's apt sources" \
		"(run 'apt-get update' first, or set RIG_DEBIAN_MIRROR)"

	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	[ -r "$keyring" ] || die "$keyring missing: install debian-archive-keyring"

	mkdir -p "$aptdir"/lists/partial "$aptdir"/archives/partial "$aptdir"/etc/parts.d
	cat > "$aptdir/etc/sources.list" <<SRC
deb [signed-by=$keyring] $mirror bookworm main
deb [signed-by=$keyring] $mirror bookworm-backports main
deb [signed-by=$keyring] $mirror trixie main
deb [signed-by=$keyring] $mirror trixie-backports main
SRC
	: > "$aptdir/etc/empty"
	APT_OPTS=(
		-o "Dir::State=$aptdir" -o "Dir::State::Lists=$aptdir/lists"
		-o "Dir::State::status=$aptdir/etc/empty"
		-o "Dir::Cache=$aptdir" -o "Dir::Cache::archives=$aptdir/archives"
		-o "Dir::Etc::SourceList=$aptdir/etc/sources.list"
		-o "Dir::Etc::SourceParts=$aptdir/etc/parts.d"
		-o "Dir::Etc::Preferences=$aptdir/etc/empty"
		-o "Dir::Etc::PreferencesParts=$aptdir/etc/parts.d"
		-o "APT::Architecture=$arch" -o "APT::Architectures::=$arch"
		-o "Acquire::Languages=none" -o "APT::Sandbox::User=root"
	)

	log "updating the private package index ($arch) from $mirror"
	apt-get "${APT_OPTS[@]}" -qq update >"$aptdir/update.log" 2>&1 ||
		die "apt-get update against $mirror failed (see $aptdir/update.log)"
}

# rig_apt_candidate PKG: the version rig_apt_setup's index offers.
rig_apt_candidate()
{
	local ver
	ver=$(apt-cache "${APT_OPTS[@]}" policy "$1" | awk '/Candidate:/ { print $2 }')
	[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "$1 is not offered by the mirror"
	echo "$ver"
}

# rig_apt_download DIR PKG VER: download PKG=VER (of rig_apt_setup's
# architecture) into DIR/archives; prints the .deb's path.
rig_apt_download()
{
	local aptdir=$1 pkg=$2 ver=$3
	(cd "$aptdir/archives" && rm -f "${pkg}"_*.deb &&
		apt-get "${APT_OPTS[@]}" -qq download "$pkg=$ver" >/dev/null) ||
		die "download of $pkg $ver failed"
	ls "$aptdir/archives/${pkg}"_*.deb
}
