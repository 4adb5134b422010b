-- SPDX-License-Identifier: ISC
-- A staff session is the sign-in form's cookie ('web') or an API bearer
-- token ('api'): staff list and revoke tokens apart from their browsers.
-- Rows from before were opened by either: 'web' says nothing more.
ALTER TABLE sessions
	ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'web' AFTER staff_user_id,
	ADD KEY sessions_user (staff_user_id, kind);
