-- Training sessions and who attended them.
CREATE TABLE trainings (
  id          INTEGER PRIMARY KEY,
  topic       TEXT    NOT NULL
    CHECK (topic IN ('complaint_handling', 'angry_customers', 'product_knowledge',
                     'new_policy', 'other')),
  held_at     INTEGER NOT NULL,
  trainer     TEXT    NOT NULL DEFAULT '',
  notes       TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  deleted_at  INTEGER
);

CREATE TABLE training_attendees (
  training_id  INTEGER NOT NULL REFERENCES trainings (id),
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  PRIMARY KEY (training_id, staff_id)
);
CREATE INDEX training_attendees_staff ON training_attendees (staff_id);
