// SPDX-License-Identifier: GPL-2.0
/* cyw43439: firmware, NVRAM and CLM files; download, boot and CLM load (§5). */

#include <linux/delay.h>
#include <linux/firmware.h>
#include <linux/module.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "cyw43.h"

/* §5.1: the Linux names of the same chip's files */
#define CYW43_FW_IMAGE	"brcm/brcmfmac43439-sdio.bin"
#define CYW43_FW_CLM	"brcm/brcmfmac43439-sdio.clm_blob"
#define CYW43_FW_NVRAM	"brcm/brcmfmac43439-sdio.txt"

static char *fw_image = "";
module_param(fw_image, charp, 0444);
MODULE_PARM_DESC(fw_image, "firmware image file (default " CYW43_FW_IMAGE ")");
static char *fw_clm = "";
module_param(fw_clm, charp, 0444);
MODULE_PARM_DESC(fw_clm, "CLM blob file (default " CYW43_FW_CLM ")");
static char *fw_nvram = "";
module_param(fw_nvram, charp, 0444);
MODULE_PARM_DESC(fw_nvram, "NVRAM text file (default " CYW43_FW_NVRAM ")");

#define CYW43_HT_MS		1000	/* §5.2 step 8 */
#define CYW43_F2_READY_MS	1000	/* §5.2 step 11 */
#define CYW43_CLM_CHUNK		1024	/* §5.3 */
#define CYW43_NVRAM_MAX		4096
#define CYW43_SOCSRAM_BANKIDX	(CYW43_SOCSRAM_BASE + 0x10)
#define CYW43_SOCSRAM_BANKPDA	(CYW43_SOCSRAM_BASE + 0x44)
#define CYW43_F2_WATERMARK	32
#define CYW43_HOSTINT_SW	0xf0

enum cyw43_fw_file { CYW43_FILE_IMAGE, CYW43_FILE_CLM, CYW43_FILE_NVRAM };

/* Module parameter, then the device's firmware-name entry, then default */
static const char *cyw43_fw_name(struct cyw43 *cy, enum cyw43_fw_file f)
{
	static const char * const defaults[] = {
		CYW43_FW_IMAGE, CYW43_FW_CLM, CYW43_FW_NVRAM,
	};
	const char * const param[] = { fw_image, fw_clm, fw_nvram };
	const char *names[3] = {};
	int n;

	if (param[f] && *param[f])
		return param[f];
	n = device_property_read_string_array(cy->dev, "firmware-name",
					      names, ARRAY_SIZE(names));
	if (n > (int)f && names[f] && *names[f])
		return names[f];
	return defaults[f];
}

static int cyw43_request(struct cyw43 *cy, enum cyw43_fw_file f,
			 const struct firmware **fw)
{
	const char *name = cyw43_fw_name(cy, f);
	int ret;

	ret = request_firmware(fw, name, cy->dev);
	if (ret)
		dev_err(cy->dev, "firmware file %s: cannot load (%d)\n", name,
			ret);
	return ret;
}

static int cyw43_poll_status(struct cyw43 *cy, u32 bit, unsigned int ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	do {
		u32 st = cyw43_read32(cy, CYW43_F0, CYW43_F0_STATUS);

		if (st != U32_MAX && (st & bit))
			return 0;
		usleep_range(1000, 1500);
	} while (time_before(jiffies, end));
	return -ETIMEDOUT;
}

/* §5.2 steps 5 and 6: NVRAM below the end of RAM, then its length token */
static int cyw43_nvram_download(struct cyw43 *cy, const struct firmware *nv,
				size_t fw_len)
{
	u32 addr, token;
	ssize_t len;
	u8 *buf;
	int ret;

	buf = kzalloc(CYW43_NVRAM_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	len = cyw43_nvram_convert(nv->data, nv->size, buf, CYW43_NVRAM_MAX);
	if (len < 0) {
		dev_err(cy->dev, "NVRAM file %s is malformed (%zd)\n",
			cyw43_fw_name(cy, CYW43_FILE_NVRAM), len);
		ret = -EINVAL;
		goto free;
	}
	addr = CYW43_RAM_SIZE - 4 - len;
	if (addr < fw_len) {
		dev_err(cy->dev, "NVRAM does not fit after the image\n");
		ret = -EFBIG;
		goto free;
	}
	ret = cyw43_bp_write(cy, addr, buf, len);
	if (ret)
		goto free;
	token = cyw43_nvram_token(len);
	ret = cyw43_bp_write32(cy, CYW43_RAM_SIZE - 4, token);
	if (ret)
		goto free;
	/* §10 #15: a lost write here means F2 never comes up; check it */
	if (cyw43_bp_read32(cy, CYW43_RAM_SIZE - 4) != token) {
		dev_err(cy->dev, "NVRAM length token did not read back\n");
		ret = -EIO;
	}
free:
	kfree(buf);
	return ret;
}

/**
 * cyw43_fw_boot() - download firmware and NVRAM, start the ARM, wait for F2
 * @cy: the device, bus in 32-bit mode
 *
 * §4.3, §5.2: ALP, chip id, cores in reset, SRAM_3 remap off, image at 0,
 * NVRAM and token at the end of RAM, ARM out of reset, HT, host interrupt
 * mask, F2 watermark, F2 ready, then an HT request held for operation.
 *
 * Context: process context (the bus context); sleeps.
 * Return: 0 or a negative errno, with the reason logged.
 */
int cyw43_fw_boot(struct cyw43 *cy)
{
	const struct firmware *img, *nv;
	u32 id;
	int ret;

	ret = cyw43_clock_wait(cy, CYW43_CLK_ALP_REQ, CYW43_CLK_ALP_AVAIL, 100);
	if (ret) {
		dev_err(cy->dev, "no answer from the chip: no ALP clock\n");
		return -ENODEV;
	}
	cyw43_write8(cy, CYW43_F1, CYW43_F1_CLOCK_CSR, 0);
	id = cyw43_bp_read32(cy, CYW43_CHIPCOMMON) & 0xffff;
	if (id != CYW43_CHIP_ID) {
		dev_err(cy->dev, "chip id 0x%04x is not a CYW43439 (0x%04x)\n",
			id, CYW43_CHIP_ID);
		return -ENODEV;
	}

	ret = cyw43_request(cy, CYW43_FILE_IMAGE, &img);
	if (ret)
		return ret;
	ret = cyw43_request(cy, CYW43_FILE_NVRAM, &nv);
	if (ret)
		goto release_img;
	if (cyw43_fw_version(img->data, img->size, cy->fw_version,
			     sizeof(cy->fw_version)) == -EINVAL ||
	    img->size > CYW43_RAM_SIZE - CYW43_NVRAM_MAX) {
		dev_err(cy->dev, "firmware file %s: %zu bytes is not an image for this chip\n",
			cyw43_fw_name(cy, CYW43_FILE_IMAGE), img->size);
		ret = -EINVAL;
		goto release_nv;
	}

	cyw43_core_disable(cy, CYW43_ARM_WRAP);
	ret = cyw43_core_reset(cy, CYW43_SOCSRAM_WRAP);
	if (ret) {
		dev_err(cy->dev, "SOCSRAM core did not come out of reset\n");
		goto release_nv;
	}
	/* §5.2 step 3: 4343x parts: disable the SRAM_3 remap */
	cyw43_bp_write32(cy, CYW43_SOCSRAM_BANKIDX, 3);
	cyw43_bp_write32(cy, CYW43_SOCSRAM_BANKPDA, 0);

	ret = cyw43_bp_write(cy, 0, img->data, img->size);
	if (!ret)
		ret = cyw43_nvram_download(cy, nv, ALIGN(img->size, 4));
	if (ret)
		goto release_nv;

	ret = cyw43_core_reset(cy, CYW43_ARM_WRAP);
	if (ret) {
		dev_err(cy->dev, "ARM core did not come out of reset\n");
		goto release_nv;
	}
	ret = cyw43_clock_wait(cy, 0, CYW43_CLK_HT_AVAIL, CYW43_HT_MS);
	if (ret) {
		dev_err(cy->dev, "firmware did not start: no HT clock after %u ms (image or NVRAM wrong?)\n",
			CYW43_HT_MS);
		goto release_nv;
	}
	cyw43_bp_write32(cy, CYW43_HOSTINTMASK, CYW43_HOSTINT_SW);
	cyw43_write8(cy, CYW43_F1, CYW43_F1_WATERMARK, CYW43_F2_WATERMARK);
	ret = cyw43_poll_status(cy, CYW43_ST_F2_RX_READY, CYW43_F2_READY_MS);
	if (ret) {
		dev_err(cy->dev, "firmware did not start: F2 not ready after %u ms (NVRAM wrong?)\n",
			CYW43_F2_READY_MS);
		goto release_nv;
	}
	/* §5.2 step 12: clear pad pulls, keep HT requested */
	cyw43_write8(cy, CYW43_F1, CYW43_F1_PULL_UP, 0);
	ret = cyw43_clock_wait(cy, CYW43_CLK_HT_REQ, CYW43_CLK_HT_AVAIL, 100);
	if (!ret)
		ret = cyw43_write16(cy, CYW43_F0, CYW43_F0_INT,
				    CYW43_INT_ERRORS);
release_nv:
	release_firmware(nv);
release_img:
	release_firmware(img);
	return ret;
}

/**
 * cyw43_fw_clm() - download the CLM blob with "clmload" (§5.3)
 * @cy: the device, firmware running
 *
 * Context: process context, not the bus context.
 * Return: 0 or a negative errno, with the reason logged.
 */
int cyw43_fw_clm(struct cyw43 *cy)
{
	static const char name[] = "clmload";
	const struct firmware *clm;
	size_t off = 0, n;
	__le32 status = cpu_to_le32(1);
	u8 *buf;
	int ret;

	ret = cyw43_request(cy, CYW43_FILE_CLM, &clm);
	if (ret)
		return ret;
	buf = kmalloc(CYW43_CLM_CHUNK_HDR + CYW43_CLM_CHUNK, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto release;
	}
	if (!clm->size)
		ret = -EINVAL;
	while (!ret && off < clm->size) {
		n = min_t(size_t, clm->size - off, CYW43_CLM_CHUNK);
		cyw43_clm_chunk_hdr(buf, n, !off, off + n == clm->size);
		memcpy(buf + CYW43_CLM_CHUNK_HDR, clm->data + off, n);
		ret = cyw43_iovar_set(cy, name, buf, CYW43_CLM_CHUNK_HDR + n);
		off += n;
	}
	if (!ret)
		ret = cyw43_iovar_get(cy, "clmload_status", &status,
				      sizeof(status));
	if (ret || le32_to_cpu(status)) {
		dev_err(cy->dev, "CLM file %s was refused (%d, status %u)\n",
			cyw43_fw_name(cy, CYW43_FILE_CLM), ret,
			le32_to_cpu(status));
		ret = ret ?: -EINVAL;
	}
	kfree(buf);
release:
	release_firmware(clm);
	return ret;
}
