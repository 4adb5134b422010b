/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * faxeng properties: every value of an engine's state and every setting,
 * one line each. The driver makes its sysfs files, uevent keys and netlink
 * attributes from this list; the terminal daemon, faxengctl and the tests'
 * netlink client read and name them from it. A property is added here, with
 * its FAXENG_A_* attribute at the end of enum faxeng_attr, and nowhere else.
 *
 * To expand it, define FAXENG_PROP, FAXENG_KNOB or both, and include this
 * file; an undefined one expands to nothing, and both are undefined after:
 *
 *   #define FAXENG_PROP(name, NAME, nl, show, uevent) ...
 *   #include <linux/faxeng_props.h>
 *
 * FAXENG_PROP(name, NAME, nl, show, uevent): a value the engine reports
 *   name    its file /sys/class/faxeng/faxengN/<name>
 *   NAME    its netlink attribute FAXENG_A_<NAME>, its uevent key FAXENG_<NAME>
 *   nl      its netlink type: U8, U32 or U64
 *   show    how sysfs and uevents show it:
 *           NUM     a decimal number
 *           LEVEL   a percent, or "unknown" (then netlink leaves it out)
 *           FLAG    0 or 1
 *           SUPPLY  enum faxeng_supply_state's word: ok, low, empty, missing
 *           DRUM    enum faxeng_drum_state's word: ok, near-end, end
 *           FAULTS  the faults' words, "jam,door-open", or "none"
 *   uevent  UEVENT: every uevent of the engine carries it; QUIET: not
 *
 * FAXENG_KNOB(name, NAME, min, max, default): a setting, a u32
 *   Written as the file <name> (mode 0644) or with FAXENG_CMD_SET's
 *   FAXENG_A_<NAME>; a value outside min..max is refused with ERANGE.
 *
 * The toner_* and drum_* lines are the first black toner's and the first
 * drum's values among the supplies below, kept until every reader reads
 * supplies: their knobs and the supply's are one setting.
 *
 * Every supply of an engine (/sys/class/faxeng/faxengN/supplyS, S = 1..)
 * has the values and settings of the FAXENG_SUPPLY_PROP and
 * FAXENG_SUPPLY_KNOB lines, the same way:
 *
 * FAXENG_SUPPLY_PROP(name, NAME, nl, show, applies, uevent)
 *   name    its file supplyS/<name>
 *   NAME    its attribute FAXENG_A_SUPPLY_<NAME> inside FAXENG_A_SUPPLY,
 *           its key FAXENG_SUPPLY_<NAME> in the uevents of the supply's
 *           conditions
 *   show    as above, and: TYPE (enum faxeng_supply_type's word), COLOUR,
 *           CLASS (consumed, filled), MARKER (enum faxeng_marker_state's)
 *   applies the supplies it applies to: ALL, LIFE (units with a rated life
 *           in pages), CONSUMED, FILLED; the others have no such file
 *
 * FAXENG_SUPPLY_KNOB(name, NAME, min, max, def, applies): a supply's setting,
 *   the file supplyS/<name> (0644) or FAXENG_A_SUPPLY_<NAME> in a
 *   FAXENG_A_SUPPLY nest of SET; out of min..max is ERANGE, thresholds that do
 *   not keep their order (empty < low, near_full < full, with room for the
 *   hysteresis) EINVAL.
 *
 * No include guard: the file is meant to be included once per expansion.
 */
#ifndef FAXENG_PROP
#define FAXENG_PROP(name, NAME, nl, show, uevent)
#endif
#ifndef FAXENG_KNOB
#define FAXENG_KNOB(name, NAME, min, max, def)
#endif
#ifndef FAXENG_SUPPLY_PROP
#define FAXENG_SUPPLY_PROP(name, NAME, nl, show, applies, uevent)
#endif
#ifndef FAXENG_SUPPLY_KNOB
#define FAXENG_SUPPLY_KNOB(name, NAME, min, max, def, applies)
#endif

FAXENG_PROP(toner_level,       TONER_LEVEL,       U32, LEVEL,  UEVENT)
FAXENG_PROP(toner_state,       TONER_STATE,       U32, SUPPLY, UEVENT)
FAXENG_PROP(drum_life,         DRUM_LIFE,         U32, NUM,    UEVENT)
FAXENG_PROP(drum_state,        DRUM_STATE,        U32, DRUM,   UEVENT)
FAXENG_PROP(drum_pages,        DRUM_PAGES,        U64, NUM,    UEVENT)
FAXENG_PROP(faults,            FAULTS,            U32, FAULTS, UEVENT)
FAXENG_PROP(maintenance_due,   MAINTENANCE_DUE,   U8,  FLAG,   UEVENT)
FAXENG_PROP(maintenance_pages, MAINTENANCE_PAGES, U64, NUM,    QUIET)
FAXENG_PROP(page_count,        PAGE_COUNT,        U64, NUM,    UEVENT)
FAXENG_PROP(seqnum,            SEQNUM,            U64, NUM,    QUIET)

FAXENG_KNOB(toner_low_threshold,     TONER_LOW_THRESHOLD,     1, 99, 10)
FAXENG_KNOB(toner_hysteresis,        TONER_HYSTERESIS,        0, 50, 5)
FAXENG_KNOB(drum_near_end_threshold, DRUM_NEAR_END_THRESHOLD, 1, 99, 10)
FAXENG_KNOB(drum_hysteresis,         DRUM_HYSTERESIS,         0, 50, 5)
FAXENG_KNOB(drum_rated_pages,     DRUM_RATED_PAGES,     1, FAXENG_PAGES_MAX, 20000)
FAXENG_KNOB(maintenance_interval, MAINTENANCE_INTERVAL, 0, FAXENG_PAGES_MAX, 5000)

FAXENG_SUPPLY_PROP(type,       TYPE,       U32, TYPE,   ALL,  UEVENT)
FAXENG_SUPPLY_PROP(colour,     COLOUR,     U32, COLOUR, ALL,  UEVENT)
FAXENG_SUPPLY_PROP(class,      CLASS,      U32, CLASS,  ALL,  UEVENT)
FAXENG_SUPPLY_PROP(level,      LEVEL,      U32, LEVEL,  ALL,  UEVENT)
FAXENG_SUPPLY_PROP(state,      STATE,      U32, MARKER, ALL,  UEVENT)
FAXENG_SUPPLY_PROP(pages,      PAGES,      U64, NUM,    LIFE, UEVENT)

FAXENG_SUPPLY_KNOB(low_threshold,       LOW_THRESHOLD,       1, 99,  10, CONSUMED)
FAXENG_SUPPLY_KNOB(empty_threshold,     EMPTY_THRESHOLD,     0, 98,  0,  CONSUMED)
FAXENG_SUPPLY_KNOB(near_full_threshold, NEAR_FULL_THRESHOLD, 1, 99,  90, FILLED)
FAXENG_SUPPLY_KNOB(full_threshold,      FULL_THRESHOLD,      2, 100, 100, FILLED)
FAXENG_SUPPLY_KNOB(hysteresis,          HYSTERESIS,          0, 50,  5,  ALL)
FAXENG_SUPPLY_KNOB(rated_pages, RATED_PAGES, 1, FAXENG_PAGES_MAX, 20000, LIFE)

#undef FAXENG_PROP
#undef FAXENG_KNOB
#undef FAXENG_SUPPLY_PROP
#undef FAXENG_SUPPLY_KNOB
