// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim frame arithmetic: Ethernet FCS and time on the wire. */

#include <linux/crc32.h>
#include <linux/export.h>
#include <linux/math64.h>
#include <linux/string.h>

#include "lansim.h"

/**
 * lansim_fcs() - Ethernet FCS of a frame
 * @data: destination address onwards
 * @len: bytes, FCS excluded
 *
 * Return: the CRC-32 (IEEE 802.3, reflected) as sent on the wire,
 * least significant byte first.
 */
u32 lansim_fcs(const u8 *data, unsigned int len)
{
	return ~crc32_le(~0, data, len);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_fcs);

/**
 * lansim_fcs_append() - write the FCS after a frame
 * @data: frame; must have room for ETH_FCS_LEN more bytes
 * @len: frame length, FCS excluded
 */
void lansim_fcs_append(u8 *data, unsigned int len)
{
	__le32 fcs = cpu_to_le32(lansim_fcs(data, len));

	/* memcpy, not the unaligned helpers: their header moved in 6.12 */
	memcpy(data + len, &fcs, sizeof(fcs));
}
EXPORT_SYMBOL_IF_KUNIT(lansim_fcs_append);

/**
 * lansim_fcs_ok() - check the FCS at the end of a frame
 * @frame: frame with its FCS
 * @len: length including the FCS
 *
 * Return: true if the last four bytes are the FCS of the rest.
 */
bool lansim_fcs_ok(const u8 *frame, unsigned int len)
{
	__le32 fcs;

	if (len < ETH_FCS_LEN)
		return false;
	len -= ETH_FCS_LEN;
	memcpy(&fcs, frame + len, sizeof(fcs));
	return le32_to_cpu(fcs) == lansim_fcs(frame, len);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_fcs_ok);

/**
 * lansim_wire_time_ns() - how long a frame occupies the wire
 * @len: frame length from destination address to FCS inclusive
 * @speed: 10 or 100 (Mb/s)
 *
 * Preamble and SFD (8 bytes) plus the frame plus the inter-frame gap
 * (12 byte times), reference §G.1: a 1518-byte frame at 100 Mb/s takes
 * 1538 byte times, 123.04 us.
 *
 * Return: nanoseconds.
 */
u64 lansim_wire_time_ns(unsigned int len, unsigned int speed)
{
	u64 bits = (u64)(LANSIM_PREAMBLE_SFD + len + LANSIM_IFG) * 8;

	if (!speed)
		speed = 100;
	return div_u64(bits * 1000, speed);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_wire_time_ns);
