/*
 * GET /bench/hello: "hello" from the app without touching the database.
 * Not routed by conf/faxcenter.conf; bench/center/run-homepage routes it
 * to measure the homepage against the same Kore binary's bare speed.
 */
#include "app.h"

int	page_bench_hello(struct http_request *);

int
page_bench_hello(struct http_request *req)
{
	static const char	hello[] = "hello\n";

	http_response_header(req, "content-type", "text/plain");
	http_response(req, 200, hello, sizeof(hello) - 1);
	return KORE_RESULT_OK;
}
