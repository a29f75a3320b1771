# SPDX-License-Identifier: GPL-2.0
# The lan8720 part of `make demo`, sourced by demo.sh (say/run/run_sh in
# scope, lan8720 and lan8720_sim loaded): eth0 comes up on the simulated
# LAN8720A, the mainline SMSC PHY driver binds, 100/Full, ping and iperf3
# to a peer behind the simulated cable. Leaves the modules loaded.

# lan_demo_iface: the net_device the lan8720 driver registered.
lan_demo_iface()
{
	local d
	for d in /sys/class/net/*; do
		[ "$(basename "$(readlink -f "$d/device/driver" 2>/dev/null)")" = \
		  lan8720 ] && { basename "$d"; return 0; }
	done
	return 1
}

if LAN=$(lan_demo_iface); then
	say "lan8720: the port the driver registered, and the simulated cable"
	run ip -br link show "$LAN"
	run ip -br link show lansim0
	run ethtool -i "$LAN"

	say "Bring it up: the mainline SMSC PHY driver attaches"
	run ip addr add 203.0.113.1/24 dev "$LAN"
	run ip link set "$LAN" up
	for i in $(seq 50); do
		grep -qx 1 "/sys/class/net/$LAN/carrier" && break
		sleep 0.2
	done
	run_sh "dmesg | grep -E 'SMSC LAN8710/LAN8720|$LAN: Link is Up'"

	say "The link the PHY negotiated"
	run ethtool "$LAN"

	say "A peer in its own namespace behind the cable (lansim0)"
	run ip netns add lanpeer
	run ip link set lansim0 netns lanpeer
	run ip -n lanpeer addr add 203.0.113.2/24 dev lansim0
	run ip -n lanpeer link set lansim0 up
	run ip -n lanpeer link set lo up

	say "ping through the LAN8720"
	run ping -c 3 -i 0.2 203.0.113.2

	# The figures are the debug kernel's under emulation, CPU-bound at a
	# few Mb/s; make bench runs a lean kernel and fills the 100 Mb/s wire.
	say "iperf3 through it, 2 s each way (KASAN kernel: CPU-bound; make bench shows line rate)"
	ip netns exec lanpeer iperf3 -s -D -1 -I /tmp/lan-demo-iperf.pid
	sleep 1
	run_sh 'iperf3 -c 203.0.113.2 -t 2 -f m | grep -E "sender|receiver"'
	ip netns exec lanpeer iperf3 -s -D -1 -I /tmp/lan-demo-iperf.pid
	sleep 1
	run_sh 'iperf3 -c 203.0.113.2 -t 2 -f m -R | grep -E "sender|receiver"'

	say "Counters: the link statistics and an excerpt of ethtool -S"
	run ip -s link show "$LAN"
	run_sh "ethtool -S $LAN | grep -E 'bus_irqs|napi_polls|rx_crc|rx_fifo'"

	# Tidy up: the cable back home, the port down, the modules stay.
	ip -n lanpeer link set lansim0 netns 1
	ip netns del lanpeer
	ip addr flush dev "$LAN"
	ip link set "$LAN" down
else
	say "lan8720: no port (module not built?)"
fi
