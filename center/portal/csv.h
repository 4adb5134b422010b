/* SPDX-License-Identifier: ISC */
/* CSV output as RFC 4180 has it: CRLF after each record, a field quoted
 * (its quotes doubled) when it holds a comma, a quote, CR or LF. */
#ifndef FAXCENTER_CSV_H
#define FAXCENTER_CSV_H

#include <kore/kore.h>

/* Append field s (NULL: empty), preceded by a comma unless first. */
void	csv_field(struct kore_buf *buf, const char *s, int first);

/* End the record. */
void	csv_end(struct kore_buf *buf);

#endif
