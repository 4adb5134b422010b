/* SPDX-License-Identifier: ISC */
/*
 * One FAXENG_CMD_GET reply or FAXENG_CMD_EVENT as an engine_state: the
 * attribute policy and the reading of each attribute, apart from the socket
 * code so that tests/fuzz can feed it recorded messages.
 */
#include <stdio.h>

#include <netlink/genl/genl.h>

#include "engine.h"

static struct nla_policy state_policy[FAXENG_A_MAX + 1] = {
	[FAXENG_A_ID] = { .type = NLA_U32 },
	[FAXENG_A_NAME] = { .type = NLA_STRING },
	[FAXENG_A_MODEL] = { .type = NLA_STRING },
	[FAXENG_A_SERIAL] = { .type = NLA_STRING },
	[FAXENG_A_TRAYS] = { .type = NLA_NESTED },
#define FAXENG_PROP(name, NAME, nl, show, uevent)	\
	[FAXENG_A_##NAME] = { .type = NLA_##nl },
#define FAXENG_KNOB(name, NAME, min, max, def)		\
	[FAXENG_A_##NAME] = { .type = NLA_U32 },
#include <linux/faxeng_props.h>
	[FAXENG_A_CONDITIONS] = { .type = NLA_U64 },
	[FAXENG_A_EVENT_CONDITION] = { .type = NLA_U32 },
	[FAXENG_A_EVENT_ACTIVE] = { .type = NLA_U8 },
	[FAXENG_A_EVENT_TRAY] = { .type = NLA_U32 },
};

static struct nla_policy tray_policy[FAXENG_A_TRAY_MAX + 1] = {
	[FAXENG_A_TRAY_NUMBER] = { .type = NLA_U32 },
	[FAXENG_A_TRAY_STATE] = { .type = NLA_U32 },
};

static void
get_string(char *dst, size_t len, struct nlattr *a)
{
	if (a != NULL)
		(void)snprintf(dst, len, "%s", nla_get_string(a));
}

/* A number of netlink type @type (the policy checked its size); -1: none. */
static long long
get_num(struct nlattr *a, int type)
{
	if (a == NULL)
		return -1;
	switch (type) {
	case NLA_U8:
		return nla_get_u8(a);
	case NLA_U32:
		return nla_get_u32(a);
	default:
		return (long long)nla_get_u64(a);
	}
}

static void
parse_trays(struct engine_state *st, struct nlattr *trays)
{
	struct nlattr *tray, *tb[FAXENG_A_TRAY_MAX + 1];
	int rem;

	nla_for_each_nested(tray, trays, rem) {
		if (st->ntrays == FAXENG_MAX_TRAYS)
			break;
		if (nla_type(tray) != FAXENG_A_TRAY ||
		    nla_parse_nested(tb, FAXENG_A_TRAY_MAX, tray,
		    tray_policy) < 0 || !tb[FAXENG_A_TRAY_NUMBER] ||
		    !tb[FAXENG_A_TRAY_STATE])
			continue;
		st->trays[st->ntrays].number =
		    nla_get_u32(tb[FAXENG_A_TRAY_NUMBER]);
		st->trays[st->ntrays].state =
		    (int)nla_get_u32(tb[FAXENG_A_TRAY_STATE]);
		st->ntrays++;
	}
}

int
engine_parse_state(struct nl_msg *msg, struct engine_state *st)
{
	struct nlattr *tb[FAXENG_A_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, FAXENG_A_MAX,
	    state_policy) < 0 || tb[FAXENG_A_ID] == NULL)
		return -1;
	engine_state_init(st);
	st->id = nla_get_u32(tb[FAXENG_A_ID]);
	(void)snprintf(st->name, sizeof(st->name), "faxeng%u", st->id);
	get_string(st->name, sizeof(st->name), tb[FAXENG_A_NAME]);
	get_string(st->model, sizeof(st->model), tb[FAXENG_A_MODEL]);
	get_string(st->serial, sizeof(st->serial), tb[FAXENG_A_SERIAL]);
	if (tb[FAXENG_A_TRAYS] != NULL)
		parse_trays(st, tb[FAXENG_A_TRAYS]);
#define FAXENG_PROP(name, NAME, nl, show, uevent)	\
	st->name = get_num(tb[FAXENG_A_##NAME], NLA_##nl);
#define FAXENG_KNOB(name, NAME, min, max, def)		\
	st->name = get_num(tb[FAXENG_A_##NAME], NLA_U32);
#include <linux/faxeng_props.h>
	st->conditions = tb[FAXENG_A_CONDITIONS] ?
	    nla_get_u64(tb[FAXENG_A_CONDITIONS]) : 0;
	st->ev_condition = (int)get_num(tb[FAXENG_A_EVENT_CONDITION], NLA_U32);
	st->ev_active = (int)get_num(tb[FAXENG_A_EVENT_ACTIVE], NLA_U8);
	st->ev_tray = (int)get_num(tb[FAXENG_A_EVENT_TRAY], NLA_U32);
	return 0;
}

