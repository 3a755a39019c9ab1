/* bench-report.c: how long exporting a group's progress report takes
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 15-woman group report (cover, group page, fifteen participant pages)
 * exported to PDF, as a lead does before a council meeting; the aim is
 * well under a second.  Also one page drawn for the print preview.
 * Prints figures, judges nothing.
 *
 *   bench-report [--runs N] [--keep FILE.pdf]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-report.h"
#include "core/miriam-language.h"
#include "tests/charts-fixture.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");
  int runs = 5;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Exports to time", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the report here and keep it", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  MiriamReportOptions options = { 0 };
  double first;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  miriam_language_apply (MIRIAM_LANGUAGE_NL);

  dir = g_dir_make_tmp ("miriam-bench-report-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "report.pdf", NULL);
  group = fixture_group (15, 11, 26);
  g_date_clear (&options.print_date, 1);

  for (int i = 0; i < MAX (runs, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      /* Building the report (copies, pseudonyms) is part of an export. */
      g_clear_pointer (&report, miriam_report_free);
      report = miriam_report_new_group (group, &options);
      if (!miriam_report_write_pdf (report, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (export_times, seconds);
    }
  first = g_array_index (export_times, double, 0);

  /* One participant page as the print preview draws it, at screen size. */
  for (int i = 0; i < 20; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 794, 1123);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double seconds;

      cairo_scale (cr, 794 / 595.28, 1123 / 841.89);
      miriam_report_draw_page (report, cr, 2 + i % 15, 595.28, 841.89);
      cairo_surface_flush (surface);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (page_times, seconds);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  g_print ("group report, 15 participants, %u pages, to PDF: first %.3f s, median of %d %.3f s (aim < 1 s)\n",
           miriam_report_n_pages (report), first, MAX (runs, 1), median (export_times));
  g_print ("one participant page drawn for the print preview (96 dpi): median %.1f ms\n",
           median (page_times) * 1000);

  if (keep == NULL)
    g_remove (path);
  g_rmdir (dir);
  return 0;
}
