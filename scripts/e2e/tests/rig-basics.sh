#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The VM itself: the tools every later test relies on work, a veth peer in
# its own namespace answers ping, and iperf3 moves data through it.
. /rig/lib.sh
plan 8

check "kernel is the rig's $(uname -r)" test -d "/lib/modules/$(uname -r)"
check "ip, ethtool, iw, wpa_supplicant, iperf3 run" \
	sh -c 'ip -V && ethtool --version && iw --version &&
	       wpa_supplicant -v && iperf3 --version'
check "veth pair created" ip link add rig0 type veth peer name rigpeer0
check "peer moved to netns" netns_peer peer rigpeer0 10.99.0.2/24
ip addr add 10.99.0.1/24 dev rig0
ip link set rig0 up
wait_for 5 "rig0 has carrier" grep -qx 1 /sys/class/net/rig0/carrier
check "ping peer" ping_ok 10.99.0.2
check "peer pings back" ping_ok peer 10.99.0.1
iperf_server peer
bps=$(iperf_bps -c 10.99.0.2 -t 2)
if [ -n "$bps" ] && [ "${bps%%.*}" -gt 1000000 ]; then
	ok "iperf3 over veth: $bps bit/s"
else
	not_ok "iperf3 over veth" "got '$bps' bit/s"
fi
ip link del rig0
