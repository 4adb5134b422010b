/* SPDX-License-Identifier: ISC */
/*
 * usage: engine_seeds DIR
 * Writes the engine fuzz target's seed corpus: FAXENG replies and events
 * laid out as kmod/faxeng_netlink.c's faxeng_fill() lays them out (same
 * attributes, same order), one recv()'s worth of bytes per file: a GET
 * reply, a dump of three engines ended by NLMSG_DONE, a tray event and a
 * toner event.
 */
#include <stdio.h>
#include <stdlib.h>

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/faxeng.h>

#define FAMILY	0x1b	/* a family id the kernel might assign */

static void
put_state(struct nl_msg *m, unsigned id, int ntrays)
{
	struct nlattr	*trays, *tray;
	char		 name[32];
	int		 i;

	(void)snprintf(name, sizeof(name), "faxeng%u", id);
	if (nla_put_u32(m, FAXENG_A_ID, id) ||
	    nla_put_string(m, FAXENG_A_NAME, name) ||
	    nla_put_string(m, FAXENG_A_MODEL, "FX-9000") ||
	    nla_put_string(m, FAXENG_A_SERIAL, "SN123") ||
	    (trays = nla_nest_start(m, FAXENG_A_TRAYS)) == NULL)
		abort();
	for (i = 0; i < ntrays; i++) {
		if ((tray = nla_nest_start(m, FAXENG_A_TRAY)) == NULL ||
		    nla_put_u32(m, FAXENG_A_TRAY_NUMBER, (unsigned)i + 1) ||
		    nla_put_u32(m, FAXENG_A_TRAY_STATE, (unsigned)i % 3))
			abort();
		nla_nest_end(m, tray);
	}
	nla_nest_end(m, trays);
	if (nla_put_u64(m, FAXENG_A_CONDITIONS, 0x5))
		abort();
#define FAXENG_PROP(name, NAME, nl, show, uevent)			\
	if (nla_put_##nl(m, FAXENG_A_##NAME, 7))			\
		abort();
#define nla_put_U8	nla_put_u8
#define nla_put_U32	nla_put_u32
#define nla_put_U64	nla_put_u64
#define FAXENG_KNOB(name, NAME, min, max, def)				\
	if (nla_put_u32(m, FAXENG_A_##NAME, def))			\
		abort();
#include <linux/faxeng_props.h>
}

static struct nl_msg *
message(int cmd, int flags, unsigned id, int ntrays, int event_tray)
{
	struct nl_msg	*m;

	if ((m = nlmsg_alloc()) == NULL ||
	    genlmsg_put(m, 4242, 7, FAMILY, 0, flags, (uint8_t)cmd,
	    FAXENG_GENL_VERSION) == NULL)
		abort();
	put_state(m, id, ntrays);
	if (cmd == FAXENG_CMD_EVENT &&
	    (nla_put_u32(m, FAXENG_A_EVENT_CONDITION, 2) ||
	    nla_put_u8(m, FAXENG_A_EVENT_ACTIVE, 1) ||
	    nla_put_string(m, FAXENG_A_EVENT_CHANGED, "toner_level") ||
	    nla_put_string(m, FAXENG_A_EVENT_REASON, "toner-low") ||
	    nla_put_u32(m, FAXENG_A_EVENT_SEVERITY, 1) ||
	    nla_put_u32(m, FAXENG_A_EVENT_ALERT_CODE, 1101) ||
	    (event_tray && nla_put_u32(m, FAXENG_A_EVENT_TRAY,
	    (unsigned)event_tray))))
		abort();
	return m;
}

/* Append msg's bytes to the file dir/name. */
static void
save(const char *dir, const char *name, struct nl_msg *m)
{
	char		 path[4096];
	struct nlmsghdr	*h = nlmsg_hdr(m);
	FILE		*f;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "ab")) == NULL ||
	    fwrite(h, 1, h->nlmsg_len, f) != h->nlmsg_len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	nlmsg_free(m);
}

int
main(int argc, char **argv)
{
	struct nl_msg	*done;
	unsigned	 id;

	if (argc != 2) {
		(void)fprintf(stderr, "usage: engine_seeds DIR\n");
		return 2;
	}
	save(argv[1], "get-reply", message(FAXENG_CMD_GET, 0, 0, 2, 0));
	for (id = 0; id < 3; id++)
		save(argv[1], "dump", message(FAXENG_CMD_GET, NLM_F_MULTI,
		    id, (int)id + 1, 0));
	if ((done = nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI)) == NULL ||
	    nlmsg_append(done, &(int){ 0 }, sizeof(int), NLMSG_ALIGNTO) < 0)
		abort();
	save(argv[1], "dump", done);
	save(argv[1], "event-tray", message(FAXENG_CMD_EVENT, 0, 1, 4, 3));
	save(argv[1], "event-toner", message(FAXENG_CMD_EVENT, 0, 0, 1, 0));
	return 0;
}
