/* SPDX-License-Identifier: ISC */
/*
 * Tables and forms shared by the staff pages' renderers. A page's
 * statement tags each row (a UNION of the lists the page shows) and names
 * its columns with an enum beside its SQL; these helpers read the cells
 * through those names.
 */
#ifndef FAXCENTER_STAFF_TABLE_H
#define FAXCENTER_STAFF_TABLE_H

#include <kore/kore.h>

#include "portal.h"

/* A column of a table: its heading and the statement's column it shows.
 * A NULL head ends a list. */
struct staff_column {
	const char	*head;
	unsigned int	 col;
};

/* The rows of a form's <select>: those whose column tag_col is tag, each
 * an option of value_col labelled label_col. The <select> is labelled
 * label (the form's legend where label is NULL). */
struct staff_choice {
	const char	*name;		/* the form field */
	unsigned int	 tag_col;
	char		 tag;
	unsigned int	 value_col;
	unsigned int	 label_col;
	const char	*label;
};

struct staff_field {
	const char	*name;		/* the form field */
	const char	*label;
	const char	*value;		/* prefilled, or NULL */
};

/* The <thead> of cols, and the <tbody> opened. */
void	staff_heads(struct kore_buf *buf, const struct staff_column *cols);

/*
 * A <tr> for each row whose column tag_col is tag (the last row first
 * when reverse), a <td> per entry of cols, every value escaped. Returns
 * how many rows.
 */
unsigned int	staff_rows(struct kore_buf *buf, struct portal *p,
		    unsigned int tag_col, char tag,
		    const struct staff_column *cols, int reverse);

/* A table of those rows ("None yet." when there is none). */
void	staff_table(struct kore_buf *buf, struct portal *p,
	    unsigned int tag_col, char tag, const struct staff_column *cols);

/*
 * A POST form to action with the session's CSRF token: the <select> of
 * choice (from the rows of q), then a text field per entry of fields
 * (ends with a NULL name).
 */
void	staff_form(struct kore_buf *buf, struct portal *p,
	    const struct db_async_query *q, const char *action,
	    const char *legend, const struct staff_choice *choice,
	    const struct staff_field *fields);

#endif
