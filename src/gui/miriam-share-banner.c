/* miriam-share-banner.c: says when the database file cannot be reached
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dropped network drive is not the user's fault and needs nothing from
 * her: the banner says what happened and that her work is safe, in plain
 * words, and goes away by itself once MIRIAM is connected again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "miriam-share-banner.h"

/* How long "Connected again" stays. */
#define BACK_SECONDS 4

struct _MiriamShareBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkWidget   *box;
  GtkImage    *icon;
  GtkLabel    *label;

  gboolean     lost;
  guint        hide_source;
};

G_DEFINE_FINAL_TYPE (MiriamShareBanner, miriam_share_banner, GTK_TYPE_WIDGET)

static void
show_text (MiriamShareBanner *self,
           const char        *icon_name,
           const char        *text)
{
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static gboolean
hide_cb (gpointer data)
{
  MiriamShareBanner *self = data;

  self->hide_source = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* Hidden for real once slid away: a screen reader must not read it. */
static void
child_revealed_cb (MiriamShareBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer)
      && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
miriam_share_banner_set_lost (MiriamShareBanner *self,
                              gboolean           lost)
{
  g_return_if_fail (MIRIAM_IS_SHARE_BANNER (self));

  if (lost == self->lost)
    return;
  self->lost = lost;
  g_clear_handle_id (&self->hide_source, g_source_remove);

  if (lost)
    {
      gtk_widget_remove_css_class (self->box, "miriam-share-back");
      gtk_widget_add_css_class (self->box, "miriam-share-lost");
      show_text (self, "network-offline-symbolic",
                 _("The database file cannot be reached. Your work stays in the open windows; "
                   "MIRIAM reconnects by itself."));
    }
  else
    {
      gtk_widget_remove_css_class (self->box, "miriam-share-lost");
      gtk_widget_add_css_class (self->box, "miriam-share-back");
      show_text (self, "emblem-ok-symbolic", _("Connected again."));
      self->hide_source = g_timeout_add_seconds (BACK_SECONDS, hide_cb, self);
    }
}

gboolean
miriam_share_banner_get_lost (MiriamShareBanner *self)
{
  g_return_val_if_fail (MIRIAM_IS_SHARE_BANNER (self), FALSE);
  return self->lost;
}

void
miriam_share_banner_hide (MiriamShareBanner *self)
{
  g_return_if_fail (MIRIAM_IS_SHARE_BANNER (self));

  self->lost = FALSE;
  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
miriam_share_banner_dispose (GObject *object)
{
  MiriamShareBanner *self = MIRIAM_SHARE_BANNER (object);

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_SHARE_BANNER);

  G_OBJECT_CLASS (miriam_share_banner_parent_class)->dispose (object);
}

static void
miriam_share_banner_class_init (MiriamShareBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_share_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-share-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamShareBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, MiriamShareBanner, box);
  gtk_widget_class_bind_template_child (widget_class, MiriamShareBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, MiriamShareBanner, label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Screen readers announce it when it appears. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
miriam_share_banner_init (MiriamShareBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->revealer, "notify::child-revealed",
                            G_CALLBACK (child_revealed_cb), self);
}
