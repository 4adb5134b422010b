/* SPDX-License-Identifier: ISC */
/* What a person who opens the center's mailbox reads: subject and text. */
#include <stdio.h>
#include <string.h>
#include "faxcare/message.h"
#include "human.h"
#include "timefmt.h"

/* "Toner is low", or the keyword of a condition this build lacks. */
static const char *condition_words(const struct fc_report *r)
{
	const struct fc_condition_info *info = fc_condition_info(r->condition);

	return info ? info->text : r->keyword;
}

static void what_happened(struct fc_out *s, const struct fc_report *r)
{
	const char *resolution = fc_kind_resolution(r->kind);

	switch (r->type) {
	case FC_REPORT_REGISTRATION:
		fc_out_printf(s, "registers with its service center.");
		break;
	case FC_REPORT_STATUS:
		fc_out_printf(s, "%s: %s.", r->reminder_of[0] ?
			      "reminds you that this is still open" : "reports",
			      condition_words(r));
		break;
	case FC_REPORT_COMPLETION:
		fc_out_printf(s, "reports that this has been %s and cleared: %s.",
			      resolution ? resolution : "resolved",
			      condition_words(r));
		break;
	case FC_REPORT_METER:
		fc_out_printf(s, "reports its meter reading.");
		break;
	case FC_REPORT_NONE:
		break;
	}
	if (!r->keyword[0])
		return;
	fc_out_printf(s, " IPP reason %s, severity %s, alert code %d",
		      r->keyword, fc_severity_str(r->severity), r->alert_code);
	if (r->instance)
		fc_out_printf(s, ", tray %d", r->instance);
	fc_out_printf(s, ".");
	if (r->reminder_of[0])
		fc_out_printf(s, " First reported in report %s.",
			      r->reminder_of);
	if (r->completes[0])
		fc_out_printf(s, " This completes report %s.", r->completes);
}

/* " Toner: 12% (low)." from a level (-1 absent) and a state (0 absent). */
static void level(struct fc_out *s, const char *what, const char *unit,
		  int percent, enum fc_state state)
{
	if (percent < 0 && !state)
		return;
	fc_out_printf(s, " %s:", what);
	if (percent >= 0)
		fc_out_printf(s, " %d%%%s", percent, unit);
	if (state)
		fc_out_printf(s, percent >= 0 ? " (%s)" : " %s",
			      fc_state_str(state));
	fc_out_printf(s, ".");
}

static void levels(struct fc_out *s, const struct fc_report *r)
{
	const char *sep = " Paper:";

	level(s, "Toner", "", r->toner_level, r->toner_state);
	level(s, "Drum", " of its life left", r->drum_life, r->drum_state);
	if (r->page_count >= 0)
		fc_out_printf(s, " Pages printed: %lld.", r->page_count);
	for (int i = 0; i < FC_TRAYS_MAX; i++) {
		if (!r->trays[i])
			continue;
		fc_out_printf(s, "%s tray %d %s", sep, i + 1,
			      fc_state_str(r->trays[i]));
		sep = ",";
	}
	if (sep[0] == ',')
		fc_out_printf(s, ".");
}

void fc_human_write(struct fc_out *o, const struct fc_report *r)
{
	char text[1024], when[FC_RFC3339_LEN + 1];
	struct fc_out s;

	fc_out_init(&s, text, sizeof(text), false);
	fc_out_printf(&s, "Fax terminal %s, serial %s (terminal id %s), "
		      "managed by %s, ", r->model, r->serial, r->terminal_id,
		      r->manager);
	what_happened(&s, r);
	fc_out_paragraph(o, text);
	fc_out_newline(o);

	fc_out_init(&s, text, sizeof(text), false);
	levels(&s, r);
	if (s.pos) {
		fc_out_paragraph(o, text);
		fc_out_newline(o);
	}

	if (fc_time_format(r->timestamp, when, sizeof(when)))
		when[0] = '\0';
	fc_out_init(&s, text, sizeof(text), false);
	fc_out_printf(&s, "Report %s, %s. The block below is for the "
		      "service center's software; please leave it unchanged.",
		      r->report_id, when);
	fc_out_paragraph(o, text);
	fc_out_newline(o);
}

/* At most 24 characters of an identifier, for the subject only. */
static void shorten(const char *s, char *buf, size_t len)
{
	if (strlen(s) > 24)
		(void)snprintf(buf, len, "%.21s...", s);
	else
		(void)snprintf(buf, len, "%s", s);
}

int fc_report_subject(const struct fc_report *r, char *buf, size_t len,
		      struct fc_error *err)
{
	char model[32], serial[32];
	struct fc_out o;

	shorten(r->model, model, sizeof(model));
	shorten(r->serial, serial, sizeof(serial));
	fc_out_init(&o, buf, len, false);
	fc_out_printf(&o, "[faxcare] %s %s: ", model, serial);
	switch (r->type) {
	case FC_REPORT_REGISTRATION:
		fc_out_printf(&o, "registration");
		break;
	case FC_REPORT_STATUS:
	case FC_REPORT_COMPLETION:
		if (r->reminder_of[0])
			fc_out_printf(&o, "reminder: ");
		if (r->type == FC_REPORT_COMPLETION)
			fc_out_printf(&o, "cleared: ");
		fc_out_printf(&o, "%s", condition_words(r));
		if (r->instance)
			fc_out_printf(&o, ", tray %d", r->instance);
		if (r->type == FC_REPORT_STATUS)
			fc_out_printf(&o, " (%s)",
				      fc_severity_str(r->severity));
		break;
	case FC_REPORT_METER:
		fc_out_printf(&o, "meter reading");
		break;
	case FC_REPORT_NONE:
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "Type is missing (every report has it)");
	}
	return fc_out_finish(&o, NULL, err);
}
