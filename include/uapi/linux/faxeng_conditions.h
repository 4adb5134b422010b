/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * faxeng conditions: the one table that maps every condition a fax engine can
 * report to its IPP printer-state-reasons keyword (RFC 8011, PWG 5100.9), its
 * IPP severity suffix, its RFC 3805 prtAlertCode and what resolves it.
 *
 * The kernel driver, the terminal daemon and the service center all expand
 * this one list; a condition is added here and nowhere else.
 *
 * X(name, keyword, severity, prtAlertCode, kind)
 *   severity: REPORT, WARNING or ERROR (IPP's -report/-warning/-error)
 *   kind:     SUPPLY  - a consumable runs short; resolved by replenishment
 *             FAULT   - a failure; resolved by a repair
 *             SERVICE - maintenance is due; resolved by a service visit
 */
#ifndef _UAPI_LINUX_FAXENG_CONDITIONS_H
#define _UAPI_LINUX_FAXENG_CONDITIONS_H

#define FAXENG_CONDITIONS(X)						\
	X(TONER_LOW,	   "toner-low",		     WARNING, 1104, SUPPLY)	\
	X(TONER_EMPTY,	   "toner-empty",	     ERROR,   1101, SUPPLY)	\
	X(TONER_MISSING,   "marker-supply-missing", ERROR,   1115, SUPPLY)	\
	X(PAPER_LOW,	   "media-low",		     WARNING,  807, SUPPLY)	\
	X(PAPER_EMPTY,	   "media-empty",	     ERROR,    808, SUPPLY)	\
	X(PAPER_MISSING,   "input-tray-missing",    ERROR,    801, SUPPLY)	\
	X(DRUM_NEAR_END,   "opc-near-eol",	     WARNING, 1111, SUPPLY)	\
	X(DRUM_END,	   "opc-life-over",	     ERROR,   1112, SUPPLY)	\
	X(JAM,		   "media-jam",		     ERROR,      8, FAULT)	\
	X(DOOR_OPEN,	   "door-open",		     ERROR,    501, FAULT)	\
	X(FUSER_ERROR,	   "fuser-over-temp",	     ERROR,   1002, FAULT)	\
	X(MAINTENANCE_DUE, "maintenance-due",	     WARNING,   16, SERVICE)

#endif /* _UAPI_LINUX_FAXENG_CONDITIONS_H */
