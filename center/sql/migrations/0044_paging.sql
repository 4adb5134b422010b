-- SPDX-License-Identifier: ISC
-- The staff lists page by id (portal/paging.c) and filter; each filter
-- has an index whose entries are in id order within a value (InnoDB
-- appends the primary key), so a page and its count are index seeks: a
-- terminal by its serial as by its id (terminals_uid), the audit log by
-- action and by actor. (Open orders have orders_state since version 2.)
ALTER TABLE terminals ADD KEY terminals_serial (serial);
ALTER TABLE audit_log ADD KEY audit_log_action (action),
	ADD KEY audit_log_actor (actor);
