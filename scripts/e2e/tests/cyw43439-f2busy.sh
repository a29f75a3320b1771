#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: F2 not ready. The next frame the host writes takes the chip's
# last receive buffer, and the firmware frees one only 50 ms later, credit
# or not: that write's status word shows F2_RX_READY low, and it rises
# again without an interrupt. Commands issued meanwhile, and a one-way
# stream, go on by the driver's own retry, long before a command times out
# (the simulator reports the gap; latency is make bench's to judge)
# and nothing is lost, and the firmware is not
# taken for dead. (pfifo_fast: CoDel would drop what waits in the qdisc.)
# rig-timeout: 600
. /rig/lib.sh
. /rig/cyw43439-lib.sh
plan 17

SIM=/sys/kernel/debug/cyw43439_sim/cywsim0
AP=192.168.79.1
ME=192.168.79.2

st()
{
	ethtool -S wlan0 | awk -v n="$1:" '$1 == n { print $2 }'
}

cleanup()
{
	killall iperf3 2>/dev/null
	echo "$old_qdisc" > /proc/sys/net/core/default_qdisc
	ip link set wlan0 down 2>/dev/null
	modprobe -r cyw43439 2>/dev/null
	modprobe -r cyw43439_sim 2>/dev/null
}
old_qdisc=$(cat /proc/sys/net/core/default_qdisc)
trap '_rig_cleanup; cleanup' EXIT
echo pfifo_fast > /proc/sys/net/core/default_qdisc

resumed()
{
	[ "$(cat $SIM/faults/f2_busy_resume_us)" -gt 0 ]
}

check "load cyw43439_sim and cyw43439" sh -c \
	"modprobe cyw43439_sim && modprobe cyw43439"
wait_for 30 "wlan0 appears" test -d /sys/class/net/wlan0
check "AP side: cywsim0 in netns ap-f2, $AP/24" netns_peer ap-f2 cywsim0 $AP/24
ip addr add $ME/24 dev wlan0
ip link set wlan0 up
check "iw connect cywsim-open" iw dev wlan0 connect cywsim-open
wait_for 20 "connected, carrier on" carrier 1
klog_mark "F2 busy"
to0=$(st ioctl_timeouts)

# --- a burst of commands ----------------------------------------------------------
# Joining sends command after command; the first takes the last buffer and
# the next finds F2 busy with nothing else going on: only the driver's own
# retry sends it, not an interrupt or another frame.
check "disconnect" iw dev wlan0 disconnect
wait_for 10 "carrier off" carrier 0
nr0=$(st f2_not_ready)
echo 50 > $SIM/faults/f2_busy_ms
check "F2 busy: iw connect (a burst of commands)" iw dev wlan0 connect cywsim-open
wait_for 20 "F2 busy: connected again, carrier on" carrier 1
check "F2 busy: the driver found F2 not ready during the commands" \
	test "$(st f2_not_ready)" -gt "$nr0"
poll 2 resumed
resume=$(cat $SIM/faults/f2_busy_resume_us)
check "F2 busy: the next command went ${resume} us after F2 was ready, long before a command timeout (1 s)" \
	test "$resume" -gt 0 -a "$resume" -lt 1000000

# --- a one-way stream, and commands during it -----------------------------------
# the stream's next frame takes the last buffer; the commands issued right
# after (iw station dump asks for the RSSI) find F2 busy too
iperf_server ap-f2
iperf3 -c $AP -u -b 2M -t 4 -J > /tmp/udp-f2busy.json 2>&1 &
bg=$!
# the stream is under way once wlan0 has sent a hundred more frames
tx0=$(cat /sys/class/net/wlan0/statistics/tx_packets)
poll 10 sh -c "[ \$(cat /sys/class/net/wlan0/statistics/tx_packets) -gt $((tx0 + 100)) ]"
nr0=$(st f2_not_ready)
echo 50 > $SIM/faults/f2_busy_ms
dumps_ok=0
for i in 1 2 3; do
	iw dev wlan0 station dump | grep -q 'signal:' && dumps_ok=$((dumps_ok + 1))
done
poll 2 resumed
wait $bg
check "F2 busy: the driver saw F2 not ready" \
	test "$(st f2_not_ready)" -gt "$nr0"
resume=$(cat $SIM/faults/f2_busy_resume_us)
check "F2 busy: frames went on ${resume} us after F2 was ready, long before a command timeout (1 s)" \
	test "$resume" -gt 0 -a "$resume" -lt 1000000
check "F2 busy: the commands issued meanwhile were all answered ($dumps_ok of 3)" \
	test "$dumps_ok" = 3
check "F2 busy: the stream finished with no loss" no_loss /tmp/udp-f2busy.json
check "F2 busy: no command timed out, the firmware is not taken for dead" \
	sh -c "[ $(st ioctl_timeouts) = $to0 ] && ! klog | grep -q 'firmware stopped answering'"
check "ping after F2 busy" ping_ok $AP
