/* SPDX-License-Identifier: ISC */
/* GMime: raw message in, decoded text/plain body out. */
#include <stdio.h>
#include <string.h>

#include <gmime/gmime.h>

#include "mime.h"

/* The first text/plain part, looking inside multiparts (a forwarded or
 * footer-adding list may wrap the report). */
static GMimeTextPart *
find_text_part(GMimeObject *obj)
{
	GMimeMultipart	*mp;
	GMimeTextPart	*found;
	int		 i, n;

	if (GMIME_IS_TEXT_PART(obj) &&
	    g_mime_content_type_is_type(g_mime_object_get_content_type(obj),
	    "text", "plain"))
		return GMIME_TEXT_PART(obj);
	if (!GMIME_IS_MULTIPART(obj))
		return NULL;
	mp = GMIME_MULTIPART(obj);
	n = g_mime_multipart_get_count(mp);
	for (i = 0; i < n; i++) {
		found = find_text_part(g_mime_multipart_get_part(mp, i));
		if (found != NULL)
			return found;
	}
	return NULL;
}

int
mime_extract(const char *raw, size_t len, struct mime_text *out, char *err,
    size_t errlen)
{
	GMimeStream	*stream;
	GMimeParser	*parser;
	GMimeMessage	*msg;
	GMimeObject	*body;
	GMimeTextPart	*part;
	const char	*mid;
	static int	 initialised;

	memset(out, 0, sizeof(*out));
	if (!initialised) {
		g_mime_init();
		initialised = 1;
	}
	stream = g_mime_stream_mem_new_with_buffer(raw, len);
	parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	if (msg == NULL) {
		(void)snprintf(err, errlen, "not an RFC 5322 message");
		return -1;
	}
	body = g_mime_message_get_mime_part(msg);
	part = body != NULL ? find_text_part(body) : NULL;
	if (part == NULL) {
		(void)snprintf(err, errlen,
		    "the message has no text/plain part");
		g_object_unref(msg);
		return -1;
	}
	out->text = g_mime_text_part_get_text(part);
	if (out->text == NULL) {
		(void)snprintf(err, errlen, "the text part cannot be decoded");
		g_object_unref(msg);
		return -1;
	}
	out->len = strlen(out->text);
	if ((mid = g_mime_message_get_message_id(msg)) != NULL)
		out->message_id = g_strdup(mid);
	g_object_unref(msg);
	return 0;
}

void
mime_text_free(struct mime_text *mt)
{
	g_free(mt->text);
	g_free(mt->message_id);
	memset(mt, 0, sizeof(*mt));
}
