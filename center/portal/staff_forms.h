/* SPDX-License-Identifier: ISC */
/*
 * The small POST forms a staff list puts on each of its rows (edit,
 * retire, cancel, ...), each with the session's CSRF token and the row's
 * id as a hidden field. Every value is escaped.
 */
#ifndef FAXCENTER_STAFF_FORMS_H
#define FAXCENTER_STAFF_FORMS_H

#include <kore/kore.h>

#include "portal.h"

/* A text field of a row's form, prefilled with value (may be NULL). */
struct staff_input {
	const char	*name;
	const char	*value;
	int		 size;
};

/*
 * <form> to action with the hidden id_field = id, the n inputs (each
 * labelled by its aria-label, the field's name) and a button.
 */
void	staff_row_form(struct kore_buf *buf, struct portal *p,
	    const char *action, const char *id_field, const char *id,
	    const struct staff_input *inputs, unsigned int n,
	    const char *button);

/* A <td id="id_field-id"> with a row's edit form (action_edit, the n inputs) and its
 * one-button form (action_other: retire, remove, ...). */
void	staff_edit_cell(struct kore_buf *buf, struct portal *p,
	    const char *action_edit, const char *action_other,
	    const char *other_label, const char *id_field, const char *id,
	    const struct staff_input *inputs, unsigned int n);

#endif
