#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cyw43439: `iw dev wlan0 scan` lists every simulated access point with the
# right SSID, BSSID, frequency, signal and security; networks added to or
# removed from the simulated air show up in the next scan (flushed scans
# forget what is gone); a scan limited to one frequency finds only what is
# on it; a down interface refuses to scan; taking the interface down during
# a scan, and a scan whose results never come, both end the scan instead of
# hanging it, and the next scan works.
# rig-timeout: 900
. /rig/lib.sh
plan 36

SIMDBG=/sys/kernel/debug/cyw43439_sim/cywsim0
OPEN=02:cb:51:00:00:01
WPA2=02:cb:51:00:00:02
WPA3=02:cb:51:00:00:03
ADDED=02:cb:51:00:00:0a
SCAN=
BG_OUT=/tmp/cyw43439-scan.out
BG_RC=/tmp/cyw43439-scan.rc

# scan [iw scan args]: scan, output in $SCAN (call it in this shell, not
# through `check`, whose subshell would keep $SCAN to itself)
scan()
{
	SCAN=$(iw_scan wlan0 "$@" 2>&1) && return 0
	echo "iw dev wlan0 scan $* failed:"
	printf '%s\n' "$SCAN"
	return 1
}

# bss_block BSSID: what the last scan printed for that BSS
bss_block()
{
	printf '%s\n' "$SCAN" |
		awk -v b="BSS $1" 'index($0, b) == 1 { p = 1; print; next }
				   /^BSS / { p = 0 } p'
}

# bss_has BSSID PATTERN...: the BSS is listed, every ERE matches one of
# its lines, every !ERE matches none
bss_has()
{
	local b=$1 blk pat bad=
	shift
	blk=$(bss_block "$b")
	if [ -z "$blk" ]; then
		echo "BSS $b is not listed:"
		printf '%s\n' "$SCAN"
		return 1
	fi
	for pat in "$@"; do
		case $pat in
		!*) printf '%s\n' "$blk" | grep -Eq -- "${pat#!}" &&
			bad+="unexpected: ${pat#!}"$'\n' ;;
		*) printf '%s\n' "$blk" | grep -Eq -- "$pat" ||
			bad+="missing: $pat"$'\n' ;;
		esac
	done
	[ -z "$bad" ] && return 0
	printf '%s%s\n' "$bad" "$blk"
	return 1
}

# listed BSSID...: exactly these BSSes, each once
listed()
{
	local got want
	got=$(printf '%s\n' "$SCAN" | sed -n 's/^BSS \([0-9a-f:]*\).*/\1/p' | sort)
	want=$(printf '%s\n' "$@" | sort)
	[ "$got" = "$want" ] && return 0
	echo "listed: $(printf '%s\n' "$got" | tr '\n' ' ')"
	echo "wanted: $(printf '%s\n' "$want" | tr '\n' ' ')"
	printf '%s\n' "$SCAN"
	return 1
}

# lists BSSID...: at least these BSSes
lists()
{
	local b miss=
	for b in "$@"; do
		printf '%s\n' "$SCAN" | grep -q "^BSS $b" || miss+=" $b"
	done
	[ -z "$miss" ] && return 0
	echo "not listed:$miss"
	printf '%s\n' "$SCAN"
	return 1
}

# not_listed BSSID
not_listed()
{
	printf '%s\n' "$SCAN" | grep -q "^BSS $1" || return 0
	echo "BSS $1 is still listed:"
	printf '%s\n' "$SCAN"
	return 1
}

scan_empty()
{
	scan flush || return 1
	printf '%s\n' "$SCAN" | grep -q '^BSS ' || return 0
	printf '%s\n' "$SCAN"
	return 1
}

nothing_left()
{
	modprobe -r cyw43439 && modprobe -r cyw43439_sim || return 1
	! test -e /sys/class/net/wlan0 && [ -z "$(iw phy)" ] && return 0
	ls /sys/class/net
	iw phy
	return 1
}

scan_refused_down()
{
	local out
	if out=$(timeout 60 iw dev wlan0 scan 2>&1); then
		echo "scan of a down interface succeeded:"
		printf '%s\n' "$out"
		return 1
	fi
	printf '%s\n' "$out" | grep -q 'Network is down' && return 0
	printf '%s\n' "$out"
	return 1
}

sim()
{
	echo "$2" > "$SIMDBG/$1"
}

# bg_scan: an `iw dev wlan0 scan` in the background
bg_scan()
{
	rm -f "$BG_OUT" "$BG_RC"
	( timeout 150 iw dev wlan0 scan > "$BG_OUT" 2>&1; echo $? > "$BG_RC" ) &
}

bg_scan_done()
{
	test -s "$BG_RC"
}

sim_scanning()
{
	grep -q 'scanning 1' "$SIMDBG/state"
}

security()
{
	local ssid=$1 b=$2 sec=$3
	case $sec in
	open)
		check "$ssid: open: no RSN element, no privacy bit" bss_has "$b" \
			'!RSN:' '!capability:.*Privacy' ;;
	wpa2)
		check "$ssid: WPA2-Personal: RSN with CCMP and PSK, not SAE" \
			bss_has "$b" 'RSN:' 'capability:.*Privacy' \
			'Pairwise ciphers: CCMP' \
			'Authentication suites:.*[[:space:]]PSK([[:space:]]|$)' \
			'!Authentication suites:.*SAE' ;;
	wpa3)
		check "$ssid: WPA3-Personal: RSN with CCMP and SAE, not PSK" \
			bss_has "$b" 'RSN:' 'capability:.*Privacy' \
			'Pairwise ciphers: CCMP' \
			'Authentication suites:.*[[:space:]]SAE([[:space:]]|$)' \
			'!Authentication suites:.*[[:space:]]PSK([[:space:]]|$)' ;;
	esac
}

# one_bss SSID BSSID CHANNEL FREQ SIGNAL SECURITY: 4 results
one_bss()
{
	local ssid=$1 b=$2 ch=$3 f=$4 sig=$5 sec=$6
	check "$ssid: listed as BSS $b with its SSID" bss_has "$b" \
		"^[[:space:]]+SSID: $ssid\$"
	check "$ssid: channel $ch, $f MHz" bss_has "$b" \
		"^[[:space:]]+freq: $f(\\.0+)?\$"
	check "$ssid: signal $sig dBm" bss_has "$b" \
		"^[[:space:]]+signal: $sig\\.00 dBm\$"
	security "$ssid" "$b" "$sec"
}

check "load cyw43439_sim" load cyw43439_sim
check "load cyw43439" load cyw43439
wait_for 60 "wlan0 registered" test -d /sys/class/net/wlan0
check "scan of a down wlan0 is refused: Network is down" scan_refused_down
check "ip link set wlan0 up" ip link set wlan0 up

# --- the three default access points -------------------------------------
if scan >/dev/null; then
	ok "iw dev wlan0 scan succeeds"
else
	not_ok "iw dev wlan0 scan succeeds" "$SCAN"
fi
echo "# \$ iw dev wlan0 scan"
printf '%s\n' "$SCAN" | sed 's/^/#   /'
check "the scan lists exactly the three simulated networks" \
	listed $OPEN $WPA2 $WPA3
one_bss cywsim-open $OPEN 1 2412 -40 open
one_bss cywsim-wpa2 $WPA2 6 2437 -55 wpa2
one_bss cywsim-wpa3 $WPA3 11 2462 -65 wpa3
scan >/dev/null
check "a second scan lists the same three networks, each once" \
	listed $OPEN $WPA2 $WPA3

# --- the air changes -------------------------------------------------------
check "simulator: add cywsim-added (channel 9, -72 dBm, WPA2/WPA3)" \
	sim bss "add bssid=$ADDED ssid=cywsim-added chan=9 rssi=-72 sec=wpa2wpa3 pass=added-passphrase"
scan >/dev/null
check "cywsim-added: listed with its SSID" bss_has $ADDED \
	'^[[:space:]]+SSID: cywsim-added$'
check "cywsim-added: channel 9 (2452 MHz), signal -72 dBm" bss_has $ADDED \
	'^[[:space:]]+freq: 2452(\.0+)?$' '^[[:space:]]+signal: -72\.00 dBm$'
check "cywsim-added: WPA2/WPA3 transition: RSN with PSK and SAE" \
	bss_has $ADDED 'RSN:' \
	'Authentication suites:.*[[:space:]]PSK([[:space:]]|$)' \
	'Authentication suites:.*[[:space:]]SAE([[:space:]]|$)'
check "the three default networks are still listed" lists $OPEN $WPA2 $WPA3
check "simulator: remove cywsim-wpa2 from the air" sim bss "del $WPA2"
scan flush >/dev/null
check "flushed scan: cywsim-wpa2 is gone" not_listed $WPA2
check "flushed scan: the others remain" listed $OPEN $WPA3 $ADDED
scan flush freq 2412 >/dev/null
check "flushed scan of 2412 MHz only: just cywsim-open" listed $OPEN

# --- the interface goes down during a scan ------------------------------
sim knobs/scan_dwell_ms 400
bg_scan
poll 20 sim_scanning
if check "ip link set wlan0 down during a scan" \
	timeout 60 ip link set wlan0 down; then
	wait_for 10 "the scan ends when wlan0 goes down" bg_scan_done
else
	not_ok "the scan ends when wlan0 goes down" "wlan0 did not go down"
fi
echo "# iw after the interface went down (rc $(cat "$BG_RC" 2>/dev/null)):"
sed 's/^/#   /' "$BG_OUT" 2>/dev/null | head -n 5
poll 150 bg_scan_done
sim knobs/scan_dwell_ms 20
ip link set wlan0 up
scan >/dev/null
check "wlan0 back up: it scans normally" listed $OPEN $WPA3 $ADDED

# --- results that never come -----------------------------------------------
sim faults/event_drop 1000000
bg_scan
wait_for 90 "a scan whose results never come ends (driver timeout)" \
	bg_scan_done
echo "# iw when the results were lost (rc $(cat "$BG_RC" 2>/dev/null)):"
sed 's/^/#   /' "$BG_OUT" 2>/dev/null | head -n 5
poll 150 bg_scan_done
sim faults/event_drop 0
scan flush >/dev/null
check "events flow again: the next scan works" listed $OPEN $WPA3 $ADDED

# --- empty air ---------------------------------------------------------------
sim bss clear
check "empty air: a flushed scan succeeds and lists nothing" scan_empty

ip link set wlan0 down
check "unload cyw43439 and cyw43439_sim: nothing left" nothing_left
rm -f "$BG_OUT" "$BG_RC"
unload cyw43439 2>/dev/null
unload cyw43439_sim 2>/dev/null
exit 0
