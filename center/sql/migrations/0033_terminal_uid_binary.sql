-- SPDX-License-Identifier: ISC
-- A terminal id compares byte for byte: each id has its own key (derived
-- from the master secret and the id's bytes), so 'FX-1' must never find
-- the row of 'fx-1'. nopad: no trailing-space equality either. Only
-- relaxes the unique key: existing rows cannot collide.
ALTER TABLE terminals MODIFY terminal_uid VARCHAR(128)
	CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
