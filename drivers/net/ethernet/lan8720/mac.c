// SPDX-License-Identifier: GPL-2.0
/* lan8720 MAC frame logic: FCS, receive checks, address filter, TX padding. */

#include <kunit/visibility.h>
#include <linux/crc32.h>
#include <linux/skbuff.h>

#include "lan8720.h"

/**
 * lan8720_fcs() - the Ethernet frame check sequence of a frame
 * @data: the frame from the destination address to the end of the payload
 * @len: its length
 *
 * IEEE 802.3 CRC-32: reflected polynomial, initial value all ones, result
 * inverted; sent least significant byte first (reference §C.1).
 *
 * Return: the FCS as a number; store it with put_unaligned_le32().
 */
u32 lan8720_fcs(const u8 *data, unsigned int len)
{
	return ~crc32_le(~0, data, len);
}
EXPORT_SYMBOL_IF_KUNIT(lan8720_fcs);

/**
 * lan8720_rx_limit() - longest frame to accept at an MTU
 * @mtu: the interface MTU
 * @max_frame_len: the backend's frame limit, FCS excluded
 *
 * MTU plus header plus one VLAN tag, never below a standard 1518-byte frame
 * (a smaller MTU does not make standard frames from the link partner
 * invalid), never above what the backend can carry.
 *
 * Return: the limit in bytes, FCS excluded.
 */
unsigned int lan8720_rx_limit(unsigned int mtu, unsigned int max_frame_len)
{
	unsigned int limit = mtu + ETH_HLEN + VLAN_HLEN;

	limit = max_t(unsigned int, limit, LAN8720_MIN_FRAME_LEN);
	return min(limit, max_frame_len);
}
EXPORT_SYMBOL_IF_KUNIT(lan8720_rx_limit);

static enum lan8720_rx_verdict
lan8720_rx_status_verdict(enum lan8720_mac_rx_status status)
{
	switch (status) {
	case LAN8720_MAC_RX_OK:
		return LAN8720_RX_GOOD;
	case LAN8720_MAC_RX_FCS_ERROR:
		return LAN8720_RX_CRC;
	case LAN8720_MAC_RX_SYMBOL_ERROR:
		return LAN8720_RX_SYMBOL;
	case LAN8720_MAC_RX_ALIGN_ERROR:
		return LAN8720_RX_ALIGN;
	case LAN8720_MAC_RX_TRUNCATED:
		return LAN8720_RX_TRUNCATED;
	}
	return LAN8720_RX_BAD_STATUS;
}

/**
 * lan8720_rx_check() - decide whether a received frame is good
 * @frame: the frame as the backend delivered it
 * @len: its length, FCS included if @has_fcs
 * @status: what the backend reported with it
 * @has_fcs: the frame ends with its 4-byte FCS, which is checked here
 * @rx_max: longest acceptable frame, FCS excluded
 *
 * The backend's own error wins; then the length (a runt is usually a
 * collision fragment, so its FCS says nothing); then the FCS.
 *
 * Return: %LAN8720_RX_GOOD, or why the frame must be dropped.
 */
enum lan8720_rx_verdict lan8720_rx_check(const u8 *frame, unsigned int len,
					 enum lan8720_mac_rx_status status,
					 bool has_fcs, unsigned int rx_max)
{
	unsigned int fcs_len = has_fcs ? ETH_FCS_LEN : 0;
	enum lan8720_rx_verdict v;

	v = lan8720_rx_status_verdict(status);
	if (v != LAN8720_RX_GOOD)
		return v;

	if (len < ETH_ZLEN + fcs_len)
		return LAN8720_RX_RUNT;
	len -= fcs_len;
	if (len > rx_max)
		return LAN8720_RX_GIANT;

	if (has_fcs && get_unaligned_le32(frame + len) != lan8720_fcs(frame, len))
		return LAN8720_RX_CRC;
	return LAN8720_RX_GOOD;
}
EXPORT_SYMBOL_IF_KUNIT(lan8720_rx_check);

/**
 * lan8720_rx_accept() - does the address filter pass a frame?
 * @f: the filter
 * @dest: the frame's destination address
 *
 * The backend sees every frame on the wire, so this is the MAC's address
 * filter: own address, broadcast, the multicast list or all multicast,
 * everything in promiscuous mode.
 *
 * Return: true to deliver the frame.
 */
bool lan8720_rx_accept(const struct lan8720_filter *f, const u8 *dest)
{
	unsigned int i;

	if (f->promisc || is_broadcast_ether_addr(dest))
		return true;
	if (!is_multicast_ether_addr(dest))
		return ether_addr_equal(dest, f->own);
	if (f->allmulti)
		return true;
	for (i = 0; i < f->mc_count; i++)
		if (ether_addr_equal(dest, f->mc[i]))
			return true;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(lan8720_rx_accept);

/**
 * lan8720_tx_prepare() - make a frame ready for the backend
 * @skb: the frame from the stack, starting at the destination address
 * @add_fcs: append the FCS (the backend does not)
 *
 * Linearizes, pads to the 60-byte minimum and appends the FCS, copying the
 * data first if it is shared with a clone.
 *
 * Return: 0, or -ENOMEM; @skb is not freed either way.
 */
int lan8720_tx_prepare(struct sk_buff *skb, bool add_fcs)
{
	int extra;
	u32 fcs;

	if (skb_linearize(skb) || __skb_put_padto(skb, ETH_ZLEN, false))
		return -ENOMEM;
	if (!add_fcs)
		return 0;

	extra = ETH_FCS_LEN - skb_tailroom(skb);
	if (skb_cloned(skb) || extra > 0) {
		if (pskb_expand_head(skb, 0, max(extra, 0), GFP_ATOMIC))
			return -ENOMEM;
	}
	fcs = lan8720_fcs(skb->data, skb->len);
	put_unaligned_le32(fcs, skb_put(skb, ETH_FCS_LEN));
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(lan8720_tx_prepare);
