/* miriam-empty-state.c: what a section says before it has content
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-empty-state.h"

struct _MiriamEmptyState
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkImage  *image;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkButton *button;
};

G_DEFINE_FINAL_TYPE (MiriamEmptyState, miriam_empty_state, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
miriam_empty_state_set (MiriamEmptyState *self,
                        const char       *title,
                        const char       *description,
                        const char       *button_label,
                        const char       *button_action)
{
  g_return_if_fail (MIRIAM_IS_EMPTY_STATE (self));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), button_action);
}

static void
miriam_empty_state_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MiriamEmptyState *self = MIRIAM_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->image));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
miriam_empty_state_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MiriamEmptyState *self = MIRIAM_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (self->image, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
miriam_empty_state_dispose (GObject *object)
{
  MiriamEmptyState *self = MIRIAM_EMPTY_STATE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (miriam_empty_state_parent_class)->dispose (object);
}

static void
miriam_empty_state_class_init (MiriamEmptyStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_empty_state_dispose;
  object_class->get_property = miriam_empty_state_get_property;
  object_class->set_property = miriam_empty_state_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-empty-state.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamEmptyState, box);
  gtk_widget_class_bind_template_child (widget_class, MiriamEmptyState, image);
  gtk_widget_class_bind_template_child (widget_class, MiriamEmptyState, title_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamEmptyState, description_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamEmptyState, button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
miriam_empty_state_init (MiriamEmptyState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
