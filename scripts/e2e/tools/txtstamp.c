// SPDX-License-Identifier: GPL-2.0
/* txtstamp: does a driver take the software transmit timestamp? */

/*
 * Sends one UDP datagram out of IFACE to ADDR (port 9, discard) with
 * SOF_TIMESTAMPING_TX_SOFTWARE requested, and waits up to two seconds for
 * the timestamp on the socket's error queue. Only a driver's
 * skb_tx_timestamp() produces that one (the qdisc's is TX_SCHED, not
 * asked for here), so it proves the transmit path takes it, as
 * Documentation/networking/timestamping.rst describes.
 *
 *   txtstamp IFACE ADDR     prints "tx_timestamp=SEC.NSEC", exit 0;
 *                           exit 1 when no timestamp came
 */

#include <arpa/inet.h>
#include <errno.h>
#include <linux/errqueue.h>
#include <linux/net_tstamp.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int wait_stamp(int fd)
{
	char ctrl[512], data[64];
	struct iovec iov = { data, sizeof(data) };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctrl, .msg_controllen = sizeof(ctrl),
	};
	struct pollfd pfd = { .fd = fd, .events = POLLERR };
	struct scm_timestamping *ts;
	struct cmsghdr *cm;

	if (poll(&pfd, 1, 2000) <= 0)
		return -1;
	if (recvmsg(fd, &msg, MSG_ERRQUEUE) < 0)
		return -1;
	for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
		if (cm->cmsg_level != SOL_SOCKET ||
		    cm->cmsg_type != SO_TIMESTAMPING)
			continue;
		ts = (struct scm_timestamping *)CMSG_DATA(cm);
		if (!ts->ts[0].tv_sec && !ts->ts[0].tv_nsec)
			continue;
		printf("tx_timestamp=%ld.%09ld\n", (long)ts->ts[0].tv_sec,
		       (long)ts->ts[0].tv_nsec);
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	int flags = SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE |
		    SOF_TIMESTAMPING_OPT_TSONLY;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	int fd;

	if (argc != 3 || inet_pton(AF_INET, argv[2], &to.sin_addr) != 1) {
		fprintf(stderr, "usage: txtstamp IFACE ADDR\n");
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, argv[1],
		       strlen(argv[1])) ||
	    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, &flags, sizeof(flags))) {
		perror("txtstamp: socket");
		return 2;
	}
	if (sendto(fd, "stamp", 5, 0, (struct sockaddr *)&to, sizeof(to)) != 5) {
		perror("txtstamp: sendto");
		return 2;
	}
	if (wait_stamp(fd)) {
		fprintf(stderr, "txtstamp: no transmit timestamp from %s\n",
			argv[1]);
		return 1;
	}
	close(fd);
	return 0;
}
