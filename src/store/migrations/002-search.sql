-- Full-text search over complaints: their texts, timeline notes and the
-- customer's name. One row per live complaint, rowid = complaints.id, kept in
-- step by the triggers below. Prefix indexes keep "as you type" queries fast.

CREATE VIEW complaint_search_source AS
SELECT c.id AS id,
       c.description AS description,
       c.agreed_solution || ' ' || c.promise || ' ' || c.steps_taken || ' ' || c.prevention
         AS handling,
       coalesce ((SELECT group_concat (e.body, ' ') FROM complaint_events e
                  WHERE e.complaint_id = c.id AND e.deleted_at IS NULL AND e.body <> ''), '')
         AS notes,
       coalesce ((SELECT cu.name || ' ' || cu.email || ' ' || cu.phone FROM customers cu
                  WHERE cu.id = c.customer_id), '')
         AS customer
FROM complaints c
WHERE c.deleted_at IS NULL;

CREATE VIRTUAL TABLE complaint_search USING fts5 (
  description, handling, notes, customer,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO complaint_search (rowid, description, handling, notes, customer)
  SELECT id, description, handling, notes, customer FROM complaint_search_source;

CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints
BEGIN
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT id, description, handling, notes, customer FROM complaint_search_source
    WHERE id = new.id;
END;

CREATE TRIGGER complaints_search_update AFTER UPDATE ON complaints
BEGIN
  DELETE FROM complaint_search WHERE rowid = old.id;
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT id, description, handling, notes, customer FROM complaint_search_source
    WHERE id = new.id;
END;

CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints
BEGIN
  DELETE FROM complaint_search WHERE rowid = old.id;
END;

CREATE TRIGGER complaint_events_search_insert AFTER INSERT ON complaint_events
  WHEN new.body <> ''
BEGIN
  DELETE FROM complaint_search WHERE rowid = new.complaint_id;
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT id, description, handling, notes, customer FROM complaint_search_source
    WHERE id = new.complaint_id;
END;

CREATE TRIGGER complaint_events_search_update AFTER UPDATE ON complaint_events
BEGIN
  DELETE FROM complaint_search WHERE rowid IN (old.complaint_id, new.complaint_id);
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT id, description, handling, notes, customer FROM complaint_search_source
    WHERE id IN (old.complaint_id, new.complaint_id);
END;

CREATE TRIGGER complaint_events_search_delete AFTER DELETE ON complaint_events
BEGIN
  DELETE FROM complaint_search WHERE rowid = old.complaint_id;
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT id, description, handling, notes, customer FROM complaint_search_source
    WHERE id = old.complaint_id;
END;

CREATE TRIGGER customers_search_update AFTER UPDATE OF name, email, phone ON customers
BEGIN
  DELETE FROM complaint_search
    WHERE rowid IN (SELECT id FROM complaints WHERE customer_id = new.id);
  INSERT INTO complaint_search (rowid, description, handling, notes, customer)
    SELECT s.id, s.description, s.handling, s.notes, s.customer
    FROM complaint_search_source s JOIN complaints c ON c.id = s.id
    WHERE c.customer_id = new.id;
END;
