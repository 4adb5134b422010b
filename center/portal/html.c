/* SPDX-License-Identifier: ISC */
/* Escaped HTML output and the page frame shared by every page. */
#include <string.h>

#include "html.h"

void
html_text(struct kore_buf *buf, const char *s)
{
	const char	*start;

	if (s == NULL)
		return;
	for (start = s; *s != '\0'; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		kore_buf_append(buf, start, (size_t)(s - start));
		kore_buf_appendf(buf, "%s", rep);
		start = s + 1;
	}
	kore_buf_append(buf, start, (size_t)(s - start));
}

void
html_wrap(struct kore_buf *buf, const char *before, const char *value,
    const char *after)
{
	kore_buf_append(buf, before, strlen(before));
	html_text(buf, value);
	kore_buf_append(buf, after, strlen(after));
}

void
html_begin(struct kore_buf *buf, const char *title)
{
	kore_buf_appendf(buf, "<!doctype html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">"
	    "<link rel=\"stylesheet\" href=\"/assets/style.css\"><title>");
	html_text(buf, title);
	/* The skip link comes first so that a keyboard's first Tab finds
	 * it; it shows only while it has the focus. */
	kore_buf_appendf(buf, " - faxcare service center</title></head>\n"
	    "<body><a class=\"skip\" href=\"#main\">Skip to the content</a>"
	    "<header><p class=\"brand\">faxcare service center</p>"
	    "</header><main id=\"main\" tabindex=\"-1\">\n<h1>");
	html_text(buf, title);
	kore_buf_appendf(buf, "</h1>\n");
}

void
html_end(struct kore_buf *buf)
{
	kore_buf_appendf(buf, "</main></body></html>\n");
}

void
html_table_begin(struct kore_buf *buf, const char *class, const char *label)
{
	kore_buf_appendf(buf, "<div class=\"table\" tabindex=\"0\"");
	if (label != NULL)
		html_wrap(buf, " role=\"region\" aria-label=\"", label, "\"");
	kore_buf_appendf(buf, "><table");
	if (class != NULL)
		html_wrap(buf, " class=\"", class, "\"");
	kore_buf_appendf(buf, ">");
}

void
html_table_end(struct kore_buf *buf)
{
	kore_buf_appendf(buf, "</table></div>\n");
}

int
html_send(struct http_request *req, int status, struct kore_buf *buf)
{
	http_response_header(req, "content-type", "text/html; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	http_response_header(req, "referrer-policy", "no-referrer");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "content-security-policy",
	    "default-src 'self'; frame-ancestors 'none'");
	http_response(req, status, buf->data, buf->offset);
	kore_buf_free(buf);
	return KORE_RESULT_OK;
}

int
html_message(struct http_request *req, int status, const char *title,
    const char *text)
{
	struct kore_buf	*buf = kore_buf_alloc(1024);

	html_begin(buf, title);
	kore_buf_appendf(buf, "<p>");
	html_text(buf, text);
	kore_buf_appendf(buf, "</p>\n");
	html_end(buf);
	return html_send(req, status, buf);
}
