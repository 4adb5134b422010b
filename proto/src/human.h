/* SPDX-License-Identifier: ISC */
/* The words for people: the paragraphs before the block. */
#ifndef FAXCARE_HUMAN_H
#define FAXCARE_HUMAN_H

#include "faxcare/report.h"
#include "out.h"

/* Paragraphs saying what the report says, wrapped, each ended by a blank
 * line. r must be valid. */
void fc_human_write(struct fc_out *o, const struct fc_report *r);

#endif /* FAXCARE_HUMAN_H */
