-- MIRIAM database, schema version 3: the group calendar.
--
-- Moved sessions, the file's own identity (for calendar exports) and the
-- indexes the calendar reads by.  Same conventions as 0001.

-- The first planned day of a session that was moved; NULL while it never
-- was, so that the calendar can say "moved from ...".
ALTER TABLE session ADD COLUMN original_day TEXT;

-- Facts about the file itself.  'id' is made once, here, and never
-- changes: calendar exports build their event UIDs from it, so that a
-- calendar program recognises the same session in the next export, and
-- two teams' files never share UIDs.
CREATE TABLE database_info (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
INSERT INTO database_info (key, value) VALUES ('id', lower(hex(randomblob(16))));

-- Appointments (contacts with a day) of every participant in a range of
-- days, and the groups of a casemanager (conflicts, her own calendar).
-- contact.start_minute already exists (NULL or 0: no time given).
CREATE INDEX contact_by_day ON contact (day);
CREATE INDEX group_staff_by_staff ON group_staff (staff_id);
