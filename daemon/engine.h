/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: the engines' state over generic netlink (family "faxeng",
 * include/uapi/linux/faxeng.h) with libnl: get one, dump all, set knobs and
 * actions, and the multicast events each carrying an engine's whole state.
 */
#ifndef FAXCARE_ENGINE_H
#define FAXCARE_ENGINE_H

#include "engine_state.h"

struct engine_nl;

/* What faxengctl set changes; -1 leaves a value as it is. */
struct engine_settings {
	/* The settings of <linux/faxeng_props.h> by name; -1 leaves one. */
#define FAXENG_KNOB(name, NAME, min, max, def)	long long name;
#include <linux/faxeng_props.h>
	int		 action;	/* enum faxeng_action, 0 none */
};

struct nl_msg;

/* One GET reply or event (engine_parse.c); 0, or -1 when it names no
 * engine or an attribute breaks the policy. */
int	engine_parse_state(struct nl_msg *msg, struct engine_state *st);

typedef void (*engine_cb)(void *arg, const struct engine_state *st,
    int is_event);

/* events: also join the multicast group; the fd then becomes readable. */
struct engine_nl *engine_open(int events);
void	engine_close(struct engine_nl *nl);
int	engine_event_fd(struct engine_nl *nl);
/* Reads what the event socket has; calls cb for each event. */
int	engine_read_events(struct engine_nl *nl, engine_cb cb, void *arg);

int	engine_get(struct engine_nl *nl, unsigned id, struct engine_state *st);
int	engine_dump(struct engine_nl *nl, engine_cb cb, void *arg);
int	engine_set(struct engine_nl *nl, unsigned id,
	    const struct engine_settings *set);
void	engine_settings_init(struct engine_settings *set);
/* "faxeng3" -> 3; -1 if name is not an engine's. */
int	engine_id_of(const char *name);
/*
 * The last error as text: the kernel's extended-ACK message if it sent one,
 * else the errno in words, else libnl's text.
 */
const char *engine_strerror(void);
/* The attribute the kernel's last refusal pointed at, or -1. */
int	engine_error_attr(void);

#endif
