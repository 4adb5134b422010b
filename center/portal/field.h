/* SPDX-License-Identifier: ISC */
/*
 * The checks a form or query field gets after its Kore validator (a regex in
 * conf/faxcenter.conf), apart from Kore so that tests/fuzz can run them.
 */
#ifndef FAXCENTER_FIELD_H
#define FAXCENTER_FIELD_H

/* v as a decimal number, 0 allowed, or -1 (NULL, not all digits, too big). */
long long	field_num(const char *v);

/* 1 when v is "YYYY-MM-DD HH:MM" naming a real date and time, else 0. */
int		field_datetime(const char *v);

#endif
