/* miriam-restore-dialog.c: the backups of the database, and putting one back
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Restoring replaces what the whole team sees, so it is asked once more,
 * with the moment it goes back to; the file it replaces is kept first
 * (by the store), and the dialog says where.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-language.h"
#include "core/miriam-time.h"

#include "miriam-restore-dialog.h"

struct _MiriamRestoreDialog
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkLabel     *message_label;
  GtkLabel     *folder_label;
  GtkStack     *stack;
  GtkListBox   *list;
  GtkLabel     *status_label;
  GtkWidget    *restore_button;
  GtkWidget    *close_button;

  MiriamStore  *store;
  GCancellable *cancellable;
  char         *folder;
  GPtrArray    *backups;    /* MiriamBackup, in the list's order */
  GDateTime    *restoring;  /* when the backup being restored was made */
};

G_DEFINE_FINAL_TYPE (MiriamRestoreDialog, miriam_restore_dialog, GTK_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (MiriamRestoreDialog *self);

/* "maandag 9 maart 2026, 08:30" */
static char *
moment_text (GDateTime *t)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (t), g_date_time_get_month (t),
                  g_date_time_get_year (t));
  date = miriam_format_date_long (&day);
  time = miriam_time_format (g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t));
  /* Translators: a long date, then a time of day */
  return g_strdup_printf (_("%s, %s"), date, time);
}

static void
show_status (MiriamRestoreDialog *self,
             const char          *text,
             gboolean             is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (MiriamRestoreDialog *self)
{
  gboolean chosen = gtk_list_box_get_selected_row (self->list) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.restore", chosen && self->restoring == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.choose-folder", self->restoring == NULL);
  gtk_widget_set_sensitive (self->close_button, self->restoring == NULL);
}

static GtkWidget *
backup_row (const MiriamBackup *backup)
{
  g_autofree char *when = moment_text (backup->made_at);
  g_autofree char *size = g_format_size (backup->size > 0 ? (guint64) backup->size : 0);
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (when);
  GtkWidget *subtitle;
  const char *kind = backup->kind == MIRIAM_BACKUP_BEFORE_RESTORE
                     ? _("The database as it was before a restore")
                     : _("Daily backup");

  /* Translators: the kind of backup, then its size, e.g. "Daily backup · 1.2 MB" */
  details = g_strdup_printf (_("%s · %s"), kind, size);
  subtitle = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  name = g_strdup_printf ("%s, %s", when, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamRestoreDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *backups;
  GtkWidget *child;

  backups = miriam_store_list_backups_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  if (backups == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      show_status (self, error->message, TRUE);
      update_actions (self);
      return;
    }

  self->backups = backups;
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->list, backup_row (backups->pdata[i]));
  gtk_stack_set_visible_child_name (self->stack, backups->len > 0 ? "list" : "empty");
  if (backups->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list));
  update_actions (self);
}

static void
load (MiriamRestoreDialog *self)
{
  g_autofree char *where = g_strdup_printf (_("Backups in: %s"), self->folder);

  gtk_label_set_text (self->folder_label, where);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  miriam_store_list_backups_async (self->store, self->folder, self->cancellable, listed_cb, self);
}

/* ---------------------------------------------------------------------- */
/* Restoring                                                                */

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamRestoreDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) made_at = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  kept = miriam_store_restore_backup_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  made_at = g_steal_pointer (&self->restoring);
  update_actions (self);
  if (kept == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  when = moment_text (made_at);
  kept_name = g_path_get_basename (kept);
  text = g_strdup_printf (_("The backup of %s is back in place. The database as it was before is "
                            "kept in the backup folder as “%s”."), when, kept_name);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  show_status (self, text, FALSE);
  load (self);
  g_signal_emit (self, signals[RESTORED], 0);
}

static void
confirm_response_cb (GtkDialog           *dialog,
                     int                  response,
                     MiriamRestoreDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  MiriamBackup *backup;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || row == NULL || self->backups == NULL)
    return;

  backup = self->backups->pdata[gtk_list_box_row_get_index (row)];
  self->restoring = g_date_time_ref (backup->made_at);
  update_actions (self);
  show_status (self, _("Restoring the backup…"), FALSE);
  miriam_store_restore_backup_async (self->store, backup->path, self->folder, self->cancellable,
                                     restored_cb, self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *param G_GNUC_UNUSED)
{
  MiriamRestoreDialog *self = MIRIAM_RESTORE_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  g_autofree char *when = NULL;
  MiriamBackup *backup;
  GtkWidget *dialog, *button;

  if (row == NULL || self->backups == NULL || self->restoring != NULL)
    return;
  backup = self->backups->pdata[gtk_list_box_row_get_index (row)];
  when = moment_text (backup->made_at);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Restore the backup of %s?"), when);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The whole team then works with the data as they "
                                              "were at that moment. Everything saved since is "
                                              "replaced; the database as it is now is kept as a "
                                              "copy in the backup folder."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Restore"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backups copied elsewhere (a USB stick, another share) can be used too. */
static void
folder_chosen_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  MiriamRestoreDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path == NULL)
    return;
  g_free (self->folder);
  self->folder = g_steal_pointer (&path);
  show_status (self, NULL, FALSE);
  load (self);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *param G_GNUC_UNUSED)
{
  MiriamRestoreDialog *self = MIRIAM_RESTORE_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder with Backups"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------- */

static gboolean
miriam_restore_dialog_close_request (GtkWindow *window)
{
  /* A restore under way runs to its end; the window waits for it. */
  if (MIRIAM_RESTORE_DIALOG (window)->restoring != NULL)
    return TRUE;
  return GTK_WINDOW_CLASS (miriam_restore_dialog_parent_class)->close_request (window);
}

MiriamRestoreDialog *
miriam_restore_dialog_new (GtkWindow   *parent,
                           MiriamStore *store,
                           const char  *folder,
                           const char  *message)
{
  MiriamRestoreDialog *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->folder = g_strdup (folder);
  if (message != NULL)
    gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  load (self);
  return self;
}

static void
miriam_restore_dialog_dispose (GObject *object)
{
  MiriamRestoreDialog *self = MIRIAM_RESTORE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->restoring, g_date_time_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (miriam_restore_dialog_parent_class)->dispose (object);
}

static void
miriam_restore_dialog_class_init (MiriamRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_restore_dialog_dispose;
  window_class->close_request = miriam_restore_dialog_close_request;

  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/be/ocmw/Miriam/ui/miriam-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, list);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamRestoreDialog, close_button);

  gtk_widget_class_install_action (widget_class, "restore.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "restore.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_restore_dialog_init (MiriamRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (update_actions), self);
  update_actions (self);
}
