-- The list opens on the complaints still being worked on, newest first.
-- This index holds just those, so that view costs what the open matters
-- cost, not what the whole history does.
CREATE INDEX complaints_unresolved ON complaints (received_at, id)
  WHERE deleted_at IS NULL AND status <> 'resolved';
