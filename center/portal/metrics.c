/* SPDX-License-Identifier: ISC */
/*
 * GET /metrics: the center's state in Prometheus' text format (version
 * 0.0.4), counted in the database so every worker and host says the same:
 * terminals (and those not reporting), open notices by severity, orders
 * and visits by state, outbox mail by state, mail the mailgate dropped by
 * reason (a counter: quarantine.h). faxcare_database_up is 0 when
 * the database does not answer (the page is still 200, for the scraper).
 */
#include <stdio.h>
#include <string.h>

#include "page.h"

int	page_metrics(struct http_request *);

static const char sql_metrics[] =
	"SELECT 'terminals', NULL, COUNT(*) FROM terminals "
	"UNION ALL SELECT 'terminals_not_reporting', NULL, COUNT(*) "
	"  FROM terminals WHERE (last_report_at IS NULL OR last_report_at < "
	"NOW(6) - INTERVAL " STALE_DAYS " DAY) "
	"UNION ALL SELECT 'notices_open', severity, COUNT(*) FROM notices "
	"  WHERE closed_at IS NULL GROUP BY severity "
	"UNION ALL SELECT 'orders', state, COUNT(*) FROM orders GROUP BY state "
	"UNION ALL SELECT 'visits', state, COUNT(*) FROM visits GROUP BY state "
	"UNION ALL SELECT 'outbox', state, COUNT(*) FROM outbox GROUP BY state "
	"UNION ALL SELECT 'mail_dropped_total', reason, dropped "
	"  FROM mail_dropped";

static const struct {
	const char	*name;
	const char	*label;		/* NULL: no label */
	const char	*help;
	const char	*type;		/* NULL: gauge */
} metrics[] = {
	{ "terminals", NULL, "Terminals registered.", NULL },
	{ "terminals_not_reporting", NULL,
	    "Terminals without a report for " STALE_DAYS " days.", NULL },
	{ "notices_open", "severity", "Open notices by severity.", NULL },
	{ "orders", "state", "Consumable orders by state.", NULL },
	{ "visits", "state", "Service visits by state.", NULL },
	{ "outbox", "state", "Outgoing e-mails by state.", NULL },
	{ "mail_dropped_total", "reason", "Mail accepted and dropped, not "
	    "bounced, by reason.", "counter" },
};

enum { METRIC_NAME, METRIC_LABEL, METRIC_VALUE };

/* Label values come from the database: escape as the format asks. */
static void
label_value(struct kore_buf *buf, const char *v)
{
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == '\\' || *v == '"')
			kore_buf_appendf(buf, "\\%c", *v);
		else if (*v == '\n')
			kore_buf_appendf(buf, "\\n");
		else
			kore_buf_append(buf, v, 1);
	}
}

static int
metrics_answer(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf;
	unsigned int	 i, r;
	int		 up;

	up = p->q.status == DB_ASYNC_DONE;
	buf = kore_buf_alloc(2048);
	kore_buf_appendf(buf, "# HELP faxcare_database_up Whether the "
	    "database answered this scrape.\n# TYPE faxcare_database_up gauge\n"
	    "faxcare_database_up %d\n", up);
	for (i = 0; up && i < sizeof(metrics) / sizeof(metrics[0]); i++) {
		kore_buf_appendf(buf, "# HELP faxcare_%s %s\n# TYPE faxcare_%s "
		    "%s\n", metrics[i].name, metrics[i].help, metrics[i].name,
		    metrics[i].type != NULL ? metrics[i].type : "gauge");
		for (r = 0; r < p->q.rows; r++) {
			if (strcmp(db_async_cell(&p->q, r, METRIC_NAME),
			    metrics[i].name))
				continue;
			kore_buf_appendf(buf, "faxcare_%s", metrics[i].name);
			if (metrics[i].label != NULL) {
				kore_buf_appendf(buf, "{%s=\"", metrics[i].label);
				label_value(buf, db_async_cell(&p->q, r, METRIC_LABEL));
				kore_buf_appendf(buf, "\"}");
			}
			kore_buf_appendf(buf, " %s\n",
			    db_async_cell(&p->q, r, METRIC_VALUE));
		}
	}
	http_response_header(req, "content-type",
	    "text/plain; version=0.0.4; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	http_response(req, 200, buf->data, buf->offset);
	kore_buf_free(buf);
	return PAGE_DONE;
}

static const struct page metrics_page = {
	.who = PAGE_PUBLIC, .title = "metrics", .flags = PAGE_OWN_ERRORS,
	.sql = sql_metrics, .answer = metrics_answer,
};

int
page_metrics(struct http_request *req)
{
	return page_run(req, &metrics_page);
}
