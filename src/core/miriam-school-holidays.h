/* miriam-school-holidays.h: the school holidays of each Belgian Community
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Group sessions pause when the mothers have their children at home, so a
 * schedule must know the school holidays of the group's Community: "vl"
 * (Flemish), "fr" (French, the reformed 7-2 calendar since 2022-2023) or
 * "de" (German-speaking).  Computed from the rules of each Community's
 * decree where rules exist, with the official exceptions of the years the
 * governments set otherwise.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_SCHOOL_BREAK_AUTUMN,     /* herfstvakantie / congé d'automne / Herbstferien */
  MIRIAM_SCHOOL_BREAK_CHRISTMAS,  /* kerstvakantie / vacances d'hiver / Weihnachtsferien */
  MIRIAM_SCHOOL_BREAK_CARNIVAL,   /* krokusvakantie / congé de détente / Karnevalsferien */
  MIRIAM_SCHOOL_BREAK_EASTER,     /* paasvakantie / vacances de printemps / Osterferien */
  MIRIAM_SCHOOL_BREAK_SUMMER,     /* zomervakantie / vacances d'été / Sommerferien */
  MIRIAM_N_SCHOOL_BREAKS
} MiriamSchoolBreak;

typedef struct {
  MiriamSchoolBreak kind;
  GDate             first;  /* first day without school: a Monday, or for summer
                                1 July ("fr": the Saturday after school ends) */
  GDate             last;   /* last day without school, weekends included */
} MiriamSchoolHoliday;

/* The breaks of the school year that begins in the autumn of @start_year:
 * autumn and Christmas of @start_year, carnival, Easter and summer of
 * @start_year + 1, in that order.  Returns FALSE for an unknown
 * @community or a year before 1990 or after 2100. */
gboolean     miriam_school_holidays         (const char          *community,
                                             guint                start_year,
                                             MiriamSchoolHoliday  breaks[MIRIAM_N_SCHOOL_BREAKS]);

/* Whether @date falls in a school holiday of @community; fills @holiday
 * (may be NULL) with that holiday. */
gboolean     miriam_school_holiday_on       (const GDate         *date,
                                             const char          *community,
                                             MiriamSchoolHoliday *holiday);

/* Translated name of the break in @community's own terms, e.g.
 * "Christmas holidays"; for "fr" the Easter break is "Spring holidays". */
const char  *miriam_school_break_label      (MiriamSchoolBreak    kind,
                                             const char          *community);

G_END_DECLS
