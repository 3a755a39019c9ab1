/* test-faults.c: each user action failing at each of its file operations
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a network share any file operation may fail.  For each user action
 * that writes (save a participant file, mark a session's attendance,
 * generate a group's schedule, save a measurement) this test first counts
 * the action's file operations N with the test VFS shim
 * (tests/miriam-test-vfs.h), then, for k = 1..N, runs it again on a fresh
 * copy of the same database with the k-th operation failing, and checks
 * what the user would see:
 *
 *  - the action reports an error in the store's own words (never SQLite's
 *    "disk I/O error"), or it succeeds when SQLite could shrug the failure
 *    off (an unlock or a close);
 *  - the file is sound (PRAGMA integrity_check on a fresh connection) and
 *    holds either everything the action saves or nothing of it, never
 *    half, and never everything after reporting a failure (a retry would
 *    then save it twice);
 *  - what the user entered (the caller's records) is unchanged;
 *  - doing it again, with the share well again, saves it.
 *
 * Then the same actions under a storm of SQLITE_BUSY shorter than the
 * store's patience (no error at all), on a full disk and on a share that
 * vanished (a clear error; nothing lost; saved once the share is back).
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>

#include "core/miriam-schedule.h"
#include "store/miriam-demo.h"
#include "store/miriam-store.h"

#include "miriam-test-vfs.h"

/* The demo's "today": decides the current cohort and past sessions. */
#define TODAY_D 10
#define TODAY_M G_DATE_MARCH
#define TODAY_Y 2026

static char *work_dir;
static char *template_path;   /* the small demo OCMW, never changed */
static char *round_path;      /* a fresh copy of it for each run */
static char *before_print;    /* the template's contents */

/* SQLite's own texts: the store must say it in the user's words. */
static const char * const sqlite_texts[] = {
  "disk I/O error", "database is locked", "unable to open database file",
  "database or disk is full", "SQL logic error", "database disk image is malformed",
  "not an error", "SQLITE", "sqlite", "constraint failed", "no such table",
  "not implemented",
};

static GDate
today (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, TODAY_D, TODAY_M, TODAY_Y);
  return date;
}

static void
take_text (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Records a failure and goes on, so that one run lists every problem. */
static void fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", text);
  g_test_fail_printf ("%s", text);
}

/* ---------------------------------------------------------------------- */
/* The file's contents, seen from a fresh connection                        */

/* Checks the file is sound and returns its contents as one line per table
 * ("name rows hash"), save for the updated_at columns (each run saves at
 * its own second).  A hot journal left by a failed commit is rolled back
 * by this connection first, as a colleague's would. */
static char *
file_print (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *print = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
      guint n_rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);

              if (g_str_equal (sqlite3_column_name (stmt, c), "updated_at"))
                continue;
              g_checksum_update (sum, (const guchar *) (value != NULL ? value : "\x01NULL"), -1);
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
          n_rows++;
        }
      sqlite3_finalize (stmt);
      g_string_append_printf (print, "%s %u %.12s\n", table, n_rows, g_checksum_get_string (sum));
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (print, FALSE);
}

/* The tables whose lines differ, for a message. */
static char *
print_diff (const char *a,
            const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GString *diff = g_string_new (NULL);

  for (guint i = 0; la[i] != NULL && lb[i] != NULL; i++)
    if (!g_str_equal (la[i], lb[i]))
      g_string_append_printf (diff, "[%s -> %s] ", la[i], lb[i]);
  return g_string_free (diff, FALSE);
}

/* ---------------------------------------------------------------------- */
/* What a user enters, and whether it is still as she entered it            */

typedef struct {
  MiriamParticipantFile *file;          /* save a participant file */
  MiriamSession         *session;       /* mark attendance */
  GArray                *ids;           /* gint64 */
  GArray                *marks;         /* MiriamAttendance */
  MiriamGroup           *group;         /* generate a schedule */
  gint64                 staff_id;
  GPtrArray             *sessions;      /* the proposed sessions */
  MiriamMeasurement     *measurement;   /* save a measurement */
  GHashTable            *scores;        /* code -> GINT_TO_POINTER (1..5) */
} Input;

static GPtrArray *
copy_records (MiriamRecordKind  kind,
              GPtrArray        *records)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (miriam_record_free_func (kind));

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, miriam_record_copy (kind, g_ptr_array_index (records, i)));
  return copy;
}

static GHashTable *
copy_scores (GHashTable *scores)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

static Input *
input_copy (const Input *in)
{
  Input *out = g_new0 (Input, 1);

  if (in->file != NULL)
    out->file = miriam_participant_file_copy (in->file);
  if (in->session != NULL)
    out->session = miriam_record_copy (MIRIAM_RECORD_SESSION, in->session);
  if (in->ids != NULL)
    out->ids = g_array_copy (in->ids);
  if (in->marks != NULL)
    out->marks = g_array_copy (in->marks);
  if (in->group != NULL)
    out->group = miriam_record_copy (MIRIAM_RECORD_GROUP, in->group);
  out->staff_id = in->staff_id;
  if (in->sessions != NULL)
    out->sessions = copy_records (MIRIAM_RECORD_SESSION, in->sessions);
  if (in->measurement != NULL)
    out->measurement = miriam_record_copy (MIRIAM_RECORD_MEASUREMENT, in->measurement);
  if (in->scores != NULL)
    out->scores = copy_scores (in->scores);
  return out;
}

static void
input_free (Input *in)
{
  if (in == NULL)
    return;
  g_clear_pointer (&in->file, miriam_participant_file_free);
  if (in->session != NULL)
    miriam_record_free (MIRIAM_RECORD_SESSION, in->session);
  g_clear_pointer (&in->ids, g_array_unref);
  g_clear_pointer (&in->marks, g_array_unref);
  if (in->group != NULL)
    miriam_record_free (MIRIAM_RECORD_GROUP, in->group);
  g_clear_pointer (&in->sessions, g_ptr_array_unref);
  if (in->measurement != NULL)
    miriam_record_free (MIRIAM_RECORD_MEASUREMENT, in->measurement);
  g_clear_pointer (&in->scores, g_hash_table_unref);
  g_free (in);
}

static gboolean
record_equal (MiriamRecordKind kind,
              gconstpointer    a,
              gconstpointer    b)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  const MiriamRow *ra = a;
  const MiriamRow *rb = b;

  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (a == NULL)
    return TRUE;
  if (ra->id != rb->id || ra->version != rb->version
      || g_strcmp0 (ra->updated_at, rb->updated_at) != 0
      || g_strcmp0 (ra->updated_by, rb->updated_by) != 0)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    if (!miriam_record_field_equal (&info->fields[i], a, b))
      return FALSE;
  return TRUE;
}

static gboolean
records_equal (MiriamRecordKind  kind,
               GPtrArray        *a,
               GPtrArray        *b)
{
  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (a == NULL)
    return TRUE;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!record_equal (kind, g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (a == NULL)
    return TRUE;
  if (a->len != b->len || g_array_get_element_size (a) != g_array_get_element_size (b))
    return FALSE;
  return a->len == 0 || memcmp (a->data, b->data, a->len * g_array_get_element_size (a)) == 0;
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (g_date_valid (a) != g_date_valid (b))
    return FALSE;
  return !g_date_valid (a) || g_date_compare (a, b) == 0;
}

static gboolean
files_equal (const MiriamParticipantFile *a,
             const MiriamParticipantFile *b)
{
  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (a == NULL)
    return TRUE;
  return record_equal (MIRIAM_RECORD_PARTICIPANT, a->participant, b->participant)
         && records_equal (MIRIAM_RECORD_CHILD, a->children, b->children)
         && records_equal (MIRIAM_RECORD_STATUS_STEP, a->status_steps, b->status_steps)
         && records_equal (MIRIAM_RECORD_MEMBERSHIP, a->memberships, b->memberships)
         && records_equal (MIRIAM_RECORD_GOAL, a->goals, b->goals)
         && records_equal (MIRIAM_RECORD_CONTACT, a->contacts, b->contacts)
         && records_equal (MIRIAM_RECORD_REFERRAL, a->referrals, b->referrals)
         && arrays_equal (a->removed_children, b->removed_children)
         && arrays_equal (a->removed_goals, b->removed_goals)
         && dates_equal (&a->status_day, &b->status_day);
}

static gboolean
scores_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (a == NULL)
    return TRUE;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other) || other != value)
        return FALSE;
    }
  return TRUE;
}

static gboolean
input_equal (const Input *a,
             const Input *b)
{
  return files_equal (a->file, b->file)
         && record_equal (MIRIAM_RECORD_SESSION, a->session, b->session)
         && arrays_equal (a->ids, b->ids)
         && arrays_equal (a->marks, b->marks)
         && record_equal (MIRIAM_RECORD_GROUP, a->group, b->group)
         && a->staff_id == b->staff_id
         && records_equal (MIRIAM_RECORD_SESSION, a->sessions, b->sessions)
         && record_equal (MIRIAM_RECORD_MEASUREMENT, a->measurement, b->measurement)
         && scores_equal (a->scores, b->scores);
}

/* ---------------------------------------------------------------------- */
/* The user actions                                                         */

/* The first woman of the list who is in a group. */
static gint64
pick_participant (MiriamStore *store,
                  gint64      *group_id)
{
  g_autoptr(GError) error = NULL;
  GDate day = today ();
  g_autoptr(GPtrArray) rows = miriam_store_list_participant_rows (store, &day, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);

      if (row->group_id != 0)
        {
          if (group_id != NULL)
            *group_id = row->group_id;
          return row->id;
        }
    }
  g_assert_not_reached ();
}

static gint64
pick_casemanager (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = miriam_store_list (store, MIRIAM_RECORD_STAFF, NULL, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    {
      MiriamStaff *member = g_ptr_array_index (staff, i);

      if (g_str_equal (member->role, "casemanager"))
        return member->row.id;
    }
  g_assert_not_reached ();
}

/* Her file with what a casemanager changes in one sitting: a phone number,
 * a note, her status (which records a step on her path), a new child and
 * a new goal. */
static Input *
prepare_file (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  Input *in = g_new0 (Input, 1);
  MiriamParticipant *p;
  MiriamChild *child;
  MiriamGoal *goal;

  in->file = miriam_store_load_participant_file (store, pick_participant (store, NULL), &error);
  g_assert_no_error (error);
  p = in->file->participant;
  take_text (&p->phone, "0470 12 34 56");
  take_text (&p->notes, "Talked about the new flat.");
  take_text (&p->status, g_str_equal (p->status, "stopped") ? "active" : "stopped");
  in->file->status_day = today ();

  child = miriam_record_new (MIRIAM_RECORD_CHILD);
  take_text (&child->first_name, "Noor");
  child->birth_year = 2021;
  g_ptr_array_add (in->file->children, child);

  goal = miriam_record_new (MIRIAM_RECORD_GOAL);
  take_text (&goal->domain, "housing");
  take_text (&goal->description, "Find a flat with two bedrooms");
  take_text (&goal->status, "open");
  goal->start_date = today ();
  g_ptr_array_add (in->file->goals, goal);
  return in;
}

static gboolean
run_file (MiriamStore  *store,
          Input        *in,
          GError      **error)
{
  MiriamParticipantFile *saved = miriam_store_save_participant_file (store, in->file, "Moved away",
                                                                     error);
  gboolean ok = saved != NULL;

  g_clear_pointer (&saved, miriam_participant_file_free);
  return ok;
}

/* The past session with the most women, every mark turned over. */
static Input *
prepare_attendance (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = miriam_store_list (store, MIRIAM_RECORD_SESSION, NULL, 0, &error);
  g_autoptr(GPtrArray) rows = NULL;
  GDate day = today ();
  Input *in = g_new0 (Input, 1);
  MiriamSession *best = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      MiriamSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) these = NULL;

      if (session->cancelled || g_date_compare (&session->day, &day) > 0)
        continue;
      these = miriam_store_list_session_attendance (store, session->row.id, &error);
      g_assert_no_error (error);
      if (rows == NULL || these->len > rows->len)
        {
          g_clear_pointer (&rows, g_ptr_array_unref);
          rows = g_steal_pointer (&these);
          best = session;
        }
    }
  g_assert_nonnull (best);
  g_assert_cmpuint (rows->len, >=, 10);

  in->session = miriam_record_copy (MIRIAM_RECORD_SESSION, best);
  in->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  in->marks = g_array_new (FALSE, FALSE, sizeof (MiriamAttendance));
  for (guint i = 0; i < rows->len; i++)
    {
      MiriamAttendanceRow *row = g_ptr_array_index (rows, i);
      MiriamAttendance mark = row->mark == MIRIAM_ATTENDANCE_PRESENT
                              ? MIRIAM_ATTENDANCE_ABSENT : MIRIAM_ATTENDANCE_PRESENT;

      g_array_append_val (in->ids, row->participant_id);
      g_array_append_val (in->marks, mark);
    }
  return in;
}

static gboolean
run_attendance (MiriamStore  *store,
                Input        *in,
                GError      **error)
{
  return miriam_store_save_session (store, in->session, in->ids->len,
                                    (const gint64 *) in->ids->data,
                                    (const MiriamAttendance *) in->marks->data, error);
}

/* A new group of the current cohort with its proposed schedule: weekly on
 * Tuesdays for four months, holidays left out. */
static Input *
prepare_schedule (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = miriam_store_list (store, MIRIAM_RECORD_COHORT, NULL, 0, &error);
  g_autoptr(GArray) dates = NULL;
  MiriamScheduleRule rule = { 0 };
  MiriamCohort *cohort = NULL;
  Input *in = g_new0 (Input, 1);
  MiriamGroup *group;

  g_assert_no_error (error);
  for (guint i = 0; i < cohorts->len; i++)
    {
      MiriamCohort *c = g_ptr_array_index (cohorts, i);

      if (cohort == NULL || g_date_compare (&c->start_date, &cohort->start_date) > 0)
        cohort = c;
    }
  g_assert_nonnull (cohort);

  group = in->group = miriam_record_new (MIRIAM_RECORD_GROUP);
  group->cohort_id = cohort->row.id;
  take_text (&group->name, "Dinsdaggroep");
  take_text (&group->location, "Zaal De Linde");
  take_text (&group->community, "vl");
  take_text (&group->rhythm, "weekly");
  group->weekday = 2;
  group->start_minute = 9 * 60 + 30;
  group->end_minute = 12 * 60;
  group->start_date = today ();
  g_date_add_days (&group->start_date, 7);
  group->end_date = group->start_date;
  g_date_add_months (&group->end_date, 4);
  take_text (&group->colour, "#3465a4");
  in->staff_id = pick_casemanager (store);

  rule.rhythm = group->rhythm;
  rule.weekday = group->weekday;
  rule.first = group->start_date;
  rule.last = group->end_date;
  rule.community = group->community;
  dates = miriam_schedule_generate (&rule);

  in->sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));
  for (guint i = 0; i < dates->len; i++)
    {
      MiriamScheduleDate *date = &g_array_index (dates, MiriamScheduleDate, i);
      MiriamSession *session;

      if (date->outcome != MIRIAM_SCHEDULE_KEPT)
        continue;
      session = miriam_record_new (MIRIAM_RECORD_SESSION);
      session->day = date->day;
      session->start_minute = group->start_minute;
      session->end_minute = group->end_minute;
      take_text (&session->location, group->location);
      g_ptr_array_add (in->sessions, session);
    }
  g_assert_cmpuint (in->sessions->len, >=, 10);
  return in;
}

static gboolean
run_schedule (MiriamStore  *store,
              Input        *in,
              GError      **error)
{
  return miriam_store_save_group (store, in->group, &in->staff_id, 1, in->sessions, error);
}

/* An intermediate measurement of her on six life domains. */
static Input *
prepare_measurement (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) domains = miriam_store_list_life_domains (store, &error);
  Input *in = g_new0 (Input, 1);
  MiriamMeasurement *m;
  gint64 group_id = 0;

  g_assert_no_error (error);
  m = in->measurement = miriam_record_new (MIRIAM_RECORD_MEASUREMENT);
  m->participant_id = pick_participant (store, &group_id);
  m->group_id = group_id;
  take_text (&m->kind, "intermediate");
  m->day = today ();
  m->scored_by = pick_casemanager (store);
  take_text (&m->note, "Scored together at the home visit");

  in->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; domains[i] != NULL && i < 6; i++)
    g_hash_table_insert (in->scores, g_strdup (domains[i]), GINT_TO_POINTER (1 + i % 5));
  g_assert_cmpuint (g_hash_table_size (in->scores), ==, 6);
  return in;
}

static gboolean
run_measurement (MiriamStore  *store,
                 Input        *in,
                 GError      **error)
{
  return miriam_store_save_measurement (store, in->measurement, in->scores, error);
}

typedef struct {
  const char *name;
  Input    *(*prepare) (MiriamStore *store);
  gboolean  (*run)     (MiriamStore *store, Input *in, GError **error);
} Action;

static const Action actions[] = {
  { "save-participant-file", prepare_file, run_file },
  { "mark-attendance", prepare_attendance, run_attendance },
  { "generate-schedule", prepare_schedule, run_schedule },
  { "save-measurement", prepare_measurement, run_measurement },
};

/* ---------------------------------------------------------------------- */
/* One run of an action on a fresh copy of the file                        */

typedef struct {
  MiriamStore *store;
  Input       *input;
} Round;

static void
remove_round_files (void)
{
  g_autofree char *journal = g_strconcat (round_path, "-journal", NULL);

  g_remove (round_path);
  g_remove (journal);
}

static void
round_begin (const Action *action,
             Round        *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (template_path);
  g_autoptr(GFile) to = g_file_new_for_path (round_path);

  miriam_test_vfs_reset ();
  remove_round_files ();
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  round->store = miriam_store_new (round_path);
  miriam_store_set_user_name (round->store, "Tester");
  miriam_store_open (round->store, MIRIAM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  round->input = action->prepare (round->store);
}

static void
round_end (Round *round)
{
  miriam_test_vfs_reset ();
  miriam_store_close (round->store);
  g_clear_object (&round->store);
  g_clear_pointer (&round->input, input_free);
  remove_round_files ();
}

/* What the action does on a well share: its file operations, and the
 * file's contents after it.  NULL when the action does not work yet. */
typedef struct {
  guint64  n_ops;
  char    *after_print;
} CleanRun;

static gboolean
clean_run (const Action *action,
           CleanRun     *clean)
{
  g_autoptr(GError) error = NULL;
  MiriamTestVfsCounters c;
  Round round = { 0 };
  gboolean ok;

  round_begin (action, &round);
  miriam_test_vfs_reset ();
  ok = action->run (round.store, round.input, &error);
  miriam_test_vfs_get_counters (&c);

  /* Another part of the store may still be a placeholder. */
  if (!ok && g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN)
      && miriam_store_is_open (round.store))
    {
      g_test_skip_printf ("%s does not work yet: %s", action->name, error->message);
      round_end (&round);
      return FALSE;
    }
  g_assert_no_error (error);
  g_assert_true (ok);

  clean->n_ops = c.total;
  clean->after_print = file_print (round_path);
  g_test_message ("%s: %" G_GUINT64_FORMAT " file operations (%s), %" G_GUINT64_FORMAT
                  " transaction(s), %" G_GUINT64_FORMAT " writing",
                  action->name, c.total, miriam_test_vfs_describe_ops (&c), c.transactions,
                  c.write_transactions);
  /* One user action, one transaction: all of it or nothing. */
  g_assert_cmpuint (c.write_transactions, ==, 1);
  g_assert_cmpstr (clean->after_print, !=, before_print);
  round_end (&round);
  return TRUE;
}

/* An error a casemanager can act on: the store's own words. */
static void
check_error (const GError *error,
             const char   *where)
{
  if (error == NULL)
    {
      fail ("%s: failed without an error", where);
      return;
    }
  if (error->domain != MIRIAM_STORE_ERROR)
    fail ("%s: error of another domain: %s", where, error->message);
  if (error->message == NULL || strlen (error->message) < 20)
    fail ("%s: no clear message: \"%s\"", where, error->message);
  if (error->code == MIRIAM_STORE_ERROR_NOT_OPEN)
    fail ("%s: \"%s\" after a failure of the share", where, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_texts); i++)
    if (error->message != NULL && strstr (error->message, sqlite_texts[i]) != NULL)
      fail ("%s: SQLite's own words: \"%s\"", where, error->message);
}

/* The connection goes on working: the window's next read succeeds. */
static void
check_usable (Round      *round,
              const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStoreSummary) summary = miriam_store_get_summary (round->store, &error);

  if (summary == NULL)
    fail ("%s: the store cannot read any more: %s", where, error->message);
}

/* After a failure: nothing of it is in the file, the input is as it was,
 * and doing it again on a well share saves it all. */
static void
check_failed_round (const Action   *action,
                    Round          *round,
                    const Input    *entered,
                    const CleanRun *clean,
                    const char     *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *print = file_print (round_path);

  if (!input_equal (entered, round->input))
    fail ("%s: what the user entered was changed by the failed save", where);

  if (g_str_equal (print, clean->after_print))
    {
      fail ("%s: reported failed, yet everything was saved (a retry saves it twice "
            "or conflicts with itself)", where);
      return;
    }
  else if (!g_str_equal (print, before_print))
    {
      g_autofree char *diff = print_diff (before_print, print);
      fail ("%s: half saved: %s", where, diff);
      return;
    }

  if (!action->run (round->store, round->input, &error))
    {
      fail ("%s: the retry on a well share failed: %s", where, error->message);
      return;
    }
  g_free (print);
  print = file_print (round_path);
  if (!g_str_equal (print, clean->after_print))
    {
      g_autofree char *diff = print_diff (clean->after_print, print);
      fail ("%s: the retry saved something else: %s", where, diff);
    }
  check_usable (round, where);
}

/* ---------------------------------------------------------------------- */
/* The tests                                                                */

static void
test_each_op (gconstpointer data)
{
  const Action *action = data;
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CleanRun clean = { 0 };
  guint n_failed = 0, n_shrugged = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!clean_run (action, &clean))
    return;

  for (guint k = 1; k <= clean.n_ops; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *where = NULL;
      MiriamTestVfsCounters c;
      Round round = { 0 };
      Input *entered;
      gboolean ok;

      round_begin (action, &round);
      entered = input_copy (round.input);

      miriam_test_vfs_reset ();
      miriam_test_vfs_fail_at (k, MIRIAM_TEST_VFS_ANY);
      ok = action->run (round.store, round.input, &error);
      miriam_test_vfs_get_counters (&c);
      miriam_test_vfs_clear_faults ();

      where = g_strdup_printf ("%s, %s on the %s fails (operation %u of %" G_GUINT64_FORMAT ")",
                               action->name, miriam_test_vfs_op_name (c.fault_op),
                               miriam_test_vfs_file_name (c.fault_file), k, clean.n_ops);
      /* The same work up to operation k as in the clean run. */
      g_assert_cmpuint (c.faults, ==, 1);

      if (ok)
        {
          g_autofree char *print = file_print (round_path);

          n_shrugged++;
          g_test_message ("%s: saved all the same", where);
          if (!g_str_equal (print, clean.after_print))
            {
              g_autofree char *diff = print_diff (clean.after_print, print);
              fail ("%s: reported saved, but the file differs: %s", where, diff);
            }
          check_usable (&round, where);
        }
      else
        {
          guint n;

          n_failed++;
          check_error (error, where);
          if (error != NULL)
            {
              g_autofree char *text = g_strdup_printf ("%d: %s", error->code, error->message);

              n = GPOINTER_TO_UINT (g_hash_table_lookup (messages, text));
              g_hash_table_replace (messages, g_steal_pointer (&text), GUINT_TO_POINTER (n + 1));
            }
          check_failed_round (action, &round, entered, &clean, where);
        }

      input_free (entered);
      round_end (&round);
    }

  g_test_message ("%s: %u of %" G_GUINT64_FORMAT " failures reported, %u shrugged off",
                  action->name, n_failed, clean.n_ops, n_shrugged);
  g_hash_table_iter_init (&iter, messages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_test_message ("  %ux error %s", GPOINTER_TO_UINT (value), (const char *) key);
  g_free (clean.after_print);
}

/* Colleagues saving at the same moment: lock after lock answers BUSY for
 * a while, well within the store's patience.  The user sees nothing. */
static void
test_busy_storm (gconstpointer data)
{
  const Action *action = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *print = NULL;
  MiriamTestVfsCounters c;
  CleanRun clean = { 0 };
  Round round = { 0 };

  if (!clean_run (action, &clean))
    return;

  round_begin (action, &round);
  miriam_test_vfs_reset ();
  miriam_test_vfs_busy_storm (6);
  g_assert_true (action->run (round.store, round.input, &error));
  g_assert_no_error (error);
  miriam_test_vfs_get_counters (&c);
  g_assert_cmpuint (c.busy, ==, 6);

  print = file_print (round_path);
  g_assert_cmpstr (print, ==, clean.after_print);
  round_end (&round);
  g_free (clean.after_print);
}

/* The message a vanished share gives, to tell a full disk from it. */
static char *vanished_message;

/* The share drops just before the save: a clear error that says the file
 * cannot be reached (so the window keeps the form and shows the banner),
 * nothing half saved, and once the share is back the same save works. */
static void
test_vanished (gconstpointer data)
{
  const Action *action = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("%s, share vanished", action->name);
  CleanRun clean = { 0 };
  Round round = { 0 };
  Input *entered;

  if (!clean_run (action, &clean))
    return;

  round_begin (action, &round);
  entered = input_copy (round.input);
  miriam_test_vfs_reset ();
  miriam_test_vfs_set_vanished (TRUE);
  g_assert_false (action->run (round.store, round.input, &error));
  miriam_test_vfs_set_vanished (FALSE);

  check_error (error, where);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", where, error->message);
  if (!miriam_store_error_is_unreachable (error))
    fail ("%s: the error does not say the file cannot be reached: %s",
                        where, error->message);
  if (vanished_message == NULL)
    vanished_message = g_strdup (error->message);

  check_failed_round (action, &round, entered, &clean, where);

  input_free (entered);
  round_end (&round);
  g_free (clean.after_print);
}

/* The disk of the share is full: a message that says so (not the one for
 * a share that is gone: the user must free space, not check the cable),
 * nothing half saved, and saved once there is space again. */
static void
test_disk_full (gconstpointer data)
{
  const Action *action = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("%s, disk full", action->name);
  CleanRun clean = { 0 };
  Round round = { 0 };
  Input *entered;

  if (!clean_run (action, &clean))
    return;

  round_begin (action, &round);
  entered = input_copy (round.input);
  miriam_test_vfs_reset ();
  miriam_test_vfs_set_disk_full (TRUE);
  g_assert_false (action->run (round.store, round.input, &error));
  miriam_test_vfs_set_disk_full (FALSE);

  check_error (error, where);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", where, error->message);
  g_assert_nonnull (vanished_message);
  if (g_str_equal (error->message, vanished_message))
    fail ("%s: the same message as for a share that is gone: %s",
                        where, error->message);

  check_failed_round (action, &round, entered, &clean, where);

  input_free (entered);
  round_end (&round);
  g_free (clean.after_print);
}

/* ---------------------------------------------------------------------- */

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = NULL;
  MiriamDemoOptions options;
  GDate day = today ();

  store = miriam_store_new (template_path);
  miriam_store_set_user_name (store, "Demo");
  miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  miriam_demo_options_init_small (&options, &day);
  miriam_demo_generate (store, &options, &error);
  g_assert_no_error (error);
  miriam_store_close (store);

  before_print = file_print (template_path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  miriam_test_vfs_install ();

  work_dir = g_dir_make_tmp ("miriam-faults-XXXXXX", &error);
  g_assert_no_error (error);
  template_path = g_build_filename (work_dir, "template.miriam", NULL);
  round_path = g_build_filename (work_dir, "team.miriam", NULL);
  make_template ();

  /* The vanished share first: the full disk compares its message. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/%s/vanished", actions[i].name);
      g_test_add_data_func (path, &actions[i], test_vanished);
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *full = g_strdup_printf ("/faults/%s/disk-full", actions[i].name);
      g_autofree char *busy = g_strdup_printf ("/faults/%s/busy-storm", actions[i].name);
      g_autofree char *each = g_strdup_printf ("/faults/%s/each-operation", actions[i].name);

      g_test_add_data_func (full, &actions[i], test_disk_full);
      g_test_add_data_func (busy, &actions[i], test_busy_storm);
      g_test_add_data_func (each, &actions[i], test_each_op);
    }

  status = g_test_run ();

  remove_tree (work_dir);
  g_free (work_dir);
  g_free (template_path);
  g_free (round_path);
  g_free (before_print);
  g_free (vanished_message);
  return status;
}
