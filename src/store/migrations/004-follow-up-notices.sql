-- What was already said about each follow-up, so a reminder is given once:
-- one row per complaint, follow-up time and kind ('before' or 'overdue').
-- A follow-up moved to a new time has no rows, so it is new again.
CREATE TABLE follow_up_notices (
  complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
  follow_up_at  INTEGER NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('before', 'overdue')),
  sent_at       INTEGER NOT NULL,
  PRIMARY KEY (complaint_id, follow_up_at, kind)
);

-- "Remind me later": until then nothing is said about the complaint.
CREATE TABLE follow_up_snoozes (
  complaint_id  INTEGER PRIMARY KEY REFERENCES complaints (id),
  until         INTEGER NOT NULL
);
