/* miriam-referral-list.c: where a participant was referred, and what came of it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Referrals go to organisations of the partner directory; a missing one
 * can be added to the directory right here, without leaving her file.
 * Each referral, like each new partner, is saved on its own.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "core/miriam-vocabulary.h"

#include "miriam-gui-utils.h"
#include "miriam-referral-list.h"

struct _MiriamReferralList
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkLabel     *partner_dropdown_label;
  GtkDropDown  *partner_dropdown;
  GtkEntry     *day_entry;
  GtkEntry     *reason_entry;
  GtkEntry     *outcome_entry;
  GtkLabel     *error_label;
  GtkWidget    *add_button;
  GtkExpander  *partner_expander;
  GtkEntry     *partner_name_entry;
  GtkLabel     *partner_kind_dropdown_label;
  GtkDropDown  *partner_kind_dropdown;
  GtkEntry     *partner_municipality_entry;
  GtkEntry     *partner_phone_entry;
  GtkWidget    *add_partner_button;
  GtkListBox   *list;
  GtkWidget    *empty_label;

  MiriamStore  *store;
  GCancellable *cancellable;
  gint64        participant_id;
  GPtrArray    *referrals;   /* MiriamReferral *, newest first */
  GPtrArray    *partners;    /* MiriamPartner *, in the drop-down's order */
};

G_DEFINE_FINAL_TYPE (MiriamReferralList, miriam_referral_list, GTK_TYPE_WIDGET)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (MiriamReferralList *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const MiriamPartner *
find_partner (MiriamReferralList *self,
              gint64              id)
{
  for (guint i = 0; i < self->partners->len; i++)
    if (((MiriamPartner *) self->partners->pdata[i])->row.id == id)
      return self->partners->pdata[i];
  return NULL;
}

static char *
partner_title (const MiriamPartner *partner)
{
  if (partner->municipality[0] != '\0')
    return g_strdup_printf ("%s (%s)", partner->name, partner->municipality);
  return g_strdup (partner->name);
}

static void save_outcome_cb (GtkButton *button, MiriamReferralList *self);

static void
refill_list (MiriamReferralList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->referrals->len; i++)
    {
      const MiriamReferral *referral = self->referrals->pdata[i];
      const MiriamPartner *partner = find_partner (self, referral->partner_id);
      g_autofree char *day = miriam_format_date (&referral->day);
      g_autofree char *who = partner != NULL ? partner_title (partner) : g_strdup (_("Unknown partner"));
      g_autofree char *heading = g_strdup_printf ("%s · %s", day, who);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *title = gtk_label_new (heading);
      GtkWidget *reason = gtk_label_new (referral->reason);
      GtkWidget *outcome_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *outcome = gtk_entry_new ();
      GtkWidget *save = gtk_button_new_with_label (_("Save Outcome"));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_label_set_selectable (GTK_LABEL (reason), TRUE);
      gtk_widget_set_visible (reason, referral->reason[0] != '\0');

      /* What came of it is often known weeks later: it stays editable. */
      gtk_editable_set_text (GTK_EDITABLE (outcome), referral->outcome);
      gtk_entry_set_placeholder_text (GTK_ENTRY (outcome), _("Outcome"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (outcome), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Outcome"), -1);
      gtk_widget_set_hexpand (outcome, TRUE);
      gtk_widget_set_sensitive (save, self->store != NULL
                                      && miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE);
      g_object_set_data_full (G_OBJECT (save), "referral-id",
                              g_memdup2 (&referral->row.id, sizeof (gint64)), g_free);
      g_object_set_data (G_OBJECT (save), "outcome", outcome);
      g_signal_connect (save, "clicked", G_CALLBACK (save_outcome_cb), self);
      gtk_box_append (GTK_BOX (outcome_box), outcome);
      gtk_box_append (GTK_BOX (outcome_box), save);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), reason);
      gtk_box_append (GTK_BOX (box), outcome_box);
      gtk_list_box_append (self->list, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->referrals->len > 0);
  gtk_widget_set_visible (self->empty_label, self->referrals->len == 0);
}

static void
fill_partners (MiriamReferralList *self,
               gint64              select_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint select = 0;

  miriam_gui_sort_partners (self->partners);
  for (guint i = 0; i < self->partners->len; i++)
    {
      const MiriamPartner *partner = self->partners->pdata[i];
      g_autofree char *title = partner_title (partner);

      gtk_string_list_append (names, title);
      if (partner->row.id == select_id)
        select = i;
    }
  gtk_drop_down_set_model (self->partner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->partner_dropdown, select);
  refill_list (self);
}

static void
partners_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamReferralList *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *partners;

  partners = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (partners == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_ptr_array_unref (self->partners);
  self->partners = partners;
  fill_partners (self, 0);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamReferralList *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamReferral *referral;

  referral = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->add_button, TRUE);
  if (referral == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_ptr_array_insert (self->referrals, 0, referral);
  refill_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_entry), "");
  g_signal_emit (self, signals[ADDED], 0);
}

static void
outcome_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamReferralList *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamReferral *saved;

  saved = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (saved == NULL)
    {
      /* The typed outcome stays in its field. */
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->referrals->len; i++)
    if (((MiriamReferral *) self->referrals->pdata[i])->row.id == saved->row.id)
      {
        miriam_record_free (MIRIAM_RECORD_REFERRAL, self->referrals->pdata[i]);
        self->referrals->pdata[i] = saved;
        saved = NULL;
        break;
      }
  g_clear_pointer (&saved, miriam_record_free_func (MIRIAM_RECORD_REFERRAL));
  show_error (self, NULL);
  refill_list (self);
}

static void
save_outcome_cb (GtkButton          *button,
                 MiriamReferralList *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "referral-id");
  GtkEditable *outcome = g_object_get_data (G_OBJECT (button), "outcome");

  for (guint i = 0; i < self->referrals->len; i++)
    {
      MiriamReferral *referral = self->referrals->pdata[i];

      if (referral->row.id == *id)
        {
          MiriamReferral *changed = miriam_record_copy (MIRIAM_RECORD_REFERRAL, referral);

          g_free (changed->outcome);
          changed->outcome = g_strstrip (g_strdup (gtk_editable_get_text (outcome)));
          miriam_store_save_async (self->store, MIRIAM_RECORD_REFERRAL, changed,
                                   self->cancellable, outcome_saved_cb, self);
          miriam_record_free (MIRIAM_RECORD_REFERRAL, changed);
          return;
        }
    }
}

static void
add_clicked_cb (MiriamReferralList *self)
{
  guint position = gtk_drop_down_get_selected (self->partner_dropdown);
  MiriamReferral *referral;
  GDate day;

  if (self->store == NULL || self->participant_id == 0)
    return;

  if (position >= self->partners->len)
    {
      show_error (self, _("Choose the partner organisation."));
      return;
    }
  if (!miriam_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->day_entry)), &day)
      || !g_date_valid (&day))
    {
      show_error (self, _("Type the date of the referral as day/month/year, for example 23/11/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->day_entry));
      return;
    }
  show_error (self, NULL);

  referral = miriam_record_new (MIRIAM_RECORD_REFERRAL);
  referral->participant_id = self->participant_id;
  referral->partner_id = ((MiriamPartner *) self->partners->pdata[position])->row.id;
  referral->day = day;
  g_free (referral->reason);
  referral->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  g_free (referral->outcome);
  referral->outcome = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outcome_entry))));

  gtk_widget_set_sensitive (self->add_button, FALSE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_REFERRAL, referral,
                           self->cancellable, saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_REFERRAL, referral);
}

static void
partner_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamReferralList *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamPartner *partner;

  partner = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->add_partner_button, TRUE);
  if (partner == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_ptr_array_add (self->partners, partner);
  fill_partners (self, partner->row.id);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->partner_municipality_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->partner_phone_entry), "");
  gtk_expander_set_expanded (self->partner_expander, FALSE);
}

static void
add_partner_clicked_cb (MiriamReferralList *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->partner_name_entry))));
  const MiriamTerm *terms;
  MiriamPartner *partner;
  guint n, position = gtk_drop_down_get_selected (self->partner_kind_dropdown);

  if (self->store == NULL)
    return;
  if (name[0] == '\0')
    {
      show_error (self, _("Type the name of the organisation."));
      gtk_widget_grab_focus (GTK_WIDGET (self->partner_name_entry));
      return;
    }
  show_error (self, NULL);

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_PARTNER_TYPE, &n);
  partner = miriam_record_new (MIRIAM_RECORD_PARTNER);
  g_free (partner->name);
  partner->name = g_steal_pointer (&name);
  if (position < n)
    {
      g_free (partner->kind);
      partner->kind = g_strdup (terms[position].code);
    }
  g_free (partner->municipality);
  partner->municipality = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->partner_municipality_entry))));
  g_free (partner->phone);
  partner->phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->partner_phone_entry))));

  gtk_widget_set_sensitive (self->add_partner_button, FALSE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_PARTNER, partner,
                           self->cancellable, partner_saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_PARTNER, partner);
}

void
miriam_referral_list_set (MiriamReferralList *self,
                          MiriamStore        *store,
                          gint64              participant_id,
                          GPtrArray          *referrals)
{
  gboolean writable;

  g_return_if_fail (MIRIAM_IS_REFERRAL_LIST (self));

  g_set_object (&self->store, store);
  self->participant_id = participant_id;

  g_ptr_array_set_size (self->referrals, 0);
  for (guint i = 0; referrals != NULL && i < referrals->len; i++)
    g_ptr_array_add (self->referrals, miriam_record_copy (MIRIAM_RECORD_REFERRAL, referrals->pdata[i]));

  writable = store != NULL && miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  gtk_widget_set_sensitive (self->add_button, writable && participant_id != 0);
  gtk_widget_set_sensitive (self->add_partner_button, writable);
  show_error (self, participant_id == 0 ? _("Save the file first; then referrals can be added.") : NULL);
  refill_list (self);

  if (store != NULL)
    miriam_store_list_async (store, MIRIAM_RECORD_PARTNER, NULL, 0,
                             self->cancellable, partners_cb, self);
}

static void
fill_choices (MiriamReferralList *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today_text = NULL;
  const MiriamTerm *terms;
  GDate today;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_PARTNER_TYPE, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, miriam_vocabulary_label (MIRIAM_VOCABULARY_PARTNER_TYPE, terms[i].code));
  gtk_drop_down_set_model (self->partner_kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->partner_kind_dropdown, n > 0 ? n - 1 : 0);   /* "other" */

  miriam_date_today (&today);
  today_text = miriam_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), today_text);
}

static void
miriam_referral_list_dispose (GObject *object)
{
  MiriamReferralList *self = MIRIAM_REFERRAL_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (miriam_referral_list_parent_class)->dispose (object);
}

static void
miriam_referral_list_class_init (MiriamReferralListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_referral_list_dispose;

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-referral-list.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MiriamReferralList, name)
  BIND (scroller);
  BIND (partner_dropdown_label);
  BIND (partner_dropdown);
  BIND (day_entry);
  BIND (reason_entry);
  BIND (outcome_entry);
  BIND (error_label);
  BIND (add_button);
  BIND (partner_expander);
  BIND (partner_name_entry);
  BIND (partner_kind_dropdown_label);
  BIND (partner_kind_dropdown);
  BIND (partner_municipality_entry);
  BIND (partner_phone_entry);
  BIND (add_partner_button);
  BIND (list);
  BIND (empty_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_partner_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
miriam_referral_list_init (MiriamReferralList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->referrals = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_REFERRAL));
  self->partners = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_PARTNER));
  fill_choices (self);
  miriam_gui_name_drop_down (self->partner_dropdown, gtk_label_get_text (self->partner_dropdown_label));
  miriam_gui_name_drop_down (self->partner_kind_dropdown,
                             gtk_label_get_text (self->partner_kind_dropdown_label));
  miriam_gui_name_expander (self->partner_expander);
}
