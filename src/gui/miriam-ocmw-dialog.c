/* miriam-ocmw-dialog.c: the OCMW and the consortium it works in
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small OCMWs often run MIRIAM together: one organises the group, the
 * others send women to it.  Here the team names its OCMW and, when it
 * works in a consortium, the consortium and the other OCMWs.  Everything
 * is saved in one go, version-checked: a colleague's newer save is never
 * overwritten, and what was typed stays in the form.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "miriam-gui-utils.h"
#include "miriam-ocmw-dialog.h"

struct _MiriamOcmwDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *form;
  GtkEntry        *name_entry;
  GtkEntry        *municipality_entry;
  GtkDropDown     *community_dropdown;
  GtkCheckButton  *consortium_check;
  GtkWidget       *consortium_box;
  GtkEntry        *consortium_entry;
  GtkListBox      *partner_list;
  GtkLabel        *message_label;
  GtkButton       *reload_button;
  GtkButton       *save_button;

  MiriamStore     *store;
  GCancellable    *cancellable;
  MiriamOcmwSetup *setup;        /* as loaded or last saved */
  GArray          *removed;      /* ids of partners taken out of the list */
  gboolean         writable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (MiriamOcmwDialog, miriam_ocmw_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (MiriamOcmwDialog *self,
              const char       *message,
              gboolean          offer_reload)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), offer_reload);
}

static void
update_sensitivity (MiriamOcmwDialog *self)
{
  gboolean ready = self->setup != NULL && self->setup->ocmw != NULL;

  gtk_widget_set_sensitive (self->form, ready && self->writable && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ready && self->writable && !self->busy);
  gtk_widget_set_sensitive (self->consortium_box, gtk_check_button_get_active (self->consortium_check));
}

static char *
entry_stripped (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* ---------------------------------------------------------------------- */
/* Partner rows                                                             */

static void remove_partner_cb (GtkButton *button, MiriamOcmwDialog *self);

static GtkWidget *
partner_row_new (MiriamOcmwDialog *self,
                 const MiriamOcmw *partner)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *municipality = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_editable_set_text (GTK_EDITABLE (name), partner->name);
  gtk_editable_set_text (GTK_EDITABLE (municipality), partner->municipality);
  gtk_entry_set_max_length (GTK_ENTRY (name), 200);
  gtk_entry_set_max_length (GTK_ENTRY (municipality), 200);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("e.g. OCMW Eeklo"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (municipality), _("Municipality"));
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_hexpand (municipality, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the other OCMW"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (municipality), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Municipality of the other OCMW"), -1);
  gtk_widget_set_tooltip_text (remove, _("Take this OCMW out of the consortium"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Take this OCMW out of the consortium"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_partner_cb), self);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), municipality);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "name-entry", name);
  g_object_set_data (G_OBJECT (row), "municipality-entry", municipality);
  g_object_set_data_full (G_OBJECT (row), "partner", miriam_record_copy (MIRIAM_RECORD_OCMW, partner),
                          miriam_record_free_func (MIRIAM_RECORD_OCMW));
  return row;
}

static void
remove_partner_cb (GtkButton        *button,
                   MiriamOcmwDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const MiriamOcmw *partner = g_object_get_data (G_OBJECT (row), "partner");

  /* Saved partners leave the consortium on Save; they stay in the file. */
  if (partner->row.id != 0)
    g_array_append_val (self->removed, partner->row.id);
  gtk_list_box_remove (self->partner_list, row);
}

static void
add_partner_cb (MiriamOcmwDialog *self)
{
  MiriamOcmw *partner = miriam_record_new (MIRIAM_RECORD_OCMW);
  GtkWidget *row = partner_row_new (self, partner);

  miriam_record_free (MIRIAM_RECORD_OCMW, partner);
  gtk_list_box_append (self->partner_list, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
}

static void
clear_partners (MiriamOcmwDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list))) != NULL)
    gtk_list_box_remove (self->partner_list, child);
}

/* ---------------------------------------------------------------------- */
/* Form <-> setup                                                           */

static void
show_setup (MiriamOcmwDialog *self)
{
  const MiriamOcmwSetup *setup = self->setup;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), setup->ocmw->name);
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_entry), setup->ocmw->municipality);
  miriam_gui_select_code (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY, setup->ocmw->community);
  gtk_check_button_set_active (self->consortium_check, setup->consortium != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->consortium_entry),
                         setup->consortium != NULL ? setup->consortium->name : "");
  clear_partners (self);
  for (guint i = 0; i < setup->partners->len; i++)
    gtk_list_box_append (self->partner_list, partner_row_new (self, setup->partners->pdata[i]));
  g_array_set_size (self->removed, 0);
  update_sensitivity (self);
}

/* The form as a setup to save, or NULL with the reason in *@why and the
 * focus on the field to mend. */
static MiriamOcmwSetup *
read_form (MiriamOcmwDialog  *self,
           char             **why)
{
  g_autoptr(MiriamOcmwSetup) setup = miriam_ocmw_setup_new ();
  g_autofree char *name = entry_stripped (self->name_entry);
  g_autofree char *municipality = entry_stripped (self->municipality_entry);
  g_autofree char *consortium = entry_stripped (self->consortium_entry);

  if (name[0] == '\0')
    {
      *why = g_strdup (_("Type the name of your OCMW."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return NULL;
    }
  setup->ocmw = miriam_record_copy (MIRIAM_RECORD_OCMW, self->setup->ocmw);
  set_text (&setup->ocmw->name, name);
  set_text (&setup->ocmw->municipality, municipality);
  set_text (&setup->ocmw->community,
            miriam_gui_selected_code (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY));

  if (!gtk_check_button_get_active (self->consortium_check))
    {
      /* Leaving the consortium: the other OCMWs leave it with us. */
      for (guint i = 0; i < self->setup->partners->len; i++)
        g_array_append_val (self->removed, ((MiriamOcmw *) self->setup->partners->pdata[i])->row.id);
      return g_steal_pointer (&setup);
    }

  if (consortium[0] == '\0')
    {
      *why = g_strdup (_("Type the name of the consortium."));
      gtk_widget_grab_focus (GTK_WIDGET (self->consortium_entry));
      return NULL;
    }
  setup->consortium = self->setup->consortium != NULL
                      ? miriam_record_copy (MIRIAM_RECORD_CONSORTIUM, self->setup->consortium)
                      : miriam_record_new (MIRIAM_RECORD_CONSORTIUM);
  set_text (&setup->consortium->name, consortium);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->partner_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEntry *name_entry = g_object_get_data (G_OBJECT (row), "name-entry");
      GtkEntry *municipality_entry = g_object_get_data (G_OBJECT (row), "municipality-entry");
      const MiriamOcmw *partner = g_object_get_data (G_OBJECT (row), "partner");
      g_autofree char *partner_name = NULL;
      g_autofree char *partner_municipality = NULL;
      MiriamOcmw *copy;

      if (name_entry == NULL)
        continue;
      partner_name = entry_stripped (name_entry);
      partner_municipality = entry_stripped (municipality_entry);
      if (partner_name[0] == '\0' && partner->row.id == 0 && partner_municipality[0] == '\0')
        continue;  /* an empty new row: nothing to keep */
      if (partner_name[0] == '\0')
        {
          *why = g_strdup (_("Type the name of each OCMW of the consortium, or take it out of the list."));
          gtk_widget_grab_focus (GTK_WIDGET (name_entry));
          return NULL;
        }
      copy = miriam_record_copy (MIRIAM_RECORD_OCMW, partner);
      set_text (&copy->name, partner_name);
      set_text (&copy->municipality, partner_municipality);
      g_ptr_array_add (setup->partners, copy);
    }
  return g_steal_pointer (&setup);
}

/* ---------------------------------------------------------------------- */
/* Loading and saving                                                       */

static void
set_busy (MiriamOcmwDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  update_sensitivity (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MiriamOcmwSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  MiriamOcmwDialog *self;

  setup = miriam_store_load_ocmw_setup_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_OCMW_DIALOG (user_data);
  set_busy (self, FALSE);
  if (setup == NULL)
    {
      show_message (self, error->message, FALSE);
      return;
    }
  if (setup->ocmw == NULL)
    {
      show_message (self, _("This database has no OCMW yet. It gets one with its first participant or group."),
                    FALSE);
      return;
    }
  g_clear_pointer (&self->setup, miriam_ocmw_setup_free);
  self->setup = g_steal_pointer (&setup);
  show_setup (self);
  if (self->writable)
    show_message (self, NULL, FALSE);
}

static void
load (MiriamOcmwDialog *self)
{
  set_busy (self, TRUE);
  miriam_store_load_ocmw_setup_async (self->store, self->cancellable, loaded_cb, self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MiriamOcmwSetup) saved = NULL;
  g_autoptr(GError) error = NULL;
  MiriamOcmwDialog *self;

  saved = miriam_store_save_ocmw_setup_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_OCMW_DIALOG (user_data);
  set_busy (self, FALSE);
  if (saved == NULL)
    {
      /* What was typed stays in the form. */
      g_array_set_size (self->removed, 0);
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
        show_message (self, _("A colleague changed these details while you were typing. Nothing was "
                              "overwritten. Reload to see her version; what you typed here is then replaced."),
                      TRUE);
      else
        show_message (self, error->message, FALSE);
      return;
    }
  g_clear_pointer (&self->setup, miriam_ocmw_setup_free);
  self->setup = g_steal_pointer (&saved);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_cb (MiriamOcmwDialog *self)
{
  g_autoptr(MiriamOcmwSetup) setup = NULL;
  g_autofree char *why = NULL;

  if (self->busy || !self->writable || self->setup == NULL || self->setup->ocmw == NULL)
    return;
  g_array_set_size (self->removed, 0);
  if (!(setup = read_form (self, &why)))
    {
      show_message (self, why, FALSE);
      return;
    }
  show_message (self, NULL, FALSE);
  set_busy (self, TRUE);
  miriam_store_save_ocmw_setup_async (self->store, setup, self->removed, self->cancellable, saved_cb, self);
}

static void
reload_cb (MiriamOcmwDialog *self)
{
  show_message (self, NULL, FALSE);
  load (self);
}

static void
consortium_toggled_cb (MiriamOcmwDialog *self)
{
  update_sensitivity (self);
  if (gtk_check_button_get_active (self->consortium_check)
      && gtk_widget_get_first_child (GTK_WIDGET (self->partner_list)) == NULL && !self->busy)
    add_partner_cb (self);
}

MiriamOcmwDialog *
miriam_ocmw_dialog_new (GtkWindow   *parent,
                        MiriamStore *store)
{
  MiriamOcmwDialog *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_OCMW_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->writable = miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  if (!self->writable)
    show_message (self, _("This database is read-only: you can read these details, but not change them."),
                  FALSE);
  load (self);
  return self;
}

static void
miriam_ocmw_dialog_dispose (GObject *object)
{
  MiriamOcmwDialog *self = MIRIAM_OCMW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->setup, miriam_ocmw_setup_free);
  g_clear_pointer (&self->removed, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_OCMW_DIALOG);
  G_OBJECT_CLASS (miriam_ocmw_dialog_parent_class)->dispose (object);
}

static void
miriam_ocmw_dialog_class_init (MiriamOcmwDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_ocmw_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-ocmw-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, form);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, municipality_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, community_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, consortium_check);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, consortium_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, consortium_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, partner_list);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamOcmwDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_partner_cb);
  gtk_widget_class_bind_template_callback (widget_class, consortium_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_ocmw_dialog_init (MiriamOcmwDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* GTK 4.8 reads a check button's mnemonic label out with its
   * underscore: give screen readers the words. */
  {
    g_autoptr(GString) name = g_string_new (gtk_check_button_get_label (self->consortium_check));

    g_string_replace (name, "_", "", 1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->consortium_check),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  }
  miriam_gui_fill_vocabulary (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY);
  miriam_gui_name_drop_down (self->community_dropdown, _("School holidays of the Community"));
  update_sensitivity (self);
}
