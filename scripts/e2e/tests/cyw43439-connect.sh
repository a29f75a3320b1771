#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: join the simulated access points the way a user would: `iw
# connect` to the open one, wpa_supplicant (nl80211, firmware supplicant
# offload) to WPA2-PSK and WPA3-SAE; a wrong passphrase fails and leaves
# wlan0 usable; traffic to a host behind the AP; the AP going away.
# rig-timeout: 900
. /rig/lib.sh
. /rig/cyw43439-lib.sh
plan 34

SIM=/sys/kernel/debug/cyw43439_sim/cywsim0
OPEN=02:cb:51:00:00:01
WPA2=02:cb:51:00:00:02
WPA3=02:cb:51:00:00:03
CTRL=/tmp/wpa-ctrl

wpa_state()
{
	wpa_cli -p "$CTRL" -i wlan0 status 2>/dev/null |
		sed -n 's/^wpa_state=//p'
}

# wpa_start CONF-LINES...: a fresh wpa_supplicant on wlan0 with one network
wpa_start()
{
	wpa_stop
	{
		echo "ctrl_interface=$CTRL"
		echo "network={"
		printf '\t%s\n' "$@"
		echo "}"
	} > /tmp/wpa.conf
	rm -f /tmp/wpa.log
	wpa_supplicant -B -D nl80211 -i wlan0 -c /tmp/wpa.conf \
		-P /tmp/wpa.pid -f /tmp/wpa.log
}

# (check runs its command in a subshell: the pid lives in the pid file)
wpa_stop()
{
	local pid
	pid=$(cat /tmp/wpa.pid 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	poll 10 sh -c "! kill -0 $pid 2>/dev/null"
	rm -rf "$CTRL" /tmp/wpa.pid
}

completed()
{
	[ "$(wpa_state)" = COMPLETED ]
}

cleanup()
{
	wpa_stop
	ip link set wlan0 down 2>/dev/null
	modprobe -r cyw43439 2>/dev/null
	modprobe -r cyw43439_sim 2>/dev/null
}
trap '_rig_cleanup; cleanup' EXIT

check "load cyw43439_sim" load cyw43439_sim
check "load cyw43439" load cyw43439
wait_for 30 "wlan0 appears" test -d /sys/class/net/wlan0
# the host behind the access point: cywsim0 is the AP's LAN side
check "AP side: cywsim0 in netns ap, 192.168.77.1/24" \
	netns_peer ap cywsim0 192.168.77.1/24
ip link set wlan0 up
ip addr add 192.168.77.2/24 dev wlan0
check "no carrier before joining" carrier 0

# --- open network, iw ------------------------------------------------------
check "iw connect cywsim-open starts" iw dev wlan0 connect cywsim-open
wait_for 20 "iw link: connected to cywsim-open ($OPEN)" linked_to $OPEN
wait_for 5 "carrier on once connected" carrier 1
iw dev wlan0 link | sed 's/^/#   /'
check "iw link shows the SSID and 2412 MHz" sh -c \
	"iw dev wlan0 link | grep -q 'SSID: cywsim-open' && iw dev wlan0 link | grep -q 'freq: 2412'"
check "station dump: signal -40 dBm" sh -c \
	"iw dev wlan0 station dump | grep -Eq 'signal:[[:space:]]+-40 dBm'"
check "ping the host behind the AP" ping_ok 192.168.77.1
check "the AP side pings back" ping_ok ap 192.168.77.2
check "iw disconnect" iw dev wlan0 disconnect
wait_for 10 "carrier off after disconnect" carrier 0
check "iw link: not connected" not_linked

# --- WPA2-PSK through wpa_supplicant ----------------------------------------
check "wpa_supplicant starts (WPA2-PSK cywsim-wpa2)" wpa_start \
	'ssid="cywsim-wpa2"' 'key_mgmt=WPA-PSK' 'psk="cywsim-passphrase"'
wait_for 60 "wpa_supplicant: COMPLETED on cywsim-wpa2" completed
check "iw link: connected to cywsim-wpa2 ($WPA2)" linked_to $WPA2
wait_for 5 "carrier on (keys installed by the firmware supplicant)" carrier 1
check "ping over WPA2" ping_ok 192.168.77.1

# the AP goes out of range: link loss, carrier off
klog_mark "AP gone"
check "simulator: cywsim-wpa2 disappears" sh -c "echo 'gone $WPA2' > $SIM/bss"
wait_for 20 "link loss reported to wpa_supplicant (disconnect, reason 4)" \
	grep -q "CTRL-EVENT-DISCONNECTED bssid=$WPA2 reason=4" /tmp/wpa.log
# wpa_supplicant may join again at once: look for the carrier drop itself
check "carrier went off when the AP was gone" sh -c \
	"dmesg | sed -n '/AP gone/,\$p' | grep -q 'wlan0: link down'"
wpa_stop
sed -n '/CTRL-EVENT-DISCONNECTED/p' /tmp/wpa.log | head -n 3 | sed 's/^/#   /'
echo "add bssid=$WPA2 ssid=cywsim-wpa2 chan=6 rssi=-55 sec=wpa2 pass=cywsim-passphrase" > $SIM/bss

# --- wrong passphrase ---------------------------------------------------------
check "wpa_supplicant with a wrong passphrase" wpa_start \
	'ssid="cywsim-wpa2"' 'key_mgmt=WPA-PSK' 'psk="not-the-passphrase"'
# the firmware supplicant gives up on the 4-way handshake: reason 15
wait_for 60 "wrong passphrase: disconnected, reason 15 (4-way handshake timeout)" \
	grep -q 'CTRL-EVENT-DISCONNECTED.*reason=15' /tmp/wpa.log
check "wrong passphrase: no carrier" carrier 0
wpa_stop
grep -E 'CTRL-EVENT-(DISCONNECTED|SSID-TEMP-DISABLED|ASSOC-REJECT)' /tmp/wpa.log |
	head -n 4 | sed 's/^/#   /'

# --- WPA3-SAE, on the interface the failure left behind ----------------------
# wpa_supplicant 2.10 (Debian 12) cannot hand an SAE password to a driver
# (SAE offload came in 2.11); nl80211_connect sends the same
# NL80211_CMD_CONNECT that 2.11 sends.
check "nl80211 connect (WPA3-SAE cywsim-wpa3, password handed down)" \
	nl80211_connect wlan0 cywsim-wpa3 sae cywsim-sae-password
wait_for 30 "iw link: connected to cywsim-wpa3 ($WPA3)" linked_to $WPA3
wait_for 10 "carrier on (SAE and keys by the firmware)" carrier 1
check "ping over WPA3" ping_ok 192.168.77.1
check "iw disconnect from cywsim-wpa3" iw dev wlan0 disconnect
wait_for 10 "carrier off after disconnect" carrier 0
check "a wrong SAE password is refused" \
	nl80211_connect wlan0 cywsim-wpa3 sae not-the-password
wait_for 20 "wrong SAE password: no connection, no carrier" sh -c \
	"dmesg | grep -q 'authentication with $WPA3 refused' && iw dev wlan0 link | grep -q '^Not connected'"
