/* bench-share.c: what each user action costs on a network share
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-share [--database PATH | --keep PATH] [--today YYYY-MM-DD]
 *               [--latency MS,MS...] [--dir DIR]
 *
 * On the big demonstration OCMW (10 cohorts x 6 groups x 15 women, made by
 * src/store/miriam-demo.c, or read from --database), with the test VFS
 * shim (tests/miriam-test-vfs.h) adding a latency to each file operation
 * (0 and 2 ms by default: a local disk, and an office share), it prints
 * for each user action the file operations by kind, the transactions, the
 * simulated time (operations x latency) and the wall time:
 *
 *   start to first view   open the file, its summary and the participant list
 *   open a participant file (and the same again, the file unchanged)
 *   save a participant file (her phone number changed)
 *   month view of the team calendar (and the same again)
 *   mark a session's attendance (15 marks, with the editor's session save)
 *   change check when nothing changed (and after our own save, and after
 *   a colleague's)
 *
 * and, beside them, SQLite's own floor for the same kind of work on a bare
 * connection through the same shim (journal_mode=DELETE and
 * synchronous=FULL, as the store sets them): a read of an unchanged file,
 * a data_version check, a one-row write and a 15-row write.  Then it says
 * which targets of issue 6 are met.  Every run works on a fresh copy of
 * the database, so each latency sees the same work.  Prints figures for
 * developers (so in English, untranslated).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/miriam-demo.h"
#include "store/miriam-store.h"

#include "miriam-test-vfs.h"

#define N_MARKS 15
/* The targets of issue 6. */
#define TARGET_FLOOR_FACTOR 1.5
#define TARGET_CHECK_OPS 2
#define TARGET_START_MS 1000.0
#define TARGET_START_LATENCY_US 2000

static char *database_path;
static char *keep_path;
static char *today_text;
static char *latency_text;
static char *work_dir_option;

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path,
    "Measure on copies of this big demo database instead of generating one", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path,
    "Generate the data set into PATH and keep it", "PATH" },
  { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
    "Day that decides the current cohort and the month shown (default: today)", "YYYY-MM-DD" },
  { "latency", 0, 0, G_OPTION_ARG_STRING, &latency_text,
    "Latencies per file operation in milliseconds (default: 0,2)", "MS,MS..." },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &work_dir_option,
    "Folder for the working copies, e.g. on a share (default: a temporary folder)", "DIR" },
  { NULL }
};

/* What the actions work on, chosen once on the generated file. */
typedef struct {
  GDate   today;
  GDate   month_first;
  GDate   month_last;
  gint64  participant_id;   /* the first woman of the list who is in a group */
  gint64  session_id;       /* a past session with at least N_MARKS women */
  GArray *ids;              /* gint64: N_MARKS of them */
  GArray *marks;            /* MiriamAttendance: each turned over */
} Plan;

typedef enum {
  F_START,
  F_START_OPEN,
  F_START_SUMMARY,
  F_START_ROWS,
  F_OPEN_FILE,
  F_OPEN_FILE_AGAIN,
  F_SAVE_FILE,
  F_MONTH,
  F_MONTH_AGAIN,
  F_MARK,
  F_CHECK_OWN,
  F_CHECK,
  F_CHECK_COLLEAGUE,
  F_FLOOR_READ,
  F_FLOOR_DATA_VERSION,
  F_FLOOR_ONE_ROW,
  F_FLOOR_15_ROWS,
  N_FIGURES
} FigureId;

static const char * const figure_names[N_FIGURES] = {
  "start to first view",
  "  open the file",
  "  its summary",
  "  the participant list",
  "open a participant file",
  "  the same again (unchanged file)",
  "save a participant file",
  "month view of the team calendar",
  "  the same again (unchanged file)",
  "mark a session's attendance (15)",
  "change check after our own save",
  "change check, nothing changed",
  "change check after a colleague's save",
  "read of an unchanged file",
  "data_version check",
  "one-row write",
  "15-row write",
};

/* The same, for the targets' lines. */
static const char *
figure_title (FigureId id)
{
  switch (id)
    {
    case F_OPEN_FILE_AGAIN: return "open a participant file again";
    case F_MONTH_AGAIN:     return "month view again";
    case F_START:
    case F_START_OPEN:
    case F_START_SUMMARY:
    case F_START_ROWS:
    case F_OPEN_FILE:
    case F_SAVE_FILE:
    case F_MONTH:
    case F_MARK:
    case F_CHECK_OWN:
    case F_CHECK:
    case F_CHECK_COLLEAGUE:
    case F_FLOOR_READ:
    case F_FLOOR_DATA_VERSION:
    case F_FLOOR_ONE_ROW:
    case F_FLOOR_15_ROWS:
    case N_FIGURES:
    default:                return figure_names[id];
    }
}

typedef struct {
  MiriamTestVfsCounters c;
  double                wall_ms;
  gboolean              done;
} Figure;

typedef struct {
  MiriamTestVfsCounters before;
  gint64                start;
} Measure;

static void
measure_begin (Measure *m)
{
  miriam_test_vfs_get_counters (&m->before);
  m->start = g_get_monotonic_time ();
}

static void
measure_end (Measure *m,
             Figure  *figure)
{
  MiriamTestVfsCounters after;

  figure->wall_ms = (g_get_monotonic_time () - m->start) / 1000.0;
  miriam_test_vfs_get_counters (&after);
  miriam_test_vfs_counters_diff (&after, &m->before, &figure->c);
  figure->done = TRUE;
}

static gboolean
parse_today (GDate *today)
{
  guint y, m, d;

  g_date_clear (today, 1);
  if (today_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      return TRUE;
    }
  if (sscanf (today_text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (today, d, m, y);
  return TRUE;
}

static GArray *
parse_latencies (void)
{
  g_auto(GStrv) parts = g_strsplit (latency_text != NULL ? latency_text : "0,2", ",", -1);
  GArray *latencies = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      double ms = g_ascii_strtod (parts[i], NULL);
      guint us = (guint) (ms * 1000.0 + 0.5);

      if (ms < 0 || ms > 60000)
        {
          g_array_unref (latencies);
          return NULL;
        }
      g_array_append_val (latencies, us);
    }
  return latencies;
}

static gboolean
fail (const char   *what,
      const GError *error)
{
  g_printerr ("%s: %s\n", what, error != NULL ? error->message : "failed");
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* The data set                                                             */

static gboolean
generate (const char  *path,
          const GDate *today)
{
  g_autoptr(MiriamStore) store = miriam_store_new (path);
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  gint64 start = g_get_monotonic_time ();

  miriam_store_set_user_name (store, "Demo");
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error))
    return fail ("Cannot create the database", error);
  miriam_demo_options_init_big (&options, today);
  if (!miriam_demo_generate (store, &options, &error))
    return fail ("Cannot generate the data set", error);
  miriam_store_close (store);
  g_print ("data set: %u cohorts x %u groups x %u women, seed %u, generated in %.0f ms\n",
           options.n_cohorts, options.groups_per_cohort, options.women_per_group,
           options.seed, (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

/* The newest past session with at least N_MARKS women on its list. */
static gboolean
plan_marks (MiriamStore  *store,
            Plan         *plan,
            GError      **error)
{
  g_autoptr(GPtrArray) sessions = miriam_store_list (store, MIRIAM_RECORD_SESSION, NULL, 0, error);

  if (sessions == NULL)
    return FALSE;
  for (guint i = sessions->len; i-- > 0;)
    {
      MiriamSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) rows = NULL;

      if (session->cancelled || g_date_compare (&session->day, &plan->today) > 0)
        continue;
      rows = miriam_store_list_session_attendance (store, session->row.id, error);
      if (rows == NULL)
        return FALSE;
      if (rows->len < N_MARKS)
        continue;

      plan->session_id = session->row.id;
      for (guint r = 0; r < N_MARKS; r++)
        {
          MiriamAttendanceRow *row = g_ptr_array_index (rows, r);
          MiriamAttendance mark = row->mark == MIRIAM_ATTENDANCE_PRESENT
                                  ? MIRIAM_ATTENDANCE_ABSENT : MIRIAM_ATTENDANCE_PRESENT;

          g_array_append_val (plan->ids, row->participant_id);
          g_array_append_val (plan->marks, mark);
        }
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no past session with %d women", N_MARKS);
  return FALSE;
}

static gboolean
make_plan (const char *path,
           Plan       *plan)
{
  g_autoptr(MiriamStore) store = miriam_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  plan->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->marks = g_array_new (FALSE, FALSE, sizeof (MiriamAttendance));
  plan->month_first = plan->today;
  g_date_set_day (&plan->month_first, 1);
  plan->month_last = plan->month_first;
  g_date_add_months (&plan->month_last, 1);
  g_date_subtract_days (&plan->month_last, 1);

  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error))
    return fail ("Cannot open the database", error);
  rows = miriam_store_list_participant_rows (store, &plan->today, &error);
  if (rows == NULL)
    return fail ("Cannot list the participants", error);
  for (guint i = 0; i < rows->len && plan->participant_id == 0; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);

      if (row->group_id != 0)
        plan->participant_id = row->id;
    }
  if (plan->participant_id == 0)
    return fail ("No participant in a group", NULL);
  if (!plan_marks (store, plan, &error))
    return fail ("Cannot find a session to mark", error);
  miriam_store_close (store);
  return TRUE;
}

static gboolean
fresh_copy (const char *from_path,
            const char *to_path)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);
  g_autofree char *journal = g_strconcat (to_path, "-journal", NULL);
  g_autoptr(GError) error = NULL;

  g_remove (journal);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    return fail ("Cannot copy the database", error);
  return TRUE;
}

static void
remove_copy (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (journal);
}

/* ---------------------------------------------------------------------- */
/* The user actions, through the store                                      */

/* A colleague's save, on a connection of her own. */
static gboolean
colleague_saves (const char *path,
                 gint64      participant_id)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE participant SET notes = notes || '.', "
                                          "version = version + 1 WHERE id = %" G_GINT64_FORMAT,
                                          participant_id);
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
run_actions (const char *path,
             const Plan *plan,
             Figure     *figures)
{
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) calendar = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(MiriamParticipantFile) again = NULL;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  MiriamSession *session = NULL;
  gboolean changed = FALSE;
  gboolean ok;
  Measure start;
  Measure m;

  /* Start: the three calls the window makes before it shows the list. */
  measure_begin (&start);
  measure_begin (&m);
  store = miriam_store_new (path);
  miriam_store_set_user_name (store, "Bench");
  ok = miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error);
  measure_end (&m, &figures[F_START_OPEN]);
  if (ok)
    {
      measure_begin (&m);
      ok = (summary = miriam_store_get_summary (store, &error)) != NULL;
      measure_end (&m, &figures[F_START_SUMMARY]);
    }
  if (ok)
    {
      measure_begin (&m);
      ok = (rows = miriam_store_list_participant_rows (store, &plan->today, &error)) != NULL;
      measure_end (&m, &figures[F_START_ROWS]);
    }
  measure_end (&start, &figures[F_START]);
  if (!ok)
    return fail ("Start", error);

  /* The window's timer: its first check sets the baseline. */
  if (!miriam_store_check_changes (store, &changed, &error))
    return fail ("First change check", error);

  measure_begin (&m);
  file = miriam_store_load_participant_file (store, plan->participant_id, &error);
  measure_end (&m, &figures[F_OPEN_FILE]);
  if (file == NULL)
    return fail ("Open a participant file", error);

  measure_begin (&m);
  again = miriam_store_load_participant_file (store, plan->participant_id, &error);
  measure_end (&m, &figures[F_OPEN_FILE_AGAIN]);
  if (again == NULL)
    return fail ("Open a participant file again", error);

  g_free (file->participant->phone);
  file->participant->phone = g_strdup ("0470 12 34 56");
  measure_begin (&m);
  saved = miriam_store_save_participant_file (store, file, NULL, &error);
  measure_end (&m, &figures[F_SAVE_FILE]);
  if (saved == NULL)
    return fail ("Save a participant file", error);

  measure_begin (&m);
  calendar = miriam_store_list_calendar (store, &plan->month_first, &plan->month_last, &error);
  measure_end (&m, &figures[F_MONTH]);
  if (calendar == NULL)
    return fail ("Month view", error);
  g_clear_pointer (&calendar, g_ptr_array_unref);

  measure_begin (&m);
  calendar = miriam_store_list_calendar (store, &plan->month_first, &plan->month_last, &error);
  measure_end (&m, &figures[F_MONTH_AGAIN]);
  if (calendar == NULL)
    return fail ("Month view again", error);

  /* The session editor opens (not measured), then its save. */
  session = miriam_store_load (store, MIRIAM_RECORD_SESSION, plan->session_id, &error);
  if (session == NULL
      || (attendance = miriam_store_list_session_attendance (store, plan->session_id, &error)) == NULL)
    {
      if (session != NULL)
        miriam_record_free (MIRIAM_RECORD_SESSION, session);
      return fail ("Open a session", error);
    }
  measure_begin (&m);
  ok = miriam_store_save_session (store, session, plan->ids->len, (const gint64 *) plan->ids->data,
                                  (const MiriamAttendance *) plan->marks->data, &error);
  measure_end (&m, &figures[F_MARK]);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  if (!ok)
    return fail ("Mark attendance", error);

  measure_begin (&m);
  ok = miriam_store_check_changes (store, &changed, &error);
  measure_end (&m, &figures[F_CHECK_OWN]);
  if (!ok)
    return fail ("Change check after our save", error);
  if (changed)
    g_print ("note: our own save was reported as a change\n");

  measure_begin (&m);
  ok = miriam_store_check_changes (store, &changed, &error);
  measure_end (&m, &figures[F_CHECK]);
  if (!ok)
    return fail ("Change check", error);
  if (changed)
    g_print ("note: a change was reported when nothing changed\n");

  if (!colleague_saves (path, plan->participant_id))
    return fail ("A colleague's save", NULL);
  measure_begin (&m);
  ok = miriam_store_check_changes (store, &changed, &error);
  measure_end (&m, &figures[F_CHECK_COLLEAGUE]);
  if (!ok)
    return fail ("Change check after a colleague's save", error);
  if (!changed)
    g_print ("note: a colleague's save was NOT reported as a change\n");

  miriam_store_close (store);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* SQLite's floor: the same kinds of work on a bare connection              */

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_printerr ("%s: %s\n", sql, sqlite3_errmsg (db));
  return rc == SQLITE_OK;
}

static gboolean
run_floor (const char *path,
           const Plan *plan,
           Figure     *figures)
{
  g_autofree char *warm_file = g_strdup_printf ("SELECT * FROM participant WHERE id = %" G_GINT64_FORMAT,
                                                plan->participant_id);
  g_autofree char *one_row = g_strdup_printf ("UPDATE participant SET phone = '0470 99 99 99', "
                                              "version = version + 1 WHERE id = %" G_GINT64_FORMAT,
                                              plan->participant_id);
  g_autofree char *warm_marks = g_strdup_printf ("SELECT * FROM attendance WHERE session_id = %"
                                                 G_GINT64_FORMAT, plan->session_id);
  sqlite3 *db = NULL;
  sqlite3_stmt *upsert = NULL;
  gboolean ok;
  Measure m;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return fail ("Cannot open a bare connection", NULL);
    }
  ok = exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; "
                     "PRAGMA foreign_keys = ON")
       && exec_sql (db, "SELECT count(*) FROM participant")
       && exec_sql (db, warm_file)
       && exec_sql (db, warm_marks)
       && sqlite3_prepare_v2 (db, "INSERT INTO attendance (session_id, participant_id, status, "
                                  "  updated_at, updated_by) VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z', 'Bench') "
                                  "ON CONFLICT (session_id, participant_id) DO UPDATE SET "
                                  "  status = excluded.status, version = version + 1, "
                                  "  updated_at = excluded.updated_at, updated_by = excluded.updated_by "
                                  "WHERE status <> excluded.status", -1, &upsert, NULL) == SQLITE_OK;

  if (ok)
    {
      measure_begin (&m);
      ok = exec_sql (db, "SELECT count(*) FROM participant");
      measure_end (&m, &figures[F_FLOOR_READ]);
    }
  if (ok)
    {
      measure_begin (&m);
      ok = exec_sql (db, "PRAGMA data_version");
      measure_end (&m, &figures[F_FLOOR_DATA_VERSION]);
    }
  if (ok)
    {
      measure_begin (&m);
      ok = exec_sql (db, one_row);
      measure_end (&m, &figures[F_FLOOR_ONE_ROW]);
    }
  if (ok)
    {
      measure_begin (&m);
      ok = exec_sql (db, "BEGIN IMMEDIATE");
      for (guint i = 0; ok && i < plan->ids->len; i++)
        {
          sqlite3_bind_int64 (upsert, 1, plan->session_id);
          sqlite3_bind_int64 (upsert, 2, g_array_index (plan->ids, gint64, i));
          sqlite3_bind_text (upsert, 3, miriam_attendance_code (g_array_index (plan->marks,
                                                                               MiriamAttendance, i)),
                             -1, SQLITE_STATIC);
          ok = sqlite3_step (upsert) == SQLITE_DONE;
          sqlite3_reset (upsert);
        }
      ok = ok && exec_sql (db, "COMMIT");
      measure_end (&m, &figures[F_FLOOR_15_ROWS]);
    }

  sqlite3_finalize (upsert);
  sqlite3_close (db);
  if (!ok)
    return fail ("SQLite's floor", NULL);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The figures and the targets                                              */

static void
print_figure (FigureId      id,
              const Figure *f)
{
  g_autofree char *kinds = miriam_test_vfs_describe_ops (&f->c);

  g_print ("%-40s %5" G_GUINT64_FORMAT " %3" G_GUINT64_FORMAT " %3" G_GUINT64_FORMAT
           " %9.1f %9.1f   %s\n",
           figure_names[id], f->c.total, f->c.transactions, f->c.write_transactions,
           f->c.simulated_us / 1000.0, f->wall_ms, kinds);
}

static void
print_header (const char *title)
{
  g_print ("\n%-40s %5s %3s %3s %9s %9s   %s\n", title, "ops", "tx", "wtx", "sim ms", "wall ms",
           "file operations by kind");
}

static guint n_missed;

static void
judge (gboolean    met,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static void
judge (gboolean    met,
       const char *format,
       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("  %-7s %s\n", met ? "met" : "MISSED", text);
  if (!met)
    n_missed++;
}

static void
judge_floor (const Figure *figures,
             FigureId      action,
             FigureId      floor)
{
  double limit = TARGET_FLOOR_FACTOR * figures[floor].c.total;
  double ratio = figures[floor].c.total > 0
                 ? (double) figures[action].c.total / figures[floor].c.total : 0;

  judge (figures[action].c.total <= limit,
         "%s: %" G_GUINT64_FORMAT " file operations, %.2fx the floor (%s: %" G_GUINT64_FORMAT
         "; at most %.0f)", figure_title (action),
         figures[action].c.total, ratio, figure_names[floor], figures[floor].c.total, limit);
}

static void
judge_targets (const Figure *figures,
               guint         latency_us)
{
  static const FigureId actions[] = {
    F_START, F_OPEN_FILE, F_OPEN_FILE_AGAIN, F_SAVE_FILE, F_MONTH, F_MONTH_AGAIN, F_MARK, F_CHECK,
  };

  g_print ("\nTargets (issue 6) at %.1f ms per file operation:\n", latency_us / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const Figure *f = &figures[actions[i]];

      judge (f->c.transactions <= 1,
             "one transaction per action: %s: %" G_GUINT64_FORMAT " transaction(s)",
             figure_title (actions[i]), f->c.transactions);
    }

  judge_floor (figures, F_OPEN_FILE_AGAIN, F_FLOOR_READ);
  judge_floor (figures, F_MONTH_AGAIN, F_FLOOR_READ);
  judge_floor (figures, F_SAVE_FILE, F_FLOOR_ONE_ROW);
  judge_floor (figures, F_MARK, F_FLOOR_15_ROWS);
  g_print ("  (info)  first opening of a file: %" G_GUINT64_FORMAT " file operations, of which %"
           G_GUINT64_FORMAT " page reads not yet in the cache; first month view: %" G_GUINT64_FORMAT
           ", %" G_GUINT64_FORMAT " reads\n",
           figures[F_OPEN_FILE].c.total, figures[F_OPEN_FILE].c.ops[MIRIAM_TEST_VFS_READ],
           figures[F_MONTH].c.total, figures[F_MONTH].c.ops[MIRIAM_TEST_VFS_READ]);

  judge (figures[F_CHECK].c.total <= TARGET_CHECK_OPS,
         "change check when nothing changed: %" G_GUINT64_FORMAT " file operations (at most %d; "
         "the data_version floor is %" G_GUINT64_FORMAT ")",
         figures[F_CHECK].c.total, TARGET_CHECK_OPS, figures[F_FLOOR_DATA_VERSION].c.total);

  if (latency_us == TARGET_START_LATENCY_US)
    judge (figures[F_START].wall_ms < TARGET_START_MS,
           "start to first view under %.0f ms at 2 ms per file operation: %.0f ms wall "
           "(%.0f ms of it simulated share latency)",
           TARGET_START_MS, figures[F_START].wall_ms, figures[F_START].c.simulated_us / 1000.0);
}

static gboolean
run_latency (const char *base_path,
             const char *work_dir,
             const Plan *plan,
             guint       latency_us)
{
  g_autofree char *run_path = g_build_filename (work_dir, "run.miriam", NULL);
  g_autofree char *floor_path = g_build_filename (work_dir, "floor.miriam", NULL);
  Figure figures[N_FIGURES];
  gboolean ok;

  memset (figures, 0, sizeof figures);
  g_print ("\n==== %.1f ms per file operation ====\n", latency_us / 1000.0);

  miriam_test_vfs_set_latency (0);
  ok = fresh_copy (base_path, run_path);
  miriam_test_vfs_set_latency (latency_us);
  ok = ok && run_actions (run_path, plan, figures);
  miriam_test_vfs_set_latency (0);
  remove_copy (run_path);

  ok = ok && fresh_copy (base_path, floor_path);
  miriam_test_vfs_set_latency (latency_us);
  ok = ok && run_floor (floor_path, plan, figures);
  miriam_test_vfs_set_latency (0);
  remove_copy (floor_path);
  if (!ok)
    return FALSE;

  print_header ("user action (store)");
  for (FigureId id = F_START; id <= F_CHECK_COLLEAGUE; id++)
    print_figure (id, &figures[id]);
  print_header ("SQLite's floor (bare connection)");
  for (FigureId id = F_FLOOR_READ; id < N_FIGURES; id++)
    print_figure (id, &figures[id]);

  judge_targets (figures, latency_us);
  return TRUE;
}

static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_autofree char *kernel = NULL;
  const char *cpu = "unknown";
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M %Z");
  guint n_cpus = 0;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      lines = g_strsplit (cpuinfo, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            if (n_cpus++ == 0 && strchr (lines[i], ':') != NULL)
              cpu = g_strstrip (strchr (lines[i], ':') + 1);
          }
    }
  g_file_get_contents ("/proc/sys/kernel/osrelease", &kernel, NULL, NULL);

  g_print ("date:    %s\n", date);
  g_print ("system:  %s, kernel %s\n", os != NULL ? os : "unknown",
           kernel != NULL ? g_strstrip (kernel) : "unknown");
  g_print ("cpu:     %s (%u logical CPUs)\n", cpu, n_cpus > 0 ? n_cpus : g_get_num_processors ());
  g_print ("sqlite:  %s\n", sqlite3_libversion ());
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *base_path = NULL;
  g_autoptr(GArray) latencies = NULL;
  const char *work_dir;
  Plan plan = { 0 };
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Prints what each user action costs in file operations "
                                         "and time on a simulated network share.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1
      || (database_path != NULL && keep_path != NULL) || !parse_today (&plan.today)
      || (latencies = parse_latencies ()) == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                  : "Usage: bench-share [--database PATH | --keep PATH] [--today YYYY-MM-DD] "
                    "[--latency MS,MS...] [--dir DIR]");
      return EXIT_FAILURE;
    }

  /* Before any connection: every file operation goes through the shim. */
  miriam_test_vfs_install ();

  tmp_dir = g_dir_make_tmp ("miriam-bench-share-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      fail ("Cannot make a temporary folder", error);
      return EXIT_FAILURE;
    }
  work_dir = work_dir_option != NULL ? work_dir_option : tmp_dir;

  print_machine ();
  {
    g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&plan.today),
                                            g_date_get_month (&plan.today),
                                            g_date_get_day (&plan.today));
    g_print ("today:   %s (decides the current cohort and the month shown)\n", day);
  }

  if (database_path != NULL)
    base_path = g_strdup (database_path);
  else
    {
      base_path = keep_path != NULL ? g_strdup (keep_path)
                                    : g_build_filename (tmp_dir, "demo-big.miriam", NULL);
      if (keep_path != NULL && g_file_test (keep_path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("%s already exists; remove it first or measure it with --database.\n",
                      keep_path);
          return EXIT_FAILURE;
        }
      ok = generate (base_path, &plan.today);
    }
  ok = ok && make_plan (base_path, &plan);

  if (ok)
    {
      g_print ("actions: participant %" G_GINT64_FORMAT ", session %" G_GINT64_FORMAT
               " (%u marks), calendar month %02u/%04u\n",
               plan.participant_id, plan.session_id, plan.ids->len,
               g_date_get_month (&plan.month_first), g_date_get_year (&plan.month_first));
      g_print ("columns: ops = file operations on the database and its journal (open, close, "
               "read, write, truncate, sync, file-size, lock, unlock, check-reserved, delete, "
               "access); tx = transactions (SHARED locks taken); wtx = writing ones (RESERVED "
               "locks); sim = ops x latency; wall = measured\n");
    }

  for (guint i = 0; ok && i < latencies->len; i++)
    ok = run_latency (base_path, work_dir, &plan, g_array_index (latencies, guint, i));

  if (ok)
    g_print ("\n%u target(s) missed in all.\n", n_missed);

  if (database_path == NULL && keep_path == NULL)
    g_remove (base_path);
  g_rmdir (tmp_dir);
  g_clear_pointer (&plan.ids, g_array_unref);
  g_clear_pointer (&plan.marks, g_array_unref);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
