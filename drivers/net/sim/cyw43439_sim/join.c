// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: simulated BSSes, join state machine and link loss. */

#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "netdrv_compat.h"
#include "cywsim.h"

#define CYWSIM_PRUNE_CIPHER_NA		12
#define CYWSIM_AUTH_R_SAE_FAIL		16	/* §9.5: EMB WPA3 signature */
#define CYWSIM_80211_R_4WAY_TMO		15
#define CYWSIM_80211_R_DEAUTH_LEAVING	3
#define CYWSIM_80211_R_INACTIVITY	4

/* What the host configured, as the firmware sees it at join time */
enum cywsim_intent {
	CYWSIM_WANT_OPEN,
	CYWSIM_WANT_WPA2,
	CYWSIM_WANT_SAE,
	CYWSIM_WANT_OTHER,	/* WEP, WPA1, 802.1X: no simulated BSS */
};

/**
 * cywsim_bss_find() - look a simulated BSS up
 * @chip: the chip
 * @ssid: SSID, or NULL to match by @bssid only
 * @ssid_len: its length
 * @bssid: BSSID filter, or NULL
 *
 * Return: the BSS or NULL.
 */
struct cywsim_bss *cywsim_bss_find(struct cywsim_chip *chip, const u8 *ssid,
				   u8 ssid_len, const u8 *bssid)
{
	struct cywsim_bss *bss;

	list_for_each_entry(bss, &chip->bss_list, node) {
		if (ssid && (bss->ssid_len != ssid_len ||
			     memcmp(bss->ssid, ssid, ssid_len)))
			continue;
		if (bssid && !ether_addr_equal(bss->bssid, bssid))
			continue;
		return bss;
	}
	return NULL;
}

/**
 * cywsim_bss_add() - add or replace a simulated BSS
 * @chip: the chip
 * @tmpl: its description (the PMK is derived on first use)
 *
 * Return: 0 or -ENOMEM.
 */
int cywsim_bss_add(struct cywsim_chip *chip, const struct cywsim_bss *tmpl)
{
	struct cywsim_bss *bss = cywsim_bss_find(chip, NULL, 0, tmpl->bssid);

	if (!bss) {
		bss = kzalloc(sizeof(*bss), GFP_KERNEL);
		if (!bss)
			return -ENOMEM;
		list_add_tail(&bss->node, &chip->bss_list);
	}
	memcpy(bss->bssid, tmpl->bssid, ETH_ALEN);
	memcpy(bss->ssid, tmpl->ssid, sizeof(bss->ssid));
	bss->ssid_len = tmpl->ssid_len;
	bss->chan = tmpl->chan;
	bss->rssi = tmpl->rssi;
	bss->sec = tmpl->sec;
	strscpy(bss->pass, tmpl->pass, sizeof(bss->pass));
	bss->pmk_valid = false;
	return 0;
}

/**
 * cywsim_bss_del() - remove a BSS; a station joined to it loses the link
 * @chip: the chip
 * @bss: the BSS
 */
void cywsim_bss_del(struct cywsim_chip *chip, struct cywsim_bss *bss)
{
	if (chip->join != CYWSIM_J_IDLE &&
	    ether_addr_equal(chip->cur_bss.bssid, bss->bssid))
		cywsim_link_loss(chip, bss->bssid, CYWSIM_E_LINK,
				 CYWSIM_LINK_R_LOW_RSSI);
	list_del(&bss->node);
	kfree(bss);
}

/**
 * cywsim_bss_clear() - remove every BSS
 * @chip: the chip
 */
void cywsim_bss_clear(struct cywsim_chip *chip)
{
	struct cywsim_bss *bss, *tmp;

	list_for_each_entry_safe(bss, tmp, &chip->bss_list, node)
		cywsim_bss_del(chip, bss);
}

static void cywsim_set_link(struct cywsim_chip *chip, bool up)
{
	if (chip->hooks && chip->hooks->link_changed)
		chip->hooks->link_changed(chip->priv, up);
}

/**
 * cywsim_link_reset() - forget the association without any event
 * @chip: the chip
 *
 * Used when the firmware stops (power off, ARM reset).
 */
void cywsim_link_reset(struct cywsim_chip *chip)
{
	bool was = chip->join != CYWSIM_J_IDLE;

	chip->join = CYWSIM_J_IDLE;
	chip->keyed = false;
	cywsim_auth_reset(chip);
	memset(&chip->cur_bss, 0, sizeof(chip->cur_bss));
	INIT_LIST_HEAD(&chip->cur_bss.node);
	if (was)
		cywsim_set_link(chip, false);
}

/* The station's host runs the handshake: no on-chip supplicant, or off */
static bool cywsim_host_sup(struct cywsim_chip *chip)
{
	return !cywsim_has(chip, CYWSIM_FEAT_IDSUP) ||
	       !chip->iov[CYWSIM_IOV_SUP_WPA];
}

static enum cywsim_intent cywsim_host_intent(struct cywsim_chip *chip)
{
	if (chip->wpa_auth & CYWSIM_WPA_AUTH_SAE &&
	    chip->auth == CYWSIM_AUTH_SAE)
		return CYWSIM_WANT_SAE;
	if (chip->wpa_auth & CYWSIM_WPA_AUTH_WPA2_PSK)
		return CYWSIM_WANT_WPA2;
	if (!chip->wpa_auth && !chip->wsec)
		return CYWSIM_WANT_OPEN;
	return CYWSIM_WANT_OTHER;
}

/* 0 when the host's security matches @bss, else a PRUNE reason (§7.5) */
static u32 cywsim_prune_reason(struct cywsim_chip *chip,
			       const struct cywsim_bss *bss)
{
	switch (cywsim_host_intent(chip)) {
	case CYWSIM_WANT_OPEN:
		return bss->sec == CYWSIM_SEC_OPEN ? 0 :
		       CYWSIM_PRUNE_ENCR_MISMATCH;
	case CYWSIM_WANT_WPA2:
		if (bss->sec == CYWSIM_SEC_OPEN)
			return CYWSIM_PRUNE_ENCR_MISMATCH;
		if (bss->sec == CYWSIM_SEC_WPA3)
			return CYWSIM_PRUNE_RSN_MISMATCH;
		break;
	case CYWSIM_WANT_SAE:
		if (bss->sec == CYWSIM_SEC_OPEN)
			return CYWSIM_PRUNE_ENCR_MISMATCH;
		if (bss->sec == CYWSIM_SEC_WPA2)
			return CYWSIM_PRUNE_RSN_MISMATCH;
		/* a WPA3-only AP requires management frame protection */
		if (bss->sec == CYWSIM_SEC_WPA3 && !chip->iov[CYWSIM_IOV_MFP])
			return CYWSIM_PRUNE_RSN_MISMATCH;
		break;
	default:
		return CYWSIM_PRUNE_ENCR_MISMATCH;
	}
	return chip->wsec & CYWSIM_WSEC_AES ? 0 : CYWSIM_PRUNE_CIPHER_NA;
}

static void cywsim_join_fail(struct cywsim_chip *chip, u32 status,
			     const u8 *addr)
{
	chip->join = CYWSIM_J_IDLE;
	cywsim_event(chip, CYWSIM_E_SET_SSID, status, 0, 0, 0, addr, NULL, 0);
	cywsim_console(chip, "join failed, SET_SSID status %u", status);
}

static bool cywsim_sae_ok(struct cywsim_chip *chip,
			  const struct cywsim_bss *bss)
{
	return chip->sae_pwd_len == strlen(bss->pass) &&
	       !memcmp(chip->sae_pwd, bss->pass, chip->sae_pwd_len);
}

/* PBKDF2 is slow on a debug kernel: derive the PMK only when needed */
static const u8 *cywsim_bss_pmk(struct cywsim_bss *bss)
{
	if (!bss->pmk_valid) {
		cywsim_pbkdf2_sha1(bss->pass, strlen(bss->pass), bss->ssid,
				   bss->ssid_len, 4096, bss->pmk,
				   sizeof(bss->pmk));
		bss->pmk_valid = true;
	}
	return bss->pmk;
}

/* §9.3 wsec_pmk: passphrase (flags 1), 64 hex (flags 1) or 32 raw bytes */
static bool cywsim_psk_ok(struct cywsim_chip *chip, struct cywsim_bss *bss)
{
	u16 klen = cywsim_le16(chip->pmk_raw);
	const u8 *key = chip->pmk_raw + 4;
	u8 pmk[32];

	if (!chip->pmk_set)
		return false;
	if (cywsim_le16(chip->pmk_raw + 2) != CYWSIM_PMK_FLAG_PASSPHRASE)
		return klen == 32 && !memcmp(key, cywsim_bss_pmk(bss), 32);
	if (klen == 64)
		return !hex2bin(pmk, (const char *)key, 32) &&
		       !memcmp(pmk, cywsim_bss_pmk(bss), 32);
	return klen == strlen(bss->pass) && !memcmp(key, bss->pass, klen);
}

static void cywsim_join_schedule(struct cywsim_chip *chip, u32 ms)
{
	if (!chip->dying)
		mod_delayed_work(chip->wq, &chip->join_work,
				 msecs_to_jiffies(ms));
}

/* Step 1: find the BSS, check the security, authenticate (§9.4) */
static void cywsim_join_auth(struct cywsim_chip *chip)
{
	bool sae = cywsim_host_intent(chip) == CYWSIM_WANT_SAE;
	struct cywsim_bss *bss;
	u32 prune;

	bss = cywsim_bss_find(chip, chip->join_ssid, chip->join_ssid_len,
			      chip->join_bssid_set ? chip->join_bssid : NULL);
	if (!bss) {
		cywsim_join_fail(chip, CYWSIM_ES_NO_NETWORKS, NULL);
		return;
	}
	prune = cywsim_prune_reason(chip, bss);
	if (prune) {
		cywsim_event(chip, CYWSIM_E_PRUNE, 0, prune, 0, 0, bss->bssid,
			     NULL, 0);
		cywsim_join_fail(chip, CYWSIM_ES_NO_NETWORKS, NULL);
		return;
	}
	chip->cur_bss = *bss;
	INIT_LIST_HEAD(&chip->cur_bss.node);
	if (sae && !cywsim_sae_ok(chip, bss)) {
		cywsim_event(chip, CYWSIM_E_AUTH, CYWSIM_ES_FAIL,
			     CYWSIM_AUTH_R_SAE_FAIL, CYWSIM_AUTH_SAE, 0,
			     bss->bssid, NULL, 0);
		cywsim_join_fail(chip, CYWSIM_ES_FAIL, bss->bssid);
		return;
	}
	cywsim_event(chip, CYWSIM_E_AUTH, 0, 0,
		     sae ? CYWSIM_AUTH_SAE : CYWSIM_AUTH_OPEN, 0, bss->bssid,
		     NULL, 0);
	chip->join = CYWSIM_J_ASSOC;
	cywsim_join_schedule(chip, READ_ONCE(chip->k.join_step_ms));
}

/* Step 2: associate; the link is up, keys follow for secured BSSes */
static void cywsim_join_assoc(struct cywsim_chip *chip)
{
	const u8 *bssid = chip->cur_bss.bssid;
	u32 tmo;

	cywsim_event(chip, CYWSIM_E_ASSOC, 0, 0, 0, 0, bssid, NULL, 0);
	cywsim_event(chip, CYWSIM_E_LINK, 0, 0, 0, CYWSIM_EV_FLAG_LINK, bssid,
		     NULL, 0);
	cywsim_event(chip, CYWSIM_E_SET_SSID, 0, 0, 0, 0, bssid, NULL, 0);
	cywsim_event(chip, CYWSIM_E_JOIN, 0, 0, 0, 0, bssid, NULL, 0);
	if (chip->cur_bss.sec == CYWSIM_SEC_OPEN) {
		chip->join = CYWSIM_J_JOINED;
		cywsim_set_link(chip, true);
		return;
	}
	chip->join = CYWSIM_J_KEYING;
	if (cywsim_host_sup(chip)) {
		/* SAE by the host is not modelled: data stays blocked */
		if (cywsim_host_intent(chip) == CYWSIM_WANT_WPA2)
			cywsim_auth_start(chip);
		return;
	}
	tmo = READ_ONCE(chip->k.join_step_ms);
	if (cywsim_host_intent(chip) == CYWSIM_WANT_WPA2 &&
	    !cywsim_psk_ok(chip, &chip->cur_bss))
		tmo = min(chip->iov[CYWSIM_IOV_SUP_WPA_TMO],
			  READ_ONCE(chip->k.psk_timeout_cap_ms));
	cywsim_join_schedule(chip, tmo);
}

/* Step 3: the firmware supplicant's 4-way handshake result */
static void cywsim_join_keys(struct cywsim_chip *chip)
{
	const u8 *bssid = chip->cur_bss.bssid;

	if (cywsim_host_sup(chip)) {
		cywsim_auth_timeout(chip);
		return;
	}
	if (cywsim_host_intent(chip) == CYWSIM_WANT_WPA2 &&
	    !cywsim_psk_ok(chip, &chip->cur_bss)) {
		/* wrong PMK: the AP never sends M3, then deauthenticates */
		cywsim_event(chip, CYWSIM_E_PSK_SUP, CYWSIM_SUP_WAIT_M3,
			     CYWSIM_SUP_R_WPA_PSK_TMO, 0, 0, bssid, NULL, 0);
		cywsim_link_loss(chip, bssid, CYWSIM_E_DEAUTH_IND,
				 CYWSIM_80211_R_4WAY_TMO);
		return;
	}
	cywsim_event(chip, CYWSIM_E_PSK_SUP, CYWSIM_SUP_KEYED,
		     CYWSIM_SUP_R_OTHER, 0, 0, bssid, NULL, 0);
	chip->keyed = true;
	chip->join = CYWSIM_J_JOINED;
	cywsim_set_link(chip, true);
}

/*
 * A host that gave a PMK (not a passphrase) needs the BSS's PMK, and
 * PBKDF2 takes long on a debug kernel: derive it without the chip lock so
 * the bus keeps working meanwhile. Called and returns with the lock held.
 */
static void cywsim_join_prepare_pmk(struct cywsim_chip *chip)
{
	struct cywsim_bss *bss = &chip->cur_bss;
	u8 ssid[CYWSIM_SSID_MAX], bssid[ETH_ALEN], pmk[32], len;
	char pass[CYWSIM_SAE_PWD_MAX + 1];

	bool host = cywsim_host_sup(chip) &&
		    cywsim_host_intent(chip) == CYWSIM_WANT_WPA2;

	if (chip->join != CYWSIM_J_ASSOC || bss->pmk_valid)
		return;
	if (!host && (!chip->pmk_set ||
		      (cywsim_le16(chip->pmk_raw + 2) ==
		       CYWSIM_PMK_FLAG_PASSPHRASE &&
		       cywsim_le16(chip->pmk_raw) < 64)))
		return;
	memcpy(ssid, bss->ssid, sizeof(ssid));
	memcpy(bssid, bss->bssid, ETH_ALEN);
	strscpy(pass, bss->pass, sizeof(pass));
	len = bss->ssid_len;
	mutex_unlock(&chip->lock);
	cywsim_pbkdf2_sha1(pass, strlen(pass), ssid, len, 4096, pmk,
			   sizeof(pmk));
	mutex_lock(&chip->lock);
	if (chip->join == CYWSIM_J_ASSOC &&
	    ether_addr_equal(bss->bssid, bssid)) {
		memcpy(bss->pmk, pmk, sizeof(pmk));
		bss->pmk_valid = true;
	}
}

/**
 * cywsim_join_work() - advance the join state machine
 * @work: &cywsim_chip.join_work
 */
void cywsim_join_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip, join_work);

	mutex_lock(&chip->lock);
	cywsim_join_prepare_pmk(chip);
	cywsim_advance(chip);
	if (!cywsim_fw_running(chip) || READ_ONCE(chip->f.fw_hang))
		goto out_unlock;
	switch (chip->join) {
	case CYWSIM_J_AUTH:
		cywsim_join_auth(chip);
		break;
	case CYWSIM_J_ASSOC:
		cywsim_join_assoc(chip);
		break;
	case CYWSIM_J_KEYING:
		cywsim_join_keys(chip);
		break;
	default:
		break;
	}
out_unlock:
	mutex_unlock(&chip->lock);
}

static int cywsim_join_start(struct cywsim_chip *chip, const u8 *ssid,
			     u32 len, const u8 *bssid)
{
	if (len > CYWSIM_SSID_MAX)
		return CYWSIM_BCME_BADSSIDLEN;
	if (!chip->infra)
		return CYWSIM_BCME_UNSUPPORTED;	/* IBSS is not modelled */
	cywsim_scan_abort(chip, CYWSIM_ES_NEWASSOC);
	if (chip->join != CYWSIM_J_IDLE)
		cywsim_disassoc(chip, true);
	memcpy(chip->join_ssid, ssid, len);
	chip->join_ssid_len = len;
	chip->join_bssid_set = bssid && is_valid_ether_addr(bssid);
	if (chip->join_bssid_set)
		ether_addr_copy(chip->join_bssid, bssid);
	chip->join = CYWSIM_J_AUTH;
	cywsim_join_schedule(chip, READ_ONCE(chip->k.join_step_ms));
	return 0;
}

/**
 * cywsim_join_ssid() - WLC_SET_SSID starts a join (§9.3 step 10)
 * @chip: the chip
 * @ssid: SSID
 * @len: its length
 * @bssid: BSSID to insist on, or NULL
 *
 * Return: 0 or a negative BCME code; the outcome comes as events.
 */
int cywsim_join_ssid(struct cywsim_chip *chip, const u8 *ssid, u32 len,
		     const u8 *bssid)
{
	return cywsim_join_start(chip, ssid, len, bssid);
}

/**
 * cywsim_join_iovar() - the "join" iovar (§9.3 extended join)
 * @chip: the chip
 * @p: wlc_ssid, join scan params, assoc params
 * @len: bytes at @p
 *
 * Return: 0 or a negative BCME code.
 */
int cywsim_join_iovar(struct cywsim_chip *chip, const u8 *p, u32 len)
{
	const u32 assoc = 4 + CYWSIM_SSID_MAX + 20;

	/* wlc_ssid (36) + scan params (20) + bssid, count, chanspec_num */
	if (len < assoc + ETH_ALEN + 2 + 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	return cywsim_join_start(chip, p + 4, cywsim_le32(p), p + assoc);
}

/**
 * cywsim_disassoc() - leave the BSS, or cancel a join in progress
 * @chip: the chip
 * @host: the host asked (WLC_DISASSOC, DOWN, a new join)
 *
 * §9.5: the firmware answers with DISASSOC and a LINK-down event.
 */
void cywsim_disassoc(struct cywsim_chip *chip, bool host)
{
	u8 bssid[ETH_ALEN];

	switch (chip->join) {
	case CYWSIM_J_IDLE:
		return;
	case CYWSIM_J_AUTH:
	case CYWSIM_J_ASSOC:
		cancel_delayed_work(&chip->join_work);
		cywsim_join_fail(chip, CYWSIM_ES_ABORT, NULL);
		return;
	default:
		break;
	}
	ether_addr_copy(bssid, chip->cur_bss.bssid);
	cancel_delayed_work(&chip->join_work);
	cywsim_event(chip, CYWSIM_E_DISASSOC, 0, 0, 0, 0, bssid, NULL, 0);
	cywsim_event(chip, CYWSIM_E_LINK, 0, CYWSIM_LINK_R_DISASSOC, 0, 0,
		     bssid, NULL, 0);
	cywsim_link_reset(chip);
}

/**
 * cywsim_link_loss() - the AP drops the station (§9.5, §10 #20)
 * @chip: the chip
 * @bssid: the AP; nothing happens unless it is the one joined
 * @event: DEAUTH_IND, DISASSOC_IND, or LINK for a silent loss
 * @reason: 802.11 reason for the _IND events
 */
void cywsim_link_loss(struct cywsim_chip *chip, const u8 *bssid,
		      u32 event, u32 reason)
{
	u32 link_reason = CYWSIM_LINK_R_LOW_RSSI;
	u8 addr[ETH_ALEN];

	if (chip->join == CYWSIM_J_IDLE ||
	    !ether_addr_equal(chip->cur_bss.bssid, bssid))
		return;
	ether_addr_copy(addr, bssid);
	cancel_delayed_work(&chip->join_work);
	if (event == CYWSIM_E_DEAUTH_IND) {
		link_reason = CYWSIM_LINK_R_DEAUTH;
		cywsim_event(chip, event, 0, reason, 0, 0, addr, NULL, 0);
	} else if (event == CYWSIM_E_DISASSOC_IND) {
		link_reason = CYWSIM_LINK_R_DISASSOC;
		cywsim_event(chip, event, 0, reason, 0, 0, addr, NULL, 0);
	}
	cywsim_event(chip, CYWSIM_E_LINK, 0, link_reason, 0, 0, addr, NULL, 0);
	cywsim_console(chip, "link lost (event %u reason %u)", event, reason);
	cywsim_link_reset(chip);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_link_loss);
