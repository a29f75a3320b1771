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
