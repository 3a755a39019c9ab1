-- MIRIAM database, schema version 5: who has which participant file open.
--
-- Same conventions as 0001, except that these rows are not edited by
-- anyone: they are heartbeats, advisory only, and say nothing about the
-- women themselves.

-- One row per participant file open for editing in one run of MIRIAM.
-- A run writes its heartbeat when it opens the file and every ~30 seconds
-- while it stays open, and removes the row when it closes the file; a row
-- whose heartbeat is older than ~90 seconds belongs to a run that ended
-- without saying so (a crash, a dropped share) and counts as gone.
--  * machine: the computer's name; process: a random id of one run of
--    MIRIAM (one store), so that a colleague under the same name on the
--    same computer is told apart from oneself;
--  * user_name: the display name the colleagues read ("Amina is
--    editing this file");
--  * heartbeat_at: UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ).
-- ON DELETE CASCADE, unlike the files about people: a heartbeat must never
-- stand in the way of erasing a participant.
CREATE TABLE presence (
  participant_id  INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  machine         TEXT NOT NULL,
  process         TEXT NOT NULL,
  user_name       TEXT NOT NULL DEFAULT '',
  heartbeat_at    TEXT NOT NULL,
  PRIMARY KEY (participant_id, machine, process)
);

-- Old heartbeats are swept by the next run that writes one.
CREATE INDEX presence_by_heartbeat ON presence (heartbeat_at);
