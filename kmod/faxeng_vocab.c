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

/* The words of the enumerations, as sysfs shows them. */
#define FAXENG_SUPPLY_WORD_OK		"ok"
#define FAXENG_SUPPLY_WORD_LOW		"low"
#define FAXENG_SUPPLY_WORD_EMPTY	"empty"
#define FAXENG_SUPPLY_WORD_MISSING	"missing"
#define FAXENG_DRUM_WORD_OK		"ok"
#define FAXENG_DRUM_WORD_NEAR_END	"near-end"
#define FAXENG_DRUM_WORD_END		"end"
#define FAXENG_SEVERITY_WORD_REPORT	"report"
#define FAXENG_SEVERITY_WORD_WARNING	"warning"
#define FAXENG_SEVERITY_WORD_ERROR	"error"
#define FAXENG_KIND_WORD_SUPPLY		"supply"
#define FAXENG_KIND_WORD_FAULT		"fault"
#define FAXENG_KIND_WORD_SERVICE	"service"

/* The uevent keys "@key=<word>" of a supply state, of the drum state. */
#define FAXENG_SUPPLY_KEYS(key) {					\
	[FAXENG_SUPPLY_OK] = #key "=" FAXENG_SUPPLY_WORD_OK,		\
	[FAXENG_SUPPLY_LOW] = #key "=" FAXENG_SUPPLY_WORD_LOW,		\
	[FAXENG_SUPPLY_EMPTY] = #key "=" FAXENG_SUPPLY_WORD_EMPTY,	\
	[FAXENG_SUPPLY_MISSING] = #key "=" FAXENG_SUPPLY_WORD_MISSING,	\
}

#define FAXENG_DRUM_KEYS(key) {						\
	[FAXENG_DRUM_OK] = #key "=" FAXENG_DRUM_WORD_OK,		\
	[FAXENG_DRUM_NEAR_END] = #key "=" FAXENG_DRUM_WORD_NEAR_END,	\
	[FAXENG_DRUM_END] = #key "=" FAXENG_DRUM_WORD_END,		\
}

/*
 * Besides its fields, each condition has the keys of its change uevents
 * that do not vary, made here from the table, so that an event formats
 * none of them. The alert code is the table's decimal literal;
 * faxeng_vocab_init() checks it.
 */
#define FAXENG_CONDITION(_name, _keyword, _severity, _code, _kind)	\
	[FAXENG_COND_##_name] = {					\
		.name = #_name,						\
		.severity = FAXENG_SEVERITY_##_severity,		\
		.alert_code = _code,					\
		.kind = FAXENG_KIND_##_kind,				\
		.key_condition = "FAXENG_CONDITION=" #_name,		\
		.key_reason = FAXENG_REASON_PREFIX _keyword,		\
		.key_severity = "FAXENG_SEVERITY="			\
				FAXENG_SEVERITY_WORD_##_severity,	\
		.key_alert_code = "FAXENG_ALERT_CODE=" #_code,		\
		.key_kind = "FAXENG_KIND=" FAXENG_KIND_WORD_##_kind,	\
	},

const struct faxeng_condition_info faxeng_conditions[FAXENG_COND_COUNT] = {
#include <linux/faxeng_conditions.h>
};

const char *const faxeng_supply_names[FAXENG_SUPPLY_MISSING + 1] = {
	[FAXENG_SUPPLY_OK] = FAXENG_SUPPLY_WORD_OK,
	[FAXENG_SUPPLY_LOW] = FAXENG_SUPPLY_WORD_LOW,
	[FAXENG_SUPPLY_EMPTY] = FAXENG_SUPPLY_WORD_EMPTY,
	[FAXENG_SUPPLY_MISSING] = FAXENG_SUPPLY_WORD_MISSING,
};
EXPORT_SYMBOL_GPL(faxeng_supply_names);

const char *const faxeng_drum_names[3] = {
	[FAXENG_DRUM_OK] = FAXENG_DRUM_WORD_OK,
	[FAXENG_DRUM_NEAR_END] = FAXENG_DRUM_WORD_NEAR_END,
	[FAXENG_DRUM_END] = FAXENG_DRUM_WORD_END,
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
	[FAXENG_SEVERITY_REPORT] = FAXENG_SEVERITY_WORD_REPORT,
	[FAXENG_SEVERITY_WARNING] = FAXENG_SEVERITY_WORD_WARNING,
	[FAXENG_SEVERITY_ERROR] = FAXENG_SEVERITY_WORD_ERROR,
};

const char *const faxeng_kind_names[3] = {
	[FAXENG_KIND_SUPPLY] = FAXENG_KIND_WORD_SUPPLY,
	[FAXENG_KIND_FAULT] = FAXENG_KIND_WORD_FAULT,
	[FAXENG_KIND_SERVICE] = FAXENG_KIND_WORD_SERVICE,
};

/*
 * The uevent keys of the enumerated states, one constant string per
 * value: a state key is chosen, not formatted.
 */
const char *const faxeng_toner_state_keys[FAXENG_SUPPLY_MISSING + 1] =
	FAXENG_SUPPLY_KEYS(FAXENG_TONER_STATE);
const char *const faxeng_drum_state_keys[3] =
	FAXENG_DRUM_KEYS(FAXENG_DRUM_STATE);
const char *const faxeng_maintenance_due_keys[2] = {
	"FAXENG_MAINTENANCE_DUE=0",
	"FAXENG_MAINTENANCE_DUE=1",
};

#define FAXENG_TRAY_KEYS(t) {						\
	.tray = "FAXENG_TRAY=" #t,					\
	.changed = FAXENG_CHANGED_PREFIX "tray" #t "_state",		\
	.state = FAXENG_SUPPLY_KEYS(FAXENG_TRAY##t##_STATE),		\
}

static_assert(FAXENG_MAX_TRAYS == 8, "one entry per tray below");
const struct faxeng_tray_keys faxeng_tray_keys[FAXENG_MAX_TRAYS] = {
	FAXENG_TRAY_KEYS(1), FAXENG_TRAY_KEYS(2), FAXENG_TRAY_KEYS(3),
	FAXENG_TRAY_KEYS(4), FAXENG_TRAY_KEYS(5), FAXENG_TRAY_KEYS(6),
	FAXENG_TRAY_KEYS(7), FAXENG_TRAY_KEYS(8),
};

/* FAXENG_FAULTS=<list> for every set of faults, made by faxeng_vocab_init(). */
static char faxeng_faults_key_buf[FAXENG_FAULT_SETS]
				 [sizeof("FAXENG_FAULTS=") + FAXENG_LIST_LEN]
				 __ro_after_init;
const char *faxeng_faults_keys[FAXENG_FAULT_SETS] __ro_after_init;

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

/* A transition's FAXENG_CHANGED key: the sysfs file whose value changed. */
const char *faxeng_changed_key(const struct faxeng_transition *tr)
{
	switch (tr->cond) {
	case FAXENG_COND_TONER_LOW:
	case FAXENG_COND_TONER_EMPTY:
	case FAXENG_COND_TONER_MISSING:
		return FAXENG_CHANGED_PREFIX "toner_state";
	case FAXENG_COND_PAPER_LOW:
	case FAXENG_COND_PAPER_EMPTY:
	case FAXENG_COND_PAPER_MISSING:
		return faxeng_tray_keys[tr->tray - 1].changed;
	case FAXENG_COND_DRUM_NEAR_END:
	case FAXENG_COND_DRUM_END:
		return FAXENG_CHANGED_PREFIX "drum_state";
	default:
		break;
	}
	if (faxeng_conditions[tr->cond].kind == FAXENG_KIND_FAULT)
		return FAXENG_CHANGED_PREFIX "faults";
	return FAXENG_CHANGED_PREFIX "maintenance_due";
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

/*
 * Append the active conditions as IPP printer-state-reasons values, or
 * "none", to @buf (*@len of its @size bytes in use).
 */
void faxeng_append_reasons(char *buf, size_t size, size_t *len,
			   u64 conditions)
{
	size_t start = *len;
	const struct faxeng_condition_info *ci;
	int i;

	for (i = 0; i < FAXENG_COND_COUNT; i++) {
		if (!(conditions & BIT_ULL(i)))
			continue;
		ci = &faxeng_conditions[i];
		if (*len > start)
			faxeng_append(buf, size, len, ",");
		faxeng_append(buf, size, len, faxeng_keyword(ci));
		faxeng_append(buf, size, len, "-");
		faxeng_append(buf, size, len,
			      faxeng_severity_names[ci->severity]);
	}
	if (*len == start)
		faxeng_append(buf, size, len, "none");
}

/* The same as a string of its own. */
int faxeng_format_reasons(char *buf, size_t size, u64 conditions)
{
	size_t len = 0;

	buf[0] = '\0';
	faxeng_append_reasons(buf, size, &len, conditions);
	return len;
}

/*
 * Make the keys the table cannot give as literals, and check the alert
 * codes the condition table gave as literals (decimal, as they are sent).
 */
int __init faxeng_vocab_init(void)
{
	char num[FAXENG_U64_LEN];
	size_t len;
	int i;

	BUILD_BUG_ON(BIT(FAXENG_FAULT_COUNT) != FAXENG_FAULT_SETS);
	for (i = 0; i < FAXENG_FAULT_SETS; i++) {
		len = 0;
		faxeng_append(faxeng_faults_key_buf[i],
			      sizeof(faxeng_faults_key_buf[i]), &len,
			      "FAXENG_FAULTS=");
		faxeng_format_faults(faxeng_faults_key_buf[i] + len,
				     sizeof(faxeng_faults_key_buf[i]) - len, i);
		faxeng_faults_keys[i] = faxeng_faults_key_buf[i];
	}
	for (i = 0; i < FAXENG_COND_COUNT; i++) {
		const struct faxeng_condition_info *ci = &faxeng_conditions[i];

		if (WARN_ON(strcmp(ci->key_alert_code +
				   strlen("FAXENG_ALERT_CODE="),
				   faxeng_u64_str(num, ci->alert_code))))
			return -EINVAL;
	}
	return 0;
}
