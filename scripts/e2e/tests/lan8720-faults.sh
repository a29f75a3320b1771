#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lan8720: receive overruns, symbol errors and spurious PHY interrupts are
# counted or survived, never a crash or a hang. (MDIO faults: lan8720-mdio.)
# rig-timeout: 180
. /rig/lib.sh
. /rig/lan8720-lib.sh
plan 8

SIM=/sys/kernel/debug/lan8720_sim/sim0
NS=lanpeer-faults

if lan_up 10.27.0; then
	ok "port up, link up"
else
	not_ok "port up, link up" "$(dmesg | tail -n 20)"
fi
check "ping the peer" ping_ok 10.27.0.2

# Receive overruns: the backend loses frames and counts them.
o0=$(stat rx_fifo_errors)
echo 20 > "$SIM/fault/rx_overrun_next"
in_ns "$NS" ping -c 30 -i 0.05 -W 1 10.27.0.1 >/dev/null 2>&1
o1=$(stat rx_fifo_errors)
if [ $((o1 - o0)) -ge 20 ]; then
	ok "overruns counted in rx_fifo_errors ($((o1 - o0)))"
else
	not_ok "overruns counted in rx_fifo_errors" "$o0 -> $o1"
fi
check "rx_fifo_errors in the link statistics" \
	test "$(cat "/sys/class/net/$IF/statistics/rx_fifo_errors")" -ge 20

# Symbol errors during frames
s0=$(stat rx_symbol_errors)
echo 1000 > "$SIM/fault/symbol_permille"
in_ns "$NS" ping -c 5 -i 0.1 -W 1 10.27.0.1 >/dev/null 2>&1
echo 0 > "$SIM/fault/symbol_permille"
s1=$(stat rx_symbol_errors)
if [ $((s1 - s0)) -ge 5 ]; then
	ok "symbol errors counted ($((s1 - s0)))"
else
	not_ok "symbol errors counted" "rx_symbol_errors $s0 -> $s1"
fi

# Spurious PHY interrupts
for i in $(seq 20); do echo 1 > "$SIM/fault/spurious_irq"; done
check "spurious interrupts: the link stays up" carrier

check "traffic after all faults" ping_ok 10.27.0.2
ip link set "$IF" down
check "unload" lan_down
