#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: the driver binds to the simulated chip, boots the synthetic
# firmware and registers a wiphy and wlan0 with the MAC address from the
# NVRAM file; iw shows a 2.4 GHz managed-mode station that scans; debugfs
# shows the firmware version and what the bring-up cost. Once on the 3-wire
# wiring (Pico W: shared data/host-wake line, active high) and once on the
# 4-wire wiring (Murata 1YN: separate host-wake line, active low); unloading
# the driver and then the simulator leaves nothing behind.
# rig-timeout: 600
. /rig/lib.sh
plan 46

NVRAM=/lib/firmware/brcm/brcmfmac43439-sdio.txt
SIMDBG=/sys/kernel/debug/cyw43439_sim/cywsim0
# the chip's MAC is the macaddr= line of the NVRAM the driver downloads
MAC=$(sed -n 's/^macaddr=//p' "$NVRAM" 2>/dev/null | tr 'A-F' 'a-f')
: "${MAC:=02:43:94:39:00:01}"
DEV=
DBG=

sim_spi_dev()
{
	spi_dev_with_modalias spi:cyw43439
}


wlan0_is_ours()
{
	local want got drv
	want=$(readlink -f "/sys/bus/spi/devices/$DEV")
	got=$(readlink -f /sys/class/net/wlan0/device)
	drv=$(readlink -f "/sys/bus/spi/devices/$DEV/driver")
	if [ "$got" != "$want" ] || [ "${drv##*/}" != cyw43439 ]; then
		echo "wlan0 device: '$got', want '$want'; driver: '$drv'"
		return 1
	fi
}

wlan0_has_mac()
{
	grep -qx "$MAC" /sys/class/net/wlan0/address ||
		{ echo "wlan0 address: $(cat /sys/class/net/wlan0/address)"; return 1; }
	ip link show wlan0 | grep -q "link/ether $MAC "
}

probe_logged()
{
	klog | grep -E "cyw43439 $DEV:? wlan0: firmware .*7\.95\.61.*, MAC $MAC" ||
		{ klog | grep cyw43439; return 1; }
}

iw_dev_ok()
{
	local out
	out=$(iw dev wlan0 info) || return 1
	printf '%s\n' "$out" | grep -q "addr $MAC" &&
		printf '%s\n' "$out" | grep -q 'type managed' &&
		iw dev | grep -q 'Interface wlan0' && return 0
	iw dev
	return 1
}

# exactly one wiphy, and it is wlan0's
one_wiphy()
{
	local out n phy
	out=$(iw phy) || return 1
	n=$(printf '%s\n' "$out" | grep -c '^Wiphy ')
	phy=$(printf '%s\n' "$out" | sed -n 's/^Wiphy //p')
	if [ "$n" != 1 ] ||
	   [ "$(basename "$(readlink -f /sys/class/net/wlan0/phy80211)")" != "$phy" ]; then
		echo "wiphys: $n; wlan0's: $(readlink /sys/class/net/wlan0/phy80211)"
		return 1
	fi
}

# channels 1-13 (2412-2472 MHz) and 14 (2484 MHz); 1-11 usable anywhere
phy_channels()
{
	local out ch f miss=
	out=$(iw phy) || return 1
	for ch in $(seq 1 14); do
		f=$((2407 + 5 * ch))
		[ "$ch" = 14 ] && f=2484
		printf '%s\n' "$out" |
			grep -Eq "\* $f(\.0)? MHz \[$ch\]" || miss+=" $ch(missing)"
		[ "$ch" -le 11 ] && printf '%s\n' "$out" |
			grep -E "\* $f(\.0)? MHz \[$ch\]" | grep -q disabled &&
			miss+=" $ch(disabled)"
	done
	[ -z "$miss" ] || { echo "channels:$miss"; echo "$out"; return 1; }
}

only_2ghz()
{
	local out
	out=$(iw phy) || return 1
	printf '%s\n' "$out" | grep -q 'Band 1:' &&
		! printf '%s\n' "$out" |
		grep -Eq 'Band [2-9]:|\* 5[0-9]{3}(\.0)? MHz' && return 0
	echo "$out"
	return 1
}

phy_modes()
{
	iw phy | awk '/Supported interface modes:/ { p = 1; next }
		      p && $1 == "*" { print $2; next } { p = 0 }' |
		grep -qx managed || { iw phy; return 1; }
}

phy_ccmp()
{
	iw phy | grep -q 'CCMP-128 (00-0f-ac:4)' || { iw phy; return 1; }
}

fw_version_ok()
{
	local v
	v=$(cat "$DBG/fw_version") || return 1
	[ "$(printf '%s\n' "$v" | wc -l)" = 1 ] &&
		printf '%s\n' "$v" | grep -q '7\.95\.61' && return 0
	echo "fw_version: '$v'"
	return 1
}

clm_version_ok()
{
	grep -q '[^[:space:]]' "$DBG/clm_version" ||
		{ echo "clm_version is empty"; return 1; }
}

# counter NAME: its value in the driver's debugfs counters
counter()
{
	awk -v n="$1" '$1 == n { print $2 }' "$DBG/counters"
}

counters_ok()
{
	local n v bad=
	for n in bus_xacts bus_bytes f2_rx_frames f2_tx_frames \
		 ctrl_frames event_frames data_frames credit_frames sdpcm_bad \
		 bdc_bad event_bad ioctls ioctl_errors ioctl_timeouts; do
		grep -Eq "^$n [0-9]+$" "$DBG/counters" || bad+=" $n(format)"
	done
	for n in bus_xacts bus_bytes f2_rx_frames f2_tx_frames ctrl_frames \
		 ioctls; do
		v=$(counter "$n")
		[ "${v:-0}" -gt 0 ] || bad+=" $n=0"
	done
	[ -z "$bad" ] || { echo "counters:$bad"; cat "$DBG/counters"; return 1; }
}

no_protocol_errors()
{
	local n v bad=
	for n in sdpcm_bad bdc_bad event_bad ioctl_timeouts; do
		v=$(counter "$n")
		[ "$v" = 0 ] || bad+=" $n=$v"
	done
	[ -z "$bad" ] || { echo "counters:$bad"; cat "$DBG/counters"; return 1; }
}

sdpcm_ok()
{
	local f=$DBG/sdpcm credit
	credit=$(awk '$1 == "credit" { print $2 }' "$f")
	grep -Eq '^tx_seq [0-9]+$' "$f" && grep -Eq '^max_seq [0-9]+$' "$f" &&
		grep -Eq '^flow_ctl 0x00$' "$f" &&
		grep -Eq '^credit [0-9]+$' "$f" && [ "$credit" -gt 0 ] &&
		return 0
	cat "$f"
	return 1
}

# bringup_val KEY: time_us or transactions from the driver's debugfs
bringup_val()
{
	awk -v k="$1" '$1 == k { print $2 }' "$DBG/bringup" 2>/dev/null
}

bringup_ok()
{
	local us xacts all
	us=$(bringup_val time_us)
	xacts=$(bringup_val transactions)
	all=$(counter bus_xacts)
	if [ "${us:-0}" -gt 0 ] && [ "${xacts:-0}" -gt 0 ] &&
	   [ "$xacts" -le "${all:-0}" ]; then
		return 0
	fi
	echo "bringup: time_us '$us', transactions '$xacts' (bus_xacts '$all')"
	cat "$DBG/bringup"
	return 1
}

scan_finds_all()
{
	local out b miss=
	out=$(iw_scan wlan0 2>&1) || { echo "$out"; return 1; }
	for b in 02:cb:51:00:00:01 02:cb:51:00:00:02 02:cb:51:00:00:03; do
		printf '%s\n' "$out" | grep -q "^BSS $b" || miss+=" $b"
	done
	[ -z "$miss" ] || { echo "not found:$miss"; echo "$out"; return 1; }
}

# host-wake interrupts are counted by ethbus (ethtool -S: bus_irqs)
irqs_counted()
{
	local irqs
	irqs=$(ethtool -S wlan0 | awk '$1 == "bus_irqs:" { print $2 }')
	[ "${irqs:-0}" -gt 0 ] && [ "$(counter event_frames)" -gt 0 ] &&
		return 0
	ethtool -S wlan0
	cat "$DBG/counters"
	return 1
}

driver_gone()
{
	modprobe -r cyw43439 || return 1
	! test -e /sys/module/cyw43439 || { echo "module still loaded"; return 1; }
	! test -e /sys/class/net/wlan0 || { echo "wlan0 left behind"; return 1; }
	[ -z "$(iw phy)" ] || { echo "wiphy left behind:"; iw phy; return 1; }
	! test -e /sys/kernel/debug/cyw43439 ||
		{ echo "debugfs left behind"; ls -R /sys/kernel/debug/cyw43439; return 1; }
	! test -e "/sys/bus/spi/devices/$DEV/driver" ||
		{ echo "$DEV still bound"; return 1; }
}

sim_gone()
{
	modprobe -r cyw43439_sim || return 1
	! test -e /sys/module/cyw43439_sim && ! test -e /sys/class/net/cywsim0 &&
		! sim_spi_dev >/dev/null && ! test -e "${SIMDBG%/*}" && return 0
	echo "left behind:"
	ls /sys/class/net /sys/bus/spi/devices /sys/kernel/debug
	return 1
}

# round WIRING [SIM PARAMS]: 23 results
round()
{
	local w=$1
	shift
	echo "# --- $w wiring ---"
	klog_mark "$w"
	check "$w: load cyw43439_sim $*" load cyw43439_sim "$@"
	DEV=$(sim_spi_dev)
	DBG=/sys/kernel/debug/cyw43439/$DEV
	check "$w: simulated SPI device ${DEV:-?} (modalias spi:cyw43439)" \
		test -n "$DEV"
	check "$w: load cyw43439" load cyw43439
	wait_for 60 "$w: wlan0 registered" test -d /sys/class/net/wlan0
	check "$w: wlan0 belongs to the cyw43439 driver on $DEV" wlan0_is_ours
	check "$w: wlan0 has the NVRAM's MAC $MAC" wlan0_has_mac
	check "$w: kernel log: 'wlan0: firmware <version>, MAC $MAC'" \
		probe_logged
	check "$w: iw dev: wlan0, type managed, addr $MAC" iw_dev_ok
	check "$w: one wiphy, and wlan0 is its interface" one_wiphy
	check "$w: iw phy: channels 1-13 (2412-2472 MHz) and 14 (2484 MHz)" \
		phy_channels
	check "$w: iw phy: a 2.4 GHz band only" only_2ghz
	check "$w: iw phy: interface mode 'managed'" phy_modes
	check "$w: iw phy: cipher CCMP-128" phy_ccmp
	check "$w: debugfs fw_version: the firmware's 7.95.61" fw_version_ok
	echo "# firmware: $(cat "$DBG/fw_version" 2>/dev/null)"
	echo "# CLM: $(cat "$DBG/clm_version" 2>/dev/null)"
	check "$w: debugfs clm_version is set" clm_version_ok
	check "$w: debugfs counters: every counter, bring-up counted" counters_ok
	check "$w: debugfs counters: no protocol errors or ioctl timeouts" \
		no_protocol_errors
	check "$w: debugfs sdpcm: sequence, credit granted, no flow control" \
		sdpcm_ok
	check "$w: debugfs bringup: time and transactions" bringup_ok
	echo "# bring-up ($w): $(bringup_val time_us) us," \
	     "$(bringup_val transactions) transactions"
	ip link set wlan0 up
	check "$w: scan finds the three simulated networks" scan_finds_all
	check "$w: scan results came by host-wake interrupt (irqs counted)" \
		irqs_counted
	ip link set wlan0 down 2>/dev/null
	check "$w: unload cyw43439: no wlan0, wiphy, debugfs or binding left" \
		driver_gone
	check "$w: unload cyw43439_sim: its devices are gone" sim_gone
}

round 3-wire
round 4-wire three_wire=0

# whatever a failure left loaded
unload cyw43439 2>/dev/null
unload cyw43439_sim 2>/dev/null
exit 0
