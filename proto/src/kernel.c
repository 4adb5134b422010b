/* SPDX-License-Identifier: ISC */
/* The kernel's engine states and faults in the protocol's terms. */
#include <linux/faxeng.h>
#include "faxcare/kernel.h"
#include "internal.h"

static const enum fc_state supply_states[] = {
	[FAXENG_SUPPLY_OK] = FC_STATE_OK,
	[FAXENG_SUPPLY_LOW] = FC_STATE_LOW,
	[FAXENG_SUPPLY_EMPTY] = FC_STATE_EMPTY,
	[FAXENG_SUPPLY_MISSING] = FC_STATE_MISSING,
};

static const enum fc_state drum_states[] = {
	[FAXENG_DRUM_OK] = FC_STATE_OK,
	[FAXENG_DRUM_NEAR_END] = FC_STATE_NEAR_END,
	[FAXENG_DRUM_END] = FC_STATE_END,
};

static const char *const fault_words[FAXENG_FAULT_MAX + 1] = {
	[FAXENG_FAULT_JAM] = "jam",
	[FAXENG_FAULT_DOOR_OPEN] = "door-open",
	[FAXENG_FAULT_FUSER_ERROR] = "fuser-error",
};

enum fc_state fc_state_of_supply(int supply)
{
	return supply >= 0 && supply < FC_ARRAY_SIZE(supply_states) ?
	       supply_states[supply] : FC_STATE_NONE;
}

enum fc_state fc_state_of_drum(int drum)
{
	return drum >= 0 && drum < FC_ARRAY_SIZE(drum_states) ?
	       drum_states[drum] : FC_STATE_NONE;
}

const char *fc_fault_str(int fault)
{
	return fault >= 0 && fault < FC_ARRAY_SIZE(fault_words) ?
	       fault_words[fault] : NULL;
}
