/* miriam-session-editor.c: stub, being written
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-session-editor.h"

struct _MiriamSessionEditor
{
  GtkWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (MiriamSessionEditor, miriam_session_editor, GTK_TYPE_WINDOW)

static void
miriam_session_editor_class_init (MiriamSessionEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-session-editor.ui");
}

static void
miriam_session_editor_init (MiriamSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MiriamSessionEditor *miriam_session_editor_new (GtkWindow *parent, MiriamStore *store, gint64 id) { (void) store; (void) id; return g_object_new (MIRIAM_TYPE_SESSION_EDITOR, "transient-for", parent, NULL); }
MiriamSessionEditor *miriam_session_editor_new_for_group (GtkWindow *parent, MiriamStore *store, gint64 g, const GDate *d) { (void) store; (void) g; (void) d; return g_object_new (MIRIAM_TYPE_SESSION_EDITOR, "transient-for", parent, NULL); }
