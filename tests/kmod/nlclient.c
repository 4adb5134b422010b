/* SPDX-License-Identifier: ISC */
/*
 * nlclient: a libnl client of the faxeng generic netlink family, for tests.
 *
 * usage: nlclient [--user UID] get ID | dump | set ID NAME=VALUE...
 *                 | raw CMD ATTR:TYPE:VALUE... | monitor COUNT SECONDS
 *                 | poll ID SECONDS | stall GOFILE SECONDS
 *
 *   get, dump   print each engine as NAME=VALUE lines, then "--"
 *   set         FAXENG_CMD_SET with u32 attributes named as in sysfs
 *               (toner_low_threshold, ..., action; supplyS_NAME for
 *               supply S's setting NAME, nested in FAXENG_A_SUPPLIES)
 *   raw         CMD get|set|dump with attributes by number, TYPE u8|u32|str
 *   monitor     join the "events" group, print "subscribed", then one line
 *               per event until COUNT events or SECONDS passed
 *   poll        GET engine ID again and again for SECONDS, one line per
 *               reply: "state seqnum=S page_count=P"
 *   stall       join the "events" group with the smallest receive buffer
 *               and NETLINK_BROADCAST_ERROR (so the kernel learns what it
 *               cannot deliver), print "subscribed", read nothing until
 *               GOFILE exists (at most SECONDS), then print each queued
 *               event as monitor does and "overrun" where the socket
 *               reports ENOBUFS
 *   --user UID  drop root first (setgid/setuid), as an unprivileged caller
 *
 * A request that fails prints "error: ERRNO-NAME: EXTACK-MESSAGE" and exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>
#include <linux/faxeng.h>

static const struct {
	const char *name;
	int attr;
} u32_names[] = {
#define FAXENG_KNOB(name, NAME, min, max, def) { #name, FAXENG_A_##NAME },
#include <linux/faxeng_props.h>
	{ "action", FAXENG_A_ACTION },
	{ "id", FAXENG_A_ID },
};

static struct nla_policy tray_policy[FAXENG_A_TRAY_MAX + 1] = {
	[FAXENG_A_TRAY_NUMBER] = { .type = NLA_U32 },
	[FAXENG_A_TRAY_STATE] = { .type = NLA_U32 },
};

static int family;
static int events;
static int brief;	/* poll: one line per reply */

static void die(const char *what, int err)
{
	fprintf(stderr, "nlclient: %s: %s\n", what, nl_geterror(err));
	exit(2);
}

static void print_u(struct nlattr **tb, int attr, const char *name)
{
	if (!tb[attr])
		return;
	switch (nla_len(tb[attr])) {
	case 1:
		printf("%s=%u\n", name, nla_get_u8(tb[attr]));
		break;
	case 4:
		printf("%s=%u\n", name, nla_get_u32(tb[attr]));
		break;
	default:
		printf("%s=%llu\n", name,
		       (unsigned long long)nla_get_u64(tb[attr]));
	}
}

static void print_trays(struct nlattr *trays)
{
	struct nlattr *tray, *tb[FAXENG_A_TRAY_MAX + 1];
	int rem;

	nla_for_each_nested(tray, trays, rem) {
		if (nla_parse_nested(tb, FAXENG_A_TRAY_MAX, tray, tray_policy) ||
		    !tb[FAXENG_A_TRAY_NUMBER] || !tb[FAXENG_A_TRAY_STATE])
			continue;
		printf("tray%u_state=%u\n", nla_get_u32(tb[FAXENG_A_TRAY_NUMBER]),
		       nla_get_u32(tb[FAXENG_A_TRAY_STATE]));
	}
}

/* supplyS_NAME=VALUE, NAME as in sysfs (supplyS/NAME), S = 1.. */
static void print_supplies(struct nlattr *supplies)
{
	static const struct {
		int attr;
		const char *name;
	} names[] = {
#define FAXENG_SUPPLY_PROP(name, NAME, nl, show, applies, uevent)	\
		{ FAXENG_A_SUPPLY_##NAME, #name },
#define FAXENG_SUPPLY_KNOB(name, NAME, min, max, def, applies)	\
		{ FAXENG_A_SUPPLY_##NAME, #name },
#include <linux/faxeng_props.h>
		{ FAXENG_A_SUPPLY_CONDITIONS, "conditions" },
	};
	struct nlattr *supply, *tb[FAXENG_A_SUPPLY_MAX + 1];
	char name[64];
	unsigned int n;
	size_t i;
	int rem;

	nla_for_each_nested(supply, supplies, rem) {
		if (nla_parse_nested(tb, FAXENG_A_SUPPLY_MAX, supply, NULL) ||
		    !tb[FAXENG_A_SUPPLY_NUMBER])
			continue;
		n = nla_get_u32(tb[FAXENG_A_SUPPLY_NUMBER]);
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			snprintf(name, sizeof(name), "supply%u_%s", n,
				 names[i].name);
			print_u(tb, names[i].attr, name);
		}
	}
}

static int on_msg(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[FAXENG_A_MAX + 1];
	static const struct {
		int attr;
		const char *name;
	} nums[] = {
		{ FAXENG_A_ID, "id" },
#define FAXENG_PROP(name, NAME, nl, show, uevent) { FAXENG_A_##NAME, #name },
#define FAXENG_KNOB(name, NAME, min, max, def) { FAXENG_A_##NAME, #name },
#include <linux/faxeng_props.h>
		{ FAXENG_A_CONDITIONS, "conditions" },
		{ FAXENG_A_EVENT_CONDITION, "event_condition" },
		{ FAXENG_A_EVENT_ACTIVE, "event_active" },
		{ FAXENG_A_EVENT_SEVERITY, "event_severity" },
		{ FAXENG_A_EVENT_ALERT_CODE, "event_alert_code" },
		{ FAXENG_A_EVENT_TRAY, "event_tray" },
	};
	size_t i;

	(void)arg;
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FAXENG_A_MAX, NULL) < 0)
		return NL_SKIP;
	if (gh->cmd == FAXENG_CMD_EVENT) {
		/* One line per event, for grep. */
		printf("event seqnum=%llu reason=%s active=%u changed=%s "
		       "severity=%u alert_code=%u condition=%u name=%s "
		       "page_count=%llu supply=%u\n",
		       tb[FAXENG_A_SEQNUM] ? (unsigned long long)
		       nla_get_u64(tb[FAXENG_A_SEQNUM]) : 0ULL,
		       tb[FAXENG_A_EVENT_REASON] ?
		       nla_get_string(tb[FAXENG_A_EVENT_REASON]) : "?",
		       tb[FAXENG_A_EVENT_ACTIVE] ?
		       nla_get_u8(tb[FAXENG_A_EVENT_ACTIVE]) : 9,
		       tb[FAXENG_A_EVENT_CHANGED] ?
		       nla_get_string(tb[FAXENG_A_EVENT_CHANGED]) : "?",
		       tb[FAXENG_A_EVENT_SEVERITY] ?
		       nla_get_u32(tb[FAXENG_A_EVENT_SEVERITY]) : 9,
		       tb[FAXENG_A_EVENT_ALERT_CODE] ?
		       nla_get_u32(tb[FAXENG_A_EVENT_ALERT_CODE]) : 0,
		       tb[FAXENG_A_EVENT_CONDITION] ?
		       nla_get_u32(tb[FAXENG_A_EVENT_CONDITION]) : 99,
		       tb[FAXENG_A_NAME] ?
		       nla_get_string(tb[FAXENG_A_NAME]) : "?",
		       tb[FAXENG_A_PAGE_COUNT] ? (unsigned long long)
		       nla_get_u64(tb[FAXENG_A_PAGE_COUNT]) : 0ULL,
		       tb[FAXENG_A_EVENT_SUPPLY] ?
		       nla_get_u32(tb[FAXENG_A_EVENT_SUPPLY]) : 0);
		events++;
		return NL_OK;
	}
	if (brief) {
		if (!tb[FAXENG_A_SEQNUM] || !tb[FAXENG_A_PAGE_COUNT])
			return NL_SKIP;
		printf("state seqnum=%llu page_count=%llu\n",
		       (unsigned long long)nla_get_u64(tb[FAXENG_A_SEQNUM]),
		       (unsigned long long)
		       nla_get_u64(tb[FAXENG_A_PAGE_COUNT]));
		return NL_OK;
	}
	if (tb[FAXENG_A_NAME])
		printf("name=%s\n", nla_get_string(tb[FAXENG_A_NAME]));
	if (tb[FAXENG_A_MODEL])
		printf("model=%s\n", nla_get_string(tb[FAXENG_A_MODEL]));
	if (tb[FAXENG_A_SERIAL])
		printf("serial=%s\n", nla_get_string(tb[FAXENG_A_SERIAL]));
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		print_u(tb, nums[i].attr, nums[i].name);
	if (tb[FAXENG_A_TRAYS])
		print_trays(tb[FAXENG_A_TRAYS]);
	if (tb[FAXENG_A_SUPPLIES])
		print_supplies(tb[FAXENG_A_SUPPLIES]);
	printf("--\n");
	return NL_OK;
}

/* The kernel's error and its extended-ack message, if any. */
static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *err, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)err - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const char *why = "";
	int ack_len = sizeof(*err);

	(void)nla;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		ack_len += err->msg.nlmsg_len - NLMSG_HDRLEN;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    nla_parse(tb, NLMSGERR_ATTR_MAX,
		      (struct nlattr *)((char *)err + ack_len),
		      nlh->nlmsg_len - NLMSG_HDRLEN - ack_len, NULL) == 0 &&
	    tb[NLMSGERR_ATTR_MSG])
		why = nla_get_string(tb[NLMSGERR_ATTR_MSG]);
	printf("error: %s: %s\n", strerrorname_np(-err->error), why);
	*(int *)arg = err->error;
	return NL_STOP;
}

/* The ACK of a do request, or the end of a dump: the exchange is over. */
static int on_done(struct nl_msg *msg, void *arg)
{
	(void)msg;
	*(int *)arg = 1;
	return NL_STOP;
}

static struct nl_sock *connect_family(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1;

	if (!sk)
		die("nl_socket_alloc", -NLE_NOMEM);
	if (genl_connect(sk) < 0)
		die("genl_connect", -NLE_FAILURE);
	if (setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_EXT_ACK,
		       &one, sizeof(one)) < 0)
		perror("nlclient: NETLINK_EXT_ACK");
	family = genl_ctrl_resolve(sk, FAXENG_GENL_NAME);
	if (family < 0)
		die("resolving " FAXENG_GENL_NAME, family);
	return sk;
}

static int lookup_attr(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(u32_names) / sizeof(u32_names[0]); i++)
		if (!strcmp(u32_names[i].name, name))
			return u32_names[i].attr;
	fprintf(stderr, "nlclient: unknown attribute %s\n", name);
	exit(2);
}

/*
 * supplyS_NAME=VALUE: supply S's setting NAME (as in sysfs supplyS/NAME),
 * one FAXENG_A_SUPPLY nest; 0 when @arg is not one.
 */
static int put_supply_arg(struct nl_msg *msg, const char *arg)
{
	static const struct {
		const char *name;
		int attr;
	} knobs[] = {
#define FAXENG_SUPPLY_KNOB(name, NAME, min, max, def, applies)	\
		{ #name, FAXENG_A_SUPPLY_##NAME },
#include <linux/faxeng_props.h>
	};
	char name[64], value[64];
	struct nlattr *nest;
	unsigned int supply;
	size_t i;

	if (sscanf(arg, "supply%u_%63[^=]=%63s", &supply, name, value) != 3)
		return 0;
	for (i = 0; i < sizeof(knobs) / sizeof(knobs[0]); i++)
		if (!strcmp(knobs[i].name, name))
			break;
	if (i == sizeof(knobs) / sizeof(knobs[0])) {
		fprintf(stderr, "nlclient: unknown supply setting %s\n", name);
		exit(2);
	}
	nest = nla_nest_start(msg, FAXENG_A_SUPPLY);
	if (!nest || nla_put_u32(msg, FAXENG_A_SUPPLY_NUMBER, supply) < 0 ||
	    nla_put_u32(msg, knobs[i].attr, strtoul(value, NULL, 0)) < 0)
		die("nla_put", -NLE_NOMEM);
	nla_nest_end(msg, nest);
	return 1;
}

/* NAME=VALUE (a u32 by sysfs name) or NUM:TYPE:VALUE (raw). */
static void put_arg(struct nl_msg *msg, const char *arg)
{
	char name[64], type[8], value[64];
	int attr, ret;

	if (sscanf(arg, "%d:%7[^:]:%63s", &attr, type, value) == 3) {
		if (!strcmp(type, "u8"))
			ret = nla_put_u8(msg, attr, strtoul(value, NULL, 0));
		else if (!strcmp(type, "str"))
			ret = nla_put_string(msg, attr, value);
		else
			ret = nla_put_u32(msg, attr, strtoul(value, NULL, 0));
	} else if (sscanf(arg, "%63[^=]=%63s", name, value) == 2) {
		ret = nla_put_u32(msg, lookup_attr(name),
				  strtoul(value, NULL, 0));
	} else {
		fprintf(stderr, "nlclient: bad argument %s\n", arg);
		exit(2);
	}
	if (ret < 0)
		die("nla_put", ret);
}

/* Send one request; print replies until the ACK or the dump's end. */
static int exchange(struct nl_sock *sk, int cmd, int flags, char **args,
		    int nargs)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *nest;
	struct nl_cb *cb;
	int err = 0, done = 0, ret, i;

	if (!msg)
		die("nlmsg_alloc", -NLE_NOMEM);
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0,
			 flags | NLM_F_ACK, cmd, FAXENG_GENL_VERSION))
		die("genlmsg_put", -NLE_NOMEM);
	for (i = 0; i < nargs; i++)
		if (strncmp(args[i], "supply", 6))
			put_arg(msg, args[i]);
	/* The supplies' settings, in one FAXENG_A_SUPPLIES. */
	for (i = 0; i < nargs && strncmp(args[i], "supply", 6); i++)
		;
	if (i < nargs) {
		nest = nla_nest_start(msg, FAXENG_A_SUPPLIES);
		if (!nest)
			die("nla_nest_start", -NLE_NOMEM);
		for (; i < nargs; i++)
			if (!strncmp(args[i], "supply", 6))
				put_supply_arg(msg, args[i]);
		nla_nest_end(msg, nest);
	}
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb)
		die("nl_cb_alloc", -NLE_NOMEM);
	if (nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_msg, NULL) < 0 ||
	    nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_done, &done) < 0 ||
	    nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_done, &done) < 0 ||
	    nl_cb_err(cb, NL_CB_CUSTOM, on_error, &err) < 0)
		die("nl_cb_set", -NLE_FAILURE);
	ret = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (ret < 0)
		die("nl_send_auto", ret);
	/*
	 * Until the ACK (or the end of a dump), or an error: nl_recvmsgs()
	 * returns after each datagram of a do request, and an ACK left
	 * unread would pass for the answer to the next request.
	 */
	do {
		ret = nl_recvmsgs(sk, cb);
	} while (ret >= 0 && !done && !err);
	nl_cb_put(cb);
	if (!err && ret < 0 && ret != -NLE_MSG_TRUNC)
		die("nl_recvmsgs", ret);
	return err;
}

static int join_events(struct nl_sock *sk)
{
	int grp, ret;

	grp = genl_ctrl_resolve_grp(sk, FAXENG_GENL_NAME,
				    FAXENG_GENL_MCGRP_EVENTS);
	if (grp < 0)
		die("resolving the events group", grp);
	ret = nl_socket_add_membership(sk, grp);
	if (ret < 0)
		die("joining the events group", ret);
	nl_socket_disable_seq_check(sk);
	ret = nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_msg, NULL);
	if (ret < 0)
		die("nl_socket_modify_cb", ret);
	return 0;
}

static int monitor(struct nl_sock *sk, int count, int seconds)
{
	time_t end = time(NULL) + seconds;
	struct pollfd pfd;
	int ret;

	join_events(sk);
	printf("subscribed\n");

	pfd.fd = nl_socket_get_fd(sk);
	pfd.events = POLLIN;
	while (events < count && time(NULL) < end) {
		ret = poll(&pfd, 1, 200);
		if (ret < 0 && errno != EINTR)
			die("poll", -NLE_FAILURE);
		if (ret > 0) {
			ret = nl_recvmsgs_default(sk);
			if (ret < 0)
				die("nl_recvmsgs", ret);
		}
	}
	return events < count;
}

/* A listener that stops reading, then reads what it was left. */
static int stall(struct nl_sock *sk, const char *gofile, int seconds)
{
	time_t end = time(NULL) + seconds;
	int fd = nl_socket_get_fd(sk), one = 1, tiny = 1, ret;

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &tiny, sizeof(tiny)) ||
	    setsockopt(fd, SOL_NETLINK, NETLINK_BROADCAST_ERROR, &one,
		       sizeof(one))) {
		perror("nlclient: setsockopt");
		return 1;
	}
	join_events(sk);
	printf("subscribed\n");
	while (access(gofile, F_OK) && time(NULL) < end)
		usleep(50000);
	if (nl_socket_set_nonblocking(sk) < 0)
		die("nl_socket_set_nonblocking", -NLE_FAILURE);
	for (;;) {
		ret = nl_recvmsgs_default(sk);
		if (ret == -NLE_AGAIN)
			break;
		/* libnl's name for ENOBUFS: the socket overran. */
		if (ret == -NLE_NOMEM)
			printf("overrun\n");
		else if (ret < 0)
			die("nl_recvmsgs", ret);
	}
	return 0;
}

/* GET one engine for SECONDS, as fast as the replies come. */
static int poll_engine(struct nl_sock *sk, char *idarg, int seconds)
{
	time_t end = time(NULL) + seconds;
	int ret = 0;

	brief = 1;
	while (!ret && time(NULL) < end)
		ret = exchange(sk, FAXENG_CMD_GET, 0, &idarg, 1);
	return ret;
}

static void usage(void)
{
	fprintf(stderr, "usage: nlclient [--user UID] get ID | dump | "
		"set ID NAME=VALUE... | raw get|set ATTR:TYPE:VALUE... | "
		"monitor COUNT SECONDS | poll ID SECONDS | "
		"stall GOFILE SECONDS\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct nl_sock *sk;
	char idarg[32];
	int cmd, ret;

	if (argc > 2 && !strcmp(argv[1], "--user")) {
		uid_t uid = strtoul(argv[2], NULL, 10);

		if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) {
			perror("nlclient: dropping root");
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc < 2)
		usage();
	if (setvbuf(stdout, NULL, _IOLBF, 0))
		perror("nlclient: setvbuf");
	sk = connect_family();

	if (!strcmp(argv[1], "get") && argc == 3) {
		snprintf(idarg, sizeof(idarg), "id=%s", argv[2]);
		argv[2] = idarg;
		ret = exchange(sk, FAXENG_CMD_GET, 0, argv + 2, 1);
	} else if (!strcmp(argv[1], "dump") && argc == 2) {
		ret = exchange(sk, FAXENG_CMD_GET, NLM_F_DUMP, NULL, 0);
	} else if (!strcmp(argv[1], "set") && argc >= 3) {
		snprintf(idarg, sizeof(idarg), "id=%s", argv[2]);
		argv[2] = idarg;
		ret = exchange(sk, FAXENG_CMD_SET, 0, argv + 2, argc - 2);
		if (!ret)
			printf("ok\n");
	} else if (!strcmp(argv[1], "raw") && argc >= 3) {
		cmd = !strcmp(argv[2], "set") ? FAXENG_CMD_SET : FAXENG_CMD_GET;
		ret = exchange(sk, cmd,
			       !strcmp(argv[2], "dump") ? NLM_F_DUMP : 0,
			       argv + 3, argc - 3);
		if (!ret)
			printf("ok\n");
	} else if (!strcmp(argv[1], "monitor") && argc == 4) {
		ret = monitor(sk, atoi(argv[2]), atoi(argv[3]));
	} else if (!strcmp(argv[1], "stall") && argc == 4) {
		ret = stall(sk, argv[2], atoi(argv[3]));
	} else if (!strcmp(argv[1], "poll") && argc == 4) {
		snprintf(idarg, sizeof(idarg), "id=%s", argv[2]);
		ret = poll_engine(sk, idarg, atoi(argv[3]));
	} else {
		usage();
	}
	nl_socket_free(sk);
	return ret ? 1 : 0;
}
