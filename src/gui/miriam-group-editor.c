/* miriam-group-editor.c: stub, being written
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-group-editor.h"

struct _MiriamGroupEditor
{
  GtkWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiriamGroupEditor, miriam_group_editor, GTK_TYPE_WINDOW)

static void
miriam_group_editor_class_init (MiriamGroupEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-group-editor.ui");
}

static void
miriam_group_editor_init (MiriamGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MiriamGroupEditor *miriam_group_editor_new (GtkWindow *parent, MiriamStore *store, gint64 group_id) { (void) store; (void) group_id; return g_object_new (MIRIAM_TYPE_GROUP_EDITOR, "transient-for", parent, NULL); }
