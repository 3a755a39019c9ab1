/* miriam-schedule.h: a cohort's group sessions from the group's rhythm
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method asks for a group moment at least every fourteen days.  A
 * schedule is proposed from the rhythm, weekday and dates of a group,
 * skipping Belgian public holidays, the Community's school holidays and
 * the OCMW's own closed days; gaps longer than fourteen days are found and
 * a date is suggested for each.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rhythm codes of the store: "weekly", "fortnightly", "three_monthly"
 * (the 1st, 2nd and 4th weekday of each month: never more than 14 days
 * apart) and "free" (no dates proposed; the team adds them). */
#define MIRIAM_SCHEDULE_MAX_GAP_DAYS 14

typedef enum {
  MIRIAM_SCHEDULE_KEPT,             /* a proposed session */
  MIRIAM_SCHEDULE_PUBLIC_HOLIDAY,   /* skipped: a public or Community holiday */
  MIRIAM_SCHEDULE_SCHOOL_HOLIDAY,   /* skipped: the Community's school holidays */
  MIRIAM_SCHEDULE_CLOSED_DAY,       /* skipped: the OCMW is closed */
} MiriamScheduleOutcome;

typedef struct {
  GDate                  day;
  MiriamScheduleOutcome  outcome;
  char                  *reason;    /* translated, e.g. "Easter Monday", "Christmas holidays",
                                       the closed day's label; NULL when kept */
} MiriamScheduleDate;

typedef struct {
  GDate  day;
  char  *label;                     /* e.g. "Day after Christmas"; may be empty */
} MiriamClosedDay;

typedef struct {
  const char            *rhythm;    /* see above */
  guint                  weekday;   /* 1 = Monday ... 7 = Sunday */
  GDate                  first;     /* the group's start date */
  GDate                  last;      /* the group's end date */
  const char            *community; /* "vl", "fr", "de" */
  const MiriamClosedDay *closed_days;
  guint                  n_closed_days;
} MiriamScheduleRule;

/* Every candidate date from @rule->first to @rule->last, kept and skipped
 * ones alike, in date order (so that a proposal can say why a week has no
 * session).  Free rhythm: an empty array.  Element type MiriamScheduleDate;
 * the array frees the reasons. */
GArray     *miriam_schedule_generate       (const MiriamScheduleRule *rule);

/* Frees the reason of a MiriamScheduleDate (the clear function of the
 * arrays of miriam_schedule_generate(), for arrays of your own). */
void        miriam_schedule_date_clear     (gpointer                  date);

/* Why no session can be held on @day for @rule's Community and closed days
 * (translated), or NULL when the day is free. Weekends are not refused. */
char       *miriam_schedule_day_blocked    (const MiriamScheduleRule *rule,
                                            const GDate              *day,
                                            MiriamScheduleOutcome    *outcome);

typedef struct {
  GDate   after;                    /* the session before the gap */
  GDate   before;                   /* the session after it */
  guint   days;                     /* days between them (> max) */
  GDate   suggestion;               /* a date in between, invalid if none can be found */
} MiriamScheduleGap;

/* Gaps of more than @max_days days between consecutive @days (sorted or
 * not; duplicates allowed).  The suggestion is a weekday inside the gap,
 * on @rule->weekday when possible, never a public holiday or closed day,
 * outside school holidays when the gap allows, as close to the middle of
 * the gap as possible.  Element type MiriamScheduleGap. */
GArray     *miriam_schedule_find_gaps      (const GDate              *days,
                                            guint                     n_days,
                                            const MiriamScheduleRule *rule,
                                            guint                     max_days);

G_END_DECLS
