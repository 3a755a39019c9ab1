/* test-report.c: the printed progress report, read back from its PDF
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 15-woman group report is exported to PDF and read back with
 * poppler's pdfinfo and pdftotext, as a lead would read the paper: the
 * number of pages, each woman on her own page (or her pseudonym, and then
 * nowhere her real name), the life domains in Dutch, French and German,
 * the page numbers, A4 landscape, names that are very long or written
 * right to left, and an export that fails without leaving a file behind.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-report.h"
#include "core/miriam-language.h"
#include "charts-fixture.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("miriam-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_remove (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  if (info == NULL || text == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) are not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run (argv);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = pdf_info (path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *info = pdf_info (path);
  const char *line = strstr (info, "Page size:");
  char *end;

  g_assert_nonnull (line);
  *width = g_ascii_strtod (line + strlen ("Page size:"), &end);
  g_assert_nonnull (strstr (end, " x "));
  *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
}

/* The text of page @page (1-based), its lines joined by spaces, so that
 * a domain name wrapped over two lines still reads as one. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static char *
pdf_all_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

static MiriamReport *
write_report (Fixture                   *f,
              const MiriamProgressGroup *group,
              const MiriamReportOptions *options,
              const char                *name,
              char                     **path)
{
  g_autoptr(GError) error = NULL;
  MiriamReport *report = miriam_report_new_group (group, options);

  *path = g_build_filename (f->dir, name, NULL);
  g_assert_true (miriam_report_write_pdf (report, *path, &error));
  g_assert_no_error (error);
  return report;
}

static MiriamReportOptions
default_options (void)
{
  MiriamReportOptions options = { 0 };

  options.print_date = fixture_day (23, 6, 2027);
  return options;
}

/* "3/17" in the footer, whatever words a translation puts around it. */
static void
assert_page_number (const char *text,
                    guint       page,
                    guint       n_pages)
{
  g_autofree char *pattern = g_strdup_printf ("\\b%u\\D{1,12}%u\\b", page, n_pages);

  g_assert_true (g_regex_match_simple (pattern, text, 0, 0));
}

static void
check_group_report (Fixture        *f,
                    MiriamLanguage  language,
                    const char     *domains[11])
{
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = g_strdup_printf ("group-%s.pdf", miriam_language_to_code (language));
  MiriamReportOptions options = default_options ();
  guint n_pages;

  miriam_language_apply (language);
  group = fixture_group (15, 11, 24);
  report = write_report (f, group, &options, file, &path);

  /* A cover, the group page, then one page per woman. */
  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, ==, 2 + 15);
  g_assert_cmpuint (miriam_report_n_pages (report), ==, n_pages);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);

      if (page == 1)
        {
          /* The cover: the group and its cohort, no page number. */
          g_assert_nonnull (strstr (text, group->group_name));
          g_assert_nonnull (strstr (text, group->cohort_label));
          g_assert_false (g_regex_match_simple ("\\b1\\D{1,12}17\\b", text, 0, 0));
          continue;
        }

      assert_page_number (text, page, n_pages);
      g_assert_nonnull (strstr (text, group->ocmw_name));
      for (guint d = 0; d < 11; d++)
        g_assert_nonnull (strstr (text, domains[d]));
      for (guint i = 0; i < 15; i++)
        {
          const char *name = fixture_names[i];

          /* The group page lists every woman; her own page only her. */
          if (page == 2 || page == 3 + i)
            g_assert_nonnull (strstr (text, name));
          else
            g_assert_null (strstr (text, name));
        }
    }
}

static void
test_group_report_languages (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  const char *nl[] = {
    "Financiën en inkomen", "Wonen", "Werk en opleiding", "Opvoeding", "Gezondheid", "Mobiliteit",
    "Vrije tijd", "Sociaal netwerk", "Psychisch welzijn", "Zelfvertrouwen", "Rechten en administratie",
  };
  const char *fr[] = {
    "Finances et revenus", "Logement", "Emploi et formation", "Parentalité", "Santé", "Mobilité",
    "Loisirs", "Réseau social", "Bien-être psychique", "Confiance en soi", "Droits et démarches",
  };
  const char *de[] = {
    "Finanzen und Einkommen", "Wohnen", "Arbeit und Ausbildung", "Erziehung", "Gesundheit", "Mobilität",
    "Freizeit", "Soziales Netzwerk", "Psychisches Wohlbefinden", "Selbstvertrauen", "Rechte und Behördengänge",
  };

  if (!have_poppler ())
    return;
  check_group_report (f, MIRIAM_LANGUAGE_NL, nl);
  check_group_report (f, MIRIAM_LANGUAGE_FR, fr);
  check_group_report (f, MIRIAM_LANGUAGE_DE, de);
}

/* No word of any real name anywhere in the document, nor in its
 * metadata. */
static void
assert_no_real_names (const char *path,
                      guint       n)
{
  g_autofree char *text = pdf_all_text (path);
  g_autofree char *info = pdf_info (path);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) words = g_strsplit (fixture_names[i], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_assert_null (strstr (text, words[w]));
          g_assert_null (strstr (info, words[w]));
        }
    }
}

static void
test_pseudonyms (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) by_initials = NULL;
  g_autoptr(MiriamReport) by_number = NULL;
  g_autofree char *initials_path = NULL;
  g_autofree char *number_path = NULL;
  g_autofree char *page3 = NULL;
  g_autofree char *page17 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  MiriamReportOptions options = default_options ();

  if (!have_poppler ())
    return;
  miriam_language_apply (MIRIAM_LANGUAGE_NL);
  group = fixture_group (15, 11, 24);

  options.pseudonym = MIRIAM_PSEUDONYM_INITIALS;
  by_initials = write_report (f, group, &options, "initials.pdf", &initials_path);
  assert_no_real_names (initials_path, 15);
  /* Amina Benali is "A. B." on her own page. */
  page3 = pdf_text (initials_path, 3);
  g_assert_nonnull (strstr (page3, "A. B."));

  options.pseudonym = MIRIAM_PSEUDONYM_NUMBER;
  by_number = write_report (f, group, &options, "numbers.pdf", &number_path);
  assert_no_real_names (number_path, 15);
  first = g_strdup_printf (_("Participant %u"), 1);
  last = g_strdup_printf (_("Participant %u"), 15);
  g_clear_pointer (&page3, g_free);
  page3 = pdf_text (number_path, 3);
  page17 = pdf_text (number_path, 17);
  g_assert_nonnull (strstr (page3, first));
  g_assert_nonnull (strstr (page17, last));

  /* The caller's group keeps its names. */
  g_assert_cmpstr (((MiriamProgressParticipant *) group->participants->pdata[0])->name, ==, fixture_names[0]);
}

static void
test_landscape (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autofree char *path = NULL;
  MiriamReportOptions options = default_options ();
  double width, height;

  if (!have_poppler ())
    return;
  miriam_language_apply (MIRIAM_LANGUAGE_FR);
  group = fixture_group (15, 11, 24);
  options.landscape = TRUE;
  options.monochrome = TRUE;
  options.use_median = TRUE;
  report = write_report (f, group, &options, "landscape.pdf", &path);

  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);
  miriam_report_page_size (report, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpuint (pdf_pages (path), ==, 17);
}

/* Every word's box of page @page lies on the page, inside its margins
 * give or take a little. */
static void
assert_words_on_page (const char *path,
                      guint       page,
                      double      width)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (word, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *x1 = g_match_info_fetch (match, 2);

      g_assert_cmpfloat (g_ascii_strtod (x0, NULL), >=, 20);
      g_assert_cmpfloat (g_ascii_strtod (x1, NULL), <=, width - 20);
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >, 10);
}

static void
test_long_and_rtl_names (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  const char *arabic = "\u0641\u0627\u0637\u0645\u0629 \u0627\u0644\u0632\u0647\u0631\u0627\u0621";
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  MiriamReportOptions options = default_options ();
  MiriamProgressParticipant *p;
  GString *long_name = g_string_new (NULL);
  gboolean arabic_found = FALSE;

  if (!have_poppler ())
    return;
  miriam_language_apply (MIRIAM_LANGUAGE_DE);
  group = fixture_group (4, 11, 24);
  for (guint i = 0; i < 12; i++)
    g_string_append (long_name, "Vanderstraeten-Oosterlinck ");
  g_string_append (long_name, "Onvoorstelbaarlangeachternaamzonderenigespatiedieergensmoetafbreken");
  p = group->participants->pdata[0];
  g_free (p->name);
  p->name = g_string_free (long_name, FALSE);
  p = group->participants->pdata[1];
  g_free (p->name);
  p->name = g_strdup (arabic);
  g_free (group->group_name);
  group->group_name = g_strnfill (300, 'G');

  report = write_report (f, group, &options, "names.pdf", &path);
  g_assert_cmpuint (pdf_pages (path), ==, 2 + 4);
  for (guint page = 1; page <= 6; page++)
    assert_words_on_page (path, page, 595.28);

  /* Her page starts with her name: the first words of it at least. */
  text = pdf_text (path, 3);
  g_assert_nonnull (strstr (text, "Vanderstraeten-Oosterlinck"));
  /* The Arabic name is on the page as text (not as boxes or nothing). */
  g_clear_pointer (&text, g_free);
  text = pdf_text (path, 4);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      arabic_found |= u >= 0x0600 && u <= 0x06ff;
    }
  g_assert_true (arabic_found);
}

static void
test_cohort_report (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  g_autoptr(MiriamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cohorts.pdf", NULL);
  g_autofree char *cover = NULL;
  g_autofree char *side_by_side = NULL;
  MiriamReportOptions options = default_options ();
  const char *labels[] = { "2024-2025", "2025-2026", "2026-2027" };

  if (!have_poppler ())
    return;
  miriam_language_apply (MIRIAM_LANGUAGE_NL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      MiriamProgressGroup *cohort = fixture_group (12 + i, 11, 20);

      g_free (cohort->cohort_label);
      cohort->cohort_label = g_strdup (labels[i]);
      g_free (cohort->group_name);
      cohort->group_name = g_strdup ("");
      g_ptr_array_add (cohorts, cohort);
    }
  g_ptr_array_add (groups, fixture_group (15, 11, 20));
  g_ptr_array_add (groups, fixture_group (9, 11, 20));

  report = miriam_report_new_cohorts (cohorts, groups, &options);
  g_assert_cmpuint (miriam_report_n_pages (report), ==, 2 + 2);
  g_assert_true (miriam_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 4);

  cover = pdf_text (path, 1);
  side_by_side = pdf_text (path, 2);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_assert_nonnull (strstr (cover, labels[i]));
      g_assert_nonnull (strstr (side_by_side, labels[i]));
    }
  g_assert_nonnull (strstr (side_by_side, "Financiën en inkomen"));
  assert_page_number (side_by_side, 2, 4);
}

static guint
count_files (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  g_dir_close (listing);
  return n;
}

static void
test_failed_export (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "verslag.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "rapport.pdf", NULL);
  g_autofree char *old = g_build_filename (f->dir, "old.pdf", NULL);
  g_autofree char *contents = NULL;
  MiriamReportOptions options = default_options ();

  miriam_language_apply (MIRIAM_LANGUAGE_NL);
  group = fixture_group (15, 11, 24);
  report = miriam_report_new_group (group, &options);

  /* A folder that does not exist. */
  g_assert_false (miriam_report_write_pdf (report, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "verslag.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The target is a folder: the PDF is written, then cannot take its
   * place; the half-way file is gone again. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (miriam_report_write_pdf (report, folder, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "rapport.pdf"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (f->dir), ==, 1);
  g_clear_error (&error);

  /* Replacing an older report works, and leaves nothing else. */
  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_true (miriam_report_write_pdf (report, old, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

/* A print context may offer a slightly other paper (US Letter, a
 * printer's margins): every page is laid out to the size it is given and
 * keeps a blank border. */
static void
test_pages_fit_other_paper (Fixture       *f G_GNUC_UNUSED,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(MiriamReport) report = NULL;
  MiriamReportOptions options = default_options ();
  const double width = 576, height = 720;   /* points */

  miriam_language_apply (MIRIAM_LANGUAGE_NL);
  group = fixture_group (15, 11, 24);
  report = miriam_report_new_group (group, &options);
  for (guint page = 0; page < miriam_report_n_pages (report); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width / 2, height / 2);
      cairo_t *cr = cairo_create (surface);
      const guint8 *pixels;
      int stride, w = width / 2, h = height / 2, border = 8;
      guint inked = 0;

      cairo_scale (cr, 0.5, 0.5);
      miriam_report_draw_page (report, cr, page, width, height);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint8 alpha = pixels[y * stride + x * 4 + 3];

            if (alpha == 0)
              continue;
            inked++;
            g_assert_true (x >= border && x < w - border && y >= border && y < h - border);
          }
      g_assert_cmpuint (inked, >, 500);
      cairo_surface_destroy (surface);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/report/group/languages", test_group_report_languages);
  ADD ("/report/group/pseudonyms", test_pseudonyms);
  ADD ("/report/group/landscape", test_landscape);
  ADD ("/report/group/long-and-rtl-names", test_long_and_rtl_names);
  ADD ("/report/cohorts", test_cohort_report);
  ADD ("/report/failed-export", test_failed_export);
  ADD ("/report/pages-fit-other-paper", test_pages_fit_other_paper);
#undef ADD

  return g_test_run ();
}
