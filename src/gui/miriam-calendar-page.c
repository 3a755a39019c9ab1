/* miriam-calendar-page.c: stub, being written
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-calendar-page.h"

struct _MiriamCalendarPage
{
  GtkWidget  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiriamCalendarPage, miriam_calendar_page, GTK_TYPE_WIDGET)

static void
miriam_calendar_page_class_init (MiriamCalendarPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-calendar-page.ui");
}

static void
miriam_calendar_page_init (MiriamCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void miriam_calendar_page_set_store (MiriamCalendarPage *self, MiriamStore *store) { (void) self; (void) store; }
void miriam_calendar_page_reload (MiriamCalendarPage *self) { (void) self; }
