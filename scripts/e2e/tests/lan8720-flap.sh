#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: 200 link flaps under iperf3 traffic, then removing and reloading
# the driver while traffic flows. The rig's kernel-log scan and kmemleak
# turn any lockdep, KASAN or leak report into a failure.
# rig-timeout: 300
. /rig/lib.sh
plan 9

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-flap

# lan_iface: the net_device the lan8720 driver registered.
lan_iface()
{
	local d drv
	for d in /sys/class/net/*; do
		drv=$(readlink -f "$d/device/driver" 2>/dev/null) || continue
		[ "${drv##*/}" = lan8720 ] && { echo "${d##*/}"; return 0; }
	done
	return 1
}

# lan_up NET [SIM-PARAMS...]: load the driver and the simulator, put the
# cable in namespace $NS as NET.2/24, bring the port up as NET.1/24 and
# wait for the link. Sets IF.
lan_up()
{
	local net=$1
	shift
	load lan8720 && load lan8720_sim "$@" &&
		poll 5 lan_iface || return 1
	IF=$(lan_iface)
	netns_peer "$NS" lansim0 "$net.2/24" &&
		ip addr add "$net.1/24" dev "$IF" &&
		ip link set "$IF" up &&
		poll 10 grep -qx 1 "/sys/class/net/$IF/carrier"
}

# stat NAME: an ethtool -S counter of the port.
stat()
{
	ethtool -S "$IF" | sed -n "s/^ *$1: //p"
}

# lan_down: unload everything; fails if the port lingers.
lan_down()
{
	modprobe -r lan8720_sim && modprobe -r lan8720 &&
		! test -e "/sys/class/net/$IF"
}

carrier() { grep -qx 1 "/sys/class/net/$IF/carrier"; }

# Fast PHY timing (autonegotiation in a tenth of the real time).
if lan_up 10.26.0 time_scale=10; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi

iperf_server "$NS"
iperf3 -c 10.26.0.2 -t 120 >/dev/null 2>&1 &
traffic=$!
sleep 1
for i in $(seq 200); do
	echo 0 > "$SIM/plugged"
	sleep 0.05
	echo 1 > "$SIM/plugged"
	sleep 0.1
done
wait_for 10 "link up after 200 flaps" carrier
kill "$traffic" 2>/dev/null
wait "$traffic" 2>/dev/null
check "traffic after the flaps" ping_ok 10.26.0.2

# Remove the driver with traffic in both directions, then load it again.
iperf_server "$NS"
iperf3 -c 10.26.0.2 -t 30 --bidir >/dev/null 2>&1 &
traffic=$!
in_ns "$NS" ping -A -w 30 10.26.0.1 >/dev/null 2>&1 &
flood=$!
sleep 2
check "remove the driver under traffic" modprobe -r lan8720
check "the port is gone" sh -c "! test -e /sys/class/net/$IF"
kill "$traffic" "$flood" 2>/dev/null
wait 2>/dev/null
check "load the driver again" load lan8720
wait_for 5 "the port is back" lan_iface
IF=$(lan_iface)
ip addr add 10.26.0.1/24 dev "$IF"
ip link set "$IF" up
poll 10 carrier
check "traffic after the reload" ping_ok 10.26.0.2
ip link set "$IF" down
check "unload" lan_down
