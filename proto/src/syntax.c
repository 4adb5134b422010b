/* SPDX-License-Identifier: ISC */
/* Syntax checks of identifiers, addresses and free text values. */
#include <stdbool.h>
#include <string.h>
#include "faxcare/report.h"
#include "syntax.h"

static bool is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Non-empty, at most max characters, every one printable 7-bit ASCII. */
static int check_text(const char *what, const char *s, size_t max,
		      struct fc_error *err)
{
	size_t n = strnlen(s, max + 1);

	if (n == 0)
		return fc_error_set(err, FC_ERR_VALUE, 0, "%s: empty value",
				    what);
	if (n > max)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: longer than %zu characters", what,
				    max);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c > 0x7e)
			return fc_error_set(err, FC_ERR_NOT_ASCII, 0,
				"%s: character %zu is byte 0x%02x, not printable 7-bit ASCII",
				what, i + 1, c);
	}
	return 0;
}

/* RFC 5322 atext: the characters of a dot-atom besides the dots. */
static bool is_atext(int c)
{
	return is_alnum(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* dot-atom of chars accepted by ok(): no dot first, last or doubled. */
static bool is_dot_atom(const char *s, size_t n, bool (*ok)(int))
{
	if (!n || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return false;
		} else if (!ok((unsigned char)s[i])) {
			return false;
		}
	}
	return true;
}

static bool is_label_char(int c)
{
	return is_alnum(c) || c == '-';
}

/* Host name labels: letters, digits, hyphens inside, 1..63 each. */
static bool is_domain(const char *s)
{
	size_t n = strlen(s);

	if (!is_dot_atom(s, n, is_label_char))
		return false;
	for (const char *l = s; *l; ) {
		size_t len = strcspn(l, ".");

		if (len > 63 || l[0] == '-' || l[len - 1] == '-')
			return false;
		l += len;
		if (*l)
			l++;
	}
	return true;
}

int fc_syntax_address(const char *what, const char *s, struct fc_error *err)
{
	const char *at;

	if (check_text(what, s, FC_ADDRESS_MAX, err))
		return -1;
	at = strrchr(s, '@');
	if (!at)
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: '%s' is not an e-mail address (no @)",
				    what, s);
	if (!is_dot_atom(s, (size_t)(at - s), is_atext))
		return fc_error_set(err, FC_ERR_VALUE, 0,
			"%s: '%s' is not an e-mail address (bad local part before the @)",
			what, s);
	if (!is_domain(at + 1))
		return fc_error_set(err, FC_ERR_VALUE, 0,
			"%s: '%s' is not an e-mail address (bad domain after the @)",
			what, s);
	return 0;
}

static bool is_id_char(int c)
{
	return is_alnum(c) || c == '-' || c == '_';
}

int fc_syntax_terminal_id(const char *what, const char *s,
			  struct fc_error *err)
{
	size_t n;

	if (check_text(what, s, FC_TERMINAL_ID_MAX, err))
		return -1;
	n = strlen(s);
	if (!is_dot_atom(s, n, is_id_char) || !is_alnum(s[0]) ||
	    !is_alnum(s[n - 1]))
		return fc_error_set(err, FC_ERR_VALUE, 0,
			"%s: '%s' is not a terminal id (letters, digits, '.', '-', '_'; starting and ending with a letter or digit)",
			what, s);
	return 0;
}

int fc_syntax_report_id(const char *what, const char *s, struct fc_error *err)
{
	if (check_text(what, s, FC_REPORT_ID_LEN, err))
		return -1;
	if (strlen(s) != FC_REPORT_ID_LEN ||
	    strspn(s, "0123456789abcdef") != FC_REPORT_ID_LEN)
		return fc_error_set(err, FC_ERR_VALUE, 0,
			"%s: '%s' is not a report id (%d lowercase hex digits)",
			what, s, FC_REPORT_ID_LEN);
	return 0;
}

int fc_syntax_model(const char *what, const char *s, struct fc_error *err)
{
	if (check_text(what, s, FC_MODEL_MAX, err))
		return -1;
	if (s[0] == ' ' || s[strlen(s) - 1] == ' ')
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: starts or ends with a space", what);
	return 0;
}

int fc_syntax_serial(const char *what, const char *s, struct fc_error *err)
{
	if (check_text(what, s, FC_SERIAL_MAX, err))
		return -1;
	if (strchr(s, ' '))
		return fc_error_set(err, FC_ERR_VALUE, 0,
				    "%s: '%s' contains a space", what, s);
	return 0;
}

int fc_syntax_keyword(const char *what, const char *s, struct fc_error *err)
{
	if (check_text(what, s, FC_KEYWORD_MAX, err))
		return -1;
	if (s[0] < 'a' || s[0] > 'z' ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(s))
		return fc_error_set(err, FC_ERR_VALUE, 0,
			"%s: '%s' is not an IPP keyword (lowercase letters, digits, '-')",
			what, s);
	return 0;
}

int fc_check_address(const char *addr, struct fc_error *err)
{
	return fc_syntax_address("address", addr, err);
}

int fc_check_terminal_id(const char *id, struct fc_error *err)
{
	return fc_syntax_terminal_id("terminal id", id, err);
}

int fc_check_report_id(const char *id, struct fc_error *err)
{
	return fc_syntax_report_id("report id", id, err);
}
