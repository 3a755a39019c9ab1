/* test-insz.c: the national register number (INSZ / NISS / ENSS)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/miriam-insz.h"

typedef struct {
  const char       *text;
  MiriamInszResult  result;
  const char       *digits;       /* on VALID */
  guint             year;         /* birth date on VALID; 0 when unknown */
  guint             month;
  guint             day;
  gboolean          is_bis;
  gboolean          born_2000_or_later;
} Vector;

/* A number that is not valid (or empty): nothing more to compare. */
#define REFUSED(text, result) { text, result, NULL, 0, 0, 0, FALSE, FALSE }

static void
check_vectors (const Vector *vectors,
               gsize         n_vectors)
{
  for (gsize i = 0; i < n_vectors; i++)
    {
      const Vector *v = &vectors[i];
      MiriamInsz insz;
      MiriamInszResult result;

      memset (&insz, 0xAA, sizeof insz);
      result = miriam_insz_parse (v->text, &insz);
      g_test_message ("\"%s\"", v->text);
      g_assert_cmpint (result, ==, v->result);
      if (result != MIRIAM_INSZ_VALID)
        continue;

      g_assert_cmpstr (insz.digits, ==, v->digits);
      g_assert_cmpint (insz.is_bis, ==, v->is_bis);
      g_assert_cmpint (insz.born_2000_or_later, ==, v->born_2000_or_later);
      if (v->year == 0)
        {
          g_assert_false (g_date_valid (&insz.birth_date));
          continue;
        }
      g_assert_true (g_date_valid (&insz.birth_date));
      g_assert_cmpuint (g_date_get_year (&insz.birth_date), ==, v->year);
      g_assert_cmpuint (g_date_get_month (&insz.birth_date), ==, v->month);
      g_assert_cmpuint (g_date_get_day (&insz.birth_date), ==, v->day);
    }
}

/* Numbers published as examples (the project brief and python-stdnum's
 * documentation for 85.07.30-033.28 and 17.07.30-033.84, several Belgian
 * pages for 93.05.18-223.61, the Flemish government's developer wiki for
 * 00.01.25-567.77, python-stdnum for the bis numbers), so that these tests
 * do not only check the code against itself. */
static const Vector published[] = {
  { "85073003328", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "93051822361", MIRIAM_INSZ_VALID, "93051822361", 1993, 5, 18, FALSE, FALSE },
  { "17073003384", MIRIAM_INSZ_VALID, "17073003384", 2017, 7, 30, FALSE, TRUE },
  { "00012556777", MIRIAM_INSZ_VALID, "00012556777", 2000, 1, 25, FALSE, TRUE },
  { "98.47.28-997.65", MIRIAM_INSZ_VALID, "98472899765", 1998, 7, 28, TRUE, FALSE },
  { "01 49 07 001 85", MIRIAM_INSZ_VALID, "01490700185", 2001, 9, 7, TRUE, TRUE },
};

static void
test_published (void)
{
  check_vectors (published, G_N_ELEMENTS (published));
}

/* Check digits computed for this test: 97 - (n mod 97), with n the first
 * nine digits, preceded by a 2 for people born from 2000 on. */
static const Vector computed[] = {
  /* A woman (even serial) born in 1985, and one on 1 January 1988. */
  { "85073003427", MIRIAM_INSZ_VALID, "85073003427", 1985, 7, 30, FALSE, FALSE },
  { "88010100277", MIRIAM_INSZ_VALID, "88010100277", 1988, 1, 1, FALSE, FALSE },
  /* 29 February in leap years, on both sides of 2000. */
  { "96022900291", MIRIAM_INSZ_VALID, "96022900291", 1996, 2, 29, FALSE, FALSE },
  { "04022900231", MIRIAM_INSZ_VALID, "04022900231", 2004, 2, 29, FALSE, TRUE },
  /* 2000 was a leap year, 1900 was not: the check digits tell which. */
  { "00022900244", MIRIAM_INSZ_VALID, "00022900244", 2000, 2, 29, FALSE, TRUE },
  REFUSED ("00022900215", MIRIAM_INSZ_BAD_DATE),
  /* Born in 2025, the year before this code was written. */
  { "25010100244", MIRIAM_INSZ_VALID, "25010100244", 2025, 1, 1, FALSE, TRUE },
  /* The highest serial of a woman. */
  { "85073099833", MIRIAM_INSZ_VALID, "85073099833", 1985, 7, 30, FALSE, FALSE },
};

static void
test_computed (void)
{
  check_vectors (computed, G_N_ELEMENTS (computed));
}

static const Vector bis[] = {
  /* + 20: sex not known when the number was given. */
  { "85230700285", MIRIAM_INSZ_VALID, "85230700285", 1985, 3, 7, TRUE, FALSE },
  /* + 40: sex known. */
  { "01291300156", MIRIAM_INSZ_VALID, "01291300156", 2001, 9, 13, TRUE, TRUE },
  /* Month not known either: 20 or 40 alone. */
  { "99200000283", MIRIAM_INSZ_VALID, "99200000283", 0, 0, 0, TRUE, FALSE },
  { "85400000226", MIRIAM_INSZ_VALID, "85400000226", 0, 0, 0, TRUE, FALSE },
  /* No month 13 in a bis number either. */
  REFUSED ("85330100244", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("85530100287", MIRIAM_INSZ_BAD_DATE),
  /* 31 March is a day in a bis number too... */
  { "85233100244", MIRIAM_INSZ_VALID, "85233100244", 1985, 3, 31, TRUE, FALSE },
  /* ...29 February 1985 is not, with + 20 or + 40. */
  REFUSED ("85222900297", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("85422900243", MIRIAM_INSZ_BAD_DATE),
};

static void
test_bis (void)
{
  check_vectors (bis, G_N_ELEMENTS (bis));
}

static const Vector unknown_date[] = {
  /* Month and day unknown, only the day unknown, only the month. */
  { "85000012412", MIRIAM_INSZ_VALID, "85000012412", 0, 0, 0, FALSE, FALSE },
  { "85070000286", MIRIAM_INSZ_VALID, "85070000286", 0, 0, 0, FALSE, FALSE },
  { "85000700221", MIRIAM_INSZ_VALID, "85000700221", 0, 0, 0, FALSE, FALSE },
  { "85120000224", MIRIAM_INSZ_VALID, "85120000224", 0, 0, 0, FALSE, FALSE },
  /* The register's stand-in for "not known at all": 00/00/01. */
  { "00000100265", MIRIAM_INSZ_VALID, "00000100265", 0, 0, 0, FALSE, FALSE },
};

static void
test_unknown_date (void)
{
  check_vectors (unknown_date, G_N_ELEMENTS (unknown_date));
}

static const Vector typing_errors[] = {
  /* One digit wrong, two digits swapped. */
  REFUSED ("85073003329", MIRIAM_INSZ_BAD_CHECK),
  REFUSED ("85073003238", MIRIAM_INSZ_BAD_CHECK),
  REFUSED ("93051822316", MIRIAM_INSZ_BAD_CHECK),
  REFUSED ("93051823261", MIRIAM_INSZ_BAD_CHECK),
  /* Check digits that fit only someone born in 2099. */
  REFUSED ("99010100246", MIRIAM_INSZ_BAD_CHECK),
  /* Serials 000 and 999 are never given, even with fitting check digits. */
  REFUSED ("85073000061", MIRIAM_INSZ_BAD_CHECK),
  REFUSED ("85073099932", MIRIAM_INSZ_BAD_CHECK),
  /* Impossible dates with check digits that fit: 31 February, month 13,
   * 31 April, 30 February, 32 July. */
  REFUSED ("85023100291", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("85130100201", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("88043100271", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("88023000287", MIRIAM_INSZ_BAD_DATE),
  REFUSED ("85073200296", MIRIAM_INSZ_BAD_DATE),
  /* Too short, too long. */
  REFUSED ("8507300332", MIRIAM_INSZ_BAD_LENGTH),
  REFUSED ("850730033280", MIRIAM_INSZ_BAD_LENGTH),
  REFUSED ("85.07.30-033", MIRIAM_INSZ_BAD_LENGTH),
  REFUSED ("-", MIRIAM_INSZ_BAD_LENGTH),
  /* Letters and signs that are no separators. */
  REFUSED ("85O73003328", MIRIAM_INSZ_BAD_CHARACTERS),
  REFUSED ("85073003328x", MIRIAM_INSZ_BAD_CHARACTERS),
  REFUSED ("85,07,30,033,28", MIRIAM_INSZ_BAD_CHARACTERS),
  REFUSED ("85_07_30_033_28", MIRIAM_INSZ_BAD_CHARACTERS),
  REFUSED ("RRN 85073003328", MIRIAM_INSZ_BAD_CHARACTERS),
  REFUSED ("\xef\xbc\x98" "5073003328", MIRIAM_INSZ_BAD_CHARACTERS),   /* full-width 8 */
};

static void
test_typing_errors (void)
{
  check_vectors (typing_errors, G_N_ELEMENTS (typing_errors));
}

static const Vector spellings[] = {
  { "85.07.30-033.28", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "850730 033 28", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "85 07 30 033 28", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "85/07/30/033/28", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "850730-033-28", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  /* Pasted, with a line break or a tab around it. */
  { " 85073003328\n", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  { "\t85.07.30-033.28 ", MIRIAM_INSZ_VALID, "85073003328", 1985, 7, 30, FALSE, FALSE },
  /* Nothing: allowed, the number is optional. */
  REFUSED ("", MIRIAM_INSZ_EMPTY),
  REFUSED ("   ", MIRIAM_INSZ_EMPTY),
  REFUSED (NULL, MIRIAM_INSZ_EMPTY),
};

static void
test_spellings (void)
{
  check_vectors (spellings, G_N_ELEMENTS (spellings));
}

static void
test_without_result (void)
{
  /* The caller may only want to know whether it is valid. */
  g_assert_cmpint (miriam_insz_parse ("85.07.30-033.28", NULL), ==, MIRIAM_INSZ_VALID);
  g_assert_cmpint (miriam_insz_parse ("85.07.30-033.29", NULL), ==, MIRIAM_INSZ_BAD_CHECK);
}

static void
test_format (void)
{
  g_autofree char *man = miriam_insz_format ("85073003328");
  g_autofree char *bis_number = miriam_insz_format ("98472899765");
  g_autofree char *short_number = miriam_insz_format ("8507300332");
  g_autofree char *letters = miriam_insz_format ("85O73003328");
  g_autofree char *empty = miriam_insz_format ("");
  g_autofree char *null = miriam_insz_format (NULL);

  g_assert_cmpstr (man, ==, "85.07.30-033.28");
  g_assert_cmpstr (bis_number, ==, "98.47.28-997.65");
  /* What is not 11 digits is shown as stored, to be corrected. */
  g_assert_cmpstr (short_number, ==, "8507300332");
  g_assert_cmpstr (letters, ==, "85O73003328");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");

  /* What the format writes, the parser reads back. */
  g_assert_cmpint (miriam_insz_parse (man, NULL), ==, MIRIAM_INSZ_VALID);
}

static void
test_messages (void)
{
  const MiriamInszResult errors[] = {
    MIRIAM_INSZ_BAD_CHARACTERS, MIRIAM_INSZ_BAD_LENGTH,
    MIRIAM_INSZ_BAD_DATE, MIRIAM_INSZ_BAD_CHECK,
  };

  g_assert_null (miriam_insz_result_message (MIRIAM_INSZ_VALID));
  g_assert_null (miriam_insz_result_message (MIRIAM_INSZ_EMPTY));

  /* Each error says something of its own. */
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      const char *message = miriam_insz_result_message (errors[i]);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 20);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (message, !=, miriam_insz_result_message (errors[j]));
    }
  g_assert_nonnull (strstr (miriam_insz_result_message (MIRIAM_INSZ_BAD_LENGTH), "11"));
  g_assert_nonnull (strstr (miriam_insz_result_message (MIRIAM_INSZ_BAD_CHECK), "typing error"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  /* The "C" locale (no setlocale (LC_ALL, "")): the messages are the
   * English source texts, whatever the desktop's language. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insz/published", test_published);
  g_test_add_func ("/insz/computed", test_computed);
  g_test_add_func ("/insz/bis", test_bis);
  g_test_add_func ("/insz/unknown-date", test_unknown_date);
  g_test_add_func ("/insz/typing-errors", test_typing_errors);
  g_test_add_func ("/insz/spellings", test_spellings);
  g_test_add_func ("/insz/without-result", test_without_result);
  g_test_add_func ("/insz/format", test_format);
  g_test_add_func ("/insz/messages", test_messages);

  return g_test_run ();
}
