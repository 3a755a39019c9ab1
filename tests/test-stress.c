/* test-stress.c: a team saving in one file at the same time
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eight processes (stress-worker) each make 500 read-modify-write edits of
 * participant files in the same database file, through the store, the way
 * eight colleagues would from their own computers: once each on her own
 * participant, once all on the same three.  Every edit appends a token
 * with the version it was loaded at; a save on a stale version must fail
 * with a conflict, and the worker then loads again and retries.
 *
 * Afterwards the file must hold exactly the edits the workers reported as
 * saved, each once, in a chain of versions without a gap (the proof that
 * no save went through on a stale version), no error may have reached a
 * worker (a busy file is the store's to wait for), and SQLite's
 * integrity check must pass.
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
#define N_WORKERS 8
#define N_EDITS 500
#define N_SHARED_ROWS 3

typedef struct
{
  char   *dir;
  char   *path;
  gint64  ids[N_WORKERS];
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

/* A fresh file with one OCMW and eight participants (fictitious). */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = NULL;
  MiriamOcmw *ocmw;

  fx->dir = g_dir_make_tmp ("miriam-stress-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, DB_NAME, NULL);

  store = miriam_store_new (fx->path);
  miriam_store_set_user_name (store, "setup");
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error));
  g_assert_no_error (error);

  ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  g_free (ocmw->name);
  ocmw->name = g_strdup ("OCMW Teststad");
  g_assert_true (miriam_store_save (store, MIRIAM_RECORD_OCMW, ocmw, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_WORKERS; i++)
    {
      MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

      p->ocmw_id = ocmw->row.id;
      g_free (p->first_name);
      p->first_name = g_strdup_printf ("Test%u", i);
      g_free (p->last_name);
      p->last_name = g_strdup ("Stress");
      g_assert_true (miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p->row.version, ==, 1);
      fx->ids[i] = p->row.id;
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
    }

  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  miriam_store_close (store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
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
/* Running the workers                                                      */

typedef struct
{
  char        *token;
  GSubprocess *process;
  char        *output;
  GError      *error;
  gboolean     done;
} Worker;

static void
worker_clear (Worker *w)
{
  g_free (w->token);
  g_clear_object (&w->process);
  g_free (w->output);
  g_clear_error (&w->error);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Worker *w = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                        &w->output, NULL, &w->error);
  w->done = TRUE;
}

/* Starts all workers at once and reads their reports while they run (a
 * pipe that nobody empties would stall them). */
static void
run_workers (Fixture *fx,
             Worker   workers[N_WORKERS],
             gboolean same_rows)
{
  g_autofree char *exe = worker_path ();
  g_autofree char *n_edits = g_strdup_printf ("%u", N_EDITS);
  guint n_done = 0;

  for (guint k = 0; k < N_WORKERS; k++)
    {
      Worker *w = &workers[k];
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (same_rows)
        for (guint r = 0; r < N_SHARED_ROWS; r++)
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, r > 0 ? "," : "", fx->ids[r]);
      else
        g_string_append_printf (ids, "%" G_GINT64_FORMAT, fx->ids[k]);

      w->token = g_strdup_printf ("w%u", k);
      w->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     exe, "edit", fx->path, w->token, n_edits, ids->str, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8_async (w->process, NULL, NULL, on_communicated, w);
    }

  while (n_done < N_WORKERS)
    {
      g_main_context_iteration (NULL, TRUE);
      n_done = 0;
      for (guint k = 0; k < N_WORKERS; k++)
        n_done += workers[k].done;
    }

  for (guint k = 0; k < N_WORKERS; k++)
    {
      Worker *w = &workers[k];
      g_autoptr(GError) error = NULL;

      g_assert_no_error (w->error);
      g_subprocess_wait (w->process, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_exited (w->process) || g_subprocess_get_exit_status (w->process) != 0)
        g_test_message ("worker %s ended badly; its report:\n%s", w->token, w->output);
      g_assert_true (g_subprocess_get_if_exited (w->process));
      g_assert_cmpint (g_subprocess_get_exit_status (w->process), ==, 0);
    }
}

/* ---------------------------------------------------------------------- */
/* What the workers reported                                                */

typedef struct
{
  guint saved;
  guint conflicts;
  guint retried;
  guint max_attempts;
  guint errors;
  GString *error_lines;
} Totals;

/* Adds the worker's "saved" reports to @expected (entry "TOKEN.SEQ@VERSION"
 * -> participant id) and its counts to @totals. */
static void
read_report (const Worker *w,
             GHashTable   *expected,
             Totals       *totals)
{
  g_auto(GStrv) lines = g_strsplit (w->output != NULL ? w->output : "", "\n", -1);
  gboolean done = FALSE;
  guint n_saved_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gint64 id, base;
      guint seq, saved, conflicts, retried, max_attempts, errors;
      char what[32], domain[64];
      int code;

      if (sscanf (line, "saved %" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT, &id, &seq, &base) == 3)
        {
          char *entry = g_strdup_printf ("%s.%u@%" G_GINT64_FORMAT, w->token, seq, base);

          /* Each entry is reported once: a worker saves each edit once. */
          g_assert_false (g_hash_table_contains (expected, entry));
          g_hash_table_insert (expected, entry, g_memdup2 (&id, sizeof id));
          n_saved_lines++;
        }
      else if (sscanf (line, "error %31s %63s %d", what, domain, &code) == 3)
        {
          g_string_append_printf (totals->error_lines, "  %s: %s (%s, code %d)\n",
                                  w->token, what, domain, code);
        }
      else if (sscanf (line, "done %u %u %u %u %u", &saved, &conflicts, &retried,
                       &max_attempts, &errors) == 5)
        {
          done = TRUE;
          g_assert_cmpuint (saved, ==, n_saved_lines);
          totals->saved += saved;
          totals->conflicts += conflicts;
          totals->retried += retried;
          totals->max_attempts = MAX (totals->max_attempts, max_attempts);
          totals->errors += errors;
        }
      else
        g_assert_cmpstr (line, ==, "");
    }

  g_assert_true (done);
}

/* ---------------------------------------------------------------------- */
/* What ended up in the file                                                */

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* What is wrong in the file, counted before anything is asserted, so
 * that a failure says how bad it is. */
typedef struct
{
  guint in_file;
  guint stale;        /* saved on a version that was no longer the newest */
  guint unreported;   /* not reported saved by any worker, or there twice */
  guint bad_version;  /* her version does not count her saves */
} Findings;

/* Checks one participant as a fresh store reads her: her notes hold the
 * entries in the order they were saved; the k-th was made on version k
 * (she was created at version 1), so every save was made on the newest
 * version, and she is now at version 1 + the number of entries.  Removes
 * each entry found from @expected: what remains there was reported saved
 * and is not in the file (lost updates). */
static void
check_participant (MiriamStore *store,
                   gint64       id,
                   GHashTable  *expected,
                   Findings    *found)
{
  g_autoptr(GError) error = NULL;
  MiriamParticipant *p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, id, &error);
  g_auto(GStrv) entries = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_nonnull (p);

  entries = p->notes[0] != '\0' ? g_strsplit (p->notes, " ", -1) : g_new0 (char *, 1);
  for (; entries[n] != NULL; n++)
    {
      const char *at = strchr (entries[n], '@');
      gint64 *owner = g_hash_table_lookup (expected, entries[n]);

      if (owner == NULL || *owner != id)
        {
          if (found->unreported++ == 0)
            g_test_message ("participant %" G_GINT64_FORMAT ": entry %u (%s) was not reported "
                            "saved on her, or is there twice", id, n + 1, entries[n]);
        }
      else
        g_hash_table_remove (expected, entries[n]);

      if (at == NULL || g_ascii_strtoll (at + 1, NULL, 10) != (gint64) n + 1)
        {
          if (found->stale++ == 0)
            g_test_message ("participant %" G_GINT64_FORMAT ": entry %u (%s) was saved on a "
                            "stale version", id, n + 1, entries[n]);
        }
    }

  found->in_file += n;
  if (p->row.version != (gint64) n + 1)
    found->bad_version++;
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
}

static void
run_stress (Fixture  *fx,
            gboolean  same_rows)
{
  Worker workers[N_WORKERS] = { { 0 } };
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Totals totals = { 0 };
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  guint n_rows = same_rows ? N_SHARED_ROWS : N_WORKERS;
  Findings found = { 0 };
  double seconds;

  run_workers (fx, workers, same_rows);
  seconds = g_timer_elapsed (timer, NULL);

  totals.error_lines = g_string_new (NULL);
  for (guint k = 0; k < N_WORKERS; k++)
    read_report (&workers[k], expected, &totals);

  g_test_message ("%u processes x %u edits on %u participant(s): %u saved, %u conflicts "
                  "(%u edits retried, at most %u attempts for one), %u errors, %.1f s "
                  "(%.0f saves/s)",
                  N_WORKERS, N_EDITS, n_rows, totals.saved, totals.conflicts,
                  totals.retried, totals.max_attempts, totals.errors, seconds,
                  totals.saved / seconds);
  if (totals.errors > 0)
    g_test_message ("errors that reached the workers (a busy file must never be one):\n%s",
                    totals.error_lines->str);
  g_string_free (totals.error_lines, TRUE);

  /* Nothing went wrong for anybody: every edit was saved. */
  g_assert_cmpuint (totals.errors, ==, 0);
  g_assert_cmpuint (totals.saved, ==, N_WORKERS * N_EDITS);
  g_assert_cmpuint (g_hash_table_size (expected), ==, N_WORKERS * N_EDITS);
  /* Alone on her row, nobody may ever be told a colleague saved first. */
  if (!same_rows)
    g_assert_cmpuint (totals.conflicts, ==, 0);

  /* The file, read by a fresh store: exactly every saved edit, once. */
  store = miriam_store_new (fx->path);
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);
  for (guint r = 0; r < N_WORKERS; r++)
    check_participant (store, fx->ids[r], expected, &found);
  miriam_store_close (store);

  g_test_message ("in the file: %u edits; lost updates: %u, saved on a stale version: %u, "
                  "not reported or twice: %u, participants with a wrong version: %u",
                  found.in_file, g_hash_table_size (expected), found.stale,
                  found.unreported, found.bad_version);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  g_assert_cmpuint (found.stale, ==, 0);
  g_assert_cmpuint (found.unreported, ==, 0);
  g_assert_cmpuint (found.bad_version, ==, 0);
  g_assert_cmpuint (found.in_file, ==, N_WORKERS * N_EDITS);

  integrity = sql_text (fx->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* Eight on three rows: colleagues did save first, so the checks above
   * were about conflicts that really happened. */
  if (same_rows)
    g_assert_cmpuint (totals.conflicts, >, 0);

  for (guint k = 0; k < N_WORKERS; k++)
    worker_clear (&workers[k]);
}

static void
test_different_rows (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  run_stress (fx, FALSE);
}

static void
test_same_rows (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  run_stress (fx, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stress/different-rows", Fixture, NULL,
              fixture_set_up, test_different_rows, fixture_tear_down);
  g_test_add ("/stress/same-rows", Fixture, NULL,
              fixture_set_up, test_same_rows, fixture_tear_down);

  return g_test_run ();
}
