-- MIRIAM database, schema version 1: the whole first schema.
--
-- Conventions, kept by every later migration:
--  * every row a person edits carries version (bumped on each save),
--    updated_at (UTC, ISO 8601) and updated_by (the person's display name),
--    so that a save can detect that a colleague saved the row first;
--  * dates are ISO 8601 text (YYYY-MM-DD), times are minutes after midnight;
--  * enumerations are short lower-case English codes checked here and
--    translated only in the interface;
--  * no ON DELETE CASCADE on files about people: erasing a participant is a
--    deliberate act of the store, not a side effect.

CREATE TABLE consortium (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT ''
);

-- An OCMW / CPAS / ÖSHZ. community decides the school holidays and the
-- extra Community holiday: 'vl' Flemish, 'fr' French, 'de' German-speaking.
CREATE TABLE ocmw (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  municipality   TEXT NOT NULL DEFAULT '',
  community      TEXT NOT NULL DEFAULT 'vl' CHECK (community IN ('vl', 'fr', 'de')),
  consortium_id  INTEGER REFERENCES consortium (id),
  version        INTEGER NOT NULL DEFAULT 1,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL DEFAULT ''
);

-- Days an OCMW is closed on top of the legal public holidays (2 November,
-- 26 December...).
CREATE TABLE closed_day (
  id          INTEGER PRIMARY KEY,
  ocmw_id     INTEGER NOT NULL REFERENCES ocmw (id),
  day         TEXT NOT NULL,
  label       TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (ocmw_id, day)
);

CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  ocmw_id       INTEGER NOT NULL REFERENCES ocmw (id),
  display_name  TEXT NOT NULL CHECK (length(display_name) > 0),
  role          TEXT NOT NULL DEFAULT 'casemanager'
                CHECK (role IN ('casemanager', 'lead', 'admin')),
  email         TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  languages     TEXT NOT NULL DEFAULT '',   -- comma-separated ISO 639-1 codes
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL DEFAULT ''
);

-- A programme year (jaargang / édition / Jahrgang), e.g. '2026-2027'.
CREATE TABLE cohort (
  id          INTEGER PRIMARY KEY,
  label       TEXT NOT NULL UNIQUE CHECK (length(label) > 0),
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL CHECK (end_date >= start_date),
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL DEFAULT ''
);

-- A group of 12-15 women with one or two casemanagers.
CREATE TABLE coaching_group (
  id            INTEGER PRIMARY KEY,
  ocmw_id       INTEGER NOT NULL REFERENCES ocmw (id),
  cohort_id     INTEGER NOT NULL REFERENCES cohort (id),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  location      TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  community     TEXT NOT NULL DEFAULT 'vl' CHECK (community IN ('vl', 'fr', 'de')),
  rhythm        TEXT NOT NULL DEFAULT 'fortnightly'
                CHECK (rhythm IN ('weekly', 'fortnightly', 'three_monthly', 'free')),
  weekday       INTEGER NOT NULL DEFAULT 2 CHECK (weekday BETWEEN 1 AND 7), -- 1 = Monday
  start_minute  INTEGER NOT NULL DEFAULT 570 CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL DEFAULT 690 CHECK (end_minute BETWEEN 0 AND 1440),
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL CHECK (end_date >= start_date),
  colour        TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE group_staff (
  group_id  INTEGER NOT NULL REFERENCES coaching_group (id),
  staff_id  INTEGER NOT NULL REFERENCES staff (id),
  PRIMARY KEY (group_id, staff_id)
);

-- One file per woman, whatever the number of cohorts she takes part in.
-- status is the current step of her path; status_change keeps the history.
CREATE TABLE participant (
  id               INTEGER PRIMARY KEY,
  ocmw_id          INTEGER NOT NULL REFERENCES ocmw (id),
  first_name       TEXT NOT NULL DEFAULT '',
  last_name        TEXT NOT NULL DEFAULT '',
  birth_date       TEXT,
  insz             TEXT NOT NULL DEFAULT '',  -- 11 digits or empty
  address          TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  languages        TEXT NOT NULL DEFAULT '',  -- comma-separated ISO 639-1 codes
  letter_language  TEXT NOT NULL DEFAULT '',
  income           TEXT NOT NULL DEFAULT '',  -- 'leefloon', 'other', ...
  referred_by      TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'waiting'
                   CHECK (status IN ('waiting', 'intake', 'active', 'completed',
                                     'stopped', 'aftercare')),
  consent_date     TEXT,
  consent_note     TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  version          INTEGER NOT NULL DEFAULT 1,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL DEFAULT '',
  CHECK (length(first_name) > 0 OR length(last_name) > 0)
);
CREATE INDEX participant_by_status ON participant (status);

CREATE TABLE status_change (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  status          TEXT NOT NULL,
  day             TEXT NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX status_change_by_participant ON status_change (participant_id);

CREATE TABLE child (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  first_name      TEXT NOT NULL DEFAULT '',
  birth_year      INTEGER,
  in_care         INTEGER NOT NULL DEFAULT 1 CHECK (in_care IN (0, 1)),
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX child_by_participant ON child (participant_id);

-- Membership of a group: a woman who re-enters a later cohort gets a
-- second row, her file stays one.
CREATE TABLE membership (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  group_id        INTEGER NOT NULL REFERENCES coaching_group (id),
  joined_on       TEXT NOT NULL,
  left_on         TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT '',
  UNIQUE (participant_id, group_id)
);
CREATE INDEX membership_by_group ON membership (group_id);

CREATE TABLE session (
  id             INTEGER PRIMARY KEY,
  group_id       INTEGER NOT NULL REFERENCES coaching_group (id),
  day            TEXT NOT NULL,
  start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute     INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
  location       TEXT NOT NULL DEFAULT '',
  theme          TEXT NOT NULL DEFAULT 'other'
                 CHECK (theme IN ('housing', 'health', 'budget', 'parenting',
                                  'leisure', 'identity', 'outing', 'other')),
  partner        TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  cancelled      INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  cancel_reason  TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL DEFAULT '',
  CHECK (end_minute > start_minute)
);
CREATE INDEX session_by_group_day ON session (group_id, day);
CREATE INDEX session_by_day ON session (day);

CREATE TABLE attendance (
  session_id      INTEGER NOT NULL REFERENCES session (id),
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  status          TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_by_participant ON attendance (participant_id);

-- Individual moments between a casemanager and a participant.
CREATE TABLE contact (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  staff_id        INTEGER REFERENCES staff (id),
  day             TEXT NOT NULL,
  start_minute    INTEGER CHECK (start_minute BETWEEN 0 AND 1439),
  duration_min    INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
  kind            TEXT NOT NULL DEFAULT 'office'
                  CHECK (kind IN ('home_visit', 'walk', 'office', 'phone',
                                  'accompany', 'other')),
  domains         TEXT NOT NULL DEFAULT '',  -- comma-separated life domain codes
  note            TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_by_participant_day ON contact (participant_id, day);

-- The life domains scored at each measurement; editable per OCMW later.
CREATE TABLE life_domain (
  code      TEXT PRIMARY KEY,
  position  INTEGER NOT NULL,
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO life_domain (code, position) VALUES
  ('finances', 1), ('housing', 2), ('work', 3), ('parenting', 4),
  ('health', 5), ('mobility', 6), ('leisure', 7), ('social_network', 8),
  ('wellbeing', 9), ('self_confidence', 10), ('rights', 11);

CREATE TABLE measurement (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  group_id        INTEGER REFERENCES coaching_group (id),
  kind            TEXT NOT NULL CHECK (kind IN ('baseline', 'intermediate', 'final')),
  day             TEXT NOT NULL,
  scored_by       INTEGER REFERENCES staff (id),
  note            TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX measurement_by_participant ON measurement (participant_id);

-- score NULL means "not applicable": never a zero.
CREATE TABLE score (
  measurement_id  INTEGER NOT NULL REFERENCES measurement (id),
  domain          TEXT NOT NULL REFERENCES life_domain (code),
  score           INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
  PRIMARY KEY (measurement_id, domain)
);
