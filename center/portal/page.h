/* SPDX-License-Identifier: ISC */
/*
 * Every page of the portal is a struct page run by page_run(): the
 * manager's homepage and actions, the staff pages, the JSON API, sign-in
 * and the small pages (health, metrics, chart, confirm, bench).
 *
 *	who may see it	PAGE_PUBLIC, PAGE_LOCAL (this host only),
 *			PAGE_LINK (a token ends the path, hashed into
 *			p->link_hash), PAGE_MANAGER (session cookie),
 *			PAGE_STAFF (session cookie and one of roles),
 *			PAGE_API (bearer token and one of roles); a POST
 *			with a cookie must carry its CSRF token
 *	its query	query() starts the page's statement on p->q; or
 *			sql, a statement without parameters that the
 *			runner starts
 *	how it answers	answer() once the statement is done, as often as
 *			it starts another; a staff page may instead give
 *			render(), drawn inside the staff pages' frame
 *	its list	paging: a list paged by paging.c (its cursor,
 *			filters, total), run before answer() or render()
 *	what it audits	audit: once the statement changed a row, the
 *			runner writes that action to the audit log (as the
 *			staff member, or as the manager), then answers with
 *			audited() or a redirect to next
 *
 * query() and answer() return what the runner does next: PAGE_DONE (the
 * page answered), PAGE_QUERY (a statement was started), PAGE_WAIT (the
 * request sleeps on a task), PAGE_AUDIT (write the audit entry). A failed
 * statement is answered by the runner (409 with duplicate's words for a
 * duplicate entry, else 503, in HTML or JSON) unless the page says
 * PAGE_OWN_ERRORS; page_failed() gives such a page the same answer.
 */
#ifndef FAXCENTER_PAGE_H
#define FAXCENTER_PAGE_H

#include <kore/kore.h>
#include <kore/http.h>

#include "portal.h"
#include "ratelimit.h"

enum page_who {
	PAGE_PUBLIC,
	PAGE_LOCAL,
	PAGE_LINK,
	PAGE_MANAGER,
	PAGE_STAFF,
	PAGE_API,
};

enum page_next { PAGE_DONE, PAGE_QUERY, PAGE_WAIT, PAGE_AUDIT };

#define PAGE_OWN_ERRORS	0x01	/* answer() sees failed statements too */
#define PAGE_JSON	0x02	/* errors as JSON (implied by PAGE_API) */

/* The words of an HTML answer. */
struct page_words {
	const char	*title;
	const char	*text;
};

struct page {
	const char		*title;		/* HTML title; the log's word */
	enum page_who		 who;
	unsigned int		 roles;		/* PAGE_STAFF, PAGE_API */
	enum ratelimit_class	 limit;		/* per client address */
	unsigned int		 flags;
	const char		*sql;		/* where query() is NULL */
	const struct paging_list *paging;	/* instead of query() */
	int	(*query)(struct http_request *, struct portal *);
	int	(*answer)(struct http_request *, struct portal *);
	void	(*render)(struct kore_buf *, struct portal *);
	/* After the audit entry (its failure is only logged). */
	int	(*audited)(struct http_request *, struct portal *);
	const char		*audit;		/* the audit log's action */
	const char		*next;		/* where audited() is NULL */
	struct page_words	 duplicate;	/* 409, for a duplicate entry */
	struct page_words	 not_found;	/* 404: bad link, no row changed */
};

/* A route's handler: return page_run(req, &its_page). */
int	page_run(struct http_request *req, const struct page *page);

/* The runner's answer to the failed statement in p->q: PAGE_DONE. */
int	page_failed(struct http_request *req, struct portal *p);

/* A PAGE_LINK page's statement, the link's hash its one parameter:
 * get_sql shows what the link does, post_sql does it. PAGE_QUERY. */
int	page_link_query(struct http_request *req, struct portal *p,
	    const char *get_sql, const char *post_sql);

/* Answer 404 with the page's not_found words: PAGE_DONE. */
int	page_not_found(struct http_request *req, struct portal *p);

#endif
