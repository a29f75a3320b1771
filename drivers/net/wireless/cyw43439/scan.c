// SPDX-License-Identifier: GPL-2.0
/* cyw43439: cfg80211 scan through the firmware's escan (§9.1, §9.2). */

#include <linux/ieee80211.h>

#include "cyw43.h"

/* A scan of all 2.4 GHz channels takes well under this */
#define CYW43_SCAN_TIMEOUT_MS	10000

/**
 * cyw43_scan_end() - report the scan in progress as finished
 * @cy: the device
 * @aborted: the scan did not complete
 *
 * Context: process context.
 */
void cyw43_scan_end(struct cyw43 *cy, bool aborted)
{
	struct cfg80211_scan_info info = { .aborted = aborted };
	struct cfg80211_scan_request *req;

	spin_lock_bh(&cy->scan_lock);
	req = cy->scan_req;
	cy->scan_req = NULL;
	spin_unlock_bh(&cy->scan_lock);
	if (!req)
		return;
	cancel_delayed_work(&cy->scan_timeout);
	cfg80211_scan_done(req, &info);
}

/**
 * cyw43_scan_inform_bss() - add or refresh a BSS in cfg80211's table
 * @cy: the device
 * @bss: a validated BSS from the firmware
 *
 * Context: process context.
 * Return: cfg80211's entry, with a reference the caller must put, or
 * NULL when the channel is not one of ours.
 */
struct cfg80211_bss *cyw43_scan_inform_bss(struct cyw43 *cy,
					   const struct cyw43_bss *bss)
{
	struct ieee80211_channel *chan;
	int freq;

	if (bss->band_5g)
		return NULL;
	freq = ieee80211_channel_to_frequency(bss->channel, NL80211_BAND_2GHZ);
	chan = ieee80211_get_channel(cy->wiphy, freq);
	if (!chan || chan->flags & IEEE80211_CHAN_DISABLED) {
		cy->cnt.event_bad++;
		return NULL;
	}
	return cfg80211_inform_bss(cy->wiphy, chan, CFG80211_BSS_FTYPE_UNKNOWN,
				   bss->bssid, 0, bss->capability,
				   bss->beacon_period, bss->ies, bss->ies_len,
				   (s32)bss->rssi * 100, GFP_KERNEL);
}

/**
 * cyw43_scan_event() - an ESCAN_RESULT event (§9.2)
 * @cy: the device
 * @ev: the validated event
 *
 * PARTIAL carries a BSS; any other status ends the scan: SUCCESS as
 * complete, the rest (ABORT, NEWSCAN, NEWASSOC...) as aborted. Results of
 * another scan (sync id) are ignored.
 *
 * Context: process context (event work).
 */
void cyw43_scan_event(struct cyw43 *cy, const struct cyw43_event *ev)
{
	struct cyw43_bss bss;
	u16 sync;
	int n;

	n = cyw43_escan_parse(ev->data, ev->datalen, &sync, &bss);
	if (n < 0 && ev->status == CYW43_E_STATUS_PARTIAL) {
		cy->cnt.event_bad++;
		return;
	}
	spin_lock_bh(&cy->scan_lock);
	if (!cy->scan_req || (n >= 0 && sync != cy->scan_sync)) {
		spin_unlock_bh(&cy->scan_lock);
		return;
	}
	spin_unlock_bh(&cy->scan_lock);
	if (ev->status == CYW43_E_STATUS_PARTIAL) {
		if (n > 0)
			cfg80211_put_bss(cy->wiphy,
					 cyw43_scan_inform_bss(cy, &bss));
		return;
	}
	cyw43_scan_end(cy, ev->status != CYW43_E_STATUS_SUCCESS);
}

/**
 * cyw43_scan_timeout() - the firmware never ended the scan
 * @work: &cyw43.scan_timeout
 *
 * Context: process context.
 */
void cyw43_scan_timeout(struct work_struct *work)
{
	struct cyw43 *cy = container_of(to_delayed_work(work), struct cyw43,
					scan_timeout);
	u8 p[CYW43_ESCAN_PARAMS_LEN];

	dev_warn(cy->dev, "scan did not finish in %u ms, aborting it\n",
		 CYW43_SCAN_TIMEOUT_MS);
	cyw43_escan_abort_build(p, cy->scan_sync);
	cyw43_iovar_set(cy, "escan", p, sizeof(p));
	cyw43_scan_end(cy, true);
}

/**
 * cyw43_cfg80211_scan() - cfg80211 scan: start an escan
 * @wiphy: the wiphy
 * @req: what to scan
 *
 * Context: process context, wiphy lock held.
 * Return: 0, -ENETDOWN while the interface is down, -EBUSY while a scan
 * runs, or the firmware's error.
 */
int cyw43_cfg80211_scan(struct wiphy *wiphy, struct cfg80211_scan_request *req)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	const u8 *ssid = NULL;
	u8 ssid_len = 0;
	u16 chans[14];
	unsigned int i, n = 0;
	u8 *p;
	int len, ret;

	if (!cy->up)
		return -ENETDOWN;
	if (req->n_ssids && req->ssids[0].ssid_len) {
		ssid = req->ssids[0].ssid;
		ssid_len = req->ssids[0].ssid_len;
	}
	for (i = 0; i < req->n_channels && n < ARRAY_SIZE(chans); i++)
		if (req->channels[i]->band == NL80211_BAND_2GHZ)
			chans[n++] = cyw43_chanspec_2g(req->channels[i]->hw_value);
	p = kzalloc(CYW43_ESCAN_PARAMS_LEN + sizeof(chans), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock_bh(&cy->scan_lock);
	if (cy->scan_req) {
		spin_unlock_bh(&cy->scan_lock);
		kfree(p);
		return -EBUSY;
	}
	cy->scan_req = req;
	cy->scan_sync++;
	len = cyw43_escan_build(p, cy->scan_sync, ssid, ssid_len, chans, n,
				!req->n_ssids);
	spin_unlock_bh(&cy->scan_lock);
	schedule_delayed_work(&cy->scan_timeout,
			      msecs_to_jiffies(CYW43_SCAN_TIMEOUT_MS));
	ret = len < 0 ? len : cyw43_iovar_set(cy, "escan", p, len);
	kfree(p);
	if (ret) {
		spin_lock_bh(&cy->scan_lock);
		if (cy->scan_req == req)
			cy->scan_req = NULL;
		spin_unlock_bh(&cy->scan_lock);
		cancel_delayed_work_sync(&cy->scan_timeout);
	}
	return ret;
}

/**
 * cyw43_cfg80211_abort_scan() - cfg80211 abort_scan
 * @wiphy: the wiphy
 * @wdev: the interface
 *
 * The firmware answers with ESCAN_RESULT ABORT, which ends the scan.
 *
 * Context: process context, wiphy lock held.
 */
void cyw43_cfg80211_abort_scan(struct wiphy *wiphy, struct wireless_dev *wdev)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	u8 p[CYW43_ESCAN_PARAMS_LEN];

	if (!cy->scan_req)
		return;
	cyw43_escan_abort_build(p, cy->scan_sync);
	if (cyw43_iovar_set(cy, "escan", p, sizeof(p)))
		cyw43_scan_end(cy, true);
}
