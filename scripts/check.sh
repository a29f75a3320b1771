#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The rig's test entry point. Every check is one counted result, and the run
# ends with exactly one line "N passed, M failed" (", K skipped" when any).
#
#   scripts/check.sh all        lint, compile matrix, KUnit + end-to-end in
#                               the VM, and the rig's own self-test
#   scripts/check.sh lint|dt|matrix|dkms|kunit|selftest
#   scripts/check.sh e2e [GLOB] end-to-end tests whose name matches GLOB
set -uo pipefail
. "$(dirname "$0")/lib.sh"

what=${1:-all}
glob="${*:2}"
glob=${glob:-*}
run=$RIG_CACHE/runs/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$run"
rows=$run/results.txt
: > "$rows"

# result PASS|FAIL|SKIP NAME [DETAIL...]
result()
{
	local st=$1 name=$2
	shift 2
	echo "$st $name" >> "$rows"
	local d
	for d in "$@"; do
		printf '%s\n' "$d" | head -n 40 | sed 's/^/    /' >> "$rows"
	done
	case $st in
	PASS) printf '  ok    %s\n' "$name" ;;
	SKIP) printf '  skip  %s\n' "$name" ;;
	*) printf '  FAIL  %s\n' "$name" ;;
	esac
}

# Results a parser printed in the same PASS/FAIL/SKIP format.
take_results()
{
	local line
	while IFS= read -r line; do
		echo "$line" >> "$rows"
		case "$line" in
		"PASS "*) printf '  ok    %s\n' "${line#PASS }" ;;
		"SKIP "*) printf '  skip  %s\n' "${line#SKIP }" ;;
		"FAIL "*) printf '  FAIL  %s\n' "${line#FAIL }" ;;
		esac
	done
}

phase() { log "== $* =="; }

# Our C sources as git knows them (untracked work in progress is not linted).
our_sources()
{
	(cd "$RIG_TOP" && { git ls-files -- '*.c' '*.h' 2>/dev/null ||
		find drivers include kunit scripts -name '*.[ch]'; } |
		grep -E '^(drivers|include|kunit|scripts/selftest)/' | sort -u)
}

primary_kdir()
{
	[ -n "${PRIMARY_KDIR:-}" ] && { echo "$PRIMARY_KDIR"; return 0; }
	PRIMARY_KDIR=$("$RIG_TOP/scripts/kernel.sh" test) || return 1
	echo "$PRIMARY_KDIR"
}

# checkpatch --no-tree cannot know which CamelCase names the kernel itself
# defines (ethtool_eth_mac_stats' FramesTransmittedOK, ...): a finding
# about a name the kernel's headers define is dropped, any other stays.
drop_kernel_camelcase()
{
	local src=$1 line id
	while IFS= read -r line; do
		id=$(printf '%s' "$line" | sed -n 's/.*CHECK:CAMELCASE: Avoid CamelCase: <\(.*\)>$/\1/p')
		if [ -n "$id" ] && grep -rqw -- "$id" "$src/include/linux" "$src/include/uapi" 2>/dev/null; then
			continue
		fi
		printf '%s\n' "$line"
	done
}

do_lint()
{
	phase lint
	local kdir src files out f
	kdir=$(primary_kdir) || { result FAIL "lint: test kernel unavailable"; return; }
	src=$(readlink -f "$kdir/source" 2>/dev/null || "$RIG_TOP/scripts/fetch-kernel.sh" 6.12)
	mapfile -t files < <(our_sources)

	if [ ${#files[@]} -eq 0 ]; then
		result FAIL "lint: no C sources found"
		return
	fi
	# The compat headers are the one place where kernel versions are
	# compared, and some of their shims are empty on some versions: those
	# checks are off there, and only there.
	out=$(cd "$RIG_TOP" && {
		perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse \
			--show-types -f $(printf '%s\n' "${files[@]}" | grep -v _compat.h) 2>&1
		perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse \
			--show-types --ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,MACRO_ARG_UNUSED \
			-f $(printf '%s\n' "${files[@]}" | grep _compat.h) 2>&1
		} | grep -E ': (ERROR|WARNING|CHECK):' | drop_kernel_camelcase "$src")
	if [ -z "$out" ]; then
		result PASS "lint: checkpatch --strict (${#files[@]} files)"
	else
		result FAIL "lint: checkpatch --strict" "$out"
	fi

	out=$(cd "$RIG_TOP" && "$src/scripts/kernel-doc" -none "${files[@]}" 2>&1)
	if [ -z "$out" ]; then
		result PASS "lint: kernel-doc (${#files[@]} files)"
	else
		result FAIL "lint: kernel-doc" "$out"
	fi

	# sparse over every file (C=2), in its own copy so the W=1 objects of
	# the matrix stay untouched.
	local dst=$RIG_WORK/mod/sparse
	rm -rf "$dst"
	mkdir -p "$dst"
	rsync -a --exclude .git "$RIG_TOP/" "$dst/"
	out=$(make -C "$dst" KDIR="$kdir" RIG=1 C=2 CHECK=sparse \
		-j"$RIG_JOBS" modules 2>&1)
	if [ $? -ne 0 ]; then
		result FAIL "lint: sparse (build failed)" "$(echo "$out" | tail -n 20)"
	elif echo "$out" | grep -qE '(warning|error):'; then
		result FAIL "lint: sparse" "$(echo "$out" | grep -E '(warning|error):')"
	else
		result PASS "lint: sparse (C=2)"
	fi

	lint_dts "$src"
	lint_bindings "$src"
}

lint_dts()
{
	local src=$1 n=0 bad= f out
	while IFS= read -r f; do
		n=$((n + 1))
		out=$(cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp \
			-I "$src/include" -I "$src/scripts/dtc/include-prefixes" \
			"$RIG_TOP/$f" 2>&1 | dtc -@ -q -I dts -O dtb -o /dev/null - 2>&1)
		[ $? -eq 0 ] && [ -z "$out" ] || bad+="$f: $out"$'\n'
	done < <(cd "$RIG_TOP" && find dts-overlays -name '*.dts' 2>/dev/null | sort)
	if [ $n = 0 ]; then
		log "lint: no device-tree overlays yet"
	elif [ -z "$bad" ]; then
		result PASS "lint: dtc ($n overlays)"
	else
		result FAIL "lint: dtc" "$bad"
	fi
}

# dt-doc-validate checks a binding's $id against its path below a schema
# root (-u) and resolves $refs (spi-peripheral-props.yaml...) there, so
# ours are validated inside a copy of the kernel's bindings tree; each
# binding's examples are then compiled and validated against the schemas,
# as the kernel's dt_binding_check does.
lint_bindings()
{
	local src=$1 n=0 bad= f rel out tree
	tree=$(mktemp -d)
	cp -r "$src/Documentation/devicetree/bindings/." "$tree/" &&
		cp -r "$RIG_TOP/Documentation/devicetree/bindings/." "$tree/" ||
		{ result FAIL "lint: dt-doc-validate (no bindings tree)"; return; }
	dt-mk-schema -j "$tree" > "$tree/processed.json" 2>/dev/null
	while IFS= read -r f; do
		n=$((n + 1))
		rel=${f#Documentation/devicetree/bindings/}
		out=$(dt-doc-validate -u "$tree" "$tree/$rel" 2>&1)
		if [ $? -ne 0 ] || [ -n "$out" ]; then
			bad+="$f: $out"$'\n'
			continue
		fi
		out=$(dt-extract-example "$tree/$rel" > "$tree/ex.dts" &&
		      cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp \
			-I "$src/include" -I "$src/scripts/dtc/include-prefixes" \
			"$tree/ex.dts" | dtc -@ -q -I dts -O dtb -o "$tree/ex.dtb" - &&
		      dt-validate -s "$tree/processed.json" "$tree/ex.dtb" 2>&1)
		[ $? -eq 0 ] && [ -z "$out" ] || bad+="$f: example: $out"$'\n'
	done < <(cd "$RIG_TOP" && find Documentation/devicetree -name '*.yaml' 2>/dev/null | sort)
	rm -rf "$tree"
	if [ $n = 0 ]; then
		log "lint: no device-tree bindings yet"
	elif [ -z "$bad" ]; then
		result PASS "lint: dt-doc-validate + examples ($n bindings)"
	else
		result FAIL "lint: dt-doc-validate" "$bad"
	fi
}

# The overlays on real base trees, with every parameter (scripts/dt-check.sh);
# the kernel's bindings, for dt-validate, come from the primary source tree.
do_dt()
{
	phase "device-tree overlays on Raspberry Pi trees"
	local src
	src=$("$RIG_TOP/scripts/fetch-kernel.sh" "$RIG_PRIMARY" 2>/dev/null) || src=
	"$RIG_TOP/scripts/dt-check.sh" $src 2>"$run/dt.err" | take_results
	[ -s "$run/dt.err" ] && log "dt-check: $(tail -n 3 "$run/dt.err")"
	grep -q '^PASS dtbo:' "$rows" || grep -q '^FAIL dtbo:' "$rows" ||
		result FAIL "dt: scripts/dt-check.sh ran" "$(tail -n 20 "$run/dt.err")"
}

# One build of every module against one kernel; any warning fails it.
matrix_one()
{
	local label=$1 kdir=$2 arch=$3 name=$4 log_file warn n
	if ! "$RIG_TOP/scripts/build.sh" modules "$kdir" "$name" "$arch" >/dev/null 2>"$run/$name.err"; then
		result FAIL "matrix: $label: build" "$(tail -n 30 "$run/$name.err")"
		return
	fi
	log_file=$RIG_WORK/mod/$name.log
	# A modules_prepare tree has no vmlinux symbol list, so modpost cannot
	# resolve kernel symbols there (the primary tree checks them): its
	# notes about that are the only lines let through.
	local nosyms='^$'
	[ -e "$kdir/Module.symvers" ] ||
		nosyms='undefined!|unresolved symbol|Module\.symvers is missing|Symbol info of vmlinux|KBUILD_MODPOST_WARN'
	warn=$(grep -E 'warning|error|WARNING' "$log_file" | grep -vE "$nosyms")
	n=$(wc -l < "$RIG_WORK/mod/$name/modules.order" 2>/dev/null || echo 0)
	if [ -n "$warn" ]; then
		result FAIL "matrix: $label: W=1 warnings" "$warn"
	else
		result PASS "matrix: $label: W=1, no warnings ($n modules)"
	fi
}

do_matrix()
{
	phase "compile matrix"
	local kdir s a
	kdir=$(primary_kdir) && matrix_one "$(make -s -C "$kdir" kernelversion) x86_64" "$kdir" x86_64 "m-6.12-x86_64" ||
		result FAIL "matrix: 6.12 x86_64: test kernel unavailable"
	for s in "$RIG_OLD x86_64" "newest x86_64" "$RIG_PRIMARY arm64" "$RIG_PRIMARY arm"; do
		set -- $s
		if kdir=$("$RIG_TOP/scripts/kernel.sh" prepare "$1" "$2" 2>"$run/prep-$1-$2.err"); then
			local v
			v=$(make -s -C "$kdir" kernelversion 2>/dev/null || echo "$1")
			matrix_one "$v $2" "$kdir" "$2" "m-$1-$2"
		else
			result FAIL "matrix: $1 $2: kernel tree" "$(tail -n 20 "$run/prep-$1-$2.err")"
		fi
	done
}

# DKMS as a board runs it, against the primary kernel, in a scratch root.
do_dkms()
{
	phase dkms
	local kdir
	kdir=$(primary_kdir) || { result FAIL "dkms: test kernel unavailable"; return; }
	"$RIG_TOP/scripts/dkms-check.sh" "$kdir" | take_results
}

# Build the guest once per run.
guest()
{
	[ -n "${GUEST:-}" ] && return 0
	GUEST=$("$RIG_TOP/scripts/build.sh" guest test 2>"$run/guest.err") || {
		result FAIL "vm: build kernel, modules and initramfs" "$(tail -n 30 "$run/guest.err")"
		return 1
	}
	read -r KERNEL INITRD KDIR_T <<<"$GUEST"
	KUNIT_PY=$(readlink -f "$KDIR_T/source")/tools/testing/kunit/kunit.py
	if [ ! -f "$KERNEL" ] || [ ! -f "$INITRD" ] || [ ! -f "$KUNIT_PY" ]; then
		result FAIL "vm: build kernel, modules and initramfs" \
			"unexpected build output: $GUEST"
		GUEST=
		return 1
	fi
}

# vm_phase NAME TIMEOUT RIG-ARGS...: boot, then count what the guest reported.
vm_phase()
{
	local name=$1 limit=$2 st=ok
	shift 2
	guest || return 1
	local out=$run/vm-$name
	log "booting the VM ($name; limit ${limit}s)"
	local t0
	t0=$(now)
	"$RIG_TOP/scripts/vm.sh" run "$out" "$KERNEL" "$INITRD" "$limit" "$@"
	case $? in
	0) ;;
	2) st=timeout ;;
	*) st=crashed ;;
	esac
	log "VM ($name) ran $(( $(now) - t0 ))s"
	python3 "$RIG_TOP/scripts/rig_results.py" "$out/results.log" \
		--kunit-py "$KUNIT_PY" --console "$out/console.log" \
		--vm-status "$st" > "$out/parsed.txt"
}

do_vm()
{
	phase "$1"
	case "$1" in
	kunit) vm_phase kunit "${RIG_VM_TIMEOUT:-1800}" mode=kunit ;;
	e2e) vm_phase e2e "${RIG_VM_TIMEOUT:-2400}" mode=e2e "tests=${glob// /,}" ;;
	check) vm_phase check "${RIG_VM_TIMEOUT:-3000}" mode=check ;;
	esac || return
	take_results < "$run/vm-$1/parsed.txt"
}

# expect_fail LABEL PATTERN: the planted fault must show up as a failure.
expect_fail()
{
	if grep -E "^FAIL .*$2" "$3" >/dev/null; then
		result PASS "rig-selftest: planted $1 is reported as a failure"
	else
		result FAIL "rig-selftest: planted $1 is reported as a failure" \
			"no FAIL row matching '$2' in:" "$(cat "$3")"
	fi
}

do_selftest()
{
	phase "rig self-test (planted faults)"
	local p
	vm_phase selftest "${RIG_SELFTEST_TIMEOUT:-600}" mode=selftest timeout=20 \
		plant=none,kunit,warn,expected,mixed,kasan,noplan,leak,stuck || return
	p=$run/vm-selftest/parsed.txt
	if grep -E '^PASS kunit:rig_plant-none' "$p" >/dev/null &&
	   grep -E '^PASS e2e:plant-none' "$p" >/dev/null &&
	   ! grep -E '^FAIL (kunit:rig_plant-none|e2e:plant-none)' "$p" >/dev/null; then
		result PASS "rig-selftest: the unplanted control passes"
	else
		result FAIL "rig-selftest: the unplanted control passes" "$(cat "$p")"
	fi
	expect_fail "KUnit failure" 'kunit:rig_plant-kunit: .*rig_plant_kunit_case' "$p"
	expect_fail "WARN_ON" 'e2e:plant-warn: kernel log' "$p"
	if grep -E '^PASS e2e:plant-expected' "$p" >/dev/null &&
	   ! grep -E '^FAIL e2e:plant-expected' "$p" >/dev/null; then
		result PASS "rig-selftest: a warning the test declared passes"
	else
		result FAIL "rig-selftest: a warning the test declared passes" "$(cat "$p")"
	fi
	expect_fail "undeclared WARN_ON next to a declared warning" \
		'e2e:plant-mixed: kernel log' "$p"
	# Both warnings come from the same function: the failure must quote
	# exactly one of them.
	if [ "$(awk '/^FAIL e2e:plant-mixed: kernel log/ { p = 1; next }
		    /^(PASS|FAIL|SKIP) / { p = 0 } p' "$p" |
		grep -c 'WARNING: ')" = 1 ]; then
		result PASS "rig-selftest: only the undeclared warning is reported"
	else
		result FAIL "rig-selftest: only the undeclared warning is reported" "$(cat "$p")"
	fi
	expect_fail "KASAN use-after-free" 'e2e:plant-kasan: kernel log' "$p"
	expect_fail "TAP output without a plan" 'e2e:plant-noplan: printed no TAP plan' "$p"
	expect_fail "kmemleak leak" 'kmemleak: [0-9]+ leaked' "$p"
	if grep -A40 '^FAIL kmemleak' "$p" | grep -q rig_plant; then
		result PASS "rig-selftest: the leak report names the leaking module"
	else
		result FAIL "rig-selftest: the leak report names the leaking module" "$(cat "$p")"
	fi
	expect_fail "stuck test (per-test timeout)" 'e2e:plant-stuck: (timed out|planned)' "$p"

	vm_phase panic "${RIG_HANG_TIMEOUT:-120}" mode=selftest plant=panic || return
	expect_fail "kernel panic" 'vm: guest stopped before finishing' "$run/vm-panic/parsed.txt"
	vm_phase hang "${RIG_HANG_TIMEOUT:-120}" mode=selftest plant=hang || return
	expect_fail "guest hang" 'vm: hung' "$run/vm-hang/parsed.txt"
}

summary()
{
	local pass fail skip
	pass=$(grep -c '^PASS ' "$rows")
	fail=$(grep -c '^FAIL ' "$rows")
	skip=$(grep -c '^SKIP ' "$rows")
	if [ "$fail" -gt 0 ]; then
		echo
		echo "Failures (full results: $rows):"
		awk '/^FAIL /{p=1; print; next} /^(PASS|SKIP) /{p=0} p' "$rows" | head -n 300
	fi
	echo
	if [ $((pass + fail)) -eq 0 ]; then
		echo "no result was reported at all: that is a failure"
		fail=1
	fi
	if [ "$skip" -gt 0 ]; then
		echo "$pass passed, $fail failed, $skip skipped"
	else
		echo "$pass passed, $fail failed"
	fi
	[ "$fail" -eq 0 ]
}

# Installing the rig's packages is a counted step, so even a machine that
# cannot get them ends with a summary line.
do_deps()
{
	local out
	if out=$("$RIG_TOP/scripts/deps.sh" 2>&1); then
		result PASS "rig: Debian packages present"
	else
		result FAIL "rig: Debian packages present" "$out"
	fi
}

start=$(now)
case "$what" in
all)
	do_deps
	do_lint
	do_dt
	do_matrix
	do_dkms
	do_vm check
	do_selftest
	;;
lint) do_lint ;;
dt) do_dt ;;
dkms) do_dkms ;;
matrix) do_matrix ;;
kunit) do_vm kunit ;;
e2e) do_vm e2e ;;
selftest) do_selftest ;;
*) die "unknown check '$what'" ;;
esac
log "done in $(( $(now) - start ))s"
summary
