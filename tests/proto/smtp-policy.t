#!/bin/bash
# usage: tests/proto/smtp-policy.t   (TAP, run by prove)
# The relay policy the daemon and the center share (faxcare/smtp.h): which
# STARTTLS a session needs, what the relay's replies mean for a message,
# and what it said to AUTH.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/unit.sh"
run_unit smtp_policy
