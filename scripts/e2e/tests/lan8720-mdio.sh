#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: MDIO failures while the PHY is polled, renegotiated and flapped
# are survived: no crash, no hang, and the port works again after a down/up
# (phylib stops a PHY it cannot talk to, by design).
# phylib reports each failed access with a WARN in phy_error(); those, and
# only those, are expected here:
# rig-allow-log: drivers/net/phy/phy\.c:[0-9]+ (phy_error|_phy_state_machine)
# rig-timeout: 180
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 8

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-mdio

if lan_up 10.28.0; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi

# One in five MDIO accesses fails.
echo 200 > "$SIM/fault/mdio_permille"
for i in $(seq 5); do
	ethtool "$IF" >/dev/null 2>&1
	ethtool -r "$IF" >/dev/null 2>&1
	echo 0 > "$SIM/plugged"; sleep 0.3
	echo 1 > "$SIM/plugged"; sleep 0.3
done
echo 0 > "$SIM/fault/mdio_permille"
check "the port still answers ethtool" ethtool "$IF"
ip link set "$IF" down
check "down and up after the MDIO faults" ip link set "$IF" up
wait_for 15 "the link comes back" carrier
check "traffic after the MDIO faults" ping_ok 10.28.0.2
# The next ten accesses fail while the interface is brought up: "ip link
# set up" fails with a clear message until the bus works again.
ip link set "$IF" down
echo 10 > "$SIM/fault/mdio_fail_next"
tries=0
until ip link set "$IF" up 2>/dev/null || [ $tries -ge 20 ]; do
	tries=$((tries + 1))
	sleep 0.5
done
check "failed bring-up says why" \
	sh -c "dmesg | grep -q 'cannot attach PHY'"
wait_for 15 "after $tries failed bring-ups the link comes back" carrier
ip link set "$IF" down
check "unload" lan_down
