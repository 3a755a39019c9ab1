/* bench-demo.c: how long the big demonstration OCMW takes, and how big it is
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-demo [--seed N] [--today YYYY-MM-DD] [PATH | --keep PATH]
 *
 * Generates the big data set (10 cohorts x 6 groups x 15 women) into a
 * temporary file that is removed afterwards, or into PATH, which is kept
 * for other benchmarks and for trying the application on a large file.
 * Prints figures for developers (so in English, untranslated); it never
 * judges them: machines and network shares differ too much.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/miriam-demo.h"

static char    *keep_path;
static gint     seed = -1;
static char    *today_text;

static const GOptionEntry entries[] = {
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path,
    "Generate into PATH and keep it", "PATH" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "N" },
  { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
    "Day that decides the current cohort (default: today)", "YYYY-MM-DD" },
  { NULL }
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
parse_today (GDate *today)
{
  guint y, m, d;

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

static MiriamStore *
open_store (const char           *path,
            MiriamStoreOpenFlags  flags,
            const char           *what)
{
  g_autoptr(GError) error = NULL;
  MiriamStore *store = miriam_store_new (path);
  gint64 start = g_get_monotonic_time ();

  if (!miriam_store_open (store, flags, &error))
    {
      g_printerr ("Cannot open %s: %s\n", path, error->message);
      g_object_unref (store);
      return NULL;
    }
  g_print ("%-36s %10.1f ms\n", what, ms_since (start));
  return store;
}

static gboolean
generate (const char *path,
          const GDate *today)
{
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  gint64 start;

  store = open_store (path, MIRIAM_STORE_OPEN_CREATE, "create and migrate");
  if (store == NULL)
    return FALSE;

  miriam_demo_options_init_big (&options, today);
  if (seed >= 0)
    options.seed = seed;
  g_print ("%-36s %u cohorts x %u groups x %u women, seed %u\n", "data set",
           options.n_cohorts, options.groups_per_cohort, options.women_per_group,
           options.seed);

  start = g_get_monotonic_time ();
  if (!miriam_demo_generate (store, &options, &error))
    {
      g_printerr ("Cannot generate the demonstration data: %s\n", error->message);
      miriam_store_close (store);
      return FALSE;
    }
  g_print ("%-36s %10.1f ms\n", "generate (one transaction)", ms_since (start));

  start = g_get_monotonic_time ();
  miriam_store_close (store);
  g_print ("%-36s %10.1f ms\n", "close", ms_since (start));
  return TRUE;
}

/* Attendance marks and scores have no list call of their own: count them
 * the way a screen would read them, session by session. */
static void
count_marks_and_scores (MiriamStore *store)
{
  g_autoptr(GPtrArray) sessions = miriam_store_list (store, MIRIAM_RECORD_SESSION, NULL, 0, NULL);
  g_autoptr(GPtrArray) measurements = miriam_store_list (store, MIRIAM_RECORD_MEASUREMENT,
                                                         NULL, 0, NULL);
  guint n_marks = 0, n_scores = 0;
  gint64 start = g_get_monotonic_time ();

  if (sessions == NULL || measurements == NULL)
    return;

  for (guint s = 0; s < sessions->len; s++)
    {
      MiriamSession *session = g_ptr_array_index (sessions, s);
      g_autoptr(GPtrArray) members = miriam_store_list (store, MIRIAM_RECORD_MEMBERSHIP,
                                                        "group_id", session->group_id, NULL);

      for (guint m = 0; members != NULL && m < members->len; m++)
        {
          MiriamMembership *member = g_ptr_array_index (members, m);
          n_marks += miriam_store_get_attendance (store, session->row.id,
                                                  member->participant_id, NULL)
                     != MIRIAM_ATTENDANCE_UNKNOWN;
        }
    }
  g_print ("%-36s %10u   (read one by one in %.1f ms)\n", "attendance", n_marks,
           ms_since (start));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < measurements->len; i++)
    {
      MiriamRow *row = miriam_record_row (g_ptr_array_index (measurements, i));
      g_autoptr(GHashTable) scores = miriam_store_get_scores (store, row->id, NULL);

      n_scores += scores != NULL ? g_hash_table_size (scores) : 0;
    }
  g_print ("%-36s %10u   (read per measurement in %.1f ms)\n", "score (applicable)", n_scores,
           ms_since (start));
}

static void
count_records (MiriamStore *store)
{
  g_print ("\nRecords, as the store lists them (group_staff and status_change\n"
           "have no read call yet and are not counted):\n");

  for (MiriamRecordKind kind = 0; kind < MIRIAM_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) records = miriam_store_list (store, kind, NULL, 0, &error);

      if (records == NULL)
        {
          g_print ("%-36s failed: %s\n", miriam_record_info (kind)->name, error->message);
          continue;
        }
      g_print ("%-36s %10u   (listed in %.1f ms)\n", miriam_record_info (kind)->name,
               records->len, ms_since (start));
    }
  count_marks_and_scores (store);
}

static gboolean
reopen (const char *path)
{
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  store = open_store (path, MIRIAM_STORE_OPEN_EXISTING, "reopen");
  if (store == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  summary = miriam_store_get_summary (store, &error);
  if (summary == NULL)
    {
      g_printerr ("Cannot read the summary: %s\n", error->message);
      miriam_store_close (store);
      return FALSE;
    }
  g_print ("%-36s %10.1f ms   (%u participants, %u groups, %u sessions, %u staff, "
           "current cohort %s)\n", "summary", ms_since (start),
           summary->n_participants, summary->n_groups, summary->n_sessions,
           summary->n_staff, summary->current_cohort);

  count_records (store);
  miriam_store_close (store);
  return TRUE;
}

static void
print_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) == 0)
    g_print ("%-36s %10.1f MiB (%" G_GINT64_FORMAT " bytes)\n", "file size",
             buf.st_size / (1024.0 * 1024.0), (gint64) buf.st_size);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[PATH]");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  GDate today;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Generates the big demonstration OCMW and prints "
                                         "how long it took and how big it is.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2
      || (argc == 2 && keep_path != NULL) || !parse_today (&today))
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: bench-demo [--seed N] "
                  "[--today YYYY-MM-DD] [PATH | --keep PATH]");
      return EXIT_FAILURE;
    }

  if (keep_path != NULL || argc == 2)
    path = g_strdup (keep_path != NULL ? keep_path : argv[1]);
  else
    {
      tmp_dir = g_dir_make_tmp ("miriam-bench-demo-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      path = g_build_filename (tmp_dir, "demo-big.miriam", NULL);
    }
  if (tmp_dir == NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s already exists; remove it first or choose another path.\n", path);
      return EXIT_FAILURE;
    }

  g_print ("%-36s %s%s\n", "file", path, tmp_dir != NULL ? " (removed afterwards)" : "");
  ok = generate (path, &today);
  if (ok)
    {
      print_size (path);
      ok = reopen (path);
    }

  if (tmp_dir != NULL)
    {
      g_remove (path);
      g_rmdir (tmp_dir);
    }
  g_free (keep_path);
  g_free (today_text);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
