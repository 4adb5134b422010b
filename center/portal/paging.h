/* SPDX-License-Identifier: ISC */
/*
 * Keyset pagination, the one way every list of the staff pages and the
 * JSON API pages (never OFFSET: a page costs the same at row 10 and at
 * row 10^6, and rows inserted between two loads are neither skipped nor
 * shown twice).
 *
 * A list sorts by one unique, indexed key (its rows' id). A cursor names
 * the key of the row a page starts after ("n" and the key: the next page)
 * or ends before ("p" and the key: the previous page); anything else is
 * answered 400. A page fetches one row more than it shows, to know
 * whether another page follows.
 *
 * A timed list sorts by a time, then the id (slots by when they start,
 * guides by when they were written): its cursor holds both, "n" or "p",
 * the time in microseconds since 1970 UTC, "-" and the id, so a row is
 * placed by the pair whatever its neighbours' times. The index that
 * serves it is (time), whose entries InnoDB orders by (time, id).
 *
 * The total is counted with the list's filters, up to PAGING_COUNT_CAP
 * rows (a COUNT over at most that many index entries, so it stays cheap
 * at 10^6 rows); beyond, the page says "more than" the cap.
 *
 * A page with .paging (page.h) runs: its filters(), its choices (kept
 * for a form), the count statement,
 * then forward or backward with the filters, the key and the rows to
 * fetch; then its answer() or render() reads the rows through
 * paging_shown() and paging_row().
 */
#ifndef FAXCENTER_PAGING_H
#define FAXCENTER_PAGING_H

#include <kore/kore.h>
#include <kore/http.h>

#include "db.h"

#define PAGING_COUNT_CAP	"10000"		/* goes into statements */
#define PAGING_COUNT_FETCH	"10001"		/* the cap and one */
#define PAGING_ROWS		50		/* a staff page */
#define PAGING_ROWS_MAX		1000		/* ?limit= of the API */
#define PAGING_FILTERS_MAX	10		/* statement parameters */

/*
 * A timed list's SQL: its time column as the cursor's number, and the
 * rows after (or before) the cursor's (time, id), which take three
 * parameters: the time twice, then the id. Written out rather than as
 * (t, id) > (?, ?), whose range MariaDB does not seek in the index.
 */
#define PAGING_TIME(t)	"TIMESTAMPDIFF(MICROSECOND, '1970-01-01', " t ")"
#define PAGING_AT	"(TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ? MICROSECOND)"
#define PAGING_AFTER(t, id)						\
	"(" t " > " PAGING_AT " OR (" t " = " PAGING_AT " AND " id " > ?)) "
#define PAGING_BEFORE(t, id)						\
	"(" t " < " PAGING_AT " OR (" t " = " PAGING_AT " AND " id " < ?)) "

struct portal;
struct staff_column;

/* A list's statements. Each takes the filters' parameters first; forward
 * and backward then take the key (a timed list's: PAGING_AFTER's and
 * PAGING_BEFORE's three) and the number of rows. */
struct paging_list {
	const char	*count;		/* one row: COUNT(*) up to the cap */
	const char	*forward;	/* key after ?, in the list's order */
	const char	*backward;	/* key before ?, in reverse order */
	int		 descending;	/* the list shows the highest key first */
	unsigned int	 key_col;	/* the column holding the key */
	int		 timed;		/* sorted by a time, then the key */
	unsigned int	 time_col;	/* its PAGING_TIME() column */
	/* The request's filters as parameters (*n of them) and in links
	 * (the query string's names, NULL-terminated); -1 when it answered
	 * a malformed one. NULL: the list has no filters. */
	int	(*filters)(struct http_request *, struct portal *,
		    struct db_val *, unsigned int *n);
	const char *const *names;
	/* A statement without parameters run first, its rows kept in
	 * p->choices (a form's options), or NULL. */
	const char	*choices;
};

/* A request's place in a list (in struct portal). */
struct paging {
	unsigned long long	 key;		/* the cursor's; 0: none */
	unsigned long long	 time;		/* a timed list's cursor's */
	int			 before;	/* a "p" cursor */
	unsigned int		 rows;		/* shown at most */
	long long		 total;		/* -1 until counted */
	struct db_val		 filter[PAGING_FILTERS_MAX];
	unsigned int		 nfilter;
};

/* Answer 400 with text, in the page's format: PAGE_DONE (filters()
 * then return -1). */
int	paging_refuse(struct http_request *req, struct portal *p,
	    const char *text);

/* For the runner (page.c): read the cursor and the filters and start the
 * count (PAGE_QUERY), or answer 400 (PAGE_DONE). */
int	paging_start(struct http_request *req, struct portal *p);

/* For the runner: after the count, start the page (PAGE_QUERY); after
 * the page, -1 (the page's answer() or render() follows). */
int	paging_next(struct http_request *req, struct portal *p);

/* How many rows the page shows, and the statement's row for the k-th. */
unsigned int	paging_shown(const struct portal *p);
unsigned int	paging_row(const struct portal *p, unsigned int k);

/* The total ("more than" the cap included), the rows, and links to the
 * previous and next pages keeping the filters, as HTML. */
void	paging_table(struct kore_buf *buf, struct portal *p,
	    const struct staff_column *cols);

/* The same, the last of cols drawn by tail (its <td>s) for the row r. */
void	paging_table_tail(struct kore_buf *buf, struct portal *p,
	    const struct staff_column *cols,
	    void (*tail)(struct kore_buf *, struct portal *, unsigned int r));

/* The two parts of paging_table() around a table drawn otherwise. */
void	paging_total(struct kore_buf *buf, struct portal *p);
void	paging_nav(struct kore_buf *buf, struct portal *p);

/*
 * The same in JSON: ends the rows' array that buf holds, adds
 * "total":N,"total_exact":bool,"next":CURSOR|null,"previous":CURSOR|null,
 * ends the object and sends it: PAGE_DONE.
 */
int	paging_json_send(struct http_request *req, struct portal *p,
	    struct kore_buf *buf);

/*
 * A whole JSON answer: {"name":[ an object per row shown, of the first n
 * columns (json_members() names them by keys, numbers as it takes
 * them) ], and the members paging_json_send() adds: PAGE_DONE.
 */
int	paging_json_list(struct http_request *req, struct portal *p,
	    const char *name, const char *const *keys, unsigned int n,
	    unsigned int numbers);

#endif
