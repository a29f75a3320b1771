#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The scripted tour `make demo` shows: each command, then what it printed.
# Each driver's part lives in its own file, demo-<driver>.sh, sourced after
# the common part below with say/run/run_sh in scope.

say()
{
	printf '\n### %s\n' "$*"
}

run()
{
	printf '$ %s\n' "$*"
	"$@" 2>&1 | sed 's/^/  /'
}

# run_sh 'pipeline': show it as typed, run it with bash.
run_sh()
{
	printf '$ %s\n' "$1"
	bash -c "$1" 2>&1 | sed 's/^/  /'
}

say "The kernel under test"
run uname -sr
say "The checkers every test runs under"
run_sh 'dmesg | grep -oE "KernelAddressSanitizer initialized.*|Lock dependency validator.*|Kernel memory leak detector initialized.*"'

say "Our modules, as the VM sees them (test-only modules left out)"
run_sh 'ls /lib/modules/$(uname -r)/extra | grep -v -e _kunit -e rig_plant || echo "(none yet)"'
for m in ethbus lan8720_sim lan8720 cyw43439_sim cyw43439; do
	if [ -e "/lib/modules/$(uname -r)/extra/$m.ko" ]; then
		run modprobe "$m"
	fi
done
run_sh 'lsmod | head -n 20'

say "Interfaces"
run ip -br link

say "A veth peer in its own network namespace"
run ip link add demo0 type veth peer name demopeer
run ip netns add peer
run ip link set demopeer netns peer
run ip addr add 192.0.2.1/24 dev demo0
run ip link set demo0 up
run ip -n peer addr add 192.0.2.2/24 dev demopeer
run ip -n peer link set demopeer up
run ip -n peer link set lo up
sleep 1
run ip -br addr show demo0

say "ping through it"
run ping -c 3 -i 0.2 192.0.2.2

say "iperf3 through it (2 s)"
ip netns exec peer iperf3 -s -D -1
sleep 1
run iperf3 -c 192.0.2.2 -t 2 -f m

ip link del demo0
ip netns del peer

for part in /rig/demo-*.sh; do
	[ -e "$part" ] || continue
	# shellcheck source=/dev/null
	. "$part"
done
say "End of the demo"
