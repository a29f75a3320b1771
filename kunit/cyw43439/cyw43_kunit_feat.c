// SPDX-License-Identifier: GPL-2.0
/* cyw43439 KUnit: firmware capability words, and connect security mapping. */

#include <linux/ieee80211.h>
#include <linux/string.h>

#include "../../drivers/net/wireless/cyw43439/cyw43.h"
#include "cyw43_kunit.h"

#define F(x)	BIT(CYW43_FEAT_##x)
#define RM2	(F(IDSUP) | F(IDAUTH) | F(SAE) | F(MFP))
#define PIOS	(F(EXTSAE) | F(MFP))

/**
 * struct cyw43_cap_case - one "cap" answer and what it means
 * @name: description
 * @cap: the answer's bytes (not necessarily NUL-terminated)
 * @len: bytes handed to the parser, in a buffer of exactly that size
 * @ret: expected return
 * @feat: expected feature set
 */
struct cyw43_cap_case {
	const char *name;
	const char *cap;
	size_t len;
	int ret;
	unsigned long feat;
};

#define CAP(s)	.cap = (s), .len = sizeof(s)	/* with its NUL */
#define CUT(s)	.cap = (s), .len = sizeof(s) - 1	/* no NUL */

static const struct cyw43_cap_case cyw43_cap_cases[] = {
	{ "Pico W / RM2 7.95.61 words",
	  CAP("ap sta wme 802.11d p2p idsup idauth pktfilter mfp sae wowlpf "),
	  .feat = RM2 },
	{ "Raspberry Pi OS 7.95.75 words: extsae is not sae",
	  CAP("ap sta p2p pktfilter mfp extsae dpp okc "), .feat = PIOS },
	{ "words are matched whole, not as prefixes or infixes",
	  CAP("idsupx xidauth sae_ext saeext mfp2 ssae"), .feat = 0 },
	{ "tabs, newlines, several blanks and no final blank",
	  CAP("  idsup\t\tmfp\nsae"), .feat = F(IDSUP) | F(MFP) | F(SAE) },
	{ "empty answer", CAP(""), .feat = 0 },
	{ "nothing after the NUL is read",
	  .cap = "mfp\0idsup sae ", .len = 15, .feat = F(MFP) },
	{ "cut short: the last word may be the start of a longer one",
	  CUT("mfp idsup sa"), .ret = -EMSGSIZE, .feat = F(MFP) | F(IDSUP) },
	{ "cut short right after a complete-looking word",
	  CUT("mfp sae"), .ret = -EMSGSIZE, .feat = F(MFP) },
	{ "cut short after a blank keeps every word",
	  CUT("mfp sae "), .ret = -EMSGSIZE, .feat = F(MFP) | F(SAE) },
	{ "a word with a control byte is skipped, the rest kept",
	  CAP("idsup s\001ae mfp"), .ret = -EPROTO, .feat = F(IDSUP) | F(MFP) },
	{ "high bytes are not words", CAP("sae\xff idauth"), .ret = -EPROTO,
	  .feat = F(IDAUTH) },
	{ "zero length: no room even for the NUL", .cap = "", .len = 0,
	  .ret = -EMSGSIZE, .feat = 0 },
};

static void cyw43_cap_desc(const struct cyw43_cap_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_cap, cyw43_cap_cases, cyw43_cap_desc);

static void cyw43_test_cap_parse(struct kunit *test)
{
	const struct cyw43_cap_case *c = test->param_value;
	char *buf = cyw43_kt_dup(test, c->cap, c->len, c->len);
	unsigned long feat = 0xdead;

	KUNIT_EXPECT_EQ(test, cyw43_feat_parse(buf, c->len, &feat), c->ret);
	KUNIT_EXPECT_EQ(test, feat, c->feat);
}

static void cyw43_test_feat_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, cyw43_feat_name(CYW43_FEAT_IDSUP), "idsup");
	KUNIT_EXPECT_STREQ(test, cyw43_feat_name(CYW43_FEAT_EXTSAE), "extsae");
	KUNIT_EXPECT_STREQ(test, cyw43_feat_name(CYW43_FEAT_NUM), "?");
}

static const u8 cyw43_kt_pmk[32];
static const u8 cyw43_kt_pw[] = "sae-password";

/**
 * struct cyw43_sec_case - a connect request, an image, the firmware setup
 * @name: description
 * @akm: AKM suites
 * @n_akm: how many (0: none)
 * @wpa: wpa_versions
 * @pmk: user space handed the PMK down
 * @pw: user space handed the SAE password down
 * @mfp: sme->mfp
 * @feat: the image's features
 * @ret: expected return
 * @sec: expected mapping (when @ret is 0)
 */
struct cyw43_sec_case {
	const char *name;
	u32 akm[2];
	int n_akm;
	u32 wpa;
	bool pmk;
	bool pw;
	enum nl80211_mfp mfp;
	unsigned long feat;
	int ret;
	struct cyw43_sec sec;
};

#define AKM1(a)		.akm = { a }, .n_akm = 1
#define AKM2(a, b)	.akm = { a, b }, .n_akm = 2
#define W2	NL80211_WPA_VERSION_2

static const struct cyw43_sec_case cyw43_sec_cases[] = {
	{ "open", .feat = RM2, .sec = {} },
	{ "WPA2-PSK, rm2, PMK handed down: offloaded", AKM1(WLAN_AKM_SUITE_PSK),
	  .wpa = W2, .pmk = true, .feat = RM2,
	  .sec = { .wsec = 4, .wpa_auth = 0x80, .fwsup = true, .pmk = true } },
	{ "WPA2-PSK, pios: the host's supplicant", AKM1(WLAN_AKM_SUITE_PSK),
	  .wpa = W2, .feat = PIOS, .sec = { .wsec = 4, .wpa_auth = 0x80 } },
	{ "WPA2-PSK, pios, a PMK anyway: still the host's", AKM1(WLAN_AKM_SUITE_PSK),
	  .wpa = W2, .pmk = true, .feat = PIOS,
	  .sec = { .wsec = 4, .wpa_auth = 0x80 } },
	{ "WPA2-PSK, rm2, no PMK: the host's", AKM1(WLAN_AKM_SUITE_PSK), .wpa = W2,
	  .feat = RM2, .sec = { .wsec = 4, .wpa_auth = 0x80 } },
	{ "PSK-SHA256 is not WPA2-PSK, and is MFP capable",
	  AKM1(WLAN_AKM_SUITE_PSK_SHA256), .wpa = W2, .feat = PIOS,
	  .sec = { .wsec = 4, .wpa_auth = 0x8000, .mfp = 1 } },
	{ "WPA1-PSK has its own value", AKM1(WLAN_AKM_SUITE_PSK),
	  .wpa = NL80211_WPA_VERSION_1, .pmk = true, .feat = RM2,
	  .sec = { .wsec = 4, .wpa_auth = 0x4, .fwsup = true, .pmk = true } },
	{ "WPA1 with SHA-256 does not exist", AKM1(WLAN_AKM_SUITE_PSK_SHA256),
	  .wpa = NL80211_WPA_VERSION_1, .feat = RM2, .ret = -EOPNOTSUPP },
	{ "SAE, rm2: offloaded, MFP required", AKM1(WLAN_AKM_SUITE_SAE),
	  .wpa = NL80211_WPA_VERSION_3, .pw = true, .feat = RM2,
	  .sec = { .wsec = 4, .wpa_auth = 0x40000, .auth = 3, .mfp = 2,
		   .fwsup = true, .sae = true } },
	{ "SAE, pios: external SAE is not implemented", AKM1(WLAN_AKM_SUITE_SAE),
	  .wpa = NL80211_WPA_VERSION_3, .pw = true, .feat = PIOS,
	  .ret = -EOPNOTSUPP },
	{ "transition, rm2: both AKMs, both keys, MFP capable",
	  AKM2(WLAN_AKM_SUITE_PSK, WLAN_AKM_SUITE_SAE), .wpa = W2, .pw = true, .pmk = true,
	  .feat = RM2,
	  .sec = { .wsec = 4, .wpa_auth = 0x40080, .auth = 3, .mfp = 1,
		   .fwsup = true, .sae = true, .pmk = true } },
	{ "transition, pios: WPA2-PSK by the host", AKM2(WLAN_AKM_SUITE_PSK, WLAN_AKM_SUITE_SAE),
	  .wpa = W2, .pw = true, .feat = PIOS,
	  .sec = { .wsec = 4, .wpa_auth = 0x80 } },
	{ "MFP required needs mfp in the image", AKM1(WLAN_AKM_SUITE_PSK), .wpa = W2,
	  .mfp = NL80211_MFP_REQUIRED, .feat = F(IDSUP), .ret = -EOPNOTSUPP },
	{ "MFP optional without mfp in the image: off", AKM1(WLAN_AKM_SUITE_PSK),
	  .wpa = W2, .mfp = NL80211_MFP_OPTIONAL, .feat = 0,
	  .sec = { .wsec = 4, .wpa_auth = 0x80 } },
	{ "802.1X is refused", AKM1(WLAN_AKM_SUITE_8021X), .wpa = W2, .feat = RM2,
	  .ret = -EOPNOTSUPP },
};

static void cyw43_sec_desc(const struct cyw43_sec_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_sec, cyw43_sec_cases, cyw43_sec_desc);

static void cyw43_test_sec_map(struct kunit *test)
{
	const struct cyw43_sec_case *c = test->param_value;
	struct cfg80211_connect_params *sme;
	struct cyw43_sec sec;
	int ret;

	sme = kunit_kzalloc(test, sizeof(*sme), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sme);
	sme->mfp = c->mfp;
	sme->crypto.wpa_versions = c->wpa;
	if (c->n_akm) {
		memcpy(sme->crypto.akm_suites, c->akm, c->n_akm * sizeof(u32));
		sme->crypto.n_akm_suites = c->n_akm;
		sme->crypto.n_ciphers_pairwise = 1;
		sme->crypto.ciphers_pairwise[0] = WLAN_CIPHER_SUITE_CCMP;
	}
	if (c->pmk)
		sme->crypto.psk = cyw43_kt_pmk;
	if (c->pw) {
		sme->crypto.sae_pwd = cyw43_kt_pw;
		sme->crypto.sae_pwd_len = sizeof(cyw43_kt_pw) - 1;
	}
	ret = cyw43_sec_map(sme, c->feat, &sec);
	KUNIT_ASSERT_EQ(test, ret, c->ret);
	if (ret)
		return;
	KUNIT_EXPECT_EQ(test, sec.wsec, c->sec.wsec);
	KUNIT_EXPECT_EQ(test, sec.wpa_auth, c->sec.wpa_auth);
	KUNIT_EXPECT_EQ(test, sec.auth, c->sec.auth);
	KUNIT_EXPECT_EQ(test, sec.mfp, c->sec.mfp);
	KUNIT_EXPECT_EQ(test, sec.fwsup, c->sec.fwsup);
	KUNIT_EXPECT_EQ(test, sec.sae, c->sec.sae);
	KUNIT_EXPECT_EQ(test, sec.pmk, c->sec.pmk);
}

static struct kunit_case cyw43_feat_test_cases[] = {
	KUNIT_CASE_PARAM(cyw43_test_cap_parse, cyw43_cap_gen_params),
	KUNIT_CASE(cyw43_test_feat_names),
	KUNIT_CASE_PARAM(cyw43_test_sec_map, cyw43_sec_gen_params),
	{}
};

static struct kunit_suite cyw43_feat_test_suite = {
	.name = "cyw43439_features",
	.test_cases = cyw43_feat_test_cases,
};

kunit_test_suite(cyw43_feat_test_suite);
