# SPDX-License-Identifier: GPL-2.0
# Guest-side runner: loads KUnit modules and runs end-to-end test files, each
# framed by RIG-BEGIN/RIG-END on fd 3 with the kernel log it produced, so the
# host can count results and scan the log per test. Sourced by /init.

# kill_tree PID: SIGKILL to PID and every process below it, children first
# so none is reparented out of reach (busybox has no pkill -P)
kill_tree()
{
	local c st
	for st in /proc/[0-9]*/stat; do
		c=${st#/proc/}
		c=${c%/stat}
		[ "$(sed 's/.*) . \([0-9]*\).*/\1/' "$st" 2>/dev/null)" = "$1" ] &&
			kill_tree "$c"
	done
	kill -KILL "$1" 2>/dev/null
}

# rig_limit SECS CMD...: run CMD, kill it after SECS seconds (exit 137). A
# task stuck in the kernel ignores even SIGKILL, so after the kill the
# runner waits two more seconds, then leaves it behind and goes on.
rig_limit()
{
	local limit=$1 pid st end
	shift
	"$@" &
	pid=$!
	# wall-clock deadline: under TCG a poll loop's ticks run late (this
	# runs in busybox sh: no $SECONDS)
	end=$(($(date +%s) + limit))
	while :; do
		st=$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | cut -c1)
		[ -z "$st" ] || [ "$st" = Z ] && break
		if [ "$(date +%s)" -ge "$end" ]; then
			kill_tree $pid
			sleep 2
			st=$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | cut -c1)
			[ -z "$st" ] || [ "$st" = Z ] && wait $pid
			return 137
		fi
		sleep 0.2
	done
	wait $pid
}

# rig_dmesg NAME [ALLOW]: everything the kernel logged since the last call,
# framed for the host. ALLOW holds the regular expressions, one a line, of
# the kernel reports the test declared as expected (rig-allow-log); each
# goes to the host as a RIG-ALLOW-LOG line at the head of the frame.
rig_dmesg()
{
	local re
	echo "RIG-BEGIN dmesg $1" >&3
	printf '%s\n' "${2:-}" | while IFS= read -r re; do
		[ -n "$re" ] && echo "RIG-ALLOW-LOG $re" >&3
	done
	dmesg -c >&3 2>&1
	echo "RIG-END dmesg $1" >&3
}

# rig_allowed FILE: the "# rig-allow-log: REGEX" headers of a test file.
rig_allowed()
{
	sed -n 's/^# rig-allow-log: *//p' "$1"
}

rig_run_kunit()
{
	local ko name rc
	dmesg -c >/dev/null
	for ko in $(find /lib/modules/"$(uname -r)"/extra -name '*_kunit.ko' | sort); do
		name=$(basename "$ko" .ko)
		echo "RIG-BEGIN kunit $name" >&3
		rig_limit "$test_timeout" modprobe "$name"
		rc=$?
		# The KTAP output is in the kernel log; hand it over whole.
		dmesg -c >&3 2>&1
		echo "RIG-END kunit $name rc=$rc" >&3
		modprobe -r "$name" 2>/dev/null
		rig_dmesg "kunit:$name:unload"
	done
}

# rig_run_e2e "glob ...": run /rig/tests/*.sh whose name matches.
rig_run_e2e()
{
	local t name rc limit pat match
	for t in /rig/tests/*.sh; do
		[ -e "$t" ] || continue
		name=$(basename "$t" .sh)
		match=0
		set -f
		for pat in ${1:-*}; do
			case "$name" in $pat) match=1 ;; esac
		done
		set +f
		[ $match = 1 ] || continue
		limit=$(sed -n 's/^# rig-timeout: *\([0-9]*\).*/\1/p' "$t")
		dmesg -c >/dev/null
		echo "RIG-BEGIN e2e $name" >&3
		(cd /tmp && rig_limit "${limit:-$test_timeout}" \
			/bin/bash "$t" </dev/null >&3 2>&1)
		rc=$?
		echo "RIG-END e2e $name rc=$rc" >&3
		rig_dmesg "e2e:$name" "$(rig_allowed "$t")"
	done
}

# Leaks show up only after a scan finds an object unreferenced and old
# enough (kmemleak's minimum age is 5 s).
rig_kmemleak()
{
	local f=/sys/kernel/debug/kmemleak
	[ -w $f ] || return 0
	sleep 6
	echo scan > $f
	echo scan > $f
	echo "RIG-BEGIN kmemleak" >&3
	cat $f >&3
	echo "RIG-END kmemleak" >&3
}

# What the "expected" and "mixed" plants declare with rig-allow-log: the
# message of rig_plant's expected warning, and nothing else.
RIG_PLANT_ALLOW='rig_plant: an expected warning'

# Plant faults the way a real test would meet them, so the host can check
# that each is reported as a failure. "none" is the control: it must pass;
# so must "expected", a warning its test declared. "mixed" plants that
# declared warning and an undeclared one: it must fail.
rig_selftest()
{
	local p leak=0 loaded=0
	for p in $(echo "$1" | tr ',' ' '); do
		case "$p" in
		none|kunit)
			rig_plant_kunit "$p"
			[ "$p" = none ] && rig_plant_e2e none
			;;
		expected|mixed)
			[ $loaded = 1 ] || modprobe rig_plant
			loaded=1
			if [ "$p" = expected ]; then
				rig_plant_e2e expected expected "$RIG_PLANT_ALLOW"
			else
				rig_plant_e2e mixed "expected warn" "$RIG_PLANT_ALLOW"
			fi
			;;
		noplan)
			echo "RIG-BEGIN e2e plant-noplan" >&3
			printf 'ok 1 - a result without a plan\n' >&3
			echo "RIG-END e2e plant-noplan rc=0" >&3
			;;
		*)
			[ $loaded = 1 ] || modprobe rig_plant
			loaded=1
			rig_plant_e2e "$p"
			[ "$p" = leak ] && leak=1
			;;
		esac
	done
	[ $leak = 1 ] && rig_kmemleak
	return 0
}

rig_plant_kunit()
{
	local rc
	dmesg -c >/dev/null
	echo "RIG-BEGIN kunit rig_plant-$1" >&3
	modprobe rig_plant plant="$1"
	rc=$?
	dmesg -c >&3 2>&1
	echo "RIG-END kunit rig_plant-$1 rc=$rc" >&3
	modprobe -r rig_plant
}

# rig_plant_e2e NAME [TRIGGERS [ALLOW]]: a passing TAP test that plants
# TRIGGERS (default: NAME) and declares ALLOW as rig-allow-log would: only
# the rig's log scan (or a timeout) can turn it into a failure. "none"
# plants nothing.
rig_plant_e2e()
{
	local name=$1 triggers=${2:-$1} allow=${3:-} rc
	dmesg -c >/dev/null
	echo "RIG-BEGIN e2e plant-$name" >&3
	(rig_limit "$test_timeout" /bin/bash -c "
		echo 1..1
		for t in $triggers; do
			[ \$t = none ] ||
				echo \$t > /sys/module/rig_plant/parameters/trigger
		done
		echo 'ok 1 - planted $name'
	" </dev/null >&3 2>&1)
	rc=$?
	echo "RIG-END e2e plant-$name rc=$rc" >&3
	rig_dmesg "e2e:plant-$name" "$allow"
	return 0
}
