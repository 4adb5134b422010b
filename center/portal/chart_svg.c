/* SPDX-License-Identifier: ISC */
/*
 * Server-drawn SVG chart: a fixed 480x160 canvas, a 0-100 % axis with grid
 * lines, the readings as one polyline with a dot per reading, the first
 * and last dates under the plot. Only numbers and dates we format are
 * written; the title is escaped.
 */
#include <stdio.h>

#include "chart_svg.h"
#include "html.h"

#define W	480
#define H	160
#define LEFT	40
#define RIGHT	10
#define TOP	20
#define BOTTOM	24

static double
x_of(time_t at, time_t t0, time_t t1)
{
	if (t1 <= t0)
		return LEFT + (W - LEFT - RIGHT) / 2.0;
	return LEFT + (double)(at - t0) * (W - LEFT - RIGHT) / (double)(t1 - t0);
}

static double
y_of(int level)
{
	if (level < 0)
		level = 0;
	if (level > 100)
		level = 100;
	return TOP + (100 - level) * (H - TOP - BOTTOM) / 100.0;
}

static void
date_label(struct kore_buf *buf, time_t at, double x, const char *anchor)
{
	struct tm	tm;
	char		day[32];

	if (gmtime_r(&at, &tm) == NULL ||
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm) == 0)
		return;
	kore_buf_appendf(buf, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">"
	    "%s</text>", x, H - 6, anchor, day);
}

void
chart_svg(struct kore_buf *buf, const char *title,
    const struct chart_point *pts, unsigned int n)
{
	unsigned int	i;
	int		g;

	/* No width or height: the page's <img> sizes it, and opened by
	 * itself it fits the screen, a phone's too. */
	kore_buf_appendf(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" "
	    "font-family=\"sans-serif\" font-size=\"11\"><title>", W, H);
	html_text(buf, title);
	kore_buf_appendf(buf, "</title><rect width=\"%d\" height=\"%d\" "
	    "fill=\"#fff\"/>", W, H);
	for (g = 0; g <= 100; g += 25) {
		kore_buf_appendf(buf, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%d%%</text>", LEFT, y_of(g), W - RIGHT,
		    y_of(g), LEFT - 4, y_of(g) + 4, g);
	}
	if (n == 0) {
		kore_buf_appendf(buf, "<text x=\"%d\" y=\"%d\" "
		    "text-anchor=\"middle\" class=\"empty\">No toner readings "
		    "yet</text></svg>\n", W / 2, H / 2);
		return;
	}
	kore_buf_appendf(buf, "<polyline fill=\"none\" stroke=\"#1565c0\" "
	    "stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++) {
		kore_buf_appendf(buf, "%s%.1f,%.1f", i ? " " : "",
		    x_of(pts[i].at, pts[0].at, pts[n - 1].at),
		    y_of(pts[i].level));
	}
	kore_buf_appendf(buf, "\"/>");
	for (i = 0; i < n; i++) {
		kore_buf_appendf(buf, "<circle class=\"reading\" cx=\"%.1f\" "
		    "cy=\"%.1f\" r=\"2.5\" fill=\"#1565c0\"><title>%d%%</title>"
		    "</circle>", x_of(pts[i].at, pts[0].at, pts[n - 1].at),
		    y_of(pts[i].level), pts[i].level);
	}
	date_label(buf, pts[0].at, LEFT, "start");
	if (n > 1)
		date_label(buf, pts[n - 1].at, W - RIGHT, "end");
	kore_buf_appendf(buf, "</svg>\n");
}
