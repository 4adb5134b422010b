// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng supplies in sysfs: one directory per supply,
 * /sys/class/faxeng/faxengN/supplyS, with a file per value and setting of
 * faxeng_props.h's supply lines. How many supplies an engine has is known
 * only at faxeng_alloc(), so each engine gets its own groups, freed with it.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include "faxeng_internal.h"

/* What a supply file shows: a property, a knob, its reasons, its reset. */
enum {
	FAXENG_SF_KNOB = FAXENG_SUPPLY_PROP_COUNT,
	FAXENG_SF_REASONS = FAXENG_SF_KNOB + FAXENG_SUPPLY_KNOB_COUNT,
	FAXENG_SF_RESET,
	FAXENG_SF_COUNT
};

struct faxeng_supply_file {
	struct device_attribute attr;
	u8 supply;			/* index: supply S is S - 1 */
	u8 what;			/* FAXENG_SF_* or a property */
};

/* The files and group of one supply. */
struct faxeng_supply_files {
	char name[sizeof("supply") + 3];	/* "supply" and a u8 */
	struct faxeng_supply_file attrs[FAXENG_SF_COUNT];
	struct attribute *ptrs[FAXENG_SF_COUNT + 1];
	struct attribute_group group;
};

static struct faxeng_supply_file *to_supply_file(struct device_attribute *a)
{
	return container_of(a, struct faxeng_supply_file, attr);
}

static ssize_t supply_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct faxeng_supply_file *sa = to_supply_file(attr);
	char word[FAXENG_LIST_LEN];
	struct faxeng_supply sup;
	u64 value;
	int k;

	faxeng_snapshot_supply(to_faxeng(dev), sa->supply, &sup);
	if (sa->what == FAXENG_SF_REASONS) {
		faxeng_format_reasons(word, sizeof(word), sup.conditions);
		return sysfs_emit(buf, "%s\n", word);
	}
	if (sa->what >= FAXENG_SF_KNOB) {
		k = sa->what - FAXENG_SF_KNOB;
		return sysfs_emit(buf, "%u\n", sup.knob[k]);
	}
	value = faxeng_supply_prop_value(&sup, sa->what);
	return sysfs_emit(buf, "%s\n",
			  faxeng_supply_prop_word(sa->what, value, word,
						  sizeof(word)));
}

/* A knob: a number in range (else EINVAL or ERANGE), in order (EINVAL). */
static ssize_t supply_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct faxeng_supply_file *sa = to_supply_file(attr);
	u32 value[FAXENG_SUPPLY_KNOB_COUNT] = {};
	int k = sa->what - FAXENG_SF_KNOB;
	int ret;

	ret = kstrtou32(buf, 10, &value[k]);
	if (!ret)
		ret = faxeng_set_supply_knobs(to_faxeng(dev), sa->supply,
					      BIT(k), value);
	return ret ?: count;
}

/* A new unit fitted: only "1" is accepted. */
static ssize_t supply_reset_store(struct device *dev,
				  struct device_attribute *attr,
				  const char *buf, size_t count)
{
	struct faxeng_supply_file *sa = to_supply_file(attr);
	u32 value;
	int ret;

	ret = kstrtou32(buf, 10, &value);
	if (ret || value != 1)
		return -EINVAL;
	ret = faxeng_supply_reset(to_faxeng(dev), sa->supply);
	return ret ?: count;
}

/* A file applies to its supply or is not there: no pages on a toner. */
static umode_t faxeng_supply_visible(struct kobject *kobj,
				     struct attribute *attr, int n)
{
	struct faxeng *fe = to_faxeng(kobj_to_dev(kobj));
	struct faxeng_supply_file *sa =
		container_of(attr, struct faxeng_supply_file, attr.attr);
	/* type, class and life are fixed at registration: no lock needed. */
	const struct faxeng_supply *sup = &fe->st.supply[sa->supply];
	u8 applies;

	if (sa->what == FAXENG_SF_REASONS)
		return attr->mode;
	if (sa->what == FAXENG_SF_RESET)
		applies = FAXENG_APPLIES_LIFE;
	else if (sa->what >= FAXENG_SF_KNOB)
		applies = faxeng_supply_knob_applies[sa->what - FAXENG_SF_KNOB];
	else
		applies = faxeng_supply_props[sa->what].applies;
	return faxeng_supply_applies(sup, applies) ? attr->mode : 0;
}

static const char *const faxeng_supply_prop_names[FAXENG_SUPPLY_PROP_COUNT] = {
#define FAXENG_SUPPLY_PROP(_name, _NAME, _nl, _show, _applies, _uevent) \
	[FAXENG_SUPPLY_PROP_##_NAME] = #_name,
#include <linux/faxeng_props.h>
};

static void faxeng_supply_attr_init(struct faxeng_supply_file *sa,
				    unsigned int supply, unsigned int what)
{
	struct device_attribute *a = &sa->attr;

	sysfs_attr_init(&a->attr);
	sa->supply = supply;
	sa->what = what;
	if (what == FAXENG_SF_RESET) {
		a->attr.name = "reset";
		a->attr.mode = 0200;
		a->store = supply_reset_store;
		return;
	}
	a->show = supply_show;
	a->attr.mode = 0444;
	if (what == FAXENG_SF_REASONS) {
		a->attr.name = "reasons";
	} else if (what >= FAXENG_SF_KNOB) {
		a->attr.name = faxeng_supply_knob_names[what - FAXENG_SF_KNOB];
		a->attr.mode = 0644;
		a->store = supply_store;
	} else {
		a->attr.name = faxeng_supply_prop_names[what];
	}
}

/*
 * The engine's groups: the fixed ones, then a supplyS group per supply.
 * Undone by faxeng_sysfs_free(), also after a failure half way.
 */
int faxeng_sysfs_alloc(struct faxeng *fe)
{
	unsigned int n = fe->st.supplies, fixed = 0, s, w;
	struct faxeng_supply_files *sf;

	while (faxeng_groups[fixed])
		fixed++;
	fe->groups = kcalloc(fixed + n + 1, sizeof(*fe->groups), GFP_KERNEL);
	fe->supply_files = kcalloc(n, sizeof(*fe->supply_files), GFP_KERNEL);
	if (!fe->groups || (n && !fe->supply_files))
		return -ENOMEM;
	memcpy(fe->groups, faxeng_groups, fixed * sizeof(*fe->groups));
	for (s = 0; s < n; s++) {
		sf = &fe->supply_files[s];
		snprintf(sf->name, sizeof(sf->name), "supply%u", (u8)(s + 1));
		for (w = 0; w < FAXENG_SF_COUNT; w++) {
			faxeng_supply_attr_init(&sf->attrs[w], s, w);
			sf->ptrs[w] = &sf->attrs[w].attr.attr;
		}
		sf->group.name = sf->name;
		sf->group.attrs = sf->ptrs;
		sf->group.is_visible = faxeng_supply_visible;
		fe->groups[fixed + s] = &sf->group;
	}
	return 0;
}

/* After the device is gone: its release, or a failed faxeng_alloc(). */
void faxeng_sysfs_free(struct faxeng *fe)
{
	kfree(fe->supply_files);
	kfree(fe->groups);
	fe->supply_files = NULL;
	fe->groups = NULL;
}
