#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: frames with a bad FCS, runts and giants from the link partner
# are counted and never delivered; good traffic resumes afterwards.
# rig-timeout: 120
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 12

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-rxerr

rx_packets() { cat "/sys/class/net/$IF/statistics/rx_packets"; }

if lan_up 10.22.0; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi
check "ping the peer" ping_ok 10.22.0.2
# Only the test's own frames may reach the port: the checks below count
# every delivered frame. The peer speaks no IPv6 (lan_up), and both
# neighbour entries are fixed so no ARP refresh crosses the wire either.
in_ns "$NS" ip neigh replace 10.22.0.1 dev lansim0 nud permanent \
	lladdr "$(cat "/sys/class/net/$IF/address")"
ip neigh replace 10.22.0.2 dev "$IF" nud permanent \
	lladdr "$(in_ns "$NS" cat /sys/class/net/lansim0/address)"

# Bad FCS
echo 1000 > "$SIM/fault/rx_fcs_permille"
c0=$(stat rx_crc_errors) r0=$(rx_packets)
in_ns "$NS" ping -c 5 -i 0.2 -W 1 10.22.0.1 >/dev/null 2>&1
c1=$(stat rx_crc_errors) r1=$(rx_packets)
echo 0 > "$SIM/fault/rx_fcs_permille"
if [ $((c1 - c0)) -ge 5 ] && [ "$r1" = "$r0" ]; then
	ok "bad-FCS frames counted in rx_crc_errors ($((c1 - c0))), none delivered"
else
	not_ok "bad-FCS frames counted, none delivered" \
		"rx_crc_errors $c0 -> $c1, rx_packets $r0 -> $r1"
fi
check "rx_crc_errors in the link statistics" \
	test "$(cat "/sys/class/net/$IF/statistics/rx_crc_errors")" -ge 5
check "good frames flow again" ping_ok "$NS" 10.22.0.1

# Runts: the partner stops padding; a 42-byte ARP frame is too short.
echo 0 > "$SIM/partner/pad"
u0=$(stat rx_runt_errors) l0=$(stat rx_length_errors)
in_ns "$NS" arping -c 3 -w 2 -I lansim0 10.22.0.1 >/dev/null 2>&1
u1=$(stat rx_runt_errors) l1=$(stat rx_length_errors)
echo 1 > "$SIM/partner/pad"
if [ $((u1 - u0)) -ge 3 ] && [ $((l1 - l0)) -ge 3 ]; then
	ok "runts counted in rx_runt_errors and rx_length_errors"
else
	not_ok "runts counted" "rx_runt_errors $u0 -> $u1, rx_length_errors $l0 -> $l1"
fi

# Giants: the partner sends frames longer than the MTU allows. 1532-byte
# frames fit the MAC's buffer (1536) and are refused by the driver;
# 1642-byte ones do not fit and arrive truncated.
check "partner MTU 2000" in_ns "$NS" ip link set lansim0 mtu 2000
g0=$(stat rx_giant_errors) t0=$(stat rx_truncated_errors) r0=$(rx_packets)
in_ns "$NS" ping -c 3 -i 0.2 -W 1 -s 1490 10.22.0.1 >/dev/null 2>&1
g1=$(stat rx_giant_errors) r1=$(rx_packets)
in_ns "$NS" ping -c 3 -i 0.2 -W 1 -s 1600 10.22.0.1 >/dev/null 2>&1
t1=$(stat rx_truncated_errors) r2=$(rx_packets)
in_ns "$NS" ip link set lansim0 mtu 1500
if [ $((g1 - g0)) -ge 3 ] && [ "$r1" = "$r0" ]; then
	ok "giants counted in rx_giant_errors ($((g1 - g0))), none delivered"
else
	not_ok "giants counted, none delivered" \
		"rx_giant_errors $g0 -> $g1, rx_packets $r0 -> $r1
$(cat "$SIM/counters")"
fi
if [ $((t1 - t0)) -ge 3 ] && [ "$r2" = "$r1" ]; then
	ok "frames beyond the MAC's buffer counted as truncated ($((t1 - t0)))"
else
	not_ok "frames beyond the MAC's buffer counted as truncated" \
		"rx_truncated_errors $t0 -> $t1, rx_packets $r1 -> $r2
$(cat "$SIM/counters")"
fi
check "normal traffic after the bad frames" ping_ok "$NS" 10.22.0.1
check "length errors in the link statistics" \
	test "$(cat "/sys/class/net/$IF/statistics/rx_length_errors")" -ge 9
ip link set "$IF" down
check "unload" lan_down
