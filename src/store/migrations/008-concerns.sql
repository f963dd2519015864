-- Concerns staff raise with the owner, kept apart from customers' complaints.
CREATE TABLE concerns (
  id           INTEGER PRIMARY KEY,
  raised_by    INTEGER REFERENCES staff (id),
  topic        TEXT    NOT NULL
    CHECK (topic IN ('equipment', 'rota', 'policy', 'support', 'other')),
  text         TEXT    NOT NULL CHECK (length (trim (text)) > 0),
  raised_at    INTEGER NOT NULL,
  answer       TEXT    NOT NULL DEFAULT '',
  answered_at  INTEGER,
  closed_at    INTEGER
);
CREATE INDEX concerns_open ON concerns (raised_at) WHERE closed_at IS NULL;
