-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 3: an order or visit the terminal's
-- completion report finished says what happened to it, `delivered' or
-- `completed', instead of the earlier `closed' and `done'. The state
-- columns are plain VARCHARs (no ENUM or CHECK to change): only the rows.
UPDATE orders SET state = 'delivered' WHERE state = 'closed';
UPDATE visits SET state = 'completed' WHERE state = 'done';
