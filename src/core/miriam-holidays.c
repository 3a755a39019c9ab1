/* miriam-holidays.c: Belgian public holidays, computed, never hard-coded
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule for a cohort must skip these in any year, so the moveable
 * feasts come from the Easter date, not from a table that runs out.
 */
#include "config.h"

#include "miriam-holidays.h"

#include <glib/gi18n-lib.h>

/* The anonymous Gregorian algorithm (Meeus, Jones, Butcher). */
void
miriam_easter_sunday (guint  year,
                      GDate *date)
{
  guint a = year % 19;
  guint b = year / 100, c = year % 100;
  guint d = b / 4, e = b % 4;
  guint f = (b + 8) / 25;
  guint g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4, k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint day = (h + l - 7 * m + 114) % 31 + 1;

  g_return_if_fail (year >= 1583);

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static const struct {
  guint       day;       /* 0: moveable, counted from Easter */
  GDateMonth  month;
  int         after_easter;
  const char *community; /* NULL: everywhere */
  const char *label;
} holidays[MIRIAM_N_HOLIDAYS] = {
  [MIRIAM_HOLIDAY_NEW_YEAR]          = { 1, G_DATE_JANUARY, 0, NULL, N_("New Year’s Day") },
  [MIRIAM_HOLIDAY_EASTER_MONDAY]     = { 0, 0, 1, NULL, N_("Easter Monday") },
  [MIRIAM_HOLIDAY_LABOUR_DAY]        = { 1, G_DATE_MAY, 0, NULL, N_("Labour Day") },
  [MIRIAM_HOLIDAY_ASCENSION]         = { 0, 0, 39, NULL, N_("Ascension Day") },
  [MIRIAM_HOLIDAY_WHIT_MONDAY]       = { 0, 0, 50, NULL, N_("Whit Monday") },
  [MIRIAM_HOLIDAY_NATIONAL_DAY]      = { 21, G_DATE_JULY, 0, NULL, N_("Belgian National Day") },
  [MIRIAM_HOLIDAY_ASSUMPTION]        = { 15, G_DATE_AUGUST, 0, NULL, N_("Assumption Day") },
  [MIRIAM_HOLIDAY_ALL_SAINTS]        = { 1, G_DATE_NOVEMBER, 0, NULL, N_("All Saints’ Day") },
  [MIRIAM_HOLIDAY_ARMISTICE]         = { 11, G_DATE_NOVEMBER, 0, NULL, N_("Armistice Day") },
  [MIRIAM_HOLIDAY_CHRISTMAS]         = { 25, G_DATE_DECEMBER, 0, NULL, N_("Christmas Day") },
  [MIRIAM_HOLIDAY_FLEMISH_COMMUNITY] = { 11, G_DATE_JULY, 0, "vl", N_("Day of the Flemish Community") },
  [MIRIAM_HOLIDAY_FRENCH_COMMUNITY]  = { 27, G_DATE_SEPTEMBER, 0, "fr", N_("Day of the French Community") },
  [MIRIAM_HOLIDAY_GERMAN_COMMUNITY]  = { 15, G_DATE_NOVEMBER, 0, "de", N_("Day of the German-speaking Community") },
};

void
miriam_holiday_date (MiriamHoliday  holiday,
                     guint          year,
                     GDate         *date)
{
  g_return_if_fail (holiday < MIRIAM_N_HOLIDAYS);

  if (holidays[holiday].day == 0)
    {
      miriam_easter_sunday (year, date);
      g_date_add_days (date, holidays[holiday].after_easter);
      return;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, holidays[holiday].day, holidays[holiday].month, year);
}

const char *
miriam_holiday_label (MiriamHoliday holiday)
{
  g_return_val_if_fail (holiday < MIRIAM_N_HOLIDAYS, "");
  return _(holidays[holiday].label);
}

gboolean
miriam_holiday_applies (MiriamHoliday  holiday,
                        const char    *community)
{
  g_return_val_if_fail (holiday < MIRIAM_N_HOLIDAYS, FALSE);
  return holidays[holiday].community == NULL
         || g_strcmp0 (holidays[holiday].community, community) == 0;
}

MiriamHoliday
miriam_holiday_on (const GDate *date,
                   const char  *community)
{
  g_return_val_if_fail (g_date_valid (date), MIRIAM_N_HOLIDAYS);

  for (MiriamHoliday h = 0; h < MIRIAM_N_HOLIDAYS; h++)
    {
      GDate day;

      if (!miriam_holiday_applies (h, community))
        continue;
      miriam_holiday_date (h, g_date_get_year (date), &day);
      if (g_date_compare (&day, date) == 0)
        return h;
    }
  return MIRIAM_N_HOLIDAYS;
}
