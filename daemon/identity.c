/* SPDX-License-Identifier: ISC */
/* The terminal's identity from the engine and the configuration. */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "identity.h"

/* Printable ASCII, spaces allowed inside (model) or not (serial). */
static void
copy_printable(char *dst, size_t len, const char *src, int spaces)
{
	size_t n = 0;

	for (; *src && n + 1 < len; src++) {
		if (*src > ' ' && *src < 127)
			dst[n++] = *src;
		else if (*src == ' ' && spaces && n > 0 && dst[n - 1] != ' ')
			dst[n++] = ' ';
	}
	while (n > 0 && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
}

/* "FX-SIM 100" + "SIM0000" -> "FX-SIM-100-SIM0000": [A-Za-z0-9._-]. */
static void
derive_terminal_id(char *dst, size_t len, const char *model,
    const char *serial)
{
	char raw[FC_MODEL_MAX + FC_SERIAL_MAX + 2];
	size_t n = 0, i;
	char c;

	(void)snprintf(raw, sizeof(raw), "%s-%s", model, serial);
	for (i = 0; raw[i] && n + 1 < len; i++) {
		c = raw[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_'))
			c = '-';
		if (c == '-' && (n == 0 || dst[n - 1] == '-'))
			continue;
		dst[n++] = c;
	}
	while (n > 0 && (dst[n - 1] == '-' || dst[n - 1] == '.' ||
	    dst[n - 1] == '_'))
		n--;
	dst[n] = '\0';
}

int
identity_make(const struct config *conf, const struct engine_state *st,
    struct identity *id, char *why, size_t whylen)
{
	struct fc_error err;
	const char *at;

	memset(id, 0, sizeof(*id));
	copy_printable(id->model, sizeof(id->model),
	    conf->model[0] ? conf->model : st->model, 1);
	copy_printable(id->serial, sizeof(id->serial),
	    conf->serial[0] ? conf->serial : st->serial, 0);
	if (conf->terminal_id[0])
		(void)snprintf(id->terminal_id, sizeof(id->terminal_id), "%s",
		    conf->terminal_id);
	else
		derive_terminal_id(id->terminal_id, sizeof(id->terminal_id),
		    id->model, id->serial);
	(void)snprintf(id->manager, sizeof(id->manager), "%s", conf->manager);
	(void)snprintf(id->center, sizeof(id->center), "%s", conf->center);
	if (conf->sender[0]) {
		(void)snprintf(id->sender, sizeof(id->sender), "%s",
		    conf->sender);
	} else {
		/* The office relay accepts its own domain: use the manager's. */
		at = strchr(conf->manager, '@');
		(void)snprintf(id->sender, sizeof(id->sender), "faxcare-%.32s%s",
		    id->terminal_id, at != NULL ? at : "@localhost");
	}
	if (fc_check_terminal_id(id->terminal_id, &err) == -1) {
		(void)snprintf(why, whylen, "terminal id '%s' (set terminal-id "
		    "in the configuration): %s", id->terminal_id, err.text);
		return -1;
	}
	if (fc_check_address(id->sender, &err) == -1) {
		(void)snprintf(why, whylen, "sender '%s' (set sender in the "
		    "configuration): %s", id->sender, err.text);
		return -1;
	}
	return 0;
}

void
identity_fingerprint(const struct identity *id, char fp[IDENTITY_FP_LEN + 1])
{
	unsigned char md[32];
	unsigned int mdlen = 0;
	char text[512];
	int n, i;

	/* NUL-separated, so no two different identities hash alike. */
	n = snprintf(text, sizeof(text), "%s%c%s%c%s%c%s%c%s", id->terminal_id,
	    0, id->model, 0, id->serial, 0, id->manager, 0, id->center);
	if (n < 0 || (size_t)n >= sizeof(text) ||
	    EVP_Digest(text, (size_t)n, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen != sizeof(md)) {
		memset(fp, '0', IDENTITY_FP_LEN);
		fp[IDENTITY_FP_LEN] = '\0';
		return;
	}
	for (i = 0; i < 32; i++)
		(void)snprintf(fp + 2 * i, 3, "%02x", md[i]);
}
