/* SPDX-License-Identifier: ISC */
/*
 * Generic netlink with libnl-genl: two sockets, one for requests and one
 * that only listens to the events group, so an event never interleaves with
 * a reply the caller waits for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/netlink.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "engine.h"

struct engine_nl {
	struct nl_sock	*req;
	struct nl_sock	*ev;		/* NULL without events */
	int		 family;
};

struct parse_ctx {
	engine_cb	 cb;
	void		*arg;
	int		 is_event;
	int		 count;
};

static int last_err;		/* libnl's code of the last failure */
/* The kernel's last refusal: errno, extended-ACK message, attribute. */
static struct {
	int	 err;
	int	 attr;
	char	 text[256];
} refusal;

const char *
engine_strerror(void)
{
	if (refusal.text[0])
		return refusal.text;
	if (refusal.err)
		return strerror(refusal.err);
	return nl_geterror(last_err);
}

int
engine_error_attr(void)
{
	return refusal.attr;
}

static int
parse_state(struct nl_msg *msg, void *arg)
{
	struct parse_ctx *ctx = arg;
	struct engine_state st;

	if (engine_parse_state(msg, &st) < 0)
		return NL_SKIP;
	ctx->count++;
	ctx->cb(ctx->arg, &st, ctx->is_event);
	return NL_OK;
}

static struct nl_sock *
connect_sock(void)
{
	struct nl_sock *sk;

	if ((sk = nl_socket_alloc()) == NULL) {
		last_err = NLE_NOMEM;
		return NULL;
	}
	if ((last_err = genl_connect(sk)) < 0) {
		nl_socket_free(sk);
		return NULL;
	}
	return sk;
}

struct engine_nl *
engine_open(int events)
{
	struct engine_nl *nl;
	int grp, one = 1;

	memset(&refusal, 0, sizeof(refusal));
	if ((nl = calloc(1, sizeof(*nl))) == NULL)
		return NULL;
	if ((nl->req = connect_sock()) == NULL)
		goto fail;
	/* Refusals then say why (the kernel's extended ACK). */
	if (setsockopt(nl_socket_get_fd(nl->req), SOL_NETLINK,
	    NETLINK_EXT_ACK, &one, sizeof(one)) == -1) {
		last_err = -nl_syserr2nlerr(errno);
		goto fail;
	}
	if ((nl->family = genl_ctrl_resolve(nl->req, FAXENG_GENL_NAME)) < 0) {
		last_err = nl->family;
		goto fail;
	}
	if (!events)
		return nl;
	if ((nl->ev = connect_sock()) == NULL)
		goto fail;
	if ((grp = genl_ctrl_resolve_grp(nl->req, FAXENG_GENL_NAME,
	    FAXENG_GENL_MCGRP_EVENTS)) < 0) {
		last_err = grp;
		goto fail;
	}
	nl_socket_disable_seq_check(nl->ev);
	if ((last_err = nl_socket_add_membership(nl->ev, grp)) < 0 ||
	    (last_err = nl_socket_set_nonblocking(nl->ev)) < 0)
		goto fail;
	return nl;
fail:
	engine_close(nl);
	return NULL;
}

void
engine_close(struct engine_nl *nl)
{
	if (nl == NULL)
		return;
	/* libnl frees no socket for NULL. */
	nl_socket_free(nl->req);
	nl_socket_free(nl->ev);
	free(nl);
}

int
engine_event_fd(struct engine_nl *nl)
{
	return nl->ev != NULL ? nl_socket_get_fd(nl->ev) : -1;
}

int
engine_read_events(struct engine_nl *nl, engine_cb cb, void *arg)
{
	struct parse_ctx ctx = { cb, arg, 1, 0 };
	int err;

	if ((err = nl_socket_modify_cb(nl->ev, NL_CB_VALID, NL_CB_CUSTOM,
	    parse_state, &ctx)) < 0) {
		last_err = err;
		return -1;
	}
	err = nl_recvmsgs_default(nl->ev);
	if (err < 0 && err != -NLE_AGAIN) {
		memset(&refusal, 0, sizeof(refusal));
		last_err = err;
		return -1;
	}
	return ctx.count;
}

static int
nl_to_errno(int err)
{
	switch (-err) {
	case NLE_PERM:		return EPERM;
	case NLE_INVAL:		return EINVAL;
	case NLE_RANGE:		return ERANGE;
	case NLE_NODEV:
	case NLE_OBJ_NOTFOUND:	return ENODEV;
	default:		return EIO;
	}
}

/* The range a policy allows, from the NLMSGERR_ATTR_POLICY nest. */
static void
append_range(struct nlattr *policy)
{
	struct nlattr *tb[NL_POLICY_TYPE_ATTR_MAX + 1];
	size_t len = strlen(refusal.text);

	if (nla_parse_nested(tb, NL_POLICY_TYPE_ATTR_MAX, policy, NULL) < 0 ||
	    tb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U] == NULL ||
	    tb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U] == NULL)
		return;
	(void)snprintf(refusal.text + len, sizeof(refusal.text) - len,
	    " (%llu..%llu)", (unsigned long long)
	    nla_get_u64(tb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U]),
	    (unsigned long long)
	    nla_get_u64(tb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U]));
}

/*
 * A refusal: keep the errno, the extended ACK's message and the attribute
 * its offset points at (in the request, echoed whole after the error).
 */
static int
on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t ack_len = sizeof(*e);
	uint32_t offs;

	(void)who;
	(void)arg;
	refusal.err = -e->error;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		ack_len += e->msg.nlmsg_len - NLMSG_HDRLEN;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    nlh->nlmsg_len < NLMSG_HDRLEN + ack_len ||
	    nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)((char *)e +
	    ack_len), (int)(nlh->nlmsg_len - NLMSG_HDRLEN - ack_len),
	    NULL) < 0)
		return -nl_syserr2nlerr(refusal.err);
	if (tb[NLMSGERR_ATTR_MSG] != NULL)
		(void)snprintf(refusal.text, sizeof(refusal.text), "%s",
		    nla_get_string(tb[NLMSGERR_ATTR_MSG]));
	if (tb[NLMSGERR_ATTR_POLICY] != NULL && refusal.text[0])
		append_range(tb[NLMSGERR_ATTR_POLICY]);
	if (tb[NLMSGERR_ATTR_OFFS] != NULL && !(nlh->nlmsg_flags &
	    NLM_F_CAPPED)) {
		offs = nla_get_u32(tb[NLMSGERR_ATTR_OFFS]);
		if (offs >= NLMSG_HDRLEN && (size_t)offs + NLA_HDRLEN <=
		    e->msg.nlmsg_len)
			refusal.attr = nla_type((struct nlattr *)
			    ((char *)&e->msg + offs));
	}
	return -nl_syserr2nlerr(refusal.err);
}

static int
on_finished(struct nl_msg *msg, void *arg)
{
	(void)msg;
	*(int *)arg = 1;
	return NL_STOP;
}

/*
 * Sends msg on the request socket and reads until the kernel has finished
 * answering it: a dump ends with NLMSG_DONE, any other request with the ack
 * it asked for (or an error). nl_recvmsgs() returns after each datagram that
 * is not part of a dump, so a GET's reply comes back without its ack; a
 * single call would leave that ack queued, and the next request on this
 * socket would take it (no state) and the one after that would take the
 * previous reply (an old state).
 */
static int
transact(struct engine_nl *nl, struct nl_msg *msg, struct parse_ctx *ctx)
{
	struct nl_cb *cb;
	int err, done = 0;

	memset(&refusal, 0, sizeof(refusal));
	refusal.attr = -1;
	if ((cb = nl_cb_clone(nl_socket_get_cb(nl->req))) == NULL) {
		nlmsg_free(msg);
		err = -NLE_NOMEM;
		goto out;
	}
	if (ctx != NULL)
		err = nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, parse_state,
		    ctx);
	else
		err = 0;
	if (err == 0)
		err = nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_finished,
		    &done);
	if (err == 0)
		err = nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finished,
		    &done);
	if (err == 0)
		err = nl_cb_err(cb, NL_CB_CUSTOM, on_error, NULL);
	if (err == 0)
		err = nl_send_auto(nl->req, msg);
	nlmsg_free(msg);
	while (err >= 0 && !done)
		err = nl_recvmsgs(nl->req, cb);
	nl_cb_put(cb);
out:
	if (err < 0) {
		last_err = err;
		errno = refusal.err ? refusal.err : nl_to_errno(err);
		return -1;
	}
	return 0;
}

static struct nl_msg *
new_request(struct engine_nl *nl, int cmd, int flags)
{
	struct nl_msg *msg;

	if ((msg = nlmsg_alloc()) == NULL)
		return NULL;
	if (genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
	    flags, (uint8_t)cmd, FAXENG_GENL_VERSION) == NULL) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static void
copy_state(void *arg, const struct engine_state *st, int is_event)
{
	(void)is_event;
	memcpy(arg, st, sizeof(*st));
}

int
engine_get(struct engine_nl *nl, unsigned id, struct engine_state *st)
{
	struct parse_ctx ctx = { copy_state, st, 0, 0 };
	struct nl_msg *msg;

	if ((msg = new_request(nl, FAXENG_CMD_GET, NLM_F_ACK)) == NULL)
		return -1;
	if (nla_put_u32(msg, FAXENG_A_ID, id) < 0) {
		nlmsg_free(msg);
		return -1;
	}
	if (transact(nl, msg, &ctx) == -1)
		return -1;
	if (ctx.count == 0) {
		last_err = NLE_MSG_TRUNC;	/* an ack without the state */
		errno = ENODEV;
		return -1;
	}
	return 0;
}

int
engine_dump(struct engine_nl *nl, engine_cb cb, void *arg)
{
	struct parse_ctx ctx = { cb, arg, 0, 0 };
	struct nl_msg *msg;

	if ((msg = new_request(nl, FAXENG_CMD_GET, NLM_F_DUMP)) == NULL)
		return -1;
	if (transact(nl, msg, &ctx) == -1)
		return -1;
	return ctx.count;
}

void
engine_settings_init(struct engine_settings *set)
{
#define FAXENG_KNOB(name, NAME, min, max, def)	set->name = -1;
#include <linux/faxeng_props.h>
	set->action = FAXENG_ACTION_NONE;
}

int
engine_set(struct engine_nl *nl, unsigned id,
    const struct engine_settings *set)
{
	const struct { int attr; long long val; } v[] = {
#define FAXENG_KNOB(name, NAME, min, max, def)	\
		{ FAXENG_A_##NAME, set->name },
#include <linux/faxeng_props.h>
		{ FAXENG_A_ACTION, set->action ? set->action : -1 },
	};
	struct nl_msg *msg;
	size_t i;

	if ((msg = new_request(nl, FAXENG_CMD_SET, NLM_F_ACK)) == NULL)
		return -1;
	if (nla_put_u32(msg, FAXENG_A_ID, id) < 0)
		goto fail;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (v[i].val >= 0 &&
		    nla_put_u32(msg, v[i].attr, (uint32_t)v[i].val) < 0)
			goto fail;
	}
	return transact(nl, msg, NULL);
fail:
	nlmsg_free(msg);
	errno = EMSGSIZE;
	return -1;
}

int
engine_id_of(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "faxeng", 6) != 0 || name[6] < '0' || name[6] > '9')
		return -1;
	n = strtol(name + 6, &end, 10);
	if (*end != '\0' || n < 0 || n > 1000000)
		return -1;
	return (int)n;
}
