// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: the AP's side of the 4-way handshake with a host supplicant. */

/*
 * With an image that has no on-chip supplicant (or with sup_wpa 0) the
 * station's host runs the 4-way handshake itself, over EAPOL frames on
 * the data path. The simulated AP is then the authenticator of IEEE
 * 802.11-2016 12.7.6 for WPA2-PSK with CCMP (key descriptor version 2:
 * HMAC-SHA1-128 MICs, AES key wrap of the key data):
 *
 *   M1  ANonce                                 AP -> STA
 *   M2  SNonce, MIC, the STA's RSN element     STA -> AP
 *   M3  ANonce, MIC, RSN element + GTK (wrapped with the KEK)
 *   M4  MIC                                    STA -> AP
 *
 * The PTK is PRF-384(PMK, "Pairwise key expansion", min(AA, SPA) ||
 * max(AA, SPA) || min(ANonce, SNonce) || max(ANonce, SNonce)) (12.7.1.3):
 * KCK, KEK, TK. A frame with a wrong MIC is dropped, as hostapd does; the
 * AP repeats M1 or M3 and, after CYWSIM_AUTH_TRIES sends, deauthenticates
 * with reason 15 (4-way handshake timeout; hostapd's defaults are four
 * tries a second apart). Data flows once M4 is in and the host has
 * installed the same TK and GTK through "wsec_key" (a driver that installs
 * a wrong or no key passes no traffic). Not modelled: WPA1, TKIP, the
 * group-key handshake (GTK rekey), SAE by the host, PMKID in M1.
 */

#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/string.h>

#include "cywsim.h"

#define CYWSIM_ETH_P_EAPOL	0x888e
#define CYWSIM_EAPOL_VER	2
#define CYWSIM_EAPOL_KEY	3
#define CYWSIM_DESC_RSN		2
#define CYWSIM_KI_VER_AES	2
#define CYWSIM_KI_VER_MASK	0x0007
#define CYWSIM_KI_PAIRWISE	BIT(3)
#define CYWSIM_KI_INSTALL	BIT(6)
#define CYWSIM_KI_ACK		BIT(7)
#define CYWSIM_KI_MIC		BIT(8)
#define CYWSIM_KI_SECURE	BIT(9)
#define CYWSIM_KI_ENC		BIT(12)

/* EAPOL-Key frame offsets from the EAPOL header (802.11-2016 12.7.2) */
#define CYWSIM_EK_INFO		5
#define CYWSIM_EK_KEYLEN	7
#define CYWSIM_EK_REPLAY	9
#define CYWSIM_EK_NONCE		17
#define CYWSIM_EK_MIC		81
#define CYWSIM_EK_DLEN		97
#define CYWSIM_EK_DATA		99
#define CYWSIM_EK_MAX		(CYWSIM_EK_DATA + 128)

#define CYWSIM_AUTH_TRIES	4
#define CYWSIM_AUTH_RETRY_MS	1000
#define CYWSIM_80211_R_4WAY_TMO	15
#define CYWSIM_GTK_IDX		1

enum {
	CYWSIM_AUTH_IDLE,
	CYWSIM_AUTH_M1,		/* M1 sent, waiting for M2 */
	CYWSIM_AUTH_M3,		/* M3 sent, waiting for M4 */
	CYWSIM_AUTH_DONE,
};

/**
 * cywsim_auth_reset() - forget the handshake and the host's keys
 * @chip: the chip
 */
void cywsim_auth_reset(struct cywsim_chip *chip)
{
	memzero_explicit(&chip->ap_auth, sizeof(chip->ap_auth));
	memzero_explicit(&chip->pkey, sizeof(chip->pkey));
	memzero_explicit(chip->gkey, sizeof(chip->gkey));
}

static void cywsim_auth_schedule(struct cywsim_chip *chip, u32 ms)
{
	if (!chip->dying)
		mod_delayed_work(chip->wq, &chip->join_work,
				 msecs_to_jiffies(ms));
}

/* An EAPOL frame from the AP to the station, on the data channel */
static void cywsim_auth_send(struct cywsim_chip *chip, const u8 *eapol,
			     u32 len)
{
	u8 words = min_t(u32, READ_ONCE(chip->k.rx_signal_words), 8);
	struct sk_buff *out = cywsim_bdc_alloc(ETH_HLEN + len, 7, words);
	u8 *p;

	if (!out)
		return;
	p = skb_put(out, ETH_HLEN + len);
	ether_addr_copy(p, chip->mac);
	ether_addr_copy(p + ETH_ALEN, chip->cur_bss.bssid);
	cywsim_put_be16(p + 12, CYWSIM_ETH_P_EAPOL);
	memcpy(p + ETH_HLEN, eapol, len);
	cywsim_to_host(chip, CYWSIM_CHAN_DATA, out);
}

static void cywsim_auth_mic(const u8 *kck, u8 *eapol, u32 len)
{
	u8 mac[20];

	memset(eapol + CYWSIM_EK_MIC, 0, 16);
	cywsim_hmac_sha1(kck, 16, eapol, len, mac);
	memcpy(eapol + CYWSIM_EK_MIC, mac, 16);
}

/* An EAPOL-Key frame of the AP: header, key info, counter, ANonce, data */
static u32 cywsim_auth_frame(struct cywsim_chip *chip, u8 *f, u16 info,
			     const u8 *data, u16 dlen)
{
	u32 len = CYWSIM_EK_DATA + dlen;
	int i;

	memset(f, 0, len);
	f[0] = CYWSIM_EAPOL_VER;
	f[1] = CYWSIM_EAPOL_KEY;
	cywsim_put_be16(f + 2, len - 4);
	f[4] = CYWSIM_DESC_RSN;
	cywsim_put_be16(f + CYWSIM_EK_INFO, info | CYWSIM_KI_VER_AES |
			CYWSIM_KI_PAIRWISE);
	cywsim_put_be16(f + CYWSIM_EK_KEYLEN, 16);
	for (i = 0; i < 8; i++)
		f[CYWSIM_EK_REPLAY + i] = chip->ap_auth.replay >> (56 - 8 * i);
	memcpy(f + CYWSIM_EK_NONCE, chip->ap_auth.anonce, 32);
	cywsim_put_be16(f + CYWSIM_EK_DLEN, dlen);
	memcpy(f + CYWSIM_EK_DATA, data, dlen);
	return len;
}

static void cywsim_auth_m1(struct cywsim_chip *chip)
{
	u8 f[CYWSIM_EK_DATA];
	u32 len;

	chip->ap_auth.replay++;
	len = cywsim_auth_frame(chip, f, CYWSIM_KI_ACK, NULL, 0);
	cywsim_auth_send(chip, f, len);
	chip->ap_auth.state = CYWSIM_AUTH_M1;
}

/* Key data of M3: the AP's RSN element, the GTK KDE, padding; wrapped */
static int cywsim_auth_m3_data(struct cywsim_chip *chip, u8 *out)
{
	static const u8 gtk_kde[] = { 0xdd, 22, 0x00, 0x0f, 0xac, 0x01,
				      CYWSIM_GTK_IDX, 0 };
	u8 plain[112] = {};
	u32 n;
	int ret;

	n = cywsim_rsn_ie(plain, chip->cur_bss.sec) - plain;
	memcpy(plain + n, gtk_kde, sizeof(gtk_kde));
	memcpy(plain + n + sizeof(gtk_kde), chip->ap_auth.gtk, 16);
	n += sizeof(gtk_kde) + 16;
	if (n % 8 || n < 16) {	/* 12.7.2: 0xdd then zeros */
		plain[n] = 0xdd;
		n = max_t(u32, round_up(n + 1, 8), 16);
	}
	ret = cywsim_aes_wrap(chip->ap_auth.ptk + 16, plain, n, out);
	memzero_explicit(plain, sizeof(plain));
	return ret ? ret : n + 8;
}

static void cywsim_auth_m3(struct cywsim_chip *chip)
{
	u8 f[CYWSIM_EK_MAX], data[120];
	int dlen = cywsim_auth_m3_data(chip, data);
	u32 len;

	if (dlen < 0)
		return;
	chip->ap_auth.replay++;
	len = cywsim_auth_frame(chip, f, CYWSIM_KI_INSTALL | CYWSIM_KI_ACK |
				CYWSIM_KI_MIC | CYWSIM_KI_SECURE |
				CYWSIM_KI_ENC, data, dlen);
	cywsim_auth_mic(chip->ap_auth.ptk, f, len);
	cywsim_auth_send(chip, f, len);
	chip->ap_auth.state = CYWSIM_AUTH_M3;
	memzero_explicit(f, sizeof(f));
}

/**
 * cywsim_auth_start() - associated with a host supplicant: begin keying
 * @chip: the chip; the BSS's PMK is known
 *
 * M1 goes out one join step later, as hostapd sends it right after the
 * association response.
 */
void cywsim_auth_start(struct cywsim_chip *chip)
{
	cywsim_auth_reset(chip);
	get_random_bytes(chip->ap_auth.anonce, sizeof(chip->ap_auth.anonce));
	get_random_bytes(chip->ap_auth.gtk, sizeof(chip->ap_auth.gtk));
	cywsim_console(chip, "AP: 4-way handshake with the host supplicant");
	cywsim_auth_schedule(chip, READ_ONCE(chip->k.join_step_ms));
}

/**
 * cywsim_auth_timeout() - send M1, repeat M1 or M3, or give up
 * @chip: the chip
 */
void cywsim_auth_timeout(struct cywsim_chip *chip)
{
	u8 bssid[ETH_ALEN];

	if (chip->ap_auth.state == CYWSIM_AUTH_DONE)
		return;
	if (chip->ap_auth.tries++ >= CYWSIM_AUTH_TRIES) {
		ether_addr_copy(bssid, chip->cur_bss.bssid);
		cywsim_console(chip, "AP: 4-way handshake timed out");
		cywsim_link_loss(chip, bssid, CYWSIM_E_DEAUTH_IND,
				 CYWSIM_80211_R_4WAY_TMO);
		return;
	}
	if (chip->ap_auth.state == CYWSIM_AUTH_M3)
		cywsim_auth_m3(chip);
	else
		cywsim_auth_m1(chip);
	cywsim_auth_schedule(chip, CYWSIM_AUTH_RETRY_MS);
}

static void cywsim_auth_ptk(struct cywsim_chip *chip, const u8 *snonce)
{
	const u8 *aa = chip->cur_bss.bssid, *spa = chip->mac;
	const u8 *an = chip->ap_auth.anonce;
	bool a_first = memcmp(aa, spa, ETH_ALEN) < 0;
	bool an_first = memcmp(an, snonce, 32) < 0;
	u8 d[2 * ETH_ALEN + 64];

	memcpy(d, a_first ? aa : spa, ETH_ALEN);
	memcpy(d + ETH_ALEN, a_first ? spa : aa, ETH_ALEN);
	memcpy(d + 12, an_first ? an : snonce, 32);
	memcpy(d + 44, an_first ? snonce : an, 32);
	cywsim_prf_sha1(chip->cur_bss.pmk, 32, "Pairwise key expansion", d,
			sizeof(d), chip->ap_auth.ptk, sizeof(chip->ap_auth.ptk));
}

static bool cywsim_auth_mic_ok(const u8 *kck, const u8 *eapol, u32 len)
{
	u8 copy[CYWSIM_EK_MAX], mac[20];
	bool ok;

	memcpy(copy, eapol, len);
	memset(copy + CYWSIM_EK_MIC, 0, 16);
	cywsim_hmac_sha1(kck, 16, copy, len, mac);
	ok = !memcmp(mac, eapol + CYWSIM_EK_MIC, 16);
	memzero_explicit(copy, sizeof(copy));
	return ok;
}

static u64 cywsim_auth_replay(const u8 *f)
{
	u64 r = 0;
	int i;

	for (i = 0; i < 8; i++)
		r = r << 8 | f[CYWSIM_EK_REPLAY + i];
	return r;
}

/* M2: derive the PTK from its SNonce; MIC and RSN element must match */
static void cywsim_auth_m2(struct cywsim_chip *chip, const u8 *f, u32 len,
			   u16 dlen)
{
	u8 saved[48];

	memcpy(saved, chip->ap_auth.ptk, sizeof(saved));
	cywsim_auth_ptk(chip, f + CYWSIM_EK_NONCE);
	if (!cywsim_auth_mic_ok(chip->ap_auth.ptk, f, len)) {
		memcpy(chip->ap_auth.ptk, saved, sizeof(saved));
		cywsim_console(chip, "AP: message 2 MIC wrong (wrong passphrase?)");
		return;
	}
	if (chip->wpaie_len && (dlen != chip->wpaie_len ||
				memcmp(f + CYWSIM_EK_DATA, chip->wpaie, dlen))) {
		cywsim_console(chip, "AP: message 2 RSN element is not wpaie");
		return;
	}
	chip->ap_auth.tries = 0;
	cywsim_auth_m3(chip);
	cywsim_auth_schedule(chip, CYWSIM_AUTH_RETRY_MS);
}

static void cywsim_auth_m4(struct cywsim_chip *chip, const u8 *f, u32 len)
{
	if (!cywsim_auth_mic_ok(chip->ap_auth.ptk, f, len)) {
		cywsim_console(chip, "AP: message 4 MIC wrong");
		return;
	}
	cancel_delayed_work(&chip->join_work);
	chip->ap_auth.state = CYWSIM_AUTH_DONE;
	chip->join = CYWSIM_J_JOINED;
	cywsim_console(chip, "AP: 4-way handshake done");
	if (chip->hooks && chip->hooks->link_changed)
		chip->hooks->link_changed(chip->priv, true);
	cywsim_auth_keys_changed(chip);
}

/**
 * cywsim_auth_eapol() - an EAPOL frame the station sent to the AP
 * @chip: the chip
 * @frame: Ethernet frame
 * @len: its length
 *
 * Return: true if the frame was EAPOL for the AP (consumed, kept or not).
 */
bool cywsim_auth_eapol(struct cywsim_chip *chip, const u8 *frame, u32 len)
{
	const u8 *f = frame + ETH_HLEN;
	u16 info, dlen;
	u64 replay;

	if (len < ETH_HLEN ||
	    cywsim_be16(frame + 12) != CYWSIM_ETH_P_EAPOL)
		return false;
	len -= ETH_HLEN;
	if (chip->ap_auth.state != CYWSIM_AUTH_M1 &&
	    chip->ap_auth.state != CYWSIM_AUTH_M3)
		goto drop;
	if (len < CYWSIM_EK_DATA || len > CYWSIM_EK_MAX ||
	    f[1] != CYWSIM_EAPOL_KEY || f[4] != CYWSIM_DESC_RSN ||
	    cywsim_be16(f + 2) + 4u > len)
		goto drop;
	len = cywsim_be16(f + 2) + 4;
	info = cywsim_be16(f + CYWSIM_EK_INFO);
	dlen = cywsim_be16(f + CYWSIM_EK_DLEN);
	replay = cywsim_auth_replay(f);
	if (CYWSIM_EK_DATA + dlen > len ||
	    (info & CYWSIM_KI_VER_MASK) != CYWSIM_KI_VER_AES ||
	    !(info & CYWSIM_KI_PAIRWISE) || !(info & CYWSIM_KI_MIC) ||
	    (info & CYWSIM_KI_ACK) || replay != chip->ap_auth.replay)
		goto drop;
	if (chip->ap_auth.state == CYWSIM_AUTH_M1 && !(info & CYWSIM_KI_SECURE))
		cywsim_auth_m2(chip, f, len, dlen);
	else if (chip->ap_auth.state == CYWSIM_AUTH_M3 &&
		 (info & CYWSIM_KI_SECURE))
		cywsim_auth_m4(chip, f, len);
	else
		goto drop;
	return true;
drop:
	cywsim_console(chip, "AP: EAPOL frame dropped (state %u, %u bytes)",
		       chip->ap_auth.state, len);
	return true;
}

static bool cywsim_key_is(const struct cywsim_key *k, const u8 *key)
{
	return k->set && k->algo == CYWSIM_ALGO_AES && k->len == 16 &&
	       !memcmp(k->key, key, 16);
}

/**
 * cywsim_auth_keys_changed() - the host installed or removed a key
 * @chip: the chip
 *
 * Traffic flows when the handshake is done and the host's pairwise key
 * (for the AP) and group key are those it agreed on.
 */
void cywsim_auth_keys_changed(struct cywsim_chip *chip)
{
	bool was = chip->keyed;

	if (chip->ap_auth.state != CYWSIM_AUTH_DONE)
		return;
	chip->keyed = cywsim_key_is(&chip->pkey, chip->ap_auth.ptk + 32) &&
		      ether_addr_equal(chip->pkey.ea, chip->cur_bss.bssid) &&
		      cywsim_key_is(&chip->gkey[CYWSIM_GTK_IDX],
				    chip->ap_auth.gtk);
	if (chip->keyed != was)
		cywsim_console(chip, "AP: host keys %s",
			       chip->keyed ? "match: data flows" :
			       "do not match the handshake");
}
