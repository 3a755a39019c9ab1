/* miriam-calendar-export.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

/* What goes into an .ics file: the whole team (group_id 0, no staff
 * name), one group, or one casemanager's sessions and appointments. */
typedef struct {
  gint64       group_id;          /* 0: every group */
  const char  *group_name;        /* NULL or "": every group (the command line's --group) */
  const char  *staff_name;        /* NULL or "": everyone */
  const char  *cohort_label;      /* NULL or "": every cohort */
  gboolean     appointments;      /* individual appointments carry her name */
} MiriamCalendarExportScope;

/* Blocking (call it from a thread, or from the command line): writes the
 * sessions (and appointments) of @scope to @file as iCalendar, replacing
 * the file in one step.  Sets @n_events.  Errors are translated. */
gboolean miriam_calendar_export_write (MiriamStore                     *store,
                                       const MiriamCalendarExportScope *scope,
                                       GFile                           *file,
                                       guint                           *n_events,
                                       GError                         **error);

#define MIRIAM_TYPE_CALENDAR_EXPORT (miriam_calendar_export_get_type ())
G_DECLARE_FINAL_TYPE (MiriamCalendarExport, miriam_calendar_export, MIRIAM, CALENDAR_EXPORT, GtkWindow)

/* The export dialog: choose team, group or casemanager, and the cohort. */
MiriamCalendarExport *miriam_calendar_export_new (GtkWindow   *parent,
                                                  MiriamStore *store);

G_END_DECLS
