/* SPDX-License-Identifier: ISC */
/*
 * The e-mails the center writes, built with GMime (headers encoded and
 * folded as RFC 5322 and 2047 want, CRLF line ends for SMTP).
 */
#ifndef FAXCENTER_OUTBOX_COMPOSE_H
#define FAXCENTER_OUTBOX_COMPOSE_H

#include <stddef.h>

/* One open notice as the manager's e-mail lists it. */
struct notice_line {
	const char	*model;
	const char	*serial;
	const char	*terminal;	/* terminal id */
	const char	*summary;	/* "Toner is low" */
	const char	*severity;	/* warning, error, report */
	const char	*kind;		/* supply, fault, service */
	const char	*opened;	/* "2026-11-24 04:00 UTC" */
};

/* Subject and plain-words body of a manager's notice e-mail (g_free). */
void	compose_notice_mail(const struct notice_line *lines, size_t n,
	    const char *home_url, int valid_days, char **subject,
	    char **body);

/* Body of the e-mail asking an address to confirm the n terminals listed
 * in lines (each "  * terminal:\n    link\n"); valid_hours as configured. */
char	*compose_confirm_mail(const char *const *lines, size_t n,
	    const char *address, int valid_hours);

/* A change of manager, as the previous manager's e-mail tells it. */
struct takeover_mail {
	const char	*terminal;	/* terminal id (its key's) */
	const char	*model;		/* what the terminal says */
	const char	*serial;
	const char	*new_manager;
	const char	*changed;	/* "2026-11-24 04:00 UTC" */
	const char	*until;		/* end of the undo window */
	const char	*undo_url;	/* NULL: it can no longer be undone */
};

/* Body of the e-mail telling the previous manager (g_free). */
char	*compose_takeover_mail(const struct takeover_mail *tm);

/* What the desk changed, as the manager's e-mail tells it. */
struct desk_mail {
	const char	*event;		/* order-cancelled, visit-cancelled,
					   visit-moved */
	const char	*terminal;
	const char	*model;
	const char	*serial;
	const char	*item;		/* the order's consumable */
	const char	*quantity;
	const char	*id;		/* the order's or the visit's */
	const char	*technician;	/* the visit's */
	const char	*when;		/* the visit's (new) time */
	const char	*before;	/* a moved visit's earlier time */
};

/* Subject and body of that e-mail (g_free). */
void	compose_desk_mail(const struct desk_mail *dm, char **subject,
	    char **body);

/*
 * The whole message: From, To, Subject, Date, Message-ID (given without
 * angle brackets), a text/plain UTF-8 body. Returns a g_malloc'd string.
 */
char	*compose_message(const char *from, const char *to,
	    const char *subject, const char *body, const char *message_id);

#endif
