#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: 200 link flaps under iperf3 traffic, then removing and reloading
# the driver while traffic flows. The rig's kernel-log scan and kmemleak
# turn any lockdep, KASAN or leak report into a failure.
# rig-timeout: 300
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 9

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-flap

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
