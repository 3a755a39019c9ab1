/* miriam-calendar-view.c: stub, being written
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-calendar-view.h"

struct _MiriamCalendarView
{
  GtkWidget  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiriamCalendarView, miriam_calendar_view, GTK_TYPE_WIDGET)

static void
miriam_calendar_view_class_init (MiriamCalendarViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-calendar-view.ui");
}

static void
miriam_calendar_view_init (MiriamCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
