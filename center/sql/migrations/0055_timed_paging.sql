-- SPDX-License-Identifier: ISC
-- The technicians' slots and the product guides page by a time and the
-- id (portal/paging.c, timed lists): a slot by when it starts, a guide by
-- when it was written. InnoDB orders a secondary index's entries by its
-- columns and then the primary key, so each index below is in the lists'
-- (time, id) order, within one technician's slots or one model's guides
-- for the filtered lists: a page is an index range, not a sort.
-- (technician_slots_time, on starts_at, exists since version 1.)
ALTER TABLE technician_slots
	ADD KEY technician_slots_technician_time (technician_id, starts_at);
ALTER TABLE product_guides ADD KEY product_guides_time (created_at),
	ADD KEY product_guides_model_time (model_id, created_at);
