#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: the port appears, the mainline SMSC PHY driver binds, the link
# comes up at 100/Full as ethtool reports, ping works both ways, and the
# modules unload cleanly.
# rig-timeout: 120
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 16

NS=lanpeer-link

check "load lan8720" load lan8720
check "load lan8720_sim" load lan8720_sim
wait_for 5 "lan8720 registered a net_device" lan_iface
IF=$(lan_iface)
# netns_peer must run in this shell: it registers the namespace for cleanup.
if netns_peer "$NS" lansim0 10.20.0.2/24; then
	ok "cable netdev lansim0 into the peer namespace"
else
	not_ok "cable netdev lansim0 into the peer namespace"
fi
ip addr add 10.20.0.1/24 dev "$IF"
check "$IF up" ip link set "$IF" up
wait_for 10 "$IF has carrier" grep -qx 1 "/sys/class/net/$IF/carrier"
check "the mainline SMSC PHY driver is bound" \
	sh -c "dmesg | grep 'SMSC LAN8710/LAN8720'"
check "ethtool: 100Mb/s" sh -c "ethtool $IF | grep -q 'Speed: 100Mb/s'"
check "ethtool: full duplex" sh -c "ethtool $IF | grep -q 'Duplex: Full'"
check "ethtool: autonegotiation on, link detected" \
	sh -c "ethtool $IF | grep -q 'Auto-negotiation: on' &&
	       ethtool $IF | grep -q 'Link detected: yes'"
check "ethtool -i names the driver" \
	sh -c "ethtool -i $IF | grep -qx 'driver: lan8720'"
check "ping the peer" ping_ok 10.20.0.2
check "the peer pings back" ping_ok "$NS" 10.20.0.1
check "ethtool -S has the error counters" \
	sh -c "ethtool -S $IF | grep -q 'rx_crc_errors: 0' &&
	       ethtool -S $IF | grep -q 'rx_length_errors: 0' &&
	       ethtool -S $IF | grep -q 'rx_fifo_errors: 0'"
check "IEEE MAC counters count the pings" \
	sh -c "ethtool -S $IF --groups eth-mac |
	       grep -E 'FramesReceivedOK: [1-9]'"
ip link set "$IF" down
check "unload the simulator and the driver" \
	sh -c "modprobe -r lan8720_sim && modprobe -r lan8720 &&
	       ! test -e /sys/class/net/$IF"
