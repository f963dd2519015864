-- The vision statement in versions, goals reviewed month by month, the
-- owner's notes on each month, and the customer service policy.
CREATE TABLE vision_statements (
  id                INTEGER PRIMARY KEY,
  written_at        INTEGER NOT NULL,
  success_reasons   TEXT    NOT NULL DEFAULT '',
  customer_reasons  TEXT    NOT NULL DEFAULT '',
  steps_taken       TEXT    NOT NULL DEFAULT '',
  key_elements      TEXT    NOT NULL DEFAULT '',
  statement         TEXT    NOT NULL CHECK (length (trim (statement)) > 0)
);

CREATE TABLE goals (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  unit         TEXT    NOT NULL DEFAULT '',
  direction    TEXT    NOT NULL CHECK (direction IN ('higher', 'lower')),
  target       REAL    NOT NULL,
  start_month  TEXT    NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  metric       TEXT    NOT NULL DEFAULT 'typed',
  category_id  INTEGER REFERENCES categories (id),
  created_at   INTEGER NOT NULL,
  deleted_at   INTEGER
);

-- Values typed in by hand; computed goals are worked out from the log
-- each time, so they follow corrections made to it.
CREATE TABLE goal_values (
  goal_id     INTEGER NOT NULL REFERENCES goals (id),
  month       TEXT    NOT NULL,
  value       REAL    NOT NULL,
  entered_at  INTEGER NOT NULL,
  PRIMARY KEY (goal_id, month)
);

CREATE TABLE month_notes (
  month       TEXT    PRIMARY KEY,
  notes       TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE policy_sections (
  area        TEXT    PRIMARY KEY,
  body        TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);
