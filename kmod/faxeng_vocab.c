// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng vocabulary: the condition table of faxeng_conditions.h expanded for
 * the kernel, and the words sysfs, uevents and netlink use for states.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>
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

/*
 * Append @str to the string @buf (of @size bytes, *@len of them in use),
 * cut to what fits as scnprintf() would; false when it was cut. The event
 * work builds every uevent key with it: no format string to interpret.
 */
bool faxeng_append(char *buf, size_t size, size_t *len, const char *str)
{
	size_t n = strlen(str);
	bool fits = *len + n < size;

	if (!fits)
		n = size - 1 - *len;
	memcpy(buf + *len, str, n);
	*len += n;
	buf[*len] = '\0';
	return fits;
}

/* @value in decimal, in @buf; returns where the digits start. */
const char *faxeng_u64_str(char buf[FAXENG_U64_LEN], u64 value)
{
	char *p = buf + FAXENG_U64_LEN - 1;

	*p = '\0';
	do {
		p--;
		*p = '0' + do_div(value, 10);
	} while (value);
	return p;
}

/* The sysfs file whose value a transition changed (FAXENG_CHANGED). */
void faxeng_condition_file(char *buf, size_t size,
			   const struct faxeng_transition *tr)
{
	char num[FAXENG_U64_LEN];
	size_t len = 0;

	buf[0] = '\0';
	switch (tr->cond) {
	case FAXENG_COND_TONER_LOW:
	case FAXENG_COND_TONER_EMPTY:
	case FAXENG_COND_TONER_MISSING:
		faxeng_append(buf, size, &len, "toner_state");
		return;
	case FAXENG_COND_PAPER_LOW:
	case FAXENG_COND_PAPER_EMPTY:
	case FAXENG_COND_PAPER_MISSING:
		faxeng_append(buf, size, &len, "tray");
		faxeng_append(buf, size, &len,
			      faxeng_u64_str(num, tr->tray));
		faxeng_append(buf, size, &len, "_state");
		return;
	case FAXENG_COND_DRUM_NEAR_END:
	case FAXENG_COND_DRUM_END:
		faxeng_append(buf, size, &len, "drum_state");
		return;
	default:
		break;
	}
	if (faxeng_conditions[tr->cond].kind == FAXENG_KIND_FAULT)
		faxeng_append(buf, size, &len, "faults");
	else
		faxeng_append(buf, size, &len, "maintenance_due");
}

/* "jam,door-open" or "none", as sysfs and uevents show the fault set. */
int faxeng_format_faults(char *buf, size_t size, u32 faults)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < FAXENG_FAULT_COUNT; i++) {
		if (!(faults & BIT(i)))
			continue;
		if (len)
			faxeng_append(buf, size, &len, ",");
		faxeng_append(buf, size, &len, faxeng_fault_names[i]);
	}
	if (!len)
		faxeng_append(buf, size, &len, "none");
	return len;
}

/* Active conditions as IPP printer-state-reasons values, or "none". */
int faxeng_format_reasons(char *buf, size_t size, u64 conditions)
{
	const struct faxeng_condition_info *ci;
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < FAXENG_COND_COUNT; i++) {
		if (!(conditions & BIT_ULL(i)))
			continue;
		ci = &faxeng_conditions[i];
		if (len)
			faxeng_append(buf, size, &len, ",");
		faxeng_append(buf, size, &len, ci->keyword);
		faxeng_append(buf, size, &len, "-");
		faxeng_append(buf, size, &len,
			      faxeng_severity_names[ci->severity]);
	}
	if (!len)
		faxeng_append(buf, size, &len, "none");
	return len;
}
