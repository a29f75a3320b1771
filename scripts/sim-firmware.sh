#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Generate the synthetic CYW43439 firmware, CLM and NVRAM files that the
# cyw43439_sim chip model accepts, under the names the cyw43439 driver
# requests (Documentation/networking/cyw43439_sim.rst, "Firmware files").
#
#   scripts/sim-firmware.sh DIR      writes DIR/brcm/brcmfmac43439-sdio.{bin,clm_blob,txt}
#
# Same formats as the real files (reference §5.1): a binary image ending in
# a version string, its 2-byte length and a 16-byte "DVID" trailer; a CLM
# blob downloaded in chunks; a "key=value" NVRAM text file with comments.
# The contents are synthetic: the image trailer carries the CRC-32 of the
# image and the CLM ends with a CRC footer, which is how the model tells a
# correct download from a corrupt one. Not usable on hardware.
set -euo pipefail

dir=${1:?usage: sim-firmware.sh DIR}
mkdir -p "$dir/brcm"

python3 - "$dir/brcm" <<'EOF'
import os
import struct
import sys
import zlib

out = sys.argv[1]
base = "brcmfmac43439-sdio"

# Firmware image: 224,190 bytes like the Pico W 7.95.49 image (not a
# multiple of 4, so the host's padding of the last chunk is exercised).
FW_SIZE = 224190
version = b"Version: 7.95.49 (cywsim synthetic) FWID 01-cywsim\0"
marker = b"cywsim synthetic CYW43439 firmware - not for hardware\0"
body_len = FW_SIZE - len(version) - 2 - 16
body = bytearray(body_len)
s = 0x43439
for i in range(8, body_len):
    s ^= (s << 13) & 0xFFFFFFFF
    s ^= s >> 17
    s ^= (s << 5) & 0xFFFFFFFF
    body[i] = s & 0xFF
struct.pack_into("<II", body, 0, 0x0006F000, 0x00000101)  # SP, reset (Thumb)
body[64:64 + len(marker)] = marker
img = bytes(body) + version + struct.pack("<H", len(version))
crc = zlib.crc32(img) & 0xFFFFFFFF
img += b"DVID" + struct.pack("<II", crc, FW_SIZE) + b"SIM1"
assert len(img) == FW_SIZE
with open(os.path.join(out, base + ".bin"), "wb") as f:
    f.write(img)

# CLM blob: 4,752 bytes like the Murata 1YN blob, i.e. five 1 KB chunks.
CLM_SIZE = 4752
clm = bytearray(b"cywsim synthetic CLM\0")
clm += bytes((i * 7 + 3) & 0xFF for i in range(CLM_SIZE - 12 - len(clm)))
clm += b"CLMF" + struct.pack("<I", CLM_SIZE)
clm += struct.pack("<I", zlib.crc32(bytes(clm[:CLM_SIZE - 12])) & 0xFFFFFFFF)
assert len(clm) == CLM_SIZE
with open(os.path.join(out, base + ".clm_blob"), "wb") as f:
    f.write(clm)

# NVRAM text: the driver strips comments and empty lines and NUL-terminates
# each entry (§5.1). The model needs xtalfreq=37400 and reads macaddr.
nvram = """# Synthetic NVRAM for the cyw43439_sim chip model. Not for hardware.
# Keys named in the reference (§5.1); values chosen for the simulator.
manfid=0x2d0
prodid=0x0727
vendid=0x14e4
devid=0x43e2
boardtype=0x0887

# crystal frequency: the model refuses to raise HT/F2 without this line
xtalfreq=37400
macaddr=02:43:94:39:00:01
ccode=ALL
muxenab=0x100
"""
with open(os.path.join(out, base + ".txt"), "w") as f:
    f.write(nvram)

for n in (".bin", ".clm_blob", ".txt"):
    p = os.path.join(out, base + n)
    print("sim-firmware: %s (%d bytes)" % (p, os.path.getsize(p)))
EOF
