/* SPDX-License-Identifier: ISC */
/* HTML output for the center's pages: every value goes through html_text. */
#ifndef FAXCENTER_HTML_H
#define FAXCENTER_HTML_H

#include <kore/kore.h>
#include <kore/http.h>

/* Append s with &, <, >, " and ' escaped; NULL appends nothing. */
void	html_text(struct kore_buf *buf, const char *s);

/* Append before, then value escaped (NULL: nothing), then after. */
void	html_wrap(struct kore_buf *buf, const char *before, const char *value,
	    const char *after);

/* The page's head (title escaped) and its end. */
void	html_begin(struct kore_buf *buf, const char *title);
void	html_end(struct kore_buf *buf);

/*
 * A table inside its own sideways-scrolling region, so that a wide table
 * scrolls by itself on a phone and never the whole page; the region is
 * focusable (a keyboard scrolls it) and, unless label is NULL, a region
 * named label. class may be NULL.
 */
void	html_table_begin(struct kore_buf *buf, const char *class,
	    const char *label);
void	html_table_end(struct kore_buf *buf);

/* Send buf as text/html with status, never cached, and free it. */
int	html_send(struct http_request *req, int status, struct kore_buf *buf);

/* A page that only says one thing. */
int	html_message(struct http_request *req, int status, const char *title,
	    const char *text);

#endif
