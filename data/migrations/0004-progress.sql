-- MIRIAM database, schema version 4: consortia and progress measurements.
--
-- Same conventions as 0001.

-- A group run by a consortium of OCMWs.  ocmw_id stays the OCMW that
-- organises it (its closed days apply, its casemanagers lead it);
-- consortium_id names the consortium whose member OCMWs (ocmw.consortium_id)
-- send women to it.  NULL: the OCMW's own group.
ALTER TABLE coaching_group ADD COLUMN consortium_id INTEGER REFERENCES consortium (id);

-- Life domains an OCMW adds itself carry their own names, one per language.
-- The eleven domains of the method keep '' here: the application translates
-- their codes.
ALTER TABLE life_domain ADD COLUMN label_nl TEXT NOT NULL DEFAULT '';
ALTER TABLE life_domain ADD COLUMN label_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE life_domain ADD COLUMN label_de TEXT NOT NULL DEFAULT '';

-- The life domains one OCMW scores, in its own order.  An OCMW without rows
-- here scores the active domains of life_domain in their order.  Scores
-- already given to a domain an OCMW later switches off are kept.
CREATE TABLE ocmw_life_domain (
  ocmw_id   INTEGER NOT NULL REFERENCES ocmw (id),
  domain    TEXT NOT NULL REFERENCES life_domain (code),
  position  INTEGER NOT NULL,
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  PRIMARY KEY (ocmw_id, domain)
);

-- Group and cohort reports read the measurements of a group.
CREATE INDEX measurement_by_group ON measurement (group_id);
