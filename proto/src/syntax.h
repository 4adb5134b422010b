/* SPDX-License-Identifier: ISC */
/*
 * Syntax of the protocol's text values. Each check names the value with
 * `what` (a field name such as "Manager") in its error.
 */
#ifndef FAXCARE_SYNTAX_H
#define FAXCARE_SYNTAX_H

#include "faxcare/error.h"

int fc_syntax_address(const char *what, const char *s, struct fc_error *err);
int fc_syntax_terminal_id(const char *what, const char *s,
			  struct fc_error *err);
int fc_syntax_report_id(const char *what, const char *s, struct fc_error *err);
int fc_syntax_model(const char *what, const char *s, struct fc_error *err);
int fc_syntax_serial(const char *what, const char *s, struct fc_error *err);
int fc_syntax_keyword(const char *what, const char *s, struct fc_error *err);

#endif /* FAXCARE_SYNTAX_H */
