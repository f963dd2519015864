-- Recognition and rewards: who, when, why and what, perhaps for a
-- particular complaint or compliment.
CREATE TABLE recognitions (
  id            INTEGER PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff (id),
  given_at      INTEGER NOT NULL,
  kind          TEXT    NOT NULL
    CHECK (kind IN ('praise', 'gift', 'bonus', 'time_off', 'other')),
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  value         INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),
  complaint_id  INTEGER REFERENCES complaints (id),
  created_at    INTEGER NOT NULL,
  deleted_at    INTEGER
);
CREATE INDEX recognitions_staff ON recognitions (staff_id, given_at);
