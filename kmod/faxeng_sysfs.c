// SPDX-License-Identifier: GPL-2.0
/*
 * faxeng sysfs and uevent face: the files of /sys/class/faxeng/faxengN and
 * the FAXENG_* properties every uevent carries.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include "faxeng_internal.h"

/* Every condition's reason at once takes 243 characters. */
#define FAXENG_LIST_LEN	256

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

/* A read-only file showing one value of a state snapshot. */
#define FAXENG_STATE_ATTR(_name, _fmt, _expr)				\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct faxeng_state st;						\
									\
	faxeng_snapshot(to_faxeng(dev), &st);				\
	return sysfs_emit(buf, _fmt "\n", _expr);			\
}									\
static DEVICE_ATTR_RO(_name)

FAXENG_STATE_ATTR(toner_state, "%s", faxeng_supply_names[st.toner_state]);
FAXENG_STATE_ATTR(trays, "%u", st.trays);
FAXENG_STATE_ATTR(drum_life, "%u", st.drum_life);
FAXENG_STATE_ATTR(drum_state, "%s", faxeng_drum_names[st.drum_state]);
FAXENG_STATE_ATTR(drum_pages, "%llu", st.drum_pages);
FAXENG_STATE_ATTR(maintenance_due, "%d", st.maintenance_due);
FAXENG_STATE_ATTR(maintenance_pages, "%llu", st.maintenance_pages);
FAXENG_STATE_ATTR(page_count, "%llu", st.page_count);
FAXENG_STATE_ATTR(seqnum, "%llu", st.seqnum);

static ssize_t toner_level_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct faxeng_state st;

	faxeng_snapshot(to_faxeng(dev), &st);
	if (st.toner_level == FAXENG_TONER_UNKNOWN)
		return sysfs_emit(buf, "unknown\n");
	return sysfs_emit(buf, "%d\n", st.toner_level);
}
static DEVICE_ATTR_RO(toner_level);

/* A comma list of faults or of IPP reasons, as its formatter makes it. */
static ssize_t faxeng_list_show(struct device *dev, char *buf, bool reasons)
{
	char list[FAXENG_LIST_LEN];
	struct faxeng_state st;

	faxeng_snapshot(to_faxeng(dev), &st);
	if (reasons)
		faxeng_format_reasons(list, sizeof(list), st.conditions);
	else
		faxeng_format_faults(list, sizeof(list), st.faults);
	return sysfs_emit(buf, "%s\n", list);
}

static ssize_t faults_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return faxeng_list_show(dev, buf, false);
}
static DEVICE_ATTR_RO(faults);

static ssize_t reasons_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return faxeng_list_show(dev, buf, true);
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

#define FAXENG_KNOB_ATTR(_name, _knob)					\
static struct faxeng_knob_file dev_attr_##_name = {			\
	.attr = __ATTR(_name, 0644, knob_show, knob_store),		\
	.knob = _knob,							\
}

FAXENG_KNOB_ATTR(toner_low_threshold, FAXENG_KNOB_TONER_LOW_THRESHOLD);
FAXENG_KNOB_ATTR(toner_hysteresis, FAXENG_KNOB_TONER_HYSTERESIS);
FAXENG_KNOB_ATTR(drum_near_end_threshold,
		 FAXENG_KNOB_DRUM_NEAR_END_THRESHOLD);
FAXENG_KNOB_ATTR(drum_hysteresis, FAXENG_KNOB_DRUM_HYSTERESIS);
FAXENG_KNOB_ATTR(drum_rated_pages, FAXENG_KNOB_DRUM_RATED_PAGES);
FAXENG_KNOB_ATTR(maintenance_interval, FAXENG_KNOB_MAINTENANCE_INTERVAL);

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
	&dev_attr_toner_level.attr,
	&dev_attr_toner_state.attr,
	&dev_attr_toner_low_threshold.attr.attr,
	&dev_attr_toner_hysteresis.attr.attr,
	&dev_attr_trays.attr,
	&dev_attr_drum_life.attr,
	&dev_attr_drum_state.attr,
	&dev_attr_drum_pages.attr,
	&dev_attr_drum_rated_pages.attr.attr,
	&dev_attr_drum_near_end_threshold.attr.attr,
	&dev_attr_drum_hysteresis.attr.attr,
	&dev_attr_drum_reset.attr,
	&dev_attr_faults.attr,
	&dev_attr_maintenance_due.attr,
	&dev_attr_maintenance_pages.attr,
	&dev_attr_maintenance_interval.attr.attr,
	&dev_attr_maintenance_done.attr,
	&dev_attr_page_count.attr,
	&dev_attr_reasons.attr,
	&dev_attr_seqnum.attr,
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
	&faxeng_tray_group,
	NULL
};

static int faxeng_add_state_env(struct kobj_uevent_env *env,
				const struct faxeng *fe,
				const struct faxeng_state *st)
{
	char list[FAXENG_LIST_LEN];
	int i, ret;

	ret = add_uevent_var(env, "FAXENG_NAME=%s", dev_name(&fe->dev)) ?:
	      add_uevent_var(env, "FAXENG_MODEL=%s", fe->model) ?:
	      add_uevent_var(env, "FAXENG_SERIAL=%s", fe->serial);
	if (ret)
		return ret;
	if (st->toner_level == FAXENG_TONER_UNKNOWN)
		ret = add_uevent_var(env, "FAXENG_TONER_LEVEL=unknown");
	else
		ret = add_uevent_var(env, "FAXENG_TONER_LEVEL=%d",
				     st->toner_level);
	ret = ret ?:
	      add_uevent_var(env, "FAXENG_TONER_STATE=%s",
			     faxeng_supply_names[st->toner_state]) ?:
	      add_uevent_var(env, "FAXENG_TRAYS=%u", st->trays);
	for (i = 0; i < st->trays && !ret; i++)
		ret = add_uevent_var(env, "FAXENG_TRAY%d_STATE=%s", i + 1,
				     faxeng_supply_names[st->tray_state[i]]);
	if (ret)
		return ret;
	ret = add_uevent_var(env, "FAXENG_DRUM_LIFE=%u", st->drum_life) ?:
	      add_uevent_var(env, "FAXENG_DRUM_STATE=%s",
			     faxeng_drum_names[st->drum_state]) ?:
	      add_uevent_var(env, "FAXENG_DRUM_PAGES=%llu", st->drum_pages);
	if (ret)
		return ret;
	faxeng_format_faults(list, sizeof(list), st->faults);
	ret = add_uevent_var(env, "FAXENG_FAULTS=%s", list) ?:
	      add_uevent_var(env, "FAXENG_MAINTENANCE_DUE=%d",
			     st->maintenance_due) ?:
	      add_uevent_var(env, "FAXENG_PAGE_COUNT=%llu", st->page_count);
	if (ret)
		return ret;
	faxeng_format_reasons(list, sizeof(list), st->conditions);
	return add_uevent_var(env, "FAXENG_REASONS=%s", list);
}

int faxeng_dev_uevent(faxeng_uevent_dev *dev, struct kobj_uevent_env *env)
{
	/*
	 * const from 6.3 on; reading a snapshot takes the engine's lock,
	 * which changes nothing the driver core sees.
	 */
	struct faxeng *fe = to_faxeng((struct device *)dev);
	struct faxeng_state st;

	/* The event work reports the state it diffed, not a newer one. */
	if (READ_ONCE(fe->report_task) == current)
		return faxeng_add_state_env(env, fe, &fe->report_st);
	faxeng_snapshot(fe, &st);
	return faxeng_add_state_env(env, fe, &st);
}

/* One KOBJ_CHANGE uevent for one transition; the class adds the state. */
void faxeng_emit_uevent(struct faxeng *fe, const struct faxeng_transition *tr)
{
	const struct faxeng_condition_info *ci = &faxeng_conditions[tr->cond];
	char changed[48], cond[48], active[24], reason[64], severity[32];
	char code[32], kind[24], tray[24], seqnum[40];
	char file[24];
	char *envp[10];
	int ret, n = 0;

	faxeng_condition_file(file, sizeof(file), tr);
	snprintf(changed, sizeof(changed), "FAXENG_CHANGED=%s", file);
	snprintf(cond, sizeof(cond), "FAXENG_CONDITION=%s", ci->name);
	snprintf(active, sizeof(active), "FAXENG_ACTIVE=%d", tr->active);
	snprintf(reason, sizeof(reason), "FAXENG_REASON=%s", ci->keyword);
	snprintf(severity, sizeof(severity), "FAXENG_SEVERITY=%s",
		 faxeng_severity_names[ci->severity]);
	snprintf(code, sizeof(code), "FAXENG_ALERT_CODE=%u", ci->alert_code);
	snprintf(kind, sizeof(kind), "FAXENG_KIND=%s",
		 faxeng_kind_names[ci->kind]);
	snprintf(seqnum, sizeof(seqnum), "FAXENG_SEQNUM=%llu", tr->seqnum);
	snprintf(tray, sizeof(tray), "FAXENG_TRAY=%u", tr->tray);

	envp[n++] = changed;
	envp[n++] = cond;
	envp[n++] = active;
	envp[n++] = reason;
	envp[n++] = severity;
	envp[n++] = code;
	envp[n++] = kind;
	envp[n++] = seqnum;
	if (tr->tray)
		envp[n++] = tray;
	envp[n] = NULL;

	ret = kobject_uevent_env(&fe->dev.kobj, KOBJ_CHANGE, envp);
	if (ret)
		dev_warn_ratelimited(&fe->dev, "change uevent lost: %d\n",
				     ret);
}
