/* miriam-diagnostics.c: how this computer reaches the team's file, for IT
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is read on a thread of the store (a share that hangs
 * must not freeze the window) and shown as plain caption/value pairs, the
 * same text "Copy for IT" puts on the clipboard.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-language.h"
#include "core/miriam-time.h"

#include "miriam-diagnostics.h"

struct _MiriamDiagnostics
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkGrid      *grid;

  MiriamStore  *store;
  GCancellable *cancellable;
  char         *backup_folder;
  GString      *text;         /* what "Copy for IT" copies */
  int           row;
};

G_DEFINE_FINAL_TYPE (MiriamDiagnostics, miriam_diagnostics, GTK_TYPE_WINDOW)

static void
add_row (MiriamDiagnostics *self,
         const char        *caption,
         const char        *value)
{
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 1);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);

  gtk_grid_attach (self->grid, caption_label, 0, self->row, 1, 1);
  gtk_grid_attach (self->grid, value_label, 1, self->row, 1, 1);
  self->row++;

  g_string_append_printf (self->text, "%s: %s\n", caption, value);
}

static char *
moment_text (GDateTime *t)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (t), g_date_time_get_month (t),
                  g_date_time_get_year (t));
  date = miriam_format_date (&day);
  time = miriam_time_format (g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t));
  /* Translators: a date and a time of day, e.g. "14/03/2026 10:12" */
  return g_strdup_printf (_("%s %s"), date, time);
}

static char *
drive_text (const MiriamStoreDiagnostics *d)
{
  if (d->remote)
    return d->filesystem_type[0] != '\0'
           /* Translators: %s is the filesystem type, e.g. cifs, nfs4 */
           ? g_strdup_printf (_("Network drive (%s)"), d->filesystem_type)
           : g_strdup (_("Network drive"));
  return d->filesystem_type[0] != '\0'
         /* Translators: %s is the filesystem type, e.g. ext4, NTFS */
         ? g_strdup_printf (_("This computer (%s)"), d->filesystem_type)
         : g_strdup (_("This computer"));
}

static char *
journal_text (const MiriamStoreDiagnostics *d)
{
  if (d->journal_mode[0] == '\0')
    return g_strdup (_("Unknown: the file could not be read"));
  if (g_str_equal (d->journal_mode, "delete"))
    /* Translators: %s is SQLite's name of the mode, "delete": keep it as is */
    return g_strdup_printf (_("%s (rollback journal: safe on a network drive)"), d->journal_mode);
  /* Translators: %s is SQLite's name of the mode, e.g. "wal": keep it as is */
  return g_strdup_printf (_("%s (not safe on a network drive)"), d->journal_mode);
}

static const char *
lock_text (MiriamLockStatus lock)
{
  switch (lock)
    {
    case MIRIAM_LOCK_FREE:
      return _("Free: nobody is reading or saving right now");
    case MIRIAM_LOCK_READING:
      return _("Someone is reading the file right now");
    case MIRIAM_LOCK_WRITING:
      return _("Someone is saving right now");
    case MIRIAM_LOCK_UNKNOWN:
    default:
      return _("Could not be checked");
    }
}

static char *
backup_text (const MiriamStoreDiagnostics *d)
{
  g_autofree char *when = NULL;

  if (d->last_backup_at == NULL)
    return g_strdup (_("None yet"));
  when = moment_text (d->last_backup_at);
  switch (d->last_backup_check)
    {
    case MIRIAM_BACKUP_CHECK_OK:
      return g_strdup_printf (_("%s, checked: no damage found"), when);
    case MIRIAM_BACKUP_CHECK_DAMAGED:
      return g_strdup_printf (_("%s: the check found damage in the database, so no backup was kept"), when);
    case MIRIAM_BACKUP_CHECK_FAILED:
      return g_strdup_printf (_("%s: the backup could not be made"), when);
    case MIRIAM_BACKUP_CHECK_NONE:
    default:
      return g_strdup (when);
    }
}

static void
show (MiriamDiagnostics            *self,
      const MiriamStoreDiagnostics *d)
{
  g_autofree char *drive = drive_text (d);
  g_autofree char *size = d->size >= 0 ? g_format_size (d->size) : g_strdup (_("Unknown"));
  g_autofree char *journal = journal_text (d);
  g_autofree char *schema = NULL;
  g_autofree char *backup = backup_text (d);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->row = 0;
  g_string_truncate (self->text, 0);

  schema = d->file_version > 0
           ? g_strdup_printf (_("%d (this version of MIRIAM: %d)"), d->file_version, d->app_version)
           /* Translators: %d is a number */
           : g_strdup_printf (_("Unknown (this version of MIRIAM: %d)"), d->app_version);

  add_row (self, _("Database file"), d->path);
  add_row (self, _("Drive"), drive);
  add_row (self, _("Size"), size);
  add_row (self, _("Journal mode"), journal);
  add_row (self, _("Lock"), lock_text (d->lock));
  add_row (self, _("Journal file"),
           d->journal_present
           ? _("A “-journal” file lies beside the database: someone is saving, or a save was "
               "interrupted. MIRIAM finishes or undoes it at the next opening.")
           : _("None"));
  add_row (self, _("Schema version"), schema);
  add_row (self, _("MIRIAM version"), PACKAGE_VERSION);
  add_row (self, _("SQLite version"), d->sqlite_version);
  add_row (self, _("Backup folder"), d->backup_folder);
  add_row (self, _("Last backup"), backup);

  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamDiagnostics *self = user_data;
  g_autoptr(MiriamStoreDiagnostics) d = NULL;
  g_autoptr(GError) error = NULL;

  d = miriam_store_get_diagnostics_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (d != NULL)
    show (self, d);
}

static void
load (MiriamDiagnostics *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  miriam_store_get_diagnostics_async (self->store, self->backup_folder, self->cancellable,
                                      loaded_cb, self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *param G_GNUC_UNUSED)
{
  load (MIRIAM_DIAGNOSTICS (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  MiriamDiagnostics *self = MIRIAM_DIAGNOSTICS (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text->str);
}

MiriamDiagnostics *
miriam_diagnostics_new (GtkWindow   *parent,
                        MiriamStore *store,
                        const char  *backup_folder)
{
  MiriamDiagnostics *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_DIAGNOSTICS,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->backup_folder = g_strdup (backup_folder);
  load (self);
  return self;
}

static void
miriam_diagnostics_dispose (GObject *object)
{
  MiriamDiagnostics *self = MIRIAM_DIAGNOSTICS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->backup_folder, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_DIAGNOSTICS);

  G_OBJECT_CLASS (miriam_diagnostics_parent_class)->dispose (object);
}

static void
miriam_diagnostics_finalize (GObject *object)
{
  MiriamDiagnostics *self = MIRIAM_DIAGNOSTICS (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (miriam_diagnostics_parent_class)->finalize (object);
}

static void
miriam_diagnostics_class_init (MiriamDiagnosticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_diagnostics_dispose;
  object_class->finalize = miriam_diagnostics_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/be/ocmw/Miriam/ui/miriam-diagnostics.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamDiagnostics, stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamDiagnostics, grid);

  gtk_widget_class_install_action (widget_class, "diagnostics.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "diagnostics.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_diagnostics_init (MiriamDiagnostics *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->text = g_string_new (NULL);
}
