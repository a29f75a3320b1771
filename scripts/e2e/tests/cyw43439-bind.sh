#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: 50 unbind/bind cycles through sysfs, each removing wlan0, its
# wiphy and its debugfs directory and powering the chip off, each bind
# bringing wlan0 back with the same MAC. Then a bring-up is interrupted at
# each of its stages (probe entered, chip powered, firmware download, firmware
# running, firmware up) by an unbind, by unloading the driver and by
# removing the simulated board: nothing may hang, the end state must be
# consistent, and the rig's kernel-log scan and kmemleak must stay quiet.
# Finally the driver loaded before the board binds when the board appears.
# rig-timeout: 1500
. /rig/lib.sh
PLAN=32
plan $PLAN

SPI=/sys/bus/spi/devices
DRV=/sys/bus/spi/drivers/cyw43439
SIMDBG=/sys/kernel/debug/cyw43439_sim/cywsim0
NVRAM=/lib/firmware/brcm/brcmfmac43439-sdio.txt
MAC=$(sed -n 's/^macaddr=//p' "$NVRAM" 2>/dev/null | tr 'A-F' 'a-f')
: "${MAC:=02:43:94:39:00:01}"
CYCLES=50
LIMIT=120	# seconds one bind, unbind, load or unload may take
STAGES="probe powered download running up"
DEV=
ERR=/tmp/cyw43439-bind.err
HUNG=/tmp/cyw43439-bind.hung	# what hung, if anything (also from checks)
rm -f "$HUNG"

sim_spi_dev()
{
	local d
	for d in "$SPI"/*; do
		[ "$(cat "$d/modalias" 2>/dev/null)" = spi:cyw43439 ] &&
			{ basename "$d"; return 0; }
	done
	return 1
}

mod_loaded()
{
	test -e "/sys/module/$1/initstate"
}

# sysw FILE VALUE: a sysfs write; fails as the write fails
sysw()
{
	echo "$2" > "$1"
}

# finished PID: the process is gone or a zombie (no fork: polled often)
finished()
{
	local s
	{ read -r s < "/proc/$1/stat"; } 2>/dev/null || return 0
	s=${s##*) }
	[ "${s:0:1}" = Z ]
}

# wait_limited SECS PID WHAT: its exit status, or 124 with WHAT in $HUNG
# when it is still running after SECS (a task stuck in the kernel cannot
# be killed, so it is left behind)
wait_limited()
{
	local n=0
	while ! finished "$2"; do
		if [ $n -ge $(($1 * 20)) ]; then
			echo "$3 (pid $2)" >> "$HUNG"
			return 124
		fi
		sleep 0.05
		n=$((n + 1))
	done
	wait "$2"
}

# run_limited SECS CMD...: CMD in the background, waited for up to SECS.
# Its stdout is not ours: a stuck CMD must not hold a `check` pipe open.
run_limited()
{
	local secs=$1
	shift
	"$@" >/dev/null 2>"$ERR" &
	wait_limited "$secs" $! "$*"
}

hung()
{
	test -s "$HUNG"
}

# bail WHY: something hung in the kernel; the rest cannot run
bail()
{
	echo "# giving up: $1"
	[ -s "$HUNG" ] && sed 's/^/# hung: /' "$HUNG"
	while [ "$RIG_NTEST" -lt "$PLAN" ]; do
		not_ok "not run: $1"
	done
	exit 1
}

wlan0_has_mac()
{
	test -e /sys/class/net/wlan0 &&
		grep -qx "$MAC" /sys/class/net/wlan0/address
}

# no wlan0, no wiphy, no debugfs directory for the device
nothing_left()
{
	local bad=
	test -e /sys/class/net/wlan0 && bad+=" wlan0;"
	[ -n "$(iw phy 2>/dev/null)" ] && bad+=" wiphy;"
	test -e "/sys/kernel/debug/cyw43439/$DEV" && bad+=" debugfs dir;"
	[ -z "$bad" ] && return 0
	echo "left behind:$bad"
	return 1
}

chip_off()
{
	grep -q '^reg_on: 0 ' "$SIMDBG/state"
}

# consistent: bound, wlan0 and a wiphy all present or all absent, and
# wlan0, when there, has its MAC
consistent()
{
	local b=0 n=0 p=0
	test -e "$SPI/$DEV/driver" && b=1
	test -e /sys/class/net/wlan0 && n=1
	[ -n "$(iw phy 2>/dev/null)" ] && p=1
	if [ "$b$n$p" != 000 ] && [ "$b$n$p" != 111 ]; then
		echo "bound $b, wlan0 $n, wiphy $p"
		return 1
	fi
	[ $n = 0 ] || wlan0_has_mac || { echo "wlan0 without MAC $MAC"; return 1; }
}

scan_finds_all()
{
	local out b
	ip link set wlan0 up || return 1
	out=$(iw_scan wlan0 2>&1)
	ip link set wlan0 down
	for b in 02:cb:51:00:00:01 02:cb:51:00:00:02 02:cb:51:00:00:03; do
		printf '%s\n' "$out" | grep -q "^BSS $b" ||
			{ echo "$b not found:"; printf '%s\n' "$out"; return 1; }
	done
}

one_wiphy_scans()
{
	[ "$(iw phy | grep -c '^Wiphy ')" = 1 ] ||
		{ echo "wiphys:"; iw phy | grep '^Wiphy'; return 1; }
	scan_finds_all
}

# --- stages of a bring-up, as the simulated chip shows them --------------
state_has()
{
	local l
	while IFS= read -r l; do
		[[ $l == *"$1"* ]] && return 0
	done < "$SIMDBG/state"
	return 1
}

counter_ge()
{
	local k v
	while read -r k v; do
		[ "$k" = "$1:" ] && [ "$v" -ge "$2" ] && return 0
	done < "$SIMDBG/counters"
	return 1
}

at_stage()
{
	case $1 in
	probe) test -e "$SPI/$DEV/driver" ;;
	powered) state_has ' powered: 1 ' ;;
	download) counter_ge f1_transactions 1000 ;;
	running) state_has 'firmware: running' ;;
	up) state_has 'wl: up 1 ' ;;
	esac
}

stage_name()
{
	case $1 in
	probe) echo "probe entered" ;;
	powered) echo "chip powered" ;;
	download) echo "firmware download" ;;
	running) echo "firmware running" ;;
	up) echo "firmware up" ;;
	esac
}

# wait_stage STAGE PID: true once STAGE is seen; false if PID (the
# bring-up) ended first or nothing happened for LIMIT seconds
wait_stage()
{
	local n=0
	while ! at_stage "$1" 2>/dev/null; do
		finished "$2" && return 1
		[ $n -ge $((LIMIT * 100)) ] && return 1
		sleep 0.01
		n=$((n + 1))
	done
}

# baseline unbound|unloaded: simulator loaded; the driver loaded with the
# device unbound, or the driver not loaded
baseline()
{
	if ! mod_loaded cyw43439_sim; then
		run_limited "$LIMIT" modprobe cyw43439_sim || return 1
		DEV=$(sim_spi_dev) || return 1
	fi
	case $1 in
	unbound)
		if ! mod_loaded cyw43439; then
			run_limited "$LIMIT" modprobe cyw43439 || return 1
		fi
		poll "$LIMIT" consistent || return 1
		if test -e "$SPI/$DEV/driver"; then
			run_limited "$LIMIT" sysw "$DRV/unbind" "$DEV" || return 1
		fi
		;;
	unloaded)
		if mod_loaded cyw43439; then
			poll "$LIMIT" consistent
			run_limited "$LIMIT" modprobe -r cyw43439 || return 1
		fi
		;;
	esac
	# the next bring-up should start from a powered-off chip (not a
	# result here: the cycles above check that unbind powers it off)
	poll 2 chip_off
	return 0
}

restore()
{
	baseline "$1" && return 0
	hung && bail "hung while restoring the setup"
	bail "could not restore the setup ($1): $(cat "$ERR" 2>/dev/null)"
}

# disrupt STARTER ACTION STAGE: start a bring-up (sysfs bind or module
# load), interrupt it at STAGE by ACTION (unbind, rmmod, rmsim). 1 result.
disrupt()
{
	local starter=$1 action=$2 stage=$3 desc spid apid src arc reached=no
	desc="$starter interrupted by $action at '$(stage_name "$stage")'"
	echo 0 > "$SIMDBG/counters"
	case $starter in
	bind) sysw "$DRV/bind" "$DEV" >/dev/null 2>&1 & ;;
	load) modprobe cyw43439 >/dev/null 2>&1 & ;;
	esac
	spid=$!
	wait_stage "$stage" "$spid" && reached=yes
	case $action in
	unbind) sysw "$DRV/unbind" "$DEV" >/dev/null 2>"$ERR" & ;;
	rmmod) modprobe -r cyw43439 >/dev/null 2>"$ERR" & ;;
	rmsim) modprobe -r cyw43439_sim >/dev/null 2>"$ERR" & ;;
	esac
	apid=$!
	wait_limited "$LIMIT" "$spid" "$starter"
	src=$?
	wait_limited "$LIMIT" "$apid" "$action"
	arc=$?
	echo "# $desc: stage reached: $reached; $starter rc $src;" \
	     "$action rc $arc $(head -c 120 "$ERR" 2>/dev/null)"
	if hung; then
		not_ok "$desc: no hang" "still running after ${LIMIT}s: $(cat "$HUNG")"
		bail "a bring-up interrupted by $action hung"
	fi
	if [ "$arc" = 0 ] && [ "$action" = rmmod ] && mod_loaded cyw43439; then
		not_ok "$desc: driver unloaded" "modprobe -r returned 0"
		return
	fi
	if ! poll 60 consistent; then
		not_ok "$desc: consistent end state" "$(consistent)"
		return
	fi
	# an interruption that succeeded leaves nothing behind
	if [ "$arc" = 0 ] && ! nothing_left >/dev/null; then
		not_ok "$desc: nothing left" "$(nothing_left)"
		return
	fi
	ok "$desc: no hang, nothing left behind"
}

# --- 50 unbind/bind cycles ---------------------------------------------
check "load cyw43439_sim" load cyw43439_sim
DEV=$(sim_spi_dev)
echo "# simulated device: $DEV"
check "load cyw43439" load cyw43439
wait_for 60 "wlan0 registered with MAC $MAC" wlan0_has_mac

bad_unbind='' bad_off='' bad_bind='' bad_rc=''
t0=$(uptime_cs)
for i in $(seq 1 $CYCLES); do
	run_limited "$LIMIT" sysw "$DRV/unbind" "$DEV"
	rc=$?
	hung && bail "unbind #$i hung"
	[ $rc = 0 ] || bad_rc+="unbind #$i: rc $rc $(cat "$ERR")"$'\n'
	nothing_left >/dev/null ||
		bad_unbind+="after unbind #$i: $(nothing_left)"$'\n'
	poll 2 chip_off ||
		bad_off+="after unbind #$i: $(head -n 1 "$SIMDBG/state")"$'\n'
	run_limited "$LIMIT" sysw "$DRV/bind" "$DEV"
	rc=$?
	hung && bail "bind #$i hung"
	[ $rc = 0 ] || bad_rc+="bind #$i: rc $rc $(cat "$ERR")"$'\n'
	poll 60 wlan0_has_mac ||
		bad_bind+="after bind #$i: $(echo /sys/class/net/*)"$'\n'
done
t1=$(uptime_cs)
if [ -z "$bad_unbind" ]; then
	ok "$CYCLES unbinds: wlan0, its wiphy and debugfs directory gone each time"
else
	not_ok "$CYCLES unbinds: wlan0, its wiphy and debugfs directory gone each time" \
		"$(printf '%s' "$bad_unbind" | head -n 10)"
fi
if [ -z "$bad_off" ]; then
	ok "$CYCLES unbinds: the chip is powered off (WL_REG_ON low) each time"
else
	not_ok "$CYCLES unbinds: the chip is powered off (WL_REG_ON low) each time" \
		"$(printf '%s' "$bad_off" | head -n 10)"
fi
if [ -z "$bad_bind" ]; then
	ok "$CYCLES binds: wlan0 back each time with MAC $MAC"
else
	not_ok "$CYCLES binds: wlan0 back each time with MAC $MAC" \
		"$(printf '%s' "$bad_bind" | head -n 10)"
fi
if [ -z "$bad_rc" ]; then
	ok "every unbind and bind write succeeded"
else
	not_ok "every unbind and bind write succeeded" \
		"$(printf '%s' "$bad_rc" | head -n 10)"
fi
cs=$((t1 - t0))
echo "# $CYCLES cycles in $((cs / 100)).$(printf '%02d' $((cs % 100))) s" \
     "($((cs * 10 / CYCLES)) ms per unbind + bind)"
check "after the cycles: one wiphy, and wlan0 finds the three networks" \
	one_wiphy_scans
hung && bail "hung after the cycles"

# --- interrupted bring-ups -------------------------------------------------
restore unbound
for action in unbind rmmod rmsim; do
	for st in $STAGES; do
		disrupt bind $action "$st"
		restore unbound
	done
done
restore unloaded
for st in $STAGES; do
	disrupt load rmmod "$st"
	restore unloaded
done

# --- and afterwards --------------------------------------------------------
after_all()
{
	run_limited "$LIMIT" modprobe cyw43439 || return 1
	poll 60 wlan0_has_mac || { echo "no wlan0 with MAC $MAC"; return 1; }
	one_wiphy_scans
}
check "after every interruption: wlan0 comes back and finds the three networks" \
	after_all
hung && bail "the driver or the simulator hung"

# The board's devices go (the simulator's platform device is unbound) while
# the driver is bound; the simulator module itself stays pinned meanwhile
# because the driver holds its WL_REG_ON GPIO, as with any GPIO provider.
board_removed()
{
	run_limited "$LIMIT" sysw /sys/bus/platform/drivers/cyw43439_sim/unbind \
		cyw43439_sim.0 || return 1
	nothing_left || return 1
	if sim_spi_dev >/dev/null ||
	   [ "$(cat /sys/module/cyw43439/refcnt)" != 0 ]; then
		echo "simulated device still there, or the driver still in use"
		return 1
	fi
	run_limited "$LIMIT" modprobe -r cyw43439_sim
}
check "the board goes away under the bound driver: wlan0 and its wiphy go" \
	board_removed
hung && bail "the driver or the simulator hung"

board_appears()
{
	run_limited "$LIMIT" modprobe cyw43439_sim || return 1
	DEV=$(sim_spi_dev)
	poll 60 wlan0_has_mac && return 0
	echo "no wlan0 with MAC $MAC"
	return 1
}
check "driver loaded first: it binds when the board appears" board_appears
hung && bail "the driver or the simulator hung"

unload_all()
{
	run_limited "$LIMIT" modprobe -r cyw43439 || return 1
	run_limited "$LIMIT" modprobe -r cyw43439_sim || return 1
	nothing_left && ! mod_loaded cyw43439 && ! mod_loaded cyw43439_sim
}
check "unload cyw43439 and cyw43439_sim: nothing left" unload_all
rm -f "$ERR" "$HUNG"
exit 0
