#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: probe failure paths. Firmware that never becomes ready, a chip
# that never answers, a bus that returns garbage, a missing firmware file,
# a corrupted image and a malformed NVRAM file each make probe fail with an
# error that names the cause, leave no wlan interface, wiphy or binding
# behind, and leave the driver unloadable; once the fault is gone the same
# device binds and works.
# rig-timeout: 900
. /rig/lib.sh
plan 28

FW=/lib/firmware/brcm
IMAGE=$FW/brcmfmac43439-sdio.bin
NVRAM=$FW/brcmfmac43439-sdio.txt
BAD_IMAGE=$FW/cywtest-bad.bin
BAD_NVRAM=$FW/cywtest-bad.txt
SIMDBG=/sys/kernel/debug/cyw43439_sim/cywsim0
DRV=/sys/bus/spi/drivers/cyw43439
MAC=$(sed -n 's/^macaddr=//p' "$NVRAM" 2>/dev/null | tr 'A-F' 'a-f')
: "${MAC:=02:43:94:39:00:01}"
DEV=

sim_spi_dev()
{
	spi_dev_with_modalias spi:cyw43439
}


# logged ERE: an error from the driver about the device, matching ERE
logged()
{
	klog | grep -Eq "^<[0-3]>.*cyw43439 $DEV: .*($1)"
}

sim()
{
	echo "$2" > "$SIMDBG/$1"
}

# flip FILE OFFSET COUNT: invert COUNT bytes of FILE in place
flip()
{
	local f=$1 off=$2 n=$3 b esc=
	for b in $(od -An -tu1 -j "$off" -N "$n" "$f"); do
		esc+=$(printf '\\0%03o' $((b ^ 255)))
	done
	printf '%b' "$esc" | dd of="$f" bs=1 seek="$off" conv=notrunc 2>/dev/null
}

make_bad_image()
{
	local size
	cp "$IMAGE" "$BAD_IMAGE" || return 1
	size=$(wc -c < "$IMAGE")
	flip "$BAD_IMAGE" $((size / 2)) 64 || return 1
	[ "$(wc -c < "$BAD_IMAGE")" = "$size" ] &&
		! cmp -s "$IMAGE" "$BAD_IMAGE" && return 0
	echo "the copy is not a same-size, corrupted image"
	return 1
}

# a typo a user could make: a space where the '=' belongs
make_bad_nvram()
{
	awk '{ print } /^xtalfreq=/ { print "boardflags 0x00404001" }' \
		"$NVRAM" > "$BAD_NVRAM" || return 1
	grep -q '^boardflags 0x00404001$' "$BAD_NVRAM" && return 0
	echo "no xtalfreq= line in $NVRAM"
	return 1
}

any_wlan()
{
	local d
	for d in /sys/class/net/wlan*; do
		[ -e "$d" ] && return 0
	done
	return 1
}

# after a failed probe: no interface, no wiphy, no binding, no debugfs
# directory for the device, and nothing holds the module
nothing_bound()
{
	local bad=
	any_wlan && bad+=" wlan interface;"
	[ -n "$(iw phy)" ] && bad+=" wiphy;"
	test -e "/sys/bus/spi/devices/$DEV/driver" && bad+=" $DEV bound;"
	test -e "/sys/kernel/debug/cyw43439/$DEV" && bad+=" debugfs dir;"
	[ "$(cat /sys/module/cyw43439/refcnt 2>/dev/null)" = 0 ] ||
		bad+=" module refcnt $(cat /sys/module/cyw43439/refcnt 2>&1);"
	[ -z "$bad" ] && return 0
	echo "left behind:$bad"
	ls /sys/class/net
	iw phy
	return 1
}

wlan0_works()
{
	poll 60 test -e /sys/class/net/wlan0 &&
		grep -qx "$MAC" /sys/class/net/wlan0/address && return 0
	echo "no wlan0 with MAC $MAC:"
	ls /sys/class/net
	klog | grep cyw43439
	return 1
}

rebind()
{
	timeout 120 sh -c "echo $DEV > $DRV/bind" || return 1
	wlan0_works
}

load_default()
{
	load cyw43439 || return 1
	wlan0_works
}

driver_gone()
{
	modprobe -r cyw43439 || return 1
	! test -e /sys/module/cyw43439 && ! test -e /sys/class/net/wlan0 &&
		[ -z "$(iw phy)" ] && ! test -e /sys/kernel/debug/cyw43439 &&
		return 0
	echo "left behind after unload:"
	ls /sys/class/net /sys/kernel/debug
	iw phy
	return 1
}

# probe_fails NAME WHAT ERE [MODULE PARAMS]: load cyw43439, expect an
# error matching ERE
probe_fails()
{
	local name=$1 what=$2 msg=$3 out
	shift 3
	if ! out=$(load cyw43439 "$@"); then
		not_ok "$name: probe fails: $what" "$out"
		return 1
	fi
	wait_for 120 "$name: probe fails: $what" logged "$msg" || {
		echo "# kernel log:"
		klog | grep -e cyw43439 -e cywsim | sed 's/^/#   /'
	}
	echo "# simulated firmware console:"
	tail -n 3 "$SIMDBG/console" 2>/dev/null | sed 's/^/#   /'
}

# knob_case NAME SIMFILE BAD GOOD ERE: a simulator fault; rebind once it
# is cleared. 4 results.
knob_case()
{
	local name=$1 file=$2 bad=$3 good=$4 msg=$5
	echo "# --- $name: $file = $bad ---"
	klog_mark "$name"
	sim "$file" "$bad"
	probe_fails "$name" "'$msg'" "$msg"
	check "$name: no wlan interface, wiphy or binding left" nothing_bound
	sim "$file" "$good"
	check "$name: fault cleared, bind through sysfs: wlan0 with MAC $MAC" \
		rebind
	check "$name: unload cyw43439: nothing left" driver_gone
}

# param_case NAME PARAM WHAT ERE: bad module parameter; reload without
# it. 4 results.
param_case()
{
	local name=$1 param=$2 what=$3 msg=$4
	echo "# --- $name: $param ---"
	klog_mark "$name"
	probe_fails "$name" "$what" "$msg" "$param"
	check "$name: no wlan interface, wiphy or binding left" nothing_bound
	check "$name: unload cyw43439 after the failure: nothing left" \
		driver_gone
	check "$name: reload with the default files: wlan0 with MAC $MAC" \
		load_default
	unload cyw43439
}

cleanup_all()
{
	rm -f "$BAD_IMAGE" "$BAD_NVRAM"
	modprobe -r cyw43439 2>/dev/null
	modprobe -r cyw43439_sim || return 1
	! test -e /sys/class/net/wlan0 && ! sim_spi_dev >/dev/null
}

check "prepare $BAD_IMAGE: the image with 64 bytes inverted mid-way" \
	make_bad_image
check "prepare $BAD_NVRAM: the NVRAM with a line without '='" \
	make_bad_nvram
check "load cyw43439_sim" load cyw43439_sim
DEV=$(sim_spi_dev)
echo "# simulated device: $DEV"

knob_case "firmware never ready" faults/f2_never_ready Y N \
	"firmware did not start"
knob_case "chip never answers" knobs/poweron_ms 600000 30 \
	"no answer from the chip"
knob_case "garbage on the bus" faults/bit_shift 1000000000 0 \
	"no answer from the chip"

param_case "missing firmware file" fw_image=brcm/nonexistent.bin \
	"'firmware file' naming brcm/nonexistent.bin" \
	'firmware file.*nonexistent\.bin|nonexistent\.bin.*firmware file'
param_case "corrupted firmware image" fw_image=brcm/cywtest-bad.bin \
	"'firmware did not start'" "firmware did not start"
param_case "malformed NVRAM" fw_nvram=brcm/cywtest-bad.txt "'NVRAM'" "NVRAM"

check "unload cyw43439_sim, remove the test files: nothing left" cleanup_all
exit 0
