#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: pulling the cable drops the carrier within 2 s and frames caught
# in flight are counted as dropped; plugging it back brings the link and
# the traffic back.
# rig-timeout: 120
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 7

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-unplug

no_carrier() { grep -qx 0 "/sys/class/net/$IF/carrier"; }
tx_lost()
{
	echo $(( $(stat tx_drop_no_carrier) + $(stat tx_drop_aborted) +
		 $(cat "/sys/class/net/$IF/statistics/tx_dropped") ))
}

if lan_up 10.24.0; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi
check "ping the peer" ping_ok 10.24.0.2

iperf_server "$NS"
iperf3 -c 10.24.0.2 -u -b 50M -t 8 >/dev/null 2>&1 &
traffic=$!
sleep 2
d0=$(tx_lost)
echo 0 > "$SIM/plugged"
wait_for 2 "carrier off within 2 s of the unplug" no_carrier
sleep 1
d1=$(tx_lost)
if [ "$d1" -gt "$d0" ]; then
	ok "frames in flight at the unplug counted as dropped ($((d1 - d0)))"
else
	not_ok "frames in flight at the unplug counted as dropped" \
		"$(ethtool -S "$IF")"
fi
echo 1 > "$SIM/plugged"
wait_for 10 "carrier back after the replug" \
	grep -qx 1 "/sys/class/net/$IF/carrier"
wait "$traffic"
check "traffic resumes" ping_ok 10.24.0.2
ip link set "$IF" down
check "unload" lan_down
