/* miriam-date.c: dates as people type them, and the rules they must keep
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-date.h"

#include <glib/gi18n-lib.h>

#define YOUNGEST_AGE 14
#define OLDEST_AGE   100

/* Reads 1 to @max_digits ASCII digits at *@p and moves *@p past them. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value,
             guint       *n_digits)
{
  guint n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  *value = v;
  *n_digits = n;
  return n > 0 && !g_ascii_isdigit (**p);
}

/* "26" means 2026 in 2026, and "27" means 1927: nobody types a date of
 * next century, but birth dates of the last one are common. */
static guint
expand_two_digit_year (guint year)
{
  GDate today;
  guint this_year, century;

  miriam_date_today (&today);
  this_year = g_date_get_year (&today);
  century = this_year - this_year % 100;

  return year <= this_year % 100 ? century + year : century - 100 + year;
}

static gboolean
set_if_valid (GDate *date,
              guint  day,
              guint  month,
              guint  year)
{
  if (year > G_MAXUINT16 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* 2026-11-22 (the store's own form, and what some people copy from it). */
static gboolean
parse_iso (const char *p,
           guint       year,
           GDate      *date)
{
  guint month, day, n;

  if (*p++ != '-' || !read_number (&p, 2, &month, &n)
      || *p++ != '-' || !read_number (&p, 2, &day, &n)
      || *p != '\0')
    return FALSE;

  return set_if_valid (date, day, month, year);
}

/* 22/11/2026, 22.11.2026, 22-11-2026, 22/11/26: one separator throughout. */
static gboolean
parse_day_first (const char *p,
                 guint       day,
                 GDate      *date)
{
  char separator = *p;
  guint month, year, n;

  if (separator != '/' && separator != '.' && separator != '-')
    return FALSE;

  p++;
  if (!read_number (&p, 2, &month, &n) || *p++ != separator
      || !read_number (&p, 4, &year, &n) || *p != '\0')
    return FALSE;

  if (n == 2)
    year = expand_two_digit_year (year);
  else if (n != 4)
    return FALSE;

  return set_if_valid (date, day, month, year);
}

gboolean
miriam_date_parse (const char *text,
                   GDate      *date)
{
  g_autofree char *stripped = NULL;
  const char *p;
  guint first, n;
  GDate parsed;

  g_return_val_if_fail (date != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    {
      g_date_clear (date, 1);
      return TRUE;
    }

  /* Parse into a copy, so that @date is left alone on failure. */
  g_date_clear (&parsed, 1);
  p = stripped;
  if (!read_number (&p, 4, &first, &n))
    return FALSE;

  if (n == 4 ? !parse_iso (p, first, &parsed)
             : n > 2 || !parse_day_first (p, first, &parsed))
    return FALSE;

  *date = parsed;
  return TRUE;
}

/* The parts of a planning date: 2027-01-15, 15/01/2027, 15/01/27, 15/01,
 * 15.1 or 15-1 (one separator throughout).  @n_year_digits is 0 when no
 * year was typed. */
static gboolean
split_event_date (const char *p,
                  guint      *day,
                  guint      *month,
                  guint      *year,
                  guint      *n_year_digits)
{
  char separator;
  guint first, n;

  if (!read_number (&p, 4, &first, &n))
    return FALSE;
  if (n == 4)
    {
      *year = first;
      *n_year_digits = 4;
      return *p++ == '-' && read_number (&p, 2, month, &n)
             && *p++ == '-' && read_number (&p, 2, day, &n)
             && *p == '\0';
    }
  if (n > 2)
    return FALSE;

  *day = first;
  separator = *p++;
  if ((separator != '/' && separator != '.' && separator != '-')
      || !read_number (&p, 2, month, &n))
    return FALSE;
  if (*p == '\0')
    {
      *year = 0;
      *n_year_digits = 0;
      return TRUE;
    }
  return *p++ == separator && read_number (&p, 4, year, n_year_digits)
         && (*n_year_digits == 2 || *n_year_digits == 4) && *p == '\0';
}

/* A day typed without a year is coming up, or has just been: someone
 * noting a session in December for 15/01 means next January, while
 * someone noting last week's contact means this year. */
static guint
year_without_year (guint        day,
                   guint        month,
                   const GDate *today)
{
  GDate cutoff = *today;
  guint year = g_date_get_year (today);

  g_date_subtract_months (&cutoff, 6);
  if (g_date_get_year (&cutoff) == year
      && (month < g_date_get_month (&cutoff)
          || (month == g_date_get_month (&cutoff) && day < g_date_get_day (&cutoff))))
    return year + 1;
  return year;
}

gboolean
miriam_date_parse_event (const char   *text,
                         const GDate  *today,
                         GDate        *date,
                         GError      **error)
{
  g_autofree char *stripped = NULL;
  guint day = 0, month = 0, year = 0, n_year_digits = 0;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    {
      g_date_clear (date, 1);
      return TRUE;
    }

  if (!split_event_date (stripped, &day, &month, &year, &n_year_digits))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Type the date as day/month/year, for example 01/09/2026."));
      return FALSE;
    }

  /* Sessions are planned ahead: "27" is 2027, never 1927. */
  if (n_year_digits == 2)
    year += 2000;
  else if (n_year_digits == 0)
    year = year_without_year (day, month, today);

  if (!set_if_valid (date, day, month, year))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("This date does not exist: please check the day and the month."));
      return FALSE;
    }
  return TRUE;
}

void
miriam_date_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

MiriamBirthDateCheck
miriam_birth_date_check (const GDate *birth_date,
                         const GDate *today)
{
  int age;

  g_return_val_if_fail (today != NULL && g_date_valid (today), MIRIAM_BIRTH_DATE_OK);

  if (birth_date == NULL || !g_date_valid (birth_date))
    return MIRIAM_BIRTH_DATE_UNKNOWN;
  if (g_date_compare (birth_date, today) > 0)
    return MIRIAM_BIRTH_DATE_IN_FUTURE;

  /* From her 14th birthday on, and up to the day before her 101st. */
  age = miriam_date_age (birth_date, today);
  if (age < YOUNGEST_AGE)
    return MIRIAM_BIRTH_DATE_TOO_YOUNG;
  if (age > OLDEST_AGE)
    return MIRIAM_BIRTH_DATE_TOO_OLD;
  return MIRIAM_BIRTH_DATE_OK;
}

const char *
miriam_birth_date_check_message (MiriamBirthDateCheck check)
{
  switch (check)
    {
    case MIRIAM_BIRTH_DATE_IN_FUTURE:
      return _("This birth date lies in the future: please check it.");
    case MIRIAM_BIRTH_DATE_TOO_YOUNG:
      return _("With this birth date she would be younger than 14: please check the year.");
    case MIRIAM_BIRTH_DATE_TOO_OLD:
      return _("With this birth date she would be older than 100: please check the year.");
    case MIRIAM_BIRTH_DATE_OK:
    case MIRIAM_BIRTH_DATE_UNKNOWN:
    default:
      return NULL;
    }
}

int
miriam_date_age (const GDate *birth_date,
                 const GDate *day)
{
  int age;

  if (birth_date == NULL || day == NULL
      || !g_date_valid (birth_date) || !g_date_valid (day)
      || g_date_compare (day, birth_date) < 0)
    return -1;

  /* One year more on each birthday; someone born on 29 February turns a
   * year older on 1 March in the other years. */
  age = g_date_get_year (day) - g_date_get_year (birth_date);
  if (g_date_get_month (day) < g_date_get_month (birth_date)
      || (g_date_get_month (day) == g_date_get_month (birth_date)
          && g_date_get_day (day) < g_date_get_day (birth_date)))
    age--;
  return age;
}
