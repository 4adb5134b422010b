// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng vocabulary: the condition table of faxeng_conditions.h expanded for
 * the kernel, and the words sysfs, uevents and netlink use for states.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <net/netlink.h>
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

/* The uevent keys "@key=<word>" of a tray's supply state. */
#define FAXENG_SUPPLY_KEYS(key) {					\
	[FAXENG_SUPPLY_OK] = #key "=" FAXENG_SUPPLY_WORD_OK,		\
	[FAXENG_SUPPLY_LOW] = #key "=" FAXENG_SUPPLY_WORD_LOW,		\
	[FAXENG_SUPPLY_EMPTY] = #key "=" FAXENG_SUPPLY_WORD_EMPTY,	\
	[FAXENG_SUPPLY_MISSING] = #key "=" FAXENG_SUPPLY_WORD_MISSING,	\
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

static const char *const faxeng_drum_names[3] = {
	[FAXENG_DRUM_OK] = FAXENG_DRUM_WORD_OK,
	[FAXENG_DRUM_NEAR_END] = FAXENG_DRUM_WORD_NEAR_END,
	[FAXENG_DRUM_END] = FAXENG_DRUM_WORD_END,
};

/* IPP marker-types keywords (RFC 3805's types, hyphenated). */
const char *const faxeng_supply_type_names[FAXENG_SUPPLY_TYPE_MAX + 1] = {
	[FAXENG_SUPPLY_TYPE_OTHER] = "other",
	[FAXENG_SUPPLY_TYPE_TONER] = "toner",
	[FAXENG_SUPPLY_TYPE_WASTE_TONER] = "waste-toner",
	[FAXENG_SUPPLY_TYPE_OPC] = "opc",
	[FAXENG_SUPPLY_TYPE_DEVELOPER] = "developer",
	[FAXENG_SUPPLY_TYPE_FUSER] = "fuser",
	[FAXENG_SUPPLY_TYPE_TRANSFER_UNIT] = "transfer-unit",
	[FAXENG_SUPPLY_TYPE_STAPLES] = "staples",
	[FAXENG_SUPPLY_TYPE_MAINTENANCE_KIT] = "maintenance-kit",
};
EXPORT_SYMBOL_GPL(faxeng_supply_type_names);

/* RFC 3805 prtMarkerColorantValue words. */
const char *const faxeng_colour_names[FAXENG_COLOUR_MAX + 1] = {
	[FAXENG_COLOUR_NONE] = "none",
	[FAXENG_COLOUR_BLACK] = "black",
	[FAXENG_COLOUR_CYAN] = "cyan",
	[FAXENG_COLOUR_MAGENTA] = "magenta",
	[FAXENG_COLOUR_YELLOW] = "yellow",
};
EXPORT_SYMBOL_GPL(faxeng_colour_names);

static const char *const faxeng_class_names[2] = {
	[FAXENG_SUPPLY_CLASS_CONSUMED] = "consumed",
	[FAXENG_SUPPLY_CLASS_FILLED] = "filled",
};

static const char *const faxeng_marker_names[FAXENG_MARKER_MAX + 1] = {
	[FAXENG_MARKER_OK] = "ok",
	[FAXENG_MARKER_LOW] = "low",
	[FAXENG_MARKER_EMPTY] = "empty",
	[FAXENG_MARKER_NEAR_FULL] = "near-full",
	[FAXENG_MARKER_FULL] = "full",
	[FAXENG_MARKER_NEAR_END] = "near-end",
	[FAXENG_MARKER_END] = "end",
	[FAXENG_MARKER_MISSING] = "missing",
	[FAXENG_MARKER_UNKNOWN] = "unknown",
};

/**
 * faxeng_supply_type_has_life() - whether a supply wears out by pages
 * @type: its type
 *
 * Return: true for a drum, fuser, transfer unit or maintenance kit, whose
 * level is the share of its rated life left; false for a supply a sensor
 * measures.
 */
bool faxeng_supply_type_has_life(enum faxeng_supply_type type)
{
	return type == FAXENG_SUPPLY_TYPE_OPC ||
	       type == FAXENG_SUPPLY_TYPE_FUSER ||
	       type == FAXENG_SUPPLY_TYPE_TRANSFER_UNIT ||
	       type == FAXENG_SUPPLY_TYPE_MAINTENANCE_KIT;
}
EXPORT_SYMBOL_GPL(faxeng_supply_type_has_life);

/* The condition a supply of @type raises in @state, or FAXENG_COND_COUNT. */
enum faxeng_condition faxeng_supply_condition(u32 type, u32 state)
{
	bool warn;

	switch (state) {
	case FAXENG_MARKER_MISSING:
		return type == FAXENG_SUPPLY_TYPE_WASTE_TONER ?
		       FAXENG_COND_WASTE_TONER_MISSING :
		       FAXENG_COND_TONER_MISSING;
	case FAXENG_MARKER_NEAR_FULL:
		return FAXENG_COND_WASTE_TONER_ALMOST_FULL;
	case FAXENG_MARKER_FULL:
		return FAXENG_COND_WASTE_TONER_FULL;
	case FAXENG_MARKER_LOW:
	case FAXENG_MARKER_NEAR_END:
		warn = true;
		break;
	case FAXENG_MARKER_EMPTY:
	case FAXENG_MARKER_END:
		warn = false;
		break;
	default:
		return FAXENG_COND_COUNT;
	}
	switch (type) {
	case FAXENG_SUPPLY_TYPE_TONER:
		return warn ? FAXENG_COND_TONER_LOW : FAXENG_COND_TONER_EMPTY;
	case FAXENG_SUPPLY_TYPE_OPC:
		return warn ? FAXENG_COND_DRUM_NEAR_END : FAXENG_COND_DRUM_END;
	case FAXENG_SUPPLY_TYPE_DEVELOPER:
		return warn ? FAXENG_COND_DEVELOPER_LOW :
			      FAXENG_COND_DEVELOPER_EMPTY;
	case FAXENG_SUPPLY_TYPE_STAPLES:
		return warn ? FAXENG_COND_STAPLES_LOW : FAXENG_COND_STAPLES_EMPTY;
	default:
		return warn ? FAXENG_COND_SUPPLY_NEAR_END :
			      FAXENG_COND_SUPPLY_END;
	}
}

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

#define FAXENG_SUPPLY_N(s) {						\
	.supply = "FAXENG_SUPPLY=" #s,					\
	.changed = FAXENG_CHANGED_PREFIX "supply" #s "/state",		\
}

static_assert(FAXENG_MAX_SUPPLIES == 16, "one entry per supply below");
const struct faxeng_supply_keys faxeng_supply_keys[FAXENG_MAX_SUPPLIES] = {
	FAXENG_SUPPLY_N(1), FAXENG_SUPPLY_N(2), FAXENG_SUPPLY_N(3), FAXENG_SUPPLY_N(4),
	FAXENG_SUPPLY_N(5), FAXENG_SUPPLY_N(6), FAXENG_SUPPLY_N(7), FAXENG_SUPPLY_N(8),
	FAXENG_SUPPLY_N(9), FAXENG_SUPPLY_N(10), FAXENG_SUPPLY_N(11), FAXENG_SUPPLY_N(12),
	FAXENG_SUPPLY_N(13), FAXENG_SUPPLY_N(14), FAXENG_SUPPLY_N(15), FAXENG_SUPPLY_N(16),
};

/* The properties of faxeng_props.h, in its order. */
#define FAXENG_PROP(_name, _NAME, _nl, _show, _uevent)			\
	[FAXENG_PROP_##_NAME] = {					\
		.key = "FAXENG_" #_NAME "=",				\
		.offset = offsetof(struct faxeng_state, _name),		\
		.nla_type = NLA_##_nl,					\
		.attr = FAXENG_A_##_NAME,				\
		.show = FAXENG_SHOW_##_show,				\
		.uevent = FAXENG_PROP_##_uevent,			\
	},
#define FAXENG_PROP_UEVENT	true
#define FAXENG_PROP_QUIET	false

const struct faxeng_prop_info faxeng_props[FAXENG_PROP_COUNT] = {
#include <linux/faxeng_props.h>
};

/* A supply's properties, FAXENG_SUPPLY_<NAME>= in its uevents. */
#define FAXENG_SUPPLY_PROP(_name, _NAME, _nl, _show, _applies, _uevent) \
	[FAXENG_SUPPLY_PROP_##_NAME] = {				\
		.key = "FAXENG_SUPPLY_" #_NAME "=",			\
		.offset = offsetof(struct faxeng_supply, _name),	\
		.nla_type = NLA_##_nl,					\
		.attr = FAXENG_A_SUPPLY_##_NAME,			\
		.show = FAXENG_SHOW_##_show,				\
		.uevent = FAXENG_PROP_##_uevent,			\
		.applies = FAXENG_APPLIES_##_applies,			\
	},

const struct faxeng_prop_info faxeng_supply_props[FAXENG_SUPPLY_PROP_COUNT] = {
#include <linux/faxeng_props.h>
};

const char *const faxeng_supply_knob_names[FAXENG_SUPPLY_KNOB_COUNT] = {
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_SUPPLY_KNOB_##_NAME] = #_name,
#include <linux/faxeng_props.h>
};

const u8 faxeng_supply_knob_applies[FAXENG_SUPPLY_KNOB_COUNT] = {
#define FAXENG_SUPPLY_KNOB(_name, _NAME, _min, _max, _def, _applies)	\
	[FAXENG_SUPPLY_KNOB_##_NAME] = FAXENG_APPLIES_##_applies,
#include <linux/faxeng_props.h>
};

/* A property's field has its netlink type's size, or the build fails. */
#define FAXENG_NLA_SIZE_U8	sizeof(u8)
#define FAXENG_NLA_SIZE_U32	sizeof(u32)
#define FAXENG_NLA_SIZE_U64	sizeof(u64)
static const u8 faxeng_prop_field_checked[] __maybe_unused = {
#define FAXENG_PROP(_name, _NAME, _nl, _show, _uevent)			\
	[FAXENG_PROP_##_NAME] = BUILD_BUG_ON_ZERO(			\
		sizeof_field(struct faxeng_state, _name) !=		\
		FAXENG_NLA_SIZE_##_nl),
#include <linux/faxeng_props.h>
};

static const u8 faxeng_supply_field_checked[] __maybe_unused = {
#define FAXENG_SUPPLY_PROP(_name, _NAME, _nl, _show, _applies, _uevent) \
	[FAXENG_SUPPLY_PROP_##_NAME] = BUILD_BUG_ON_ZERO(		\
		sizeof_field(struct faxeng_supply, _name) !=		\
		FAXENG_NLA_SIZE_##_nl),
#include <linux/faxeng_props.h>
};

/*
 * How many values an enumerated property has: its uevent keys, one per
 * value, are made once by faxeng_vocab_init(), so that a state key is
 * chosen, not formatted. Numbers have none.
 */
static const u8 faxeng_show_values[] = {
	[FAXENG_SHOW_FLAG] = 2,
	[FAXENG_SHOW_SUPPLY] = FAXENG_SUPPLY_MISSING + 1,
	[FAXENG_SHOW_DRUM] = FAXENG_DRUM_END + 1,
	[FAXENG_SHOW_FAULTS] = FAXENG_FAULT_SETS,
	[FAXENG_SHOW_TYPE] = FAXENG_SUPPLY_TYPE_MAX + 1,
	[FAXENG_SHOW_COLOUR] = FAXENG_COLOUR_MAX + 1,
	[FAXENG_SHOW_CLASS] = FAXENG_SUPPLY_CLASS_FILLED + 1,
	[FAXENG_SHOW_MARKER] = FAXENG_MARKER_MAX + 1,
};

#define FAXENG_VALUES_MAX	FAXENG_FAULT_SETS
/* Those keys, one after the other; faxeng_vocab_init() says if it is short. */
static char faxeng_value_key_pool[2560] __ro_after_init;
static const char *faxeng_value_keys[FAXENG_PROP_COUNT][FAXENG_VALUES_MAX]
	__ro_after_init;
static const char *
faxeng_supply_value_keys[FAXENG_SUPPLY_PROP_COUNT][FAXENG_MARKER_MAX + 1]
	__ro_after_init;

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

/*
 * A transition's FAXENG_CHANGED key: the sysfs file whose value changed,
 * supplyS/state for a supply's condition.
 */
const char *faxeng_changed_key(const struct faxeng_transition *tr)
{
	/* toner_state and drum_state show the first toner's and drum's. */
	if (tr->supply && !tr->shown)
		return faxeng_supply_keys[tr->supply - 1].changed;
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

/* A field of the size of @pi's netlink type at its offset in @base. */
static u64 faxeng_field(const void *base, const struct faxeng_prop_info *pi)
{
	const void *field = (const u8 *)base + pi->offset;

	switch (pi->nla_type) {
	case NLA_U8:
		return *(const u8 *)field;
	case NLA_U32:
		return *(const u32 *)field;
	default:
		return *(const u64 *)field;
	}
}

/* The value of @prop in @st: its field has its netlink type's size. */
u64 faxeng_prop_value(const struct faxeng_state *st, enum faxeng_prop prop)
{
	return faxeng_field(st, &faxeng_props[prop]);
}

/*
 * @value shown as @show says, as sysfs shows it: a word, or a number or a
 * fault list made in @buf (room for FAXENG_FAULTS_LEN).
 */
static const char *faxeng_show_word(u8 show, u64 value, char *buf,
				    size_t size)
{
	switch (show) {
	case FAXENG_SHOW_LEVEL:
		if (value == FAXENG_LEVEL_UNKNOWN)
			return "unknown";
		break;
	case FAXENG_SHOW_SUPPLY:
		return faxeng_supply_names[value];
	case FAXENG_SHOW_DRUM:
		return faxeng_drum_names[value];
	case FAXENG_SHOW_FAULTS:
		faxeng_format_faults(buf, size, value);
		return buf;
	case FAXENG_SHOW_TYPE:
		return faxeng_supply_type_names[value];
	case FAXENG_SHOW_COLOUR:
		return faxeng_colour_names[value];
	case FAXENG_SHOW_CLASS:
		return faxeng_class_names[value];
	case FAXENG_SHOW_MARKER:
		return faxeng_marker_names[value];
	default:
		break;
	}
	if (WARN_ON_ONCE(size < FAXENG_U64_LEN))
		return "";
	return faxeng_u64_str(buf, value);
}

const char *faxeng_prop_word(enum faxeng_prop prop, u64 value,
			     char *buf, size_t size)
{
	return faxeng_show_word(faxeng_props[prop].show, value, buf, size);
}

const char *faxeng_supply_prop_word(enum faxeng_supply_prop prop, u64 value,
				    char *buf, size_t size)
{
	return faxeng_show_word(faxeng_supply_props[prop].show, value, buf,
				size);
}

/* The value of @prop of supply @sup. */
u64 faxeng_supply_prop_value(const struct faxeng_supply *sup,
			     enum faxeng_supply_prop prop)
{
	return faxeng_field(sup, &faxeng_supply_props[prop]);
}

/* The uevent key of an enumerated @prop's @value; NULL for a number. */
const char *faxeng_prop_key(enum faxeng_prop prop, u64 value)
{
	u8 values = faxeng_show_values[faxeng_props[prop].show];

	if (!values || WARN_ON_ONCE(value >= values))
		return NULL;
	return faxeng_value_keys[prop][value];
}

/* The same for a supply's; "unknown" is a level's one key. */
const char *faxeng_supply_prop_key(enum faxeng_supply_prop prop, u64 value)
{
	const struct faxeng_prop_info *pi = &faxeng_supply_props[prop];
	u8 values = faxeng_show_values[pi->show];

	if (pi->show == FAXENG_SHOW_LEVEL)
		return value == FAXENG_LEVEL_UNKNOWN ?
		       faxeng_supply_value_keys[prop][0] : NULL;
	if (!values || WARN_ON_ONCE(value >= values))
		return NULL;
	return faxeng_supply_value_keys[prop][value];
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
	char num[FAXENG_U64_LEN], word[FAXENG_LIST_LEN];
	size_t used = 0, start;
	int i, v;

	BUILD_BUG_ON(ARRAY_SIZE(faxeng_show_values) > FAXENG_SHOW_MARKER + 1);
	for (i = 0; i < FAXENG_PROP_COUNT; i++) {
		for (v = 0; v < faxeng_show_values[faxeng_props[i].show]; v++) {
			start = used;
			if (!faxeng_append(faxeng_value_key_pool,
					   sizeof(faxeng_value_key_pool), &used,
					   faxeng_props[i].key) ||
			    !faxeng_append(faxeng_value_key_pool,
					   sizeof(faxeng_value_key_pool), &used,
					   faxeng_prop_word(i, v, word,
							    sizeof(word))) ||
			    WARN_ON(++used >= sizeof(faxeng_value_key_pool)))
				return -ENOSPC;
			faxeng_value_keys[i][v] = faxeng_value_key_pool + start;
		}
	}
	for (i = 0; i < FAXENG_SUPPLY_PROP_COUNT; i++) {
		const struct faxeng_prop_info *pi = &faxeng_supply_props[i];
		u8 values = faxeng_show_values[pi->show];

		if (pi->show == FAXENG_SHOW_LEVEL)
			values = 1;
		for (v = 0; v < values; v++) {
			start = used;
			if (!faxeng_append(faxeng_value_key_pool,
					   sizeof(faxeng_value_key_pool), &used,
					   pi->key) ||
			    !faxeng_append(faxeng_value_key_pool,
					   sizeof(faxeng_value_key_pool), &used,
					   pi->show == FAXENG_SHOW_LEVEL ?
					   "unknown" :
					   faxeng_show_word(pi->show, v, word,
							    sizeof(word))) ||
			    WARN_ON(++used >= sizeof(faxeng_value_key_pool)))
				return -ENOSPC;
			faxeng_supply_value_keys[i][v] =
				faxeng_value_key_pool + start;
		}
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
