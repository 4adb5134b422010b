/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * faxeng tracepoints (docs/kmod.md, "Tracepoints"): each sensor input the
 * core takes, each event it sends and each run of its event work. They cost
 * nothing while disabled; bench/kmod reads them through tracefs.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM faxeng

#if !defined(_FAXENG_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _FAXENG_TRACE_H

#include <linux/tracepoint.h>
#include "faxeng_internal.h"

/* A sensor input, with the conditions the core derived from it. */
TRACE_EVENT(faxeng_input,
	    TP_PROTO(const struct faxeng *fe),
	    TP_ARGS(fe),
	    TP_STRUCT__entry(__field(u64, conditions)
			     __field(u32, id)),
	    TP_fast_assign(__entry->conditions = fe->st.conditions;
			   __entry->id = fe->id;),
	    TP_printk("faxeng%u conditions=%#llx", __entry->id,
		      __entry->conditions)
);

/*
 * One event: the transition and what became of it. uevent: 0 sent, else
 * the error that lost it. netlink: 1 multicast, 0 no listener (nothing
 * built), else the error that lost it (for some listener, -ENOBUFS).
 */
TRACE_EVENT(faxeng_event,
	    TP_PROTO(const struct faxeng *fe,
		     const struct faxeng_transition *tr, int uevent,
		     int netlink),
	    TP_ARGS(fe, tr, uevent, netlink),
	    TP_STRUCT__entry(__field(u64, seqnum)
			     __field(u32, id)
			     __field(u32, condition)
			     __field(u32, tray)
			     __field(u32, active)
			     __field(s32, uevent)
			     __field(s32, netlink)
			     __array(char, name, 16)),
	    TP_fast_assign(__entry->seqnum = tr->seqnum;
			   __entry->id = fe->id;
			   __entry->condition = tr->cond;
			   __entry->tray = tr->tray;
			   __entry->active = tr->active;
			   __entry->uevent = uevent;
			   __entry->netlink = netlink;
			   strscpy(__entry->name,
				   faxeng_conditions[tr->cond].name,
				   sizeof(__entry->name));),
	    TP_printk("faxeng%u seqnum=%llu condition=%s active=%u tray=%u uevent=%d netlink=%d",
		      __entry->id, __entry->seqnum, __entry->name,
		      __entry->active, __entry->tray, __entry->uevent,
		      __entry->netlink)
);

/* A run of the event work: how many events it sent, in how long (ns). */
TRACE_EVENT(faxeng_work,
	    TP_PROTO(const struct faxeng *fe, u32 events, u64 ns),
	    TP_ARGS(fe, events, ns),
	    TP_STRUCT__entry(__field(u64, ns)
			     __field(u32, id)
			     __field(u32, events)),
	    TP_fast_assign(__entry->ns = ns;
			   __entry->id = fe->id;
			   __entry->events = events;),
	    TP_printk("faxeng%u events=%u ns=%llu", __entry->id,
		      __entry->events, __entry->ns)
);

#endif /* _FAXENG_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE faxeng_trace
#include <trace/define_trace.h>
