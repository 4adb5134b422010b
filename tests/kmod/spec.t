#!/usr/bin/env python3
# usage: tests/kmod/spec.t: docs/netlink/faxeng.yaml matches the uapi header
# SPDX-License-Identifier: ISC
import os
import re
import yaml

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
header = open(os.path.join(top, "include/uapi/linux/faxeng.h")).read()
conds = open(os.path.join(top, "include/uapi/linux/faxeng_conditions.h")).read()
props = open(os.path.join(top, "include/uapi/linux/faxeng_props.h")).read()
spec = yaml.safe_load(open(os.path.join(top, "docs/netlink/faxeng.yaml")))
n = 0
failed = 0


def ok(cond, desc, got=None, want=None):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, desc))
    if not cond:
        failed += 1
        print("# got:  %s\n# want: %s" % (got, want))


def enum(name, prefix):
    """Entries of `enum NAME` in the header, PREFIX stripped, lower-case."""
    body = re.search(r"enum %s \{(.*?)\};" % name, header, re.S).group(1)
    names = re.findall(r"^\s*(%s\w+)" % prefix, body, re.M)
    names = [x for x in names if not x.startswith("__")]
    return [x[len(prefix):].lower().replace("_", "-") for x in names
            if not x.endswith(("_UNSPEC", "_MAX"))]


def spec_names(kind, name):
    for d in spec[kind] if kind != "attribute-sets" else spec[kind]:
        if d["name"] == name:
            if kind == "definitions":
                return d["entries"]
            return [a["name"] for a in d["attributes"]]
    return None


ok(spec["name"] == "faxeng" and re.search(r'FAXENG_GENL_NAME\s+"faxeng"', header),
   "family name faxeng in both")
ok(re.search(r'FAXENG_GENL_MCGRP_EVENTS\s+"%s"' % spec["mcast-groups"]["list"][0]["name"], header),
   "multicast group name matches")
for enum_name, prefix, spec_kind, spec_name in [
        ("faxeng_attr", "FAXENG_A_", "attribute-sets", "engine"),
        ("faxeng_trays_attr", "FAXENG_A_", "attribute-sets", "trays"),
        ("faxeng_tray_attr", "FAXENG_A_TRAY_", "attribute-sets", "tray"),
        ("faxeng_supplies_attr", "FAXENG_A_", "attribute-sets", "supplies"),
        ("faxeng_supply_attr", "FAXENG_A_SUPPLY_", "attribute-sets", "supply"),
        ("faxeng_supply_type", "FAXENG_SUPPLY_TYPE_", "definitions", "supply-type"),
        ("faxeng_colour", "FAXENG_COLOUR_", "definitions", "colour"),
        ("faxeng_supply_class", "FAXENG_SUPPLY_CLASS_", "definitions", "supply-class"),
        ("faxeng_marker_state", "FAXENG_MARKER_", "definitions", "marker-state"),
        ("faxeng_supply_state", "FAXENG_SUPPLY_", "definitions", "supply-state"),
        ("faxeng_drum_state", "FAXENG_DRUM_", "definitions", "drum-state"),
        ("faxeng_fault", "FAXENG_FAULT_", "definitions", "fault"),
        ("faxeng_severity", "FAXENG_SEVERITY_", "definitions", "severity"),
        ("faxeng_kind", "FAXENG_KIND_", "definitions", "kind"),
        ("faxeng_action", "FAXENG_ACTION_", "definitions", "action")]:
    got = enum(enum_name, prefix)
    want = spec_names(spec_kind, spec_name)
    ok(got == want, "%s matches %s %s" % (enum_name, spec_kind, spec_name), got, want)
# The C names the spec's prefixes give are the header's.
for kind in ("definitions", "attribute-sets"):
    for d in spec[kind]:
        if "enum-name" in d:
            ok(re.search(r"enum %s \{" % d["enum-name"], header),
               "enum %s of %s %s is in the header" % (d["enum-name"], kind, d["name"]))
        if "name-prefix" not in d:
            continue
        items = d.get("entries") or [a["name"] for a in d["attributes"]]
        first = (d["name-prefix"] + items[0]).upper().replace("-", "_")
        # The condition enum is pasted from the X-macro table.
        pasted = d["name-prefix"].upper().replace("-", "_") + "##"
        ok(re.search(r"\b%s\b" % first, header) or pasted in header,
           "%s %s: %s is in the header" % (kind, d["name"], first))
for d in spec["definitions"]:
    if d["type"] == "const":
        c = ("faxeng-" + d["name"]).upper().replace("-", "_")
        ok(re.search(r"#define %s\s+%s\b" % (c, d["value"]), header),
           "const %s = %s in the header" % (c, d["value"]))
ok(re.search(r"#define %s\s" % spec["mcast-groups"]["list"][0]["c-define-name"], header),
   "multicast group define is in the header")
# uapi style: enums end in __X_MAX and X_MAX = __X_MAX - 1, no counts.
# A count is an enum's last entry (FAXENG_A_PAGE_COUNT is an attribute).
got = re.findall(r"(\w+_COUNT),?\s*\};", header)
ok(got == [], "no *_COUNT enumerator ends an enum of the uapi header", got, [])
for name in ("FAULT", "COND", "A", "CMD", "A_TRAYS", "A_TRAY", "SUPPLY_TYPE",
             "COLOUR", "MARKER", "A_SUPPLIES", "A_SUPPLY"):
    ok(re.search(r"__FAXENG_%s_MAX,\s*FAXENG_%s_MAX = __FAXENG_%s_MAX - 1"
                 % (name, name, name), header),
       "FAXENG_%s_MAX = __FAXENG_%s_MAX - 1" % (name, name))
got = re.search(r"enum faxeng_attr \{(.*?)\};", header, re.S).group(1)
got = [x for x in re.findall(r"^\s*(FAXENG_A_\w+)", got, re.M)
       if not x.endswith("_MAX")][-1]
ok(got == "FAXENG_A_PAD", "the pad attribute is the last of enum faxeng_attr",
   got, "FAXENG_A_PAD")
got = [op["name"] for op in spec["operations"]["list"]]
want = enum("faxeng_cmd", "FAXENG_CMD_")
ok(got == want, "commands in order", got, want)
got = [x.lower().replace("_", "-") for x in re.findall(r"^FAXENG_CONDITION\((\w+),", conds, re.M)]
ok(got == spec_names("definitions", "condition"),
   "conditions follow faxeng_conditions.h", got, spec_names("definitions", "condition"))
def table_rows(prop, knob, attr_set, what, least):
    """The PROP and KNOB lines of faxeng_props.h, each an attribute of
    ATTR_SET of the netlink type the table gives (a setting is a u32)."""
    attrs = {a["name"]: a for d in spec["attribute-sets"] if d["name"] == attr_set
             for a in d["attributes"]}
    rows = [(name, nl) for name, nl in
            re.findall(r"^%s\(\w+,\s*(\w+),\s*(\w+)" % prop, props, re.M)]
    rows += [(name, "u32") for name in
             re.findall(r"^%s\(\w+,\s*(\w+)," % knob, props, re.M)]
    ok(len(rows) >= least, "faxeng_props.h has %s" % what, len(rows), ">= %d" % least)
    for name, nl in rows:
        attr = name.lower().replace("_", "-")
        got = attrs.get(attr, {}).get("type")
        ok(got == nl.lower(), "%s %s: %s in the spec" % (attr_set, attr, nl.lower()),
           got, nl.lower())
    return [name.lower().replace("_", "-") for name, nl in rows]


table_rows("FAXENG_PROP", "FAXENG_KNOB", "engine", "its properties and settings", 16)
# A supply's, in the table's order between its number and its conditions.
got = table_rows("FAXENG_SUPPLY_PROP", "FAXENG_SUPPLY_KNOB", "supply",
                 "the supplies' values and settings", 10)
want = [a for a in spec_names("attribute-sets", "supply")
        if a not in ("number", "conditions", "pad")]
ok(got == want, "supply attributes follow the table", got, want)
print("1..%d" % n)
raise SystemExit(1 if failed else 0)
