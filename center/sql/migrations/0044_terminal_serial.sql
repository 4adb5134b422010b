-- SPDX-License-Identifier: ISC
-- The staff find a terminal by its serial as by its id (terminals_uid):
-- one index lookup however many terminals there are.
ALTER TABLE terminals ADD KEY terminals_serial (serial);
