# shellcheck shell=bash
# The head of every daemon test that talks to a relay: source it first.
# Re-runs the test under scripts/with-smtp-sink (FAXCARE_SINK_* set), then
# brings in the TAP helpers, lib/setup.sh and scripts/lib.sh.
# SPDX-License-Identifier: ISC
if [ -z "${FAXCARE_SINK_PORT:-}" ]; then
	exec "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/with-smtp-sink" -- \
		"$(cd "$(dirname "$0")" && pwd)/${0##*/}" "$@"
fi
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/tap.sh"
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
. "$TOP/scripts/lib.sh"
