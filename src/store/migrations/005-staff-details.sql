-- When a staff member started; leavers keep their rows (active = 0).
ALTER TABLE staff ADD COLUMN started_at INTEGER;
