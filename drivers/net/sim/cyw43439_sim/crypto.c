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

/**
 * cywsim_hmac_sha1() - HMAC-SHA1 (RFC 2104)
 * @key: key
 * @klen: its length
 * @msg: message
 * @len: its length
 * @mac: 20 bytes out
 */
void cywsim_hmac_sha1(const u8 *key, size_t klen, const u8 *msg, size_t len,
		      u8 *mac)
{
	u32 in[5], out[5];

	cywsim_hmac_init(key, klen, in, out);
	cywsim_hmac(in, out, msg, len, mac);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_hmac_sha1);

#define CYWSIM_PRF_MSG_MAX	160

/**
 * cywsim_prf_sha1() - the IEEE 802.11 PRF (12.7.1.2): HMAC-SHA1 of
 *	label, a zero byte, the data and a counter, concatenated
 * @key: key (the PMK for the PTK)
 * @klen: its length
 * @label: "Pairwise key expansion" or "Group key expansion"
 * @data: addresses and nonces
 * @dlen: bytes at @data
 * @out: derived bytes
 * @olen: how many (48 for a CCMP PTK)
 */
void cywsim_prf_sha1(const u8 *key, size_t klen, const char *label,
		     const u8 *data, size_t dlen, u8 *out, size_t olen)
{
	size_t llen = strlen(label), mlen = llen + 1 + dlen + 1, n;
	u8 msg[CYWSIM_PRF_MSG_MAX], mac[CYWSIM_SHA1_DIGEST];
	u8 i;

	if (WARN_ON_ONCE(mlen > sizeof(msg)))
		return;
	memcpy(msg, label, llen);
	msg[llen] = 0;
	memcpy(msg + llen + 1, data, dlen);
	for (i = 0; olen; i++) {
		msg[mlen - 1] = i;
		cywsim_hmac_sha1(key, klen, msg, mlen, mac);
		n = min_t(size_t, olen, sizeof(mac));
		memcpy(out, mac, n);
		out += n;
		olen -= n;
	}
	memzero_explicit(msg, sizeof(msg));
	memzero_explicit(mac, sizeof(mac));
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_prf_sha1);

/* AES-128 (FIPS-197): S-box, key schedule, ten rounds; encryption only */
static const u8 cywsim_sbox[256] = {
	0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5,
	0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
	0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0,
	0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
	0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc,
	0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
	0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a,
	0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
	0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0,
	0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
	0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b,
	0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
	0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85,
	0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
	0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5,
	0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
	0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17,
	0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
	0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88,
	0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
	0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c,
	0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
	0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9,
	0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
	0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6,
	0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
	0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e,
	0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
	0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94,
	0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
	0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68,
	0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static u8 cywsim_xtime(u8 x)
{
	return (x << 1) ^ ((x & 0x80) ? 0x1b : 0);
}

static void cywsim_aes_expand(const u8 *key, u8 rk[176])
{
	u8 rcon = 1, t[4];
	int i;

	memcpy(rk, key, 16);
	for (i = 16; i < 176; i += 4) {
		memcpy(t, rk + i - 4, 4);
		if (!(i % 16)) {
			u8 a = t[0];

			t[0] = cywsim_sbox[t[1]] ^ rcon;
			t[1] = cywsim_sbox[t[2]];
			t[2] = cywsim_sbox[t[3]];
			t[3] = cywsim_sbox[a];
			rcon = cywsim_xtime(rcon);
		}
		rk[i] = rk[i - 16] ^ t[0];
		rk[i + 1] = rk[i - 15] ^ t[1];
		rk[i + 2] = rk[i - 14] ^ t[2];
		rk[i + 3] = rk[i - 13] ^ t[3];
	}
}

/* SubBytes, ShiftRows and (unless last) MixColumns, on a column-major state */
static void cywsim_aes_round(u8 s[16], bool last)
{
	u8 t[16], a, b, c, d;
	int i;

	for (i = 0; i < 16; i++)	/* row r of column c moves to c - r */
		t[i] = cywsim_sbox[s[(i + 4 * (i % 4)) % 16]];
	for (i = 0; i < 16; i += 4) {
		if (last) {
			memcpy(s + i, t + i, 4);
			continue;
		}
		a = t[i];
		b = t[i + 1];
		c = t[i + 2];
		d = t[i + 3];
		s[i] = cywsim_xtime(a ^ b) ^ b ^ c ^ d;
		s[i + 1] = cywsim_xtime(b ^ c) ^ a ^ c ^ d;
		s[i + 2] = cywsim_xtime(c ^ d) ^ a ^ b ^ d;
		s[i + 3] = cywsim_xtime(d ^ a) ^ a ^ b ^ c;
	}
}

/**
 * cywsim_aes128_encrypt() - one AES-128 block (FIPS-197)
 * @key: 16-byte key
 * @in: 16-byte plaintext
 * @out: 16-byte ciphertext (may be @in)
 */
void cywsim_aes128_encrypt(const u8 *key, const u8 *in, u8 *out)
{
	u8 rk[176], s[16];
	int r, i;

	cywsim_aes_expand(key, rk);
	for (i = 0; i < 16; i++)
		s[i] = in[i] ^ rk[i];
	for (r = 1; r <= 10; r++) {
		cywsim_aes_round(s, r == 10);
		for (i = 0; i < 16; i++)
			s[i] ^= rk[16 * r + i];
	}
	memcpy(out, s, 16);
	memzero_explicit(rk, sizeof(rk));
	memzero_explicit(s, sizeof(s));
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_aes128_encrypt);

/**
 * cywsim_aes_wrap() - AES key wrap (RFC 3394) with a 128-bit KEK
 * @kek: key-encryption key
 * @in: key data, a multiple of 8 bytes, at least 16
 * @len: its length, at most 256
 * @out: @len + 8 bytes
 *
 * Return: 0, or -EINVAL for a length the algorithm does not take.
 */
int cywsim_aes_wrap(const u8 *kek, const u8 *in, size_t len, u8 *out)
{
	size_t n = len / 8, i, j;
	u8 b[16];
	u64 t;
	int k;

	if (len % 8 || len < 16 || len > 256)
		return -EINVAL;
	memset(out, 0xa6, 8);
	memcpy(out + 8, in, len);
	for (j = 0; j < 6; j++) {
		for (i = 1; i <= n; i++) {
			memcpy(b, out, 8);
			memcpy(b + 8, out + 8 * i, 8);
			cywsim_aes128_encrypt(kek, b, b);
			t = n * j + i;
			for (k = 0; k < 8; k++)	/* A = MSB64(B) ^ t */
				out[k] = b[k] ^ (u8)(t >> (56 - 8 * k));
			memcpy(out + 8 * i, b + 8, 8);
		}
	}
	memzero_explicit(b, sizeof(b));
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_aes_wrap);
