// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: clocks, sleep/KSO, and the firmware boot checks. */

#include <linux/bitmap.h>
#include <linux/crc32.h>
#include <linux/ctype.h>
#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "netdrv_compat.h"
#include "cywsim.h"

/* The NVRAM key the firmware needs to bring up HT and F2 (§5.2 step 11) */
#define CYWSIM_NVRAM_XTAL	"xtalfreq=37400"

static u32 cywsim_crc32(const u8 *p, u32 len)
{
	return crc32_le(~0, p, len) ^ ~0;	/* zlib/IEEE CRC-32 */
}

static bool cywsim_alp_avail(struct cywsim_chip *chip)
{
	u64 ns = (u64)READ_ONCE(chip->k.alp_delay_us) * NSEC_PER_USEC;

	if (chip->fw == CYWSIM_FW_RUNNING && !chip->asleep)
		return true;
	return chip->alp_req && cywsim_elapsed(chip->alp_req_at, ns);
}

static bool cywsim_ht_avail(struct cywsim_chip *chip)
{
	u64 ns = (u64)READ_ONCE(chip->k.ht_delay_ms) * NSEC_PER_MSEC;

	if (chip->asleep)
		return false;
	if (chip->fw != CYWSIM_FW_BOOTING && chip->fw != CYWSIM_FW_RUNNING)
		return false;
	return cywsim_elapsed(chip->boot_at, ns);
}

/**
 * cywsim_csr_read() - CHIP_CLOCK_CSR (§4.3)
 * @chip: the chip
 *
 * ALP_AVAIL follows an ALP/HT request after alp_delay_us; HT is only
 * available once the firmware runs, ht_delay_ms after the ARM release.
 *
 * Return: the register value.
 */
u8 cywsim_csr_read(struct cywsim_chip *chip)
{
	u8 v = chip->csr & CYWSIM_CSR_WRITABLE;

	if (cywsim_alp_avail(chip))
		v |= CYWSIM_CSR_ALP_AVAIL;
	if (cywsim_ht_avail(chip))
		v |= CYWSIM_CSR_HT_AVAIL;
	return v;
}

/**
 * cywsim_csr_write() - host writes CHIP_CLOCK_CSR
 * @chip: the chip
 * @val: value
 */
void cywsim_csr_write(struct cywsim_chip *chip, u8 val)
{
	bool req = val & (CYWSIM_CSR_ALP_REQ | CYWSIM_CSR_FORCE_ALP |
			  CYWSIM_CSR_HT_REQ | CYWSIM_CSR_FORCE_HT);

	chip->csr = val & CYWSIM_CSR_WRITABLE;
	if (req && !chip->alp_req)
		chip->alp_req_at = ktime_get();
	chip->alp_req = req;
}

/**
 * cywsim_sleep_write() - host writes SLEEP_CSR (§4.4, §10 #22)
 * @chip: the chip
 * @val: value
 *
 * Clearing KSO while the firmware runs puts the chip to sleep. While it
 * sleeps the first KSO write is lost; the next one wakes it and DEVON
 * rises kso_wake_us later.
 */
void cywsim_sleep_write(struct cywsim_chip *chip, u8 val)
{
	u64 ns = (u64)READ_ONCE(chip->k.kso_wake_us) * NSEC_PER_USEC;

	if (chip->asleep) {
		if (!(val & CYWSIM_SLEEP_KSO) || chip->waking)
			return;
		if (!chip->sleep_csr) {
			/* first write after sleep only wakes the SDIO core */
			chip->sleep_csr = CYWSIM_SLEEP_KSO;
			cywsim_count(chip, CYWSIM_C_KSO_LOST);
			return;
		}
		chip->waking = true;
		chip->wake_at = ktime_add_ns(ktime_get(), ns);
		return;
	}
	chip->sleep_csr = val & CYWSIM_SLEEP_KSO;
	if (!chip->sleep_csr && chip->fw == CYWSIM_FW_RUNNING) {
		chip->asleep = true;
		chip->waking = false;
	}
}

/**
 * cywsim_fw_running() - the firmware is up and F2 works
 * @chip: the chip
 *
 * Return: true once F2_RX_READY has been raised after a good boot.
 */
bool cywsim_fw_running(struct cywsim_chip *chip)
{
	return chip->fw == CYWSIM_FW_RUNNING;
}

static void cywsim_fw_dead(struct cywsim_chip *chip, const char *why)
{
	chip->fw = CYWSIM_FW_DEAD;
	cywsim_console(chip, "boot failed: %s", why);
}

/* Contiguous bytes written by the host from RAM address 0 */
static u32 cywsim_image_extent(struct cywsim_chip *chip)
{
	u32 end = find_first_zero_bit(chip->ram_written, CYWSIM_RAM_SIZE);
	u32 n = end;

	/* hosts pad the last chunk with zeros (to 4 or to 64 bytes) */
	while (n && end - n < 64 && !chip->ram[n - 1])
		n--;
	return n;
}

static const char *const cywsim_feat_names[CYWSIM_FEAT_NUM] = {
	[CYWSIM_FEAT_IDSUP] = "idsup",
	[CYWSIM_FEAT_IDAUTH] = "idauth",
	[CYWSIM_FEAT_SAE] = "sae",
	[CYWSIM_FEAT_EXTSAE] = "extsae",
	[CYWSIM_FEAT_MFP] = "mfp",
};

/**
 * cywsim_feat_name() - the word an image's build name uses for a feature
 * @f: the feature
 *
 * Return: the word.
 */
const char *cywsim_feat_name(enum cywsim_feat f)
{
	return cywsim_feat_names[f];
}

/**
 * cywsim_build_features() - the features an image's build name lists
 * @build: "43439a0-roml/sdio-g-pool-p2p-idsup-...": chip, then '/', then
 *	the build's words joined by '-'
 *
 * Return: BIT(CYWSIM_FEAT_*) of each word found whole.
 */
u32 cywsim_build_features(const char *build)
{
	const char *w = strchr(build, '/'), *end;
	u32 feat = 0;
	size_t n;
	int i;

	if (!w)
		return 0;
	for (w++; *w; w = *end ? end + 1 : end) {
		end = strchrnul(w, '-');
		n = end - w;
		for (i = 0; i < CYWSIM_FEAT_NUM; i++)
			if (strlen(cywsim_feat_names[i]) == n &&
			    !strncmp(w, cywsim_feat_names[i], n))
				feat |= BIT(i);
	}
	return feat;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_build_features);

/*
 * The version string of a real image: "<build> Version: 7.95.75 (...)
 * CRC: ... FWID 01-..." (issue 10 quotes both images). Older synthetic
 * images carry "Version: ..." alone and keep the behaviour the model
 * always had (on-chip supplicant and SAE).
 */
static const char *cywsim_take_version(struct cywsim_chip *chip,
				       const char *s, u32 n)
{
	const char *v = strnstr(s, "Version: ", n);
	u32 blen;

	if (!v)
		return "no version string in the trailer";
	blen = v - s;
	if (blen >= sizeof(chip->fw_build))
		return "image build name too long";
	memcpy(chip->fw_build, s, blen);
	chip->fw_build[blen] = '\0';
	strim(chip->fw_build);
	chip->fw_feat = chip->fw_build[0] ?
			cywsim_build_features(chip->fw_build) :
			CYWSIM_FEAT_LEGACY;
	strscpy(chip->fw_version, v + 9,
		min_t(u32, n - blen - 9, sizeof(chip->fw_version)));
	return NULL;
}

/*
 * §5.1: the image ends with a 16-byte DVID trailer preceded by a 2-byte
 * little-endian trailer length and a NUL; "Version: ..." lives in the
 * trailer region. The synthetic trailer carries the image CRC and length.
 */
static const char *cywsim_check_image(struct cywsim_chip *chip)
{
	u32 n = cywsim_image_extent(chip), tlen, sp, pc;
	const u8 *ram = chip->ram, *tr;
	const char *ver;

	if (n < 64)
		return "no firmware image at RAM address 0";
	if (n > CYWSIM_SHARED_ADDR)
		return "firmware image too large";
	tr = ram + n - CYWSIM_FW_TRAILER_LEN;
	if (memcmp(tr, CYWSIM_FW_MAGIC, 4) ||
	    memcmp(tr + 12, CYWSIM_FW_SIM_MAGIC, 4))
		return "no DVID trailer at the end of the image";
	if (cywsim_le32(tr + 8) != n)
		return "image length does not match its trailer";
	if (cywsim_le32(tr + 4) != cywsim_crc32(ram, n - 16))
		return "image CRC mismatch (corrupt download)";
	tlen = cywsim_le16(tr - 2);
	if (!tlen || tlen > CYWSIM_FW_VER_MAX || tlen + 18 > n || tr[-3])
		return "bad trailer length";
	ver = (const char *)tr - 2 - tlen;
	sp = cywsim_le32(ram);
	pc = cywsim_le32(ram + 4);
	if (!sp || sp > CYWSIM_RAM_SIZE || !(pc & 1) || pc >= n)
		return "no Cortex-M3 vector table at address 0";
	chip->fw_len = n;
	return cywsim_take_version(chip, ver, tlen);
}

static bool cywsim_ram_range_written(struct cywsim_chip *chip, u32 a, u32 n)
{
	return find_next_zero_bit(chip->ram_written, a + n, a) >= a + n;
}

static int cywsim_nvram_entry(const char *e, u32 room)
{
	u32 i, eq = 0;

	for (i = 0; i < room && e[i]; i++) {
		if (!isprint(e[i]))
			return -EINVAL;
		if (e[i] == '=' && !eq)
			eq = i;
	}
	if (i == room || !eq)
		return -EINVAL;	/* unterminated, or no "key=" */
	return i + 1;
}

static void cywsim_nvram_macaddr(struct cywsim_chip *chip, const char *e)
{
	u8 mac[ETH_ALEN];

	if (strncmp(e, "macaddr=", 8) || !mac_pton(e + 8, mac) ||
	    !is_valid_ether_addr(mac))
		return;
	ether_addr_copy(chip->mac, mac);
}

/*
 * §5.2 steps 5-6: NUL-separated "key=value" entries, an empty entry,
 * zero padding, ending at RAM_SIZE - 4, and the token
 * (~words << 16) | words at RAM_SIZE - 4.
 */
static const char *cywsim_check_nvram(struct cywsim_chip *chip, bool *xtal)
{
	u32 token, words, len, a, i;
	const char *p;
	int n;

	if (!cywsim_ram_range_written(chip, CYWSIM_NVRAM_TOKEN_ADDR, 4))
		return "no NVRAM length token";
	token = cywsim_ram_read32(chip, CYWSIM_NVRAM_TOKEN_ADDR);
	words = token & 0xffff;
	if ((token >> 16) != (~words & 0xffff))
		return "NVRAM token halves are not complements";
	len = words * 4;
	if (!len || len > CYWSIM_NVRAM_TOKEN_ADDR - chip->fw_len)
		return "NVRAM length out of range";
	a = CYWSIM_NVRAM_TOKEN_ADDR - len;
	if (!cywsim_ram_range_written(chip, a, len))
		return "NVRAM area not written";
	p = (const char *)chip->ram + a;
	for (i = 0; i < len && p[i]; i += n) {
		n = cywsim_nvram_entry(p + i, len - i);
		if (n < 0)
			return "malformed NVRAM entry (comment or no '=')";
		if (!strcmp(p + i, CYWSIM_NVRAM_XTAL))
			*xtal = true;
		cywsim_nvram_macaddr(chip, p + i);
	}
	if (i == 0 || i >= len)
		return "NVRAM empty or not terminated by an empty entry";
	for (; i < len; i++)
		if (p[i])
			return "NVRAM padding is not zero";
	chip->nvram_addr = a;
	chip->nvram_len = len;
	return NULL;
}

static bool cywsim_sram3_ok(struct cywsim_chip *chip)
{
	if (chip->bankpda_written[3] && !chip->bankpda[3])
		return true;
	cywsim_console(chip, "warning: SRAM_3 remap not disabled (§5.2 step 3)");
	return !READ_ONCE(chip->k.strict_sram3);
}

/**
 * cywsim_boot_arm() - the host released the ARM core (§5.2 step 7)
 * @chip: the chip
 *
 * Checks the downloaded image and NVRAM (Appendix A item 5). A bad image
 * or token means the firmware never comes up, as on hardware; a wrong
 * crystal frequency in NVRAM lets it start but never raise HT or F2.
 */
void cywsim_boot_arm(struct cywsim_chip *chip)
{
	bool xtal = false;
	const char *why;

	chip->boot_at = ktime_get();
	eth_zero_addr(chip->mac);
	if (!cywsim_core_up(&chip->wrap_ram)) {
		cywsim_fw_dead(chip, "SOCSRAM core is not up");
		return;
	}
	if (!cywsim_sram3_ok(chip)) {
		cywsim_fw_dead(chip, "SRAM_3 remap still enabled");
		return;
	}
	why = cywsim_check_image(chip);
	if (!why)
		why = cywsim_check_nvram(chip, &xtal);
	if (why) {
		cywsim_fw_dead(chip, why);
		return;
	}
	if (!xtal) {
		cywsim_fw_dead(chip, "NVRAM " CYWSIM_NVRAM_XTAL " missing");
		return;
	}
	if (!is_valid_ether_addr(chip->mac)) {
		/* no macaddr in NVRAM: a fixed locally administered one */
		chip->mac[0] = 0x02;
		chip->mac[3] = 0x43;
		chip->mac[4] = 0x94;
		chip->mac[5] = chip->cfg.id;
	}
	chip->fw = CYWSIM_FW_BOOTING;
	cywsim_console(chip, "ARM started: image %u bytes, NVRAM %u bytes",
		       chip->fw_len, chip->nvram_len);
}

/* §5.4: shared block pointer, console descriptor; Appendix A item 5 */
static void cywsim_fw_publish_shared(struct cywsim_chip *chip)
{
	u32 i;

	for (i = 0; i < 32; i += 4)
		cywsim_ram_write32(chip, CYWSIM_SHARED_ADDR + i, 0);
	cywsim_ram_write32(chip, CYWSIM_SHARED_ADDR + 20, CYWSIM_CONSOLE_ADDR);
	cywsim_ram_write32(chip, CYWSIM_CONSOLE_ADDR + 8, CYWSIM_CONSOLE_BUF);
	cywsim_ram_write32(chip, CYWSIM_CONSOLE_ADDR + 12,
			   CYWSIM_CONSOLE_SIZE);
	cywsim_ram_write32(chip, CYWSIM_CONSOLE_ADDR + 16, 0);
	cywsim_ram_write32(chip, CYWSIM_CONSOLE_ADDR + 20, 0);
	memset(chip->ram + CYWSIM_CONSOLE_BUF, 0, CYWSIM_CONSOLE_SIZE);
	cywsim_ram_write32(chip, CYWSIM_SHARED_PTR_ADDR, CYWSIM_SHARED_ADDR);
	cywsim_ram_write32(chip, CYWSIM_NVRAM_TOKEN_ADDR, CYWSIM_SHARED_ADDR);
	chip->console_idx = 0;
	memset(chip->console, 0, sizeof(chip->console));
	chip->console_ram = true;
}

static void cywsim_fw_up(struct cywsim_chip *chip)
{
	char feat[48] = "";
	u32 i, n = 0;

	chip->fw = CYWSIM_FW_RUNNING;
	cywsim_fw_publish_shared(chip);
	/* §10 #10: a DATA_UNAVAILABLE shows up once at boot */
	cywsim_int_raise(chip, CYWSIM_INT_DATA_UNAVAIL);

	for (i = 0; i < CYWSIM_FEAT_NUM; i++)
		if (cywsim_has(chip, i))
			n += scnprintf(feat + n, sizeof(feat) - n, " %s",
				       cywsim_feat_names[i]);
	cywsim_console(chip, "cywsim firmware %s up, MAC %pM, features:%s",
		       chip->fw_version, chip->mac, n ? feat : " none");
}

/**
 * cywsim_boot_advance() - apply clock, wake and boot delays
 * @chip: the chip
 */
void cywsim_boot_advance(struct cywsim_chip *chip)
{
	u64 f2_ns = (u64)READ_ONCE(chip->k.f2_ready_delay_ms) * NSEC_PER_MSEC;

	if (!chip->alp_ready && cywsim_alp_avail(chip))
		chip->alp_ready = true;
	if (chip->waking && ktime_after(ktime_get(), chip->wake_at)) {
		chip->asleep = false;
		chip->waking = false;
		chip->sleep_csr = CYWSIM_SLEEP_KSO;
	}
	if (chip->fw == CYWSIM_FW_BOOTING && !READ_ONCE(chip->f.f2_never_ready) &&
	    cywsim_elapsed(chip->boot_at, f2_ns))
		cywsim_fw_up(chip);
}

/**
 * cywsim_clm_verify() - check a downloaded CLM blob (synthetic format)
 * @blob: the blob
 * @len: its length
 *
 * Return: 0 when the footer magic, length and CRC match, else -EINVAL.
 */
int cywsim_clm_verify(const u8 *blob, u32 len)
{
	const u8 *ft;

	if (len < CYWSIM_CLM_FOOTER)
		return -EINVAL;
	ft = blob + len - CYWSIM_CLM_FOOTER;
	if (memcmp(ft, CYWSIM_CLM_MAGIC, 4) || cywsim_le32(ft + 4) != len ||
	    cywsim_le32(ft + 8) != cywsim_crc32(blob, len - CYWSIM_CLM_FOOTER))
		return -EINVAL;
	return 0;
}
