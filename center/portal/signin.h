/* SPDX-License-Identifier: ISC */
/*
 * Signing in, one way for the staff form and the API: rate limit, the
 * account's row, the password checked in a task (password_task.h), a new
 * session, and one audit entry either way. Each door answers in its own
 * format through its struct signin.
 */
#ifndef FAXCENTER_SIGNIN_H
#define FAXCENTER_SIGNIN_H

#include "page.h"

enum signin_refusal {
	SIGNIN_LIMITED,		/* too many attempts: address or user name */
	SIGNIN_MISSING,		/* no username or password */
	SIGNIN_TOO_LONG,	/* the username */
	SIGNIN_NO_RANDOM,	/* no token could be made */
	SIGNIN_WRONG,		/* wrong username or password */
};

struct signin {
	const char	*audit_ok;	/* the audit log's actions */
	const char	*audit_failed;
	const char	*subject;	/* and subject */
	const char	*kind;		/* sessions.kind: "web" or "api" */
	int		 with_address;	/* detail: the client's address */
	/* After the rate limit: -1 to go on, or answered: PAGE_DONE. */
	int	(*admit)(struct http_request *);
	/* Answer a refusal: PAGE_DONE. */
	int	(*refuse)(struct http_request *, enum signin_refusal);
	/* The session is open (p->new_token): before the audit entry. */
	void	(*opened)(struct http_request *, struct portal *);
	/* Answer the signed-in client, after the audit entry: PAGE_DONE. */
	int	(*signed_in)(struct http_request *, struct portal *);
};

/* A page's query(): check the request, look the account up. */
int	signin_start(struct http_request *req, struct portal *p,
	    const struct signin *how);

/* The page's answer() (with PAGE_OWN_ERRORS): every later step. */
int	signin_step(struct http_request *req, struct portal *p,
	    const struct signin *how);

#endif
