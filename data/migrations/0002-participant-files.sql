-- MIRIAM database, schema version 2: the participant's file.
--
-- The intake (its date and the four criteria of the method), the coaching
-- plan (goals per life domain), the partner directory and the referrals
-- to partners.  Same conventions as 0001.

-- Intake: persistent and/or urgent poverty; isolated, with a small
-- network; speaks a language of the casemanager; takes part voluntarily.
-- Each with a note, because the team's judgement matters more than a tick.
ALTER TABLE participant ADD COLUMN intake_date TEXT;
ALTER TABLE participant ADD COLUMN criterion_poverty INTEGER NOT NULL DEFAULT 0
  CHECK (criterion_poverty IN (0, 1));
ALTER TABLE participant ADD COLUMN criterion_poverty_note TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN criterion_isolated INTEGER NOT NULL DEFAULT 0
  CHECK (criterion_isolated IN (0, 1));
ALTER TABLE participant ADD COLUMN criterion_isolated_note TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN criterion_language INTEGER NOT NULL DEFAULT 0
  CHECK (criterion_language IN (0, 1));
ALTER TABLE participant ADD COLUMN criterion_language_note TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN criterion_voluntary INTEGER NOT NULL DEFAULT 0
  CHECK (criterion_voluntary IN (0, 1));
ALTER TABLE participant ADD COLUMN criterion_voluntary_note TEXT NOT NULL DEFAULT '';

-- Status steps are now records like the others (the store saves them with
-- a version check); the steps written before count as version 1.
ALTER TABLE status_change ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
DROP INDEX status_change_by_participant;
CREATE INDEX status_change_by_participant ON status_change (participant_id, day);

-- The participant list shows her latest group: newest joined_on first,
-- straight from the index (the rowid breaks ties).
CREATE INDEX membership_by_participant ON membership (participant_id, joined_on);

-- A goal of her coaching plan, in one life domain.  end_date is set when
-- the goal is reached or dropped.
CREATE TABLE goal (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  domain          TEXT NOT NULL
                  CHECK (domain IN ('finances', 'housing', 'work', 'parenting', 'health',
                                    'mobility', 'leisure', 'social_network', 'wellbeing',
                                    'self_confidence', 'rights')),
  description     TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'in_progress', 'reached', 'dropped')),
  start_date      TEXT,
  end_date        TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT '',
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX goal_by_participant ON goal (participant_id);

-- The partner directory.  ocmw_id NULL: shared by every OCMW of the file
-- (the general entries below).  kind is a partner type code of the
-- interface's list, kept as free text so that the list can grow without a
-- migration; domain is a life domain code, '' for a general partner.
CREATE TABLE partner (
  id            INTEGER PRIMARY KEY,
  ocmw_id       INTEGER REFERENCES ocmw (id),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  kind          TEXT NOT NULL DEFAULT 'other' CHECK (length(kind) > 0),
  domain        TEXT NOT NULL DEFAULT ''
                CHECK (domain IN ('', 'finances', 'housing', 'work', 'parenting', 'health',
                                  'mobility', 'leisure', 'social_network', 'wellbeing',
                                  'self_confidence', 'rights')),
  municipality  TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  email         TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX partner_by_ocmw ON partner (ocmw_id);

-- A referral of a participant to a partner, and what came of it.
CREATE TABLE referral (
  id              INTEGER PRIMARY KEY,
  participant_id  INTEGER NOT NULL REFERENCES participant (id),
  partner_id      INTEGER NOT NULL REFERENCES partner (id),
  day             TEXT NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  outcome         TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_by_participant ON referral (participant_id, day);
-- Deleting a partner checks that no referral points at it.
CREATE INDEX referral_by_partner ON referral (partner_id);

-- One general entry per partner type named in the method's documents (the
-- codes of the interface's partner type list, but "other"), so that a team
-- can refer someone on the first day; the team adds its local
-- organisations beside them.  Belgian organisations keep their own names.
WITH now (t) AS (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
INSERT INTO partner (name, kind, domain, updated_at)
SELECT entry.column1, entry.column2, entry.column3, now.t
FROM (VALUES
  ('Huis van het Kind', 'huis_van_het_kind', 'parenting'),
  ('Kind & Gezin', 'kind_en_gezin', 'parenting'),
  ('Opvoedingswinkel', 'opvoedingswinkel', 'parenting'),
  ('Centrum voor Kinderzorg en Gezinsondersteuning (CKG)', 'ckg', 'parenting'),
  ('Centrum voor Leerlingenbegeleiding (CLB)', 'clb', 'parenting'),
  ('Gezinsbond', 'gezinsbond', 'parenting'),
  ('Wijkgezondheidscentrum', 'wijkgezondheidscentrum', 'health'),
  ('Centrum Algemeen Welzijnswerk (CAW)', 'caw', 'wellbeing'),
  ('Eerstelijnspsycholoog', 'psycholoog', 'wellbeing'),
  ('Centrum voor intrafamiliaal geweld', 'family_violence', 'wellbeing'),
  ('Helder Recht', 'legal_aid', 'rights'),
  ('Sociaal tolk', 'social_interpreter', 'rights'),
  ('Sociaal verhuurkantoor', 'social_rental_agency', 'housing'),
  ('Woonbegeleiding', 'housing_support', 'housing'),
  ('Energiehuis', 'energy_adviser', 'housing'),
  ('VDAB / Le Forem / Actiris', 'employment_service', 'work'),
  ('Jobcoach', 'job_coach', 'work'),
  ('Tewerkstellingsdienst OCMW (artikel 60)', 'ocmw_employment', 'work'),
  ('Rap op Stap', 'leisure', 'leisure'),
  ('Iedereen Verdient Vakantie', 'holidays', 'leisure'),
  ('Sportdienst', 'sports_service', 'leisure'),
  ('Bibliotheek', 'library', 'leisure'),
  ('Buurtcentrum', 'neighbourhood_centre', 'social_network'),
  ('Digipunt', 'digipunt', ''),
  ('Sociale dienst OCMW', 'ocmw_social_service', ''),
  ('Schuldbemiddeling OCMW', 'debt_mediation', 'finances'),
  ('Woondienst OCMW', 'ocmw_housing', 'housing')
) AS entry, now;
