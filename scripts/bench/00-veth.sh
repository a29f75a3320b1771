#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Baseline every network benchmark is read against: TCP and UDP through a
# veth pair into a namespace, in the same VM run as the device under test.
. /rig/lib.sh >/dev/null

ip link add bveth0 type veth peer name bvethp
netns_peer bpeer bvethp 198.51.100.2/24
ip addr add 198.51.100.1/24 dev bveth0
ip link set bveth0 up
poll 5 ping -c1 -W1 198.51.100.2

secs=${RIG_BENCH_SECS:-5}
iperf_server bpeer
tx=$(iperf_bps -c 198.51.100.2 -t "$secs")
iperf_server bpeer
rx=$(iperf_bps -c 198.51.100.2 -t "$secs" -R)
mbit() { awk -v b="$1" 'BEGIN { if (b == "") print "n/a"; else printf "%.1f", b / 1e6 }'; }

echo "| path | direction | TCP goodput (Mb/s) |"
echo "|---|---|---|"
echo "| veth | host -> peer | $(mbit "$tx") |"
echo "| veth | peer -> host | $(mbit "$rx") |"
ip link del bveth0
