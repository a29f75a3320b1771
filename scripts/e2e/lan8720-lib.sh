# SPDX-License-Identifier: GPL-2.0
# Helpers of the lan8720 end-to-end tests, sourced after /rig/lib.sh. A
# test sets NS (the namespace for the cable end) before calling lan_up.

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
# wait for the link. Sets IF. The peer speaks IPv4 only: its IPv6 router
# solicitations and MLD reports would add frames the tests did not send
# to the counters they check.
lan_up()
{
	local net=$1
	shift
	load lan8720 && load lan8720_sim "$@" &&
		poll 5 lan_iface || return 1
	IF=$(lan_iface)
	netns_peer "$NS" lansim0 "$net.2/24" &&
		in_ns "$NS" sh -c \
			"echo 1 > /proc/sys/net/ipv6/conf/lansim0/disable_ipv6" &&
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
