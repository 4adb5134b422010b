/* SPDX-License-Identifier: ISC */
/*
 * A terminal that goes silent: each pass of faxcenter-outbox opens a
 * "not heard from since ..." notice for the terminals whose silent_after
 * (schema version 86: two of their meter intervals after the last
 * report) has passed, and queues the manager's e-mail with it; the
 * terminal's next report closes the notice (the reports_heartbeat
 * trigger). Bounded (SILENCE_PER_PASS terminals a pass, through an index
 * on silent_after, which a flagged terminal leaves); safe when two run at
 * once (one open notice per terminal and condition, one e-mail per
 * notice: unique keys).
 */
#ifndef FAXCENTER_OUTBOX_SILENCE_H
#define FAXCENTER_OUTBOX_SILENCE_H

#include "db.h"

#define SILENCE_PER_PASS	100
#define SILENCE_CONDITION	"terminal-silent"

/* The notices opened, or -1 (the reason in db->err). */
int	outbox_silence_pass(struct db *db);

#endif
