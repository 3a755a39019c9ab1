/* miriam-insz.c: the Belgian national register number (INSZ / NISS / ENSS)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The number is YYMMDD SSS CC: the birth date, a serial number (odd for
 * men, even for women) and two check digits, 97 - (YYMMDDSSS mod 97).  For
 * people born in 2000 or later the check is computed on 2YYMMDDSSS.
 *
 * Which century?  2000000000 is not a multiple of 97 (97 is a prime that
 * divides neither 2 nor 10), so for a given number at most one of the two
 * rules can match: the rule that matches tells the century, there is no
 * tie to break.  The "2" rule is only tried when 20YY is not after the
 * current year: a number that only fits as someone born in 2085 is a
 * typing error of a 1985 number, not a valid one.
 *
 * The birth date part may be incomplete: month 00 when the month was not
 * known (or when the serial numbers of a day ran out, in which case the
 * day part counts on), day 00 when the day was not known.  Bis numbers,
 * given by the Crossroads Bank for Social Security to people not in the
 * national register, add 20 (sex unknown) or 40 (sex known) to the month.
 */
#include "config.h"

#include "miriam-insz.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define INSZ_DIGITS 11

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '.' || c == '-' || c == '/';
}

/* Copies the digits of @text to @digits (at most INSZ_DIGITS + 1, so that
 * a number too long is noticed) and counts them in @n_digits; FALSE when
 * @text has other signs than digits and separators. */
static gboolean
collect_digits (const char *text,
                char        digits[INSZ_DIGITS + 2],
                guint      *n_digits)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n <= INSZ_DIGITS)
            digits[n] = *p;
          n++;
        }
      else if (!is_separator (*p))
        return FALSE;
    }

  digits[MIN (n, INSZ_DIGITS + 1)] = '\0';
  *n_digits = n;
  return TRUE;
}

static guint
number_at (const char *digits,
           guint       start,
           guint       length)
{
  guint value = 0;

  for (guint i = start; i < start + length; i++)
    value = value * 10 + (guint) (digits[i] - '0');
  return value;
}

/* The month as written, without the bis offset; FALSE when the two digits
 * are no month at all.  0 means "not known". */
static gboolean
real_month (guint     written,
            guint    *month,
            gboolean *is_bis)
{
  *is_bis = written >= 20;
  if (written >= 40)
    written -= 40;
  else if (written >= 20)
    written -= 20;

  *month = written;
  return written <= 12;
}

/* Whether @day fits @month (1-12, or 0 when unknown) in @year. */
static gboolean
day_fits (guint day,
          guint month,
          guint year)
{
  if (day > 31)
    return FALSE;
  if (month == 0 || day == 0)
    return TRUE;
  return day <= g_date_get_days_in_month (month, year);
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* The century whose check rule matches (1900 or 2000), or 0. */
static guint
matching_century (const char *digits)
{
  guint64 base = number_at (digits, 0, 9);
  guint check = number_at (digits, 9, 2);
  guint year = number_at (digits, 0, 2);

  if (97 - base % 97 == check)
    return 1900;
  if (2000 + (int) year <= current_year ()
      && 97 - (2000000000 + base) % 97 == check)
    return 2000;
  return 0;
}

static void
fill (MiriamInsz *insz,
      const char *digits,
      guint       century,
      guint       month,
      gboolean    is_bis)
{
  guint year = century + number_at (digits, 0, 2);
  guint day = number_at (digits, 4, 2);

  memcpy (insz->digits, digits, INSZ_DIGITS);
  insz->digits[INSZ_DIGITS] = '\0';
  insz->is_bis = is_bis;
  insz->born_2000_or_later = century == 2000;
  g_date_clear (&insz->birth_date, 1);
  if (month != 0 && day != 0)
    g_date_set_dmy (&insz->birth_date, day, month, year);
}

MiriamInszResult
miriam_insz_parse (const char *text,
                   MiriamInsz *insz)
{
  g_autofree char *stripped = NULL;
  char digits[INSZ_DIGITS + 2];
  guint n_digits, month, day, serial, century;
  gboolean is_bis;

  if (text == NULL)
    return MIRIAM_INSZ_EMPTY;

  /* A pasted number often brings a line break or a tab along. */
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return MIRIAM_INSZ_EMPTY;

  if (!collect_digits (stripped, digits, &n_digits))
    return MIRIAM_INSZ_BAD_CHARACTERS;
  if (n_digits != INSZ_DIGITS)
    return MIRIAM_INSZ_BAD_LENGTH;

  day = number_at (digits, 4, 2);
  /* 29 February is possible in one century and not in the other (1900,
   * 2000): until the check digits tell the century, accept a date that is
   * possible in either. */
  if (!real_month (number_at (digits, 2, 2), &month, &is_bis)
      || !(day_fits (day, month, 1900 + number_at (digits, 0, 2))
           || day_fits (day, month, 2000 + number_at (digits, 0, 2))))
    return MIRIAM_INSZ_BAD_DATE;

  /* 000 and 999 are never given (001-997 for men, 002-998 for women): a
   * number with them can only be mistyped, like one with wrong checks. */
  serial = number_at (digits, 6, 3);
  century = matching_century (digits);
  if (century == 0 || serial == 0 || serial == 999)
    return MIRIAM_INSZ_BAD_CHECK;

  if (!day_fits (day, month, century + number_at (digits, 0, 2)))
    return MIRIAM_INSZ_BAD_DATE;

  if (insz != NULL)
    fill (insz, digits, century, month, is_bis);
  return MIRIAM_INSZ_VALID;
}

char *
miriam_insz_format (const char *digits)
{
  if (digits == NULL)
    return g_strdup ("");

  /* Anything else than 11 digits is shown as it was stored, so that a
   * wrong number stays visible and can be corrected. */
  if (strlen (digits) != INSZ_DIGITS || strspn (digits, "0123456789") != INSZ_DIGITS)
    return g_strdup (digits);

  return g_strdup_printf ("%.2s.%.2s.%.2s-%.3s.%.2s",
                          digits, digits + 2, digits + 4, digits + 6, digits + 9);
}

const char *
miriam_insz_result_message (MiriamInszResult result)
{
  switch (result)
    {
    case MIRIAM_INSZ_BAD_CHARACTERS:
      return _("A national register number has only digits. You may separate them "
               "with spaces, dots, dashes or slashes.");
    case MIRIAM_INSZ_BAD_LENGTH:
      return _("A national register number has 11 digits: check that none is missing "
               "or typed twice.");
    case MIRIAM_INSZ_BAD_DATE:
      return _("The first six digits are the birth date (year, month, day), but this "
               "date is not possible: please check them.");
    case MIRIAM_INSZ_BAD_CHECK:
      return _("The check digits do not match: there is probably a typing error in "
               "the number.");
    case MIRIAM_INSZ_VALID:
    case MIRIAM_INSZ_EMPTY:
    default:
      return NULL;
    }
}
