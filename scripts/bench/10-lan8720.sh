#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720 over the simulated RMII wire at 100/Full (issue 3): TCP goodput
# each way as a share of the TCP maximum of a 100 Mb/s line at MTU 1500,
# interrupts and NAPI polls per 1000 frames, CPU time per megabit. Next to
# a veth pair measured here the same way: like this NIC it moves one frame
# at a time (offloads off), so both move the same frames.
. /rig/lib.sh >/dev/null
. /rig/lan8720-lib.sh

secs=${RIG_BENCH_SECS:-5}
NS=bpeer-lan
# 1448 bytes of TCP payload (1500 less IP, TCP and timestamp headers) per
# 1538 bytes on the wire (preamble and SFD 8, header 14, FCS 4, gap 12).
MAX=$(awk 'BEGIN { printf "%.1f", 100 * 1448 / 1538 }')

# busy CPU time of all CPUs (user, nice, system, irq, softirq, steal), in
# USER_HZ ticks: 1/100 s whatever the kernel HZ
cpu_busy()
{
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# irqs_of NAME: interrupts of the line NAME, all CPUs (/proc/interrupts)
irqs_of()
{
	awk -v n="$1" '$NF == n { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++)
		s += $i } END { printf "%d\n", s }' /proc/interrupts
}

# snap DEV: CPU time, frames both ways, MAC interrupts, PHY interrupts,
# NAPI polls, collisions at both ends of the cable (the last four 0 for
# a veth)
snap()
{
	local st=/sys/class/net/$1/statistics mac=0 phy=0 polls=0 coll=0
	if [ "$1" = "$IF" ]; then
		mac=$(irqs_of lansim-0-mac)
		phy=$(irqs_of lansim-0:01)
		polls=$(stat napi_polls)
		coll=$(($(cat $st/collisions) + $(in_ns "$NS" cat \
			/sys/class/net/lansim0/statistics/collisions)))
	fi
	echo "$(cpu_busy) $(($(cat $st/tx_packets) + $(cat $st/rx_packets)))" \
	     "$mac $phy $polls $coll"
}

# run LABEL DEV ADDR NS tx|rx [MAX]: one iperf3 TCP run and its table
# row. With MAX (the forced 10/Half table) the row is goodput, its share
# of MAX and collisions; without, the 100/Full table's row.
run()
{
	local label=$1 dev=$2 addr=$3 ns=$4 dir=$5 max=${6:-} a b bps
	iperf_server "$ns"
	a=($(snap "$dev"))
	if [ "$dir" = tx ]; then
		bps=$(iperf_bps -c "$addr" -t "$secs")
	else
		bps=$(iperf_bps -c "$addr" -t "$secs" -R)
	fi
	b=($(snap "$dev"))
	awk -v label="$label" -v dir="$dir" -v bps="${bps:-0}" -v max="$MAX" \
	    -v max10="$max" -v secs="$secs" -v hz=100 \
	    -v jif=$((b[0] - a[0])) -v frames=$((b[1] - a[1])) \
	    -v mac=$((b[2] - a[2])) -v phy=$((b[3] - a[3])) \
	    -v polls=$((b[4] - a[4])) -v coll=$((b[5] - a[5])) \
	    -v ref="${cpu_ref:-0}" 'BEGIN {
		f = frames > 0 ? frames : 1
		g = bps / 1e6
		way = (dir == "tx") ? "host -> peer" : "peer -> host"
		if (max10 != "") {
			printf("| %s | %s | %.2f | %.1f%% | %.0f |\n", label,
			       way, g, 100 * g / max10, 1000 * coll / f)
			exit
		}
		cpu = g > 0 ? 1000 * jif / hz / (g * secs) : 0
		share = irqs = macphy = npolls = "-"
		if (label != "veth") {
			share = sprintf("%.1f%% %s", 100 * g / max,
					(g >= 0.98 * max) ? "(met)" : "(not met)")
			i = 1000 * (mac + phy) / f
			irqs = sprintf("%.0f %s", i, (i < 100) ? "(met)" : "(not met)")
			macphy = sprintf("%.0f / %.0f", 1000 * mac / f, 1000 * phy / f)
			npolls = sprintf("%.0f", 1000 * polls / f)
		}
		rel = (ref > 0) ? sprintf("%.2f", cpu / ref) : "1.00"
		printf("| %s | %s | %.1f | %s | %s | %s | %s | %.2f | %s |\n",
		       label, way, g, share, irqs, macphy, npolls, cpu, rel)
		if (label == "veth")
			printf("%f\n", cpu) > ("/tmp/bench-lan-veth-" dir)
	}'
}

echo "lan8720 over the simulated wire at 100/Full, TCP for ${secs} s;" \
     "TCP maximum at MTU 1500: $MAX Mb/s; veth: a pair with offloads off"
echo
echo "| path | direction | TCP goodput (Mb/s) | of $MAX Mb/s (target 98%) | interrupts / 1000 frames (target < 100) | MAC / PHY | NAPI polls / 1000 frames | CPU ms / Mb | CPU / Mb vs veth |"
echo "|---|---|---|---|---|---|---|---|---|"

ip link add blveth0 type veth peer name blvethp
netns_peer bpeer-lveth blvethp 198.51.100.130/25
ip addr add 198.51.100.129/25 dev blveth0
ip link set blveth0 up
ethtool -K blveth0 tso off gso off gro off sg off >/dev/null 2>&1
in_ns bpeer-lveth ethtool -K blvethp tso off gso off gro off sg off \
	>/dev/null 2>&1
poll 5 ping -c1 -W1 198.51.100.130
for d in tx rx; do
	run veth blveth0 198.51.100.130 bpeer-lveth $d
done
ip link del blveth0

if ! lan_up 203.0.113 || ! poll 5 ping -c1 -W1 203.0.113.2; then
	echo "| lan8720 | - | port did not come up | | | | | | |"
	exit 0
fi
coal=$(ethtool -c "$IF" 2>/dev/null |
       awk '$1 == "rx-usecs:" { u = $2 } $1 == "rx-frames:" { f = $2 }
	    END { printf "rx-usecs %s, rx-frames %s", u, f }')
for d in tx rx; do
	cpu_ref=$(cat /tmp/bench-lan-veth-$d 2>/dev/null)
	run lan8720 "$IF" 203.0.113.2 "$NS" $d
done
echo
echo "Interrupts: /proc/interrupts of the MAC's line (lansim-0-mac) and" \
     "the PHY's nINT (lansim-0:01); frames: both directions at the port;" \
     "receive interrupt moderation: $coal. TX completions reach the" \
     "driver through the backend's tx_done callback, which the simulator" \
     "calls from its wire timer as each frame ends and which schedules" \
     "NAPI without an interrupt: most NAPI polls are those."

# Forced 10/Half, as a link partner that parallel-detects sees it: the
# simulator paces the wire at the slower rate, with TCP's ACKs sharing the
# medium (deferrals and collisions) in half duplex.
MAX10=$(awk 'BEGIN { printf "%.2f", 10 * 1448 / 1538 }')
echo
echo "Forced 10/Half (ethtool -s $IF speed 10 duplex half autoneg off)," \
     "TCP for ${secs} s; TCP maximum at 10 Mb/s: $MAX10 Mb/s"
echo
echo "| path | direction | TCP goodput (Mb/s) | of $MAX10 Mb/s | collisions / 1000 frames |"
echo "|---|---|---|---|---|"
ethtool -s "$IF" speed 10 duplex half autoneg off
if poll 10 sh -c "ethtool $IF | grep -q 'Speed: 10Mb/s' &&
		 ethtool $IF | grep -q 'Duplex: Half' &&
		 grep -qx 1 /sys/class/net/$IF/carrier"; then
	for d in tx rx; do
		run "lan8720 10/Half" "$IF" 203.0.113.2 "$NS" $d "$MAX10"
	done
else
	echo "| lan8720 10/Half | - | link did not come up at 10/Half | | |"
fi
ip link set "$IF" down
lan_down
