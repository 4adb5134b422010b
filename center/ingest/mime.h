/* SPDX-License-Identifier: ISC */
/*
 * Taking a report's text out of a mail message as the MTA delivered it,
 * with GMime: headers unfolded, transfer encodings (quoted-printable,
 * base64) and charsets undone, whatever Received or other headers were
 * added on the way.
 */
#ifndef FAXCENTER_MIME_H
#define FAXCENTER_MIME_H

#include <stddef.h>

struct mime_text {
	char	*text;		/* the decoded text/plain body (UTF-8) */
	size_t	 len;
	char	*message_id;	/* without angle brackets, or NULL */
};

/* 0, or -1 with a reason in err (not a message, no text/plain part). */
int	mime_extract(const char *raw, size_t len, struct mime_text *out,
	    char *err, size_t errlen);

void	mime_text_free(struct mime_text *mt);

#endif
