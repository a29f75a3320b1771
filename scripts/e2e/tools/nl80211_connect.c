// SPDX-License-Identifier: GPL-2.0
/*
 * nl80211_connect: ask cfg80211 to connect with the key handed to the
 * driver, as wpa_supplicant 2.11 does for drivers with SAE offload
 * (wpa_supplicant 2.10, the rig's, cannot pass an SAE password).
 *
 *   nl80211_connect IFNAME SSID sae PASSWORD
 *
 * Sends NL80211_CMD_CONNECT (WPA3, AKM SAE, CCMP, MFP required, the
 * password in NL80211_ATTR_SAE_PASSWORD) over raw generic netlink and
 * exits with 0 when cfg80211 accepted it, else prints the error. The
 * connection result is for the caller to watch (iw dev IFNAME link).
 */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/nl80211.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SUITE(oui, t)	(((oui) << 8) | (t))
#define AKM_SAE		SUITE(0x000fac, 8)
#define CIPHER_CCMP	SUITE(0x000fac, 4)

struct msg {
	struct nlmsghdr nh;
	struct genlmsghdr gh;
	char buf[1024];
};

static void put(struct msg *m, unsigned short type, const void *data,
		unsigned short len)
{
	struct nlattr *a = (struct nlattr *)((char *)m + NLMSG_ALIGN(m->nh.nlmsg_len));

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy((char *)a + NLA_HDRLEN, data, len);
	m->nh.nlmsg_len = NLMSG_ALIGN(m->nh.nlmsg_len) + NLA_ALIGN(a->nla_len);
}

static void put_u32(struct msg *m, unsigned short type, unsigned int v)
{
	put(m, type, &v, sizeof(v));
}

static int talk(int fd, struct msg *m, char *reply, size_t room)
{
	struct nlmsghdr *nh = (struct nlmsghdr *)reply;
	ssize_t n;

	if (send(fd, m, m->nh.nlmsg_len, 0) < 0)
		return -errno;
	n = recv(fd, reply, room, 0);
	if (n < (ssize_t)sizeof(*nh))
		return -EIO;
	if (nh->nlmsg_type == NLMSG_ERROR)
		return ((struct nlmsgerr *)NLMSG_DATA(nh))->error;
	return 0;
}

/* CTRL_CMD_GETFAMILY "nl80211": the family id */
static int family(int fd)
{
	struct msg m = { 0 };
	char reply[4096];
	struct nlmsghdr *nh = (struct nlmsghdr *)reply;
	struct nlattr *a;
	int ret, left;

	m.nh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	m.nh.nlmsg_type = GENL_ID_CTRL;
	m.nh.nlmsg_flags = NLM_F_REQUEST;
	m.gh.cmd = CTRL_CMD_GETFAMILY;
	m.gh.version = 1;
	put(&m, CTRL_ATTR_FAMILY_NAME, "nl80211", 8);
	ret = talk(fd, &m, reply, sizeof(reply));
	if (ret)
		return ret;
	a = (struct nlattr *)((char *)NLMSG_DATA(nh) + GENL_HDRLEN);
	left = nh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	while (left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
	       a->nla_len <= left) {
		if (a->nla_type == CTRL_ATTR_FAMILY_ID)
			return *(unsigned short *)((char *)a + NLA_HDRLEN);
		left -= NLA_ALIGN(a->nla_len);
		a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
	}
	return -ENOENT;
}

int main(int argc, char **argv)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct msg m = { 0 };
	char reply[4096];
	unsigned int ifindex;
	int fd, fam, ret;

	if (argc != 5 || strcmp(argv[3], "sae")) {
		fprintf(stderr, "usage: %s IFNAME SSID sae PASSWORD\n", argv[0]);
		return 2;
	}
	ifindex = if_nametoindex(argv[1]);
	if (!ifindex || strlen(argv[2]) > 32 || strlen(argv[4]) > 128) {
		fprintf(stderr, "bad interface, SSID or password\n");
		return 2;
	}
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("netlink");
		return 1;
	}
	fam = family(fd);
	if (fam < 0) {
		fprintf(stderr, "nl80211 family: %s\n", strerror(-fam));
		return 1;
	}
	m.nh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	m.nh.nlmsg_type = fam;
	m.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	m.gh.cmd = NL80211_CMD_CONNECT;
	put_u32(&m, NL80211_ATTR_IFINDEX, ifindex);
	put(&m, NL80211_ATTR_SSID, argv[2], strlen(argv[2]));
	put_u32(&m, NL80211_ATTR_AUTH_TYPE, NL80211_AUTHTYPE_SAE);
	put_u32(&m, NL80211_ATTR_WPA_VERSIONS, NL80211_WPA_VERSION_3);
	put_u32(&m, NL80211_ATTR_AKM_SUITES, AKM_SAE);
	put_u32(&m, NL80211_ATTR_CIPHER_SUITES_PAIRWISE, CIPHER_CCMP);
	put_u32(&m, NL80211_ATTR_CIPHER_SUITE_GROUP, CIPHER_CCMP);
	put(&m, NL80211_ATTR_PRIVACY, NULL, 0);
	put_u32(&m, NL80211_ATTR_USE_MFP, NL80211_MFP_REQUIRED);
	put(&m, NL80211_ATTR_SAE_PASSWORD, argv[4], strlen(argv[4]));
	ret = talk(fd, &m, reply, sizeof(reply));
	close(fd);
	if (ret) {
		fprintf(stderr, "connect: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
