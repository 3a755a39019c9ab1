/* miriam-language.c: Dutch, French or German, and how each writes dates
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-language.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

static MiriamLanguage current = MIRIAM_LANGUAGE_NL;

static const char * const codes[] = { "system", "nl", "fr", "de" };

const char *
miriam_language_to_code (MiriamLanguage language)
{
  g_return_val_if_fail (language <= MIRIAM_LANGUAGE_DE, "system");
  return codes[language];
}

MiriamLanguage
miriam_language_from_code (const char *code)
{
  for (guint i = 1; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return i;
  return MIRIAM_LANGUAGE_SYSTEM;
}

MiriamLanguage
miriam_language_from_locale (const char *locale)
{
  char lang[3] = { 0 };
  const char *territory;

  if (locale == NULL || strlen (locale) < 5)
    return MIRIAM_LANGUAGE_NL;

  /* "fr_BE", "fr_BE.UTF-8", "fr_BE@euro", and Windows' "fr-BE" */
  lang[0] = g_ascii_tolower (locale[0]);
  lang[1] = g_ascii_tolower (locale[1]);
  territory = locale + 3;
  if ((locale[2] != '_' && locale[2] != '-')
      || g_ascii_strncasecmp (territory, "BE", 2) != 0
      || g_ascii_isalpha (territory[2]))
    return MIRIAM_LANGUAGE_NL;

  if (g_str_equal (lang, "fr"))
    return MIRIAM_LANGUAGE_FR;
  if (g_str_equal (lang, "de"))
    return MIRIAM_LANGUAGE_DE;
  return MIRIAM_LANGUAGE_NL;
}

MiriamLanguage
miriam_language_resolve (MiriamLanguage      choice,
                         const char * const *system_locales)
{
  if (choice != MIRIAM_LANGUAGE_SYSTEM)
    return choice;

  /* The first entry is the most specific one the user set. */
  if (system_locales != NULL && system_locales[0] != NULL)
    return miriam_language_from_locale (system_locales[0]);

  return MIRIAM_LANGUAGE_NL;
}

const char *
miriam_language_to_locale (MiriamLanguage language)
{
  switch (language)
    {
    case MIRIAM_LANGUAGE_FR:
      return "fr_BE";
    case MIRIAM_LANGUAGE_DE:
      return "de_BE";
    case MIRIAM_LANGUAGE_SYSTEM:
    case MIRIAM_LANGUAGE_NL:
    default:
      return "nl_BE";
    }
}

/* Tries the spellings different systems use for the same locale. */
static void
set_category (int         category,
              const char *locale)
{
  g_autofree char *utf8 = g_strconcat (locale, ".UTF-8", NULL);
  g_autofree char *dash = g_strdup (locale);

  dash[2] = '-';   /* Windows: "nl-BE" */

  if (setlocale (category, utf8) == NULL
      && setlocale (category, locale) == NULL
      && setlocale (category, dash) == NULL)
    g_debug ("No %s locale on this system; using built-in formats", locale);
}

void
miriam_language_apply (MiriamLanguage language)
{
  const char *messages;

  g_return_if_fail (language != MIRIAM_LANGUAGE_SYSTEM);

  current = language;
  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the "C" locale, which is what a desktop
   * without LANG (or a test under Xvfb) has.  C.UTF-8 is not "C" and
   * exists on every glibc system since 2.35. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  g_setenv ("LANGUAGE", miriam_language_to_code (language), TRUE);
  /* Setting the domain again makes gettext forget the translations it
   * looked up in the previous language. */
  textdomain (textdomain (NULL));

  /* For GTK's own widgets (calendar, spin buttons).  Our own dates and
   * numbers do not depend on these: see miriam_format_date(). */
  set_category (LC_TIME, miriam_language_to_locale (language));
  set_category (LC_MONETARY, miriam_language_to_locale (language));
}

MiriamLanguage
miriam_language_get_current (void)
{
  return current;
}

char *
miriam_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf (current == MIRIAM_LANGUAGE_DE ? "%02u.%02u.%04u" : "%02u/%02u/%04u",
                          g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

const char *
miriam_weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:    return C_("weekday", "Monday");
    case G_DATE_TUESDAY:   return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:  return C_("weekday", "Thursday");
    case G_DATE_FRIDAY:    return C_("weekday", "Friday");
    case G_DATE_SATURDAY:  return C_("weekday", "Saturday");
    case G_DATE_SUNDAY:    return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:               return "";
    }
}

static const char *
month_name (GDateMonth month)
{
  switch (month)
    {
    case G_DATE_JANUARY:   return C_("month", "January");
    case G_DATE_FEBRUARY:  return C_("month", "February");
    case G_DATE_MARCH:     return C_("month", "March");
    case G_DATE_APRIL:     return C_("month", "April");
    case G_DATE_MAY:       return C_("month", "May");
    case G_DATE_JUNE:      return C_("month", "June");
    case G_DATE_JULY:      return C_("month", "July");
    case G_DATE_AUGUST:    return C_("month", "August");
    case G_DATE_SEPTEMBER: return C_("month", "September");
    case G_DATE_OCTOBER:   return C_("month", "October");
    case G_DATE_NOVEMBER:  return C_("month", "November");
    case G_DATE_DECEMBER:  return C_("month", "December");
    case G_DATE_BAD_MONTH:
    default:               return "";
    }
}

char *
miriam_format_date_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");

  /* German puts a comma after the weekday and a period after the day. */
  return g_strdup_printf (current == MIRIAM_LANGUAGE_DE ? "%s, %u. %s %u" : "%s %u %s %u",
                          miriam_weekday_name (g_date_get_weekday (date)),
                          g_date_get_day (date),
                          month_name (g_date_get_month (date)),
                          g_date_get_year (date));
}

char *
miriam_format_number (double value,
                      guint  decimals)
{
  /* French groups thousands with a narrow no-break space, Dutch and
   * German with a period; all three write a decimal comma. */
  const char *group = current == MIRIAM_LANGUAGE_FR ? "\u202f" : ".";
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *point, *p;
  gsize int_len;

  decimals = MIN (decimals, 9);
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  /* Always a '.', whatever LC_NUMERIC the desktop set. */
  g_ascii_formatd (digits, sizeof digits, format, fabs (value));
  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append_c (out, '-');

  for (p = digits; (gsize) (p - digits) < int_len; p++)
    {
      gsize left = int_len - (p - digits);

      g_string_append_c (out, *p);
      if (left > 1 && left % 3 == 1)
        g_string_append (out, group);
    }

  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}
