#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ethbus: both interfaces take software timestamps as a user asks for them
# (ethtool -T lists software transmit and receive), and a frame sent
# through each gets its transmit timestamp from the driver's transmit
# path (skb_tx_timestamp() in ethbus_start_xmit()).
# rig-timeout: 300
. /rig/lib.sh
. /rig/lan8720-lib.sh
. /rig/cyw43439-lib.sh
plan 10

NS=lanpeer-tstamp
AP=192.168.79.1
ME=192.168.79.2

# soft_stamps IF: ethtool -T lists software transmit and receive
soft_stamps()
{
	local out
	out=$(ethtool -T "$1") || return 1
	echo "$out" | grep -q software-transmit &&
		echo "$out" | grep -q software-receive || { echo "$out"; return 1; }
}

if lan_up 10.23.0; then
	ok "lan8720: port up, link up"
else
	not_ok "lan8720: port up, link up" "$(dmesg | tail -n 20)"
fi
check "lan8720: ethtool -T lists software timestamping" soft_stamps "$IF"
check "lan8720: the peer answers" ping_ok 10.23.0.2
check "lan8720: a datagram gets its transmit timestamp" txtstamp "$IF" 10.23.0.2
# the PHY, attached while the port is up, holds the simulator's MDIO bus
ip link set "$IF" down
check "lan8720: unload" lan_down

wlan_up()
{
	load cyw43439_sim && load cyw43439 &&
		poll 30 test -d /sys/class/net/wlan0 &&
		netns_peer ap-tstamp cywsim0 $AP/24 &&
		ip addr add $ME/24 dev wlan0 && ip link set wlan0 up &&
		iw dev wlan0 connect cywsim-open &&
		poll 20 carrier 1
}
check "cyw43439: wlan0 joins cywsim-open" wlan_up
check "cyw43439: ethtool -T lists software timestamping" soft_stamps wlan0
check "cyw43439: the AP side answers" ping_ok $AP
check "cyw43439: a datagram gets its transmit timestamp" txtstamp wlan0 $AP
check "cyw43439: unload" sh -c "modprobe -r cyw43439 && modprobe -r cyw43439_sim"
