/* SPDX-License-Identifier: ISC */
/* A line chart of a level over time (0-100 %), drawn as SVG on the server. */
#ifndef FAXCENTER_CHART_SVG_H
#define FAXCENTER_CHART_SVG_H

#include <time.h>

#include <kore/kore.h>

struct chart_point {
	time_t	at;
	int	level;		/* percent */
};

/* Append an SVG document; points in time order, n may be 0. */
void	chart_svg(struct kore_buf *buf, const char *title,
	    const struct chart_point *pts, unsigned int n);

#endif
