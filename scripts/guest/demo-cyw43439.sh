# SPDX-License-Identifier: GPL-2.0
# make demo, WiFi part: the cyw43439 driver on the simulated chip. Sourced
# by demo.sh (say, run, run_sh in scope); the modules are already loaded.

if [ -d /sys/class/net/wlan0 ]; then
	say "WiFi: the CYW43439 (simulated) came up over gSPI"
	run_sh 'dmesg | grep -E "cyw43439 .*(firmware|MAC)" | tail -n 2'
	run iw dev
	run ip link set wlan0 up

	say "Scan (iw dev wlan0 scan trigger, then dump)"
	run iw dev wlan0 scan trigger
	sleep 2
	run_sh 'iw dev wlan0 scan dump | grep -E "^BSS|SSID:|signal:|Authentication suites"'

	say "Join the WPA2 network with wpa_supplicant (the firmware does the 4-way handshake)"
	cat > /tmp/demo-wpa.conf <<-'EOF'
	ctrl_interface=/tmp/demo-wpa
	network={
		ssid="cywsim-wpa2"
		key_mgmt=WPA-PSK
		psk="cywsim-passphrase"
	}
	EOF
	run_sh 'cat /tmp/demo-wpa.conf'
	run wpa_supplicant -B -D nl80211 -i wlan0 -c /tmp/demo-wpa.conf \
		-P /tmp/demo-wpa.pid
	for _ in $(seq 1 100); do
		wpa_cli -p /tmp/demo-wpa -i wlan0 status 2>/dev/null |
			grep -q '^wpa_state=COMPLETED' && break
		sleep 0.2
	done
	run_sh 'wpa_cli -p /tmp/demo-wpa -i wlan0 status | grep -E "^(bssid|ssid|key_mgmt|pairwise_cipher|wpa_state)="'
	run iw dev wlan0 link

	say "A host behind the access point (the simulator's cywsim0, in netns wifi-peer)"
	ip netns add wifi-peer
	ip link set cywsim0 netns wifi-peer
	ip -n wifi-peer addr add 192.168.79.1/24 dev cywsim0
	ip -n wifi-peer link set cywsim0 up
	ip -n wifi-peer link set lo up
	run ip addr add 192.168.79.2/24 dev wlan0
	run ping -c 3 -i 0.2 192.168.79.1

	say "iperf3 over WiFi, 2 s each way (pacing off, KASAN kernel: CPU-bound; make bench paces the bus)"
	ip netns exec wifi-peer iperf3 -s -D -1
	sleep 1
	run_sh 'iperf3 -c 192.168.79.1 -t 2 -f m | grep -E "sender|receiver"'
	ip netns exec wifi-peer iperf3 -s -D -1
	sleep 1
	run_sh 'iperf3 -c 192.168.79.1 -t 2 -f m -R | grep -E "sender|receiver"'

	say "What the driver counted"
	run_sh 'ethtool -S wlan0 | grep -E "bus_xacts|f2_(rx|tx)_frames|data_frames|sdpcm_bad|bdc_bad|ioctl_timeouts"'

	say "Disconnect"
	run wpa_cli -p /tmp/demo-wpa -i wlan0 disconnect
	sleep 1
	run iw dev wlan0 link
	kill "$(cat /tmp/demo-wpa.pid)" 2>/dev/null
	ip netns del wifi-peer
fi
