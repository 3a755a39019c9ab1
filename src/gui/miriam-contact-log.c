/* miriam-contact-log.c: the individual moments with one participant
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each contact is saved on its own, the moment it is added: it is one
 * action of its own, and never waits for the rest of the file.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"

#include "miriam-contact-log.h"
#include "miriam-gui-utils.h"

struct _MiriamContactLog
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkEntry       *day_entry;
  GtkEntry       *time_entry;
  GtkSpinButton  *duration_spin;
  GtkLabel       *kind_label;
  GtkDropDown    *kind_dropdown;
  GtkFlowBox     *domains_box;
  GtkEntry       *note_entry;
  GtkLabel       *error_label;
  GtkWidget      *add_button;
  GtkDropDown    *filter_dropdown;
  GtkListBox     *list;
  GtkLabel       *empty_label;

  MiriamStore    *store;
  GCancellable   *cancellable;
  gint64          participant_id;
  GPtrArray      *contacts;      /* MiriamContact *, newest first */
};

G_DEFINE_FINAL_TYPE (MiriamContactLog, miriam_contact_log, GTK_TYPE_WIDGET)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_code_at (guint position)
{
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_CONTACT_KIND, &n);
  return position < n ? terms[position].code : NULL;
}

/* "Housing, Health" from "housing,health". */
static char *
domain_labels (const char *codes)
{
  g_auto(GStrv) split = g_strsplit (codes, ",", -1);
  GString *text = g_string_new (NULL);

  for (char **code = split; *code != NULL; code++)
    {
      if ((*code)[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, *code));
    }
  return g_string_free (text, FALSE);
}

static void remove_clicked_cb (GtkButton *button, MiriamContactLog *self);

static GtkWidget *
contact_row_new (MiriamContactLog    *self,
                 const MiriamContact *contact)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *detail;
  g_autofree char *day = miriam_format_date (&contact->day);
  g_autofree char *heading = NULL;
  g_autofree char *domains = domain_labels (contact->domains);
  g_autofree char *text = NULL;

  if (contact->start_minute > 0)
    {
      g_autofree char *time = miriam_time_format ((int) contact->start_minute);
      char *with_time = g_strdup_printf ("%s %s", day, time);

      g_free (day);
      day = with_time;
    }

  /* Translators: date · kind of contact · duration */
  heading = g_strdup_printf (ngettext ("%s · %s · %u minute", "%s · %s · %u minutes",
                                       (gulong) contact->duration_min),
                             day, miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, contact->kind),
                             (guint) contact->duration_min);
  if (domains[0] != '\0' && contact->note[0] != '\0')
    text = g_strdup_printf ("%s — %s", domains, contact->note);
  else
    text = g_strdup (domains[0] != '\0' ? domains : contact->note);

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  detail = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
  gtk_widget_set_visible (detail, text[0] != '\0');

  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this contact"), -1);
  gtk_widget_set_sensitive (remove, self->store != NULL
                                    && miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE);
  g_object_set_data_full (G_OBJECT (remove), "contact",
                          miriam_record_copy (MIRIAM_RECORD_CONTACT, contact),
                          miriam_record_free_func (MIRIAM_RECORD_CONTACT));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), remove);
  return row;
}

static void
refill_list (MiriamContactLog *self)
{
  GtkWidget *child;
  guint filter = gtk_drop_down_get_selected (self->filter_dropdown);
  const char *kind = filter > 0 ? kind_code_at (filter - 1) : NULL;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->contacts->len; i++)
    {
      const MiriamContact *contact = self->contacts->pdata[i];

      if (kind != NULL && g_strcmp0 (contact->kind, kind) != 0)
        continue;
      gtk_list_box_append (self->list, contact_row_new (self, contact));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);
  gtk_label_set_text (self->empty_label,
                      self->contacts->len == 0 ? _("No contacts recorded yet.")
                                               : _("No contacts of this kind."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
}

static void
show_error (MiriamContactLog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Newest first; on the same day, the one added last first. */
static gint
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const MiriamContact *x = *(const MiriamContact * const *) a;
  const MiriamContact *y = *(const MiriamContact * const *) b;
  int by_day = g_date_compare (&y->day, &x->day);

  return by_day != 0 ? by_day : (y->row.id > x->row.id) - (y->row.id < x->row.id);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamContactLog *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamContact *contact;

  contact = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->add_button, TRUE);
  if (contact == NULL)
    {
      /* The form keeps what was typed: try again when the drive is back. */
      show_error (self, error->message);
      return;
    }

  g_ptr_array_add (self->contacts, contact);
  g_ptr_array_sort (self->contacts, compare_contacts);
  refill_list (self);

  /* Ready for the next one: same day, fresh time, note and domains. */
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  miriam_gui_set_checks (self->domains_box, "");

  g_signal_emit (self, signals[ADDED], 0);
}

typedef struct
{
  MiriamContactLog *self;
  MiriamContact    *contact;
} Removal;

static void
removal_free (Removal *removal)
{
  miriam_record_free (MIRIAM_RECORD_CONTACT, removal->contact);
  g_object_unref (removal->self);
  g_free (removal);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Removal *removal = user_data;
  MiriamContactLog *self = removal->self;
  g_autoptr(GError) error = NULL;
  gint64 id = removal->contact->row.id;

  if (!miriam_store_delete_finish (MIRIAM_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      removal_free (removal);
      return;
    }
  removal_free (removal);

  for (guint i = 0; i < self->contacts->len; i++)
    if (((MiriamContact *) self->contacts->pdata[i])->row.id == id)
      {
        g_ptr_array_remove_index (self->contacts, i);
        break;
      }
  show_error (self, NULL);
  refill_list (self);
  g_signal_emit (self, signals[ADDED], 0);
}

static void
confirm_response_cb (GtkDialog *dialog,
                     int        response,
                     Removal   *removal)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response != GTK_RESPONSE_ACCEPT)
    {
      removal_free (removal);
      return;
    }

  /* Version-checked: a contact a colleague changed meanwhile is not
   * removed behind her back. */
  miriam_store_delete_async (removal->self->store, MIRIAM_RECORD_CONTACT, removal->contact->row.id,
                             removal->contact->row.version, removal->self->cancellable,
                             removed_cb, removal);
}

static void
remove_clicked_cb (GtkButton        *button,
                   MiriamContactLog *self)
{
  const MiriamContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *day = miriam_format_date (&contact->day);
  Removal *removal = g_new0 (Removal, 1);
  GtkWidget *dialog;

  removal->self = g_object_ref (self);
  removal->contact = miriam_record_copy (MIRIAM_RECORD_CONTACT, contact);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Remove the contact of %s?"), day);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("It disappears from her file for the whole team."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Cancel"), GTK_RESPONSE_CANCEL,
                          _("Remove"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), removal);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (MiriamContactLog *self)
{
  MiriamContact *contact;
  g_autofree char *domains = NULL;
  g_autofree char *note = NULL;
  const char *kind = kind_code_at (gtk_drop_down_get_selected (self->kind_dropdown));
  const char *time_text;
  int start = 0;
  GDate day;

  if (self->store == NULL || self->participant_id == 0)
    return;

  if (!miriam_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day_entry)), &day)
      || !g_date_valid (&day))
    {
      show_error (self, _("Type the date of the contact as day/month/year, for example 23/11/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->day_entry));
      return;
    }
  /* A time is optional: a contact of the log without one is not an
   * appointment at an hour, only a day. */
  time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  if (time_text[0] != '\0' && (!miriam_time_parse (time_text, &start) || start == 0))
    {
      show_error (self, _("Type the time as hours:minutes, for example 14:30, or leave it empty."));
      gtk_widget_grab_focus (GTK_WIDGET (self->time_entry));
      return;
    }
  show_error (self, NULL);

  domains = miriam_gui_get_checks (self->domains_box, NULL);
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  contact = miriam_record_new (MIRIAM_RECORD_CONTACT);
  contact->participant_id = self->participant_id;
  contact->day = day;
  contact->start_minute = start;
  contact->duration_min = gtk_spin_button_get_value_as_int (self->duration_spin);
  g_free (contact->kind);
  contact->kind = g_strdup (kind != NULL ? kind : "other");
  g_free (contact->domains);
  contact->domains = g_steal_pointer (&domains);
  g_free (contact->note);
  contact->note = g_steal_pointer (&note);

  gtk_widget_set_sensitive (self->add_button, FALSE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_CONTACT, contact,
                           self->cancellable, saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_CONTACT, contact);
}

void
miriam_contact_log_set (MiriamContactLog *self,
                        MiriamStore      *store,
                        gint64            participant_id,
                        GPtrArray        *contacts)
{
  gboolean can_add;

  g_return_if_fail (MIRIAM_IS_CONTACT_LOG (self));

  g_set_object (&self->store, store);
  self->participant_id = participant_id;

  g_ptr_array_set_size (self->contacts, 0);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    g_ptr_array_add (self->contacts, miriam_record_copy (MIRIAM_RECORD_CONTACT, contacts->pdata[i]));
  g_ptr_array_sort (self->contacts, compare_contacts);

  can_add = store != NULL && participant_id != 0
            && miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  gtk_widget_set_sensitive (self->add_button, can_add);
  show_error (self, participant_id == 0 ? _("Save the file first; then contacts can be added.") : NULL);
  refill_list (self);
}

static void
fill_choices (MiriamContactLog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  g_autofree char *today_text = NULL;
  GDate today;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_CONTACT_KIND, &n);
  gtk_string_list_append (filter, _("All kinds"));
  for (guint i = 0; i < n; i++)
    {
      const char *label = miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, terms[i].code);

      gtk_string_list_append (kinds, label);
      gtk_string_list_append (filter, label);
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filter));

  miriam_gui_fill_checks (self->domains_box, MIRIAM_VOCABULARY_LIFE_DOMAIN, NULL, NULL);

  miriam_date_today (&today);
  today_text = miriam_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), today_text);
}

static void
miriam_contact_log_dispose (GObject *object)
{
  MiriamContactLog *self = MIRIAM_CONTACT_LOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (miriam_contact_log_parent_class)->dispose (object);
}

static void
miriam_contact_log_class_init (MiriamContactLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_contact_log_dispose;

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-contact-log.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, scroller);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, day_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, time_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, domains_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, add_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, list);
  gtk_widget_class_bind_template_child (widget_class, MiriamContactLog, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
miriam_contact_log_init (MiriamContactLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->contacts = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_CONTACT));
  fill_choices (self);
  miriam_gui_name_drop_down (self->kind_dropdown, gtk_label_get_text (self->kind_label));
  miriam_gui_name_drop_down (self->filter_dropdown, _("Show only one kind of contact"));
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (refill_list), self);
  refill_list (self);
}
