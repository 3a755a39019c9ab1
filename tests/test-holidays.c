/* test-holidays.c: Easter and the Belgian public holidays
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/miriam-holidays.h"
#include "core/miriam-language.h"

/* Gauss's Easter algorithm with its two exceptions: a second, independent
 * way to the same dates, so the test does not repeat the code it checks. */
static void
gauss_easter (guint  year,
              guint *day,
              guint *month)
{
  guint a = year % 19, b = year % 4, c = year % 7;
  guint k = year / 100;
  guint p = (13 + 8 * k) / 25;
  guint q = k / 4;
  guint M = (15 - p + k - q) % 30;
  guint N = (4 + k - q) % 7;
  guint d = (19 * a + M) % 30;
  guint e = (2 * b + 4 * c + 6 * d + N) % 7;
  guint march = 22 + d + e;

  if (d == 29 && e == 6)
    march = 50;                       /* 19 April */
  else if (d == 28 && e == 6 && (11 * M + 11) % 30 < 19)
    march = 49;                       /* 18 April */

  if (march > 31)
    {
      *day = march - 31;
      *month = 4;
    }
  else
    {
      *day = march;
      *month = 3;
    }
}

static void
assert_day (const GDate *date,
            guint        day,
            GDateMonth   month,
            guint        year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, day);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
}

static void
test_easter_1990_2100 (void)
{
  for (guint year = 1990; year <= 2100; year++)
    {
      GDate easter;
      guint day, month;

      miriam_easter_sunday (year, &easter);
      gauss_easter (year, &day, &month);
      assert_day (&easter, day, month, year);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }
}

/* Published dates, for a reader who trusts neither algorithm. */
static void
test_easter_known (void)
{
  static const struct { guint year, day; GDateMonth month; } known[] = {
    { 1990, 15, G_DATE_APRIL }, { 1998, 12, G_DATE_APRIL }, { 2000, 23, G_DATE_APRIL },
    { 2008, 23, G_DATE_MARCH }, { 2011, 24, G_DATE_APRIL }, { 2016, 27, G_DATE_MARCH },
    { 2018, 1, G_DATE_APRIL }, { 2019, 21, G_DATE_APRIL }, { 2024, 31, G_DATE_MARCH },
    { 2025, 20, G_DATE_APRIL }, { 2026, 5, G_DATE_APRIL }, { 2027, 28, G_DATE_MARCH },
    { 2038, 25, G_DATE_APRIL }, { 2100, 28, G_DATE_MARCH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate easter;

      miriam_easter_sunday (known[i].year, &easter);
      assert_day (&easter, known[i].day, known[i].month, known[i].year);
    }
}

static void
test_moveable (void)
{
  GDate date;

  miriam_holiday_date (MIRIAM_HOLIDAY_EASTER_MONDAY, 2026, &date);
  assert_day (&date, 6, G_DATE_APRIL, 2026);
  miriam_holiday_date (MIRIAM_HOLIDAY_ASCENSION, 2026, &date);
  assert_day (&date, 14, G_DATE_MAY, 2026);
  miriam_holiday_date (MIRIAM_HOLIDAY_WHIT_MONDAY, 2026, &date);
  assert_day (&date, 25, G_DATE_MAY, 2026);
  miriam_holiday_date (MIRIAM_HOLIDAY_ASCENSION, 2025, &date);
  assert_day (&date, 29, G_DATE_MAY, 2025);
  miriam_holiday_date (MIRIAM_HOLIDAY_WHIT_MONDAY, 2024, &date);
  assert_day (&date, 20, G_DATE_MAY, 2024);

  /* Whatever the year: Mondays stay Mondays, Ascension a Thursday. */
  for (guint year = 1990; year <= 2100; year++)
    {
      miriam_holiday_date (MIRIAM_HOLIDAY_EASTER_MONDAY, year, &date);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
      miriam_holiday_date (MIRIAM_HOLIDAY_ASCENSION, year, &date);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_THURSDAY);
      miriam_holiday_date (MIRIAM_HOLIDAY_WHIT_MONDAY, year, &date);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
    }
}

static void
test_fixed_and_communities (void)
{
  GDate date;

  g_date_clear (&date, 1);

  g_date_set_dmy (&date, 21, G_DATE_JULY, 2027);
  g_assert_cmpint (miriam_holiday_on (&date, "vl"), ==, MIRIAM_HOLIDAY_NATIONAL_DAY);
  g_assert_cmpint (miriam_holiday_on (&date, "fr"), ==, MIRIAM_HOLIDAY_NATIONAL_DAY);
  g_assert_cmpint (miriam_holiday_on (&date, "de"), ==, MIRIAM_HOLIDAY_NATIONAL_DAY);

  g_date_set_dmy (&date, 11, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (miriam_holiday_on (&date, "fr"), ==, MIRIAM_HOLIDAY_ARMISTICE);

  /* The Community holidays count only in their own Community. */
  g_date_set_dmy (&date, 11, G_DATE_JULY, 2027);
  g_assert_cmpint (miriam_holiday_on (&date, "vl"), ==, MIRIAM_HOLIDAY_FLEMISH_COMMUNITY);
  g_assert_cmpint (miriam_holiday_on (&date, "fr"), ==, MIRIAM_N_HOLIDAYS);
  g_date_set_dmy (&date, 27, G_DATE_SEPTEMBER, 2026);
  g_assert_cmpint (miriam_holiday_on (&date, "fr"), ==, MIRIAM_HOLIDAY_FRENCH_COMMUNITY);
  g_assert_cmpint (miriam_holiday_on (&date, "vl"), ==, MIRIAM_N_HOLIDAYS);
  g_date_set_dmy (&date, 15, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (miriam_holiday_on (&date, "de"), ==, MIRIAM_HOLIDAY_GERMAN_COMMUNITY);
  g_assert_cmpint (miriam_holiday_on (&date, "vl"), ==, MIRIAM_N_HOLIDAYS);

  /* An ordinary Tuesday. */
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (miriam_holiday_on (&date, "vl"), ==, MIRIAM_N_HOLIDAYS);

  /* Ten legal holidays a year in each Community, plus its own. */
  for (const char * const *c = (const char *[]) { "vl", "fr", "de", NULL }; *c != NULL; c++)
    {
      guint n = 0;

      for (g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
           g_date_get_year (&date) == 2026;
           g_date_add_days (&date, 1))
        if (miriam_holiday_on (&date, *c) != MIRIAM_N_HOLIDAYS)
          n++;
      g_assert_cmpuint (n, ==, 11);
    }
}

/* Named as each Community names them, in the chosen language. */
static void
test_labels (void)
{
  miriam_language_apply (MIRIAM_LANGUAGE_NL);
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_EASTER_MONDAY), ==, "Paasmaandag");
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_ARMISTICE), ==, "Wapenstilstand");
  miriam_language_apply (MIRIAM_LANGUAGE_FR);
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_EASTER_MONDAY), ==, "Lundi de Pâques");
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_ALL_SAINTS), ==, "Toussaint");
  miriam_language_apply (MIRIAM_LANGUAGE_DE);
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_EASTER_MONDAY), ==, "Ostermontag");
  g_assert_cmpstr (miriam_holiday_label (MIRIAM_HOLIDAY_GERMAN_COMMUNITY), ==,
                   "Feiertag der Deutschsprachigen Gemeinschaft");

  for (MiriamHoliday h = 0; h < MIRIAM_N_HOLIDAYS; h++)
    g_assert_cmpuint (strlen (miriam_holiday_label (h)), >, 3);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter/1990-2100", test_easter_1990_2100);
  g_test_add_func ("/holidays/easter/known", test_easter_known);
  g_test_add_func ("/holidays/moveable", test_moveable);
  g_test_add_func ("/holidays/fixed-and-communities", test_fixed_and_communities);
  g_test_add_func ("/holidays/labels", test_labels);

  return g_test_run ();
}
