// SPDX-License-Identifier: GPL-2.0
/*
 * faxeng vocabulary: the condition table of faxeng_conditions.h expanded for
 * the kernel, and the words sysfs, uevents and netlink use for states.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include "faxeng_internal.h"

#define FAXENG_CONDITION(_name, _keyword, _severity, _code, _kind)	\
	[FAXENG_COND_##_name] = {					\
		.name = #_name,						\
		.keyword = _keyword,					\
		.severity = FAXENG_SEVERITY_##_severity,		\
		.alert_code = _code,					\
		.kind = FAXENG_KIND_##_kind,				\
	},

const struct faxeng_condition_info faxeng_conditions[FAXENG_COND_COUNT] = {
#include <linux/faxeng_conditions.h>
};

const char *const faxeng_supply_names[FAXENG_SUPPLY_MISSING + 1] = {
	[FAXENG_SUPPLY_OK] = "ok",
	[FAXENG_SUPPLY_LOW] = "low",
	[FAXENG_SUPPLY_EMPTY] = "empty",
	[FAXENG_SUPPLY_MISSING] = "missing",
};
EXPORT_SYMBOL_GPL(faxeng_supply_names);

const char *const faxeng_drum_names[3] = {
	[FAXENG_DRUM_OK] = "ok",
	[FAXENG_DRUM_NEAR_END] = "near-end",
	[FAXENG_DRUM_END] = "end",
};

const char *const faxeng_fault_names[FAXENG_FAULT_COUNT] = {
	[FAXENG_FAULT_JAM] = "jam",
	[FAXENG_FAULT_DOOR_OPEN] = "door-open",
	[FAXENG_FAULT_FUSER_ERROR] = "fuser-error",
};

const enum faxeng_condition faxeng_fault_conditions[FAXENG_FAULT_COUNT] = {
	[FAXENG_FAULT_JAM] = FAXENG_COND_JAM,
	[FAXENG_FAULT_DOOR_OPEN] = FAXENG_COND_DOOR_OPEN,
	[FAXENG_FAULT_FUSER_ERROR] = FAXENG_COND_FUSER_ERROR,
};

const char *const faxeng_severity_names[3] = {
	[FAXENG_SEVERITY_REPORT] = "report",
	[FAXENG_SEVERITY_WARNING] = "warning",
	[FAXENG_SEVERITY_ERROR] = "error",
};

const char *const faxeng_kind_names[3] = {
	[FAXENG_KIND_SUPPLY] = "supply",
	[FAXENG_KIND_FAULT] = "fault",
	[FAXENG_KIND_SERVICE] = "service",
};

/* The sysfs file whose value a transition changed (FAXENG_CHANGED). */
void faxeng_condition_file(char *buf, size_t size,
			   const struct faxeng_transition *tr)
{
	switch (tr->cond) {
	case FAXENG_COND_TONER_LOW:
	case FAXENG_COND_TONER_EMPTY:
	case FAXENG_COND_TONER_MISSING:
		strscpy(buf, "toner_state", size);
		return;
	case FAXENG_COND_PAPER_LOW:
	case FAXENG_COND_PAPER_EMPTY:
	case FAXENG_COND_PAPER_MISSING:
		snprintf(buf, size, "tray%u_state", tr->tray);
		return;
	case FAXENG_COND_DRUM_NEAR_END:
	case FAXENG_COND_DRUM_END:
		strscpy(buf, "drum_state", size);
		return;
	default:
		break;
	}
	if (faxeng_conditions[tr->cond].kind == FAXENG_KIND_FAULT)
		strscpy(buf, "faults", size);
	else
		strscpy(buf, "maintenance_due", size);
}

/* "jam,door-open" or "none", as sysfs and uevents show the fault set. */
int faxeng_format_faults(char *buf, size_t size, u32 faults)
{
	int len = 0;
	int i;

	for (i = 0; i < FAXENG_FAULT_COUNT; i++)
		if (faults & BIT(i))
			len += scnprintf(buf + len, size - len, "%s%s",
					 len ? "," : "", faxeng_fault_names[i]);
	if (!len)
		len = scnprintf(buf, size, "none");
	return len;
}

/* Active conditions as IPP printer-state-reasons values, or "none". */
int faxeng_format_reasons(char *buf, size_t size, u64 conditions)
{
	const struct faxeng_condition_info *ci;
	int len = 0;
	int i;

	for (i = 0; i < FAXENG_COND_COUNT; i++) {
		if (!(conditions & BIT_ULL(i)))
			continue;
		ci = &faxeng_conditions[i];
		len += scnprintf(buf + len, size - len, "%s%s-%s",
				 len ? "," : "", ci->keyword,
				 faxeng_severity_names[ci->severity]);
	}
	if (!len)
		len = scnprintf(buf, size, "none");
	return len;
}
