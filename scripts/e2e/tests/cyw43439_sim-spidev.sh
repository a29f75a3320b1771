#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Driver-free test of the simulated CYW43439: bind spidev to the simulated
# SPI device and do the gSPI bus bring-up from user space with
# SPI_IOC_MESSAGE (tool: scripts/e2e/tools/cywsim_spidev.c), on the 3-wire
# (Pico W) and the 4-wire (Murata 1YN) wiring. Any SPI master that follows
# reference §1-§4 must get these answers.
. /rig/lib.sh
plan 43

DBG=/sys/kernel/debug/cyw43439_sim/cywsim0
TOOL=cywsim_spidev
SPIDEV=
OUT=

sim_spi_dev()
{
	spi_dev_with_modalias spi:cyw43439
}

bind_spidev()
{
	local dev=$1 p=/sys/bus/spi/devices/$1
	[ -e "$p/driver" ] && echo "$dev" > "$p/driver/unbind"
	echo spidev > "$p/driver_override" || return 1
	echo "$dev" > /sys/bus/spi/drivers/spidev/bind
}

# spidevB.C of a bound device (named after bus number and chip select)
spidev_node()
{
	ls "/sys/bus/spi/devices/$1/spidev" 2>/dev/null | head -n 1
}

unbind_spidev()
{
	local p=/sys/bus/spi/devices/$1
	[ -e "$p/driver" ] && echo "$1" > "$p/driver/unbind"
	echo > "$p/driver_override"
}

# val KEY: the value the tool printed for KEY
val()
{
	printf '%s\n' "$OUT" | sed -n "s/^$1=//p" | head -n 1
}

expect()
{
	local desc=$1 key=$2 want=$3 got
	got=$(val "$key")
	if [ "$got" = "$want" ]; then
		ok "$desc ($key=$got)"
	else
		not_ok "$desc" "$key: want '$want', got '$got'
$OUT"
	fi
}

run_tool()
{
	OUT=$("$TOOL" -d "/dev/$SPIDEV" -g cywsim0-gpio "$@" 2>&1)
}

# --- 3-wire, shared data/IRQ line (Pico W) ---------------------------------
check "load cyw43439_sim (3-wire)" load cyw43439_sim
check "load spidev" load spidev
dev=$(sim_spi_dev)
check "simulated SPI device with modalias spi:cyw43439" test -n "$dev"
check "air netdev cywsim0 exists" test -d /sys/class/net/cywsim0
check "spidev bound through driver_override" bind_spidev "$dev"
SPIDEV=$(spidev_node "$dev")
wait_for 5 "/dev/${SPIDEV:-spidev?} appears" test -c "/dev/$SPIDEV"

run_tool bringup
expect "3-wire mode seen by spidev" three_wire 1
expect "first transfer after power-on is garbage (§1.2)" first_read 0x03030303
expect "16-bit test register (§2.2)" test_ro_16 0xfeedbead
expect "read/write test register (§2.5)" test_rw 0x12345678
expect "bus control reset value 0x30 (§2.5)" bus_ctrl_before 0x30
v=$(val test_ro_old_order)
if [ -n "$v" ] && [ "$v" != 0xfeedbead ]; then
	ok "16-bit order stops working after the switch"
else
	not_ok "16-bit order stops working after the switch" "$OUT"
fi
expect "32-bit ENDIAN_BIG test register" test_ro_32 0xfeedbead
expect "bus control reads back 0xb3" bus_ctrl_after 0xb3
expect "ALP available after request (§4.3)" alp ok
expect "chip id through the backplane window (§4.5)" chip_id 0xa9af
check "bus trace shows the CHIP_CLOCK_CSR write" \
	sh -c "grep -q 'F1 W+ 0x1000e' $DBG/trace"
echo "# bus trace of the bring-up:"
head -n 24 $DBG/trace | sed 's/^/#   /'

run_tool oversize
expect "68-byte F1 read is a command error (§2.4)" oversize_cmd_error 1

# §10 #2: above the 50 MHz datasheet limit reads come back one bit shifted
run_tool -s 62500000 sync
expect "overclocked read is bit-shifted (§10 #2)" test_ro_16 0xff765f56

# A driver-free firmware boot: download, NVRAM token, HT, F2, CLM, ioctls,
# escan (reference §5, §6, §7, §9.1), all from user space through spidev.
echo > $DBG/trace
run_tool boot
ms=$(val f2_ready_ms)
if [ -n "$ms" ] && [ "$ms" -ge 0 ]; then
	ok "synthetic firmware boots, F2 ready after ${ms} ms polling"
else
	not_ok "synthetic firmware boots" "$OUT
$(cat $DBG/console)"
fi
expect "NVRAM length token reads back (§5.2 step 6)" token_readback_ok 1
expect "WLC_UP refused before the CLM (§5.3)" up_before_clm -26
expect "CLM download, clmload_status 0" clm 0
expect "version string from the image trailer" ver \
	"wl0: cywsim version 7.95.61 (abcd531 CY) FWID 01-7afb0879"
expect "WLC_UP after the CLM" up 0
expect "escan reports the three simulated BSSes (§9.2)" escan_bss 3
echo "# bus trace, last transactions of the boot session:"
tail -n 12 $DBG/trace | sed 's/^/#   /'
# Join the open simulated AP and pass one frame each way through "the air"
ip link set cywsim0 up
ip addr add 10.77.0.1/24 dev cywsim0
rx0=$(cat /sys/class/net/cywsim0/statistics/rx_packets)
# pings to an absent address make cywsim0 send ARP broadcasts (IPv6
# multicast from cywsim0 may come first; any frame from it will do)
( for i in $(seq 1 60); do ping -c 1 -W 1 10.77.0.2 >/dev/null 2>&1; done ) &
pinger=$!
run_tool join
kill $pinger 2>/dev/null
wait $pinger 2>/dev/null
expect "open join: SET_SSID status 0 (§9.4)" join_status 0
expect "LINK event with the link-up flag" link_flags 1
rx1=$(cat /sys/class/net/cywsim0/statistics/rx_packets)
if [ "$rx1" -gt "$rx0" ]; then
	ok "station frame came out of cywsim0 ($((rx1 - rx0)) packets)"
else
	not_ok "station frame came out of cywsim0" "$OUT"
fi
expect "a frame sent into cywsim0 reached the station (BDC, channel 2)" \
	rx_data_src "$(cat /sys/class/net/cywsim0/address)"
check "carrier of cywsim0 dropped when REG_ON went low" \
	sh -c "sleep 0.5; grep -qx 0 /sys/class/net/cywsim0/carrier"
check "firmware console reports the boot" \
	sh -c "grep -q 'firmware 7.95.61 (abcd531 CY)' $DBG/console"
check "debugfs counts F0 transactions" \
	sh -c "grep -Eq '^f0_transactions: [1-9]' $DBG/counters"
check "debugfs counts the garbage transactions" \
	sh -c "grep -Eq '^xact_garbage: [1-9]' $DBG/counters"
check "debugfs bss: add an access point" \
	sh -c "echo 'add bssid=02:cb:51:00:00:09 ssid=cywsim-extra chan=3 rssi=-70 sec=wpa2 pass=extra-pass' > $DBG/bss &&
	       grep -q 'ssid=cywsim-extra chan=3 rssi=-70 sec=wpa2' $DBG/bss"
check_fail "debugfs bss: WPA2 needs an 8+ character passphrase" \
	sh -c "echo 'add bssid=02:cb:51:00:00:0a ssid=x sec=wpa2 pass=short' > $DBG/bss"
check "unbind spidev" unbind_spidev "$dev"
check "unload cyw43439_sim" unload cyw43439_sim

# --- 4-wire + separate active-low WL_IRQ (Murata 1YN) -----------------------
check "load cyw43439_sim three_wire=0" load cyw43439_sim three_wire=0
dev=$(sim_spi_dev)
check "spidev bound (4-wire)" bind_spidev "$dev"
SPIDEV=$(spidev_node "$dev")
poll 5 test -c "/dev/$SPIDEV"
run_tool bringup
expect "4-wire full-duplex bring-up: chip id" chip_id 0xa9af
unbind_spidev "$dev"
check "unload cyw43439_sim (4-wire)" unload cyw43439_sim
check "two boards: nr_devs=2 gives two SPI devices and netdevs" \
	sh -c "modprobe cyw43439_sim nr_devs=2 &&
	       test -d /sys/class/net/cywsim1 &&
	       test \$(grep -l spi:cyw43439 /sys/bus/spi/devices/*/modalias |
			wc -l) = 2 && test -d ${DBG%0}1"
unload cyw43439_sim
unload spidev 2>/dev/null
