// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: SHA-1, HMAC-SHA-1 and PBKDF2 for WPA2 PMK checks. */

/*
 * The firmware supplicant must tell a right PMK from a wrong one (§9.3:
 * hosts hand it a passphrase or the 32-byte PMK). The PMK is
 * PBKDF2-HMAC-SHA1(passphrase, SSID, 4096, 32) (IEEE 802.11i). The kernel's
 * SHA-1 library is optional and its API changed across the kernels this
 * module builds for, so the model carries its own small implementation.
 */

#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "cywsim.h"

#define CYWSIM_SHA1_BLOCK	64
#define CYWSIM_SHA1_DIGEST	20

static void cywsim_sha1_block(u32 h[5], const u8 *blk)
{
	u32 w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (u32)blk[4 * i] << 24 | blk[4 * i + 1] << 16 |
		       blk[4 * i + 2] << 8 | blk[4 * i + 3];
	for (i = 16; i < 80; i++)
		w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0];
	b = h[1];
	c = h[2];
	d = h[3];
	e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rol32(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rol32(b, 30);
		b = a;
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

static void cywsim_sha1_init(u32 h[5])
{
	h[0] = 0x67452301;
	h[1] = 0xefcdab89;
	h[2] = 0x98badcfe;
	h[3] = 0x10325476;
	h[4] = 0xc3d2e1f0;
}

/* Finish a hash whose state @h already absorbed @done bytes (64-aligned) */
static void cywsim_sha1_final(u32 h[5], u64 done, const u8 *msg, size_t len,
			      u8 *out)
{
	u8 blk[CYWSIM_SHA1_BLOCK];
	u64 bits = (done + len) * 8;
	size_t n;
	int i;

	while (len >= CYWSIM_SHA1_BLOCK) {
		cywsim_sha1_block(h, msg);
		msg += CYWSIM_SHA1_BLOCK;
		len -= CYWSIM_SHA1_BLOCK;
	}
	memset(blk, 0, sizeof(blk));
	memcpy(blk, msg, len);
	blk[len] = 0x80;
	n = len + 1;
	if (n > CYWSIM_SHA1_BLOCK - 8) {
		cywsim_sha1_block(h, blk);
		memset(blk, 0, sizeof(blk));
	}
	for (i = 0; i < 8; i++)
		blk[CYWSIM_SHA1_BLOCK - 1 - i] = bits >> (8 * i);
	cywsim_sha1_block(h, blk);
	for (i = 0; i < 20; i++)
		out[i] = h[i / 4] >> (24 - 8 * (i % 4));
}

/* HMAC key schedule: inner and outer states after the padded key block */
static void cywsim_hmac_init(const u8 *key, size_t klen, u32 in[5],
			     u32 out[5])
{
	u8 k[CYWSIM_SHA1_BLOCK] = {}, pad[CYWSIM_SHA1_BLOCK];
	u32 h[5];
	int i;

	if (klen > CYWSIM_SHA1_BLOCK) {
		cywsim_sha1_init(h);
		cywsim_sha1_final(h, 0, key, klen, k);
	} else {
		memcpy(k, key, klen);
	}
	for (i = 0; i < CYWSIM_SHA1_BLOCK; i++)
		pad[i] = k[i] ^ 0x36;
	cywsim_sha1_init(in);
	cywsim_sha1_block(in, pad);
	for (i = 0; i < CYWSIM_SHA1_BLOCK; i++)
		pad[i] = k[i] ^ 0x5c;
	cywsim_sha1_init(out);
	cywsim_sha1_block(out, pad);
}

static void cywsim_hmac(const u32 in[5], const u32 out[5], const u8 *msg,
			size_t len, u8 *mac)
{
	u8 inner[CYWSIM_SHA1_DIGEST];
	u32 h[5];

	memcpy(h, in, sizeof(h));
	cywsim_sha1_final(h, CYWSIM_SHA1_BLOCK, msg, len, inner);
	memcpy(h, out, sizeof(h));
	cywsim_sha1_final(h, CYWSIM_SHA1_BLOCK, inner, sizeof(inner), mac);
}

/**
 * cywsim_pbkdf2_sha1() - PBKDF2 with HMAC-SHA1 (RFC 8018)
 * @pass: password
 * @plen: its length
 * @salt: salt (the SSID for WPA2)
 * @slen: its length, at most 32
 * @iters: iterations (4096 for WPA2)
 * @out: derived key
 * @olen: its length
 */
void cywsim_pbkdf2_sha1(const u8 *pass, size_t plen, const u8 *salt,
			size_t slen, u32 iters, u8 *out, size_t olen)
{
	u8 msg[CYWSIM_SSID_MAX + 4], u[CYWSIM_SHA1_DIGEST];
	u8 t[CYWSIM_SHA1_DIGEST];
	u32 in[5], outer[5], blk, j;
	size_t n, i;

	slen = min_t(size_t, slen, CYWSIM_SSID_MAX);
	cywsim_hmac_init(pass, plen, in, outer);
	for (blk = 1; olen; blk++) {
		memcpy(msg, salt, slen);
		cywsim_put_be32(msg + slen, blk);
		cywsim_hmac(in, outer, msg, slen + 4, u);
		memcpy(t, u, sizeof(t));
		for (j = 1; j < iters; j++) {
			cywsim_hmac(in, outer, u, sizeof(u), u);
			for (i = 0; i < sizeof(t); i++)
				t[i] ^= u[i];
		}
		n = min_t(size_t, olen, sizeof(t));
		memcpy(out, t, n);
		out += n;
		olen -= n;
	}
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_pbkdf2_sha1);
