/* miriam-closed-days.c: the days an OCMW is closed on top of the holidays
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each addition or removal is one store call of its own, saved at once:
 * there is no Save button to forget.  The schedule of a group skips these
 * days when it proposes sessions.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"

#include "miriam-closed-days.h"

struct _MiriamClosedDays
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkWidget    *add_grid;
  GtkEntry     *date_entry;
  GtkEntry     *label_entry;
  GtkWidget    *add_button;
  GtkLabel     *error_label;
  GtkButton    *usual_button;
  GtkListBox   *list;

  MiriamStore  *store;
  GCancellable *cancellable;
  gint64        ocmw_id;       /* 0 until loaded, or when the database has none */
  GtkSizeGroup *date_column;  /* the dates of all rows, one width: the labels line up */
  GPtrArray    *pending;       /* MiriamOcmwClosedDay still to save, one after the other */
  guint         usual_year;
  gboolean      writable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (MiriamClosedDays, miriam_closed_days, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void save_next (MiriamClosedDays *self);

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */

static void
show_error (MiriamClosedDays *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Planning dates: "15/01/27" is 2027, not 1927.  Empty text is an
 * invalid date; *@message says why the text cannot be read. */
static gboolean
parse_planning_date (const char  *text,
                     GDate       *date,
                     char       **message)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (date, 1);
  miriam_date_today (&today);
  if (miriam_date_parse_event (text, &today, date, &error))
    return TRUE;
  *message = g_strdup (error->message);
  return FALSE;
}

static void
set_busy (MiriamClosedDays *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->add_button, self->writable && !busy && self->ocmw_id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->usual_button), self->writable && !busy && self->ocmw_id != 0);
}

static const MiriamOcmwClosedDay *
row_day (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "closed-day");
}

/* The row of @day, if the list has one. */
static GtkListBoxRow *
find_row (MiriamClosedDays *self,
          const GDate      *day)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const MiriamOcmwClosedDay *closed;

      if (!GTK_IS_LIST_BOX_ROW (row) || (closed = row_day (GTK_LIST_BOX_ROW (row))) == NULL)
        continue;
      if (g_date_compare (&closed->day, day) == 0)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data G_GNUC_UNUSED)
{
  return g_date_compare (&row_day (a)->day, &row_day (b)->day);
}

/* ---------------------------------------------------------------------- */
/* Removing                                                                 */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkListBoxRow) row = user_data;
  g_autoptr(GError) error = NULL;
  MiriamClosedDays *self;

  if (!miriam_store_delete_finish (MIRIAM_STORE (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MIRIAM_CLOSED_DAYS (gtk_widget_get_root (GTK_WIDGET (row)));
  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
remove_response_cb (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  GtkListBoxRow *row = user_data;
  MiriamClosedDays *self = MIRIAM_CLOSED_DAYS (gtk_widget_get_root (GTK_WIDGET (row)));
  const MiriamOcmwClosedDay *closed = row_day (row);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->busy)
    return;

  set_busy (self, TRUE);
  miriam_store_delete_async (self->store, MIRIAM_RECORD_CLOSED_DAY, closed->row.id, closed->row.version,
                             self->cancellable, removed_cb, g_object_ref (row));
}

static void
remove_clicked_cb (GtkButton        *button,
                   MiriamClosedDays *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const MiriamOcmwClosedDay *closed = row_day (GTK_LIST_BOX_ROW (row));
  g_autofree char *day = miriam_format_date_long (&closed->day);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Remove this closed day?"));
  if (closed->label[0] != '\0')
    /* Translators: a date and what the day is, e.g. "Saturday 26 December 2026 — Day after Christmas" */
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), _("%s — %s"), day, closed->label);
  else
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", day);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Cancel"), GTK_RESPONSE_CANCEL,
                          _("Remove"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  /* The dialog is modal: the row cannot go away while it is open. */
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), row);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* The list                                                                 */

static GtkWidget *
closed_row_new (MiriamClosedDays          *self,
                const MiriamOcmwClosedDay *closed)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *day_text = miriam_format_date_long (&closed->day);
  GtkWidget *day = gtk_label_new (day_text);
  GtkWidget *label = gtk_label_new (closed->label);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: %s is a date such as "Saturday 26 December 2026" */
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), day_text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (day), 0);
  gtk_size_group_add_widget (self->date_column, day);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  gtk_widget_set_tooltip_text (remove, _("Remove this closed day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_sensitive (remove, self->writable);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), day);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "closed-day",
                          miriam_record_copy (MIRIAM_RECORD_CLOSED_DAY, closed),
                          miriam_record_free_func (MIRIAM_RECORD_CLOSED_DAY));
  return row;
}

/* ---------------------------------------------------------------------- */
/* Adding                                                                   */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamClosedDays *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamOcmwClosedDay *closed;

  closed = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (closed == NULL)
    {
      /* What was typed stays in the fields. */
      g_ptr_array_set_size (self->pending, 0);
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  gtk_list_box_append (self->list, closed_row_new (self, closed));
  miriam_record_free (MIRIAM_RECORD_CLOSED_DAY, closed);
  g_signal_emit (self, signals[SAVED], 0);
  save_next (self);
}

/* Saves the first pending day; the next one follows when it is saved. */
static void
save_next (MiriamClosedDays *self)
{
  MiriamOcmwClosedDay *closed;

  if (self->pending->len == 0)
    {
      set_busy (self, FALSE);
      return;
    }
  closed = g_ptr_array_steal_index (self->pending, 0);
  set_busy (self, TRUE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_CLOSED_DAY, closed, self->cancellable, saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_CLOSED_DAY, closed);
}

static void
queue_day (MiriamClosedDays *self,
           const GDate      *day,
           const char       *label)
{
  MiriamOcmwClosedDay *closed = miriam_record_new (MIRIAM_RECORD_CLOSED_DAY);

  closed->ocmw_id = self->ocmw_id;
  closed->day = *day;
  g_free (closed->label);
  closed->label = g_strdup (label);
  g_ptr_array_add (self->pending, closed);
}

static void
add_clicked_cb (MiriamClosedDays *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  g_autofree char *why = NULL;
  GDate day;

  if (self->busy || !self->writable || self->ocmw_id == 0)
    return;
  if (!parse_planning_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &day, &why)
      || !g_date_valid (&day))
    {
      show_error (self, why != NULL ? why : _("Type the date as day/month/year, for example 26/12/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return;
    }
  if (find_row (self, &day) != NULL)
    {
      g_autofree char *text = miriam_format_date (&day);
      /* Translators: %s is a date */
      g_autofree char *message = g_strdup_printf (_("%s is already in the list."), text);

      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return;
    }

  show_error (self, NULL);
  queue_day (self, &day, label);
  /* Cleared now: the row appears when the store has it, and an error
   * message says so if it could not be saved. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  save_next (self);
}

/* 2 November and 26 December: many Belgian OCMWs close on both. */
static void
usual_clicked_cb (MiriamClosedDays *self)
{
  GDate day;
  guint added = 0;

  if (self->busy || !self->writable || self->ocmw_id == 0)
    return;

  g_date_set_dmy (&day, 2, G_DATE_NOVEMBER, self->usual_year);
  if (find_row (self, &day) == NULL)
    {
      queue_day (self, &day, _("All Souls’ Day"));
      added++;
    }
  g_date_set_dmy (&day, 26, G_DATE_DECEMBER, self->usual_year);
  if (find_row (self, &day) == NULL)
    {
      queue_day (self, &day, _("Day after Christmas"));
      added++;
    }

  if (added == 0)
    {
      g_autofree char *message = g_strdup_printf (_("2 November and 26 December %u are already in the list."),
                                                  self->usual_year);
      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  save_next (self);
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                  */

static void
closed_days_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MiriamClosedDays *self = user_data;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  days = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (days == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < days->len; i++)
    gtk_list_box_append (self->list, closed_row_new (self, days->pdata[i]));
  set_busy (self, FALSE);
}

static void
ocmws_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamClosedDays *self = user_data;
  g_autoptr(GPtrArray) ocmws = NULL;
  g_autoptr(GError) error = NULL;

  ocmws = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ocmws == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (ocmws->len == 0)
    {
      show_error (self, _("This database has no OCMW yet, so it has no closed days."));
      return;
    }
  /* The first OCMW: a database holds one team. */
  self->ocmw_id = ((MiriamOcmw *) ocmws->pdata[0])->row.id;
  miriam_store_list_async (self->store, MIRIAM_RECORD_CLOSED_DAY, "ocmw_id", self->ocmw_id,
                           self->cancellable, closed_days_cb, self);
}

MiriamClosedDays *
miriam_closed_days_new (GtkWindow   *parent,
                        MiriamStore *store)
{
  MiriamClosedDays *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_CLOSED_DAYS,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->writable = miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  if (!self->writable)
    {
      gtk_widget_set_sensitive (self->add_grid, FALSE);
      show_error (self, _("This database is read-only: you can read the closed days, but not change them."));
    }
  set_busy (self, TRUE);
  miriam_store_list_async (store, MIRIAM_RECORD_OCMW, NULL, 0, self->cancellable, ocmws_cb, self);
  return self;
}

static void
miriam_closed_days_dispose (GObject *object)
{
  MiriamClosedDays *self = MIRIAM_CLOSED_DAYS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->date_column);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_CLOSED_DAYS);

  G_OBJECT_CLASS (miriam_closed_days_parent_class)->dispose (object);
}

static void
miriam_closed_days_class_init (MiriamClosedDaysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_closed_days_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-closed-days.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, add_grid);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, date_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, label_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, add_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, error_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, usual_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamClosedDays, list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, usual_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_closed_days_init (MiriamClosedDays *self)
{
  GtkWidget *placeholder;
  g_autofree char *usual = NULL;
  GDate today, next;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->date_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->pending = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_CLOSED_DAY));

  /* The year of the next 2 November: the days a planner looks ahead to. */
  miriam_date_today (&today);
  g_date_set_dmy (&next, 2, G_DATE_NOVEMBER, g_date_get_year (&today));
  self->usual_year = g_date_get_year (&today) + (g_date_compare (&today, &next) > 0 ? 1 : 0);
  /* Translators: %u is a year; the usual days are 2 November and 26 December */
  usual = g_strdup_printf (_("Add the Usual Days for %u"), self->usual_year);
  gtk_button_set_label (self->usual_button, usual);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->usual_button),
                               _("Adds 2 November and 26 December, on which many OCMWs close"));

  placeholder = gtk_label_new (_("No closed days yet, e.g. 2 November, 26 December."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_list_box_set_sort_func (self->list, sort_rows, NULL, NULL);
}
