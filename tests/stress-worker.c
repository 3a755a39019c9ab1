/* stress-worker.c: one colleague editing the shared file, for the tests
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by test-stress and test-crash as a separate process, so that
 * several of them work on the same database file at the same time, the
 * way a team does on the network drive.  It goes through the store's
 * public interface only, like the application.  It reports on stdout, one
 * line per event, and flushes each line, so that a parent that kills it
 * still reads everything it reported:
 *
 *   stress-worker edit DB TOKEN N_EDITS ID[,ID...]
 *     N_EDITS read-modify-write edits of participants ID...: load, append
 *     "TOKEN.SEQ@VERSION" (the version it was loaded at) to her notes,
 *     wait up to 2 ms, save; on a conflict, load again and retry.  Prints
 *       saved ID SEQ VERSION       after each save that returned success
 *       error WHAT DOMAIN CODE     for any error but a conflict
 *       done EDITS CONFLICTS RETRIED MAX_ATTEMPTS ERRORS
 *
 *   stress-worker grow DB ID KB
 *     One save that makes the file grow by about KB kilobytes: her notes
 *     become that long.  Prints "ready" once the file is open and her
 *     file loaded, "saved" once the save returned.
 *
 *   stress-worker crash DB ROUND GROUP_ID ID[,ID...]
 *     Loops until killed: saves a new session of the group with the
 *     attendance of every participant ID (one transaction), then appends
 *     "ROUND.I" to the notes of one of them.  Prints
 *       ready                      once the file is open
 *       session I SESSION_ID       after the session's save returned
 *       participant I ID           after her save returned
 *       error WHAT DOMAIN CODE
 *
 * The tokens and numbers are made up: nothing personal is printed.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/miriam-store.h"

/* An edit that keeps meeting conflicts this often is starved: report it
 * instead of looping for ever. */
#define MAX_ATTEMPTS 10000

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  /* Flushed line by line: the parent may kill us at any moment and must
   * still see every save we reported. */
  fflush (stdout);
}

static void
report_error (const char   *what,
              const GError *error)
{
  report ("error %s %s %d", what, g_quark_to_string (error->domain), error->code);
}

static GArray *
parse_ids (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

static MiriamStore *
open_store (const char *path,
            const char *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = miriam_store_new (path);

  miriam_store_set_user_name (store, user);
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error))
    {
      report_error ("open", error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* Appends @entry to the space-separated list in *@field. */
static void
append_entry (char       **field,
              const char  *entry)
{
  char *joined = (*field)[0] != '\0' ? g_strconcat (*field, " ", entry, NULL) : g_strdup (entry);

  g_free (*field);
  *field = joined;
}

/* ---------------------------------------------------------------------- */
/* edit                                                                     */

typedef struct
{
  guint saved;
  guint conflicts;
  guint retried;        /* edits that needed more than one attempt */
  guint max_attempts;
  guint errors;
} EditCounts;

/* One read-modify-write, retried on conflicts.  Returns FALSE on any
 * other error (reported). */
static gboolean
edit_once (MiriamStore *store,
           const char  *token,
           guint        seq,
           gint64       id,
           EditCounts  *counts)
{
  for (guint attempt = 1; attempt <= MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *entry = NULL;
      MiriamParticipant *p;
      gint64 base;
      gboolean ok;

      p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, id, &error);
      if (p == NULL)
        {
          report_error ("load", error);
          return FALSE;
        }

      base = p->row.version;
      entry = g_strdup_printf ("%s.%u@%" G_GINT64_FORMAT, token, seq, base);
      append_entry (&p->notes, entry);
      /* A moment between loading and saving, as a colleague takes to
       * type (shortened): colleagues save meanwhile, which makes the
       * conflicts this tool is about. */
      g_usleep (g_random_int_range (0, 2000));
      ok = miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);

      if (ok)
        {
          report ("saved %" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT, id, seq, base);
          counts->saved++;
          if (attempt > 1)
            counts->retried++;
          counts->max_attempts = MAX (counts->max_attempts, attempt);
          return TRUE;
        }

      if (!g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
        {
          report_error ("save", error);
          return FALSE;
        }
      /* A colleague saved her first: what we loaded is stale.  Load her
       * again and redo the edit on top of the colleague's. */
      counts->conflicts++;
    }

  report ("error starved %s 0", g_quark_to_string (MIRIAM_STORE_ERROR));
  return FALSE;
}

static int
run_edit (int    argc,
          char **argv)
{
  const char *path, *token;
  guint n_edits;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(MiriamStore) store = NULL;
  EditCounts counts = { 0 };

  if (argc != 6)
    return 2;
  path = argv[2];
  token = argv[3];
  n_edits = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  ids = parse_ids (argv[5]);
  if (ids->len == 0)
    return 2;

  store = open_store (path, token);
  if (store == NULL)
    return 1;

  for (guint seq = 1; seq <= n_edits; seq++)
    {
      /* Spread over the rows, each worker starting on another one. */
      gint64 id = g_array_index (ids, gint64, (seq + g_str_hash (token)) % ids->len);

      if (!edit_once (store, token, seq, id, &counts))
        counts.errors++;
    }

  miriam_store_close (store);
  report ("done %u %u %u %u %u", counts.saved, counts.conflicts, counts.retried,
          counts.max_attempts, counts.errors);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* crash                                                                    */

static MiriamSession *
new_session (gint64 group_id,
             guint  round,
             guint  i)
{
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

  session->group_id = group_id;
  g_date_clear (&session->day, 1);
  g_date_set_dmy (&session->day, 15, 9, 2026);
  g_date_add_days (&session->day, (round * 37 + i) % 3000);
  session->start_minute = 570;
  session->end_minute = 690;
  g_free (session->theme);
  session->theme = g_strdup ("housing");
  g_free (session->notes);
  session->notes = g_strdup_printf ("%u.%u", round, i);
  return session;
}

static int
run_crash (int    argc,
           char **argv)
{
  const char *path;
  guint round;
  gint64 group_id;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(MiriamStore) store = NULL;
  g_autofree MiriamAttendance *marks = NULL;

  if (argc != 6)
    return 2;
  path = argv[2];
  round = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  group_id = g_ascii_strtoll (argv[4], NULL, 10);
  ids = parse_ids (argv[5]);
  if (ids->len == 0)
    return 2;

  store = open_store (path, "crash");
  if (store == NULL)
    return 1;
  report ("ready");

  marks = g_new (MiriamAttendance, ids->len);
  for (guint i = 1; ; i++)
    {
      g_autoptr(GError) error = NULL;
      MiriamSession *session = new_session (group_id, round, i);
      gint64 pid = g_array_index (ids, gint64, i % ids->len);
      g_autofree char *entry = g_strdup_printf ("%u.%u", round, i);
      MiriamParticipant *p;
      gboolean ok;

      for (guint j = 0; j < ids->len; j++)
        marks[j] = MIRIAM_ATTENDANCE_PRESENT + (i + j) % 3;
      ok = miriam_store_save_session (store, session, ids->len,
                                      (const gint64 *) (gpointer) ids->data, marks, &error);
      if (ok)
        report ("session %u %" G_GINT64_FORMAT, i, session->row.id);
      miriam_record_free (MIRIAM_RECORD_SESSION, session);
      if (!ok)
        {
          report_error ("session", error);
          return 1;
        }

      p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, pid, &error);
      if (p == NULL)
        {
          report_error ("load", error);
          return 1;
        }
      append_entry (&p->notes, entry);
      ok = miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
      if (!ok)
        {
          report_error ("participant", error);
          return 1;
        }
      report ("participant %u %" G_GINT64_FORMAT, i, pid);
    }
}

/* ---------------------------------------------------------------------- */
/* grow                                                                     */

static int
run_grow (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamStore) store = NULL;
  MiriamParticipant *p;
  gsize kb;
  gboolean ok;

  if (argc != 5)
    return 2;
  kb = (gsize) g_ascii_strtoull (argv[4], NULL, 10);

  store = open_store (argv[2], "grow");
  if (store == NULL)
    return 1;
  p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, g_ascii_strtoll (argv[3], NULL, 10), &error);
  if (p == NULL)
    {
      report_error ("load", error);
      return 1;
    }
  report ("ready");

  g_free (p->notes);
  p->notes = g_malloc (kb * 1024 + 1);
  for (gsize i = 0; i < kb * 1024; i++)
    p->notes[i] = 'a' + i % 26;
  p->notes[kb * 1024] = '\0';
  ok = miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  if (!ok)
    {
      report_error ("save", error);
      return 1;
    }
  report ("saved");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int status = 2;

  if (argc >= 2 && g_str_equal (argv[1], "edit"))
    status = run_edit (argc, argv);
  else if (argc >= 2 && g_str_equal (argv[1], "crash"))
    status = run_crash (argc, argv);
  else if (argc >= 2 && g_str_equal (argv[1], "grow"))
    status = run_grow (argc, argv);

  if (status == 2)
    g_printerr ("usage: %s edit DB TOKEN N_EDITS ID[,ID...]\n"
                "       %s grow DB ID KB\n"
                "       %s crash DB ROUND GROUP_ID ID[,ID...]\n", argv[0], argv[0], argv[0]);
  return status;
}
