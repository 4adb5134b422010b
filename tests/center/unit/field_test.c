/* SPDX-License-Identifier: ISC */
/* objects: field */
/*
 * The portal's checks after a field's validator: numbers that fit, and
 * date-times that name a real moment.
 */
#include "field.h"
#include "tap.h"

int
main(void)
{
	is_int(field_num("0"), 0, "0 is a number");
	is_int(field_num("123456789012345678"), 123456789012345678LL,
	    "18 digits are a number");
	is_int(field_num("99999999999999999999"), -1,
	    "a number too big for the database is refused, not clamped");
	is_int(field_num("-1"), -1, "a sign is refused");
	is_int(field_num("12a"), -1, "trailing letters are refused");
	is_int(field_num(NULL), -1, "no field is no number");
	ok(field_datetime("2024-02-29 23:59"), "a leap day is a date");
	ok(!field_datetime("2023-02-29 10:00"), "no February 29th in 2023");
	ok(!field_datetime("2024-04-31 10:00"), "no April 31st");
	ok(!field_datetime("2024-05-01 24:00"), "no hour 24");
	ok(!field_datetime("2024-05-01 10:00x"), "nothing may follow");
	return done_testing();
}
