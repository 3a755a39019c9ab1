/* make-demo.c: a demonstration database for tests that need a file
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-demo PATH [--today YYYY-MM-DD] [--cohorts N]
 *
 * The same fictitious OCMW as `miriam --demo` (two groups per cohort),
 * without a window, so that command-line tests run without a display.
 * A fixed --today makes the same file every time.
 */
#include "config.h"

#include <stdio.h>

#include "store/miriam-demo.h"

static char *today_text;
static gint  n_cohorts = 1;

static const GOptionEntry entries[] = {
  { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
    "Day that decides the current cohort (default: today)", "YYYY-MM-DD" },
  { "cohorts", 0, 0, G_OPTION_ARG_INT, &n_cohorts, "Number of cohorts (default: 1)", "N" },
  { NULL }
};

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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH");
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2
      || !parse_today (&today) || n_cohorts < 1)
    {
      g_printerr ("usage: make-demo PATH [--today YYYY-MM-DD] [--cohorts N]\n");
      return 2;
    }

  miriam_demo_options_init_small (&options, &today);
  options.n_cohorts = (guint) n_cohorts;

  store = miriam_store_new (argv[1]);
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error)
      || !miriam_demo_generate (store, &options, &error))
    {
      g_printerr ("make-demo: %s\n", error->message);
      miriam_store_close (store);
      return 1;
    }
  miriam_store_close (store);
  return 0;
}
