/* test-crash.c: a computer that dies while it saves
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer process (stress-worker crash) saves sessions with their
 * attendance and edits participant files in a loop, reporting each save
 * after it returned.  The test kills it at a random moment (kill -9 on
 * Unix, TerminateProcess on Windows: what a power cut or a frozen laptop
 * switched off does), 200 times.  After each kill a fresh store must open
 * the file as it is (rolling back a half-written transaction from its
 * journal), every save the writer reported must be there, nothing may be
 * half there (a session has all its marks or is not there at all), what
 * earlier rounds saved must be untouched, and SQLite's integrity check
 * must pass.  Last, a writer killed in the middle of writing a save that
 * makes the file grow: the file must still open, as it was before.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/miriam-store.h"

#define DB_NAME "team.miriam"
#define N_ROUNDS 200
#define N_WOMEN 6

typedef struct
{
  char   *dir;
  char   *path;
  char   *journal;
  gint64  group_id;
  gint64  ids[N_WOMEN];
  char   *id_list;           /* "1,2,..." for the writer */
  char   *notes[N_WOMEN];    /* her notes after the last round */
  guint   n_sessions;        /* sessions in the file after the last round */
} Fixture;

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

static void
save_ok (MiriamStore      *store,
         MiriamRecordKind  kind,
         gpointer          record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (miriam_store_save (store, kind, record, &error));
  g_assert_no_error (error);
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A fresh file with an OCMW, a cohort, a group and six women
 * (fictitious). */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);

  fx->dir = g_dir_make_tmp ("miriam-crash-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, DB_NAME, NULL);
  fx->journal = g_strconcat (fx->path, "-journal", NULL);

  store = miriam_store_new (fx->path);
  miriam_store_set_user_name (store, "setup");
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error));
  g_assert_no_error (error);

  set_text (&ocmw->name, "OCMW Teststad");
  save_ok (store, MIRIAM_RECORD_OCMW, ocmw);

  set_text (&cohort->label, "2026-2027");
  g_date_set_dmy (&cohort->start_date, 1, 9, 2026);
  g_date_set_dmy (&cohort->end_date, 30, 6, 2027);
  save_ok (store, MIRIAM_RECORD_COHORT, cohort);

  group->ocmw_id = ocmw->row.id;
  group->cohort_id = cohort->row.id;
  set_text (&group->name, "Groep Noord");
  g_date_set_dmy (&group->start_date, 15, 9, 2026);
  g_date_set_dmy (&group->end_date, 15, 6, 2027);
  save_ok (store, MIRIAM_RECORD_GROUP, group);
  fx->group_id = group->row.id;

  for (guint i = 0; i < N_WOMEN; i++)
    {
      MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

      g_autofree char *first_name = g_strdup_printf ("Test%u", i);

      p->ocmw_id = ocmw->row.id;
      set_text (&p->first_name, first_name);
      set_text (&p->last_name, "Crash");
      save_ok (store, MIRIAM_RECORD_PARTICIPANT, p);
      fx->ids[i] = p->row.id;
      fx->notes[i] = g_strdup ("");
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", p->row.id);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
    }
  fx->id_list = g_string_free (g_steal_pointer (&ids), FALSE);

  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  miriam_record_free (MIRIAM_RECORD_COHORT, cohort);
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_store_close (store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
  g_free (fx->journal);
  g_free (fx->id_list);
  for (guint i = 0; i < N_WOMEN; i++)
    g_free (fx->notes[i]);
}

static char *
worker_path (void)
{
#ifdef G_OS_WIN32
  return g_test_build_filename (G_TEST_BUILT, "stress-worker.exe", NULL);
#else
  return g_test_build_filename (G_TEST_BUILT, "stress-worker", NULL);
#endif
}

/* ---------------------------------------------------------------------- */
/* One round: start the writer, kill it                                    */

typedef struct
{
  guint    sessions;          /* the last session it reported saved, 0: none */
  guint    participants;      /* the last participant edit it reported saved */
  gint64  *session_ids;       /* [i - 1]: id of session i */
  gboolean ready;             /* it had opened the file */
  GString *errors;            /* "error" lines: must stay empty */
} Report;

static void
read_line (Report     *report,
           const char *line)
{
  guint i;
  gint64 id;

  if (g_str_equal (line, "ready"))
    report->ready = TRUE;
  else if (sscanf (line, "session %u %" G_GINT64_FORMAT, &i, &id) == 2)
    {
      /* Reported in order, each once. */
      g_assert_cmpuint (i, ==, report->sessions + 1);
      report->sessions = i;
      report->session_ids = g_renew (gint64, report->session_ids, i);
      report->session_ids[i - 1] = id;
    }
  else if (sscanf (line, "participant %u %" G_GINT64_FORMAT, &i, &id) == 2)
    {
      g_assert_cmpuint (i, ==, report->participants + 1);
      report->participants = i;
    }
  else if (line[0] != '\0')
    g_string_append_printf (report->errors, "%s\n", line);
}

/* Reads the writer's next line (without its end), NULL at its end. */
static char *
next_line (GDataInputStream *in)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);

  g_assert_no_error (error);
  return line != NULL ? g_strstrip (line) : NULL;
}

/* Starts the writer and kills it: in most rounds at a random moment after
 * it opened the file (while it saves), in the others at a random moment
 * after it started (while it opens the file, maybe rolling back what the
 * previous one left half-written). */
static void
run_writer (Fixture *fx,
            guint    round,
            Report  *report)
{
  g_autofree char *exe = worker_path ();
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *group_text = g_strdup_printf ("%" G_GINT64_FORMAT, fx->group_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  gboolean after_ready = g_test_rand_int_range (0, 4) > 0;
  char *line;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "crash", fx->path,
                              round_text, group_text, fx->id_list, NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  if (after_ready)
    {
      /* Its first line: "ready", or why it could not open the file. */
      line = next_line (in);
      if (line != NULL)
        read_line (report, line);
      g_free (line);
      g_usleep (g_test_rand_int_range (0, 100000));
    }
  else
    g_usleep (g_test_rand_int_range (0, 60000));

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  /* Everything it wrote before it died is still in the pipe. */
  while ((line = next_line (in)) != NULL)
    {
      read_line (report, line);
      g_free (line);
    }

  if (report->errors->len > 0)
    g_test_message ("round %u: the writer reported:\n%s", round, report->errors->str);
  g_assert_cmpuint (report->errors->len, ==, 0);
  /* It died from the kill, not from a failure of its own. */
#ifdef G_OS_UNIX
  g_assert_true (g_subprocess_get_if_signaled (process));
#endif
}

/* ---------------------------------------------------------------------- */
/* What is in the file afterwards                                           */

static void
sql_check (const char *path,
           guint       round,
           const char *what,
           const char *sql,
           const char *expected)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (g_strcmp0 (text, expected) != 0)
    g_test_message ("round %u: %s", round, what);
  g_assert_cmpstr (text, ==, expected);
}

/* The sessions of this round: 1..n in order, with n the last one the
 * writer reported, or one more (saved, killed before it could say so);
 * each reported one with the id it was given. */
static guint
check_sessions (MiriamStore  *store,
                Fixture      *fx,
                guint         round,
                const Report *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = miriam_store_list (store, MIRIAM_RECORD_SESSION, "group_id",
                                                     fx->group_id, &error);
  g_autofree char *prefix = g_strdup_printf ("%u.", round);
  guint n = 0;

  g_assert_no_error (error);
  /* Earlier rounds' sessions are all still there. */
  g_assert_cmpuint (sessions->len, >=, fx->n_sessions);

  for (guint k = fx->n_sessions; k < sessions->len; k++)
    {
      MiriamSession *s = g_ptr_array_index (sessions, k);
      g_autofree char *expected = g_strdup_printf ("%u.%u", round, n + 1);

      g_assert_true (g_str_has_prefix (s->notes, prefix));
      g_assert_cmpstr (s->notes, ==, expected);
      n++;
      if (n <= report->sessions)
        g_assert_cmpint (s->row.id, ==, report->session_ids[n - 1]);
    }

  g_assert_cmpuint (n, >=, report->sessions);
  g_assert_cmpuint (n, <=, report->sessions + 1);
  fx->n_sessions = sessions->len;
  return n - report->sessions;
}

/* Her notes: those of the last round, then this round's edits of her in
 * order, all that the writer reported and maybe the one after. */
static guint
check_notes (MiriamStore  *store,
             Fixture      *fx,
             guint         round,
             const Report *report)
{
  guint n_found = 0;
  guint last = 0;

  for (guint w = 0; w < N_WOMEN; w++)
    {
      g_autoptr(GError) error = NULL;
      MiriamParticipant *p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT,
                                                fx->ids[w], &error);
      g_auto(GStrv) added = NULL;
      const char *rest;
      /* The writer edits woman i % N_WOMEN at its step i: her steps. */
      guint expected_i = w > 0 ? w : N_WOMEN;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (p->notes, fx->notes[w]));
      rest = p->notes + strlen (fx->notes[w]);
      added = g_strsplit (rest[0] == ' ' ? rest + 1 : rest, " ", -1);

      for (guint k = 0; added[k] != NULL && added[k][0] != '\0'; k++)
        {
          guint r = 0, i = 0;

          g_assert_cmpint (sscanf (added[k], "%u.%u", &r, &i), ==, 2);
          g_assert_cmpuint (r, ==, round);
          g_assert_cmpuint (i, ==, expected_i);
          expected_i += N_WOMEN;
          n_found++;
          last = MAX (last, i);
        }

      g_free (fx->notes[w]);
      fx->notes[w] = g_strdup (p->notes);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
    }

  /* Edits 1..last, each once: all reported ones, and at most the one
   * being saved when the writer died. */
  g_assert_cmpuint (n_found, ==, last);
  g_assert_cmpuint (last, >=, report->participants);
  g_assert_cmpuint (last, <=, report->participants + 1);
  return last - report->participants;
}

/* A transaction killed after it started writing the file: its journal
 * holds the old pages and a valid header, and must be rolled back before
 * anybody reads.  (A journal whose header is still zero was cut off before
 * the file was touched; SQLite ignores it.) */
static gboolean
journal_is_hot (Fixture *fx)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (fx->journal, &contents, &length, NULL))
    return FALSE;
  return length > 0 && contents[0] != '\0';
}

static void
test_kill_writer (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n_ready = 0, n_hot = 0, n_unreported = 0;
  guint n_saved_sessions = 0, n_saved_edits = 0;

  for (guint round = 1; round <= N_ROUNDS; round++)
    {
      Report report = { 0 };
      g_autoptr(MiriamStore) store = NULL;
      g_autoptr(GError) error = NULL;

      report.errors = g_string_new (NULL);
      run_writer (fx, round, &report);
      n_ready += report.ready;
      n_saved_sessions += report.sessions;
      n_saved_edits += report.participants;

      n_hot += journal_is_hot (fx);

      /* The application opens it as it is... */
      store = miriam_store_new (fx->path);
      if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error))
        g_test_message ("round %u: the file does not open after the writer was killed: %s",
                        round, error->message);
      g_assert_no_error (error);
      g_assert_cmpint (miriam_store_get_access (store), ==, MIRIAM_STORE_WRITABLE);

      /* ... with every reported save, and nothing half. */
      n_unreported += check_sessions (store, fx, round, &report);
      n_unreported += check_notes (store, fx, round, &report);
      miriam_store_close (store);

      /* Opening rolled back what was left: no hot journal any more. */
      g_assert_false (journal_is_hot (fx));
      sql_check (fx->path, round, "SQLite's integrity check failed",
                 "PRAGMA integrity_check", "ok");
      sql_check (fx->path, round, "a reference points to nothing",
                 "SELECT count(*) FROM pragma_foreign_key_check", "0");
      sql_check (fx->path, round, "a session is there without all its marks",
                 "SELECT count(*) FROM session s WHERE (SELECT count(*) FROM attendance a "
                 "WHERE a.session_id = s.id) <> " G_STRINGIFY (N_WOMEN), "0");

      g_free (report.session_ids);
      g_string_free (report.errors, TRUE);
    }

  g_test_message ("%u kills (%u after the writer opened the file), %u left a transaction "
                  "half done; %u sessions with attendance and %u participant edits reported "
                  "saved and found, %u saved but killed before reporting; %u sessions in "
                  "the file; %.1f s",
                  N_ROUNDS, n_ready, n_hot, n_saved_sessions, n_saved_edits, n_unreported,
                  fx->n_sessions, g_timer_elapsed (timer, NULL));
  /* The kills did land while it was saving. */
  g_assert_cmpuint (n_hot, >, 0);
  g_assert_cmpuint (n_saved_sessions, >, 0);
}

/* ---------------------------------------------------------------------- */
/* A save caught halfway                                                    */

/* How much one save adds to the file: big enough that writing its pages
 * takes a while on a local disk, as every page does on a slow share. */
#define GROW_KB 8192

typedef struct
{
  guint32 counter;   /* the file change counter */
  goffset claimed;   /* the size the header gives: pages x page size */
  goffset size;      /* the size of the file */
} Header;

static gboolean
read_header (const char *path,
             Header     *h)
{
  FILE *f = g_fopen (path, "rb");
  guint8 b[100];
  gboolean ok;
  guint32 page_size;

  if (f == NULL)
    return FALSE;
  ok = fread (b, 1, sizeof b, f) == sizeof b && fseek (f, 0, SEEK_END) == 0;
  h->size = ok ? ftell (f) : -1;
  fclose (f);
  if (!ok)
    return FALSE;

  page_size = (b[16] << 8) | b[17];
  if (page_size == 1)
    page_size = 65536;
  h->counter = ((guint32) b[24] << 24) | (b[25] << 16) | (b[26] << 8) | b[27];
  h->claimed = (goffset) page_size * (((guint32) b[28] << 24) | (b[29] << 16) | (b[30] << 8) | b[31]);
  return TRUE;
}

/* A new woman with empty notes, for one attempt. */
static gint64
add_woman (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = miriam_store_new (fx->path);
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *first;
  gint64 id;

  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);
  first = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, fx->ids[0], &error);
  g_assert_no_error (error);
  p->ocmw_id = first->ocmw_id;
  set_text (&p->last_name, "Groei");
  save_ok (store, MIRIAM_RECORD_PARTICIPANT, p);
  id = p->row.id;
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, first);
  miriam_store_close (store);
  return id;
}

/* A save that makes the file grow writes the header (page 1) first, then
 * the new pages at the end: for a moment the file is shorter than its
 * header says, with the journal beside it.  When the saver dies right
 * then, the next one to open the file must get it back as it was before
 * that save (SQLite rolls the journal back), not a "damaged file"
 * message.  Returns FALSE when the save could not be caught in that
 * moment. */
static gboolean
catch_growing_save (Fixture *fx,
                    guint    attempt)
{
  g_autofree char *exe = worker_path ();
  gint64 woman = add_woman (fx);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, woman);
  g_autofree char *kb = g_strdup_printf ("%u", GROW_KB);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(MiriamStore) store = NULL;
  g_autofree char *line = NULL;
  MiriamParticipant *p;
  Header before, h = { 0 };
  gboolean caught = FALSE;
  gint64 deadline;

  g_assert_true (read_header (fx->path, &before));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "grow", fx->path,
                              id, kb, NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = next_line (in);
  g_assert_cmpstr (line, ==, "ready");

  /* Watch the header until the save writes it. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    if (read_header (fx->path, &h) && h.counter != before.counter)
      {
        caught = h.claimed > h.size;
        break;
      }

  if (!caught)
    {
      /* Too late: let it finish, its save must be whole. */
      g_clear_pointer (&line, g_free);
      line = next_line (in);
      g_assert_cmpstr (line, ==, "saved");
      g_assert_true (g_subprocess_wait_check (process, NULL, &error));
      g_assert_no_error (error);
      sql_check (fx->path, attempt, "SQLite's integrity check failed",
                 "PRAGMA integrity_check", "ok");
      return FALSE;
    }

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (journal_is_hot (fx));
  g_test_message ("attempt %u: killed the save with %" G_GOFFSET_FORMAT " of %" G_GOFFSET_FORMAT
                  " bytes written", attempt, h.size, h.claimed);

  store = miriam_store_new (fx->path);
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error))
    g_test_message ("the file does not open: %s", error->message);
  g_assert_no_error (error);
  /* Rolled back: she is as she was before that save. */
  p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, woman, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->notes, ==, "");
  g_assert_cmpint (p->row.version, ==, 1);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_store_close (store);

  g_assert_false (journal_is_hot (fx));
  sql_check (fx->path, attempt, "SQLite's integrity check failed",
             "PRAGMA integrity_check", "ok");
  return TRUE;
}

static void
test_growing_save (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  /* A fast disk may write the pages before the header can be read in
   * between: try a few times. */
  for (guint attempt = 1; attempt <= 12; attempt++)
    if (catch_growing_save (fx, attempt))
      return;
  g_test_skip ("the saves were too fast to be caught halfway");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/kill-writer", Fixture, NULL,
              fixture_set_up, test_kill_writer, fixture_tear_down);
  g_test_add ("/crash/growing-save", Fixture, NULL,
              fixture_set_up, test_growing_save, fixture_tear_down);

  return g_test_run ();
}
