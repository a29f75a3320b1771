#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: the host-wake interrupt as each board wiring delivers it. The
# simulated board's input is level-triggered, as the overlay configures
# it, or edge-triggered on request; on 3-wire it is the data line, which
# carries bus data during every transfer. Idle, with wlan0 down and then
# connected with no traffic, the driver spends at most 2 bus transactions
# and 2 host interrupts a second over 10 s: an interrupt that fires on the
# driver's own transfers livelocks the bus context, and a level cause left
# pending storms. Afterwards the interrupt still works (a ping crosses).
# rig-timeout: 600
. /rig/lib.sh
. /rig/cyw43439-lib.sh

WIRINGS="3-wire,level:three_wire=1 4-wire,level:three_wire=0 4-wire,edge:three_wire=0,irq_edge=1"
plan $(( 13 * 3 ))

IDLE_S=10
MAX_PER_S=2

st()
{
	ethtool -S wlan0 | awk -v n="$1:" '$1 == n { print $2 }'
}

cleanup()
{
	ip link set wlan0 down 2>/dev/null
	modprobe -r cyw43439 2>/dev/null
	modprobe -r cyw43439_sim 2>/dev/null
}
trap '_rig_cleanup; cleanup' EXIT

# quiet NAME: over IDLE_S seconds, at most MAX_PER_S bus transactions and
# host interrupts a second; two results
quiet()
{
	local name=$1 x0 i0 t0 x1 i1 t1 cs max
	x0=$(st bus_xacts) i0=$(st bus_irqs) t0=$(uptime_cs)
	# an observation window, not a wait for an event
	sleep "$IDLE_S"
	x1=$(st bus_xacts) i1=$(st bus_irqs) t1=$(uptime_cs)
	cs=$(( t1 - t0 ))
	max=$(( MAX_PER_S * cs / 100 ))
	if [ $(( x1 - x0 )) -le "$max" ]; then
		ok "$name: $(( x1 - x0 )) bus transactions in $(( cs / 100 )) s"
	else
		not_ok "$name: $(( x1 - x0 )) bus transactions in $(( cs / 100 )) s, at most $max"
	fi
	if [ $(( i1 - i0 )) -le "$max" ]; then
		ok "$name: $(( i1 - i0 )) host interrupts in $(( cs / 100 )) s"
	else
		not_ok "$name: $(( i1 - i0 )) host interrupts in $(( cs / 100 )) s, at most $max"
	fi
}

for w in $WIRINGS; do
	name=${w%%:*}
	params=${w#*:}
	check "$name: load cyw43439_sim ${params//,/ }" \
		load cyw43439_sim ${params//,/ }
	check "$name: the board's interrupt is ${name#*,}-triggered" sh -c \
		"dmesg | grep 'cyw43439_sim' | tail -n 1 | grep -q '(${name#*,})'"
	check "$name: load cyw43439" load cyw43439
	wait_for 30 "$name: wlan0 appears" test -d /sys/class/net/wlan0
	quiet "$name, wlan0 down"
	check "$name: AP side in netns ap" netns_peer ap cywsim0 192.168.77.1/24
	ip link set wlan0 up
	ip addr add 192.168.77.2/24 dev wlan0
	check "$name: iw connect cywsim-open" iw dev wlan0 connect cywsim-open
	wait_for 20 "$name: connected, carrier on" carrier 1
	quiet "$name, connected without traffic"
	check "$name: a ping crosses after the idle time" ping_ok 192.168.77.1
	check "$name: unload" sh -c \
		"ip link set wlan0 down; modprobe -r cyw43439 && modprobe -r cyw43439_sim"
	ip netns del ap 2>/dev/null
done
