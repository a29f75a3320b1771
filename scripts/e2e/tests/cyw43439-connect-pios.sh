#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439 on the firmware Raspberry Pi OS ships (profile pios: 7.95.75,
# no on-chip supplicant, external SAE): the driver reads the image's
# capabilities and offers only what it can do; stock wpa_supplicant runs
# the WPA2-PSK 4-way handshake itself over EAPOL through the data path and
# installs the keys, against the simulated AP's authenticator; a wrong
# passphrase fails cleanly; SAE, which needs external auth, is refused.
# rig-timeout: 900
. /rig/lib.sh
. /rig/cyw43439-lib.sh
plan 29

SIM=/sys/kernel/debug/cyw43439_sim/cywsim0
OPEN=02:cb:51:00:00:01
WPA2=02:cb:51:00:00:02
CTRL=/tmp/wpa-ctrl
P='[pios]'

wpa_state()
{
	wpa_cli -p "$CTRL" -i wlan0 status 2>/dev/null |
		sed -n 's/^wpa_state=//p'
}

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

klog_mark "pios profile"
check "$P load cyw43439_sim" load cyw43439_sim
check "$P load cyw43439 with the Raspberry Pi OS image" \
	load cyw43439 fw_image=cypress/cyfmac43439-sdio.bin
wait_for 30 "$P wlan0 appears" test -d /sys/class/net/wlan0
check "$P the driver logs the image's features: extsae mfp, host supplicant" \
	sh -c "dmesg | grep -q 'firmware features: extsae mfp (host supplicant)'"
ethtool -i wlan0 | sed 's/^/#   /'
check "$P ethtool -i shows firmware 7.95.75" sh -c \
	"ethtool -i wlan0 | grep -q '^firmware-version: 7.95.75 (0a0104c CY)'"
iw phy > /tmp/phy.txt
check "$P no 4-way handshake offload is advertised" \
	sh -c "! grep -q 4WAY_HANDSHAKE_STA_PSK /tmp/phy.txt"
check "$P no SAE offload is advertised" sh -c "! grep -q SAE_OFFLOAD /tmp/phy.txt"
check "$P MFP (optional) is advertised" grep -q MFP_OPTIONAL /tmp/phy.txt
check "$P AP side: cywsim0 in netns ap, 192.168.77.1/24" \
	netns_peer ap cywsim0 192.168.77.1/24
ip link set wlan0 up
ip addr add 192.168.77.2/24 dev wlan0

# --- open network: no supplicant iovars at all -----------------------------
check "$P iw connect cywsim-open starts" iw dev wlan0 connect cywsim-open
wait_for 20 "$P iw link: connected to cywsim-open ($OPEN)" linked_to $OPEN
check "$P ping the host behind the AP (open)" ping_ok 192.168.77.1
check "$P iw disconnect" iw dev wlan0 disconnect
wait_for 10 "$P carrier off after disconnect" carrier 0

# --- WPA2-PSK: stock wpa_supplicant runs the 4-way handshake ---------------
check "$P wpa_supplicant starts (WPA2-PSK cywsim-wpa2)" wpa_start \
	'ssid="cywsim-wpa2"' 'key_mgmt=WPA-PSK' 'psk="cywsim-passphrase"'
wait_for 60 "$P wpa_supplicant: COMPLETED on cywsim-wpa2" completed
grep -E 'WPA: Key negotiation completed|CTRL-EVENT-CONNECTED' /tmp/wpa.log |
	sed 's/^/#   /'
check "$P wpa_supplicant did the 4-way handshake itself" \
	grep -q 'WPA: Key negotiation completed' /tmp/wpa.log
check "$P the AP's authenticator finished the handshake" \
	grep -q 'AP: 4-way handshake done' $SIM/console
wait_for 10 "$P the AP accepts the keys the host installed" \
	grep -q 'AP: host keys match: data flows' $SIM/console
check "$P ping over WPA2 (pairwise key)" ping_ok 192.168.77.1
check "$P the AP side pings back (its ARP needs the group key)" \
	ping_ok ap 192.168.77.2
wpa_stop
wait_for 10 "$P carrier off once wpa_supplicant left" carrier 0

# --- wrong passphrase: a clean failure with a reason, then usable ----------
check "$P wpa_supplicant with a wrong passphrase" wpa_start \
	'ssid="cywsim-wpa2"' 'key_mgmt=WPA-PSK' 'psk="not-the-passphrase"'
wait_for 60 "$P wrong passphrase: the 4-way handshake fails (reason 15)" \
	grep -q 'CTRL-EVENT-DISCONNECTED.*reason=15' /tmp/wpa.log
check "$P wrong passphrase: never COMPLETED" sh -c "! completed"
wpa_stop
grep -E 'CTRL-EVENT-(DISCONNECTED|SSID-TEMP-DISABLED)|pre-shared key' \
	/tmp/wpa.log | head -n 4 | sed 's/^/#   /'

# --- SAE needs on-chip SAE or external auth: refused, with a reason --------
klog_mark "pios sae"
check_fail "$P nl80211 connect with an SAE password is refused" \
	nl80211_connect wlan0 cywsim-wpa3 sae cywsim-sae-password
check "$P not connected after the refusal" not_linked
check "$P wlan0 is still usable: WPA2 again" wpa_start \
	'ssid="cywsim-wpa2"' 'key_mgmt=WPA-PSK' 'psk="cywsim-passphrase"'
wait_for 60 "$P COMPLETED on cywsim-wpa2 after the failures" completed
