-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 60 (numbered apart from parallel work):
-- the rules "one open order per notice" and "one booked visit per notice"
-- held by unique keys, as "one open notice per terminal and condition"
-- is. A NOT EXISTS in the INSERT that checks them cannot: on a Galera
-- cluster two nodes each see no other and both insert; with a unique key
-- the second writeset fails certification, the portal runs its statement
-- again (db_async.c) and then gets a duplicate entry: 409 (docs/scale.md).
-- The flag is 1 while open and NULL after, and NULLs never collide.
ALTER TABLE orders
	ADD COLUMN open_flag TINYINT
		AS (IF(state IN ('placed', 'scheduled'), 1, NULL)) PERSISTENT,
	ADD UNIQUE KEY orders_one_open (notice_id, open_flag);
ALTER TABLE visits
	ADD COLUMN booked_flag TINYINT
		AS (IF(state = 'booked', 1, NULL)) PERSISTENT,
	ADD UNIQUE KEY visits_one_booked (notice_id, booked_flag);
