#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: "ip link set" address, mtu, promisc and multicast, and
# "ethtool -C" receive interrupt moderation, behave as on any NIC, and bad
# values are refused.
# rig-timeout: 120
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 30

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-netdev

if lan_up 10.21.0; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi

# Station address
check "change the address while up" ip link set "$IF" address 02:aa:bb:cc:dd:01
check "the new address is shown" \
	sh -c "ip link show $IF | grep -q 'link/ether 02:aa:bb:cc:dd:01'"
in_ns "$NS" ip neigh flush dev lansim0
check "traffic flows to the new address" ping_ok 10.21.0.2
check_fail "a multicast address is refused" \
	ip link set "$IF" address 01:00:5e:00:00:01
check_fail "the all-zero address is refused" \
	ip link set "$IF" address 00:00:00:00:00:00

# MTU
maxmtu=$(( $(cat /sys/module/lan8720_sim/parameters/max_frame_len) - 18 ))
check "the maximum MTU is the MAC's frame limit less header and tag" \
	sh -c "ip -d link show $IF | grep -q 'maxmtu $maxmtu'"
check_fail "MTU 67 is refused" ip link set "$IF" mtu 67
check_fail "MTU above the maximum is refused" ip link set "$IF" mtu 65000
check "MTU 1280" ip link set "$IF" mtu 1280
check "the MTU is shown" sh -c "ip link show $IF | grep -q 'mtu 1280'"
check "a 1280-byte packet passes" ping -c 2 -W 2 -s 1252 10.21.0.2
check "MTU back to 1500" ip link set "$IF" mtu 1500

# Software address filter: frames for another station are not delivered
# unless promiscuous.
in_ns "$NS" ip neigh replace 10.21.0.99 lladdr 02:de:ad:be:ef:01 dev lansim0
f0=$(stat rx_filtered)
in_ns "$NS" ping -c 5 -i 0.2 -W 1 10.21.0.99 >/dev/null 2>&1
f1=$(stat rx_filtered)
if [ $((f1 - f0)) -ge 5 ]; then
	ok "frames for another station are filtered ($((f1 - f0)))"
else
	not_ok "frames for another station are filtered" "rx_filtered $f0 -> $f1"
fi
check "promiscuous mode on" ip link set "$IF" promisc on
r0=$(cat "/sys/class/net/$IF/statistics/rx_packets")
in_ns "$NS" ping -c 5 -i 0.2 -W 1 10.21.0.99 >/dev/null 2>&1
r1=$(cat "/sys/class/net/$IF/statistics/rx_packets")
f2=$(stat rx_filtered)
if [ "$f2" = "$f1" ] && [ $((r1 - r0)) -ge 5 ]; then
	ok "promiscuous: the same frames are delivered"
else
	not_ok "promiscuous: the same frames are delivered" \
		"rx_filtered $f1 -> $f2, rx_packets $r0 -> $r1"
fi
check "promiscuous mode off" ip link set "$IF" promisc off

# Multicast: a joined group passes, others do not.
in_ns "$NS" ip neigh replace 10.21.0.98 lladdr 01:00:5e:01:02:03 dev lansim0
m0=$(stat rx_multicast)
in_ns "$NS" ping -c 3 -i 0.2 -W 1 10.21.0.98 >/dev/null 2>&1
m1=$(stat rx_multicast)
check "join group 01:00:5e:01:02:03" \
	ip maddr add 01:00:5e:01:02:03 dev "$IF"
in_ns "$NS" ping -c 3 -i 0.2 -W 1 10.21.0.98 >/dev/null 2>&1
m2=$(stat rx_multicast)
if [ "$m1" = "$m0" ] && [ $((m2 - m1)) -ge 3 ]; then
	ok "only the joined group is received ($m0 -> $m1 -> $m2)"
else
	not_ok "only the joined group is received" "rx_multicast $m0 -> $m1 -> $m2"
fi
ip maddr del 01:00:5e:01:02:03 dev "$IF"
check "allmulticast on" ip link set "$IF" allmulticast on
in_ns "$NS" ping -c 3 -i 0.2 -W 1 10.21.0.98 >/dev/null 2>&1
m3=$(stat rx_multicast)
if [ $((m3 - m2)) -ge 3 ]; then
	ok "allmulticast: any group is received"
else
	not_ok "allmulticast: any group is received" "rx_multicast $m2 -> $m3"
fi
ip link set "$IF" allmulticast off

# Receive interrupt moderation, programmed into the MAC
coal()
{
	ethtool -c "$IF" | grep -qE "^rx-usecs:[[:space:]]+$1\$" &&
		ethtool -c "$IF" | grep -qE "^rx-frames:[[:space:]]+$2\$"
}
check "ethtool -c: rx-usecs 1000, rx-frames 32 by default" coal 1000 32
check "ethtool -C rx-usecs 200 rx-frames 8" \
	ethtool -C "$IF" rx-usecs 200 rx-frames 8
check "the MAC is programmed with it" \
	grep -qx "rx_coalesce: 200 us 8 frames" "$SIM/state"
check_fail "rx-usecs 0 with rx-frames 0 is refused" \
	ethtool -C "$IF" rx-usecs 0 rx-frames 0
check_fail "rx-usecs beyond the MAC's timer is refused" \
	ethtool -C "$IF" rx-usecs 70000
check_fail "tx-usecs is refused (no TX moderation)" \
	ethtool -C "$IF" tx-usecs 10
ip link set "$IF" down
ip link set "$IF" up
poll 10 carrier
check "kept across down and up" \
	grep -qx "rx_coalesce: 200 us 8 frames" "$SIM/state"
ethtool -C "$IF" rx-usecs 0 rx-frames 1
check "traffic with moderation off" ping_ok 10.21.0.2

ip link set "$IF" down
check "unload" lan_down
