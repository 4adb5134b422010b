/* SPDX-License-Identifier: ISC */
/*
 * GET /bench/hello: "hello" from the app without touching the database.
 * Not routed by conf/faxcenter.conf; bench/center/run-homepage routes it
 * to measure the homepage against the same Kore binary's bare speed.
 */
#include "page.h"

int	page_bench_hello(struct http_request *);

static int
hello(struct http_request *req, struct portal *p)
{
	static const char	hello[] = "hello\n";

	(void)p;
	http_response_header(req, "content-type", "text/plain");
	http_response(req, 200, hello, sizeof(hello) - 1);
	return PAGE_DONE;
}

static const struct page hello_page = {
	.who = PAGE_LOCAL, .title = "hello", .query = hello,
};

int
page_bench_hello(struct http_request *req)
{
	return page_run(req, &hello_page);
}
