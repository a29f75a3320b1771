# SPDX-License-Identifier: GPL-2.0
# Helpers for end-to-end tests that run inside the rig's VM and print TAP.
# Source it first: `. /rig/lib.sh`, then `plan N`. See Documentation/testing.rst.

RIG_NTEST=0
RIG_NFAIL=0
# Namespaces to delete at exit, in a file: `check DESC netns_peer ...` runs
# netns_peer in a subshell, where a variable would be lost ($$ is the test's
# PID in subshells too).
RIG_NS_FILE=/tmp/rig-netns.$$

# plan N: the number of results this file will print.
plan()
{
	echo "1..$1"
}

_rig_result()
{
	RIG_NTEST=$((RIG_NTEST + 1))
	echo "$1 $RIG_NTEST - $2"
}

ok()
{
	_rig_result ok "$1"
}

# not_ok DESC [WHY]: a failure, with the reason as a TAP diagnostic.
not_ok()
{
	RIG_NFAIL=$((RIG_NFAIL + 1))
	_rig_result "not ok" "$1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/# /'
	return 0
}

skip()
{
	_rig_result ok "$1 # SKIP ${2:-}"
}

# check DESC CMD...: ok when CMD succeeds; otherwise its output is shown.
check()
{
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "\$ $*
$out"
		return 1
	fi
}

# check_fail DESC CMD...: ok when CMD fails (bad input must be refused).
check_fail()
{
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		not_ok "$desc" "\$ $* unexpectedly succeeded:
$out"
		return 1
	fi
	ok "$desc"
}

# uptime_cs: time since boot in hundredths of a second
uptime_cs()
{
	local up rest
	read -r up rest < /proc/uptime
	echo $(( 10#${up/./} ))
}

# poll SECS CMD...: true once CMD succeeds, false after SECS seconds. The
# clock is /proc/uptime, not whole seconds of date: a deadline of 2 s is
# 2 s, not anything from 1 to 2.
poll()
{
	local deadline=$(( $(uptime_cs) + $1 * 100 ))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$(uptime_cs)" -ge "$deadline" ] && return 1
		sleep 0.2
	done
}

# wait_for SECS DESC CMD...: a result, ok once CMD succeeds within SECS.
wait_for()
{
	local secs=$1 desc=$2
	shift 2
	if poll "$secs" "$@"; then
		ok "$desc"
	else
		not_ok "$desc" "\$ $* still failing after ${secs}s:
$("$@" 2>&1)"
		return 1
	fi
}

# netns_peer NS IFACE CIDR: move IFACE into a new namespace NS, address it
# and bring it up. The namespace is deleted when the test exits.
netns_peer()
{
	local ns=$1 dev=$2 addr=$3
	ip netns add "$ns" || return 1
	echo "$ns" >> "$RIG_NS_FILE"
	ip link set "$dev" netns "$ns" || return 1
	ip -n "$ns" link set lo up
	ip -n "$ns" addr add "$addr" dev "$dev" || return 1
	ip -n "$ns" link set "$dev" up
}

in_ns()
{
	local ns=$1
	shift
	ip netns exec "$ns" "$@"
}

# load MOD [params]: modprobe, saying clearly what failed.
load()
{
	local out
	if ! out=$(modprobe "$@" 2>&1); then
		echo "# modprobe $* failed: $out"
		return 1
	fi
}

unload()
{
	modprobe -r "$@"
}

# ping_ok [NS] DST: three pings, all answered.
ping_ok()
{
	if [ $# = 2 ]; then
		in_ns "$1" ping -c 3 -i 0.2 -W 2 "$2"
	else
		ping -c 3 -i 0.2 -W 2 "$1"
	fi
}

# iperf_server NS: a one-off iperf3 server in NS for the next client,
# killed when the test exits. The server before it may still hold the
# port: one whose client died stays busy with that dead test, and one
# whose test ended may not have exited yet. Either would turn the next
# client away, so it is ended first and the port seen free.
iperf_server()
{
	local pidf="/tmp/iperf3-$1.pid" pid
	pid=$(cat "$pidf" 2>/dev/null)
	if [ -n "$pid" ] && grep -qx iperf3 "/proc/$pid/comm" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		poll 5 sh -c "! grep -qx iperf3 /proc/$pid/comm"
	fi
	rm -f "$pidf"
	poll 5 in_ns "$1" sh -c "! netstat -ltn 2>/dev/null | grep -q :5201"
	in_ns "$1" iperf3 -s -D -1 -I "$pidf" >/dev/null 2>&1
	poll 5 in_ns "$1" sh -c "netstat -ltn 2>/dev/null | grep -q :5201"
}

# iperf_bps ARGS...: run an iperf3 client, print the receiver's bits/s.
iperf_bps()
{
	iperf3 -J "$@" 2>/dev/null |
		sed -n '/"sum_received"/,/}/s/.*"bits_per_second":[[:space:]]*\([0-9.e+]*\).*/\1/p' |
		head -n 1
}

_rig_cleanup()
{
	local ns
	for ns in $(cat "$RIG_NS_FILE" 2>/dev/null); do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$ns" 2>/dev/null
	done
	rm -f "$RIG_NS_FILE"
}
trap _rig_cleanup EXIT

# iw_scan IFACE [iw scan args]: scan and print the results once the scan
# has finished. Plain `iw dev IFACE scan` starts listening for the end of
# the scan only after triggering it (iw's own source warns about this), so
# a scan that ends within milliseconds, as a one-channel scan of the
# simulator does, leaves it waiting forever. Here the listener comes first.
iw_scan()
{
	local ifc=$1 ev evpid rc=0 end
	shift
	ev=$(mktemp)
	stdbuf -oL iw event > "$ev" 2>&1 &
	evpid=$!
	# let iw subscribe before the scan starts (slow to load under TCG)
	sleep 2
	if ! iw dev "$ifc" scan trigger "$@"; then
		kill "$evpid" 2>/dev/null
		wait "$evpid" 2>/dev/null
		rm -f "$ev"
		return 1
	fi
	end=$(($(date +%s) + 60))
	while [ "$(date +%s)" -lt "$end" ]; do
		grep -qE "^$ifc .*scan (finished|aborted)" "$ev" && break
		sleep 0.2
	done
	kill "$evpid" 2>/dev/null
	wait "$evpid" 2>/dev/null
	if grep -qE "^$ifc .*scan aborted" "$ev"; then
		echo "scan aborted!"
		rc=1
	elif ! grep -qE "^$ifc .*scan finished" "$ev"; then
		echo "scan did not finish in 60 s"
		rc=1
	else
		iw dev "$ifc" scan dump || rc=1
	fi
	rm -f "$ev"
	return $rc
}

# spi_dev_with_modalias ALIAS: name of the first SPI device with that
# modalias (e.g. spi:cyw43439, the simulated chip)
spi_dev_with_modalias()
{
	local d
	for d in /sys/bus/spi/devices/*; do
		[ "$(cat "$d/modalias" 2>/dev/null)" = "$1" ] &&
			{ basename "$d"; return 0; }
	done
	return 1
}

# klog_mark WHAT: a line in the kernel log; klog prints the log since the
# last mark, each line with its level (<3> is an error)
RIG_KLOG_MARK=
RIG_KLOG_N=0
klog_mark()
{
	RIG_KLOG_N=$((RIG_KLOG_N + 1))
	RIG_KLOG_MARK="rig: $(basename "$0" .sh): $RIG_KLOG_N $*"
	echo "$RIG_KLOG_MARK" > /dev/kmsg
}

klog()
{
	dmesg -r | awk -v m="$RIG_KLOG_MARK" 'index($0, m) { p = 1 } p'
}
