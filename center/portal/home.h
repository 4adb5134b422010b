/* The manager's homepage as HTML, from the rows of home_query.h. */
#ifndef FAXCENTER_HOME_H
#define FAXCENTER_HOME_H

#include <kore/kore.h>

#include "db_async.h"

/* Append the whole page; session_token signs the page's forms. */
void	home_render(struct kore_buf *buf, const struct db_async_query *q,
	    const char *session_token);

#endif
