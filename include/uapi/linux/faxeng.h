/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * faxeng: fax engine status over generic netlink.
 *
 * Family FAXENG_GENL_NAME, version FAXENG_GENL_VERSION, one multicast group
 * FAXENG_GENL_MCGRP_EVENTS.  Every reply and every event carries the whole
 * state of one engine as flat FAXENG_A_* attributes; input trays are nested
 * (FAXENG_A_TRAYS holds one FAXENG_A_TRAY per tray, each with FAXENG_A_TRAY_*)
 * and so are supplies (FAXENG_A_SUPPLIES holds one FAXENG_A_SUPPLY per
 * supply, each with FAXENG_A_SUPPLY_*, made from faxeng_props.h).
 * Described in docs/netlink/faxeng.yaml and docs/netlink/faxeng.rst.
 */
#ifndef _UAPI_LINUX_FAXENG_H
#define _UAPI_LINUX_FAXENG_H

#define FAXENG_GENL_NAME		"faxeng"
#define FAXENG_GENL_VERSION		1
#define FAXENG_GENL_MCGRP_EVENTS	"events"

/* Most input trays one engine reports. */
#define FAXENG_MAX_TRAYS		8
/* Longest model or serial string, without the terminating NUL. */
#define FAXENG_ID_LEN			63
/* Most supplies (toners, drums, waste bottle, fuser, ...) one engine has. */
#define FAXENG_MAX_SUPPLIES		16
/* The most pages a drum may be rated for, or between two maintenances. */
#define FAXENG_PAGES_MAX		10000000

/* State of a consumable: the toner cartridge or one input tray's paper. */
enum faxeng_supply_state {
	FAXENG_SUPPLY_OK,
	FAXENG_SUPPLY_LOW,
	FAXENG_SUPPLY_EMPTY,
	FAXENG_SUPPLY_MISSING,
};

/* State of the photoconductor drum, from its remaining life. */
enum faxeng_drum_state {
	FAXENG_DRUM_OK,
	FAXENG_DRUM_NEAR_END,
	FAXENG_DRUM_END,
};

/*
 * What a supply is: the IPP marker-types keywords (PWG 5100.x registry),
 * which are RFC 3805 PrtMarkerSuppliesTypeTC's names, hyphenated. Neither
 * names a maintenance kit: "maintenance-kit" is ours, other(1) in the MIB.
 */
enum faxeng_supply_type {
	FAXENG_SUPPLY_TYPE_OTHER,
	FAXENG_SUPPLY_TYPE_TONER,
	FAXENG_SUPPLY_TYPE_WASTE_TONER,
	FAXENG_SUPPLY_TYPE_OPC,		/* photoconductor drum */
	FAXENG_SUPPLY_TYPE_DEVELOPER,
	FAXENG_SUPPLY_TYPE_FUSER,
	FAXENG_SUPPLY_TYPE_TRANSFER_UNIT,
	FAXENG_SUPPLY_TYPE_STAPLES,
	FAXENG_SUPPLY_TYPE_MAINTENANCE_KIT,

	__FAXENG_SUPPLY_TYPE_MAX,
	FAXENG_SUPPLY_TYPE_MAX = __FAXENG_SUPPLY_TYPE_MAX - 1
};

/* A supply's colorant: RFC 3805 prtMarkerColorantValue words, or none. */
enum faxeng_colour {
	FAXENG_COLOUR_NONE,
	FAXENG_COLOUR_BLACK,
	FAXENG_COLOUR_CYAN,
	FAXENG_COLOUR_MAGENTA,
	FAXENG_COLOUR_YELLOW,

	__FAXENG_COLOUR_MAX,
	FAXENG_COLOUR_MAX = __FAXENG_COLOUR_MAX - 1
};

/* RFC 3805 PrtMarkerSuppliesClassTC: which way its level goes. */
enum faxeng_supply_class {
	FAXENG_SUPPLY_CLASS_CONSUMED,	/* supplyThatIsConsumed: runs down */
	FAXENG_SUPPLY_CLASS_FILLED,	/* receptacleThatIsFilled: fills up */
};

/* State of one supply of FAXENG_A_SUPPLIES. */
enum faxeng_marker_state {
	FAXENG_MARKER_OK,
	FAXENG_MARKER_LOW,		/* consumed: at or below low_threshold */
	FAXENG_MARKER_EMPTY,		/* consumed: at or below empty_threshold */
	FAXENG_MARKER_NEAR_FULL,	/* filled: at or above near_full_threshold */
	FAXENG_MARKER_FULL,		/* filled: at or above full_threshold */
	FAXENG_MARKER_NEAR_END,		/* a unit with a life: low_threshold */
	FAXENG_MARKER_END,		/* its life is over */
	FAXENG_MARKER_MISSING,
	FAXENG_MARKER_UNKNOWN,		/* no level and no switch says more */

	__FAXENG_MARKER_MAX,
	FAXENG_MARKER_MAX = __FAXENG_MARKER_MAX - 1
};

/* Faults, as bits of FAXENG_A_FAULTS. */
enum faxeng_fault {
	FAXENG_FAULT_JAM,
	FAXENG_FAULT_DOOR_OPEN,
	FAXENG_FAULT_FUSER_ERROR,

	__FAXENG_FAULT_MAX,
	FAXENG_FAULT_MAX = __FAXENG_FAULT_MAX - 1
};

/* IPP severity suffix of a condition. */
enum faxeng_severity {
	FAXENG_SEVERITY_REPORT,
	FAXENG_SEVERITY_WARNING,
	FAXENG_SEVERITY_ERROR,
};

/* What resolves a condition. */
enum faxeng_kind {
	FAXENG_KIND_SUPPLY,
	FAXENG_KIND_FAULT,
	FAXENG_KIND_SERVICE,
};

/* Every condition of faxeng_conditions.h, in table order. */
enum faxeng_condition {
#define FAXENG_CONDITION(name, keyword, severity, code, kind) \
	FAXENG_COND_##name,
#include <linux/faxeng_conditions.h>

	__FAXENG_COND_MAX,
	FAXENG_COND_MAX = __FAXENG_COND_MAX - 1
};

/* Technicians' actions after a service, for FAXENG_A_ACTION. */
enum faxeng_action {
	FAXENG_ACTION_NONE,
	FAXENG_ACTION_DRUM_RESET,	/* a new drum: its page counter to 0 */
	FAXENG_ACTION_MAINTENANCE_DONE,	/* restart the maintenance interval */
};

enum faxeng_cmd {
	FAXENG_CMD_UNSPEC,
	FAXENG_CMD_GET,		/* do (FAXENG_A_ID) or dump: engine state */
	FAXENG_CMD_SET,		/* admin: thresholds, FAXENG_A_ACTION */
	FAXENG_CMD_EVENT,	/* multicast: a condition raised or cleared */

	__FAXENG_CMD_MAX,
	FAXENG_CMD_MAX = __FAXENG_CMD_MAX - 1
};

enum faxeng_attr {
	FAXENG_A_UNSPEC,
	FAXENG_A_ID,			/* u32: N of faxengN */
	FAXENG_A_NAME,			/* string: "faxengN" */
	FAXENG_A_MODEL,			/* string */
	FAXENG_A_SERIAL,		/* string */
	FAXENG_A_TONER_LEVEL,		/* u32 percent; absent when unknown */
	FAXENG_A_TONER_STATE,		/* u32 enum faxeng_supply_state */
	FAXENG_A_TRAYS,			/* nest of FAXENG_A_TRAY */
	FAXENG_A_DRUM_LIFE,		/* u32 percent remaining */
	FAXENG_A_DRUM_STATE,		/* u32 enum faxeng_drum_state */
	FAXENG_A_DRUM_PAGES,		/* u64 pages on the current drum */
	FAXENG_A_DRUM_RATED_PAGES,	/* u32 rated drum life, pages (rw) */
	FAXENG_A_FAULTS,		/* u32 bitmap of BIT(enum faxeng_fault) */
	FAXENG_A_MAINTENANCE_DUE,	/* u8 0 or 1 */
	FAXENG_A_MAINTENANCE_PAGES,	/* u64 pages since maintenance */
	FAXENG_A_MAINTENANCE_INTERVAL,	/* u32 pages between services (rw) */
	FAXENG_A_PAGE_COUNT,		/* u64 pages printed, ever */
	FAXENG_A_TONER_LOW_THRESHOLD,	/* u32 percent, 1..99 (rw) */
	FAXENG_A_TONER_HYSTERESIS,	/* u32 percent, 0..50 (rw) */
	FAXENG_A_DRUM_NEAR_END_THRESHOLD, /* u32 percent, 1..99 (rw) */
	FAXENG_A_SEQNUM,		/* u64: last event's sequence number */
	FAXENG_A_ACTION,		/* u32 enum faxeng_action (SET only) */
	FAXENG_A_CONDITIONS,		/* u64 bitmap of active conditions */
	/* In FAXENG_CMD_EVENT only: the transition that caused it. */
	FAXENG_A_EVENT_CONDITION,	/* u32 enum faxeng_condition */
	FAXENG_A_EVENT_ACTIVE,		/* u8 1: raised, 0: cleared */
	FAXENG_A_EVENT_CHANGED,		/* string: the sysfs file that changed */
	FAXENG_A_EVENT_REASON,		/* string: IPP keyword */
	FAXENG_A_EVENT_SEVERITY,	/* u32 enum faxeng_severity */
	FAXENG_A_EVENT_ALERT_CODE,	/* u32 RFC 3805 prtAlertCode */
	FAXENG_A_EVENT_TRAY,		/* u32 tray number (1..), tray events */
	FAXENG_A_DRUM_HYSTERESIS,	/* u32 percent, 0..50 (rw) */
	FAXENG_A_SUPPLIES,		/* nest of FAXENG_A_SUPPLY */
	FAXENG_A_EVENT_SUPPLY,		/* u32 supply number (1..), its events */
	FAXENG_A_PAD,			/* aligns u64 attributes */

	__FAXENG_A_MAX,
	FAXENG_A_MAX = __FAXENG_A_MAX - 1
};

/* Inside FAXENG_A_TRAYS. */
enum faxeng_trays_attr {
	FAXENG_A_TRAYS_UNSPEC,
	FAXENG_A_TRAY,			/* nest of FAXENG_A_TRAY_* */

	__FAXENG_A_TRAYS_MAX,
	FAXENG_A_TRAYS_MAX = __FAXENG_A_TRAYS_MAX - 1
};

/* Inside one FAXENG_A_TRAY. */
enum faxeng_tray_attr {
	FAXENG_A_TRAY_UNSPEC,
	FAXENG_A_TRAY_NUMBER,		/* u32, 1.. */
	FAXENG_A_TRAY_STATE,		/* u32 enum faxeng_supply_state */

	__FAXENG_A_TRAY_MAX,
	FAXENG_A_TRAY_MAX = __FAXENG_A_TRAY_MAX - 1
};

/* Inside FAXENG_A_SUPPLIES. */
enum faxeng_supplies_attr {
	FAXENG_A_SUPPLIES_UNSPEC,
	FAXENG_A_SUPPLY,		/* nest of FAXENG_A_SUPPLY_* */

	__FAXENG_A_SUPPLIES_MAX,
	FAXENG_A_SUPPLIES_MAX = __FAXENG_A_SUPPLIES_MAX - 1
};

/*
 * Inside one FAXENG_A_SUPPLY: its number, the FAXENG_SUPPLY_PROP and
 * FAXENG_SUPPLY_KNOB lines of faxeng_props.h in their order, then its
 * conditions. An attribute that does not apply to the supply (a threshold
 * of the other class, the pages of a unit without a life) is left out, and
 * so is an unknown level.
 */
enum faxeng_supply_attr {
	FAXENG_A_SUPPLY_UNSPEC,
	FAXENG_A_SUPPLY_NUMBER,		/* u32, 1.. */
	FAXENG_A_SUPPLY_TYPE,		/* u32 enum faxeng_supply_type */
	FAXENG_A_SUPPLY_COLOUR,		/* u32 enum faxeng_colour */
	FAXENG_A_SUPPLY_CLASS,		/* u32 enum faxeng_supply_class */
	FAXENG_A_SUPPLY_LEVEL,		/* u32 percent; absent when unknown */
	FAXENG_A_SUPPLY_STATE,		/* u32 enum faxeng_marker_state */
	FAXENG_A_SUPPLY_PAGES,		/* u64 pages on this unit (life) */
	FAXENG_A_SUPPLY_LOW_THRESHOLD,	/* u32 percent, 1..99 (consumed) */
	FAXENG_A_SUPPLY_EMPTY_THRESHOLD, /* u32 percent, 0..98 (consumed) */
	FAXENG_A_SUPPLY_NEAR_FULL_THRESHOLD, /* u32 percent, 1..99 (filled) */
	FAXENG_A_SUPPLY_FULL_THRESHOLD,	/* u32 percent, 2..100 (filled) */
	FAXENG_A_SUPPLY_HYSTERESIS,	/* u32 percent, 0..50 */
	FAXENG_A_SUPPLY_RATED_PAGES,	/* u32 rated life, pages (life) */
	FAXENG_A_SUPPLY_CONDITIONS,	/* u64 bitmap of its conditions */
	FAXENG_A_SUPPLY_PAD,		/* aligns u64 attributes */

	__FAXENG_A_SUPPLY_MAX,
	FAXENG_A_SUPPLY_MAX = __FAXENG_A_SUPPLY_MAX - 1
};

#endif /* _UAPI_LINUX_FAXENG_H */
