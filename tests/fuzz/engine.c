/* SPDX-License-Identifier: ISC */
/*
 * The FAXENG state message parser of faxcared and faxengctl
 * (daemon/engine_parse.c): any bytes as what one recv() on the generic
 * netlink socket returned, split into messages as libnl splits them, each
 * parsed as a GET reply or an event.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/msg.h>

#include "engine.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr		*hdr;
	struct nl_msg		*msg;
	struct engine_state	 st;
	void			*copy;
	int			 rem;

	if (size > 65536)
		return 0;
	/* Aligned, as libnl's receive buffer is. */
	if ((copy = malloc(size ? size : 1)) == NULL)
		abort();
	memcpy(copy, data, size);
	hdr = copy;
	rem = (int)size;
	for (; nlmsg_ok(hdr, rem); hdr = nlmsg_next(hdr, &rem)) {
		if (hdr->nlmsg_type < NLMSG_MIN_TYPE)
			continue;
		if ((msg = nlmsg_convert(hdr)) == NULL)
			abort();
		if (engine_parse_state(msg, &st) == 0 &&
		    (st.ntrays < 0 || st.ntrays > FAXENG_MAX_TRAYS ||
		    memchr(st.model, '\0', sizeof(st.model)) == NULL ||
		    memchr(st.serial, '\0', sizeof(st.serial)) == NULL ||
		    memchr(st.name, '\0', sizeof(st.name)) == NULL))
			abort();
		nlmsg_free(msg);
	}
	free(copy);
	return 0;
}
