/* miriam-school-holidays.c: the school holidays of each Belgian Community
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every break runs from a Monday to a Sunday (the weekends that bridge it
 * to school days are part of it), except summer, which runs from 1 July to
 * 31 August in the Flemish and German-speaking Communities and from the
 * Saturday after the last school day to the Sunday before the first one in
 * the French Community.
 */
#include "config.h"

#include "miriam-school-holidays.h"

#include "miriam-holidays.h"

#include <glib/gi18n-lib.h>

#define FIRST_YEAR 1990
#define LAST_YEAR  2100

/* Where a government set dates other than its own rules give.  Only the
 * years whose official calendar we have: for the later years the rules
 * stand until a decision says otherwise. */
static const struct {
  const char        *community;
  guint              start_year;  /* of the school year */
  MiriamSchoolBreak  kind;
  guint              first_day, first_month, first_year;
  guint              last_day, last_month, last_year;
} exceptions[] = {
  /* German-speaking Community, school year 2024-2025: the Easter break
   * after Easter, 21 April to 2 May 2025 (the rule gives 7-20 April). */
  { "de", 2024, MIRIAM_SCHOOL_BREAK_EASTER, 21, 4, 2025, 4, 5, 2025 },
  /* French Community 2025-2026: the spring break of 27 April to 10 May
   * 2026 is official; it is also what the rule gives, so no entry. */
};

static void
set_day (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The Monday of the week (Monday to Sunday) that holds @date. */
static void
monday_of_week (const GDate *date,
                GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}

/* @weeks whole weeks from the Monday @first. */
static void
set_weeks (MiriamSchoolHoliday *holiday,
           MiriamSchoolBreak    kind,
           const GDate         *first,
           guint                weeks)
{
  holiday->kind = kind;
  holiday->first = *first;
  holiday->last = *first;
  g_date_add_days (&holiday->last, weeks * 7 - 1);
}

static void
carnival_monday (guint  year,
                 GDate *monday)
{
  miriam_easter_sunday (year, monday);
  g_date_subtract_days (monday, 48);
}

/* Flemish and German-speaking: the week of 1 November, or the next one
 * when 1 November is a Sunday. */
static void
classic_autumn (guint                year,
                MiriamSchoolHoliday *holiday)
{
  GDate all_saints, monday;

  set_day (&all_saints, 1, G_DATE_NOVEMBER, year);
  if (g_date_get_weekday (&all_saints) == G_DATE_SUNDAY)
    g_date_add_days (&all_saints, 1);
  monday_of_week (&all_saints, &monday);
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_AUTUMN, &monday, 1);
}

/* French: the week of 1 November and the one before; when 1 November is a
 * Sunday its week ends on it, which is what the decree asks. */
static void
reformed_autumn (guint                year,
                 MiriamSchoolHoliday *holiday)
{
  GDate all_saints, monday;

  set_day (&all_saints, 1, G_DATE_NOVEMBER, year);
  monday_of_week (&all_saints, &monday);
  g_date_subtract_days (&monday, 7);
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_AUTUMN, &monday, 2);
}

/* All three: two weeks from the week of Christmas, or from the Monday
 * after it when Christmas falls in a weekend. */
static void
christmas (guint                year,
           MiriamSchoolHoliday *holiday)
{
  GDate christmas_day, monday;

  set_day (&christmas_day, 25, G_DATE_DECEMBER, year);
  if (g_date_get_weekday (&christmas_day) >= G_DATE_SATURDAY)
    g_date_add_days (&christmas_day, 8 - g_date_get_weekday (&christmas_day));
  monday_of_week (&christmas_day, &monday);
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_CHRISTMAS, &monday, 2);
}

/* Flemish and German-speaking: the week of Carnival Monday (Rosenmontag). */
static void
classic_carnival (guint                year,
                  MiriamSchoolHoliday *holiday)
{
  GDate monday;

  carnival_monday (year, &monday);
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_CARNIVAL, &monday, 1);
}

/* French: two weeks after seven weeks of school following the winter
 * holidays, a week earlier when that keeps Carnival Monday in the break. */
static void
reformed_carnival (const MiriamSchoolHoliday *winter,
                   guint                      year,
                   MiriamSchoolHoliday       *holiday)
{
  GDate monday = winter->last, carnival, week_before;

  g_date_add_days (&monday, 1 + 7 * 7);
  carnival_monday (year, &carnival);
  week_before = monday;
  g_date_subtract_days (&week_before, 7);
  if (g_date_compare (&carnival, &week_before) >= 0
      && g_date_compare (&carnival, &monday) < 0)
    monday = week_before;
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_CARNIVAL, &monday, 2);
}

/* Flemish and German-speaking: two weeks from the first Monday of April;
 * from Easter Monday when Easter falls in March, and from the second
 * Monday before Easter when Easter falls after 15 April. */
static void
classic_easter (guint                year,
                MiriamSchoolHoliday *holiday)
{
  GDate easter, monday;

  miriam_easter_sunday (year, &easter);
  if (g_date_get_month (&easter) == G_DATE_MARCH)
    {
      monday = easter;
      g_date_add_days (&monday, 1);
    }
  else if (g_date_get_day (&easter) > 15)
    {
      monday = easter;
      g_date_subtract_days (&monday, 13);
    }
  else
    {
      set_day (&monday, 1, G_DATE_APRIL, year);
      g_date_add_days (&monday, (G_DATE_MONDAY + 7 - g_date_get_weekday (&monday)) % 7);
    }
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_EASTER, &monday, 2);
}

/* French: two weeks from the Monday of the week of 1 May, whatever the
 * date of Easter. */
static void
reformed_spring (guint                year,
                 MiriamSchoolHoliday *holiday)
{
  GDate labour_day, monday;

  set_day (&labour_day, 1, G_DATE_MAY, year);
  monday_of_week (&labour_day, &monday);
  set_weeks (holiday, MIRIAM_SCHOOL_BREAK_EASTER, &monday, 2);
}

static void
classic_summer (guint                year,
                MiriamSchoolHoliday *holiday)
{
  holiday->kind = MIRIAM_SCHOOL_BREAK_SUMMER;
  set_day (&holiday->first, 1, G_DATE_JULY, year);
  set_day (&holiday->last, 31, G_DATE_AUGUST, year);
}

/* French: school ends on the first Friday of July and starts again on the
 * last Monday of August. */
static void
reformed_summer (guint                year,
                 MiriamSchoolHoliday *holiday)
{
  GDate first_friday, last_monday;

  set_day (&first_friday, 1, G_DATE_JULY, year);
  g_date_add_days (&first_friday, (G_DATE_FRIDAY + 7 - g_date_get_weekday (&first_friday)) % 7);
  set_day (&last_monday, 31, G_DATE_AUGUST, year);
  g_date_subtract_days (&last_monday, (g_date_get_weekday (&last_monday) + 7 - G_DATE_MONDAY) % 7);

  holiday->kind = MIRIAM_SCHOOL_BREAK_SUMMER;
  holiday->first = first_friday;
  g_date_add_days (&holiday->first, 1);
  holiday->last = last_monday;
  g_date_subtract_days (&holiday->last, 1);
}

static void
apply_exceptions (const char          *community,
                  guint                start_year,
                  MiriamSchoolHoliday  breaks[MIRIAM_N_SCHOOL_BREAKS])
{
  for (guint i = 0; i < G_N_ELEMENTS (exceptions); i++)
    {
      MiriamSchoolHoliday *holiday;

      if (exceptions[i].start_year != start_year
          || g_strcmp0 (exceptions[i].community, community) != 0)
        continue;
      holiday = &breaks[exceptions[i].kind];
      set_day (&holiday->first, exceptions[i].first_day,
               exceptions[i].first_month, exceptions[i].first_year);
      set_day (&holiday->last, exceptions[i].last_day,
               exceptions[i].last_month, exceptions[i].last_year);
    }
}

gboolean
miriam_school_holidays (const char          *community,
                        guint                start_year,
                        MiriamSchoolHoliday  breaks[MIRIAM_N_SCHOOL_BREAKS])
{
  gboolean french = g_strcmp0 (community, "fr") == 0;

  g_return_val_if_fail (breaks != NULL, FALSE);

  if (!french && g_strcmp0 (community, "vl") != 0 && g_strcmp0 (community, "de") != 0)
    return FALSE;
  if (start_year < FIRST_YEAR || start_year > LAST_YEAR)
    return FALSE;

  christmas (start_year, &breaks[MIRIAM_SCHOOL_BREAK_CHRISTMAS]);
  if (french)
    {
      reformed_autumn (start_year, &breaks[MIRIAM_SCHOOL_BREAK_AUTUMN]);
      reformed_carnival (&breaks[MIRIAM_SCHOOL_BREAK_CHRISTMAS], start_year + 1,
                         &breaks[MIRIAM_SCHOOL_BREAK_CARNIVAL]);
      reformed_spring (start_year + 1, &breaks[MIRIAM_SCHOOL_BREAK_EASTER]);
      reformed_summer (start_year + 1, &breaks[MIRIAM_SCHOOL_BREAK_SUMMER]);
    }
  else
    {
      classic_autumn (start_year, &breaks[MIRIAM_SCHOOL_BREAK_AUTUMN]);
      classic_carnival (start_year + 1, &breaks[MIRIAM_SCHOOL_BREAK_CARNIVAL]);
      classic_easter (start_year + 1, &breaks[MIRIAM_SCHOOL_BREAK_EASTER]);
      classic_summer (start_year + 1, &breaks[MIRIAM_SCHOOL_BREAK_SUMMER]);
    }
  apply_exceptions (community, start_year, breaks);
  return TRUE;
}

gboolean
miriam_school_holiday_on (const GDate         *date,
                          const char          *community,
                          MiriamSchoolHoliday *holiday)
{
  guint year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  /* A day belongs to the school year that began the autumn before it (its
   * carnival, Easter and summer) or to the one that begins in its own year
   * (its autumn, and Christmas reaching into January of the next). */
  year = g_date_get_year (date);
  for (guint start = year - 1; start <= year; start++)
    {
      MiriamSchoolHoliday breaks[MIRIAM_N_SCHOOL_BREAKS];

      if (!miriam_school_holidays (community, start, breaks))
        continue;
      for (guint i = 0; i < MIRIAM_N_SCHOOL_BREAKS; i++)
        if (g_date_compare (date, &breaks[i].first) >= 0
            && g_date_compare (date, &breaks[i].last) <= 0)
          {
            if (holiday != NULL)
              *holiday = breaks[i];
            return TRUE;
          }
    }
  return FALSE;
}

static const char *const classic_labels[MIRIAM_N_SCHOOL_BREAKS] = {
  [MIRIAM_SCHOOL_BREAK_AUTUMN]    = N_("Autumn holidays"),
  [MIRIAM_SCHOOL_BREAK_CHRISTMAS] = N_("Christmas holidays"),
  [MIRIAM_SCHOOL_BREAK_CARNIVAL]  = N_("Carnival holidays"),
  [MIRIAM_SCHOOL_BREAK_EASTER]    = N_("Easter holidays"),
  [MIRIAM_SCHOOL_BREAK_SUMMER]    = N_("Summer holidays"),
};

/* The French Community renamed its breaks with the reform; a French-
 * speaking team knows them by these names. */
static const char *const reformed_labels[MIRIAM_N_SCHOOL_BREAKS] = {
  [MIRIAM_SCHOOL_BREAK_AUTUMN]    = N_("Autumn break"),
  [MIRIAM_SCHOOL_BREAK_CHRISTMAS] = N_("Winter holidays"),
  [MIRIAM_SCHOOL_BREAK_CARNIVAL]  = N_("Relaxation break"),
  [MIRIAM_SCHOOL_BREAK_EASTER]    = N_("Spring holidays"),
  [MIRIAM_SCHOOL_BREAK_SUMMER]    = N_("Summer holidays"),
};

const char *
miriam_school_break_label (MiriamSchoolBreak  kind,
                           const char        *community)
{
  g_return_val_if_fail (kind < MIRIAM_N_SCHOOL_BREAKS, "");

  if (g_strcmp0 (community, "fr") == 0)
    return _(reformed_labels[kind]);
  return _(classic_labels[kind]);
}
