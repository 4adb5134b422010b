/* SPDX-License-Identifier: ISC */
/*
 * What one terminal's key, or a run of them, can make the center do to
 * others (docs/center.md, "Confirmations"). A day is the last 24 hours.
 */
#ifndef FAXCENTER_CONFIRM_LIMITS_H
#define FAXCENTER_CONFIRM_LIMITS_H

/* New manager addresses one terminal may have confirmed in a day. */
#define CONFIRM_PER_TERMINAL		3
/* Confirmation e-mails one address receives in a day (each lists every
 * link due for it, so a fleet registering at once still asks once). */
#define CONFIRM_MAILS_PER_ADDRESS	3

#endif
