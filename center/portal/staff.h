/* SPDX-License-Identifier: ISC */
/*
 * What the staff pages share: the roles a page admits (struct page's
 * roles, page.h), the navigation, and the words of an action's audit
 * entry.
 */
#ifndef FAXCENTER_STAFF_H
#define FAXCENTER_STAFF_H

#include <kore/kore.h>
#include <kore/http.h>

#include "page.h"

#define ROLE_ADMIN	0x01	/* everything, and the audit log */
#define ROLE_DESK	0x02	/* orders, catalogue, guides */
#define ROLE_DISPATCH	0x04	/* technicians and their slots */
#define ROLE_STAFF	0x08	/* the fleet overview */
#define ROLE_ANY	0x0f

/* The answers of a staff action (struct page) that failed. */
#define STAFF_ACTION_WORDS						\
	.duplicate = { "Already there", "That entry exists already." },	\
	.not_found = { "Not found", "Nothing matched: the entry does not "	\
	    "exist or is closed." }

/* The staff pages' navigation, for the signed-in member's roles. */
void	staff_nav(struct kore_buf *buf, struct portal *p);

/* For an action's query(): what the audit log says about it (p->obj is
 * its subject). */
void	staff_audit_detail(struct portal *p, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
