# SPDX-License-Identifier: GPL-2.0
# Helpers of the cyw43439 end-to-end tests, sourced after /rig/lib.sh.

# linked_to BSSID: iw says wlan0 is connected to BSSID
linked_to()
{
	iw dev wlan0 link | grep -q "^Connected to $1"
}

# not_linked: iw says wlan0 is not connected
not_linked()
{
	iw dev wlan0 link | grep -q '^Not connected'
}

# carrier 0|1: wlan0's carrier is that
carrier()
{
	[ "$(cat /sys/class/net/wlan0/carrier 2>/dev/null)" = "$1" ]
}

# udp_lost JSONFILE: "LOST/PACKETS" of a finished UDP iperf3 run
udp_lost()
{
	awk '/"end":/ { e = 1 }
	     e && /"lost_packets":/ && l == "" { gsub(/[^0-9]/, ""); l = $0 }
	     e && /"packets":/ && p == "" { gsub(/[^0-9]/, ""); p = $0 }
	     END { print l "/" p }' "$1"
}

# no_loss JSONFILE: the run moved packets and lost none
no_loss()
{
	local r
	r=$(udp_lost "$1")
	echo "# lost/packets: $r"
	[ "${r%/*}" = 0 ] && [ "${r#*/}" -gt 0 ]
}
