/* miriam-closed-days.c: stub, being written
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-closed-days.h"

struct _MiriamClosedDays
{
  GtkWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiriamClosedDays, miriam_closed_days, GTK_TYPE_WINDOW)

static void
miriam_closed_days_class_init (MiriamClosedDaysClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-closed-days.ui");
}

static void
miriam_closed_days_init (MiriamClosedDays *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MiriamClosedDays *miriam_closed_days_new (GtkWindow *parent, MiriamStore *store) { (void) store; return g_object_new (MIRIAM_TYPE_CLOSED_DAYS, "transient-for", parent, NULL); }
