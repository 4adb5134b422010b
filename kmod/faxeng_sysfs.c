// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng sysfs and uevent face: the files of /sys/class/faxeng/faxengN and
 * the FAXENG_* properties every uevent carries.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include "faxeng_internal.h"

static ssize_t model_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%s\n", to_faxeng(dev)->model);
}
static DEVICE_ATTR_RO(model);

static ssize_t serial_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%s\n", to_faxeng(dev)->serial);
}
static DEVICE_ATTR_RO(serial);

/* A read-only file showing one property of a state snapshot. */
struct faxeng_prop_file {
	struct device_attribute attr;
	enum faxeng_prop prop;
};

static ssize_t prop_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	enum faxeng_prop prop = container_of(attr, struct faxeng_prop_file,
					     attr)->prop;
	char word[FAXENG_FAULTS_LEN];
	struct faxeng_state st;

	faxeng_snapshot(to_faxeng(dev), &st);
	return sysfs_emit(buf, "%s\n",
			  faxeng_prop_word(prop, faxeng_prop_value(&st, prop),
					   word, sizeof(word)));
}

static struct faxeng_prop_file faxeng_prop_files[FAXENG_PROP_COUNT] = {
#define FAXENG_PROP(_name, _NAME, _nl, _show, _uevent)			\
	[FAXENG_PROP_##_NAME] = {					\
		.attr = __ATTR(_name, 0444, prop_show, NULL),		\
		.prop = FAXENG_PROP_##_NAME,				\
	},
#include <linux/faxeng_props.h>
};

static ssize_t trays_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	/* trays is fixed at registration: no lock needed. */
	return sysfs_emit(buf, "%u\n", to_faxeng(dev)->st.trays);
}
static DEVICE_ATTR_RO(trays);

/* Events numbered but lost, by way (docs/ABI/testing/sysfs-class-faxeng). */
static ssize_t uevents_dropped_show(struct device *dev,
				    struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lu\n",
			  READ_ONCE(to_faxeng(dev)->uevents_dropped));
}
static DEVICE_ATTR_RO(uevents_dropped);

static ssize_t netlink_events_dropped_show(struct device *dev,
					   struct device_attribute *attr,
					   char *buf)
{
	return sysfs_emit(buf, "%lu\n",
			  READ_ONCE(to_faxeng(dev)->netlink_dropped));
}
static DEVICE_ATTR_RO(netlink_events_dropped);

static ssize_t reasons_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	char list[FAXENG_LIST_LEN];

	faxeng_format_reasons(list, sizeof(list),
			      faxeng_conditions_now(to_faxeng(dev)));
	return sysfs_emit(buf, "%s\n", list);
}
static DEVICE_ATTR_RO(reasons);

/* A writable knob: a number in range, else EINVAL or ERANGE. */
struct faxeng_knob_file {
	struct device_attribute attr;
	enum faxeng_knob knob;
};

static ssize_t knob_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct faxeng_knob_file *kf = container_of(attr, struct faxeng_knob_file,
						   attr);
	struct faxeng_state st;

	faxeng_snapshot(to_faxeng(dev), &st);
	return sysfs_emit(buf, "%u\n", st.knob[kf->knob]);
}

static ssize_t knob_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct faxeng_knob_file *kf = container_of(attr, struct faxeng_knob_file,
						   attr);
	u32 value;
	int ret;

	ret = kstrtou32(buf, 10, &value);
	if (!ret)
		ret = faxeng_set_knob(to_faxeng(dev), kf->knob, value);
	return ret ?: count;
}

static struct faxeng_knob_file faxeng_knob_files[FAXENG_KNOB_COUNT] = {
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_KNOB_##_NAME] = {					\
		.attr = __ATTR(_name, 0644, knob_show, knob_store),	\
		.knob = FAXENG_KNOB_##_NAME,				\
	},
#include <linux/faxeng_props.h>
};

/* The files of faxeng_props.h: its properties, then its knobs. */
static struct attribute *
faxeng_prop_attrs[FAXENG_PROP_COUNT + FAXENG_KNOB_COUNT + 1] = {
#define FAXENG_PROP(_name, _NAME, _nl, _show, _uevent)			\
	[FAXENG_PROP_##_NAME] = &faxeng_prop_files[FAXENG_PROP_##_NAME].attr.attr,
#define FAXENG_KNOB(_name, _NAME, _min, _max, _def)			\
	[FAXENG_PROP_COUNT + FAXENG_KNOB_##_NAME] =			\
		&faxeng_knob_files[FAXENG_KNOB_##_NAME].attr.attr,
#include <linux/faxeng_props.h>
};

static const struct attribute_group faxeng_prop_group = {
	.attrs = faxeng_prop_attrs,
};

/* A technician's action: only "1" is accepted. */
#define FAXENG_ACTION_ATTR(_name, _action)				\
static ssize_t _name##_store(struct device *dev,			\
			     struct device_attribute *attr,		\
			     const char *buf, size_t count)		\
{									\
	u32 value;							\
	int ret;							\
									\
	ret = kstrtou32(buf, 10, &value);				\
	if (ret || value != 1)						\
		return -EINVAL;						\
	ret = faxeng_do_action(to_faxeng(dev), _action);		\
	return ret ?: count;						\
}									\
static DEVICE_ATTR_WO(_name)

FAXENG_ACTION_ATTR(drum_reset, FAXENG_ACTION_DRUM_RESET);
FAXENG_ACTION_ATTR(maintenance_done, FAXENG_ACTION_MAINTENANCE_DONE);

static struct attribute *faxeng_attrs[] = {
	&dev_attr_model.attr,
	&dev_attr_serial.attr,
	&dev_attr_trays.attr,
	&dev_attr_drum_reset.attr,
	&dev_attr_maintenance_done.attr,
	&dev_attr_reasons.attr,
	&dev_attr_uevents_dropped.attr,
	&dev_attr_netlink_events_dropped.attr,
	NULL
};

static const struct attribute_group faxeng_group = {
	.attrs = faxeng_attrs,
};

/* trayT_state: one file per tray, T = 1..trays. */
struct faxeng_tray_file {
	struct device_attribute attr;
	unsigned int tray;
};

static ssize_t tray_state_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	unsigned int tray = container_of(attr, struct faxeng_tray_file,
					 attr)->tray;
	struct faxeng_state st;

	faxeng_snapshot(to_faxeng(dev), &st);
	return sysfs_emit(buf, "%s\n",
			  faxeng_supply_names[st.tray_state[tray]]);
}

#define FAXENG_TRAY_ATTR(_n)						\
static struct faxeng_tray_file faxeng_tray##_n##_attr = {		\
	.attr = __ATTR(tray##_n##_state, 0444, tray_state_show, NULL),	\
	.tray = (_n) - 1,						\
}

FAXENG_TRAY_ATTR(1);
FAXENG_TRAY_ATTR(2);
FAXENG_TRAY_ATTR(3);
FAXENG_TRAY_ATTR(4);
FAXENG_TRAY_ATTR(5);
FAXENG_TRAY_ATTR(6);
FAXENG_TRAY_ATTR(7);
FAXENG_TRAY_ATTR(8);

static struct attribute *faxeng_tray_attrs[] = {
	&faxeng_tray1_attr.attr.attr,
	&faxeng_tray2_attr.attr.attr,
	&faxeng_tray3_attr.attr.attr,
	&faxeng_tray4_attr.attr.attr,
	&faxeng_tray5_attr.attr.attr,
	&faxeng_tray6_attr.attr.attr,
	&faxeng_tray7_attr.attr.attr,
	&faxeng_tray8_attr.attr.attr,
	NULL
};

static umode_t faxeng_tray_visible(struct kobject *kobj,
				   struct attribute *attr, int n)
{
	struct faxeng *fe = to_faxeng(kobj_to_dev(kobj));

	/* trays is fixed at registration: no lock needed. */
	return n < fe->st.trays ? attr->mode : 0;
}

static const struct attribute_group faxeng_tray_group = {
	.attrs = faxeng_tray_attrs,
	.is_visible = faxeng_tray_visible,
};

const struct attribute_group *faxeng_groups[] = {
	&faxeng_group,
	&faxeng_prop_group,
	&faxeng_tray_group,
	NULL
};

/*
 * The key @prefix@value into @slot, as snprintf("%s%s") would make it, but
 * with no format to interpret: its length, or -ENOMEM when it does not fit.
 */
static int faxeng_key(char *slot, size_t size, const char *prefix,
		      const char *value)
{
	size_t len = 0;

	slot[0] = '\0';
	if (!faxeng_append(slot, size, &len, prefix) ||
	    !faxeng_append(slot, size, &len, value))
		return -ENOMEM;
	return len;
}

/* The same with @value a number. */
static int faxeng_key_num(char *slot, size_t size, const char *prefix,
			  u64 value)
{
	char num[FAXENG_U64_LEN];

	return faxeng_key(slot, size, prefix, faxeng_u64_str(num, value));
}

/* 0, or -ENOMEM when it did not fit. */
#define faxeng_set_key(slot, prefix, value) \
	min(faxeng_key(slot, sizeof(slot), prefix, value), 0)
#define faxeng_set_key_num(slot, prefix, value) \
	min(faxeng_key_num(slot, sizeof(slot), prefix, value), 0)

/* The keys fixed at registration: name, model, serial, trays. */
static int faxeng_fixed_keys(struct faxeng_state_keys *k,
			     const struct faxeng *fe,
			     const struct faxeng_state *st)
{
	return faxeng_set_key(k->name, "FAXENG_NAME=", dev_name(&fe->dev)) ?:
	       faxeng_set_key(k->model, "FAXENG_MODEL=", fe->model) ?:
	       faxeng_set_key(k->serial, "FAXENG_SERIAL=", fe->serial) ?:
	       faxeng_set_key_num(k->trays, "FAXENG_TRAYS=", st->trays);
}

/*
 * The key of each property a uevent carries into @k: an enumerated one's
 * is chosen among constant strings; a number is formatted into its slot,
 * with @old (the state @k shows) only when its value differs.
 */
static int faxeng_prop_keys(struct faxeng_state_keys *k,
			    const struct faxeng_state *st,
			    const struct faxeng_state *old)
{
	char word[FAXENG_U64_LEN];
	u64 value;
	int i, ret;

	for (i = 0; i < FAXENG_PROP_COUNT; i++) {
		if (!faxeng_props[i].uevent)
			continue;
		value = faxeng_prop_value(st, i);
		k->prop[i] = faxeng_prop_key(i, value);
		if (k->prop[i])
			continue;
		k->prop[i] = k->num[i];
		if (old && value == faxeng_prop_value(old, i))
			continue;
		ret = faxeng_set_key(k->num[i], faxeng_props[i].key,
				     faxeng_prop_word(i, value, word,
						      sizeof(word)));
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * "FAXENG_REASONS=<list>" into @k; room for FAXENG_LIST_LEN, more than
 * every reason at once takes.
 */
static void faxeng_reasons_key(struct faxeng_state_keys *k, u64 conditions)
{
	size_t len = 0;

	k->reasons[0] = '\0';
	faxeng_append(k->reasons, sizeof(k->reasons), &len, "FAXENG_REASONS=");
	faxeng_append_reasons(k->reasons, sizeof(k->reasons), &len,
			      conditions);
}

/*
 * The keys that show @st into @k: all of them, or with @old (the state @k
 * shows) only the formatted ones whose value differs. @old is to be NULL
 * the first time.
 */
static int faxeng_state_keys(struct faxeng_state_keys *k,
			     const struct faxeng *fe,
			     const struct faxeng_state *st,
			     const struct faxeng_state *old)
{
	int i, ret = 0;

	for (i = 0; i < st->trays; i++)
		k->tray_state[i] = faxeng_tray_keys[i].state[st->tray_state[i]];
	if (!old)
		ret = faxeng_fixed_keys(k, fe, st);
	if (!ret)
		ret = faxeng_prop_keys(k, st, old);
	if (!old || st->conditions != old->conditions)
		faxeng_reasons_key(k, st->conditions);
	return ret;
}

/* kobject_uevent_env() takes char *envp[], but only reads the keys. */
static char *faxeng_envp_key(const char *key)
{
	return (char *)key;
}

/* @envp from envp[0] on: the keys of @k in their order; how many. */
static int faxeng_state_envp(char **envp, struct faxeng_state_keys *k,
			     unsigned int trays)
{
	int i, n = 0;

	envp[n++] = k->name;
	envp[n++] = k->model;
	envp[n++] = k->serial;
	envp[n++] = k->trays;
	for (i = 0; i < trays; i++)
		envp[n++] = faxeng_envp_key(k->tray_state[i]);
	for (i = 0; i < FAXENG_PROP_COUNT; i++)
		if (faxeng_props[i].uevent)
			envp[n++] = faxeng_envp_key(k->prop[i]);
	envp[n++] = k->reasons;
	return n;
}

/* The state keys of a uevent that does not bring them: the current state. */
static noinline int faxeng_add_state_keys(struct faxeng *fe,
					  struct kobj_uevent_env *env)
{
	char *envp[FAXENG_UEVENT_STATE_KEYS];
	struct faxeng_state_keys *k;
	struct faxeng_state st;
	int i, n, ret;

	k = kmalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return -ENOMEM;
	faxeng_snapshot(fe, &st);
	ret = faxeng_state_keys(k, fe, &st, NULL);
	n = faxeng_state_envp(envp, k, st.trays);
	for (i = 0; i < n && !ret; i++)
		ret = add_uevent_var(env, "%s", envp[i]);
	kfree(k);
	return ret;
}

/*
 * Whether @env already carries an engine's state: the event work's change
 * uevents bring theirs, FAXENG_NAME= first, right after the few keys the
 * kobject core adds, so the scan ends within a handful of entries.
 */
static bool faxeng_env_has_state(const struct kobj_uevent_env *env)
{
	int i;

	for (i = 0; i < env->envp_idx; i++)
		if (str_has_prefix(env->envp[i], "FAXENG_NAME="))
			return true;
	return false;
}

/*
 * The class's uevent callback, for every uevent of an engine: add, remove,
 * a change written to its uevent file (udevadm trigger) and its own change
 * events. Those bring the state they report in their own keys, whichever
 * task sends them; any other uevent gets the current state.
 */
int faxeng_dev_uevent(faxeng_uevent_dev *dev, struct kobj_uevent_env *env)
{
	/*
	 * const from 6.3 on; reading a snapshot takes the engine's lock,
	 * which changes nothing the driver core sees.
	 */
	struct faxeng *fe = to_faxeng((struct device *)dev);

	if (faxeng_env_has_state(env))
		return 0;
	return faxeng_add_state_keys(fe, env);
}

/*
 * The state keys of the change uevents of one work run, from @st: the
 * formatted ones whose value changed since the last run's; all of them the
 * first time and after a run that lost its uevents.
 */
int faxeng_uevent_state(struct faxeng *fe, const struct faxeng_state *st)
{
	struct faxeng_uevent_env *ue = &fe->uenv;
	int ret;

	ret = faxeng_state_keys(&ue->keys, fe, st,
				ue->valid ? &ue->shown : NULL);
	ue->valid = !ret;
	if (ret) {
		ue->nstate = -1;	/* the run's uevents are lost */
		return ret;
	}
	ue->shown = *st;
	ue->nstate = faxeng_state_envp(ue->envp, &ue->keys, st->trays);
	return 0;
}

/*
 * The keys of the supply a transition is of, from @envp on: FAXENG_SUPPLY,
 * then FAXENG_SUPPLY_TYPE=toner and the others that apply to it. Returns
 * where the next key goes.
 */
static char **faxeng_supply_envp(char **envp, struct faxeng_uevent_env *ue,
				 const struct faxeng_supply *sup,
				 unsigned int supply)
{
	char word[FAXENG_U64_LEN];
	const char *key;
	u64 value;
	int i;

	*envp++ = faxeng_envp_key(faxeng_supply_keys[supply - 1].supply);
	for (i = 0; i < FAXENG_SUPPLY_PROP_COUNT; i++) {
		if (!faxeng_supply_props[i].uevent ||
		    !faxeng_supply_applies(sup, faxeng_supply_props[i].applies))
			continue;
		value = faxeng_supply_prop_value(sup, i);
		key = faxeng_supply_prop_key(i, value);
		if (!key) {
			/* Room for any u64: it fits. */
			faxeng_key(ue->supply_num[i], sizeof(ue->supply_num[i]),
				   faxeng_supply_props[i].key,
				   faxeng_supply_prop_word(i, value, word,
							   sizeof(word)));
			key = ue->supply_num[i];
		}
		*envp++ = faxeng_envp_key(key);
	}
	return envp;
}

/*
 * One KOBJ_CHANGE uevent for one transition: the state keys of the run
 * (faxeng_uevent_state()), then the transition's own, in place of the last
 * event's: constant strings but for FAXENG_SEQNUM.
 */
int faxeng_emit_uevent(struct faxeng *fe, const struct faxeng_transition *tr)
{
	const struct faxeng_condition_info *ci = &faxeng_conditions[tr->cond];
	struct faxeng_uevent_env *ue = &fe->uenv;
	char num[FAXENG_U64_LEN];
	char **envp;
	int ret;

	if (ue->nstate < 0) {
		ret = -ENOMEM;
		goto lost;
	}
	faxeng_key(ue->seqnum, sizeof(ue->seqnum), "FAXENG_SEQNUM=",
		   faxeng_u64_str(num, tr->seqnum));
	envp = ue->envp + ue->nstate;
	*envp++ = faxeng_envp_key(faxeng_changed_key(tr));
	*envp++ = faxeng_envp_key(ci->key_condition);
	*envp++ = faxeng_envp_key(tr->active ? "FAXENG_ACTIVE=1" :
					       "FAXENG_ACTIVE=0");
	*envp++ = faxeng_envp_key(ci->key_reason);
	*envp++ = faxeng_envp_key(ci->key_severity);
	*envp++ = faxeng_envp_key(ci->key_alert_code);
	*envp++ = faxeng_envp_key(ci->key_kind);
	*envp++ = ue->seqnum;
	if (tr->tray)
		*envp++ = faxeng_envp_key(faxeng_tray_keys[tr->tray - 1].tray);
	if (tr->supply)
		envp = faxeng_supply_envp(envp, ue,
					  &fe->report_st.supply[tr->supply - 1],
					  tr->supply);
	*envp = NULL;

	ret = kobject_uevent_env(&fe->dev.kobj, KOBJ_CHANGE, ue->envp);
	if (!ret)
		return 0;
lost:
	WRITE_ONCE(fe->uevents_dropped, fe->uevents_dropped + 1);
	dev_warn_ratelimited(&fe->dev, "change uevent %llu lost: %d\n",
			     tr->seqnum, ret);
	return ret;
}
