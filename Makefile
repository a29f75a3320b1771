# SPDX-License-Identifier: GPL-2.0
#
# Out-of-tree build of the drivers, and the developer targets of the rig.
#
#   make                       drivers only, against KDIR (default: the rig's
#                              6.12 test kernel, built on first use)
#   make KDIR=/lib/modules/$(uname -r)/build && sudo make install   on a board
#   make RIG=1                 drivers + simulators + test modules
#   make check                 lint, compile matrix, KUnit, end-to-end: the CI
#   make demo | shell | kunit | e2e [T=glob] | lint | matrix | bench | dtbo
#   sudo make dtbo-install     overlays to /boot/firmware/overlays on a board
#
# Each module has its own option (see Kconfig); override with CONFIG_FOO=.

ifneq ($(srctree),)
# Called from the kernel build system: Kbuild does the work. (Not keyed on
# KERNELRELEASE: DKMS sets that on the command line of the outer make.)
include $(src)/Kbuild
else

SHELL := /bin/bash
TOP := $(CURDIR)

# Board build: the drivers. The rig adds simulators and tests.
CONFIG_ETHBUS ?= m
CONFIG_LAN8720 ?= m
CONFIG_CYW43439 ?= m
ifeq ($(RIG),1)
CONFIG_LAN8720_SIM ?= m
CONFIG_CYW43439_SIM ?= m
CONFIG_ETHBUS_KUNIT_TEST ?= m
CONFIG_LAN8720_KUNIT_TEST ?= m
CONFIG_LAN8720_SIM_KUNIT_TEST ?= m
CONFIG_CYW43439_KUNIT_TEST ?= m
CONFIG_CYW43439_SIM_KUNIT_TEST ?= m
CONFIG_RIG_SELFTEST ?= m
endif
OPTS := $(foreach o,ETHBUS LAN8720 CYW43439 LAN8720_SIM CYW43439_SIM \
	ETHBUS_KUNIT_TEST LAN8720_KUNIT_TEST LAN8720_SIM_KUNIT_TEST \
	CYW43439_KUNIT_TEST CYW43439_SIM_KUNIT_TEST RIG_SELFTEST,\
	$(if $(CONFIG_$(o)),CONFIG_$(o)=$(CONFIG_$(o))))

# KDIR is only worked out when a target needs it (building the rig's kernel
# can take a while the first time).
KDIR ?= $(shell $(TOP)/scripts/kernel.sh test)

.PHONY: all modules clean install deps kernel lint matrix kunit e2e check \
	demo shell bench dtbo dtbo-install dt wiring

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(TOP) $(OPTS) W=$(or $(W),1) modules

clean:
	$(MAKE) -C $(KDIR) M=$(TOP) clean 2>/dev/null || \
		find . -name '*.o' -o -name '*.ko' -o -name '*.mod*' -o \
			-name '.*.cmd' -o -name 'modules.order' | xargs rm -f
	rm -rf dts-overlays/*.dtbo

install:
	$(MAKE) -C $(KDIR) M=$(TOP) $(OPTS) modules_install
	depmod -a $(shell $(MAKE) -s -C $(KDIR) kernelrelease 2>/dev/null)

deps:
	@scripts/deps.sh

kernel: deps
	@scripts/kernel.sh test

lint: deps
	@scripts/check.sh lint

matrix: deps
	@scripts/check.sh matrix

kunit: deps
	@scripts/check.sh kunit

e2e: deps
	@scripts/check.sh e2e "$(T)"

check:
	@scripts/check.sh all

demo: deps
	@scripts/demo.sh

shell: deps
	@scripts/vm.sh shell

bench: deps
	@scripts/bench.sh

dt:
	@scripts/check.sh dt

dtbo:
	@scripts/dtbo.sh

# The wiring pictures in Documentation/wiring/, from the overlays' pins.
wiring: dtbo
	@python3 scripts/wiring.py dts-overlays Documentation/wiring

# On the board: the overlays into the firmware's overlays directory
# (OVERLAYS_DIR overrides /boot/firmware/overlays).
dtbo-install:
	@scripts/dtbo.sh install $(OVERLAYS_DIR)

endif
