#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: traffic through the simulated access point and what a user
# puts it through: TCP both ways and UDP without loss, credit starvation,
# every bus and event fault the chip can throw while frames flow, the AP
# going away and coming back, 200 connect/disconnect cycles under load,
# the firmware hanging, and the module unloaded mid-stream.
# rig-timeout: 1800
. /rig/lib.sh
. /rig/cyw43439-lib.sh
plan 59

SIM=/sys/kernel/debug/cyw43439_sim/cywsim0
DRV=/sys/bus/spi/drivers/cyw43439
OPEN=02:cb:51:00:00:01
AP=192.168.78.1
ME=192.168.78.2
CYCLES=200
BG=

cleanup()
{
	[ -n "$BG" ] && kill $BG 2>/dev/null
	stop_iperf
	ip link set wlan0 down 2>/dev/null
	modprobe -r cyw43439 2>/dev/null
	modprobe -r cyw43439_sim 2>/dev/null
	echo "$old_qdisc" > /proc/sys/net/core/default_qdisc
}
old_qdisc=$(cat /proc/sys/net/core/default_qdisc)
trap '_rig_cleanup; cleanup' EXIT
# pfifo_fast, not fq_codel: CoDel drops packets that wait in the qdisc (as
# they do while credit is withheld). Any loss left is the driver's.
echo pfifo_fast > /proc/sys/net/core/default_qdisc

sim()
{
	echo "$2" > "$SIM/$1"
}

# ethtool -S wlan0 value
st()
{
	ethtool -S wlan0 | awk -v n="$1:" '$1 == n { print $2 }'
}

simctr()
{
	awk -v n="$1" '$1 == n { print $2 }' "$SIM/counters"
}

linked()
{
	linked_to $OPEN
}

# logged ERE: the kernel log since the last klog_mark has a match
logged()
{
	klog | grep -qE "$1"
}

# disconnected: iw says not connected and the carrier is off
disconnected()
{
	not_linked && carrier 0
}

# connected: to the open network, carrier on
connected()
{
	linked && carrier 1
}

# fw_dead: the driver gave up on the firmware and dropped the link
fw_dead()
{
	logged 'firmware stopped answering' && carrier 0
}

# stop_iperf: no iperf3 left on either side. A server whose client died
# with the link stays busy with that dead test and turns the next client
# away, so each phase starts from nothing.
stop_iperf()
{
	killall iperf3 2>/dev/null
	poll 5 sh -c "! pidof iperf3 >/dev/null"
}

# station_server: an iperf3 server on port 5202 here, on the station, for
# the AP side to send to
station_server()
{
	iperf3 -s -p 5202 -D -1 >/dev/null 2>&1
	poll 5 sh -c "netstat -ltn 2>/dev/null | grep -q :5202"
}

# wlan_stat NAME: /sys/class/net/wlan0/statistics/NAME
wlan_stat()
{
	cat /sys/class/net/wlan0/statistics/$1
}

# longest_tx_pause PID: while PID runs, the longest time wlan0's
# tx_packets stood still, in hundredths of a second
longest_tx_pause()
{
	local n last=-1 now since=0 max=0
	while kill -0 "$1" 2>/dev/null; do
		n=$(wlan_stat tx_packets)
		now=$(uptime_cs)
		[ "$n" != "$last" ] && { last=$n; since=$now; }
		[ $((now - since)) -gt $max ] && max=$((now - since))
		sleep 0.2
	done
	echo $max
}

# inflight: bytes handed to the driver and not completed (BQL)
inflight()
{
	cat /sys/class/net/wlan0/queues/tx-0/byte_queue_limits/inflight
}

# no_faults: every fault of the simulator off
no_faults()
{
	local f
	for f in "$SIM"/faults/*; do
		case ${f##*/} in kick|f2_busy_resume_us) continue ;; esac
		case "$(cat "$f")" in
		Y) echo N > "$f" ;;
		0|N) ;;
		*) echo 0 > "$f" ;;
		esac
	done
	echo 1 > "$SIM/faults/kick"
}

# wlan_setup: wlan0 up with its address, joined to the open network
wlan_setup()
{
	poll 30 test -d /sys/class/net/wlan0 || return 1
	ip addr add $ME/24 dev wlan0 || return 1
	ip link set wlan0 up || return 1
	iw dev wlan0 connect cywsim-open || return 1
	poll 20 linked && poll 5 carrier 1
}

# mbps ARGS...: TCP goodput of an iperf3 run, Mb/s, > 0
mbps()
{
	local bps
	bps=$(iperf_bps -c $AP "$@")
	echo "# ${bps:-0} b/s"
	awk -v b="${bps:-0}" 'BEGIN { exit !(b > 0) }'
}

check "load cyw43439_sim and cyw43439" sh -c \
	"modprobe cyw43439_sim && modprobe cyw43439"
check "AP side: cywsim0 in netns ap-traffic, $AP/24" netns_peer ap-traffic cywsim0 $AP/24
check "wlan0 joins cywsim-open" wlan_setup
check "ping the host behind the AP" ping_ok $AP
check "the AP side pings back" ping_ok ap-traffic $ME

# --- TCP and UDP ------------------------------------------------------------
iperf_server ap-traffic
check "iperf3 TCP station -> AP (3 s)" mbps -t 3
iperf_server ap-traffic
check "iperf3 TCP AP -> station (3 s)" mbps -t 3 -R
iperf_server ap-traffic
iperf3 -c $AP -u -b 2M -t 3 -J > /tmp/udp-tx.json 2>&1
check "iperf3 UDP station -> AP, 2 Mb/s: no loss" no_loss /tmp/udp-tx.json
iperf_server ap-traffic
iperf3 -c $AP -u -b 2M -t 3 -R -J > /tmp/udp-rx.json 2>&1
check "iperf3 UDP AP -> station, 2 Mb/s: no loss" no_loss /tmp/udp-rx.json
check "no frame from the chip dropped as malformed" sh -c \
	"[ $(st sdpcm_bad) = 0 ] && [ $(st bdc_bad) = 0 ]"

# --- credit starvation --------------------------------------------------------
# The firmware grants no credit for 2 s in the middle of a UDP stream: the
# queue stops (nothing may be sent beyond the credit), nothing is lost,
# and the stream goes on when credit returns.
beyond0=$(simctr sdpcm_beyond_credit)
iperf_server ap-traffic
iperf3 -c $AP -u -b 1M -t 6 -J > /tmp/udp-credit.json 2>&1 &
BG=$!
sleep 2
sim faults/credit_stop 1
sim faults/kick 1
sleep 2
air0=$(simctr air_frames_from_station)
sent0=$(cat /sys/class/net/wlan0/statistics/tx_packets)
sleep 1
check "credit withheld: the chip takes no more data frames" \
	test "$(simctr air_frames_from_station)" = "$air0"
check "credit withheld: frames wait in the queue ($(inflight) bytes in flight), none completed" \
	sh -c "[ $(inflight) -gt 0 ] &&
	       [ \$(cat /sys/class/net/wlan0/statistics/tx_packets) = $sent0 ]"
sim faults/credit_stop 0
sim faults/kick 1
wait $BG
BG=
check "never a frame beyond the credit window" \
	test "$(simctr sdpcm_beyond_credit)" = "$beyond0"
check "credit back: the stream finished with no loss" \
	no_loss /tmp/udp-credit.json
check "ping after the starvation" ping_ok $AP

# --- a credit update lost on the bus ------------------------------------------
# A one-way UDP stream, and the AP side quiet (no IPv6, fixed neighbour
# entries): the credit frames are all that comes back. One of them is
# corrupted; the driver must drop it, and the firmware counts that credit
# as granted, so no more comes. After 3 s of data waiting the driver asks
# the firmware something, and the answer brings the credit back.
in_ns ap-traffic sh -c "echo 1 > /proc/sys/net/ipv6/conf/cywsim0/disable_ipv6"
in_ns ap-traffic ip neigh replace $ME dev cywsim0 nud permanent \
	lladdr "$(cat /sys/class/net/wlan0/address)"
ip neigh replace $AP dev wlan0 nud permanent \
	lladdr "$(in_ns ap-traffic cat /sys/class/net/cywsim0/address)"
bad0=$(st sdpcm_bad) ov0=$(st credit_overrides)
iperf_server ap-traffic
timeout 60 iperf3 -c $AP -u -b 1M -t 12 -J > /tmp/udp-lost.json 2>&1 &
BG=$!
# once the stream runs: iperf3's own TCP setup would carry credit too
sleep 2
sim faults/credit_corrupt 1
pause=$(longest_tx_pause $BG)
wait $BG
BG=
check "lost credit update: the corrupt credit frame was dropped and counted" \
	sh -c "[ \$(cat $SIM/faults/credit_corrupt) = 0 ] &&
	       [ $(st sdpcm_bad) -gt $bad0 ]"
check "lost credit update: the driver asked the firmware for credit" \
	test "$(st credit_overrides)" -gt "$ov0"
check "lost credit update: sending paused $((pause / 100)).$((pause % 100 / 10)) s, under 6 s" \
	test "$pause" -lt 600
check "lost credit update: the stream finished with no loss" \
	no_loss /tmp/udp-lost.json
check "ping after the lost credit update" ping_ok $AP

# --- every chip fault while traffic flows -------------------------------------
iperf_server ap-traffic
iperf3 -c $AP -u -b 1M -t 600 > /dev/null 2>&1 &
BG=$!
for f in bit_shift:3 bit_flip:5 spurious_data_unavail:5 bus_error:5 \
	 event_drop:3 event_corrupt:3 wrong_payload:3; do
	klog_mark "fault ${f%:*}"
	sim "faults/${f%:*}" "${f#*:}"
	# events only flow when something happens: a scan makes some
	iw_scan wlan0 > /dev/null 2>&1
	sleep 1
	check "fault ${f%:*}=${f#*:} under traffic: still connected" linked
	check "fault ${f%:*}=${f#*:} under traffic: ping" ping_ok $AP
done
no_faults
check "corrupt events were dropped and counted (event_bad $(st event_bad))" \
	test "$(st event_bad)" -gt 0

# --- the AP goes away and comes back ----------------------------------------
klog_mark "AP gone"
sim bss "gone $OPEN"
wait_for 20 "AP gone: disconnected, carrier off" disconnected
check "AP gone: the link loss was logged" logged 'wlan0: link down'
check "AP back: iw connect" iw dev wlan0 connect cywsim-open
wait_for 20 "AP back: connected again, carrier on" connected
check "AP back: ping" ping_ok $AP

# --- connect/disconnect cycles under traffic -------------------------------------
# $BG (UDP to the AP) keeps running; the AP side sends too.
station_server
rx0=$(wlan_stat rx_packets)
iw dev wlan0 disconnect
poll 10 not_linked
n=0 fail=
t0=$(date +%s)
while [ $n -lt $CYCLES ]; do
	iw dev wlan0 connect cywsim-open || { fail="connect $n refused"; break; }
	poll 20 linked || { fail="cycle $n: no link"; break; }
	[ $n = 10 ] && in_ns ap-traffic iperf3 -c $ME -p 5202 -u -b 1M -t 600 \
		>/dev/null 2>&1 &
	iw dev wlan0 disconnect || { fail="disconnect $n refused"; break; }
	poll 10 not_linked || { fail="cycle $n: still linked"; break; }
	n=$((n + 1))
done
echo "# $n cycles in $(($(date +%s) - t0)) s, $(($(wlan_stat rx_packets) - rx0)) frames received"
check "$CYCLES connect/disconnect cycles under traffic" test -z "$fail" -a $n = $CYCLES
check "after the cycles: iw connect" iw dev wlan0 connect cywsim-open
wait_for 20 "after the cycles: connected" linked
check "after the cycles: ping" ping_ok $AP
# answers lost to the bit flips above are asked again, never fatal
check "the firmware was never given up on ($(st ioctl_timeouts) answers lost and asked again)" \
	sh -c "! dmesg | grep -q 'firmware stopped answering'"
kill $BG 2>/dev/null
wait $BG 2>/dev/null
BG=
stop_iperf
iperf_server ap-traffic
iperf3 -c $AP -u -b 1M -t 600 > /dev/null 2>&1 &
BG=$!

# --- the firmware hangs under traffic ----------------------------------------------
klog_mark "fw hang"
sim faults/fw_hang 1
sim faults/kick 1
# the next command to the firmware finds it dead (ioctl_timeout_ms, 3 s)
iw dev wlan0 station dump > /dev/null 2>&1
wait_for 15 "firmware hang: reported, link down" fw_dead
check "firmware hang: cfg80211 says not connected" not_linked
check "firmware hang: commands now fail at once" sh -c \
	"! iw dev wlan0 scan trigger 2>/dev/null"
kill $BG 2>/dev/null
wait $BG 2>/dev/null
BG=
sim faults/fw_hang 0
dev=$(basename "$(readlink -f /sys/class/net/wlan0/device)")
check "firmware hang: unbind the device" sh -c "echo $dev > $DRV/unbind"
check "firmware hang: bind again" sh -c "echo $dev > $DRV/bind"
check "after the rebind: wlan0 joins again" wlan_setup
check "after the rebind: ping" ping_ok $AP

# --- unload under traffic ----------------------------------------------------------
stop_iperf
iperf_server ap-traffic
station_server
tx0=$(wlan_stat tx_packets)
rx0=$(wlan_stat rx_packets)
iperf3 -c $AP -t 60 > /dev/null 2>&1 &
BG=$!
in_ns ap-traffic iperf3 -c $ME -p 5202 -u -b 1M -t 60 >/dev/null 2>&1 &
# TCP sends hundreds of frames a second, UDP at 1 Mb/s about 85
flowing()
{
	[ $(($(wlan_stat tx_packets) - tx0)) -gt 100 ] &&
		[ $(($(wlan_stat rx_packets) - rx0)) -gt 100 ]
}
wait_for 10 "TCP and UDP flowing before the unload" flowing
t0=$(date +%s)
check "rmmod cyw43439 under traffic" modprobe -r cyw43439
echo "# unload took $(($(date +%s) - t0)) s"
check "wlan0 and its wiphy are gone" sh -c \
	"! test -e /sys/class/net/wlan0 && [ -z \"\$(iw phy)\" ]"
kill $BG 2>/dev/null
wait $BG 2>/dev/null
BG=
check "reload cyw43439" modprobe cyw43439
check "after the reload: wlan0 joins again" wlan_setup
check "after the reload: ping" ping_ok $AP
stop_iperf
check "unload both modules: nothing left" sh -c \
	"modprobe -r cyw43439 && modprobe -r cyw43439_sim && ! test -e /sys/class/net/wlan0"
