-- The Customer Service Quotient self-test: who took it and when, and a
-- rating from 1 to 5 for each of its 25 statements. An assessment being
-- filled in has no completed_at yet, so a half-done one survives closing.
CREATE TABLE assessments (
  id            INTEGER PRIMARY KEY,
  taken_at      INTEGER NOT NULL,
  staff_id      INTEGER REFERENCES staff (id),
  completed_at  INTEGER
);
CREATE INDEX assessments_taken ON assessments (taken_at) WHERE completed_at IS NOT NULL;

CREATE TABLE assessment_answers (
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  statement      INTEGER NOT NULL CHECK (statement BETWEEN 0 AND 24),
  rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (assessment_id, statement)
);
