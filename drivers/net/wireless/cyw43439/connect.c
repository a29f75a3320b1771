// SPDX-License-Identifier: GPL-2.0
/* cyw43439: connect, disconnect and link events, firmware supplicant (§9.3-§9.5). */

#include <linux/ieee80211.h>
#include <linux/rtnetlink.h>

#include "netdrv_compat.h"

#include "cyw43.h"

/* WLC commands (§8.1) */
#define CYW43_WLC_SET_INFRA	20
#define CYW43_WLC_SET_AUTH	22
#define CYW43_WLC_SET_SSID	26
#define CYW43_WLC_DISASSOC	52
#define CYW43_WLC_GET_RSSI	127
#define CYW43_WLC_SET_WSEC	134
#define CYW43_WLC_GET_BSS_INFO	136
#define CYW43_WLC_SET_WPA_AUTH	165
#define CYW43_WLC_SET_WSEC_PMK	268

#define CYW43_PSK_SUP_KEYED	6
#define CYW43_SUP_TMO_MS	2500

/* Joining takes seconds at most; past this the attempt is given up */
#define CYW43_CONNECT_TIMEOUT_MS	15000

/* §9.3 wsec_pmk */
struct cyw43_wsec_pmk {
	__le16 key_len;
	__le16 flags;
	u8 key[64];
} __packed;

/* §8.2 sae_password */
struct cyw43_sae_pwd {
	__le16 len;
	u8 pwd[CYW43_SAE_PWD_MAX];
} __packed;

/* §8.1 wlc_ssid */
struct cyw43_ssid {
	__le32 len;
	u8 ssid[IEEE80211_MAX_SSID_LEN];
} __packed;

/* The on-chip supplicant's settings and the key material it needs */
static int cyw43_connect_keys(struct cyw43 *cy,
			      const struct cfg80211_connect_params *sme,
			      const struct cyw43_sec *sec)
{
	const struct cfg80211_crypto_settings *c = &sme->crypto;
	struct cyw43_sae_pwd sae = {};
	struct cyw43_wsec_pmk pmk = {};
	int ret;

	ret = cyw43_iovar_set_u32(cy, "sup_wpa2_eapver", U32_MAX);
	if (!ret)
		ret = cyw43_iovar_set_u32(cy, "sup_wpa_tmo", CYW43_SUP_TMO_MS);
	if (!ret && sec->sae) {
		sae.len = cpu_to_le16(c->sae_pwd_len);
		memcpy(sae.pwd, c->sae_pwd, c->sae_pwd_len);
		ret = cyw43_iovar_set(cy, "sae_password", &sae, sizeof(sae));
		memzero_explicit(&sae, sizeof(sae));
	}
	if (!ret && sec->pmk) {
		/* the 32-byte PMK user space derived (4-way offload) */
		pmk.key_len = cpu_to_le16(WLAN_PMK_LEN);
		memcpy(pmk.key, c->psk, WLAN_PMK_LEN);
		ret = cyw43_ioctl(cy, CYW43_WLC_SET_WSEC_PMK, true, &pmk,
				  sizeof(pmk), NULL);
		memzero_explicit(&pmk, sizeof(pmk));
	}
	return ret;
}

/*
 * The RSN (or WPA) element user space wants in the association request:
 * the firmware sends it, and a host supplicant's 4-way handshake is
 * checked against it by the AP ("wpaie", as brcmfmac sets it).
 */
static int cyw43_connect_wpaie(struct cyw43 *cy,
			       const struct cfg80211_connect_params *sme)
{
	const u8 *ie = cfg80211_find_ie(WLAN_EID_RSN, sme->ie, sme->ie_len);

	if (!ie)
		ie = cfg80211_find_vendor_ie(WLAN_OUI_MICROSOFT,
					     WLAN_OUI_TYPE_MICROSOFT_WPA,
					     sme->ie, sme->ie_len);
	if (!ie)
		return 0;
	return cyw43_iovar_set(cy, "wpaie", ie, ie[1] + 2);
}

/* The §9.3 sequence, up to and including the join request */
static int cyw43_join(struct cyw43 *cy, const struct cfg80211_connect_params *sme,
		      const struct cyw43_sec *sec)
{
	bool idsup = cyw43_feat(cy, CYW43_FEAT_IDSUP);
	struct cyw43_ssid ssid = {};
	int ret;

	ret = cyw43_iovar_set_u32(cy, "ampdu_ba_wsize", 8);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_WSEC, sec->wsec);
	/* images without the on-chip supplicant do not know "sup_wpa" */
	if (!ret && idsup)
		ret = cyw43_iovar_set_u32(cy, "sup_wpa", sec->fwsup);
	if (!ret && sec->fwsup)
		ret = cyw43_connect_keys(cy, sme, sec);
	if (!ret && sec->wpa_auth)
		ret = cyw43_connect_wpaie(cy, sme);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_INFRA, 1);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_AUTH, sec->auth);
	if (!ret && cyw43_feat(cy, CYW43_FEAT_MFP))
		ret = cyw43_iovar_set_u32(cy, "mfp", sec->mfp);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_WPA_AUTH, sec->wpa_auth);
	if (ret)
		return ret;
	ssid.len = cpu_to_le32(sme->ssid_len);
	memcpy(ssid.ssid, sme->ssid, sme->ssid_len);
	return cyw43_ioctl(cy, CYW43_WLC_SET_SSID, true, &ssid, sizeof(ssid),
			   NULL);
}

/*
 * cfg80211's entry for the BSS we joined, refreshed from the firmware (it
 * may never have been scanned, or have expired since), with a reference.
 */
static struct cfg80211_bss *cyw43_current_bss(struct cyw43 *cy,
					      const u8 *bssid)
{
	struct cfg80211_bss *cbss = NULL;
	const size_t room = 12 + 1024;
	struct cyw43_bss bss;
	u16 sync;
	u8 *buf;

	buf = kzalloc(room, GFP_KERNEL);
	if (!buf)
		return NULL;
	/*
	 * GET_BSS_INFO answers {u32 len; wl_bss_info} (§9.2 layout). Placed
	 * at offset 8, the record lands where a one-BSS escan result has it,
	 * so the same validation applies.
	 */
	put_unaligned_le32(room - 12, buf + 8);
	if (!cyw43_ioctl(cy, CYW43_WLC_GET_BSS_INFO, false, buf + 8, room - 8,
			 NULL)) {
		put_unaligned_le32(room, buf);
		put_unaligned_le32(0, buf + 4);
		put_unaligned_le16(0, buf + 8);
		put_unaligned_le16(1, buf + 10);
		if (cyw43_escan_parse(buf, room, &sync, &bss) == 1 &&
		    ether_addr_equal(bss.bssid, bssid))
			cbss = cyw43_scan_inform_bss(cy, &bss);
	}
	kfree(buf);
	if (!cbss)
		cbss = cfg80211_get_bss(cy->wiphy, NULL, bssid, cy->conn_ssid,
					cy->conn_ssid_len, IEEE80211_BSS_TYPE_ESS,
					IEEE80211_PRIVACY_ANY);
	return cbss;
}

/* conn_lock held: the attempt ended without a connection */
static void cyw43_conn_fail(struct cyw43 *cy, int status,
			    enum nl80211_timeout_reason why)
{
	const u8 *bssid = is_zero_ether_addr(cy->conn_bssid) ? NULL :
			  cy->conn_bssid;

	cancel_delayed_work(&cy->conn_timeout);
	cy->conn = CYW43_CONN_IDLE;
	ethbus_set_carrier(cy->eb, false);

	if (status < 0)
		cfg80211_connect_timeout(cy->ndev, bssid, NULL, 0, GFP_KERNEL,
					 why);
	else
		cfg80211_connect_result(cy->ndev, bssid, NULL, 0, NULL, 0,
					status, GFP_KERNEL);
}

/* conn_lock held: an established connection went away */
static void cyw43_conn_lost(struct cyw43 *cy, u16 reason, bool local)
{
	cy->conn = CYW43_CONN_IDLE;
	ethbus_set_carrier(cy->eb, false);
	cfg80211_disconnected(cy->ndev, reason, NULL, 0, local, GFP_KERNEL);
}

/* conn_lock held: associated; for PSK/SAE the keys come later */
static void cyw43_conn_assoc(struct cyw43 *cy, const u8 *bssid)
{
	struct cfg80211_bss *cbss;

	ether_addr_copy(cy->conn_bssid, bssid);
	cbss = cyw43_current_bss(cy, bssid);
	if (!cbss) {
		netdev_warn(cy->ndev, "joined %pM, but the firmware cannot describe it; leaving\n",
			    bssid);
		cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
		cyw43_ioctl(cy, CYW43_WLC_DISASSOC, true, NULL, 0, NULL);
		return;
	}
	/* cfg80211 takes over the reference */
	cfg80211_connect_bss(cy->ndev, bssid, cbss, NULL, 0, NULL, 0,
			     WLAN_STATUS_SUCCESS, GFP_KERNEL,
			     NL80211_TIMEOUT_UNSPECIFIED);
	cy->conn = CYW43_CONN_ASSOC;
	if (cy->conn_secure && !cy->conn_keyed)
		return;
	cancel_delayed_work(&cy->conn_timeout);
	cy->conn = CYW43_CONN_UP;
	if (cy->conn_secure)
		cfg80211_port_authorized(cy->ndev, bssid, NULL, 0, GFP_KERNEL);
	ethbus_set_carrier(cy->eb, true);
}

/* conn_lock held: the firmware supplicant finished (§9.4) */
static void cyw43_conn_keyed(struct cyw43 *cy)
{
	cy->conn_keyed = true;
	if (cy->conn != CYW43_CONN_ASSOC)
		return;
	cancel_delayed_work(&cy->conn_timeout);
	cy->conn = CYW43_CONN_UP;
	cfg80211_port_authorized(cy->ndev, cy->conn_bssid, NULL, 0, GFP_KERNEL);
	ethbus_set_carrier(cy->eb, true);
}

/**
 * cyw43_conn_event() - join, supplicant and link events (§9.4, §9.5)
 * @cy: the device
 * @ev: the validated event
 *
 * Success: SET_SSID status 0 (associated; open networks are then up),
 * and for PSK and SAE also PSK_SUP "keyed". Failure before association
 * reports the connect result (no such network: a scan timeout; an
 * authentication the AP or the password refused: challenge failure);
 * a supplicant failure after association is a disconnect with reason
 * "4-way handshake timeout", as user space expects for a wrong key.
 * DEAUTH_IND, DISASSOC_IND and LINK down end a connection with the
 * AP's reason.
 *
 * Context: process context (event work).
 */
void cyw43_conn_event(struct cyw43 *cy, const struct cyw43_event *ev)
{
	mutex_lock(&cy->conn_lock);
	switch (ev->type) {
	case CYW43_E_SET_SSID:
		if (cy->conn != CYW43_CONN_JOINING)
			break;
		if (ev->status == CYW43_E_STATUS_SUCCESS)
			cyw43_conn_assoc(cy, ev->addr);
		else if (ev->status == CYW43_E_STATUS_NO_NETWORKS)
			cyw43_conn_fail(cy, -1, NL80211_TIMEOUT_SCAN);
		else if (ev->status != CYW43_E_STATUS_ABORT)
			cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
		break;
	case CYW43_E_AUTH:
		if (cy->conn == CYW43_CONN_JOINING &&
		    ev->status != CYW43_E_STATUS_SUCCESS) {
			netdev_info(cy->ndev, "authentication with %pM refused (status %u, reason %u)\n",
				    ev->addr, ev->status, ev->reason);
			cyw43_conn_fail(cy, WLAN_STATUS_CHALLENGE_FAIL, 0);
		}
		break;
	case CYW43_E_PSK_SUP:
		if (cy->conn != CYW43_CONN_JOINING &&
		    cy->conn != CYW43_CONN_ASSOC)
			break;
		if (ev->status == CYW43_PSK_SUP_KEYED) {
			cyw43_conn_keyed(cy);
			break;
		}
		netdev_info(cy->ndev, "key handshake failed (state %u, reason %u): wrong passphrase?\n",
			    ev->status, ev->reason);
		if (cy->conn == CYW43_CONN_ASSOC)
			cyw43_conn_lost(cy, WLAN_REASON_4WAY_HANDSHAKE_TIMEOUT,
					true);
		else
			cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
		break;
	case CYW43_E_DEAUTH:
	case CYW43_E_DEAUTH_IND:
	case CYW43_E_DISASSOC_IND:
		if (cy->conn == CYW43_CONN_ASSOC || cy->conn == CYW43_CONN_UP)
			cyw43_conn_lost(cy, (u16)ev->reason ?: WLAN_REASON_UNSPECIFIED,
					false);
		else if (cy->conn == CYW43_CONN_JOINING)
			cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
		break;
	case CYW43_E_LINK:
		if (ev->flags & CYW43_EVENT_FLAG_LINK)
			break;
		if (cy->conn == CYW43_CONN_ASSOC || cy->conn == CYW43_CONN_UP)
			cyw43_conn_lost(cy, WLAN_REASON_DISASSOC_DUE_TO_INACTIVITY,
					false);
		break;
	}
	mutex_unlock(&cy->conn_lock);
}

/**
 * cyw43_conn_timeout() - the firmware never finished the join
 * @work: &cyw43.conn_timeout
 *
 * Context: process context.
 */
void cyw43_conn_timeout(struct work_struct *work)
{
	struct cyw43 *cy = container_of(to_delayed_work(work), struct cyw43,
					conn_timeout);
	bool assoc;

	mutex_lock(&cy->conn_lock);
	if (cy->conn != CYW43_CONN_JOINING && cy->conn != CYW43_CONN_ASSOC) {
		mutex_unlock(&cy->conn_lock);
		return;
	}
	assoc = cy->conn == CYW43_CONN_ASSOC;
	netdev_info(cy->ndev, "connection attempt timed out\n");
	if (assoc)
		cyw43_conn_lost(cy, WLAN_REASON_4WAY_HANDSHAKE_TIMEOUT, true);
	else
		cyw43_conn_fail(cy, -1, NL80211_TIMEOUT_ASSOC);
	mutex_unlock(&cy->conn_lock);
	cyw43_ioctl(cy, CYW43_WLC_DISASSOC, true, NULL, 0, NULL);
}

/**
 * cyw43_cfg80211_connect() - cfg80211 connect: join with the firmware
 * @wiphy: the wiphy
 * @ndev: the station interface
 * @sme: SSID, optional BSSID, crypto settings and keys
 *
 * Open networks, WPA2-PSK with the PMK handed down (4-way handshake
 * offload) and WPA3-SAE with the password handed down (SAE offload).
 * The result comes from cyw43_conn_event().
 *
 * Context: process context, wiphy lock held.
 * Return: 0 if the join started, -EOPNOTSUPP for other security, -EBUSY
 * during another attempt, or the firmware's error.
 */
int cyw43_cfg80211_connect(struct wiphy *wiphy, struct net_device *ndev,
			   struct cfg80211_connect_params *sme)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	struct cyw43_sec sec;
	int ret;

	if (!cy->up)
		return -ENETDOWN;
	if (!sme->ssid_len || sme->ssid_len > IEEE80211_MAX_SSID_LEN)
		return -EINVAL;
	ret = cyw43_sec_map(sme, cy->feat, &sec);
	if (ret) {
		netdev_info(ndev, "security not supported by this firmware image or driver (AKM %08x, WPA versions %x, MFP %d, PMK %s, SAE password %s)\n",
			    sme->crypto.n_akm_suites ? sme->crypto.akm_suites[0] : 0,
			    sme->crypto.wpa_versions, sme->mfp,
			    sme->crypto.psk ? "yes" : "no",
			    sme->crypto.sae_pwd ? "yes" : "no");
		return ret;
	}
	mutex_lock(&cy->conn_lock);
	if (cy->conn != CYW43_CONN_IDLE) {
		mutex_unlock(&cy->conn_lock);
		return -EBUSY;
	}
	cy->conn = CYW43_CONN_JOINING;
	/* a host supplicant keys the link itself, after association */
	cy->conn_secure = sec.fwsup;
	cy->conn_keyed = false;
	memcpy(cy->conn_ssid, sme->ssid, sme->ssid_len);
	cy->conn_ssid_len = sme->ssid_len;
	if (sme->bssid)
		ether_addr_copy(cy->conn_bssid, sme->bssid);
	else
		eth_zero_addr(cy->conn_bssid);
	mutex_unlock(&cy->conn_lock);

	ret = cyw43_join(cy, sme, &sec);
	mutex_lock(&cy->conn_lock);
	if (ret && cy->conn == CYW43_CONN_JOINING)
		cy->conn = CYW43_CONN_IDLE;
	else if (!ret && cy->conn == CYW43_CONN_JOINING)
		schedule_delayed_work(&cy->conn_timeout,
				      msecs_to_jiffies(CYW43_CONNECT_TIMEOUT_MS));
	mutex_unlock(&cy->conn_lock);
	return ret;
}

/**
 * cyw43_cfg80211_disconnect() - cfg80211 disconnect
 * @wiphy: the wiphy
 * @ndev: the station interface
 * @reason: 802.11 reason code
 *
 * Context: process context, wiphy lock held.
 * Return: 0 or the firmware's error.
 */
int cyw43_cfg80211_disconnect(struct wiphy *wiphy, struct net_device *ndev,
			      u16 reason)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	int ret;

	ret = cyw43_ioctl(cy, CYW43_WLC_DISASSOC, true, NULL, 0, NULL);
	mutex_lock(&cy->conn_lock);
	if (cy->conn == CYW43_CONN_JOINING)
		cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
	else if (cy->conn != CYW43_CONN_IDLE)
		cyw43_conn_lost(cy, reason, true);
	cancel_delayed_work(&cy->conn_timeout);
	mutex_unlock(&cy->conn_lock);
	return ret;
}

/**
 * cyw43_conn_down() - the interface goes down: forget the connection
 * @cy: the device
 *
 * Context: process context.
 */
void cyw43_conn_down(struct cyw43 *cy)
{
	mutex_lock(&cy->conn_lock);
	if (cy->conn == CYW43_CONN_JOINING)
		cyw43_conn_fail(cy, WLAN_STATUS_UNSPECIFIED_FAILURE, 0);
	else if (cy->conn != CYW43_CONN_IDLE)
		cyw43_conn_lost(cy, WLAN_REASON_DEAUTH_LEAVING, true);
	mutex_unlock(&cy->conn_lock);
	cancel_delayed_work_sync(&cy->conn_timeout);
}

/**
 * cyw43_dead_work() - the firmware stopped answering: end the connection
 * @work: &cyw43.dead_work
 *
 * Nothing the firmware does can be trusted any more, so the link is
 * reported lost (locally generated) and the carrier dropped; queued frames
 * go when the stack sees the carrier off, later ones are dropped by the
 * service op. Only a new probe (unbind and bind, or a module reload) brings
 * the chip back.
 *
 * Context: process context; takes the RTNL so it never races unregister.
 */
void cyw43_dead_work(struct work_struct *work)
{
	struct cyw43 *cy = container_of(work, struct cyw43, dead_work);

	rtnl_lock();
	if (cy->ndev->reg_state == NETREG_REGISTERED) {
		netdev_err(cy->ndev,
			   "firmware stopped answering: link down; unbind and bind the device (or reload cyw43439) to restart it\n");
		ethbus_set_carrier(cy->eb, false);
		cyw43_conn_down(cy);
	}
	rtnl_unlock();
}

#ifdef CYW43_STATION_WDEV
static int cyw43_station(struct wiphy *wiphy, struct wireless_dev *wdev,
			 const u8 *mac, struct station_info *sinfo)
#else
static int cyw43_station(struct wiphy *wiphy, struct net_device *ndev,
			 const u8 *mac, struct station_info *sinfo)
#endif
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	struct rtnl_link_stats64 st;
	u32 rssi;
	int ret;

	if (READ_ONCE(cy->conn) != CYW43_CONN_UP ||
	    !ether_addr_equal(mac, cy->conn_bssid))
		return -ENOENT;
	ret = cyw43_get_u32(cy, CYW43_WLC_GET_RSSI, &rssi);
	if (ret)
		return ret;
	sinfo->filled |= BIT_ULL(NL80211_STA_INFO_SIGNAL);
	sinfo->signal = (s32)rssi;
	/* 802.11n single stream, 20 MHz: MCS 7 at most (65 Mb/s) */
	sinfo->filled |= BIT_ULL(NL80211_STA_INFO_TX_BITRATE);
	sinfo->txrate.flags = RATE_INFO_FLAGS_MCS;
	sinfo->txrate.mcs = 7;
	sinfo->txrate.bw = RATE_INFO_BW_20;
	ethbus_get_stats64(cy->ndev, &st);
	sinfo->filled |= BIT_ULL(NL80211_STA_INFO_RX_PACKETS) |
			 BIT_ULL(NL80211_STA_INFO_TX_PACKETS) |
			 BIT_ULL(NL80211_STA_INFO_RX_BYTES64) |
			 BIT_ULL(NL80211_STA_INFO_TX_BYTES64) |
			 BIT_ULL(NL80211_STA_INFO_TX_FAILED);
	sinfo->rx_packets = st.rx_packets;
	sinfo->tx_packets = st.tx_packets;
	sinfo->rx_bytes = st.rx_bytes;
	sinfo->tx_bytes = st.tx_bytes;
	sinfo->tx_failed = st.tx_errors;
	return 0;
}

#ifdef CYW43_STATION_WDEV
static int cyw43_dump_station(struct wiphy *wiphy, struct wireless_dev *wdev,
			      int idx, u8 *mac, struct station_info *sinfo)
#else
static int cyw43_dump_station(struct wiphy *wiphy, struct net_device *wdev,
			      int idx, u8 *mac, struct station_info *sinfo)
#endif
{
	struct cyw43 *cy = wiphy_priv(wiphy);

	if (idx)
		return -ENOENT;
	ether_addr_copy(mac, cy->conn_bssid);
	return cyw43_station(wiphy, wdev, mac, sinfo);
}

/* §8.1, §8.2: PM2 with a 200 ms return-to-sleep, or PM off */
#define CYW43_WLC_SET_PM	86
#define CYW43_PM_OFF		0
#define CYW43_PM_FAST		2

static int cyw43_set_power_mgmt(struct wiphy *wiphy, struct net_device *ndev,
				bool enabled, int timeout)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	int ret;

	if (enabled) {
		ret = cyw43_iovar_set_u32(cy, "pm2_sleep_ret",
					  timeout > 0 ? clamp(timeout, 10, 2000) :
					  200);
		if (ret)
			return ret;
	}
	return cyw43_set_u32(cy, CYW43_WLC_SET_PM,
			     enabled ? CYW43_PM_FAST : CYW43_PM_OFF);
}

const struct cfg80211_ops cyw43_cfg80211_ops = {
	.add_key = cyw43_add_key,
	.del_key = cyw43_del_key,
	.set_default_key = cyw43_set_default_key,
	.set_default_mgmt_key = cyw43_set_default_mgmt_key,
	.scan = cyw43_cfg80211_scan,
	.abort_scan = cyw43_cfg80211_abort_scan,
	.connect = cyw43_cfg80211_connect,
	.disconnect = cyw43_cfg80211_disconnect,
	.get_station = cyw43_station,
	.dump_station = cyw43_dump_station,
	.set_power_mgmt = cyw43_set_power_mgmt,
};
