/* test-calendar-rules.c: school holidays, schedules, gaps, conflicts and
 * attendance
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected dates are written out from the official calendars of the
 * Communities (or worked out by hand from their rules for the years that
 * have no official calendar yet), never computed by the code under test.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/miriam-calendar.h"
#include "core/miriam-date.h"
#include "core/miriam-holidays.h"
#include "core/miriam-schedule.h"
#include "core/miriam-school-holidays.h"

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
assert_day (const GDate *date,
            guint        day,
            guint        month,
            guint        year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, day);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
}

/* One school year: the first and last day of each break, as
 * { d, m, y, d, m, y } in the order of MiriamSchoolBreak. */
typedef struct {
  const char *community;
  guint       start_year;
  guint       days[MIRIAM_N_SCHOOL_BREAKS][6];
} ExpectedYear;

static const ExpectedYear expected_years[] = {
  /* Flemish Community: official 2024-25 and 2025-26, rules after. */
  { "vl", 2024, { { 28, 10, 2024,  3, 11, 2024 }, { 23, 12, 2024,  5,  1, 2025 },
                  {  3,  3, 2025,  9,  3, 2025 }, {  7,  4, 2025, 20,  4, 2025 },
                  {  1,  7, 2025, 31,  8, 2025 } } },
  { "vl", 2025, { { 27, 10, 2025,  2, 11, 2025 }, { 22, 12, 2025,  4,  1, 2026 },
                  { 16,  2, 2026, 22,  2, 2026 }, {  6,  4, 2026, 19,  4, 2026 },
                  {  1,  7, 2026, 31,  8, 2026 } } },
  { "vl", 2026, { {  2, 11, 2026,  8, 11, 2026 }, { 21, 12, 2026,  3,  1, 2027 },
                  {  8,  2, 2027, 14,  2, 2027 }, { 29,  3, 2027, 11,  4, 2027 },
                  {  1,  7, 2027, 31,  8, 2027 } } },
  { "vl", 2027, { {  1, 11, 2027,  7, 11, 2027 }, { 27, 12, 2027,  9,  1, 2028 },
                  { 28,  2, 2028,  5,  3, 2028 }, {  3,  4, 2028, 16,  4, 2028 },
                  {  1,  7, 2028, 31,  8, 2028 } } },
  /* French Community, reformed calendar: official 2022-23 to 2025-26. */
  { "fr", 2022, { { 24, 10, 2022,  6, 11, 2022 }, { 26, 12, 2022,  8,  1, 2023 },
                  { 20,  2, 2023,  5,  3, 2023 }, {  1,  5, 2023, 14,  5, 2023 },
                  {  8,  7, 2023, 27,  8, 2023 } } },
  { "fr", 2023, { { 23, 10, 2023,  5, 11, 2023 }, { 25, 12, 2023,  7,  1, 2024 },
                  { 26,  2, 2024, 10,  3, 2024 }, { 29,  4, 2024, 12,  5, 2024 },
                  {  6,  7, 2024, 25,  8, 2024 } } },
  { "fr", 2024, { { 21, 10, 2024,  3, 11, 2024 }, { 23, 12, 2024,  5,  1, 2025 },
                  { 24,  2, 2025,  9,  3, 2025 }, { 28,  4, 2025, 11,  5, 2025 },
                  {  5,  7, 2025, 24,  8, 2025 } } },
  { "fr", 2025, { { 20, 10, 2025,  2, 11, 2025 }, { 22, 12, 2025,  4,  1, 2026 },
                  { 16,  2, 2026,  1,  3, 2026 }, { 27,  4, 2026, 10,  5, 2026 },
                  {  4,  7, 2026, 30,  8, 2026 } } },
  /* 2026-27 and 2027-28 by the rules, worked out by hand. */
  { "fr", 2026, { { 19, 10, 2026,  1, 11, 2026 }, { 21, 12, 2026,  3,  1, 2027 },
                  { 22,  2, 2027,  7,  3, 2027 }, { 26,  4, 2027,  9,  5, 2027 },
                  {  3,  7, 2027, 29,  8, 2027 } } },
  { "fr", 2027, { { 25, 10, 2027,  7, 11, 2027 }, { 27, 12, 2027,  9,  1, 2028 },
                  { 28,  2, 2028, 12,  3, 2028 }, {  1,  5, 2028, 14,  5, 2028 },
                  {  8,  7, 2028, 27,  8, 2028 } } },
  /* German-speaking Community: official 2024-25 (Easter after Easter)
   * and 2025-26, rules after. */
  { "de", 2024, { { 28, 10, 2024,  3, 11, 2024 }, { 23, 12, 2024,  5,  1, 2025 },
                  {  3,  3, 2025,  9,  3, 2025 }, { 21,  4, 2025,  4,  5, 2025 },
                  {  1,  7, 2025, 31,  8, 2025 } } },
  { "de", 2025, { { 27, 10, 2025,  2, 11, 2025 }, { 22, 12, 2025,  4,  1, 2026 },
                  { 16,  2, 2026, 22,  2, 2026 }, {  6,  4, 2026, 19,  4, 2026 },
                  {  1,  7, 2026, 31,  8, 2026 } } },
  { "de", 2026, { {  2, 11, 2026,  8, 11, 2026 }, { 21, 12, 2026,  3,  1, 2027 },
                  {  8,  2, 2027, 14,  2, 2027 }, { 29,  3, 2027, 11,  4, 2027 },
                  {  1,  7, 2027, 31,  8, 2027 } } },
  { "de", 2027, { {  1, 11, 2027,  7, 11, 2027 }, { 27, 12, 2027,  9,  1, 2028 },
                  { 28,  2, 2028,  5,  3, 2028 }, {  3,  4, 2028, 16,  4, 2028 },
                  {  1,  7, 2028, 31,  8, 2028 } } },
};

static void
test_school_years (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_years); i++)
    {
      const ExpectedYear *e = &expected_years[i];
      MiriamSchoolHoliday breaks[MIRIAM_N_SCHOOL_BREAKS];

      g_test_message ("%s %u", e->community, e->start_year);
      g_assert_true (miriam_school_holidays (e->community, e->start_year, breaks));
      for (guint b = 0; b < MIRIAM_N_SCHOOL_BREAKS; b++)
        {
          const guint *d = e->days[b];

          g_assert_cmpint (breaks[b].kind, ==, b);
          assert_day (&breaks[b].first, d[0], d[1], d[2]);
          assert_day (&breaks[b].last, d[3], d[4], d[5]);
          /* Every break but summer runs Monday to Sunday. */
          if (b != MIRIAM_SCHOOL_BREAK_SUMMER)
            {
              g_assert_cmpint (g_date_get_weekday (&breaks[b].first), ==, G_DATE_MONDAY);
              g_assert_cmpint (g_date_get_weekday (&breaks[b].last), ==, G_DATE_SUNDAY);
            }
        }
    }
}

static void
test_school_years_refused (void)
{
  MiriamSchoolHoliday breaks[MIRIAM_N_SCHOOL_BREAKS];

  g_assert_false (miriam_school_holidays ("xx", 2026, breaks));
  g_assert_false (miriam_school_holidays (NULL, 2026, breaks));
  g_assert_false (miriam_school_holidays ("vl", 1989, breaks));
  g_assert_false (miriam_school_holidays ("vl", 2101, breaks));
  g_assert_true (miriam_school_holidays ("fr", 2100, breaks));
}

static void
test_school_holiday_on (void)
{
  MiriamSchoolHoliday holiday;
  GDate day;

  /* July belongs to the school year that began the autumn before. */
  day = dmy (15, 7, 2026);
  g_assert_true (miriam_school_holiday_on (&day, "vl", &holiday));
  g_assert_cmpint (holiday.kind, ==, MIRIAM_SCHOOL_BREAK_SUMMER);
  assert_day (&holiday.first, 1, 7, 2026);

  /* Late August: still summer in "fr" until the last Monday... */
  day = dmy (28, 8, 2026);
  g_assert_true (miriam_school_holiday_on (&day, "fr", &holiday));
  g_assert_cmpint (holiday.kind, ==, MIRIAM_SCHOOL_BREAK_SUMMER);
  assert_day (&holiday.first, 4, 7, 2026);
  assert_day (&holiday.last, 30, 8, 2026);
  /* ...but school has started by 26 August 2025, while "vl" is on holiday. */
  day = dmy (26, 8, 2025);
  g_assert_false (miriam_school_holiday_on (&day, "fr", NULL));
  g_assert_true (miriam_school_holiday_on (&day, "vl", NULL));
  /* The first days of July are still school in "fr". */
  day = dmy (3, 7, 2026);
  g_assert_false (miriam_school_holiday_on (&day, "fr", NULL));

  /* Christmas reaching into January. */
  day = dmy (2, 1, 2027);
  g_assert_true (miriam_school_holiday_on (&day, "de", &holiday));
  g_assert_cmpint (holiday.kind, ==, MIRIAM_SCHOOL_BREAK_CHRISTMAS);
  assert_day (&holiday.first, 21, 12, 2026);

  /* An ordinary school day. */
  day = dmy (13, 10, 2026);
  g_assert_false (miriam_school_holiday_on (&day, "vl", &holiday));
  g_assert_false (miriam_school_holiday_on (&day, "fr", NULL));
  g_assert_false (miriam_school_holiday_on (&day, "de", NULL));
  g_assert_false (miriam_school_holiday_on (&day, "xx", NULL));
}

static void
test_school_break_labels (void)
{
  g_assert_cmpstr (miriam_school_break_label (MIRIAM_SCHOOL_BREAK_CHRISTMAS, "vl"), ==,
                   "Christmas holidays");
  g_assert_cmpstr (miriam_school_break_label (MIRIAM_SCHOOL_BREAK_CHRISTMAS, "fr"), ==,
                   "Winter holidays");
  g_assert_cmpstr (miriam_school_break_label (MIRIAM_SCHOOL_BREAK_EASTER, "fr"), ==,
                   "Spring holidays");
  g_assert_cmpstr (miriam_school_break_label (MIRIAM_SCHOOL_BREAK_CARNIVAL, "fr"), ==,
                   "Relaxation break");
  g_assert_cmpstr (miriam_school_break_label (MIRIAM_SCHOOL_BREAK_CARNIVAL, "de"), ==,
                   "Carnival holidays");
  for (guint b = 0; b < MIRIAM_N_SCHOOL_BREAKS; b++)
    {
      g_assert_cmpuint (strlen (miriam_school_break_label (b, "vl")), >, 0);
      g_assert_cmpuint (strlen (miriam_school_break_label (b, "fr")), >, 0);
    }
}

/* A Tuesday group of the cohort September 2026 to June 2027. */
static MiriamScheduleRule
cohort_rule (const char *rhythm,
             const char *community)
{
  MiriamScheduleRule rule = { 0 };

  rule.rhythm = rhythm;
  rule.weekday = G_DATE_TUESDAY;
  rule.first = dmy (1, 9, 2026);
  rule.last = dmy (29, 6, 2027);
  rule.community = community;
  return rule;
}

static const MiriamScheduleDate *
find_date (GArray      *dates,
           const GDate *day)
{
  for (guint i = 0; i < dates->len; i++)
    {
      const MiriamScheduleDate *date = &g_array_index (dates, MiriamScheduleDate, i);

      if (g_date_compare (&date->day, day) == 0)
        return date;
    }
  return NULL;
}

static void
assert_outcome (GArray                *dates,
                GDate                  day,
                MiriamScheduleOutcome  outcome,
                const char            *reason)
{
  const MiriamScheduleDate *date = find_date (dates, &day);

  g_assert_nonnull (date);
  g_assert_cmpint (date->outcome, ==, outcome);
  g_assert_cmpstr (date->reason, ==, reason);
}

static guint
count_kept (GArray *dates)
{
  guint kept = 0;

  for (guint i = 0; i < dates->len; i++)
    if (g_array_index (dates, MiriamScheduleDate, i).outcome == MIRIAM_SCHEDULE_KEPT)
      kept++;
  return kept;
}

static void
test_schedule_weekly (void)
{
  MiriamScheduleRule rule = cohort_rule ("weekly", "vl");
  g_autoptr(GArray) dates = miriam_schedule_generate (&rule);

  /* 44 Tuesdays from 1 September 2026 to 29 June 2027; six fall in the
   * autumn (3 Nov), Christmas (22, 29 Dec), carnival (9 Feb) and Easter
   * (30 Mar, 6 Apr) holidays; no public holiday falls on a Tuesday. */
  g_assert_cmpuint (dates->len, ==, 44);
  g_assert_cmpuint (count_kept (dates), ==, 38);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 0).day, 1, 9, 2026);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 43).day, 29, 6, 2027);

  for (guint i = 0; i < dates->len; i++)
    {
      const MiriamScheduleDate *date = &g_array_index (dates, MiriamScheduleDate, i);

      g_assert_cmpint (g_date_get_weekday (&date->day), ==, G_DATE_TUESDAY);
      if (i > 0)
        g_assert_cmpint (g_date_days_between (&g_array_index (dates, MiriamScheduleDate, i - 1).day,
                                              &date->day), ==, 7);
      if (date->outcome == MIRIAM_SCHEDULE_KEPT)
        {
          g_assert_null (date->reason);
          g_assert_cmpint (miriam_holiday_on (&date->day, "vl"), ==, MIRIAM_N_HOLIDAYS);
          g_assert_false (miriam_school_holiday_on (&date->day, "vl", NULL));
        }
      else
        g_assert_cmpuint (strlen (date->reason), >, 0);
    }

  assert_outcome (dates, dmy (3, 11, 2026), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Autumn holidays");
  assert_outcome (dates, dmy (29, 12, 2026), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Christmas holidays");
  assert_outcome (dates, dmy (9, 2, 2027), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Carnival holidays");
  assert_outcome (dates, dmy (30, 3, 2027), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Easter holidays");
  assert_outcome (dates, dmy (13, 4, 2027), MIRIAM_SCHEDULE_KEPT, NULL);
}

static void
test_schedule_public_holiday (void)
{
  MiriamScheduleRule rule = cohort_rule ("weekly", "vl");
  g_autoptr(GArray) dates = NULL;

  /* A Monday group meets neither on Easter Monday nor on Whit Monday. */
  rule.weekday = G_DATE_MONDAY;
  dates = miriam_schedule_generate (&rule);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 0).day, 7, 9, 2026);
  assert_outcome (dates, dmy (17, 5, 2027), MIRIAM_SCHEDULE_PUBLIC_HOLIDAY, "Whit Monday");
  /* Easter Monday lies in the Easter holidays: the holiday is named. */
  assert_outcome (dates, dmy (29, 3, 2027), MIRIAM_SCHEDULE_PUBLIC_HOLIDAY, "Easter Monday");
}

static void
test_schedule_fortnightly (void)
{
  MiriamScheduleRule rule = cohort_rule ("fortnightly", "vl");
  g_autoptr(GArray) dates = miriam_schedule_generate (&rule);

  /* 1 September and every 14 days: 22 sessions up to 29 June 2027. */
  g_assert_cmpuint (dates->len, ==, 22);
  for (guint i = 1; i < dates->len; i++)
    g_assert_cmpint (g_date_days_between (&g_array_index (dates, MiriamScheduleDate, i - 1).day,
                                          &g_array_index (dates, MiriamScheduleDate, i).day), ==, 14);

  /* The cadence goes on through the skipped dates. */
  assert_outcome (dates, dmy (8, 12, 2026), MIRIAM_SCHEDULE_KEPT, NULL);
  assert_outcome (dates, dmy (22, 12, 2026), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Christmas holidays");
  assert_outcome (dates, dmy (5, 1, 2027), MIRIAM_SCHEDULE_KEPT, NULL);
  assert_outcome (dates, dmy (30, 3, 2027), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Easter holidays");
  assert_outcome (dates, dmy (16, 2, 2027), MIRIAM_SCHEDULE_KEPT, NULL);
  g_assert_cmpuint (count_kept (dates), ==, 20);
}

static void
test_schedule_three_monthly (void)
{
  MiriamScheduleRule rule = cohort_rule ("three_monthly", "vl");
  g_autoptr(GArray) dates = miriam_schedule_generate (&rule);

  /* Three Tuesdays in each of the ten months. */
  g_assert_cmpuint (dates->len, ==, 30);
  for (guint i = 0; i < dates->len; i++)
    {
      const GDate *day = &g_array_index (dates, MiriamScheduleDate, i).day;
      guint d = g_date_get_day (day);

      g_assert_cmpint (g_date_get_weekday (day), ==, G_DATE_TUESDAY);
      /* The 1st (days 1-7), 2nd (8-14) or 4th (22-28): never the 3rd or 5th. */
      g_assert_true (d <= 14 || (d >= 22 && d <= 28));
      if (i > 0)
        {
          const GDate *previous = &g_array_index (dates, MiriamScheduleDate, i - 1).day;

          g_assert_cmpint (g_date_compare (previous, day), <, 0);
          if (g_date_get_month (previous) == g_date_get_month (day))
            g_assert_cmpint (g_date_days_between (previous, day), <=, 14);
        }
    }
  assert_day (&g_array_index (dates, MiriamScheduleDate, 0).day, 1, 9, 2026);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 1).day, 8, 9, 2026);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 2).day, 22, 9, 2026);
  assert_day (&g_array_index (dates, MiriamScheduleDate, 29).day, 22, 6, 2027);
}

static void
test_schedule_free (void)
{
  MiriamScheduleRule rule = cohort_rule ("free", "vl");
  g_autoptr(GArray) dates = miriam_schedule_generate (&rule);

  g_assert_cmpuint (dates->len, ==, 0);
}

static void
test_schedule_closed_day (void)
{
  MiriamClosedDay closed[] = { { dmy (2, 11, 2026), (char *) "Allerzielen" } };
  MiriamClosedDay unnamed[] = { { dmy (2, 11, 2026), (char *) "" } };
  MiriamScheduleRule rule = cohort_rule ("weekly", "fr");
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GArray) unnamed_dates = NULL;
  MiriamScheduleOutcome outcome;
  g_autofree char *reason = NULL;
  GDate day;

  /* 2 November 2026 is a school day in "fr": only the OCMW is closed. */
  rule.weekday = G_DATE_MONDAY;
  rule.closed_days = closed;
  rule.n_closed_days = G_N_ELEMENTS (closed);
  dates = miriam_schedule_generate (&rule);
  assert_outcome (dates, dmy (2, 11, 2026), MIRIAM_SCHEDULE_CLOSED_DAY, "Allerzielen");
  assert_outcome (dates, dmy (9, 11, 2026), MIRIAM_SCHEDULE_KEPT, NULL);

  rule.closed_days = unnamed;
  unnamed_dates = miriam_schedule_generate (&rule);
  assert_outcome (unnamed_dates, dmy (2, 11, 2026), MIRIAM_SCHEDULE_CLOSED_DAY, "Closed day");

  /* A closed day says more than the school holiday it falls in. */
  rule.community = "vl";
  day = dmy (2, 11, 2026);
  reason = miriam_schedule_day_blocked (&rule, &day, &outcome);
  g_assert_cmpint (outcome, ==, MIRIAM_SCHEDULE_CLOSED_DAY);
  g_assert_cmpstr (reason, ==, "Closed day");
  g_clear_pointer (&reason, g_free);

  /* Weekends are not refused. */
  day = dmy (10, 10, 2026);
  reason = miriam_schedule_day_blocked (&rule, &day, &outcome);
  g_assert_null (reason);
  g_assert_cmpint (outcome, ==, MIRIAM_SCHEDULE_KEPT);
}

static void
test_schedule_communities (void)
{
  MiriamScheduleRule flemish = cohort_rule ("weekly", "vl");
  MiriamScheduleRule french = cohort_rule ("weekly", "fr");
  g_autoptr(GArray) vl = miriam_schedule_generate (&flemish);
  g_autoptr(GArray) fr = miriam_schedule_generate (&french);

  g_assert_cmpuint (vl->len, ==, fr->len);
  /* The French autumn break comes a fortnight earlier... */
  assert_outcome (fr, dmy (20, 10, 2026), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Autumn break");
  assert_outcome (vl, dmy (20, 10, 2026), MIRIAM_SCHEDULE_KEPT, NULL);
  assert_outcome (fr, dmy (3, 11, 2026), MIRIAM_SCHEDULE_KEPT, NULL);
  assert_outcome (vl, dmy (3, 11, 2026), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Autumn holidays");
  /* ...and the spring holidays have nothing to do with Easter. */
  assert_outcome (fr, dmy (30, 3, 2027), MIRIAM_SCHEDULE_KEPT, NULL);
  assert_outcome (fr, dmy (27, 4, 2027), MIRIAM_SCHEDULE_SCHOOL_HOLIDAY, "Spring holidays");
  assert_outcome (vl, dmy (27, 4, 2027), MIRIAM_SCHEDULE_KEPT, NULL);
}

static GArray *
kept_days (GArray *dates)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint i = 0; i < dates->len; i++)
    {
      const MiriamScheduleDate *date = &g_array_index (dates, MiriamScheduleDate, i);

      if (date->outcome == MIRIAM_SCHEDULE_KEPT)
        g_array_append_val (days, date->day);
    }
  return days;
}

static void
assert_good_suggestion (const MiriamScheduleRule *rule,
                        const MiriamScheduleGap  *gap)
{
  g_assert_true (g_date_valid (&gap->suggestion));
  g_assert_cmpint (g_date_compare (&gap->after, &gap->suggestion), <, 0);
  g_assert_cmpint (g_date_compare (&gap->suggestion, &gap->before), <, 0);
  g_assert_cmpint (g_date_get_weekday (&gap->suggestion), <=, G_DATE_FRIDAY);
  g_assert_cmpint (miriam_holiday_on (&gap->suggestion, rule->community), ==, MIRIAM_N_HOLIDAYS);
  for (guint i = 0; i < rule->n_closed_days; i++)
    g_assert_cmpint (g_date_compare (&rule->closed_days[i].day, &gap->suggestion), !=, 0);
}

static void
test_gaps_christmas (void)
{
  MiriamScheduleRule rule = cohort_rule ("fortnightly", "vl");
  g_autoptr(GArray) dates = miriam_schedule_generate (&rule);
  g_autoptr(GArray) days = kept_days (dates);
  g_autoptr(GArray) gaps = NULL;
  const MiriamScheduleGap *gap;

  gaps = miriam_schedule_find_gaps ((const GDate *) days->data, days->len, &rule,
                                    MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  /* Christmas (22 December) and Easter (30 March) each leave 28 days. */
  g_assert_cmpuint (gaps->len, ==, 2);

  gap = &g_array_index (gaps, MiriamScheduleGap, 0);
  assert_day (&gap->after, 8, 12, 2026);
  assert_day (&gap->before, 5, 1, 2027);
  g_assert_cmpuint (gap->days, ==, 28);
  g_assert_cmpuint (gap->days, >, MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  assert_good_suggestion (&rule, gap);
  /* The Tuesday closest to the middle outside the Christmas holidays. */
  g_assert_false (miriam_school_holiday_on (&gap->suggestion, "vl", NULL));
  assert_day (&gap->suggestion, 15, 12, 2026);

  gap = &g_array_index (gaps, MiriamScheduleGap, 1);
  assert_day (&gap->after, 16, 3, 2027);
  assert_day (&gap->before, 13, 4, 2027);
  assert_good_suggestion (&rule, gap);
}

static void
test_gaps_none (void)
{
  MiriamScheduleRule rule = cohort_rule ("weekly", "vl");
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) gaps = NULL;
  GDate duplicates[] = { dmy (6, 10, 2026), dmy (6, 10, 2026), dmy (13, 10, 2026) };
  g_autoptr(GArray) none = NULL;

  /* September to mid-October: no holiday, every week kept. */
  rule.last = dmy (13, 10, 2026);
  dates = miriam_schedule_generate (&rule);
  days = kept_days (dates);
  g_assert_cmpuint (days->len, ==, 7);
  gaps = miriam_schedule_find_gaps ((const GDate *) days->data, days->len, &rule,
                                    MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  g_assert_cmpuint (gaps->len, ==, 0);

  none = miriam_schedule_find_gaps (duplicates, G_N_ELEMENTS (duplicates), &rule,
                                    MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_gaps_closed_day (void)
{
  MiriamClosedDay closed[] = { { dmy (13, 10, 2026), (char *) "Teambuilding" } };
  MiriamScheduleRule rule = cohort_rule ("weekly", "vl");
  /* Unsorted on purpose. */
  GDate days[] = { dmy (27, 10, 2026), dmy (6, 10, 2026) };
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GArray) closed_gaps = NULL;
  const MiriamScheduleGap *gap;

  /* 21 days: the Tuesday nearest the middle is 13 October... */
  gaps = miriam_schedule_find_gaps (days, G_N_ELEMENTS (days), &rule, MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  g_assert_cmpuint (gaps->len, ==, 1);
  gap = &g_array_index (gaps, MiriamScheduleGap, 0);
  assert_day (&gap->after, 6, 10, 2026);
  assert_day (&gap->before, 27, 10, 2026);
  g_assert_cmpuint (gap->days, ==, 21);
  assert_day (&gap->suggestion, 13, 10, 2026);

  /* ...unless the OCMW is closed that day. */
  rule.closed_days = closed;
  rule.n_closed_days = G_N_ELEMENTS (closed);
  closed_gaps = miriam_schedule_find_gaps (days, G_N_ELEMENTS (days), &rule,
                                           MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  g_assert_cmpuint (closed_gaps->len, ==, 1);
  gap = &g_array_index (closed_gaps, MiriamScheduleGap, 0);
  assert_good_suggestion (&rule, gap);
  assert_day (&gap->suggestion, 20, 10, 2026);
}

static MiriamCalendarEntry *
entry (guint       day,
       int         start_hour,
       int         end_hour,
       const char *location,
       const char *staff,
       gint64      staff_id)
{
  MiriamCalendarEntry *e = miriam_calendar_entry_new ();

  e->day = dmy (day, 10, 2026);
  e->start_minute = start_hour < 0 ? -1 : start_hour * 60;
  e->end_minute = end_hour < 0 ? -1 : end_hour * 60;
  g_free (e->location);
  e->location = g_strdup (location);
  if (staff != NULL)
    {
      g_strfreev (e->staff);
      e->staff = g_new0 (char *, 2);
      e->staff[0] = g_strdup (staff);
      e->staff_ids = g_new (gint64, 1);
      e->staff_ids[0] = staff_id;
    }
  return e;
}

static void
test_entry_copy (void)
{
  g_autoptr(MiriamCalendarEntry) empty = miriam_calendar_entry_new ();
  g_autoptr(MiriamCalendarEntry) original = entry (6, 10, 12, "Zaal 1", "An", 7);
  g_autoptr(MiriamCalendarEntry) copy = NULL;
  g_autoptr(MiriamCalendarEntry) empty_copy = NULL;

  g_assert_cmpstr (empty->group_name, ==, "");
  g_assert_cmpstr (empty->updated_at, ==, "");
  g_assert_nonnull (empty->staff);
  g_assert_cmpuint (g_strv_length (empty->staff), ==, 0);
  g_assert_cmpint (empty->start_minute, ==, -1);
  g_assert_false (g_date_valid (&empty->day));
  g_assert_false (g_date_valid (&empty->original_day));

  original->group_name = (g_free (original->group_name), g_strdup ("Groep Noord"));
  copy = miriam_calendar_entry_copy (original);
  g_assert_true (copy->group_name != original->group_name);
  g_assert_cmpstr (copy->group_name, ==, "Groep Noord");
  g_assert_cmpstr (copy->location, ==, "Zaal 1");
  g_assert_true (copy->staff != original->staff);
  g_assert_cmpstr (copy->staff[0], ==, "An");
  g_assert_true (copy->staff_ids != original->staff_ids);
  g_assert_cmpint (copy->staff_ids[0], ==, 7);
  g_assert_cmpint (copy->start_minute, ==, 600);
  assert_day (&copy->day, 6, 10, 2026);

  empty_copy = miriam_calendar_entry_copy (empty);
  g_assert_cmpstr (empty_copy->notes, ==, "");
  g_assert_cmpuint (g_strv_length (empty_copy->staff), ==, 0);
}

static void
test_attendance_codes (void)
{
  for (MiriamAttendance m = MIRIAM_ATTENDANCE_UNKNOWN; m <= MIRIAM_ATTENDANCE_EXCUSED; m++)
    {
      g_assert_cmpint (miriam_attendance_from_code (miriam_attendance_code (m)), ==, m);
      g_assert_cmpuint (strlen (miriam_attendance_label (m)), >, 0);
    }
  g_assert_null (miriam_attendance_code (MIRIAM_ATTENDANCE_UNKNOWN));
  g_assert_cmpstr (miriam_attendance_code (MIRIAM_ATTENDANCE_EXCUSED), ==, "excused");
  g_assert_cmpint (miriam_attendance_from_code ("nonsense"), ==, MIRIAM_ATTENDANCE_UNKNOWN);
  g_assert_cmpstr (miriam_attendance_label (MIRIAM_ATTENDANCE_PRESENT), ==, "Present");
  g_assert_cmpstr (miriam_attendance_label (MIRIAM_ATTENDANCE_UNKNOWN), ==, "Not marked");
}

static void
test_conflicts (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free);
  g_autoptr(GArray) conflicts = NULL;
  const MiriamConflict *conflict;

  /* 0 and 1: one room, overlapping, different people. */
  g_ptr_array_add (entries, entry (6, 10, 12, "Zaal 1", "An", 1));
  g_ptr_array_add (entries, entry (6, 11, 13, " zaal 1 ", "Bram", 2));
  /* 2: the same room from 13:00, right after 1. */
  g_ptr_array_add (entries, entry (6, 13, 14, "ZAAL 1", "Chloé", 3));
  /* 3: cancelled, in the same room at the same time. */
  g_ptr_array_add (entries, entry (6, 10, 12, "Zaal 1", "Dirk", 4));
  ((MiriamCalendarEntry *) g_ptr_array_index (entries, 3))->cancelled = TRUE;
  /* 4: An elsewhere at the same time as 0. */
  g_ptr_array_add (entries, entry (6, 11, 12, "Huisbezoek", "An", 1));
  /* 5: no time, in the same room, with An. */
  g_ptr_array_add (entries, entry (6, -1, -1, "Zaal 1", "An", 1));
  /* 6: another day. */
  g_ptr_array_add (entries, entry (7, 10, 12, "Zaal 1", "An", 1));
  /* 7: no location, someone else, at the same time as 0. */
  g_ptr_array_add (entries, entry (6, 10, 12, "", "Els", 5));
  /* 8: no location either: empty locations never conflict. */
  g_ptr_array_add (entries, entry (6, 10, 12, "  ", "Fien", 6));

  conflicts = miriam_calendar_find_conflicts (entries);
  g_assert_cmpuint (conflicts->len, ==, 2);

  conflict = &g_array_index (conflicts, MiriamConflict, 0);
  g_assert_cmpint (conflict->kind, ==, MIRIAM_CONFLICT_ROOM);
  g_assert_cmpuint (conflict->a, ==, 0);
  g_assert_cmpuint (conflict->b, ==, 1);
  g_assert_cmpstr (conflict->what, ==, "Zaal 1");

  conflict = &g_array_index (conflicts, MiriamConflict, 1);
  g_assert_cmpint (conflict->kind, ==, MIRIAM_CONFLICT_PERSON);
  g_assert_cmpuint (conflict->a, ==, 0);
  g_assert_cmpuint (conflict->b, ==, 4);
  g_assert_cmpstr (conflict->what, ==, "An");
}

static void
test_conflicts_adjacent (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free);
  g_autoptr(GArray) conflicts = NULL;

  /* 10:00-12:00 and 12:00-13:00, same room, same casemanager: fine. */
  g_ptr_array_add (entries, entry (6, 10, 12, "Zaal 1", "An", 1));
  g_ptr_array_add (entries, entry (6, 12, 13, "Zaal 1", "An", 1));
  conflicts = miriam_calendar_find_conflicts (entries);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_conflicts_by_name (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free);
  g_autoptr(GArray) conflicts = NULL;
  MiriamCalendarEntry *session = entry (6, 14, 16, "Zaal 2", "An", 1);

  /* A session with two casemanagers, an appointment without ids. */
  g_strfreev (session->staff);
  session->staff = g_strsplit ("Bram,An", ",", -1);
  g_free (session->staff_ids);
  session->staff_ids = g_new (gint64, 2);
  session->staff_ids[0] = 2;
  session->staff_ids[1] = 1;
  g_ptr_array_add (entries, session);
  g_ptr_array_add (entries, entry (6, 15, 16, "Zaal 3", "An", 0));

  conflicts = miriam_calendar_find_conflicts (entries);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpint (g_array_index (conflicts, MiriamConflict, 0).kind, ==, MIRIAM_CONFLICT_PERSON);
  g_assert_cmpstr (g_array_index (conflicts, MiriamConflict, 0).what, ==, "An");
}

static MiriamAttendanceMark
mark (guint            day,
      guint            month,
      MiriamAttendance attendance)
{
  static gint64 next_id = 1;
  MiriamAttendanceMark m = { next_id++, dmy (day, month, 2026), FALSE, attendance };

  return m;
}

static void
test_attendance_summary (void)
{
  GDate today = dmy (15, 10, 2026);
  MiriamAttendanceMark marks[] = {
    mark (29, 9, MIRIAM_ATTENDANCE_PRESENT),   /* out of order on purpose */
    mark (1, 9, MIRIAM_ATTENDANCE_PRESENT),
    mark (8, 9, MIRIAM_ATTENDANCE_ABSENT),
    mark (15, 9, MIRIAM_ATTENDANCE_PRESENT),
    mark (22, 9, MIRIAM_ATTENDANCE_UNKNOWN),   /* cancelled below */
    mark (6, 10, MIRIAM_ATTENDANCE_PRESENT),
    mark (13, 10, MIRIAM_ATTENDANCE_PRESENT),
    mark (20, 10, MIRIAM_ATTENDANCE_ABSENT),   /* future: not counted */
  };
  MiriamAttendanceSummary summary;

  marks[4].cancelled = TRUE;
  miriam_attendance_summarise (marks, G_N_ELEMENTS (marks), &today, &summary);
  g_assert_cmpuint (summary.held, ==, 6);
  g_assert_cmpuint (summary.present, ==, 5);
  g_assert_cmpuint (summary.absent, ==, 1);
  g_assert_cmpuint (summary.excused, ==, 0);
  g_assert_cmpuint (summary.unmarked, ==, 0);
  g_assert_cmpfloat_with_epsilon (summary.rate, 5.0 / 6.0, 1e-9);
  g_assert_false (summary.missed_last_two);
  g_assert_true (summary.core_group);

  /* The last two held sessions missed (the cancelled one in between does
   * not count): 13 October excused, 6 October absent. */
  marks[5].mark = MIRIAM_ATTENDANCE_ABSENT;
  marks[6].mark = MIRIAM_ATTENDANCE_EXCUSED;
  miriam_attendance_summarise (marks, G_N_ELEMENTS (marks), &today, &summary);
  g_assert_true (summary.missed_last_two);
  g_assert_cmpuint (summary.present, ==, 3);
  g_assert_cmpuint (summary.excused, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.rate, 0.5, 1e-9);
  g_assert_false (summary.core_group);

  /* Exactly 80 %: core group.  Only 29 Sept missed, and not the last two. */
  {
    MiriamAttendanceMark five[] = {
      mark (1, 9, MIRIAM_ATTENDANCE_PRESENT), mark (8, 9, MIRIAM_ATTENDANCE_PRESENT),
      mark (15, 9, MIRIAM_ATTENDANCE_PRESENT), mark (22, 9, MIRIAM_ATTENDANCE_ABSENT),
      mark (29, 9, MIRIAM_ATTENDANCE_PRESENT),
    };

    miriam_attendance_summarise (five, G_N_ELEMENTS (five), &today, &summary);
    g_assert_cmpuint (summary.held, ==, 5);
    g_assert_true (summary.core_group);
    g_assert_false (summary.missed_last_two);
  }
}

static void
test_attendance_summary_small (void)
{
  GDate today = dmy (15, 10, 2026);
  MiriamAttendanceMark two[] = {
    mark (6, 10, MIRIAM_ATTENDANCE_PRESENT), mark (13, 10, MIRIAM_ATTENDANCE_UNKNOWN),
  };
  MiriamAttendanceSummary summary;

  miriam_attendance_summarise (two, G_N_ELEMENTS (two), &today, &summary);
  g_assert_cmpuint (summary.held, ==, 2);
  g_assert_cmpuint (summary.unmarked, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.rate, 0.5, 1e-9);
  g_assert_false (summary.core_group);
  g_assert_false (summary.missed_last_two);

  two[1].mark = MIRIAM_ATTENDANCE_PRESENT;
  miriam_attendance_summarise (two, G_N_ELEMENTS (two), &today, &summary);
  g_assert_cmpfloat_with_epsilon (summary.rate, 1.0, 1e-9);
  g_assert_false (summary.core_group);                /* fewer than 3 held */

  miriam_attendance_summarise (NULL, 0, &today, &summary);
  g_assert_cmpuint (summary.held, ==, 0);
  g_assert_cmpfloat (summary.rate, ==, 0.0);
  g_assert_false (summary.core_group);
}

static void
assert_event (const char  *text,
              const GDate *today,
              guint        day,
              guint        month,
              guint        year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (miriam_date_parse_event (text, today, &date, &error));
  g_assert_no_error (error);
  assert_day (&date, day, month, year);
}

static void
assert_event_error (const char  *text,
                    const GDate *today)
{
  g_autoptr(GError) error = NULL;
  GDate date = dmy (1, 1, 2000);

  g_assert_false (miriam_date_parse_event (text, today, &date, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpuint (strlen (error->message), >, 0);
  /* Left alone on failure. */
  assert_day (&date, 1, 1, 2000);
}

static void
test_parse_event (void)
{
  GDate december = dmy (10, 12, 2026);
  GDate april = dmy (10, 4, 2026);
  GDate date = dmy (1, 1, 2000);

  assert_event ("15/01/27", &december, 15, 1, 2027);
  assert_event ("15/01/2027", &december, 15, 1, 2027);
  assert_event (" 15.1.27 ", &december, 15, 1, 2027);
  assert_event ("2027-01-15", &december, 15, 1, 2027);
  assert_event ("29/02/28", &december, 29, 2, 2028);
  /* "27" is never 1927 here, unlike a birth date. */
  assert_event ("01/09/99", &december, 1, 9, 2099);

  /* Without a year: this year, unless that is over six months ago. */
  assert_event ("3/3", &december, 3, 3, 2027);
  assert_event ("3/3", &april, 3, 3, 2026);
  assert_event ("15/1", &december, 15, 1, 2027);
  assert_event ("1-12", &december, 1, 12, 2026);
  assert_event ("10/06", &december, 10, 6, 2026);   /* exactly six months */
  assert_event ("9/06", &december, 9, 6, 2027);
  assert_event ("20/12", &april, 20, 12, 2026);

  assert_event_error ("29/02/2027", &december);
  assert_event_error ("31/04", &december);
  assert_event_error ("0/1/2027", &december);
  assert_event_error ("15/13/2027", &december);
  assert_event_error ("tomorrow", &december);
  assert_event_error ("15/01/202", &december);
  assert_event_error ("15/01-2027", &december);
  assert_event_error ("15/", &december);
  assert_event_error ("2027-01", &december);

  /* Nothing typed: no date, and no error. */
  g_assert_true (miriam_date_parse_event ("  ", &december, &date, NULL));
  g_assert_false (g_date_valid (&date));
}

int
main (int    argc,
      char **argv)
{
  /* The untranslated labels: the translations are tested elsewhere. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-rules/school/years", test_school_years);
  g_test_add_func ("/calendar-rules/school/refused", test_school_years_refused);
  g_test_add_func ("/calendar-rules/school/on", test_school_holiday_on);
  g_test_add_func ("/calendar-rules/school/labels", test_school_break_labels);
  g_test_add_func ("/calendar-rules/schedule/weekly", test_schedule_weekly);
  g_test_add_func ("/calendar-rules/schedule/public-holiday", test_schedule_public_holiday);
  g_test_add_func ("/calendar-rules/schedule/fortnightly", test_schedule_fortnightly);
  g_test_add_func ("/calendar-rules/schedule/three-monthly", test_schedule_three_monthly);
  g_test_add_func ("/calendar-rules/schedule/free", test_schedule_free);
  g_test_add_func ("/calendar-rules/schedule/closed-day", test_schedule_closed_day);
  g_test_add_func ("/calendar-rules/schedule/communities", test_schedule_communities);
  g_test_add_func ("/calendar-rules/gaps/christmas", test_gaps_christmas);
  g_test_add_func ("/calendar-rules/gaps/none", test_gaps_none);
  g_test_add_func ("/calendar-rules/gaps/closed-day", test_gaps_closed_day);
  g_test_add_func ("/calendar-rules/entry/copy", test_entry_copy);
  g_test_add_func ("/calendar-rules/attendance/codes", test_attendance_codes);
  g_test_add_func ("/calendar-rules/conflicts/room-and-person", test_conflicts);
  g_test_add_func ("/calendar-rules/conflicts/adjacent", test_conflicts_adjacent);
  g_test_add_func ("/calendar-rules/conflicts/by-name", test_conflicts_by_name);
  g_test_add_func ("/calendar-rules/attendance/summary", test_attendance_summary);
  g_test_add_func ("/calendar-rules/attendance/small", test_attendance_summary_small);
  g_test_add_func ("/calendar-rules/date/parse-event", test_parse_event);

  return g_test_run ();
}
