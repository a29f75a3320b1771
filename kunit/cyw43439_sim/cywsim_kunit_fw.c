// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: boot, SDPCM, BCDC, events, scan, join (§5-§9). */

#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "cywsim_kunit.h"

/* §5.2 + §5.4: a full synthetic boot raises HT and F2, publishes shared */
static void cywsim_test_full_boot(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_EXPECT_TRUE(test, cywsim_kt_read8(t, CYWSIM_F1,
						CYWSIM_F1_CLK_CSR) &
			  CYWSIM_CSR_HT_AVAIL);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, CYWSIM_SHARED_PTR_ADDR),
			CYWSIM_SHARED_ADDR);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, CYWSIM_NVRAM_TOKEN_ADDR),
			CYWSIM_SHARED_ADDR);
	/* §10 #10: one DATA_UNAVAILABLE shows up at boot */
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_DATA_UNAVAIL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(t->chip->console, "up, MAC"));
}

struct cywsim_bad_boot {
	const char *name;
	u32 token;		/* 0: correct token */
	int corrupt;		/* image byte to flip, -1: none */
	const char *nvram;
	bool sram3;
};

static const char cywsim_nv_good[] = "xtalfreq=37400\nboardtype=0x0887\n";

/* §5.1, §5.2 steps 5-6, §10 #15: each of these never brings F2 up */
static const struct cywsim_bad_boot cywsim_bad_boots[] = {
	{ "token-halves", 0x12345678, -1, cywsim_nv_good },
	{ "token-too-long", 0xffbf0040, -1, cywsim_nv_good },
	{ "image-corrupt", 0, 100, cywsim_nv_good },
	{ "nvram-comment-unstripped", 0, -1, NULL },
	{ "nvram-no-xtal", 0, -1, "boardtype=0x0887\n" },
};

static void cywsim_bad_desc(const struct cywsim_bad_boot *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cywsim_bad, cywsim_bad_boots, cywsim_bad_desc);

static void cywsim_test_bad_boot(struct kunit *test)
{
	const struct cywsim_bad_boot *c = test->param_value;
	struct cywsim_kt *t = test->priv;
	u32 fw_len, nv_len;
	u8 *fw, *nv;

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_alp(t), 0);
	fw = cywsim_kt_fw_image(t, &fw_len);
	KUNIT_ASSERT_NOT_NULL(test, fw);
	if (c->corrupt >= 0)
		fw[c->corrupt] ^= 0x40;
	if (c->nvram) {
		nv = cywsim_kt_nvram(t, c->nvram, &nv_len);
	} else {
		/* a driver that forgot to strip '#' lines */
		static const char raw[] = "# comment\0xtalfreq=37400\0\0\0";

		nv = kunit_kzalloc(test, sizeof(raw), GFP_KERNEL);
		memcpy(nv, raw, sizeof(raw));
		nv_len = round_down(sizeof(raw), 4);
	}
	KUNIT_ASSERT_NOT_NULL(test, nv);
	cywsim_kt_download(t, fw, fw_len, nv, nv_len, c->token);
	KUNIT_EXPECT_EQ(test, cywsim_kt_wait_f2_ready(t, 30), -ETIMEDOUT);
	KUNIT_EXPECT_FALSE(test, cywsim_kt_read8(t, CYWSIM_F1,
						 CYWSIM_F1_CLK_CSR) &
			   CYWSIM_CSR_HT_AVAIL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(t->chip->console, "boot failed"));
}

/* §7.1: answer with the request id; unknown iovar = BCME_UNSUPPORTED */
static void cywsim_test_ioctl_roundtrip(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct cywsim_kt *t = test->priv;
	u8 got[ETH_ALEN] = {}, v[4];
	u16 id;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	t->id = 0x1234;
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_get(t, "cur_etheraddr", got,
						  ETH_ALEN), 0);
	KUNIT_EXPECT_MEMEQ(test, got, mac, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_get(t, "no_such_iovar", v, 4),
			CYWSIM_BCME_UNSUPPORTED);
	KUNIT_EXPECT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_SET_PM, 7),
			CYWSIM_BCME_BADARG);
	KUNIT_EXPECT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_SET_PM, 0), 0);
	id = t->id;
	KUNIT_EXPECT_EQ(test, cywsim_kt_ioctl(t, CYWSIM_WLC_GET_PM, false, v,
					      4, &(s32){ 0 }), 0);
	KUNIT_EXPECT_EQ(test, cywsim_le32(v), 0);
	KUNIT_EXPECT_EQ(test, t->id, (u16)(id + 1));
	/* the event mask is at least 18 bytes (§7.5) */
	KUNIT_EXPECT_EQ(test, cywsim_kt_iovar_set(t, "event_msgs", v, 4),
			CYWSIM_BCME_BADLEN);
}

/* §5.3, §10 #14: WLC_UP fails with EPERM until the CLM is loaded */
static void cywsim_test_clm_before_up(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 chunk[CYWSIM_CLM_CHUNK_HDR + 4] = {};

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_UP, 0),
			CYWSIM_BCME_EPERM);
	/* a chunk without BEGIN first is refused */
	cywsim_put_le16(chunk, CYWSIM_CLM_FLAG_HANDLER_VER);
	cywsim_put_le16(chunk + 2, CYWSIM_CLM_TYPE_CLM);
	cywsim_put_le32(chunk + 4, 4);
	KUNIT_EXPECT_LT(test, cywsim_kt_iovar_set(t, "clmload", chunk,
						  sizeof(chunk)), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_load_clm(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_UP, 0), 0);
}

/* §6.4, Appendix A item 7: the window closes, then a credit frame */
static void cywsim_test_credit_window(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 data[CYWSIM_BDC_HDR + ETH_ZLEN] = { 0x20 }, f[64];
	u32 i, st;

	t->chip->k.credit_window = 4;
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_SET_PM, 0), 0);
	/* every header to the host carries max_seq = seq + free buffers */
	KUNIT_EXPECT_EQ(test, (u8)(t->max_seq - t->seq), 4);

	t->chip->f.fw_hang = true;	/* buffers stay in use */
	for (i = 0; i < 4; i++) {
		st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
		KUNIT_EXPECT_TRUE(test, st & CYWSIM_ST_F2_RX_READY);
		cywsim_kt_send(t, CYWSIM_CHAN_DATA, data, sizeof(data), 14);
	}
	st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
	KUNIT_EXPECT_FALSE(test, st & CYWSIM_ST_F2_RX_READY);
	cywsim_kt_send(t, CYWSIM_CHAN_DATA, data, sizeof(data), 14);
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_F2F3_WR_OVERFLOW);

	/* the firmware drains its buffers: a pure 12-byte credit frame */
	t->chip->f.fw_hang = false;
	t->seq--;			/* the overflowed frame never counted */
	mod_delayed_work(t->chip->wq, &t->chip->fw_work, 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_recv(t, f, sizeof(f), 2000),
			CYWSIM_SDPCM_HDR);
	KUNIT_EXPECT_EQ(test, (u8)(t->max_seq - t->seq), 4);
}

/* §9.1, §9.2: one PARTIAL ESCAN_RESULT per BSS, then SUCCESS */
static void cywsim_test_escan_events(struct kunit *test)
{
	static const char *const ssids[] = {
		"cywsim-open", "cywsim-wpa2", "cywsim-wpa3",
	};
	static const u8 chans[] = { 1, 6, 11 };
	struct cywsim_kt *t = test->priv;
	u8 p[76] = {};
	int i;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_up(t), 0);
	cywsim_put_le32(p, CYWSIM_ESCAN_REQ_VERSION);
	cywsim_put_le16(p + 4, CYWSIM_ESCAN_ACTION_START);
	cywsim_put_le16(p + 6, 0x4321);
	memset(p + 44, 0xff, ETH_ALEN);
	p[50] = 2;
	t->nev = 0;
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_set(t, "escan", p, sizeof(p)),
			0);
	for (i = 0; i < 500; i++) {
		cywsim_kt_pump(t, 10);
		if (t->nev && t->ev[t->nev - 1].status != CYWSIM_ES_PARTIAL)
			break;
	}
	KUNIT_ASSERT_EQ(test, t->nev, 4);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, t->ev[i].type, CYWSIM_E_ESCAN_RESULT);
		KUNIT_EXPECT_EQ(test, t->ev[i].status, CYWSIM_ES_PARTIAL);
		KUNIT_EXPECT_EQ(test, t->ev[i].bss_version,
				CYWSIM_BSS_INFO_VERSION);
		KUNIT_EXPECT_STREQ(test, t->ev[i].ssid, ssids[i]);
		KUNIT_EXPECT_EQ(test, t->ev[i].chanspec, chans[i] | 0x1000);
	}
	KUNIT_EXPECT_EQ(test, t->ev[3].type, CYWSIM_E_ESCAN_RESULT);
	KUNIT_EXPECT_EQ(test, t->ev[3].status, CYWSIM_ES_SUCCESS);
}

/* §7.5: events the host did not enable are not sent */
static void cywsim_test_event_mask(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 p[76] = {}, mask[4 + CYWSIM_EVMASK_MIN] = {};
	int i;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_up(t), 0);
	mask[4 + CYWSIM_E_SET_SSID / 8] = BIT(CYWSIM_E_SET_SSID % 8);
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_set(t, "bsscfg:event_msgs", mask,
						  sizeof(mask)), 0);
	cywsim_put_le32(p, CYWSIM_ESCAN_REQ_VERSION);
	cywsim_put_le16(p + 4, CYWSIM_ESCAN_ACTION_START);
	t->nev = 0;
	KUNIT_ASSERT_EQ(test, cywsim_kt_iovar_set(t, "escan", p, sizeof(p)),
			0);
	/*
	 * Wait for the scan to end (three BSSes and SUCCESS: four events
	 * masked), however slow the machine, then listen a little longer.
	 */
	for (i = 0; i < 500; i++) {
		cywsim_kt_pump(t, 10);
		if (READ_ONCE(t->chip->ctr[CYWSIM_C_EVENTS_MASKED]) >= 4)
			break;
	}
	cywsim_kt_pump(t, 50);
	KUNIT_EXPECT_EQ(test, t->nev, 0);
	KUNIT_EXPECT_GE(test, t->chip->ctr[CYWSIM_C_EVENTS_MASKED], 4);
}

enum cywsim_pmk_form {
	CYWSIM_PMK_PASS,	/* flags 1, 8..63 character passphrase */
	CYWSIM_PMK_RAW,		/* flags 0, 32 bytes (key is their hex) */
	CYWSIM_PMK_HEX,		/* flags 1, 64 hex characters */
};

struct cywsim_join_case {
	const char *name;
	const char *ssid;
	const char *key;	/* WPA2 passphrase/PMK or SAE password */
	bool sae;
	u32 expect[6];		/* events in order, ends with U32_MAX */
	enum cywsim_pmk_form form;
};

/* PBKDF2-SHA1("cywsim-passphrase", "cywsim-wpa2", 4096, 32) */
#define CYWSIM_KT_PMK	"87e41b705491e155721e2dcaa7d8ac52" \
			"c72fb53428f1b84656fa6fbe8415f179"

#define CYWSIM_JEND	U32_MAX

/* §9.3 sequences, §9.4 success and failure events */
static const struct cywsim_join_case cywsim_join_cases[] = {
	{ "open", "cywsim-open", NULL, false,
	  { CYWSIM_E_AUTH, CYWSIM_E_ASSOC, CYWSIM_E_LINK, CYWSIM_E_SET_SSID,
	    CYWSIM_JEND } },
	{ "wpa2", "cywsim-wpa2", "cywsim-passphrase", false,
	  { CYWSIM_E_AUTH, CYWSIM_E_ASSOC, CYWSIM_E_LINK, CYWSIM_E_SET_SSID,
	    CYWSIM_E_PSK_SUP, CYWSIM_JEND } },
	{ "wpa2-raw-pmk", "cywsim-wpa2", CYWSIM_KT_PMK, false,
	  { CYWSIM_E_AUTH, CYWSIM_E_SET_SSID, CYWSIM_E_PSK_SUP, CYWSIM_JEND },
	  CYWSIM_PMK_RAW },
	{ "wpa2-hex-pmk", "cywsim-wpa2", CYWSIM_KT_PMK, false,
	  { CYWSIM_E_AUTH, CYWSIM_E_SET_SSID, CYWSIM_E_PSK_SUP, CYWSIM_JEND },
	  CYWSIM_PMK_HEX },
	{ "wpa2-wrong-key", "cywsim-wpa2", "not-the-passphrase", false,
	  { CYWSIM_E_AUTH, CYWSIM_E_SET_SSID, CYWSIM_E_PSK_SUP,
	    CYWSIM_E_DEAUTH_IND, CYWSIM_E_LINK, CYWSIM_JEND } },
	{ "wpa3", "cywsim-wpa3", "cywsim-sae-password", true,
	  { CYWSIM_E_AUTH, CYWSIM_E_ASSOC, CYWSIM_E_LINK, CYWSIM_E_SET_SSID,
	    CYWSIM_E_PSK_SUP, CYWSIM_JEND } },
	{ "wpa3-wrong-password", "cywsim-wpa3", "wrong-sae-password", true,
	  { CYWSIM_E_AUTH, CYWSIM_E_SET_SSID, CYWSIM_JEND } },
	{ "no-such-ssid", "cywsim-absent", NULL, false,
	  { CYWSIM_E_SET_SSID, CYWSIM_JEND } },
	{ "wpa2-config-on-open-ap", "cywsim-open", "cywsim-passphrase", false,
	  { CYWSIM_E_PRUNE, CYWSIM_E_SET_SSID, CYWSIM_JEND } },
};

static void cywsim_join_desc(const struct cywsim_join_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cywsim_join, cywsim_join_cases, cywsim_join_desc);

static int cywsim_join_configure(struct cywsim_kt *t,
				 const struct cywsim_join_case *c)
{
	u8 sup[8] = {}, pmk[CYWSIM_WSEC_PMK_LEN] = {}, sae[130] = {};
	u32 klen = c->key ? strlen(c->key) : 0;
	s32 st;
	int ret;

	ret = cywsim_kt_set_u32(t, CYWSIM_WLC_SET_WSEC,
				c->key ? CYWSIM_WSEC_AES : 0);
	cywsim_put_le32(sup + 4, !!c->key);
	ret = ret ?: cywsim_kt_iovar_set(t, "bsscfg:sup_wpa", sup, 8);
	if (c->key && c->sae) {
		cywsim_put_le16(sae, klen);
		memcpy(sae + 2, c->key, klen);
		ret = ret ?: cywsim_kt_iovar_set(t, "sae_password", sae, 130);
		ret = ret ?: cywsim_kt_iovar_set(t, "mfp", "\x02\0\0\0", 4);
	} else if (c->key && c->form == CYWSIM_PMK_RAW) {
		cywsim_put_le16(pmk, 32);
		ret = ret ?: hex2bin(pmk + 4, c->key, 32);
		ret = ret ?: cywsim_kt_ioctl(t, CYWSIM_WLC_SET_WSEC_PMK, true,
					     pmk, sizeof(pmk), &st) ?: st;
	} else if (c->key) {
		cywsim_put_le16(pmk, klen);
		cywsim_put_le16(pmk + 2, CYWSIM_PMK_FLAG_PASSPHRASE);
		memcpy(pmk + 4, c->key, klen);
		ret = ret ?: cywsim_kt_ioctl(t, CYWSIM_WLC_SET_WSEC_PMK, true,
					     pmk, sizeof(pmk), &st) ?: st;
	}
	ret = ret ?: cywsim_kt_set_u32(t, CYWSIM_WLC_SET_INFRA, 1);
	ret = ret ?: cywsim_kt_set_u32(t, CYWSIM_WLC_SET_AUTH,
				       c->sae ? CYWSIM_AUTH_SAE : 0);
	return ret ?: cywsim_kt_set_u32(t, CYWSIM_WLC_SET_WPA_AUTH,
					!c->key ? 0 : c->sae ?
					CYWSIM_WPA_AUTH_SAE :
					CYWSIM_WPA_AUTH_WPA2_PSK);
}

/* every event of @expect, in this order */
static bool cywsim_join_seen(struct cywsim_kt *t, const u32 *expect)
{
	int i, at = 0;

	for (i = 0; expect[i] != CYWSIM_JEND; i++) {
		at = cywsim_kt_find_event(t, at, expect[i]);
		if (at < 0)
			return false;
		at++;
	}
	return true;
}

static void cywsim_test_join(struct kunit *test)
{
	const struct cywsim_join_case *c = test->param_value;
	struct cywsim_kt *t = test->priv;
	u8 ssid[4 + CYWSIM_SSID_MAX] = {};
	int i;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_up(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_join_configure(t, c), 0);
	cywsim_put_le32(ssid, strlen(c->ssid));
	memcpy(ssid + 4, c->ssid, strlen(c->ssid));
	t->nev = 0;
	KUNIT_ASSERT_EQ(test, cywsim_kt_ioctl(t, CYWSIM_WLC_SET_SSID, true,
					      ssid, sizeof(ssid),
					      &(s32){ 0 }), 0);
	for (i = 0; i < 200 && !cywsim_join_seen(t, c->expect); i++)
		cywsim_kt_pump(t, 20);
	KUNIT_ASSERT_TRUE_MSG(test, cywsim_join_seen(t, c->expect),
			      "%d events, sequence incomplete", t->nev);
	i = cywsim_kt_find_event(t, 0, CYWSIM_E_SET_SSID);
	if (!strcmp(c->name, "no-such-ssid") ||
	    !strcmp(c->name, "wpa2-config-on-open-ap"))
		KUNIT_EXPECT_EQ(test, t->ev[i].status, CYWSIM_ES_NO_NETWORKS);
	else if (!strcmp(c->name, "wpa3-wrong-password"))
		KUNIT_EXPECT_EQ(test, t->ev[i].status, CYWSIM_ES_FAIL);
	else
		KUNIT_EXPECT_EQ(test, t->ev[i].status, CYWSIM_ES_SUCCESS);
	i = cywsim_kt_find_event(t, 0, CYWSIM_E_PSK_SUP);
	if (i >= 0)
		KUNIT_EXPECT_EQ(test, t->ev[i].status,
				strstr(c->name, "wrong") ? CYWSIM_SUP_WAIT_M3 :
				CYWSIM_SUP_KEYED);
}

static void cywsim_kt_join_open(struct kunit *test, struct cywsim_kt *t)
{
	u8 ssid[4 + CYWSIM_SSID_MAX] = { 11 };

	memcpy(ssid + 4, "cywsim-open", 11);
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_up(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_ioctl(t, CYWSIM_WLC_SET_SSID, true,
					      ssid, sizeof(ssid),
					      &(s32){ 0 }), 0);
	KUNIT_ASSERT_GE(test,
			cywsim_kt_wait_event(t, CYWSIM_E_SET_SSID, 2000), 0);
}

/* §6.3, §10 #16: without the 2-byte pad a 1514-byte frame is dropped */
static void cywsim_test_data_pad(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	struct sk_buff *skb;
	int i;
	u8 *f;

	cywsim_kt_join_open(test, t);
	f = kunit_kzalloc(test, CYWSIM_BDC_HDR + ETH_FRAME_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	f[0] = 0x20;
	eth_broadcast_addr(f + CYWSIM_BDC_HDR);
	cywsim_kt_send(t, CYWSIM_CHAN_DATA, f, CYWSIM_BDC_HDR + ETH_FRAME_LEN,
		       CYWSIM_SDPCM_HDR + CYWSIM_DATA_PAD);
	cywsim_kt_send(t, CYWSIM_CHAN_DATA, f, CYWSIM_BDC_HDR + ETH_FRAME_LEN,
		       CYWSIM_SDPCM_HDR);
	cywsim_kt_send(t, CYWSIM_CHAN_DATA, f, CYWSIM_BDC_HDR + ETH_ZLEN,
		       CYWSIM_SDPCM_HDR);
	/* the firmware forwards in its own time: wait for two, then a bit */
	for (i = 0; i < 200 && skb_queue_len(&t->air) < 2; i++)
		fsleep(10000);
	fsleep(20000);
	KUNIT_ASSERT_EQ(test, skb_queue_len(&t->air), 2);
	skb = skb_dequeue(&t->air);
	KUNIT_EXPECT_EQ(test, skb->len, ETH_FRAME_LEN);
	kfree_skb(skb);
	/* the short unpadded frame grew by two zero bytes */
	skb = skb_dequeue(&t->air);
	KUNIT_EXPECT_EQ(test, skb->len, ETH_ZLEN + CYWSIM_DATA_PAD);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, t->chip->ctr[CYWSIM_C_PAD_DROP], 1);
}

/* §9.5: the AP deauthenticates: DEAUTH_IND then LINK down */
static void cywsim_test_link_loss(struct kunit *test)
{
	static const u8 bssid[ETH_ALEN] = { 0x02, 0xcb, 0x51, 0, 0, 1 };
	struct cywsim_kt *t = test->priv;
	int i;

	cywsim_kt_join_open(test, t);
	t->nev = 0;
	mutex_lock(&t->chip->lock);
	cywsim_link_loss(t->chip, bssid, CYWSIM_E_DEAUTH_IND, 3);
	mutex_unlock(&t->chip->lock);
	i = cywsim_kt_wait_event(t, CYWSIM_E_LINK, 2000);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, t->ev[i].flags & CYWSIM_EV_FLAG_LINK, 0);
	KUNIT_EXPECT_GE(test, cywsim_kt_find_event(t, 0, CYWSIM_E_DEAUTH_IND),
			0);
}

/* IEEE 802.11i Annex H.4 PSK vectors, for the supplicant's PMK check */
static void cywsim_test_pbkdf2(struct kunit *test)
{
	static const struct {
		const char *pass, *ssid;
		u8 pmk[32];
	} v[] = {
		{ "password", "IEEE", {
		  0xf4, 0x2c, 0x6f, 0xc5, 0x2d, 0xf0, 0xeb, 0xef,
		  0x9e, 0xbb, 0x4b, 0x90, 0xb3, 0x8a, 0x5f, 0x90,
		  0x2e, 0x83, 0xfe, 0x1b, 0x13, 0x5a, 0x70, 0xe2,
		  0x3a, 0xed, 0x76, 0x2e, 0x97, 0x10, 0xa1, 0x2e,
		} },
		{ "ThisIsAPassword", "ThisIsASSID", {
		  0x0d, 0xc0, 0xd6, 0xeb, 0x90, 0x55, 0x5e, 0xd6,
		  0x41, 0x97, 0x56, 0xb9, 0xa1, 0x5e, 0xc3, 0xe3,
		  0x20, 0x9b, 0x63, 0xdf, 0x70, 0x7d, 0xd5, 0x08,
		  0xd1, 0x45, 0x81, 0xf8, 0x98, 0x27, 0x21, 0xaf,
		} },
	};
	u8 got[32];
	int i;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		cywsim_pbkdf2_sha1(v[i].pass, strlen(v[i].pass), v[i].ssid,
				   strlen(v[i].ssid), 4096, got, sizeof(got));
		KUNIT_EXPECT_MEMEQ(test, got, v[i].pmk, sizeof(got));
	}
}

static struct kunit_case cywsim_fw_cases[] = {
	KUNIT_CASE(cywsim_test_pbkdf2),
	KUNIT_CASE(cywsim_test_full_boot),
	KUNIT_CASE_PARAM(cywsim_test_bad_boot, cywsim_bad_gen_params),
	KUNIT_CASE(cywsim_test_ioctl_roundtrip),
	KUNIT_CASE(cywsim_test_clm_before_up),
	KUNIT_CASE(cywsim_test_credit_window),
	KUNIT_CASE(cywsim_test_escan_events),
	KUNIT_CASE(cywsim_test_event_mask),
	KUNIT_CASE_PARAM(cywsim_test_join, cywsim_join_gen_params),
	KUNIT_CASE(cywsim_test_data_pad),
	KUNIT_CASE(cywsim_test_link_loss),
	{}
};

static struct kunit_suite cywsim_fw_suite = {
	.name = "cyw43439_sim_fw",
	.init = cywsim_kt_init,
	.exit = cywsim_kt_exit,
	.test_cases = cywsim_fw_cases,
};

kunit_test_suites(&cywsim_bus_suite, &cywsim_fw_suite, &cywsim_f2_suite,
		  &cywsim_prof_suite);

MODULE_DESCRIPTION("KUnit tests for the CYW43439 chip model");
MODULE_LICENSE("GPL");
NETDRV_IMPORT_KUNIT_NS();
