/* SPDX-License-Identifier: ISC */
/*
 * The status vocabulary, expanded from <linux/faxeng_conditions.h>. Only the
 * wording people read lives here, one FC_TEXT_<name> per condition: a
 * condition added to the table without wording does not compile.
 */
#include <string.h>
#include "faxcare/conditions.h"
#include "internal.h"

#define FC_TEXT_TONER_LOW	"Toner is low"
#define FC_TEXT_TONER_EMPTY	"Toner is empty"
#define FC_TEXT_TONER_MISSING	"Toner cartridge is missing"
#define FC_TEXT_PAPER_LOW	"Paper is low"
#define FC_TEXT_PAPER_EMPTY	"Paper is out"
#define FC_TEXT_PAPER_MISSING	"Paper tray is missing"
#define FC_TEXT_DRUM_NEAR_END	"Drum is near the end of its life"
#define FC_TEXT_DRUM_END	"Drum is at the end of its life"
#define FC_TEXT_JAM		"Paper is jammed"
#define FC_TEXT_DOOR_OPEN	"A door is open"
#define FC_TEXT_FUSER_ERROR	"Fuser is overheating"
#define FC_TEXT_MAINTENANCE_DUE	"Maintenance is due"
#define FC_TEXT_WASTE_TONER_ALMOST_FULL	"Waste toner bottle is almost full"
#define FC_TEXT_WASTE_TONER_FULL	"Waste toner bottle is full"
#define FC_TEXT_WASTE_TONER_MISSING	"Waste toner bottle is missing"
#define FC_TEXT_DEVELOPER_LOW	"Developer is low"
#define FC_TEXT_DEVELOPER_EMPTY	"Developer is empty"
#define FC_TEXT_STAPLES_LOW	"Staples are low"
#define FC_TEXT_STAPLES_EMPTY	"Staples are out"
/* The event's supply type says which unit: fuser, transfer unit, kit. */
#define FC_TEXT_SUPPLY_NEAR_END	"A unit is near the end of its life"
#define FC_TEXT_SUPPLY_END	"A unit is at the end of its life"

static const struct fc_condition_info table[FC_COND_COUNT] = {
#define FAXENG_CONDITION(n, kw, sev, alert, k)				\
	[FC_COND_##n] = {						\
		.id = FC_COND_##n,					\
		.name = #n,						\
		.keyword = kw,						\
		.severity = FC_SEVERITY_##sev,				\
		.alert_code = alert,					\
		.kind = FC_KIND_##k,					\
		.text = FC_TEXT_##n,					\
	},
#include <linux/faxeng_conditions.h>
};

const struct fc_condition_info *fc_condition_info(enum fc_condition id)
{
	if (id <= FC_COND_NONE || id >= FC_COND_COUNT)
		return NULL;
	return &table[id];
}

enum fc_condition fc_condition_by_keyword(const char *keyword)
{
	for (int i = 0; keyword && i < FC_COND_COUNT; i++)
		if (!strcmp(table[i].keyword, keyword))
			return (enum fc_condition)i;
	return FC_COND_NONE;
}

enum fc_condition fc_condition_by_name(const char *name)
{
	for (int i = 0; name && i < FC_COND_COUNT; i++)
		if (!strcmp(table[i].name, name))
			return (enum fc_condition)i;
	return FC_COND_NONE;
}

static const char *const severity_words[] = {
	[FC_SEVERITY_REPORT] = "report",
	[FC_SEVERITY_WARNING] = "warning",
	[FC_SEVERITY_ERROR] = "error",
};

static const char *const kind_words[] = {
	[FC_KIND_SUPPLY] = "supply",
	[FC_KIND_FAULT] = "fault",
	[FC_KIND_SERVICE] = "service",
};

static const char *const kind_resolutions[] = {
	[FC_KIND_SUPPLY] = "replenished",
	[FC_KIND_FAULT] = "repaired",
	[FC_KIND_SERVICE] = "serviced",
};

FC_WORD_FUNCTIONS(enum fc_severity, fc_severity_str, fc_severity_parse,
		  severity_words)
FC_WORD_FUNCTIONS(enum fc_kind, fc_kind_str, fc_kind_parse, kind_words)

const char *fc_kind_resolution(enum fc_kind kind)
{
	return fc_word_at(kind_resolutions, FC_ARRAY_SIZE(kind_resolutions),
			  kind);
}
