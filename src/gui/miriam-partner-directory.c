/* miriam-partner-directory.c: the organisations a team refers women to
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Browsable by life domain and municipality, editable in place.  Each
 * row is saved on its own, version-checked like everything else: a
 * colleague's newer edit is never overwritten.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-search.h"
#include "core/miriam-vocabulary.h"

#include "miriam-gui-utils.h"
#include "miriam-partner-directory.h"

struct _MiriamPartnerDirectory
{
  GtkWindow       parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown    *domain_filter;
  GtkLabel       *message_label;
  GtkListBox     *list;

  MiriamStore    *store;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (MiriamPartnerDirectory, miriam_partner_directory, GTK_TYPE_WINDOW)

static void
show_message (MiriamPartnerDirectory *self,
              const char             *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Position 0 of a domain drop-down is "all domains" / "general". */
static GtkWidget *
domain_dropdown_new (const char *first_label,
                     const char *code)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  GtkWidget *dropdown;
  guint n, selected = 0;

  gtk_string_list_append (list, first_label);
  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (list, miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, terms[i].code));
      if (g_strcmp0 (code, terms[i].code) == 0)
        selected = i + 1;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  return dropdown;
}

static const char *
domain_code (GtkWidget *dropdown)
{
  const MiriamTerm *terms;
  guint n, position = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);
  return position >= 1 && position <= n ? terms[position - 1].code : "";
}

static GtkWidget *
kind_dropdown_new (const char *code)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  GtkWidget *dropdown;
  guint n, selected = 0;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_PARTNER_TYPE, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (list, miriam_vocabulary_label (MIRIAM_VOCABULARY_PARTNER_TYPE, terms[i].code));
      if (g_strcmp0 (code, terms[i].code) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  miriam_gui_name_drop_down (GTK_DROP_DOWN (dropdown), _("Type"));
  return dropdown;
}

static GtkWidget *
entry_new (const char *text,
           const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return entry;
}

static void save_clicked_cb (GtkButton *button, MiriamPartnerDirectory *self);
static void remove_clicked_cb (GtkButton *button, MiriamPartnerDirectory *self);

static GtkWidget *
partner_row_new (MiriamPartnerDirectory *self,
                 const MiriamPartner    *partner)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = entry_new (partner->name, _("Organisation name"));
  GtkWidget *kind = kind_dropdown_new (partner->kind);
  GtkWidget *domain = domain_dropdown_new (_("General"), partner->domain);
  GtkWidget *municipality = entry_new (partner->municipality, _("Municipality"));
  GtkWidget *phone = entry_new (partner->phone, _("Phone"));
  GtkWidget *email = entry_new (partner->email, _("E-mail"));
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  miriam_gui_name_drop_down (GTK_DROP_DOWN (domain), _("Life domain"));
  gtk_widget_set_tooltip_text (remove, _("Remove from the directory"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from the directory"), -1);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_hexpand (municipality, TRUE);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), kind, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), domain, 3, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), municipality, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), phone, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), email, 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), save, 3, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 4, 1, 1, 1);

  g_object_set_data_full (G_OBJECT (grid), "partner", miriam_record_copy (MIRIAM_RECORD_PARTNER, partner),
                          miriam_record_free_func (MIRIAM_RECORD_PARTNER));
  g_object_set_data (G_OBJECT (grid), "name", name);
  g_object_set_data (G_OBJECT (grid), "kind", kind);
  g_object_set_data (G_OBJECT (grid), "domain", domain);
  g_object_set_data (G_OBJECT (grid), "municipality", municipality);
  g_object_set_data (G_OBJECT (grid), "phone", phone);
  g_object_set_data (G_OBJECT (grid), "email", email);
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  return grid;
}

static GObject *
row_grid (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static char *
entry_text (GObject    *grid,
            const char *key)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (grid, key)))));
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GObject) grid = user_data;
  g_autoptr(GError) error = NULL;
  MiriamPartnerDirectory *self;
  MiriamPartner *partner;

  partner = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&partner, miriam_record_free_func (MIRIAM_RECORD_PARTNER));
      return;
    }

  self = MIRIAM_PARTNER_DIRECTORY (gtk_widget_get_root (GTK_WIDGET (grid)));
  if (partner == NULL)
    {
      /* The row keeps what was typed. */
      show_message (self, error->message);
      return;
    }

  g_object_set_data_full (grid, "partner", partner, miriam_record_free_func (MIRIAM_RECORD_PARTNER));
  show_message (self, NULL);
}

static void
save_clicked_cb (GtkButton              *button,
                 MiriamPartnerDirectory *self)
{
  GObject *grid = row_grid (GTK_WIDGET (button));
  MiriamPartner *partner;
  const MiriamTerm *kinds;
  guint n, kind = gtk_drop_down_get_selected (g_object_get_data (grid, "kind"));

  partner = miriam_record_copy (MIRIAM_RECORD_PARTNER, g_object_get_data (grid, "partner"));
  replace (&partner->name, entry_text (grid, "name"));
  if (partner->name[0] == '\0')
    {
      show_message (self, _("Type the name of the organisation."));
      gtk_widget_grab_focus (g_object_get_data (grid, "name"));
      miriam_record_free (MIRIAM_RECORD_PARTNER, partner);
      return;
    }
  kinds = miriam_vocabulary_terms (MIRIAM_VOCABULARY_PARTNER_TYPE, &n);
  if (kind < n)
    replace (&partner->kind, g_strdup (kinds[kind].code));
  replace (&partner->domain, g_strdup (domain_code (g_object_get_data (grid, "domain"))));
  replace (&partner->municipality, entry_text (grid, "municipality"));
  replace (&partner->phone, entry_text (grid, "phone"));
  replace (&partner->email, entry_text (grid, "email"));

  miriam_store_save_async (self->store, MIRIAM_RECORD_PARTNER, partner, self->cancellable,
                           saved_cb, g_object_ref (grid));
  miriam_record_free (MIRIAM_RECORD_PARTNER, partner);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GObject) grid = user_data;
  g_autoptr(GError) error = NULL;
  MiriamPartnerDirectory *self;
  GtkWidget *row;

  if (!miriam_store_delete_finish (MIRIAM_STORE (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MIRIAM_PARTNER_DIRECTORY (gtk_widget_get_root (GTK_WIDGET (grid)));
  if (error != NULL)
    {
      show_message (self, error->message);
      return;
    }

  row = gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_LIST_BOX_ROW);
  gtk_list_box_remove (self->list, row);
  show_message (self, NULL);
}

static void
remove_clicked_cb (GtkButton              *button,
                   MiriamPartnerDirectory *self)
{
  GObject *grid = row_grid (GTK_WIDGET (button));
  MiriamPartner *partner = g_object_get_data (grid, "partner");

  if (partner->row.id == 0)
    {
      gtk_list_box_remove (self->list, gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
      return;
    }
  miriam_store_delete_async (self->store, MIRIAM_RECORD_PARTNER, partner->row.id, partner->row.version,
                             self->cancellable, removed_cb, g_object_ref (grid));
}

static void
add_clicked_cb (MiriamPartnerDirectory *self)
{
  MiriamPartner *partner = miriam_record_new (MIRIAM_RECORD_PARTNER);
  GtkWidget *grid = partner_row_new (self, partner);

  miriam_record_free (MIRIAM_RECORD_PARTNER, partner);
  gtk_list_box_prepend (self->list, grid);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (grid), "name"));
}

/* Rows as saved count for the filter; a new, unsaved row always shows. */
static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  MiriamPartnerDirectory *self = user_data;
  GObject *grid = G_OBJECT (gtk_list_box_row_get_child (row));
  const MiriamPartner *partner = g_object_get_data (grid, "partner");
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint domain = gtk_drop_down_get_selected (self->domain_filter);
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (partner->row.id == 0)
    return TRUE;
  if (domain > 0)
    {
      const MiriamTerm *terms;
      guint n;

      terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);
      /* General partners serve every domain. */
      if (domain <= n && partner->domain[0] != '\0' && !g_str_equal (partner->domain, terms[domain - 1].code))
        return FALSE;
    }
  haystack = g_strjoin (" ", partner->name, partner->municipality,
                        miriam_vocabulary_label (MIRIAM_VOCABULARY_PARTNER_TYPE, partner->kind), NULL);
  folded = miriam_search_fold (haystack);
  return miriam_search_matches (folded, "", query);
}

static void
filters_changed (MiriamPartnerDirectory *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

static void
partners_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamPartnerDirectory *self = user_data;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;

  partners = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (partners == NULL)
    {
      show_message (self, error->message);
      return;
    }

  miriam_gui_sort_partners (partners);
  for (guint i = 0; i < partners->len; i++)
    gtk_list_box_append (self->list, partner_row_new (self, partners->pdata[i]));
}

MiriamPartnerDirectory *
miriam_partner_directory_new (GtkWindow   *parent,
                              MiriamStore *store)
{
  MiriamPartnerDirectory *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_PARTNER_DIRECTORY,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  miriam_store_list_async (store, MIRIAM_RECORD_PARTNER, NULL, 0, self->cancellable, partners_cb, self);
  return self;
}

static void
miriam_partner_directory_dispose (GObject *object)
{
  MiriamPartnerDirectory *self = MIRIAM_PARTNER_DIRECTORY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_PARTNER_DIRECTORY);

  G_OBJECT_CLASS (miriam_partner_directory_parent_class)->dispose (object);
}

static void
miriam_partner_directory_class_init (MiriamPartnerDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_partner_directory_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-partner-directory.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamPartnerDirectory, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamPartnerDirectory, domain_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamPartnerDirectory, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamPartnerDirectory, list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_partner_directory_init (MiriamPartnerDirectory *self)
{
  GtkWidget *domains;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* The filter's list: "all domains" first, then the eleven. */
  domains = domain_dropdown_new (_("All life domains"), NULL);
  gtk_drop_down_set_model (self->domain_filter, gtk_drop_down_get_model (GTK_DROP_DOWN (domains)));
  g_object_ref_sink (domains);
  g_object_unref (domains);
  miriam_gui_name_drop_down (self->domain_filter, _("Life domain"));

  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->domain_filter, "notify::selected", G_CALLBACK (filters_changed), self);
}
