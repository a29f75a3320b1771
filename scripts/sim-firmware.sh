#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Generate the synthetic CYW43439 firmware, CLM and NVRAM files that the
# cyw43439_sim chip model accepts, under the names the cyw43439 driver
# requests (Documentation/networking/cyw43439_sim.rst, "Firmware files").
#
#   scripts/sim-firmware.sh DIR      writes DIR/brcm/brcmfmac43439-sdio.{bin,clm_blob,txt}
#                                    and DIR/cypress/cyfmac43439-sdio.bin
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

# Firmware images, one a profile (Documentation/networking/cyw43439_sim.rst):
# the version string is the one the real image carries, so the simulator
# behaves as that image (on-chip supplicant or not, SAE or external SAE).
#  rm2:  Pico W / RM2 7.95.61, under the driver's default name
#  pios: Raspberry Pi OS 7.95.75 (cypress/cyfmac43439-sdio.bin, the file the
#        default name links to there), with fw_image=cypress/cyfmac43439-sdio.bin
PROFILES = {
    "rm2": ("brcm/" + base + ".bin", 224190,
            "43439a0-roml/sdio-g-pool-p2p-idsup-idauth-pktfilter-keepalive-"
            "aoe-lpc-swdiv-srfast-fuart-btcx-noclminc-clm_min-fbt-mfp-sae-"
            "wowlpf-tko-nvd-btsdio Version: 7.95.61 (abcd531 CY) CRC: "
            "4528a809 Date: Wed 2023-01-11 10:29:38 PST Ucode Ver: 1043.2169 "
            "FWID 01-7afb0879"),
    "pios": ("cypress/cyfmac43439-sdio.bin", 229520,
             "43439a0-roml/sdio-g-pool-p2p-pktfilter-keepalive-aoe-lpc-swdiv-"
             "srfast-fuart-btcx-noclminc-clm_min-fbt-mfp-extsae-dpp-wowlpf-"
             "11nprop-okc Version: 7.95.75 (0a0104c CY) CRC: 16c9d604 Date: "
             "Wed 2023-11-22 18:33:30 PST Ucode Ver: 1043.2171 "
             "FWID 01-bb9b5b66"),
}
marker = b"cywsim synthetic CYW43439 firmware - not for hardware\0"


def image(size, version):
    # size: the real image's (neither is a multiple of 4, so the host's
    # padding of the last chunk is exercised)
    version = version.encode() + b"\0"
    body_len = size - len(version) - 2 - 16
    body = bytearray(body_len)
    s = 0x43439
    for i in range(8, body_len):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        body[i] = s & 0xFF
    struct.pack_into("<II", body, 0, 0x0006F000, 0x00000101)  # SP, reset
    body[64:64 + len(marker)] = marker
    img = bytes(body) + version + struct.pack("<H", len(version))
    crc = zlib.crc32(img) & 0xFFFFFFFF
    img += b"DVID" + struct.pack("<II", crc, size) + b"SIM1"
    assert len(img) == size
    return img


top = os.path.dirname(out)
for name, (path, size, version) in PROFILES.items():
    p = os.path.join(top, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(image(size, version))
    print("sim-firmware: %s (%d bytes, profile %s)" % (p, size, name))

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

for n in (".clm_blob", ".txt"):
    p = os.path.join(out, base + n)
    print("sim-firmware: %s (%d bytes)" % (p, os.path.getsize(p)))
EOF
