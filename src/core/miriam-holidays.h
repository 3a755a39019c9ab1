/* miriam-holidays.h: Belgian public holidays, computed, never hard-coded
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_HOLIDAY_NEW_YEAR,          /* 1 January */
  MIRIAM_HOLIDAY_EASTER_MONDAY,     /* Easter + 1 */
  MIRIAM_HOLIDAY_LABOUR_DAY,        /* 1 May */
  MIRIAM_HOLIDAY_ASCENSION,         /* Easter + 39 */
  MIRIAM_HOLIDAY_WHIT_MONDAY,       /* Easter + 50 */
  MIRIAM_HOLIDAY_NATIONAL_DAY,      /* 21 July */
  MIRIAM_HOLIDAY_ASSUMPTION,        /* 15 August */
  MIRIAM_HOLIDAY_ALL_SAINTS,        /* 1 November */
  MIRIAM_HOLIDAY_ARMISTICE,         /* 11 November */
  MIRIAM_HOLIDAY_CHRISTMAS,         /* 25 December */
  MIRIAM_HOLIDAY_FLEMISH_COMMUNITY, /* 11 July, Flemish Community only */
  MIRIAM_HOLIDAY_FRENCH_COMMUNITY,  /* 27 September, French Community only */
  MIRIAM_HOLIDAY_GERMAN_COMMUNITY,  /* 15 November, German-speaking Community only */
  MIRIAM_N_HOLIDAYS
} MiriamHoliday;

/* Easter Sunday of @year (Gregorian, 1583 and later). */
void         miriam_easter_sunday     (guint          year,
                                       GDate         *date);

/* The day @holiday falls on in @year. */
void         miriam_holiday_date      (MiriamHoliday  holiday,
                                       guint          year,
                                       GDate         *date);

/* Translated name, e.g. "Easter Monday" / "Paasmaandag". */
const char  *miriam_holiday_label     (MiriamHoliday  holiday);

/* Whether @holiday is a day off in @community ("vl", "fr", "de"): the
 * ten legal holidays everywhere, a Community holiday only in its own. */
gboolean     miriam_holiday_applies   (MiriamHoliday  holiday,
                                       const char    *community);

/* The holiday on @date in @community, or MIRIAM_N_HOLIDAYS if none. */
MiriamHoliday miriam_holiday_on       (const GDate   *date,
                                       const char    *community);

G_END_DECLS
