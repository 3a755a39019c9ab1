/* miriam-calendar-view.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-calendar.h"

G_BEGIN_DECLS

typedef enum {
  MIRIAM_CALENDAR_MODE_MONTH,       /* whole weeks, Monday to Sunday, covering the month */
  MIRIAM_CALENDAR_MODE_WEEK,        /* Monday to Sunday */
  MIRIAM_CALENDAR_MODE_AGENDA,      /* the selected day and the 41 days after it */
} MiriamCalendarMode;

#define MIRIAM_TYPE_CALENDAR_VIEW (miriam_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (MiriamCalendarView, miriam_calendar_view, MIRIAM, CALENDAR_VIEW, GtkWidget)

/* Signals:
 *   "entry-activated" (MiriamCalendarEntry *entry)
 *   "range-changed"   ()  the visible days moved: read get_range() again
 *   "day-activated"   (const GDate *day)  double-click or Enter on a day */

GtkWidget          *miriam_calendar_view_new            (void);

void                miriam_calendar_view_set_mode       (MiriamCalendarView *self,
                                                         MiriamCalendarMode  mode);
MiriamCalendarMode  miriam_calendar_view_get_mode       (MiriamCalendarView *self);

/* The selected day. */
void                miriam_calendar_view_set_date       (MiriamCalendarView *self,
                                                         const GDate        *date);
void                miriam_calendar_view_get_date       (MiriamCalendarView *self,
                                                         GDate              *date);
/* Moves the selected day by one visible period: a month, a week or six
 * weeks; @direction is -1 or +1. */
void                miriam_calendar_view_step           (MiriamCalendarView *self,
                                                         int                 direction);

/* The first and last day the current mode shows. */
void                miriam_calendar_view_get_range      (MiriamCalendarView *self,
                                                         GDate              *from,
                                                         GDate              *to);

/* @entries: MiriamCalendarEntry*, already filtered, in day and time
 * order; kept by reference (the entries must live as long).  NULL: none.
 * Forgets the conflicts, which indexed the old entries: call
 * set_conflicts() after this. */
void                miriam_calendar_view_set_entries    (MiriamCalendarView *self,
                                                         GPtrArray          *entries);
/* @conflicts: MiriamConflict whose a and b index the entries given to
 * set_entries(); G_MAXUINT for the side of a conflict that the filter
 * hides.  Kept by reference.  NULL: none. */
void                miriam_calendar_view_set_conflicts  (MiriamCalendarView *self,
                                                         GArray             *conflicts);

/* Whose public holidays are named: "vl" (default), "fr" or "de". */
void                miriam_calendar_view_set_community  (MiriamCalendarView *self,
                                                         const char         *community);

G_END_DECLS
