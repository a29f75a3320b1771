// SPDX-License-Identifier: GPL-2.0
/* cywsim_spidev: driver-free gSPI bring-up of a CYW43439 through spidev. */

/*
 * Written from reference/cyw43439-gspi.md (§1.2, §2, §3, §4) only: it is
 * what a user-space program on any SPI master would do, so it proves the
 * simulated device behaves as a real one on the wire. Prints key=value
 * lines for the e2e test to check; exits non-zero on a hard failure.
 *
 *   cywsim_spidev -d /dev/spidevB.C -g GPIOCHIP-LABEL [-s HZ] COMMAND
 *
 *   bringup   REG_ON cycle, 16-bit sync, test registers, 32-bit switch,
 *             ALP, chip id
 *   oversize  bringup, then a 68-byte F1 read: expect COMMAND_ERROR
 *   sync      REG_ON cycle and the 16-bit test-register read only
 *   boot      bringup, download /lib/firmware/brcm/brcmfmac43439-sdio.*,
 *             boot, then CLM, "ver", UP and an escan over SDPCM/BCDC
 *   join      boot, join "cywsim-open", send one data frame, wait for one
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <linux/gpio.h>
#include <linux/spi/spidev.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __s32 s32;

#define TEST_RO		0x14
#define TEST_RW		0x18
#define PATTERN		0xfeedbeadu
#define F1_DELAY	4		/* response delay we program (§2.5) */
#define BUS_CTRL_VAL	0x000204b3u	/* WORD32|BIG|HS|INT_HIGH|WAKE; 4; IWS */
#define F1_SBADDR_LOW	0x1000a
#define F1_CLK_CSR	0x1000e
#define CSR_ALP_REQ	0x08
#define CSR_ALP_AVAIL	0x40
#define INT_CMD_ERROR	0x0008

enum order { ORDER_16LE, ORDER_32BIG };

struct host {
	int spi;
	int line;
	bool three_wire;
	unsigned int hz;
	enum order order;
};

static const u8 perm[2][4] = { { 1, 0, 3, 2 }, { 0, 1, 2, 3 } };

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void die(const char *what)
{
	fprintf(stderr, "cywsim_spidev: %s: %s\n", what, strerror(errno));
	exit(2);
}

static u32 cmd_word(bool write, int fn, u32 addr, u32 len)
{
	return (write ? 1u << 31 : 0) | 1u << 30 | (u32)fn << 28 |
	       (addr & 0x1ffff) << 11 | (len & 0x7ff);
}

/* memory (little-endian value) bytes to wire bytes, §2.2 */
static void to_wire(enum order o, u8 *w, const u8 *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		w[i] = m[(i & ~3u) + perm[o][i & 3]];
}

static void from_wire(enum order o, u8 *m, const u8 *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		m[(i & ~3u) + perm[o][i & 3]] = w[i];
}

static void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

/* One gSPI transaction = one SPI_IOC_MESSAGE with CS held (§2.6) */
static void xfer(struct host *h, const u8 *tx, size_t txlen,
		 u8 *rx, size_t rxlen)
{
	struct spi_ioc_transfer t[2];
	u8 buf[2 * 2100];

	memset(t, 0, sizeof(t));
	if (h->three_wire) {
		/* 3-wire: transmit, turn the line around, receive */
		t[0].tx_buf = (unsigned long)tx;
		t[0].len = txlen;
		t[0].speed_hz = h->hz;
		t[1].rx_buf = (unsigned long)rx;
		t[1].len = rxlen;
		t[1].speed_hz = h->hz;
		if (ioctl(h->spi, SPI_IOC_MESSAGE(rxlen ? 2 : 1), t) < 0)
			die("SPI_IOC_MESSAGE");
		return;
	}
	/* full duplex: ignore what arrives while we send (§1.1) */
	memset(buf, 0, txlen + rxlen);
	memcpy(buf, tx, txlen);
	t[0].tx_buf = (unsigned long)buf;
	t[0].rx_buf = (unsigned long)(buf + 2100);
	t[0].len = txlen + rxlen;
	t[0].speed_hz = h->hz;
	if (ioctl(h->spi, SPI_IOC_MESSAGE(1), t) < 0)
		die("SPI_IOC_MESSAGE");
	memcpy(rx, buf + 2100 + txlen, rxlen);
}

static void rd_buf(struct host *h, int fn, u32 addr, u8 *buf,
		   u32 len)
{
	u32 pad = fn == 1 ? F1_DELAY : 0, dlen = (len + 3) & ~3u;
	u8 c[4], tx[4], rx[2100], m[2048];

	put_le32(c, cmd_word(false, fn, addr, len));
	to_wire(h->order, tx, c, 4);
	xfer(h, tx, 4, rx, pad + dlen);
	from_wire(h->order, m, rx + pad, dlen);
	memcpy(buf, m, len);
}

static u32 rd(struct host *h, int fn, u32 addr, u32 len)
{
	u8 m[4] = { 0 };

	rd_buf(h, fn, addr, m, len);
	return len >= 4 ? get_le32(m) : len == 2 ? (u32)(m[0] | m[1] << 8) :
	       m[0];
}

static void wr_buf(struct host *h, int fn, u32 addr, const u8 *buf,
		   u32 len)
{
	u32 dlen = (len + 3) & ~3u;
	u8 m[2052] = { 0 }, tx[2052];

	put_le32(m, cmd_word(true, fn, addr, len));
	memcpy(m + 4, buf, len);
	to_wire(h->order, tx, m, 4 + dlen);
	xfer(h, tx, 4 + dlen, NULL, 0);
}

static void wr(struct host *h, int fn, u32 addr, u32 val,
	       u32 len)
{
	u8 m[4];

	put_le32(m, val);
	wr_buf(h, fn, addr, m, len);
}

static int open_gpiochip(const char *label)
{
	struct gpiochip_info info;
	char path[300];
	struct dirent *e;
	DIR *d = opendir("/dev");
	int fd;

	if (!d)
		die("/dev");
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "gpiochip", 8))
			continue;
		snprintf(path, sizeof(path), "/dev/%s", e->d_name);
		fd = open(path, O_RDWR);
		if (fd < 0)
			continue;
		if (!ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) &&
		    !strcmp(info.label, label)) {
			closedir(d);
			return fd;
		}
		close(fd);
	}
	closedir(d);
	errno = ENODEV;
	die(label);
	return -1;
}

static int request_line(const char *label)
{
	struct gpio_v2_line_request req;
	int chip = open_gpiochip(label);

	memset(&req, 0, sizeof(req));
	req.offsets[0] = 0;
	req.num_lines = 1;
	snprintf(req.consumer, sizeof(req.consumer), "cywsim_spidev");
	req.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	req.config.num_attrs = 1;
	req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	req.config.attrs[0].attr.values = 0;
	req.config.attrs[0].mask = 1;
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		die("GPIO_V2_GET_LINE_IOCTL");
	close(chip);
	return req.fd;
}

static void reg_on(struct host *h, int on)
{
	struct gpio_v2_line_values v = { .bits = on ? 1 : 0, .mask = 1 };

	if (ioctl(h->line, GPIO_V2_LINE_SET_VALUES_IOCTL, &v) < 0)
		die("GPIO_V2_LINE_SET_VALUES_IOCTL");
}

/* §1.2: REG_ON low 20 ms, high, wait; §2.5 step 1: poll 0x14 */
static int power_and_sync(struct host *h)
{
	u32 v = 0;
	int tries;

	reg_on(h, 0);
	sleep_ms(20);
	reg_on(h, 1);
	sleep_ms(50);
	printf("regon=cycled\n");
	h->order = ORDER_16LE;
	for (tries = 1; tries <= 10; tries++) {
		v = rd(h, 0, TEST_RO, 4);
		if (tries == 1)
			printf("first_read=0x%08x\n", v);
		if (v == PATTERN)
			break;
		sleep_ms(1);
	}
	printf("sync_tries=%d\ntest_ro_16=0x%08x\n", tries, v);
	return v == PATTERN ? 0 : -1;
}

static int bringup(struct host *h)
{
	u32 v;
	int i;

	if (power_and_sync(h))
		return -1;
	wr(h, 0, TEST_RW, 0x12345678, 4);
	printf("test_rw=0x%08x\n", rd(h, 0, TEST_RW, 4));
	printf("bus_ctrl_before=0x%02x\n", rd(h, 0, 0, 4) & 0xff);
	wr(h, 0, 0, BUS_CTRL_VAL, 4);
	printf("test_ro_old_order=0x%08x\n", rd(h, 0, TEST_RO, 4));
	h->order = ORDER_32BIG;
	printf("test_ro_32=0x%08x\n", rd(h, 0, TEST_RO, 4));
	printf("bus_ctrl_after=0x%02x\n", rd(h, 0, 0, 4) & 0xff);
	wr(h, 0, 0x04, 0x0099, 2);	/* clear sticky errors */
	wr(h, 0, 0x06, 0x00be, 2);	/* interrupt enable */
	/* §4.3: ALP request, poll, drop the request */
	wr(h, 1, F1_CLK_CSR, CSR_ALP_REQ, 1);
	for (i = 0; i < 20; i++) {
		v = rd(h, 1, F1_CLK_CSR, 1);
		if (v & CSR_ALP_AVAIL)
			break;
		sleep_ms(1);
	}
	printf("alp=%s\n", v & CSR_ALP_AVAIL ? "ok" : "timeout");
	wr(h, 1, F1_CLK_CSR, 0, 1);
	/* §4.2: window to chipcommon, 32-bit read of the chip id */
	wr(h, 1, F1_SBADDR_LOW, 0x00, 1);
	wr(h, 1, F1_SBADDR_LOW + 1, 0x00, 1);
	wr(h, 1, F1_SBADDR_LOW + 2, 0x18, 1);
	printf("chip_id=0x%04x\n", rd(h, 1, 0x8000, 4) & 0xffff);
	printf("status=0x%08x\n", rd(h, 0, 0x08, 4));
	return 0;
}

static int oversize(struct host *h)
{
	u8 buf[68];

	if (bringup(h))
		return -1;
	rd_buf(h, 1, 0x10000, buf, sizeof(buf));	/* §2.4: F1 max is 64 */
	printf("oversize_cmd_error=%d\n",
	       !!(rd(h, 0, 0x04, 2) & INT_CMD_ERROR));
	return 0;
}

/* ---- firmware boot and a few firmware commands (§4.6, §5, §6, §7) ---- */

#define RAM_SIZE	0x80000
#define ARM_WRAP	0x18103000
#define RAM_WRAP	0x18104000
#define IOCTRL		0x408
#define RESETCTRL	0x800
#define FW_DIR		"/lib/firmware/brcm/brcmfmac43439-sdio"

static u32 win_cache = 0xffffffff;

static void set_window(struct host *h, u32 addr)
{
	u32 w = addr & ~0x7fffu;

	if (w == win_cache)
		return;
	wr(h, 1, F1_SBADDR_LOW, (w >> 8) & 0x80, 1);
	wr(h, 1, F1_SBADDR_LOW + 1, (w >> 16) & 0xff, 1);
	wr(h, 1, F1_SBADDR_LOW + 2, w >> 24, 1);
	win_cache = w;
}

static u32 bp_r32(struct host *h, u32 addr)
{
	set_window(h, addr);
	return rd(h, 1, (addr & 0x7fff) | 0x8000, 4);
}

static void bp_w32(struct host *h, u32 addr, u32 val)
{
	set_window(h, addr);
	wr(h, 1, (addr & 0x7fff) | 0x8000, val, 4);
}

/* 64-byte F1 writes that never cross a 32 KB window (§2.4, §5.2 step 4) */
static void bp_write(struct host *h, u32 addr, const u8 *p,
		     size_t len)
{
	size_t off = 0, n;

	while (off < len) {
		n = len - off;
		if (n > 64)
			n = 64;
		if (((addr + off) & 0x7fff) + n > 0x8000)
			n = 0x8000 - ((addr + off) & 0x7fff);
		set_window(h, addr + off);
		wr_buf(h, 1, (addr + off) & 0x7fff, p + off, n);
		off += n;
	}
}

static void core_reset(struct host *h, u32 wrap)
{
	bp_w32(h, wrap + IOCTRL, 0);
	bp_w32(h, wrap + RESETCTRL, 1);
	bp_w32(h, wrap + IOCTRL, 3);		/* FGC | CLOCK_EN */
	bp_w32(h, wrap + RESETCTRL, 0);
	sleep_ms(1);
	bp_w32(h, wrap + IOCTRL, 1);		/* CLOCK_EN */
}

static u8 *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	u8 *p;
	long n;

	if (!f)
		die(path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = calloc(1, n + 8);
	if (!p || fread(p, 1, n, f) != (size_t)n)
		die(path);
	fclose(f);
	*len = n;
	return p;
}

/* §5.1: drop comments and empty lines, NUL after each entry, final NUL */
static size_t nvram_convert(u8 *p, size_t len)
{
	size_t i = 0, o = 0;
	bool comment = false, start = true;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n' || p[i] == '\r') {
			if (!start)
				p[o++] = 0;
			start = true;
			comment = false;
			continue;
		}
		if (start && p[i] == '#')
			comment = true;
		if (comment)
			continue;
		start = false;
		p[o++] = p[i];
	}
	if (!start)
		p[o++] = 0;
	p[o++] = 0;
	while (o & 3)
		p[o++] = 0;
	return o;
}

static int poll_bits(struct host *h, int fn, u32 addr, u32 len,
		     u32 bits, int ms)
{
	int i;

	for (i = 0; i < ms; i++) {
		if ((rd(h, fn, addr, len) & bits) == bits)
			return i;
		sleep_ms(1);
	}
	return -1;
}

static int download_and_boot(struct host *h)
{
	size_t fw_len, nv_len, nv_raw;
	u8 *fw, *nv;
	u32 words;
	int ms;

	win_cache = 0xffffffff;		/* bringup moved the window */
	fw = slurp(FW_DIR ".bin", &fw_len);
	nv = slurp(FW_DIR ".txt", &nv_raw);
	nv_len = nvram_convert(nv, nv_raw);
	bp_w32(h, ARM_WRAP + IOCTRL, 0);
	bp_w32(h, ARM_WRAP + RESETCTRL, 1);
	core_reset(h, RAM_WRAP);
	bp_w32(h, 0x18004010, 3);		/* SRAM_3 remap off */
	bp_w32(h, 0x18004044, 0);
	bp_write(h, 0, fw, fw_len);
	bp_write(h, RAM_SIZE - 4 - nv_len, nv, nv_len);
	words = nv_len / 4;
	bp_w32(h, RAM_SIZE - 4, (~words << 16) | words);
	printf("fw_bytes=%zu\nnvram_bytes=%zu\n", fw_len, nv_len);
	printf("token_readback_ok=%d\n",
	       bp_r32(h, RAM_SIZE - 4) == ((~words << 16) | words));
	core_reset(h, ARM_WRAP);
	ms = poll_bits(h, 1, F1_CLK_CSR, 1, 0x80, 1000);	/* HT_AVAIL */
	printf("ht_ms=%d\n", ms);
	bp_w32(h, 0x18002024, 0xf0);		/* hostintmask */
	wr(h, 1, 0x10008, 32, 1);		/* F2 watermark */
	ms = poll_bits(h, 0, 0x08, 4, 0x20, 1000);		/* F2_RX_READY */
	printf("f2_ready_ms=%d\n", ms);
	free(fw);
	free(nv);
	return ms < 0 ? -1 : 0;
}

static u8 tx_seq;
static u16 req_id = 1;

static void f2_send_off(struct host *h, int chan, const u8 *p, size_t len,
			int off)
{
	u8 f[2048] = { 0 };
	size_t n = off + len;

	f[0] = n;
	f[1] = n >> 8;
	f[2] = ~n;
	f[3] = ~n >> 8;
	f[4] = tx_seq++;
	f[5] = chan;
	f[7] = off;
	memcpy(f + off, p, len);
	wr_buf(h, 2, 0, f, n);
}

static void f2_send(struct host *h, int chan, const u8 *p, size_t len)
{
	f2_send_off(h, chan, p, len, 12);
}

/* one frame announced by the STATUS register (§6.5), or 0 */
static int f2_recv(struct host *h, u8 *f, int ms)
{
	u32 st, len;
	int i;

	for (i = 0; i <= ms; i++) {
		st = rd(h, 0, 0x08, 4);
		if (st != 0xffffffff && (st & 0x100)) {
			len = (st >> 9) & 0x7ff;
			rd_buf(h, 2, 0, f, len);
			if ((f[0] | f[1] << 8) != len)
				return -1;
			return len;
		}
		sleep_ms(1);
	}
	return 0;
}

static int escan_partials, escan_done = -1;
static int set_ssid_status = -1, link_flags = -1;

/* §7.4: 0x886C, then big-endian event type, status, flags */
static void on_event(const u8 *f, int n)
{
	const u8 *e = f + f[7] + 4 + 4 * f[f[7] + 3];
	u32 type, status;

	if (e + 72 > f + n || e[12] != 0x88 || e[13] != 0x6c)
		return;
	type = e[28] << 24 | e[29] << 16 | e[30] << 8 | e[31];
	status = e[32] << 24 | e[33] << 16 | e[34] << 8 | e[35];
	if (type == 0)				/* SET_SSID */
		set_ssid_status = status;
	if (type == 16)				/* LINK */
		link_flags = e[27];
	if (type != 69)				/* ESCAN_RESULT */
		return;
	if (status == 8)
		escan_partials++;
	else
		escan_done = status;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* §7.1: BCDC request, wait for the response with our id. The limit is in
 * time, not tries: a VM sharing its cores with others runs slow.
 */
static int bcdc(struct host *h, u32 cmd, bool set, u8 *buf,
		u32 len, s32 *fw_status)
{
	u8 req[1100] = { 0 }, f[2048];
	u16 id = req_id++;
	long long deadline;
	int n;

	put_le32(req, cmd);
	put_le32(req + 4, len);
	put_le32(req + 8, (u32)id << 16 | (set ? 2 : 0));
	memcpy(req + 16, buf, len);
	f2_send(h, 0, req, 16 + len);
	for (deadline = now_ms() + 10000; now_ms() < deadline;) {
		n = f2_recv(h, f, 2);
		if (n <= 12)
			continue;
		if ((f[5] & 0xf) == 1) {
			on_event(f, n);
			continue;
		}
		if ((f[5] & 0xf) != 0 ||
		    get_le32(f + f[7] + 8) >> 16 != id)
			continue;
		*fw_status = (s32)get_le32(f + f[7] + 12);
		memcpy(buf, f + f[7] + 16, len);
		return 0;
	}
	return -1;
}

static int iovar(struct host *h, bool set, const char *name, void *val,
		 u32 vlen)
{
	u8 buf[1100] = { 0 };
	u32 nlen = strlen(name) + 1;
	s32 st = -999;

	memcpy(buf, name, nlen);
	if (set)
		memcpy(buf + nlen, val, vlen);
	if (bcdc(h, set ? 263 : 262, set, buf,
		 set ? nlen + vlen : (vlen > nlen ? vlen : nlen), &st))
		return -999;
	if (!set)
		memcpy(val, buf, vlen);
	return st;
}

static int clm_load(struct host *h)
{
	u8 chunk[12 + 1024];
	size_t len, off = 0, n;
	u8 *clm = slurp(FW_DIR ".clm_blob", &len);
	u32 st = 1;
	int ret = 0;

	while (!ret && off < len) {
		n = len - off > 1024 ? 1024 : len - off;
		chunk[0] = (off ? 0 : 2) | (off + n == len ? 4 : 0);
		chunk[1] = 0x10;		/* handler version 1 */
		chunk[2] = 2;			/* CLM */
		chunk[3] = 0;
		put_le32(chunk + 4, n);
		put_le32(chunk + 8, 0);
		memcpy(chunk + 12, clm + off, n);
		ret = iovar(h, true, "clmload", chunk, 12 + n);
		off += n;
	}
	free(clm);
	if (!ret)
		ret = iovar(h, false, "clmload_status", &st, 4);
	return ret ? ret : (int)st;
}

static int fw_session(struct host *h)
{
	u8 mask[4 + 18], esc[76] = { 0 }, f[2048], v[4] = { 0 };
	char ver[128] = { 0 };
	s32 st;
	int i, n;

	printf("up_before_clm=%d\n", bcdc(h, 2, true, v, 4, &st) ? -999 : st);
	printf("clm=%d\n", clm_load(h));
	printf("ver_status=%d\n", iovar(h, false, "ver", ver, sizeof(ver) - 1));
	printf("ver=%s\n", ver);
	memset(mask, 0xff, sizeof(mask));
	memset(mask, 0, 4);
	printf("event_msgs=%d\n",
	       iovar(h, true, "bsscfg:event_msgs", mask, sizeof(mask)));
	printf("up=%d\n", bcdc(h, 2, true, v, 4, &st) ? -999 : st);
	put_le32(esc, 1);			/* version */
	esc[4] = 1;				/* action: start */
	memset(esc + 44, 0xff, 6);		/* any BSSID */
	esc[50] = 2;				/* any BSS type */
	printf("escan=%d\n", iovar(h, true, "escan", esc, sizeof(esc)));
	for (i = 0; i < 3000 && escan_done < 0; i++) {
		n = f2_recv(h, f, 1);
		if (n > 12 && (f[5] & 0xf) == 1)
			on_event(f, n);
	}
	printf("escan_bss=%d\nescan_status=%d\n", escan_partials, escan_done);
	return 0;
}

static int boot(struct host *h)
{
	if (bringup(h) || download_and_boot(h))
		return -1;
	return fw_session(h);
}

static s32 set_u32(struct host *h, u32 cmd, u32 val)
{
	u8 v[4];
	s32 st = -999;

	put_le32(v, val);
	if (bcdc(h, cmd, true, v, 4, &st))
		return -999;
	return st;
}

/* §9.3 open join, then one data frame each way (§6.3, §7.3) */
static int join_and_data(struct host *h)
{
	u8 ssid[36] = { 11 }, sup[8] = { 0 }, mac[6], f[2048];
	u8 d[4 + 60] = { 0x20 };		/* BDC version 2 */
	int i, n, err = 0;
	const u8 *eth;

	if (boot(h))
		return -1;
	err |= set_u32(h, 134, 0);		/* SET_WSEC */
	err |= iovar(h, true, "bsscfg:sup_wpa", sup, sizeof(sup));
	err |= set_u32(h, 20, 1);		/* SET_INFRA */
	err |= set_u32(h, 22, 0);		/* SET_AUTH open */
	err |= set_u32(h, 165, 0);		/* SET_WPA_AUTH */
	err |= iovar(h, false, "cur_etheraddr", mac, 6);
	memcpy(ssid + 4, "cywsim-open", 11);
	printf("join_setup=%d\n", err);
	printf("set_ssid=%d\n",
	       bcdc(h, 26, true, ssid, sizeof(ssid), &(s32){ 0 }));
	for (i = 0; i < 3000 && set_ssid_status < 0; i++) {
		n = f2_recv(h, f, 1);
		if (n > 12 && (f[5] & 0xf) == 1)
			on_event(f, n);
	}
	printf("join_status=%d\nlink_flags=%d\n", set_ssid_status,
	       link_flags);
	/* broadcast, our MAC, ethertype 0x88b5 (local experimental) */
	memset(d + 4, 0xff, 6);
	memcpy(d + 4 + 6, mac, 6);
	d[4 + 12] = 0x88;
	d[4 + 13] = 0xb5;
	memcpy(d + 4 + 14, "cywsim e2e", 10);
	f2_send_off(h, 2, d, sizeof(d), 14);	/* 2-byte pad before BDC */
	printf("data_sent=1\n");
	fflush(stdout);
	for (i = 0; i < 8000; i++) {
		n = f2_recv(h, f, 1);
		if (n <= 12 || (f[5] & 0xf) != 2)
			continue;
		eth = f + f[7] + 4 + 4 * f[f[7] + 3];
		if (eth + 14 > f + n)
			continue;
		printf("rx_data_type=0x%02x%02x\n", eth[12], eth[13]);
		printf("rx_data_src=%02x:%02x:%02x:%02x:%02x:%02x\n", eth[6],
		       eth[7], eth[8], eth[9], eth[10], eth[11]);
		return 0;
	}
	printf("rx_data_type=none\n");
	return -1;
}

int main(int argc, char **argv)
{
	const char *dev = NULL, *label = NULL;
	struct host h = { .hz = 0 };
	u32 mode = 0;
	int opt, ret;

	while ((opt = getopt(argc, argv, "d:g:s:")) != -1) {
		switch (opt) {
		case 'd':
			dev = optarg;
			break;
		case 'g':
			label = optarg;
			break;
		case 's':
			h.hz = strtoul(optarg, NULL, 0);
			break;
		default:
			return 2;
		}
	}
	if (!dev || !label || optind != argc - 1) {
		fprintf(stderr, "usage: %s -d SPIDEV -g GPIOCHIP [-s HZ] %s\n",
			argv[0], "bringup|oversize|sync|boot|join");
		return 2;
	}
	h.spi = open(dev, O_RDWR);
	if (h.spi < 0)
		die(dev);
	if (ioctl(h.spi, SPI_IOC_RD_MODE32, &mode) < 0)
		die("SPI_IOC_RD_MODE32");
	h.three_wire = mode & SPI_3WIRE;
	if (!h.hz && ioctl(h.spi, SPI_IOC_RD_MAX_SPEED_HZ, &h.hz) < 0)
		die("SPI_IOC_RD_MAX_SPEED_HZ");
	if (ioctl(h.spi, SPI_IOC_WR_MAX_SPEED_HZ, &h.hz) < 0)
		die("SPI_IOC_WR_MAX_SPEED_HZ");
	printf("spi_mode=0x%x\nthree_wire=%d\nhz=%u\n", mode, h.three_wire,
	       h.hz);
	h.line = request_line(label);
	if (!strcmp(argv[optind], "bringup"))
		ret = bringup(&h);
	else if (!strcmp(argv[optind], "oversize"))
		ret = oversize(&h);
	else if (!strcmp(argv[optind], "sync"))
		ret = power_and_sync(&h);
	else if (!strcmp(argv[optind], "boot"))
		ret = boot(&h);
	else if (!strcmp(argv[optind], "join"))
		ret = join_and_data(&h);
	else
		ret = -2;
	reg_on(&h, 0);
	close(h.line);
	close(h.spi);
	return ret ? 1 : 0;
}
