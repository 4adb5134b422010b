/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * faxeng conditions: the one table that maps every condition a fax engine can
 * report to its IPP printer-state-reasons keyword (RFC 8011, PWG 5100.9), its
 * IPP severity suffix, its RFC 3805 prtAlertCode and what resolves it.
 *
 * The kernel driver, the terminal daemon and the service center all expand
 * this one list; a condition is added here and nowhere else. To expand it,
 * define FAXENG_CONDITION and include this file; it undefines the macro:
 *
 *   #define FAXENG_CONDITION(name, keyword, severity, code, kind) ...
 *   #include <linux/faxeng_conditions.h>
 *
 * FAXENG_CONDITION(name, keyword, severity, prtAlertCode, kind)
 *   severity: REPORT, WARNING or ERROR (IPP's -report/-warning/-error)
 *   kind:     SUPPLY  - a consumable runs short; resolved by replenishment
 *             FAULT   - a failure; resolved by a repair
 *             SERVICE - maintenance is due; resolved by a service visit
 *
 * A supply's conditions (TONER_*, DRUM_*, WASTE_TONER_*, DEVELOPER_*,
 * STAPLES_*, SUPPLY_*) are raised per supply: their events name it. IPP has
 * no keyword for the end of life of a fuser, transfer unit or maintenance
 * kit (nor of another supply without one of its own): those raise
 * SUPPLY_NEAR_END and SUPPLY_END, "marker-supply-low" and
 * "marker-supply-empty" as IPP Everywhere printers report them, with RFC
 * 3805's subunitLifeAlmostOver(10) and subunitLifeOver(11); the event's
 * supply type says which unit it is.
 *
 * No include guard: the file is meant to be included once per expansion.
 */
FAXENG_CONDITION(TONER_LOW,       "toner-low",             WARNING, 1104, SUPPLY)
FAXENG_CONDITION(TONER_EMPTY,     "toner-empty",           ERROR,   1101, SUPPLY)
FAXENG_CONDITION(TONER_MISSING,   "marker-supply-missing", ERROR,   1115, SUPPLY)
FAXENG_CONDITION(PAPER_LOW,       "media-low",             WARNING,  807, SUPPLY)
FAXENG_CONDITION(PAPER_EMPTY,     "media-empty",           ERROR,    808, SUPPLY)
FAXENG_CONDITION(PAPER_MISSING,   "input-tray-missing",    ERROR,    801, SUPPLY)
FAXENG_CONDITION(DRUM_NEAR_END,   "opc-near-eol",          WARNING, 1111, SUPPLY)
FAXENG_CONDITION(DRUM_END,        "opc-life-over",         ERROR,   1112, SUPPLY)
FAXENG_CONDITION(JAM,             "media-jam",             ERROR,      8, FAULT)
FAXENG_CONDITION(DOOR_OPEN,       "door-open",             ERROR,    501, FAULT)
FAXENG_CONDITION(FUSER_ERROR,     "fuser-over-temp",       ERROR,   1002, FAULT)
FAXENG_CONDITION(MAINTENANCE_DUE, "maintenance-due",       WARNING,   16, SERVICE)
FAXENG_CONDITION(WASTE_TONER_ALMOST_FULL,
		 "marker-waste-almost-full", WARNING, 1107, SUPPLY)
FAXENG_CONDITION(WASTE_TONER_FULL,
		 "marker-waste-full",        ERROR,   1109, SUPPLY)
FAXENG_CONDITION(WASTE_TONER_MISSING,
		 "marker-waste-missing",     ERROR,      9, SUPPLY)
FAXENG_CONDITION(DEVELOPER_LOW,   "developer-low",         WARNING, 1113, SUPPLY)
FAXENG_CONDITION(DEVELOPER_EMPTY, "developer-empty",       ERROR,   1114, SUPPLY)
FAXENG_CONDITION(STAPLES_LOW,     "stapler-almost-empty",  WARNING,   12, SUPPLY)
FAXENG_CONDITION(STAPLES_EMPTY,   "stapler-empty",         ERROR,     13, SUPPLY)
FAXENG_CONDITION(SUPPLY_NEAR_END, "marker-supply-low",     WARNING,   10, SUPPLY)
FAXENG_CONDITION(SUPPLY_END,      "marker-supply-empty",   ERROR,     11, SUPPLY)

#undef FAXENG_CONDITION
