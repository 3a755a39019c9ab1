/* test-store-calendar.c: the calendar as the store keeps it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups with their casemanagers and sessions, moved and cancelled
 * sessions, attendance, the calendar of all groups with appointments, and
 * the schema 3 migration.  Every test works in its own temporary folder;
 * sqlite3 is used directly only to look at (or age) a file.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store/miriam-store.h"
#include "miriam-test-utils.h"

#define DB_NAME "team.miriam"

/* A note that must never reach the calendar. */
#define SECRET_NOTE "Vertelt over geweld thuis"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  fx->dir = make_tmp_dir ("miriam-calendar-XXXXXX");
  fx->path = g_build_filename (fx->dir, DB_NAME, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* ---------------------------------------------------------------------- */
/* Looking at a file directly                                               */

/* ---------------------------------------------------------------------- */
/* Records                                                                  */

static gint64
add_ocmw (MiriamStore *store)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);

  take_text (&ocmw->name, "OCMW Gent");
  return save_and_free (store, MIRIAM_RECORD_OCMW, ocmw);
}

static gint64
add_staff (MiriamStore *store,
           gint64       ocmw_id,
           const char  *name)
{
  MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);

  staff->ocmw_id = ocmw_id;
  take_text (&staff->display_name, name);
  return save_and_free (store, MIRIAM_RECORD_STAFF, staff);
}

static gint64
add_cohort (MiriamStore *store)
{
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);

  take_text (&cohort->label, "2026-2027");
  cohort->start_date = day (1, 9, 2026);
  cohort->end_date = day (30, 6, 2027);
  return save_and_free (store, MIRIAM_RECORD_COHORT, cohort);
}

static MiriamGroup *
new_group (gint64      ocmw_id,
           gint64      cohort_id,
           const char *name,
           const char *location,
           const char *colour)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);

  group->ocmw_id = ocmw_id;
  group->cohort_id = cohort_id;
  take_text (&group->name, name);
  take_text (&group->location, location);
  take_text (&group->colour, colour);
  group->weekday = 2;
  group->start_minute = 570;
  group->end_minute = 690;
  group->start_date = day (15, 9, 2026);
  group->end_date = day (15, 6, 2027);
  return group;
}

static MiriamSession *
new_session (gint64       group_id,
             GDate        when,
             int          start,
             int          end,
             const char  *location)
{
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

  session->group_id = group_id;
  session->day = when;
  session->start_minute = start;
  session->end_minute = end;
  take_text (&session->location, location);
  take_text (&session->theme, "housing");
  return session;
}

static gint64
add_session (MiriamStore *store,
             gint64       group_id,
             GDate        when,
             int          start,
             int          end,
             const char  *location)
{
  return save_and_free (store, MIRIAM_RECORD_SESSION,
                        new_session (group_id, when, start, end, location));
}

static gint64
add_participant (MiriamStore *store,
                 gint64       ocmw_id,
                 const char  *first_name,
                 const char  *last_name)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

  p->ocmw_id = ocmw_id;
  take_text (&p->first_name, first_name);
  take_text (&p->last_name, last_name);
  return save_and_free (store, MIRIAM_RECORD_PARTICIPANT, p);
}

static gint64
add_membership (MiriamStore *store,
                gint64       participant_id,
                gint64       group_id,
                GDate        joined,
                const GDate *left)
{
  MiriamMembership *m = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);

  m->participant_id = participant_id;
  m->group_id = group_id;
  m->joined_on = joined;
  if (left != NULL)
    m->left_on = *left;
  return save_and_free (store, MIRIAM_RECORD_MEMBERSHIP, m);
}

static gint64
add_contact (MiriamStore *store,
             gint64       participant_id,
             gint64       staff_id,
             GDate        when,
             int          start,
             int          duration)
{
  MiriamContact *c = miriam_record_new (MIRIAM_RECORD_CONTACT);

  c->participant_id = participant_id;
  c->staff_id = staff_id;
  c->day = when;
  c->start_minute = start;
  c->duration_min = duration;
  take_text (&c->kind, "home_visit");
  take_text (&c->note, SECRET_NOTE);
  return save_and_free (store, MIRIAM_RECORD_CONTACT, c);
}

static MiriamSession *
load_session (MiriamStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  MiriamSession *session = miriam_store_load (store, MIRIAM_RECORD_SESSION, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static guint
count_sessions (MiriamStore *store,
                gint64       group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = miriam_store_list (store, MIRIAM_RECORD_SESSION,
                                                     "group_id", group_id, &error);

  g_assert_no_error (error);
  return sessions->len;
}

static void
assert_user_error (const GError *error,
                   int           code)
{
  g_assert_error (error, MIRIAM_STORE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, "SQL"));
  g_assert_null (strstr (error->message, "sqlite"));
}

static void
assert_day (const GDate *date,
            guint        d,
            guint        m,
            guint        y)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, d);
  g_assert_cmpuint (g_date_get_month (date), ==, m);
  g_assert_cmpuint (g_date_get_year (date), ==, y);
}

/* One OCMW with a cohort, two casemanagers and one group. */
typedef struct
{
  gint64 ocmw, cohort, anna, bea, group;
} Team;

static void
team_build (MiriamStore *store,
            Team        *team)
{
  MiriamGroup *group;
  g_autoptr(GError) error = NULL;

  team->ocmw = add_ocmw (store);
  team->cohort = add_cohort (store);
  team->anna = add_staff (store, team->ocmw, "Anna Peeters");
  team->bea = add_staff (store, team->ocmw, "Bea Claes");
  group = new_group (team->ocmw, team->cohort, "Groep Dampoort", "Buurthuis De Vonk", "#3465a4");
  g_assert_true (miriam_store_save_group (store, group, &team->anna, 1, NULL, &error));
  g_assert_no_error (error);
  team->group = group->row.id;
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
}

/* ---------------------------------------------------------------------- */
/* Schema 3                                                                 */

static gboolean
is_hex_id (const char *id)
{
  if (id == NULL || strlen (id) != 32)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
assert_schema_3 (const char *path)
{
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), >=, 3);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_info('session') "
                                  "WHERE name = 'original_day'"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_info('contact') "
                                  "WHERE name = 'start_minute'"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                  "AND name IN ('contact_by_day', 'group_staff_by_staff')"), ==, 2);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM database_info WHERE key = 'id'"), ==, 1);
}

static void
test_schema_fresh (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_again = NULL;
  g_autofree char *in_file = NULL;

  g_assert_cmpint (miriam_store_schema_version (), >=, 3);
  g_assert_cmpint (miriam_store_get_file_version (store), >=, 3);
  id = miriam_store_get_database_id (store, &error);
  g_assert_no_error (error);
  g_assert_true (is_hex_id (id));
  miriam_store_close (store);

  assert_schema_3 (fx->path);
  in_file = sql_text (fx->path, "SELECT value FROM database_info WHERE key = 'id'");
  g_assert_cmpstr (in_file, ==, id);

  /* The identity stays the file's, opening after opening. */
  again = open_store (fx->path, "Bea");
  id_again = miriam_store_get_database_id (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_again, ==, id);
}

/* Two files made the same second are still two calendars. */
static void
test_schema_two_ids (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *other = g_build_filename (fx->dir, "other.miriam", NULL);
  g_autoptr(MiriamStore) a = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) b = open_store (other, "Anna");
  g_autofree char *id_a = miriam_store_get_database_id (a, NULL);
  g_autofree char *id_b = miriam_store_get_database_id (b, NULL);

  g_assert_true (is_hex_id (id_a));
  g_assert_true (is_hex_id (id_b));
  g_assert_cmpstr (id_a, !=, id_b);
}

/* A file of schema 2, with a group and a session, is brought to 3 and
 * keeps what it held. */
static void
test_schema_from_2 (Fixture       *fx,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  MiriamSession *session;
  gint64 session_id;
  Team team;

  team_build (store, &team);
  session_id = add_session (store, team.group, day (22, 9, 2026), 570, 690, "");
  miriam_store_close (store);

  /* Age the file to what MIRIAM 0.1 wrote. */
  sql_exec (fx->path,
            "DROP TABLE presence; "
            "DROP INDEX measurement_by_group; DROP TABLE ocmw_life_domain; "
            "ALTER TABLE life_domain DROP COLUMN label_nl; ALTER TABLE life_domain DROP COLUMN label_fr; "
            "ALTER TABLE life_domain DROP COLUMN label_de; ALTER TABLE coaching_group DROP COLUMN consortium_id; "
            "DROP INDEX contact_by_day; DROP INDEX group_staff_by_staff; "
            "DROP TABLE database_info; ALTER TABLE session DROP COLUMN original_day; "
            "PRAGMA user_version = 2;");
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM pragma_table_info('session') "
                                      "WHERE name = 'original_day'"), ==, 0);

  later = open_store (fx->path, "Anna");
  g_assert_cmpint (miriam_store_get_file_version (later), ==, miriam_store_schema_version ());
  id = miriam_store_get_database_id (later, &error);
  g_assert_no_error (error);
  g_assert_true (is_hex_id (id));

  session = load_session (later, session_id);
  g_assert_false (g_date_valid (&session->original_day));
  g_assert_cmpint (session->group_id, ==, team.group);
  /* The session can be moved now. */
  session->day = day (24, 9, 2026);
  g_assert_true (miriam_store_save_session (later, session, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_day (&session->original_day, 22, 9, 2026);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  miriam_store_close (later);

  assert_schema_3 (fx->path);
}

/* A contact without a time keeps 0 ("no time") through a save. */
static void
test_schema_contact_time (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GError) error = NULL;
  MiriamContact *contact;
  gint64 p, with_time, without_time;
  Team team;

  team_build (store, &team);
  p = add_participant (store, team.ocmw, "Sarah", "Claes");
  with_time = add_contact (store, p, team.anna, day (1, 10, 2026), 14 * 60, 45);
  without_time = add_contact (store, p, 0, day (2, 10, 2026), 0, 0);

  contact = miriam_store_load (store, MIRIAM_RECORD_CONTACT, with_time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (contact->start_minute, ==, 14 * 60);
  miriam_record_free (MIRIAM_RECORD_CONTACT, contact);
  contact = miriam_store_load (store, MIRIAM_RECORD_CONTACT, without_time, &error);
  g_assert_no_error (error);
  g_assert_cmpint (contact->start_minute, ==, 0);
  g_assert_cmpint (contact->staff_id, ==, 0);
  miriam_record_free (MIRIAM_RECORD_CONTACT, contact);
}

/* ---------------------------------------------------------------------- */
/* Attendance                                                               */

static void
make_women (MiriamStore *store,
            const Team  *team,
            gint64      *ids,
            guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *first = g_strdup_printf ("Vrouw %02u", i + 1);

      ids[i] = add_participant (store, team->ocmw, first, "Dampoort");
      add_membership (store, ids[i], team->group, day (15, 9, 2026), NULL);
    }
}

static void
test_attendance_fifteen (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) anna = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) bea = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  MiriamSession *session, *stored;
  gint64 ids[15];
  MiriamAttendance marks[15];
  Team team;

  team_build (anna, &team);
  make_women (anna, &team, ids, G_N_ELEMENTS (ids));
  session = load_session (anna, add_session (anna, team.group, day (22, 9, 2026), 570, 690, ""));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    marks[i] = MIRIAM_ATTENDANCE_PRESENT + i % 3;

  /* A mark of someone who is not in the file (a removed file, a bug):
   * the whole save fails and none of the 15 marks, nor the session's
   * change, is written. */
  ids[14] = 987654;
  take_text (&session->notes, "Goede sessie");
  g_assert_false (miriam_store_save_session (anna, session, 15, ids, marks, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (session->row.version, ==, 1);

  bea = open_store (fx->path, "Bea");
  rows = miriam_store_list_session_attendance (bea, session->row.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 15);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, i))->mark, ==,
                     MIRIAM_ATTENDANCE_UNKNOWN);
  g_clear_pointer (&rows, g_ptr_array_unref);
  stored = load_session (bea, session->row.id);
  g_assert_cmpstr (stored->notes, ==, "");
  g_assert_cmpint (stored->row.version, ==, 1);
  miriam_record_free (MIRIAM_RECORD_SESSION, stored);
  /* Nothing stays locked: Bea saves at once. */
  add_participant (bea, team.ocmw, "Céline", "Dubois");

  /* With the right ids, all 15 land together with the session. */
  {
    g_autoptr(GPtrArray) members = miriam_store_list (anna, MIRIAM_RECORD_MEMBERSHIP,
                                                      "group_id", team.group, NULL);
    ids[14] = ((MiriamMembership *) g_ptr_array_index (members, 14))->participant_id;
  }
  g_assert_true (miriam_store_save_session (anna, session, 15, ids, marks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->row.version, ==, 2);
  g_assert_cmpstr (session->row.updated_by, ==, "Anna");

  rows = miriam_store_list_session_attendance (bea, session->row.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 15);
  for (guint i = 0; i < rows->len; i++)
    {
      MiriamAttendanceRow *row = g_ptr_array_index (rows, i);

      /* "Vrouw 01" ... "Vrouw 15", by name: the order they were made. */
      g_assert_cmpint (row->participant_id, ==, ids[i]);
      g_assert_cmpint (row->mark, ==, marks[i]);
      g_assert_cmpint (miriam_store_get_attendance (bea, session->row.id, ids[i], NULL), ==,
                       marks[i]);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A mark taken back (UNKNOWN) is gone; the others stay. */
  marks[0] = MIRIAM_ATTENDANCE_UNKNOWN;
  g_assert_true (miriam_store_save_session (anna, session, 1, ids, marks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (miriam_store_get_attendance (bea, session->row.id, ids[0], NULL), ==,
                   MIRIAM_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (miriam_store_get_attendance (bea, session->row.id, ids[1], NULL), ==,
                   marks[1]);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
}

/* The women of the group on the session's day, and whoever was marked. */
static void
test_attendance_members (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GDate left_before = day (30, 9, 2026), left_on_day = day (6, 10, 2026);
  gint64 session, member, late, gone, last_day, guest;
  gint64 ids[1];
  MiriamAttendance marks[1] = { MIRIAM_ATTENDANCE_PRESENT };
  MiriamSession *s;
  Team team;

  team_build (store, &team);
  add_session (store, team.group, day (1, 9, 2026), 570, 690, "");
  session = add_session (store, team.group, day (6, 10, 2026), 570, 690, "");

  member = add_participant (store, team.ocmw, "Sarah", "Wouters");
  add_membership (store, member, team.group, day (15, 9, 2026), NULL);
  late = add_participant (store, team.ocmw, "Lotte", "Janssens");
  add_membership (store, late, team.group, day (7, 10, 2026), NULL);
  gone = add_participant (store, team.ocmw, "Els", "Maes");
  add_membership (store, gone, team.group, day (15, 9, 2026), &left_before);
  last_day = add_participant (store, team.ocmw, "Ayşe", "Öztürk");
  add_membership (store, last_day, team.group, day (15, 9, 2026), &left_on_day);
  guest = add_participant (store, team.ocmw, "Fatima", "El Idrissi");

  ids[0] = guest;
  s = load_session (store, session);
  g_assert_true (miriam_store_save_session (store, s, 1, ids, marks, &error));
  g_assert_no_error (error);
  miriam_record_free (MIRIAM_RECORD_SESSION, s);

  rows = miriam_store_list_session_attendance (store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  /* By last name, accents aside: El Idrissi, Öztürk, Wouters. */
  g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, 0))->participant_id, ==, guest);
  g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, 0))->mark, ==,
                   MIRIAM_ATTENDANCE_PRESENT);
  g_assert_cmpstr (((MiriamAttendanceRow *) g_ptr_array_index (rows, 0))->first_name, ==, "Fatima");
  g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, 1))->participant_id, ==, last_day);
  g_assert_cmpstr (((MiriamAttendanceRow *) g_ptr_array_index (rows, 1))->last_name, ==, "Öztürk");
  g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, 2))->participant_id, ==, member);
  g_assert_cmpint (((MiriamAttendanceRow *) g_ptr_array_index (rows, 2))->mark, ==,
                   MIRIAM_ATTENDANCE_UNKNOWN);
}

static void
test_attendance_participant (Fixture       *fx,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  GDate left = day (20, 10, 2026);
  gint64 s[5], her, other;
  MiriamAttendance present = MIRIAM_ATTENDANCE_PRESENT, excused = MIRIAM_ATTENDANCE_EXCUSED;
  MiriamSession *session;
  Team team;

  team_build (store, &team);
  /* Made out of order: the list is in date order all the same. */
  s[3] = add_session (store, team.group, day (13, 10, 2026), 570, 690, "");
  s[0] = add_session (store, team.group, day (8, 9, 2026), 570, 690, "");
  s[1] = add_session (store, team.group, day (22, 9, 2026), 570, 690, "");
  s[2] = add_session (store, team.group, day (29, 9, 2026), 570, 690, "");
  s[4] = add_session (store, team.group, day (27, 10, 2026), 570, 690, "");

  her = add_participant (store, team.ocmw, "Sarah", "Claes");
  add_membership (store, her, team.group, day (15, 9, 2026), &left);
  other = add_participant (store, team.ocmw, "Els", "Maes");
  add_membership (store, other, team.group, day (1, 9, 2026), NULL);

  session = load_session (store, s[1]);
  g_assert_true (miriam_store_save_session (store, session, 1, &her, &present, &error));
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  session = load_session (store, s[2]);
  session->cancelled = TRUE;
  take_text (&session->cancel_reason, "Casemanager ziek");
  g_assert_true (miriam_store_save_session (store, session, 0, NULL, NULL, &error));
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  session = load_session (store, s[3]);
  g_assert_true (miriam_store_save_session (store, session, 1, &her, &excused, &error));
  g_assert_true (miriam_store_save_session (store, session, 1, &other, &present, &error));
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  g_assert_no_error (error);

  marks = miriam_store_list_participant_attendance (store, her, &error);
  g_assert_no_error (error);
  /* Not before she joined (8/9), not after she left (27/10). */
  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 0).session_id, ==, s[1]);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 0).mark, ==, MIRIAM_ATTENDANCE_PRESENT);
  g_assert_false (g_array_index (marks, MiriamAttendanceMark, 0).cancelled);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 1).session_id, ==, s[2]);
  g_assert_true (g_array_index (marks, MiriamAttendanceMark, 1).cancelled);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 1).mark, ==, MIRIAM_ATTENDANCE_UNKNOWN);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 2).session_id, ==, s[3]);
  g_assert_cmpint (g_array_index (marks, MiriamAttendanceMark, 2).mark, ==, MIRIAM_ATTENDANCE_EXCUSED);
  assert_day (&g_array_index (marks, MiriamAttendanceMark, 2).day, 13, 10, 2026);

  g_clear_pointer (&marks, g_array_unref);
  marks = miriam_store_list_participant_attendance (store, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 5);
}

/* ---------------------------------------------------------------------- */
/* Groups                                                                   */

static GPtrArray *
new_sessions (guint n)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));
  GDate when = day (15, 9, 2026);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sessions, new_session (0, when, 570, 690, ""));
      g_date_add_days (&when, 7);
    }
  return sessions;
}

static void
test_group_thirty_sessions (Fixture       *fx,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) anna = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) bea = NULL;
  g_autoptr(GPtrArray) sessions = new_sessions (30);
  g_autoptr(GPtrArray) more = new_sessions (5);
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  MiriamGroup *group, *theirs;
  gint64 ids[2];
  Team team;

  team_build (anna, &team);
  ids[0] = team.bea;
  ids[1] = team.anna;
  group = new_group (team.ocmw, team.cohort, "Groep Sluizeken", "Wijkhuis", "#c64600");
  g_assert_true (miriam_store_save_group (anna, group, ids, 2, sessions, &error));
  g_assert_no_error (error);
  g_assert_cmpint (group->row.id, >, 0);
  g_assert_cmpint (group->row.version, ==, 1);
  g_assert_cmpstr (group->row.updated_by, ==, "Anna");
  for (guint i = 0; i < sessions->len; i++)
    {
      MiriamSession *s = g_ptr_array_index (sessions, i);

      g_assert_cmpint (s->row.id, >, 0);
      g_assert_cmpint (s->row.version, ==, 1);
      g_assert_cmpint (s->group_id, ==, group->row.id);
    }
  g_assert_cmpuint (count_sessions (anna, group->row.id), ==, 30);

  staff = miriam_store_get_group_staff (anna, group->row.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpint (g_array_index (staff, gint64, 0), ==, team.bea);
  g_assert_cmpint (g_array_index (staff, gint64, 1), ==, team.anna);
  g_clear_pointer (&staff, g_array_unref);

  /* Bea renames the group meanwhile; Anna, working on the old version,
   * adds five sessions and changes the casemanagers: nothing is written. */
  bea = open_store (fx->path, "Bea");
  theirs = miriam_store_load (bea, MIRIAM_RECORD_GROUP, group->row.id, &error);
  g_assert_no_error (error);
  take_text (&theirs->name, "Groep Sluizeken-Muide");
  g_assert_true (miriam_store_save_group (bea, theirs, ids, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->row.version, ==, 2);

  take_text (&group->location, "Elders");
  g_assert_false (miriam_store_save_group (anna, group, &team.anna, 1, more, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (group->row.version, ==, 1);
  for (guint i = 0; i < more->len; i++)
    g_assert_cmpint (((MiriamSession *) g_ptr_array_index (more, i))->row.id, ==, 0);
  g_assert_cmpuint (count_sessions (bea, group->row.id), ==, 30);
  staff = miriam_store_get_group_staff (bea, group->row.id, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_clear_pointer (&staff, g_array_unref);

  /* On the fresh version the same save goes through. */
  take_text (&theirs->location, "Elders");
  g_assert_true (miriam_store_save_group (anna, theirs, &team.anna, 1, more, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->row.version, ==, 3);
  g_assert_cmpstr (theirs->row.updated_by, ==, "Anna");
  g_assert_cmpuint (count_sessions (bea, group->row.id), ==, 35);
  staff = miriam_store_get_group_staff (bea, group->row.id, &error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpint (g_array_index (staff, gint64, 0), ==, team.anna);

  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_record_free (MIRIAM_RECORD_GROUP, theirs);
}

static void
test_group_invalid_staff (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) sessions = new_sessions (3);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  MiriamGroup *group;
  gint64 three[3], missing[2];
  Team team;

  team_build (store, &team);
  three[0] = team.anna;
  three[1] = team.bea;
  three[2] = add_staff (store, team.ocmw, "Chloé Dupont");
  missing[0] = team.anna;
  missing[1] = 4242;

  group = new_group (team.ocmw, team.cohort, "Groep Brugse Poort", "", "");
  g_assert_false (miriam_store_save_group (store, group, three, 3, sessions, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (miriam_store_save_group (store, group, missing, 2, sessions, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (group->row.id, ==, 0);
  g_assert_cmpint (((MiriamSession *) g_ptr_array_index (sessions, 0))->row.id, ==, 0);

  /* Only the group of team_build() is there. */
  groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM session"), ==, 0);

  /* The same one named twice counts once; a group without an OCMW is
   * the file's OCMW's. */
  three[1] = team.anna;
  group->ocmw_id = 0;
  g_assert_true (miriam_store_save_group (store, group, three, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (group->ocmw_id, ==, team.ocmw);
  {
    g_autoptr(GArray) staff = miriam_store_get_group_staff (store, group->row.id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (staff->len, ==, 1);
  }
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static void
test_group_async (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) sessions = new_sessions (4);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  MiriamGroup *group, *saved;
  GDate from = day (1, 9, 2026), to = day (30, 6, 2027);
  Team team;

  team_build (store, &team);
  group = new_group (team.ocmw, team.cohort, "Groep Ledeberg", "OCMW", "#4e9a06");
  miriam_store_save_group_async (store, group, &team.bea, 1, sessions, NULL, on_done, &waiter);
  g_main_loop_run (waiter.loop);
  saved = miriam_store_save_group_finish (store, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  g_assert_cmpint (saved->row.id, >, 0);
  g_assert_cmpint (saved->row.version, ==, 1);
  g_assert_cmpstr (saved->name, ==, "Groep Ledeberg");
  g_assert_cmpint (group->row.id, ==, 0);   /* the const group stays as it was */
  for (guint i = 0; i < sessions->len; i++)
    {
      MiriamSession *s = g_ptr_array_index (sessions, i);

      g_assert_cmpint (s->row.id, >, 0);
      g_assert_cmpint (s->group_id, ==, saved->row.id);
    }

  miriam_store_list_calendar_async (store, &from, &to, NULL, on_done, &waiter);
  g_main_loop_run (waiter.loop);
  entries = miriam_store_list_calendar_finish (store, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((MiriamCalendarEntry *) g_ptr_array_index (entries, 0))->colour, ==, "#4e9a06");

  /* Errors come back through the callback too. */
  take_text (&saved->name, "");
  miriam_store_save_group_async (store, saved, NULL, 0, NULL, NULL, on_done, &waiter);
  g_main_loop_run (waiter.loop);
  g_assert_null (miriam_store_save_group_finish (store, waiter.result, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_INVALID);
  g_clear_object (&waiter.result);

  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_record_free (MIRIAM_RECORD_GROUP, saved);
  g_main_loop_unref (waiter.loop);
}

/* ---------------------------------------------------------------------- */
/* Sessions                                                                 */

static void
test_session_move_cancel (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) anna = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) bea = NULL;
  g_autoptr(GError) error = NULL;
  MiriamSession *session, *stale, *stored, *extra;
  gint64 id, her;
  MiriamAttendance present = MIRIAM_ATTENDANCE_PRESENT;
  Team team;

  team_build (anna, &team);
  id = add_session (anna, team.group, day (22, 9, 2026), 570, 690, "");
  her = add_participant (anna, team.ocmw, "Sarah", "Claes");
  session = load_session (anna, id);
  stale = load_session (anna, id);

  /* Moved once: the first planned day is kept. */
  session->day = day (24, 9, 2026);
  g_assert_true (miriam_store_save_session (anna, session, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_day (&session->original_day, 22, 9, 2026);
  g_assert_cmpint (session->row.version, ==, 2);

  /* Moved again, by a caller that did not carry original_day: still the
   * first planned day. */
  g_date_clear (&session->original_day, 1);
  session->day = day (29, 9, 2026);
  g_assert_true (miriam_store_save_session (anna, session, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_day (&session->original_day, 22, 9, 2026);
  stored = load_session (anna, id);
  assert_day (&stored->day, 29, 9, 2026);
  assert_day (&stored->original_day, 22, 9, 2026);
  miriam_record_free (MIRIAM_RECORD_SESSION, stored);

  /* A stale copy (loaded before the moves) cannot overwrite them, nor
   * write its marks. */
  stale->cancelled = TRUE;
  g_assert_false (miriam_store_save_session (anna, stale, 1, &her, &present, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (stale->row.version, ==, 1);
  g_assert_cmpint (miriam_store_get_attendance (anna, id, her, NULL), ==, MIRIAM_ATTENDANCE_UNKNOWN);

  /* Cancelled, with its reason, seen by a colleague. */
  session->cancelled = TRUE;
  take_text (&session->cancel_reason, "Zaal niet beschikbaar");
  g_assert_true (miriam_store_save_session (anna, session, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  bea = open_store (fx->path, "Bea");
  stored = load_session (bea, id);
  g_assert_true (stored->cancelled);
  g_assert_cmpstr (stored->cancel_reason, ==, "Zaal niet beschikbaar");
  g_assert_cmpint (stored->row.version, ==, 4);
  g_assert_cmpstr (stored->row.updated_by, ==, "Anna");
  miriam_record_free (MIRIAM_RECORD_SESSION, stored);

  /* Moved back to where it was planned: not moved any more. */
  session->day = day (22, 9, 2026);
  g_assert_true (miriam_store_save_session (anna, session, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_date_valid (&session->original_day));

  /* An extra session (id 0) is inserted, with its marks. */
  extra = new_session (team.group, day (1, 10, 2026), 600, 660, "Stadhuis");
  g_assert_true (miriam_store_save_session (bea, extra, 1, &her, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpint (extra->row.id, >, 0);
  g_assert_cmpint (extra->row.version, ==, 1);
  g_assert_false (g_date_valid (&extra->original_day));
  g_assert_cmpint (miriam_store_get_attendance (anna, extra->row.id, her, NULL), ==,
                   MIRIAM_ATTENDANCE_PRESENT);

  miriam_record_free (MIRIAM_RECORD_SESSION, extra);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  miriam_record_free (MIRIAM_RECORD_SESSION, stale);
}

/* ---------------------------------------------------------------------- */
/* The calendar                                                             */

static MiriamCalendarEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

static void
assert_no_secret (const MiriamCalendarEntry *e)
{
  const char *texts[] = {
    e->group_name, e->colour, e->location, e->theme, e->partner, e->notes,
    e->cancel_reason, e->title, e->contact_kind, e->updated_at,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_nonnull (texts[i]);
      g_assert_null (strstr (texts[i], SECRET_NOTE));
    }
}

static void
test_calendar_list (Fixture       *fx,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  MiriamGroup *zuid;
  MiriamCalendarEntry *e;
  GDate from = day (5, 10, 2026), to = day (11, 10, 2026);
  gint64 s_noord, s_zuid, s_early, her, visit, call, ids[2];
  Team team;

  team_build (store, &team);
  ids[0] = team.anna;
  ids[1] = team.bea;
  zuid = new_group (team.ocmw, team.cohort, "Groep Zuid", "Huis van het Kind", "#75507b");
  g_assert_true (miriam_store_save_group (store, zuid, ids, 2, NULL, &error));
  g_assert_no_error (error);

  /* Outside the range: not listed. */
  add_session (store, team.group, day (4, 10, 2026), 570, 690, "");
  add_session (store, zuid->row.id, day (12, 10, 2026), 570, 690, "");
  /* In the range. */
  s_zuid = add_session (store, zuid->row.id, day (6, 10, 2026), 570, 690, "");
  s_noord = add_session (store, team.group, day (6, 10, 2026), 570, 690, "Stadhuis");
  s_early = add_session (store, zuid->row.id, day (11, 10, 2026), 480, 540, "");

  her = add_participant (store, team.ocmw, "Fatima", "El Idrissi");
  add_membership (store, her, team.group, day (15, 9, 2026), NULL);
  add_membership (store, her, zuid->row.id, day (1, 10, 2026), NULL);
  visit = add_contact (store, her, team.bea, day (6, 10, 2026), 14 * 60, 0);
  call = add_contact (store, her, 0, day (6, 10, 2026), 0, 10);
  add_contact (store, her, team.bea, day (13, 10, 2026), 600, 30);

  entries = miriam_store_list_calendar (store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  for (guint i = 0; i < entries->len; i++)
    assert_no_secret (entry_at (entries, i));

  /* 6/10: the call without a time first, then both groups at 9:30 by
   * name, then the visit at 14:00; 11/10: the early session. */
  e = entry_at (entries, 0);
  g_assert_cmpint (e->kind, ==, MIRIAM_ENTRY_APPOINTMENT);
  g_assert_cmpint (e->id, ==, call);
  g_assert_cmpint (e->start_minute, ==, -1);
  g_assert_cmpint (e->end_minute, ==, -1);
  g_assert_cmpuint (g_strv_length (e->staff), ==, 0);

  e = entry_at (entries, 1);
  g_assert_cmpint (e->kind, ==, MIRIAM_ENTRY_SESSION);
  g_assert_cmpint (e->id, ==, s_noord);
  g_assert_cmpstr (e->group_name, ==, "Groep Dampoort");
  g_assert_cmpstr (e->colour, ==, "#3465a4");
  g_assert_cmpstr (e->location, ==, "Stadhuis");
  g_assert_cmpstr (e->theme, ==, "housing");
  g_assert_cmpint (e->cohort_id, ==, team.cohort);
  g_assert_cmpint (e->participant_id, ==, 0);
  g_assert_cmpstr (e->title, ==, "");
  g_assert_cmpuint (g_strv_length (e->staff), ==, 1);
  g_assert_cmpstr (e->staff[0], ==, "Anna Peeters");
  g_assert_cmpint (e->staff_ids[0], ==, team.anna);
  g_assert_cmpuint (strlen (e->updated_at), >, 10);
  g_assert_cmpint (e->version, ==, 1);

  e = entry_at (entries, 2);
  g_assert_cmpint (e->id, ==, s_zuid);
  g_assert_cmpstr (e->group_name, ==, "Groep Zuid");
  g_assert_cmpstr (e->location, ==, "Huis van het Kind");   /* the group's */
  g_assert_cmpint (e->start_minute, ==, 570);
  g_assert_cmpint (e->end_minute, ==, 690);
  g_assert_cmpuint (g_strv_length (e->staff), ==, 2);
  /* By name: Anna Peeters, Bea Claes. */
  g_assert_cmpstr (e->staff[0], ==, "Anna Peeters");
  g_assert_cmpstr (e->staff[1], ==, "Bea Claes");
  g_assert_cmpint (e->staff_ids[1], ==, team.bea);

  e = entry_at (entries, 3);
  g_assert_cmpint (e->kind, ==, MIRIAM_ENTRY_APPOINTMENT);
  g_assert_cmpint (e->id, ==, visit);
  g_assert_cmpint (e->participant_id, ==, her);
  g_assert_cmpstr (e->title, ==, "Fatima El Idrissi");
  g_assert_cmpstr (e->contact_kind, ==, "home_visit");
  g_assert_cmpstr (e->notes, ==, "");
  g_assert_cmpint (e->start_minute, ==, 14 * 60);
  g_assert_cmpint (e->end_minute, ==, 15 * 60);    /* no duration: an hour */
  /* Her latest group. */
  g_assert_cmpint (e->group_id, ==, zuid->row.id);
  g_assert_cmpstr (e->group_name, ==, "Groep Zuid");
  g_assert_cmpstr (e->colour, ==, "#75507b");
  g_assert_cmpuint (g_strv_length (e->staff), ==, 1);
  g_assert_cmpstr (e->staff[0], ==, "Bea Claes");
  g_assert_cmpint (e->staff_ids[0], ==, team.bea);

  e = entry_at (entries, 4);
  g_assert_cmpint (e->id, ==, s_early);
  g_assert_cmpint (g_date_get_day (&e->day), ==, 11);

  miriam_record_free (MIRIAM_RECORD_GROUP, zuid);
}

/* Two groups in one room at the same time, and a casemanager of two
 * groups that overlap: the conflict finder (core) sees both in what the
 * store lists. */
static void
test_calendar_conflicts (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  MiriamGroup *zuid, *west;
  GDate from = day (1, 10, 2026), to = day (31, 10, 2026);
  gboolean room = FALSE, person = FALSE;
  Team team;

  team_build (store, &team);
  zuid = new_group (team.ocmw, team.cohort, "Groep Zuid", "Huis van het Kind", "#75507b");
  g_assert_true (miriam_store_save_group (store, zuid, &team.bea, 1, NULL, &error));
  west = new_group (team.ocmw, team.cohort, "Groep West", "Wijkhuis", "#c4a000");
  g_assert_true (miriam_store_save_group (store, west, &team.anna, 1, NULL, &error));
  g_assert_no_error (error);

  /* Dampoort (Anna) and Zuid (Bea) in the same room, on the 6th. */
  add_session (store, team.group, day (6, 10, 2026), 570, 690, "Huis van het Kind");
  add_session (store, zuid->row.id, day (6, 10, 2026), 600, 720, " huis van het kind ");
  /* Dampoort and West both Anna's, elsewhere, on the 8th. */
  add_session (store, team.group, day (8, 10, 2026), 570, 690, "");
  add_session (store, west->row.id, day (8, 10, 2026), 660, 750, "");
  /* No conflict: one after the other. */
  add_session (store, zuid->row.id, day (13, 10, 2026), 570, 690, "");
  add_session (store, team.group, day (13, 10, 2026), 690, 750, "Huis van het Kind");

  entries = miriam_store_list_calendar (store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);
  conflicts = miriam_calendar_find_conflicts (entries);
  g_assert_nonnull (conflicts);
  for (guint i = 0; i < conflicts->len; i++)
    {
      MiriamConflict *c = &g_array_index (conflicts, MiriamConflict, i);
      const MiriamCalendarEntry *a = entry_at (entries, c->a);
      const MiriamCalendarEntry *b = entry_at (entries, c->b);

      g_assert_cmpint (g_date_compare (&a->day, &b->day), ==, 0);
      if (c->kind == MIRIAM_CONFLICT_ROOM)
        {
          g_assert_cmpuint (g_date_get_day (&a->day), ==, 6);
          room = TRUE;
        }
      else
        {
          g_assert_cmpuint (g_date_get_day (&a->day), ==, 8);
          g_assert_cmpstr (c->what, ==, "Anna Peeters");
          person = TRUE;
        }
    }
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_true (room);
  g_assert_true (person);

  miriam_record_free (MIRIAM_RECORD_GROUP, zuid);
  miriam_record_free (MIRIAM_RECORD_GROUP, west);
}

/* A file from a newer MIRIAM: the calendar reads, a session does not save. */
static void
test_calendar_read_only (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) newer = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  MiriamSession *session;
  GDate from = day (1, 9, 2026), to = day (30, 9, 2026);
  gint64 session_id;
  Team team;

  team_build (store, &team);
  session_id = add_session (store, team.group, day (22, 9, 2026), 570, 690, "");
  miriam_store_close (store);
  sql_exec (fx->path, "PRAGMA user_version = 99");

  newer = open_store (fx->path, "Anna");
  g_assert_cmpint (miriam_store_get_access (newer), ==, MIRIAM_STORE_READ_ONLY_NEWER);
  entries = miriam_store_list_calendar (newer, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  id = miriam_store_get_database_id (newer, &error);
  g_assert_no_error (error);
  g_assert_true (is_hex_id (id));

  session = load_session (newer, session_id);
  session->cancelled = TRUE;
  g_assert_false (miriam_store_save_session (newer, session, 0, NULL, NULL, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_READ_ONLY);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
}

/* The OCMW's closed days: saved, listed per OCMW, removed; one per day. */
static void
test_closed_days (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  MiriamOcmwClosedDay *closed, *twice;
  Team team;

  team_build (store, &team);
  closed = miriam_record_new (MIRIAM_RECORD_CLOSED_DAY);
  closed->ocmw_id = team.ocmw;
  closed->day = day (2, 11, 2026);
  take_text (&closed->label, "Allerzielen");
  save_ok (store, MIRIAM_RECORD_CLOSED_DAY, closed);

  twice = miriam_record_copy (MIRIAM_RECORD_CLOSED_DAY, closed);
  twice->row.id = 0;
  g_assert_false (miriam_store_save (store, MIRIAM_RECORD_CLOSED_DAY, twice, &error));
  assert_user_error (error, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  days = miriam_store_list (store, MIRIAM_RECORD_CLOSED_DAY, "ocmw_id", team.ocmw, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (((MiriamOcmwClosedDay *) g_ptr_array_index (days, 0))->label, ==, "Allerzielen");
  g_clear_pointer (&days, g_ptr_array_unref);

  g_assert_true (miriam_store_delete (store, MIRIAM_RECORD_CLOSED_DAY, closed->row.id,
                                      closed->row.version, &error));
  g_assert_no_error (error);
  days = miriam_store_list (store, MIRIAM_RECORD_CLOSED_DAY, "ocmw_id", team.ocmw, &error);
  g_assert_cmpuint (days->len, ==, 0);

  miriam_record_free (MIRIAM_RECORD_CLOSED_DAY, closed);
  miriam_record_free (MIRIAM_RECORD_CLOSED_DAY, twice);
}

/* A team that starts with its group, before any participant file: the
 * group's OCMW is made with it, in the same transaction. */
static void
test_group_first_in_file (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  MiriamStore *store = open_store (fx->path, "Anneleen");
  g_autoptr(GPtrArray) ocmws = NULL;
  g_autoptr(GError) error = NULL;
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);

  take_text (&group->name, "Groep Noord");
  group->cohort_id = add_cohort (store);
  group->start_date = day (1, 9, 2026);
  group->end_date = day (30, 6, 2027);
  g_assert_true (miriam_store_save_group (store, group, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  ocmws = miriam_store_list (store, MIRIAM_RECORD_OCMW, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ocmws->len, ==, 1);
  g_assert_cmpint (group->ocmw_id, ==, ((MiriamOcmw *) ocmws->pdata[0])->row.id);

  /* The group editor asks for it before saving: the same one, not a second. */
  {
    MiriamOcmw *ocmw = miriam_store_ensure_ocmw_record (store, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ocmw->row.id, ==, group->ocmw_id);
    miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  }

  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_store_close (store);
  g_object_unref (store);
}

/* ---------------------------------------------------------------------- */
/* Consortium                                                               */

static MiriamOcmw *
new_partner (const char *name,
             const char *municipality)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);

  take_text (&ocmw->name, name);
  take_text (&ocmw->municipality, municipality);
  return ocmw;
}

/* Three small OCMWs form a consortium; its group says so; one OCMW
 * leaves again and keeps its row; a colleague's older copy cannot undo
 * any of it silently. */
static void
test_consortium (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Anna");
  g_autoptr(MiriamStore) colleague = NULL;
  g_autoptr(MiriamOcmwSetup) setup = NULL;
  g_autoptr(MiriamOcmwSetup) saved = NULL;
  g_autoptr(MiriamOcmwSetup) stale = NULL;
  g_autoptr(MiriamOcmwSetup) again = NULL;
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  MiriamGroup *group;
  gint64 leaving;
  Team team;

  team_build (store, &team);
  setup = miriam_store_load_ocmw_setup (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (setup->ocmw->row.id, ==, team.ocmw);
  g_assert_null (setup->consortium);
  g_assert_cmpuint (setup->partners->len, ==, 0);

  colleague = open_store (fx->path, "Bea");
  stale = miriam_store_load_ocmw_setup (colleague, &error);
  g_assert_no_error (error);

  take_text (&setup->ocmw->name, "OCMW Lochristi");
  setup->consortium = miriam_record_new (MIRIAM_RECORD_CONSORTIUM);
  take_text (&setup->consortium->name, "MIRIAM Meetjesland");
  g_ptr_array_add (setup->partners, new_partner ("OCMW Eeklo", "Eeklo"));
  g_ptr_array_add (setup->partners, new_partner ("CPAS Ronse", "Ronse"));
  saved = miriam_store_save_ocmw_setup (store, setup, NULL, &error);
  g_assert_no_error (error);

  /* The caller's setup is untouched; the file has all of it. */
  g_assert_cmpint (setup->consortium->row.id, ==, 0);
  g_assert_nonnull (saved->consortium);
  g_assert_cmpuint (saved->partners->len, ==, 2);
  g_assert_cmpstr (saved->ocmw->name, ==, "OCMW Lochristi");
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM ocmw WHERE consortium_id IS NOT NULL"), ==, 3);

  /* The colleague still has the OCMW as it was: her save changes nothing. */
  take_text (&stale->ocmw->municipality, "Gent");
  g_assert_null (miriam_store_save_ocmw_setup (colleague, stale, NULL, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM ocmw WHERE consortium_id IS NOT NULL"), ==, 3);

  /* A group of the consortium. */
  group = miriam_store_load (store, MIRIAM_RECORD_GROUP, team.group, &error);
  g_assert_no_error (error);
  group->consortium_id = saved->consortium->row.id;
  g_assert_true (miriam_store_save_group (store, group, &team.anna, 1, NULL, &error));
  g_assert_no_error (error);
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  group = miriam_store_load (colleague, MIRIAM_RECORD_GROUP, team.group, &error);
  g_assert_cmpint (group->consortium_id, ==, saved->consortium->row.id);
  miriam_record_free (MIRIAM_RECORD_GROUP, group);

  /* Ronse leaves: it stays in the file, outside the consortium. */
  leaving = ((MiriamOcmw *) saved->partners->pdata[1])->row.id;
  g_ptr_array_remove_index (saved->partners, 1);
  g_array_append_val (removed, leaving);
  again = miriam_store_save_ocmw_setup (store, saved, removed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->partners->len, ==, 1);
  g_assert_cmpstr (((MiriamOcmw *) again->partners->pdata[0])->name, ==, "OCMW Eeklo");
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM ocmw"), ==, 3);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM ocmw WHERE consortium_id IS NULL"), ==, 1);
}

/* ---------------------------------------------------------------------- */

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/store-calendar/schema/fresh", test_schema_fresh);
  add_test ("/store-calendar/schema/two-ids", test_schema_two_ids);
  add_test ("/store-calendar/schema/from-2", test_schema_from_2);
  add_test ("/store-calendar/schema/contact-time", test_schema_contact_time);
  add_test ("/store-calendar/attendance/fifteen", test_attendance_fifteen);
  add_test ("/store-calendar/attendance/members", test_attendance_members);
  add_test ("/store-calendar/attendance/participant", test_attendance_participant);
  add_test ("/store-calendar/group/thirty-sessions", test_group_thirty_sessions);
  add_test ("/store-calendar/group/invalid-staff", test_group_invalid_staff);
  add_test ("/store-calendar/group/async", test_group_async);
  add_test ("/store-calendar/group/first-in-file", test_group_first_in_file);
  add_test ("/store-calendar/session/move-cancel", test_session_move_cancel);
  add_test ("/store-calendar/list/order", test_calendar_list);
  add_test ("/store-calendar/list/read-only", test_calendar_read_only);
  add_test ("/store-calendar/list/conflicts", test_calendar_conflicts);
  add_test ("/store-calendar/closed-days", test_closed_days);
  add_test ("/store-calendar/consortium", test_consortium);

  return g_test_run ();
}
