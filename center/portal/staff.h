/*
 * The staff pages: each is a struct staff_page run by staff_run(), which
 * checks the session cookie and the role (and, for a POST, the CSRF
 * token), then lets the page run its one statement and answer. An action
 * that changed something is written to the audit log before the redirect.
 */
#ifndef FAXCENTER_STAFF_H
#define FAXCENTER_STAFF_H

#include <kore/kore.h>
#include <kore/http.h>

#include "portal.h"

#define ROLE_ADMIN	0x01	/* everything, and the audit log */
#define ROLE_DESK	0x02	/* orders, catalogue, guides */
#define ROLE_DISPATCH	0x04	/* technicians and their slots */
#define ROLE_STAFF	0x08	/* the fleet overview */
#define ROLE_ANY	0x0f

struct staff_page {
	const char	*title;
	unsigned int	 roles;
	/* Start the page's statement; or answer (bad input) and return -1. */
	int		(*start)(struct http_request *, struct portal *);
	/* Render rows into buf (a GET page). */
	void		(*render)(struct kore_buf *, struct portal *);
	/* For an action: the audit log's word, and where to go after. */
	const char	*audit;
	const char	*next;
};

int	staff_run(struct http_request *req, const struct staff_page *page);

/* The role bit of a role's name, 0 for none. */
unsigned int	staff_role_bit(const char *role);

/* The staff pages' navigation, for the signed-in member's roles. */
void	staff_nav(struct kore_buf *buf, struct portal *p);

/* For an action's start(): what the audit log says about it. */
void	staff_audit_detail(struct portal *p, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
