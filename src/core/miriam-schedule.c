/* miriam-schedule.c: a cohort's group sessions from the group's rhythm
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-schedule.h"

#include "miriam-holidays.h"
#include "miriam-school-holidays.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

void
miriam_schedule_date_clear (gpointer data)
{
  MiriamScheduleDate *date = data;

  g_clear_pointer (&date->reason, g_free);
}

static const MiriamClosedDay *
find_closed_day (const MiriamScheduleRule *rule,
                 const GDate              *day)
{
  for (guint i = 0; i < rule->n_closed_days; i++)
    if (g_date_valid (&rule->closed_days[i].day)
        && g_date_compare (&rule->closed_days[i].day, day) == 0)
      return &rule->closed_days[i];
  return NULL;
}

char *
miriam_schedule_day_blocked (const MiriamScheduleRule *rule,
                             const GDate              *day,
                             MiriamScheduleOutcome    *outcome)
{
  MiriamScheduleOutcome result = MIRIAM_SCHEDULE_KEPT;
  MiriamSchoolHoliday school;
  const MiriamClosedDay *closed;
  MiriamHoliday holiday;
  char *reason = NULL;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  /* A public holiday is named first even when the OCMW also lists it as a
   * closed day: its own name says more than "Closed day". */
  holiday = miriam_holiday_on (day, rule->community);
  closed = find_closed_day (rule, day);
  if (holiday != MIRIAM_N_HOLIDAYS)
    {
      result = MIRIAM_SCHEDULE_PUBLIC_HOLIDAY;
      reason = g_strdup (miriam_holiday_label (holiday));
    }
  else if (closed != NULL)
    {
      result = MIRIAM_SCHEDULE_CLOSED_DAY;
      reason = g_strdup (closed->label != NULL && *closed->label != '\0'
                         ? closed->label : _("Closed day"));
    }
  else if (miriam_school_holiday_on (day, rule->community, &school))
    {
      result = MIRIAM_SCHEDULE_SCHOOL_HOLIDAY;
      reason = g_strdup (miriam_school_break_label (school.kind, rule->community));
    }

  if (outcome != NULL)
    *outcome = result;
  return reason;
}

static void
append_candidate (GArray                   *dates,
                  const MiriamScheduleRule *rule,
                  const GDate              *day)
{
  MiriamScheduleDate date = { .day = *day };

  date.reason = miriam_schedule_day_blocked (rule, day, &date.outcome);
  g_array_append_val (dates, date);
}

/* The first @weekday on or after @from. */
static void
first_weekday_from (const GDate *from,
                    guint        weekday,
                    GDate       *day)
{
  *day = *from;
  g_date_add_days (day, (weekday + 7 - g_date_get_weekday (from)) % 7);
}

/* Weekly and fortnightly: a fixed step, so a skipped week keeps the
 * cadence of the weeks after it. */
static void
generate_every (GArray                   *dates,
                const MiriamScheduleRule *rule,
                guint                     step)
{
  GDate day;

  first_weekday_from (&rule->first, rule->weekday, &day);
  while (g_date_compare (&day, &rule->last) <= 0)
    {
      append_candidate (dates, rule, &day);
      g_date_add_days (&day, step);
    }
}

/* The 1st, 2nd and 4th @weekday of each month: the third is left out so
 * that the month stays light, and no two sessions lie more than 14 days
 * apart inside a month. */
static void
generate_three_monthly (GArray                   *dates,
                        const MiriamScheduleRule *rule)
{
  static const guint weeks[] = { 0, 1, 3 };
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&rule->first), g_date_get_year (&rule->first));
  while (g_date_compare (&month, &rule->last) <= 0)
    {
      GDate first;

      first_weekday_from (&month, rule->weekday, &first);
      for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
        {
          GDate day = first;

          g_date_add_days (&day, weeks[i] * 7);
          if (g_date_compare (&day, &rule->first) >= 0
              && g_date_compare (&day, &rule->last) <= 0)
            append_candidate (dates, rule, &day);
        }
      g_date_add_months (&month, 1);
    }
}

GArray *
miriam_schedule_generate (const MiriamScheduleRule *rule)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (MiriamScheduleDate));

  g_array_set_clear_func (dates, miriam_schedule_date_clear);

  g_return_val_if_fail (rule != NULL, dates);
  if (rule->weekday < G_DATE_MONDAY || rule->weekday > G_DATE_SUNDAY
      || !g_date_valid (&rule->first) || !g_date_valid (&rule->last))
    return dates;

  if (g_strcmp0 (rule->rhythm, "weekly") == 0)
    generate_every (dates, rule, 7);
  else if (g_strcmp0 (rule->rhythm, "fortnightly") == 0)
    generate_every (dates, rule, 14);
  else if (g_strcmp0 (rule->rhythm, "three_monthly") == 0)
    generate_three_monthly (dates, rule);
  /* "free" and unknown rhythms: the team adds the dates by hand. */

  return dates;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/* Lower is better: outside school holidays first, then on the group's own
 * weekday.  -1 for a day that can never be suggested. */
static int
suggestion_rank (const MiriamScheduleRule *rule,
                 const GDate              *day)
{
  MiriamScheduleOutcome outcome = MIRIAM_SCHEDULE_KEPT;
  guint weekday = g_date_get_weekday (day);
  gboolean own_weekday = rule != NULL && weekday == rule->weekday;
  g_autofree char *reason = NULL;

  /* A group that meets on a Saturday may be offered a Saturday. */
  if (weekday >= G_DATE_SATURDAY && !own_weekday)
    return -1;
  if (rule != NULL)
    reason = miriam_schedule_day_blocked (rule, day, &outcome);
  if (outcome == MIRIAM_SCHEDULE_PUBLIC_HOLIDAY || outcome == MIRIAM_SCHEDULE_CLOSED_DAY)
    return -1;
  return (outcome == MIRIAM_SCHEDULE_SCHOOL_HOLIDAY ? 2 : 0) + (own_weekday ? 0 : 1);
}

static void
suggest (const MiriamScheduleRule *rule,
         MiriamScheduleGap        *gap)
{
  guint32 after = g_date_get_julian (&gap->after);
  guint32 before = g_date_get_julian (&gap->before);
  guint32 middle = after + (before - after) / 2;
  int best_rank = G_MAXINT;
  guint32 best_distance = G_MAXUINT32;

  g_date_clear (&gap->suggestion, 1);
  for (guint32 julian = after + 1; julian < before; julian++)
    {
      guint32 distance = julian > middle ? julian - middle : middle - julian;
      GDate day;
      int rank;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, julian);
      rank = suggestion_rank (rule, &day);
      if (rank < 0)
        continue;
      if (rank < best_rank || (rank == best_rank && distance < best_distance))
        {
          best_rank = rank;
          best_distance = distance;
          gap->suggestion = day;
        }
    }
}

GArray *
miriam_schedule_find_gaps (const GDate              *days,
                           guint                     n_days,
                           const MiriamScheduleRule *rule,
                           guint                     max_days)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (MiriamScheduleGap));
  g_autofree GDate *sorted = NULL;
  guint n_sorted = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, gaps);

  sorted = g_new (GDate, MAX (n_days, 1));
  for (guint i = 0; i < n_days; i++)
    if (g_date_valid (&days[i]))
      sorted[n_sorted++] = days[i];
  qsort (sorted, n_sorted, sizeof (GDate), compare_dates);

  for (guint i = 1; i < n_sorted; i++)
    {
      guint32 from = g_date_get_julian (&sorted[i - 1]);
      guint32 to = g_date_get_julian (&sorted[i]);
      MiriamScheduleGap gap;

      /* Duplicates give 0 days, never a gap. */
      if (to - from <= max_days)
        continue;
      gap.after = sorted[i - 1];
      gap.before = sorted[i];
      gap.days = to - from;
      suggest (rule, &gap);
      g_array_append_val (gaps, gap);
    }
  return gaps;
}
