// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: firmware profiles by image, and the AP's crypto. */

#include <linux/string.h>

#include <kunit/visibility.h>

#include "cywsim_kunit.h"

/* The version strings the two real images carry (issue 10), in parts */
static const char *const cywsim_kt_rm2_parts[] = {
	"43439a0-roml/sdio-g-pool-p2p-idsup-idauth-pktfilter-keepalive-aoe-lpc",
	"-swdiv-srfast-fuart-btcx-noclminc-clm_min-fbt-mfp-sae-wowlpf-tko-nvd",
	"-btsdio Version: 7.95.61 (abcd531 CY) CRC: 4528a809 Date: Wed",
	" 2023-01-11 10:29:38 PST Ucode Ver: 1043.2169 FWID 01-7afb0879",
	NULL
};

static const char *const cywsim_kt_pios_parts[] = {
	"43439a0-roml/sdio-g-pool-p2p-pktfilter-keepalive-aoe-lpc-swdiv",
	"-srfast-fuart-btcx-noclminc-clm_min-fbt-mfp-extsae-dpp-wowlpf-11nprop",
	"-okc Version: 7.95.75 (0a0104c CY) CRC: 16c9d604 Date: Wed 2023-11-22",
	" 18:33:30 PST Ucode Ver: 1043.2171 FWID 01-bb9b5b66",
	NULL
};

static const char *cywsim_kt_join(struct kunit *test,
				  const char *const *parts)
{
	size_t n = 1, i;
	char *s;

	for (i = 0; parts[i]; i++)
		n += strlen(parts[i]);
	s = kunit_kzalloc(test, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	for (i = 0; parts[i]; i++)
		strcat(s, parts[i]);
	return s;
}

#define F(x)	BIT(CYWSIM_FEAT_##x)

static void cywsim_test_build_features(struct kunit *test)
{
	const char *rm2 = cywsim_kt_join(test, cywsim_kt_rm2_parts);
	const char *pios = cywsim_kt_join(test, cywsim_kt_pios_parts);

	KUNIT_EXPECT_EQ(test, cywsim_build_features(rm2),
			F(IDSUP) | F(IDAUTH) | F(SAE) | F(MFP));
	KUNIT_EXPECT_EQ(test, cywsim_build_features(pios), F(EXTSAE) | F(MFP));
	/* whole words only; nothing before the '/' */
	KUNIT_EXPECT_EQ(test, cywsim_build_features("sae-idsup/x-saex-xmfp"),
			0);
	KUNIT_EXPECT_EQ(test, cywsim_build_features("no slash"), 0);
	KUNIT_EXPECT_EQ(test, cywsim_build_features("a/"), 0);
	KUNIT_EXPECT_EQ(test, cywsim_build_features("a/--sae--"), F(SAE));
}

static int cywsim_kt_sup_wpa(struct cywsim_kt *t, u32 on)
{
	u8 v[8] = {};

	cywsim_put_le32(v + 4, on);
	return cywsim_kt_iovar_set(t, "bsscfg:sup_wpa", v, sizeof(v));
}

static int cywsim_kt_sae_pwd(struct cywsim_kt *t)
{
	u8 v[130] = { 8 };

	memcpy(v + 2, "password", 8);
	return cywsim_kt_iovar_set(t, "sae_password", v, sizeof(v));
}

/*
 * The Raspberry Pi OS image has no on-chip supplicant and no on-chip SAE:
 * the firmware does not know their iovars (BCME_UNSUPPORTED, what
 * brcmfmac's feature.c probes "sup_wpa" for), and "cap" says so.
 */
static void cywsim_test_profile_pios(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	char cap[256] = {};
	u8 v[4];

	t->fw_ver = cywsim_kt_join(test, cywsim_kt_pios_parts);
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_EXPECT_EQ(test, t->chip->fw_feat, F(EXTSAE) | F(MFP));
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_get(t, "sup_wpa", v, 4),
			CYWSIM_BCME_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sup_wpa(t, 1),
			CYWSIM_BCME_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sup_wpa(t, 0),
			CYWSIM_BCME_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sae_pwd(t), CYWSIM_BCME_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_set(t, "mfp", "\x01\0\0\0", 4),
			0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_get(t, "cap", cap,
						  sizeof(cap) - 1), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap, " extsae "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap, " mfp "));
	KUNIT_EXPECT_NULL(test, strstr(cap, "idsup"));
	KUNIT_EXPECT_NULL(test, strstr(cap, " sae "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(t->chip->fw_version, "7.95.75"));
}

/* The Pico W / RM2 image has both, and says so */
static void cywsim_test_profile_rm2(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	char cap[256] = {};
	u8 v[4];

	t->fw_ver = cywsim_kt_join(test, cywsim_kt_rm2_parts);
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_get(t, "sup_wpa", v, 4), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sup_wpa(t, 1), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sae_pwd(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_get(t, "cap", cap,
						  sizeof(cap) - 1), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap, " idsup idauth "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap, " sae "));
	KUNIT_EXPECT_NULL(test, strstr(cap, "extsae"));
	KUNIT_EXPECT_NULL(test, strstr(cap, " sdio "));
	KUNIT_EXPECT_NULL(test, strstr(cap, " pool "));
}

/* The "ver" answer has the real images' shape: number, build, FWID */
static void cywsim_test_profile_ver(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	char ver[128] = {};

	t->fw_ver = cywsim_kt_join(test, cywsim_kt_pios_parts);
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_get(t, "ver", ver,
						  sizeof(ver) - 1), 0);
	KUNIT_EXPECT_STREQ(test, ver,
			   "wl0: cywsim version 7.95.75 (0a0104c CY) FWID 01-bb9b5b66");
}

/* Published vectors: FIPS-197 C.1, RFC 3394 4.1, RFC 2202 cases 1 and 2 */
static void cywsim_test_ap_crypto(struct kunit *test)
{
	static const u8 key[16] = {
		0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
		0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
	static const u8 pt[16] = {
		0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
		0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
	static const u8 ct[16] = {
		0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
		0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a };
	static const u8 wrapped[24] = {
		0x1f, 0xa6, 0x8b, 0x0a, 0x81, 0x12, 0xb4, 0x47,
		0xae, 0xf3, 0x4b, 0xd8, 0xfb, 0x5a, 0x7b, 0x82,
		0x9d, 0x3e, 0x86, 0x23, 0x71, 0xd2, 0xcf, 0xe5 };
	static const u8 hmac1[20] = {
		0xb6, 0x17, 0x31, 0x86, 0x55, 0x05, 0x72, 0x64, 0xe2, 0x8b,
		0xc0, 0xb6, 0xfb, 0x37, 0x8c, 0x8e, 0xf1, 0x46, 0xbe, 0x00 };
	static const u8 hmac2[20] = {
		0xef, 0xfc, 0xdf, 0x6a, 0xe5, 0xeb, 0x2f, 0xa2, 0xd2, 0x74,
		0x16, 0xd5, 0xf1, 0x84, 0xdf, 0x9c, 0x25, 0x9a, 0x7c, 0x79 };
	u8 k20[20], out[24];

	cywsim_aes128_encrypt(key, pt, out);
	KUNIT_EXPECT_MEMEQ(test, out, ct, sizeof(ct));
	KUNIT_ASSERT_EQ(test, cywsim_aes_wrap(key, pt, sizeof(pt), out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, wrapped, sizeof(wrapped));
	KUNIT_EXPECT_EQ(test, cywsim_aes_wrap(key, pt, 12, out), -EINVAL);
	memset(k20, 0x0b, sizeof(k20));
	cywsim_hmac_sha1(k20, sizeof(k20), "Hi There", 8, out);
	KUNIT_EXPECT_MEMEQ(test, out, hmac1, sizeof(hmac1));
	cywsim_hmac_sha1("Jefe", 4, "what do ya want for nothing?", 28, out);
	KUNIT_EXPECT_MEMEQ(test, out, hmac2, sizeof(hmac2));
}

static struct kunit_case cywsim_prof_cases[] = {
	KUNIT_CASE(cywsim_test_build_features),
	KUNIT_CASE(cywsim_test_profile_pios),
	KUNIT_CASE(cywsim_test_profile_rm2),
	KUNIT_CASE(cywsim_test_profile_ver),
	KUNIT_CASE(cywsim_test_ap_crypto),
	{}
};

struct kunit_suite cywsim_prof_suite = {
	.name = "cyw43439_sim_profiles",
	.init = cywsim_kt_init,
	.exit = cywsim_kt_exit,
	.test_cases = cywsim_prof_cases,
};
