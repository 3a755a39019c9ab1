/* miriam-calendar-view.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIRIAM_TYPE_CALENDAR_VIEW (miriam_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (MiriamCalendarView, miriam_calendar_view, MIRIAM, CALENDAR_VIEW, GtkWidget)

G_END_DECLS
