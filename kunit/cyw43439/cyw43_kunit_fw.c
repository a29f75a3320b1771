// SPDX-License-Identifier: GPL-2.0
/* cyw43439 KUnit: NVRAM conversion, firmware version, CLM chunk headers. */

#include <linux/sizes.h>
#include <linux/string.h>

#include "cyw43_kunit.h"

/**
 * struct cyw43_nvram_case - one NVRAM text and its conversion
 * @name: description
 * @text: file contents (not NUL-terminated when handed over)
 * @len: bytes of @text handed to the converter
 * @room: output buffer size
 * @ret: expected padded length or error
 * @out: expected output, @ret bytes
 */
struct cyw43_nvram_case {
	const char *name;
	const char *text;
	size_t len;
	size_t room;
	ssize_t ret;
	const char *out;
};

#define CYW43_KT_TEXT(s)	.text = (s), .len = sizeof(s) - 1

static const char cyw43_kt_nvram[] =
	"# Pico W radio\r\n"
	"manfid=0x2d0\r\n"
	"\r\n"
	"  prodid=0x0727  # product\r\n"
	"\tvendid=0x14e4\t\n"
	"\n"
	"   # indented comment\n"
	"xtalfreq=37400";
static const char cyw43_kt_nvram_bin[60] =
	"manfid=0x2d0\0prodid=0x0727\0vendid=0x14e4\0xtalfreq=37400\0";

static const struct cyw43_nvram_case cyw43_nvram_cases[] = {
	{ "comments, CRLF, blanks, no final newline",
	  CYW43_KT_TEXT(cyw43_kt_nvram), .room = 60, .ret = 60,
	  .out = cyw43_kt_nvram_bin },
	{ "output fills the room exactly",
	  CYW43_KT_TEXT("abc=cd\n"), .room = 8, .ret = 8,
	  .out = "abc=cd\0\0" },
	{ "padding to a multiple of 4",
	  CYW43_KT_TEXT("a=b\n"), .room = 16, .ret = 8,
	  .out = "a=b\0\0\0\0\0" },
	{ "empty value is allowed",
	  CYW43_KT_TEXT("ccode=\n"), .room = 16, .ret = 8,
	  .out = "ccode=\0\0" },
	{ "old Mac line ends",
	  CYW43_KT_TEXT("a=1\rb=2\r"), .room = 16, .ret = 12,
	  .out = "a=1\0b=2\0\0\0\0\0" },
	{ "no room for the final NUL",
	  CYW43_KT_TEXT("abc=cde\n"), .room = 8, .ret = -ENOSPC },
	{ "no room for an entry",
	  CYW43_KT_TEXT("abc=cd\nxyz=1\n"), .room = 10, .ret = -ENOSPC },
	{ "line without '='",
	  CYW43_KT_TEXT("manfid=0x2d0\nboardflags\n"), .room = 64,
	  .ret = -EINVAL },
	{ "empty key", CYW43_KT_TEXT("  =1\n"), .room = 64, .ret = -EINVAL },
	{ "comments only", CYW43_KT_TEXT("# a\n\n  # b\r\n"), .room = 64,
	  .ret = -EINVAL },
	{ "empty file", .text = "", .len = 0, .room = 64, .ret = -EINVAL },
	{ "embedded NUL", .text = "a=1\0b=2\n", .len = 8, .room = 64,
	  .ret = -EINVAL },
	{ "NUL in a comment", .text = "a=1 #x\0y\n", .len = 9, .room = 64,
	  .ret = -EINVAL },
};

static void cyw43_nvram_desc(const struct cyw43_nvram_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_nvram, cyw43_nvram_cases, cyw43_nvram_desc);

/* The chip gets "key=value\0" entries, an end marker and zero padding. */
static void cyw43_test_nvram(struct kunit *test)
{
	const struct cyw43_nvram_case *c = test->param_value;
	u8 *text = cyw43_kt_dup(test, c->text, c->len, c->len);
	u8 *out = cyw43_kt_dup(test, NULL, c->room, 0);

	memset(out, 0xaa, c->room);
	KUNIT_ASSERT_EQ(test, cyw43_nvram_convert(text, c->len, out, c->room),
			c->ret);
	if (c->ret > 0)
		KUNIT_EXPECT_MEMEQ(test, out, c->out, c->ret);
}

struct cyw43_token_case {
	size_t len;
	u32 token;
};

static const struct cyw43_token_case cyw43_token_cases[] = {
	{ 744, 0xff4500ba },	/* reference §5.2 step 6 */
	{ 816, 0xff3300cc },
	{ 4, 0xfffe0001 },
	{ 0, 0xffff0000 },
	{ 0x3fffc, 0x0000ffff },
};

static void cyw43_token_desc(const struct cyw43_token_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%zu bytes", c->len);
}

KUNIT_ARRAY_PARAM(cyw43_token, cyw43_token_cases, cyw43_token_desc);

/* The firmware finds its NVRAM only with the right length token. */
static void cyw43_test_nvram_token(struct kunit *test)
{
	const struct cyw43_token_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, cyw43_nvram_token(c->len), c->token);
}

/**
 * struct cyw43_fwver_case - a firmware image and its version
 * @name: description
 * @len: image length
 * @off: where @text goes, counted back from the end of the image; 0 for
 *	no text
 * @text: bytes placed in the image (up to its NUL unless @text_len)
 * @text_len: bytes of @text to place when it ends the image without NUL
 * @room: version buffer size
 * @ret: expected result
 * @ver: expected version on success
 */
struct cyw43_fwver_case {
	const char *name;
	size_t len;
	size_t off;
	const char *text;
	size_t text_len;
	size_t room;
	int ret;
	const char *ver;
};

#define CYW43_KT_TRAILER	"Version: 7.95.49 (2271bb6 CY) CRC: b7a28ef3"
#define CYW43_KT_VERSION	"7.95.49 (2271bb6 CY) CRC: b7a28ef3"

static const struct cyw43_fwver_case cyw43_fwver_cases[] = {
	{ "version in the trailer", 4096, 200, CYW43_KT_TRAILER, 0, 64, 0,
	  CYW43_KT_VERSION },
	{ "version cut to the buffer", 4096, 200, CYW43_KT_TRAILER, 0, 5, 0,
	  "7.95" },
	{ "tag at the start of the last KiB", 4096, 1024, "Version: 1.2", 0,
	  64, 0, "1.2" },
	{ "tag one byte before the last KiB", 4096, 1025, "Version: 1.2", 0,
	  64, -ENOENT },
	{ "only far from the end", 4096, 4000, CYW43_KT_TRAILER, 0, 64,
	  -ENOENT },
	{ "small image searched whole", 200, 200, "Version: 9", 0, 64, 0,
	  "9" },
	{ "smallest image", 64, 20, "Version: 9", 0, 64, 0, "9" },
	{ "no NUL before the end", 4096, 14, "Version: 1.2.3", 14, 64, 0,
	  "1.2.3" },
	{ "tag ends the image", 4096, 9, "Version: ", 9, 64, 0, "" },
	{ "tag cut by the end", 4096, 8, "Version:", 8, 64, -ENOENT },
	{ "no space after the colon", 4096, 100, "Version:7.95", 0, 64,
	  -ENOENT },
	{ "no version", 4096, 0, NULL, 0, 64, -ENOENT },
	{ "image too short", 63, 20, "Version: 9", 0, 64, -EINVAL },
	{ "empty image", 0, 0, NULL, 0, 64, -EINVAL },
	{ "image larger than RAM", SZ_512K + 1, 200, CYW43_KT_TRAILER, 0, 64,
	  -EINVAL },
	{ "largest image", SZ_512K, 200, CYW43_KT_TRAILER, 0, 64, 0,
	  CYW43_KT_VERSION },
};

static void cyw43_fwver_desc(const struct cyw43_fwver_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_fwver, cyw43_fwver_cases, cyw43_fwver_desc);

/* The version is found in the trailer, never by reading past the image. */
static void cyw43_test_fw_version(struct kunit *test)
{
	const struct cyw43_fwver_case *c = test->param_value;
	u8 *img = cyw43_kt_dup(test, NULL, c->len, 0);
	char *ver = cyw43_kt_dup(test, NULL, c->room, 0);
	size_t tlen;

	memset(img, 'V', c->len);	/* no accidental NUL or tag */
	if (c->text) {
		tlen = c->text_len ?: strlen(c->text) + 1;
		memcpy(img + c->len - c->off, c->text, tlen);
	}
	KUNIT_ASSERT_EQ(test, cyw43_fw_version(img, c->len, ver, c->room),
			c->ret);
	if (!c->ret)
		KUNIT_EXPECT_STREQ(test, ver, c->ver);
}

struct cyw43_clm_case {
	const char *name;
	size_t chunk_len;
	bool first;
	bool last;
	u8 hdr[CYW43_CLM_CHUNK_HDR];
};

static const struct cyw43_clm_case cyw43_clm_cases[] = {
	{ "first of several", 1024, true, false,
	  { 0x02, 0x10, 0x02, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0, 0 } },
	{ "middle", 1024, false, false,
	  { 0x00, 0x10, 0x02, 0x00, 0x00, 0x04, 0, 0, 0, 0, 0, 0 } },
	{ "last", 656, false, true,
	  { 0x04, 0x10, 0x02, 0x00, 0x90, 0x02, 0, 0, 0, 0, 0, 0 } },
	{ "only chunk (Pico W CLM)", 984, true, true,
	  { 0x06, 0x10, 0x02, 0x00, 0xd8, 0x03, 0, 0, 0, 0, 0, 0 } },
};

static void cyw43_clm_desc(const struct cyw43_clm_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_clm, cyw43_clm_cases, cyw43_clm_desc);

/* Chunk flags, type and length as the clmload handler expects (§5.3). */
static void cyw43_test_clm_hdr(struct kunit *test)
{
	const struct cyw43_clm_case *c = test->param_value;
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_CLM_CHUNK_HDR, 0);

	memset(buf, 0xaa, CYW43_CLM_CHUNK_HDR);
	KUNIT_ASSERT_EQ(test, cyw43_clm_chunk_hdr(buf, c->chunk_len, c->first,
						  c->last), 12);
	KUNIT_EXPECT_MEMEQ(test, buf, c->hdr, sizeof(c->hdr));
}

static struct kunit_case cyw43_fw_test_cases[] = {
	KUNIT_CASE_PARAM(cyw43_test_nvram, cyw43_nvram_gen_params),
	KUNIT_CASE_PARAM(cyw43_test_nvram_token, cyw43_token_gen_params),
	KUNIT_CASE_PARAM(cyw43_test_fw_version, cyw43_fwver_gen_params),
	KUNIT_CASE_PARAM(cyw43_test_clm_hdr, cyw43_clm_gen_params),
	{}
};

static struct kunit_suite cyw43_fw_test_suite = {
	.name = "cyw43439_proto_fw",
	.test_cases = cyw43_fw_test_cases,
};

kunit_test_suite(cyw43_fw_test_suite);
