/* miriam-attendance-strip.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-calendar.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_ATTENDANCE_STRIP (miriam_attendance_strip_get_type ())
G_DECLARE_FINAL_TYPE (MiriamAttendanceStrip, miriam_attendance_strip, MIRIAM, ATTENDANCE_STRIP, GtkWidget)

GtkWidget *miriam_attendance_strip_new       (void);
void       miriam_attendance_strip_set_marks (MiriamAttendanceStrip      *self,
                                              const MiriamAttendanceMark *marks,
                                              guint                       n,
                                              const GDate                *today);

G_END_DECLS
