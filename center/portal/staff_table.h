/* Tables and forms shared by the staff pages' renderers. */
#ifndef FAXCENTER_STAFF_TABLE_H
#define FAXCENTER_STAFF_TABLE_H

#include <kore/kore.h>

#include "portal.h"

struct staff_field {
	const char	*name;		/* the form field */
	const char	*label;
	const char	*value;		/* prefilled, or NULL */
};

/*
 * A table of the rows whose column 0 is tag: one column per heading
 * (heads ends with NULL), from column 1 on, every value escaped.
 */
void	staff_table(struct kore_buf *buf, struct portal *p, char tag,
	    const char *const *heads);

/*
 * A POST form to action with the session's CSRF token: a <select> named
 * choice of the rows tagged choice_tag (column 1 the value, 2 the label),
 * then a text field per entry of fields (ends with a NULL name).
 */
void	staff_form(struct kore_buf *buf, struct portal *p, const char *action,
	    const char *legend, const char *choice, char choice_tag,
	    const struct staff_field *fields);

#endif
