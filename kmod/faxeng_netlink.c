// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng generic netlink family: GET (do and dump) of engine state, SET of
 * thresholds and service actions (admin only), and the "events" multicast
 * group. Described in docs/netlink/faxeng.yaml.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include "faxeng_compat.h"
#include "faxeng_internal.h"

/* Each knob's range, from faxeng_props.h: the policy refuses the rest. */
static FAXENG_NLA_RANGE_CONST struct netlink_range_validation
faxeng_knob_range[FAXENG_KNOB_COUNT] = {
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_KNOB_##_NAME] = { .min = (_min), .max = (_max) },
#include <linux/faxeng_props.h>
};

static const struct nla_policy faxeng_get_policy[FAXENG_A_ID + 1] = {
	[FAXENG_A_ID] = { .type = NLA_U32 },
};

#define FAXENG_DUMP_NO_ATTR	"a dump takes no attribute"

#if FAXENG_GENL_SPLIT_OPS
/*
 * A dump takes no attribute. Strict parsing refuses those above the
 * policy's highest, and the policy refuses the id.
 */
static const struct nla_policy faxeng_dump_policy[FAXENG_A_ID + 1] = {
	[FAXENG_A_ID] = {
		.type = NLA_REJECT,
		.reject_message = FAXENG_DUMP_NO_ATTR,
	},
};
#endif

/* Each supply knob's range, from faxeng_props.h. */
static FAXENG_NLA_RANGE_CONST struct netlink_range_validation
faxeng_supply_knob_range[FAXENG_SUPPLY_KNOB_COUNT] = {
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_SUPPLY_KNOB_##_NAME] = { .min = (_min), .max = (_max) },
#include <linux/faxeng_props.h>
};

/* One supply of SET: its number and the settings to change. */
static const struct nla_policy
faxeng_supply_set_policy[FAXENG_A_SUPPLY_MAX + 1] = {
	[FAXENG_A_SUPPLY_NUMBER] =
		NLA_POLICY_RANGE(NLA_U32, 1, FAXENG_MAX_SUPPLIES),
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_A_SUPPLY_##_NAME] = NLA_POLICY_FULL_RANGE(NLA_U32,	\
			&faxeng_supply_knob_range[FAXENG_SUPPLY_KNOB_##_NAME]),
#include <linux/faxeng_props.h>
};

static const struct nla_policy
faxeng_supplies_set_policy[FAXENG_A_SUPPLIES_MAX + 1] = {
	[FAXENG_A_SUPPLY] = NLA_POLICY_NESTED(faxeng_supply_set_policy),
};

/* The highest attribute SET takes. */
#define FAXENG_SET_MAXATTR	FAXENG_A_SUPPLIES

static const struct nla_policy faxeng_set_policy[FAXENG_SET_MAXATTR + 1] = {
	[FAXENG_A_ID] = { .type = NLA_U32 },
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_A_##_NAME] = NLA_POLICY_FULL_RANGE(NLA_U32,		\
			&faxeng_knob_range[FAXENG_KNOB_##_NAME]),
#include <linux/faxeng_props.h>
	[FAXENG_A_ACTION] =
		NLA_POLICY_RANGE(NLA_U32, FAXENG_ACTION_DRUM_RESET,
				 FAXENG_ACTION_MAINTENANCE_DONE),
	[FAXENG_A_SUPPLIES] = NLA_POLICY_NESTED(faxeng_supplies_set_policy),
};

/* Netlink attribute of each knob, for SET and for replies. */
static const int faxeng_knob_attr[FAXENG_KNOB_COUNT] = {
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_KNOB_##_NAME] = FAXENG_A_##_NAME,
#include <linux/faxeng_props.h>
};

/* Netlink attribute of each supply knob, inside FAXENG_A_SUPPLY. */
static const int faxeng_supply_knob_attr[FAXENG_SUPPLY_KNOB_COUNT] = {
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_SUPPLY_KNOB_##_NAME] = FAXENG_A_SUPPLY_##_NAME,
#include <linux/faxeng_props.h>
};

static struct genl_family faxeng_family;

static int faxeng_put_trays(struct sk_buff *skb, const struct faxeng_state *st)
{
	struct nlattr *trays, *tray;
	int i;

	trays = nla_nest_start(skb, FAXENG_A_TRAYS);
	if (!trays)
		return -EMSGSIZE;
	for (i = 0; i < st->trays; i++) {
		tray = nla_nest_start(skb, FAXENG_A_TRAY);
		if (!tray ||
		    nla_put_u32(skb, FAXENG_A_TRAY_NUMBER, i + 1) ||
		    nla_put_u32(skb, FAXENG_A_TRAY_STATE, st->tray_state[i]))
			return -EMSGSIZE;
		nla_nest_end(skb, tray);
	}
	nla_nest_end(skb, trays);
	return 0;
}

/* One supply's nest: its number, what applies to it, its conditions. */
static int faxeng_put_supply(struct sk_buff *skb, unsigned int supply,
			     const struct faxeng_supply *sup)
{
	const struct faxeng_prop_info *pi;
	struct nlattr *nest;
	u64 value;
	int i, k;

	nest = nla_nest_start(skb, FAXENG_A_SUPPLY);
	if (!nest || nla_put_u32(skb, FAXENG_A_SUPPLY_NUMBER, supply))
		return -EMSGSIZE;
	for (i = 0; i < FAXENG_SUPPLY_PROP_COUNT; i++) {
		pi = &faxeng_supply_props[i];
		value = faxeng_supply_prop_value(sup, i);
		if (!faxeng_supply_applies(sup, pi->applies) ||
		    (pi->show == FAXENG_SHOW_LEVEL &&
		     value == FAXENG_LEVEL_UNKNOWN))
			continue;
		if (pi->nla_type == NLA_U64 ?
		    nla_put_u64_64bit(skb, pi->attr, value,
				      FAXENG_A_SUPPLY_PAD) :
		    nla_put_u32(skb, pi->attr, value))
			return -EMSGSIZE;
	}
	for (k = 0; k < FAXENG_SUPPLY_KNOB_COUNT; k++)
		if (faxeng_supply_applies(sup, faxeng_supply_knob_applies[k]) &&
		    nla_put_u32(skb, faxeng_supply_knob_attr[k], sup->knob[k]))
			return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, FAXENG_A_SUPPLY_CONDITIONS, sup->conditions,
			      FAXENG_A_SUPPLY_PAD))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int faxeng_put_supplies(struct sk_buff *skb,
			       const struct faxeng_state *st)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(skb, FAXENG_A_SUPPLIES);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < st->supplies; i++)
		if (faxeng_put_supply(skb, i + 1, &st->supply[i]))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* One property; a level not known is left out. */
static int faxeng_put_prop(struct sk_buff *skb, enum faxeng_prop prop,
			   const struct faxeng_state *st)
{
	const struct faxeng_prop_info *pi = &faxeng_props[prop];
	u64 value = faxeng_prop_value(st, prop);

	switch (pi->nla_type) {
	case NLA_U8:
		return nla_put_u8(skb, pi->attr, value);
	case NLA_U32:
		if (pi->show == FAXENG_SHOW_LEVEL &&
		    value == FAXENG_LEVEL_UNKNOWN)
			return 0;
		return nla_put_u32(skb, pi->attr, value);
	default:
		return nla_put_u64_64bit(skb, pi->attr, value, FAXENG_A_PAD);
	}
}

static int faxeng_put_state(struct sk_buff *skb, const struct faxeng *fe,
			    const struct faxeng_state *st)
{
	int i;

	if (nla_put_u32(skb, FAXENG_A_ID, fe->id) ||
	    nla_put_string(skb, FAXENG_A_NAME, dev_name(&fe->dev)) ||
	    nla_put_string(skb, FAXENG_A_MODEL, fe->model) ||
	    nla_put_string(skb, FAXENG_A_SERIAL, fe->serial) ||
	    faxeng_put_trays(skb, st) ||
	    faxeng_put_supplies(skb, st) ||
	    nla_put_u64_64bit(skb, FAXENG_A_CONDITIONS, st->conditions,
			      FAXENG_A_PAD))
		return -EMSGSIZE;
	for (i = 0; i < FAXENG_PROP_COUNT; i++)
		if (faxeng_put_prop(skb, i, st))
			return -EMSGSIZE;
	for (i = 0; i < FAXENG_KNOB_COUNT; i++)
		if (nla_put_u32(skb, faxeng_knob_attr[i], st->knob[i]))
			return -EMSGSIZE;
	return 0;
}

static int faxeng_put_transition(struct sk_buff *skb,
				 const struct faxeng_transition *tr)
{
	const struct faxeng_condition_info *ci = &faxeng_conditions[tr->cond];

	if (nla_put_u32(skb, FAXENG_A_EVENT_CONDITION, tr->cond) ||
	    nla_put_u8(skb, FAXENG_A_EVENT_ACTIVE, tr->active) ||
	    nla_put_string(skb, FAXENG_A_EVENT_CHANGED,
			   faxeng_condition_file(tr)) ||
	    nla_put_string(skb, FAXENG_A_EVENT_REASON,
			   faxeng_keyword(ci)) ||
	    nla_put_u32(skb, FAXENG_A_EVENT_SEVERITY, ci->severity) ||
	    nla_put_u32(skb, FAXENG_A_EVENT_ALERT_CODE, ci->alert_code) ||
	    (tr->tray && nla_put_u32(skb, FAXENG_A_EVENT_TRAY, tr->tray)) ||
	    (tr->supply &&
	     nla_put_u32(skb, FAXENG_A_EVENT_SUPPLY, tr->supply)))
		return -EMSGSIZE;
	return 0;
}

/* One message with an engine's state (and the transition, for events). */
static int faxeng_fill(struct sk_buff *skb, struct faxeng *fe,
		       const struct faxeng_state *st,
		       const struct faxeng_transition *tr,
		       u32 portid, u32 seq, int flags, u8 cmd)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &faxeng_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (faxeng_put_state(skb, fe, st) ||
	    (tr && faxeng_put_transition(skb, tr))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static struct faxeng *faxeng_nl_engine(struct genl_info *info)
{
	struct faxeng *fe;

	if (GENL_REQ_ATTR_CHECK(info, FAXENG_A_ID))
		return ERR_PTR(-EINVAL);
	fe = faxeng_find_get(nla_get_u32(info->attrs[FAXENG_A_ID]));
	if (!fe) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[FAXENG_A_ID],
				    "no such engine");
		return ERR_PTR(-ENODEV);
	}
	return fe;
}

static int faxeng_nl_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct faxeng_state st;
	struct sk_buff *msg;
	struct faxeng *fe;
	int ret;

	fe = faxeng_nl_engine(info);
	if (IS_ERR(fe))
		return PTR_ERR(fe);
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		put_device(&fe->dev);
		return -ENOMEM;
	}
	faxeng_snapshot(fe, &st);
	ret = faxeng_fill(msg, fe, &st, NULL, info->snd_portid, info->snd_seq,
			  0, FAXENG_CMD_GET);
	put_device(&fe->dev);
	if (ret) {
		nlmsg_free(msg);
		return ret;
	}
	return genlmsg_reply(msg, info);
}

static int faxeng_nl_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb)
{
	u32 id = cb->args[0];
	struct faxeng_state st;
	struct faxeng *fe;
	int ret;

	while ((fe = faxeng_next_get(&id))) {
		faxeng_snapshot(fe, &st);
		ret = faxeng_fill(skb, fe, &st, NULL,
				  NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, NLM_F_MULTI,
				  FAXENG_CMD_GET);
		put_device(&fe->dev);
		if (ret)
			break;
		id++;
	}
	cb->args[0] = id;
	return skb->len;
}

#if !FAXENG_GENL_SPLIT_OPS
/* Without a dump policy of its own, the dump refuses the do's id here. */
static int faxeng_nl_get_start(struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);

	if (info->attrs && info->attrs[FAXENG_A_ID]) {
		NL_SET_ERR_MSG_ATTR(cb->extack, info->attrs[FAXENG_A_ID],
				    FAXENG_DUMP_NO_ATTR);
		return -EINVAL;
	}
	return 0;
}
#endif

/*
 * SET's supplies, one FAXENG_A_SUPPLY nest each (the policy checked their
 * ranges): each supply's settings together, in order, up to the first
 * refused.
 */
static int faxeng_nl_set_supplies(struct faxeng *fe, struct nlattr *supplies,
				  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FAXENG_A_SUPPLY_MAX + 1], *nest;
	u32 value[FAXENG_SUPPLY_KNOB_COUNT], supply;
	unsigned long mask;
	int rem, k, ret;

	nla_for_each_nested(nest, supplies, rem) {
		ret = nla_parse_nested(tb, FAXENG_A_SUPPLY_MAX, nest,
				       faxeng_supply_set_policy, extack);
		if (ret)
			return ret;
		if (!tb[FAXENG_A_SUPPLY_NUMBER]) {
			NL_SET_ERR_MSG_ATTR(extack, nest,
					    "a supply without its number");
			return -EINVAL;
		}
		mask = 0;
		for (k = 0; k < FAXENG_SUPPLY_KNOB_COUNT; k++) {
			if (!tb[faxeng_supply_knob_attr[k]])
				continue;
			value[k] = nla_get_u32(tb[faxeng_supply_knob_attr[k]]);
			mask |= BIT(k);
		}
		supply = nla_get_u32(tb[FAXENG_A_SUPPLY_NUMBER]);
		ret = faxeng_set_supply_knobs(fe, supply - 1, mask, value);
		if (ret == -ENODEV) {
			NL_SET_ERR_MSG_ATTR(extack, tb[FAXENG_A_SUPPLY_NUMBER],
					    "no such supply");
		} else if (ret == -ENOENT) {
			NL_SET_ERR_MSG_ATTR(extack, nest,
					    "a setting this supply does not have");
			ret = -EINVAL;
		} else if (ret == -EINVAL) {
			NL_SET_ERR_MSG_ATTR(extack, nest,
					    "thresholds out of order");
		}
		if (ret)
			return ret;
	}
	return 0;
}

static int faxeng_nl_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	u32 value[FAXENG_KNOB_COUNT];
	unsigned long mask = 0;
	struct faxeng *fe;
	int i, ret = 0;

	for (i = 0; i < FAXENG_KNOB_COUNT; i++) {
		if (!attrs[faxeng_knob_attr[i]])
			continue;
		value[i] = nla_get_u32(attrs[faxeng_knob_attr[i]]);
		mask |= BIT(i);
	}
	if (!mask && !attrs[FAXENG_A_ACTION] && !attrs[FAXENG_A_SUPPLIES]) {
		NL_SET_ERR_MSG(info->extack, "nothing to set");
		return -EINVAL;
	}
	fe = faxeng_nl_engine(info);
	if (IS_ERR(fe))
		return PTR_ERR(fe);
	/* The knobs all or none, then the supplies', then the action. */
	if (mask) {
		ret = faxeng_set_knobs(fe, mask, value);
		if (ret == -EINVAL)
			NL_SET_ERR_MSG(info->extack,
				       "a threshold plus its hysteresis must stay below 100");
	}
	if (!ret && attrs[FAXENG_A_SUPPLIES])
		ret = faxeng_nl_set_supplies(fe, attrs[FAXENG_A_SUPPLIES],
					     info->extack);
	if (!ret && attrs[FAXENG_A_ACTION])
		ret = faxeng_do_action(fe,
				       nla_get_u32(attrs[FAXENG_A_ACTION]));
	put_device(&fe->dev);
	return ret;
}

#if FAXENG_GENL_SPLIT_OPS
static const struct genl_split_ops faxeng_ops[] = {
	{
		.cmd = FAXENG_CMD_GET,
		.doit = faxeng_nl_get_doit,
		.policy = faxeng_get_policy,
		.maxattr = ARRAY_SIZE(faxeng_get_policy) - 1,
		.flags = GENL_CMD_CAP_DO,
	},
	{
		.cmd = FAXENG_CMD_GET,
		.dumpit = faxeng_nl_get_dumpit,
		.policy = faxeng_dump_policy,
		.maxattr = ARRAY_SIZE(faxeng_dump_policy) - 1,
		.flags = GENL_CMD_CAP_DUMP,
	},
	{
		.cmd = FAXENG_CMD_SET,
		.doit = faxeng_nl_set_doit,
		.policy = faxeng_set_policy,
		.maxattr = ARRAY_SIZE(faxeng_set_policy) - 1,
		.flags = GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};
#else
static const struct genl_ops faxeng_ops[] = {
	{
		.cmd = FAXENG_CMD_GET,
		.doit = faxeng_nl_get_doit,
		.start = faxeng_nl_get_start,
		.dumpit = faxeng_nl_get_dumpit,
		.policy = faxeng_get_policy,
		.maxattr = ARRAY_SIZE(faxeng_get_policy) - 1,
	},
	{
		.cmd = FAXENG_CMD_SET,
		.doit = faxeng_nl_set_doit,
		.policy = faxeng_set_policy,
		.maxattr = ARRAY_SIZE(faxeng_set_policy) - 1,
		.flags = GENL_ADMIN_PERM,
	},
};
#endif

static const struct genl_multicast_group faxeng_mcgrps[] = {
	{ .name = FAXENG_GENL_MCGRP_EVENTS },
};

static struct genl_family faxeng_family __ro_after_init = {
	.name = FAXENG_GENL_NAME,
	.version = FAXENG_GENL_VERSION,
	.maxattr = FAXENG_A_MAX,
	.module = THIS_MODULE,
#if FAXENG_GENL_SPLIT_OPS
	.split_ops = faxeng_ops,
	.n_split_ops = ARRAY_SIZE(faxeng_ops),
#else
	.ops = faxeng_ops,
	.n_ops = ARRAY_SIZE(faxeng_ops),
#endif
	.mcgrps = faxeng_mcgrps,
	.n_mcgrps = ARRAY_SIZE(faxeng_mcgrps),
};

/*
 * Multicast one transition; nothing is built when nobody listens.
 * Return: 1 sent, 0 nobody listened, or the error that lost it: -ENOMEM
 * or -EMSGSIZE (not built), -ENOBUFS (a listener that set
 * NETLINK_BROADCAST_ERROR had no room; others may have it). Such losses
 * are counted in netlink_events_dropped.
 */
int faxeng_netlink_event(struct faxeng *fe, const struct faxeng_state *st,
			 const struct faxeng_transition *tr)
{
	struct sk_buff *msg;
	int ret;

	if (!genl_has_listeners(&faxeng_family, &init_net, 0))
		return 0;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		ret = -ENOMEM;
		goto lost;
	}
	ret = faxeng_fill(msg, fe, st, tr, 0, 0, 0, FAXENG_CMD_EVENT);
	if (ret) {
		nlmsg_free(msg);
		goto lost;
	}
	ret = genlmsg_multicast(&faxeng_family, msg, 0, 0, GFP_KERNEL);
	/* ESRCH: the last listener left since the check; nobody lost it. */
	if (!ret || ret == -ESRCH)
		return ret ? 0 : 1;
lost:
	WRITE_ONCE(fe->netlink_dropped, fe->netlink_dropped + 1);
	return ret;
}

int __init faxeng_netlink_init(void)
{
	return genl_register_family(&faxeng_family);
}

void faxeng_netlink_exit(void)
{
	genl_unregister_family(&faxeng_family);
}

/* Resolving the family (genl_ctrl_resolve "faxeng") loads the module. */
MODULE_ALIAS_GENL_FAMILY(FAXENG_GENL_NAME);
