-- The complaint and comment log: who complained, who took it, what happened.
-- Times are Unix seconds (UTC); money is integer minor units.
-- Rows are never removed by the application: deleted_at marks a soft delete.

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  role        TEXT    NOT NULL DEFAULT '',
  phone       TEXT    NOT NULL DEFAULT '',
  email       TEXT    NOT NULL DEFAULT '',
  is_manager  INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL,
  deleted_at  INTEGER
);
CREATE UNIQUE INDEX staff_name_unique ON staff (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE categories (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  archived_at  INTEGER,
  merged_into  INTEGER REFERENCES categories (id),
  created_at   INTEGER NOT NULL,
  deleted_at   INTEGER
);
CREATE UNIQUE INDEX categories_name_unique ON categories (name COLLATE NOCASE)
  WHERE deleted_at IS NULL AND merged_into IS NULL;

CREATE TABLE customers (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL DEFAULT '',
  phone        TEXT    NOT NULL DEFAULT '',
  email        TEXT    NOT NULL DEFAULT '',
  address      TEXT    NOT NULL DEFAULT '',
  notes        TEXT    NOT NULL DEFAULT '',
  merged_into  INTEGER REFERENCES customers (id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  deleted_at   INTEGER
);
CREATE INDEX customers_email ON customers (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

CREATE TABLE complaints (
  id                   INTEGER PRIMARY KEY,
  received_at          INTEGER NOT NULL,
  kind                 TEXT    NOT NULL DEFAULT 'complaint'
    CHECK (kind IN ('complaint', 'comment', 'compliment', 'suggestion')),
  channel              TEXT    NOT NULL DEFAULT 'in_store'
    CHECK (channel IN ('in_store', 'phone', 'email', 'web', 'social', 'letter', 'other')),
  category_id          INTEGER REFERENCES categories (id),
  customer_id          INTEGER REFERENCES customers (id),
  received_by_id       INTEGER REFERENCES staff (id),
  assigned_to_id       INTEGER REFERENCES staff (id),
  description          TEXT    NOT NULL,
  agreed_solution      TEXT    NOT NULL DEFAULT '',
  solved_on_spot       INTEGER NOT NULL DEFAULT 0 CHECK (solved_on_spot IN (0, 1)),
  promise              TEXT    NOT NULL DEFAULT '',
  steps_taken          TEXT    NOT NULL DEFAULT '',
  follow_up_at         INTEGER,
  compensation_type    TEXT    NOT NULL DEFAULT 'none'
    CHECK (compensation_type IN ('none', 'refund', 'replacement', 'repair', 'credit',
                                 'coupon', 'discount', 'gift')),
  compensation_amount  INTEGER NOT NULL DEFAULT 0 CHECK (compensation_amount >= 0),
  status               TEXT    NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved')),
  resolved_at          INTEGER,
  customer_feeling     TEXT    NOT NULL DEFAULT ''
    CHECK (customer_feeling IN ('', 'delighted', 'satisfied', 'dissatisfied')),
  will_buy_again       TEXT    NOT NULL DEFAULT 'unknown'
    CHECK (will_buy_again IN ('unknown', 'yes', 'no')),
  prevention           TEXT    NOT NULL DEFAULT '',
  last_informed_at     INTEGER,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  deleted_at           INTEGER
);
CREATE INDEX complaints_received ON complaints (received_at, id) WHERE deleted_at IS NULL;
CREATE INDEX complaints_customer ON complaints (customer_id);
CREATE INDEX complaints_category ON complaints (category_id);
CREATE INDEX complaints_follow_up ON complaints (follow_up_at)
  WHERE follow_up_at IS NOT NULL AND status <> 'resolved' AND deleted_at IS NULL;

-- The timeline of a complaint, so nobody makes a customer repeat themselves.
CREATE TABLE complaint_events (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
  at            INTEGER NOT NULL,
  staff_id      INTEGER REFERENCES staff (id),
  kind          TEXT    NOT NULL
    CHECK (kind IN ('created', 'note', 'handover', 'status', 'informed', 'follow_up',
                    'resolved', 'edited')),
  body          TEXT    NOT NULL DEFAULT '',
  old_value     TEXT    NOT NULL DEFAULT '',
  new_value     TEXT    NOT NULL DEFAULT '',
  deleted_at    INTEGER
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
