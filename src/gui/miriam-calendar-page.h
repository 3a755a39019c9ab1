/* miriam-calendar-page.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_CALENDAR_PAGE (miriam_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (MiriamCalendarPage, miriam_calendar_page, MIRIAM, CALENDAR_PAGE, GtkWidget)

void miriam_calendar_page_set_store (MiriamCalendarPage *self,
                                     MiriamStore        *store);
/* Reads the visible range again (after a save, or a colleague's change). */
void miriam_calendar_page_reload    (MiriamCalendarPage *self);

G_END_DECLS
