// SPDX-License-Identifier: GPL-2.0
/* cyw43439: what the firmware image can do: the "cap" words, read once. */

#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "cyw43.h"

/*
 * The capability words each feature is known by. Real images list them
 * in "cap" and, joined by '-', in the build name of their version string
 * (7.95.61 Pico W / RM2: "...-idsup-idauth-...-mfp-sae-...", 7.95.75
 * Raspberry Pi OS: "...-mfp-extsae-dpp-..."). brcmfmac's feature.c
 * matches "sae" and "idauth" the same way; a word is matched whole, so
 * "extsae" is not "sae".
 */
static const char *const cyw43_feat_words[CYW43_FEAT_NUM] = {
	[CYW43_FEAT_IDSUP] = "idsup",
	[CYW43_FEAT_IDAUTH] = "idauth",
	[CYW43_FEAT_SAE] = "sae",
	[CYW43_FEAT_EXTSAE] = "extsae",
	[CYW43_FEAT_MFP] = "mfp",
};

/**
 * cyw43_feat_name() - the capability word of a feature
 * @f: the feature
 *
 * Return: its name, or "?" for a value out of range.
 */
const char *cyw43_feat_name(enum cyw43_feat f)
{
	return (unsigned int)f < CYW43_FEAT_NUM ? cyw43_feat_words[f] : "?";
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_feat_name);

static void cyw43_feat_word(const char *w, size_t n, unsigned long *feat)
{
	unsigned int i;

	for (i = 0; i < CYW43_FEAT_NUM; i++)
		if (strlen(cyw43_feat_words[i]) == n &&
		    !memcmp(w, cyw43_feat_words[i], n))
			*feat |= BIT(i);
}

/* ASCII only: the kernel's ctype takes bytes above 0x7f as Latin-1 */
static bool cyw43_cap_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool cyw43_cap_printable(char c)
{
	return c > ' ' && c <= '~';
}

/**
 * cyw43_feat_parse() - turn a "cap" answer into a feature set
 * @cap: the answer: words separated by blanks, NUL-terminated
 * @len: bytes at @cap
 * @feat: out: BIT(CYW43_FEAT_*) of every word found
 *
 * Nothing past @len or past the first NUL is read. A word holding a byte
 * that is neither printable ASCII nor blank is skipped. An answer with no
 * NUL in its @len bytes was cut short: its last word may be the start of
 * a longer one and is skipped too. What is skipped is never advertised,
 * which is the safe side.
 *
 * Return: 0; -EMSGSIZE for an answer cut short, else -EPROTO when a word
 * was skipped for its bytes (@feat holds what could be read either way).
 */
int cyw43_feat_parse(const char *cap, size_t len, unsigned long *feat)
{
	size_t end = strnlen(cap, len), i = 0, start;
	bool bad, junk = false;

	*feat = 0;
	while (i < end) {
		while (i < end && cyw43_cap_blank(cap[i]))
			i++;
		start = i;
		bad = false;
		while (i < end && !cyw43_cap_blank(cap[i])) {
			if (!cyw43_cap_printable(cap[i]))
				bad = true;
			i++;
		}
		if (i == start || (i == end && end == len))
			break;	/* the end, or a last word that may be cut */
		if (bad)
			junk = true;
		else
			cyw43_feat_word(cap + start, i - start, feat);
	}
	if (end == len)
		return -EMSGSIZE;
	return junk ? -EPROTO : 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_feat_parse);

/**
 * cyw43_feat_read() - ask the firmware what it can do, log it once
 * @cy: the device, firmware initialised
 *
 * An image that does not answer "cap" is taken to have none of the
 * features: the driver then offers what every image does (open networks,
 * the host's supplicant).
 *
 * Context: process context.
 * Return: 0, or -ENOMEM.
 */
int cyw43_feat_read(struct cyw43 *cy)
{
	char *cap, list[64] = "";
	unsigned int i, n = 0;
	int ret;

	cap = kzalloc(CYW43_CAP_LEN, GFP_KERNEL);
	if (!cap)
		return -ENOMEM;
	ret = cyw43_iovar_get(cy, "cap", cap, CYW43_CAP_LEN);
	if (!ret)
		ret = cyw43_feat_parse(cap, CYW43_CAP_LEN, &cy->feat);
	else
		cy->feat = 0;
	kfree(cap);
	if (ret)
		dev_warn(cy->dev, "firmware capabilities unreadable (%d); using what is certain\n",
			 ret);
	for (i = 0; i < CYW43_FEAT_NUM; i++)
		if (cy->feat & BIT(i))
			n += scnprintf(list + n, sizeof(list) - n, "%s%s",
				       n ? " " : "", cyw43_feat_words[i]);
	dev_info(cy->dev, "firmware features: %s (%s supplicant)\n",
		 list[0] ? list : "none",
		 cyw43_feat(cy, CYW43_FEAT_IDSUP) ? "on-chip" : "host");
	return 0;
}
