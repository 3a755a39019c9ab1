/* miriam-preferences-dialog.c: language, name, and which database file
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "store/miriam-store.h"

#include "miriam-gui-utils.h"
#include "miriam-preferences-dialog.h"

struct _MiriamPreferencesDialog
{
  GtkWindow          parent_instance;

  GtkLabel          *language_label;
  GtkDropDown       *language_dropdown;
  GtkWidget         *restart_label;
  GtkEntry          *name_entry;
  GtkLabel          *database_label;
  GtkLabel          *backup_label;

  MiriamApplication *app;
  MiriamWindow      *window;
  MiriamLanguage     started_with;
};

G_DEFINE_FINAL_TYPE (MiriamPreferencesDialog, miriam_preferences_dialog, GTK_TYPE_WINDOW)

static void
language_changed_cb (MiriamPreferencesDialog *self)
{
  MiriamSettings *settings = miriam_application_get_settings (self->app);
  /* The list's order is MiriamLanguage's: system, nl, fr, de. */
  MiriamLanguage chosen = gtk_drop_down_get_selected (self->language_dropdown);

  if (chosen > MIRIAM_LANGUAGE_DE || chosen == settings->language)
    return;

  settings->language = chosen;
  miriam_application_save_settings (self->app);

  gtk_widget_set_visible (self->restart_label,
                          miriam_language_resolve (chosen, g_get_language_names ())
                          != miriam_language_get_current ());
}

static void
save_name (MiriamPreferencesDialog *self)
{
  MiriamSettings *settings = miriam_application_get_settings (self->app);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (g_strcmp0 (name, settings->user_name ? settings->user_name : "") == 0)
    return;

  g_free (settings->user_name);
  settings->user_name = g_steal_pointer (&name);
  miriam_application_save_settings (self->app);
}

static gboolean
miriam_preferences_dialog_close_request (GtkWindow *window)
{
  save_name (MIRIAM_PREFERENCES_DIALOG (window));
  return GTK_WINDOW_CLASS (miriam_preferences_dialog_parent_class)->close_request (window);
}

/* The file choice belongs to the main window, which shows the opening and
 * any problem with the file: hand over to it. */
static void
run_window_action (MiriamPreferencesDialog *self,
                   const char              *action)
{
  MiriamWindow *window = self->window;

  gtk_window_close (GTK_WINDOW (self));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
}

static void
choose_clicked_cb (MiriamPreferencesDialog *self)
{
  run_window_action (self, "win.open-database");
}

static void
local_clicked_cb (MiriamPreferencesDialog *self)
{
  run_window_action (self, "win.use-local-database");
}

/* The chosen folder, or the default one beside the database, said so. */
static void
show_backup_folder (MiriamPreferencesDialog *self)
{
  MiriamSettings *settings = miriam_application_get_settings (self->app);
  g_autofree char *to_free = NULL;
  const char *database = miriam_settings_get_database (settings, &to_free);
  g_autofree char *default_folder = miriam_store_default_backup_folder (database);
  g_autofree char *text = NULL;

  text = settings->backup_folder != NULL
         ? g_strdup (settings->backup_folder)
         : g_strdup_printf (_("%s (beside the database file)"), default_folder);
  gtk_label_set_text (self->backup_label, text);
}

static void
set_backup_folder (MiriamPreferencesDialog *self,
                   const char              *folder)
{
  MiriamSettings *settings = miriam_application_get_settings (self->app);

  g_free (settings->backup_folder);
  settings->backup_folder = g_strdup (folder);
  miriam_application_save_settings (self->app);
  show_backup_folder (self);
}

static void
backup_folder_chosen_cb (GtkNativeDialog         *chooser,
                         int                      response,
                         MiriamPreferencesDialog *self)
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

  if (path != NULL)
    set_backup_folder (self, path);
}

static void
backup_choose_clicked_cb (MiriamPreferencesDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
backup_default_clicked_cb (MiriamPreferencesDialog *self)
{
  set_backup_folder (self, NULL);
}

static void
fill (MiriamPreferencesDialog *self)
{
  MiriamSettings *settings = miriam_application_get_settings (self->app);
  g_autofree char *to_free = NULL;
  g_autofree char *user = miriam_settings_get_user_name (settings);
  const char *database = miriam_settings_get_database (settings, &to_free);
  g_autofree char *text = NULL;
  /* Each language by its own name, so that anyone finds theirs. */
  const char * const languages[] = {
    _("Same as the computer"), "Nederlands", "Français", "Deutsch", NULL
  };

  gtk_drop_down_set_model (self->language_dropdown,
                           G_LIST_MODEL (gtk_string_list_new (languages)));
  gtk_drop_down_set_selected (self->language_dropdown, settings->language);
  miriam_gui_name_drop_down (self->language_dropdown, gtk_label_get_text (self->language_label));
  g_signal_connect_swapped (self->language_dropdown, "notify::selected",
                            G_CALLBACK (language_changed_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), user);

  text = settings->database != NULL
         ? g_strdup (database)
         : g_strdup_printf (_("%s (the local database on this computer)"), database);
  gtk_label_set_text (self->database_label, text);
  show_backup_folder (self);
}

MiriamPreferencesDialog *
miriam_preferences_dialog_new (MiriamApplication *app,
                               MiriamWindow      *window)
{
  MiriamPreferencesDialog *self;

  self = g_object_new (MIRIAM_TYPE_PREFERENCES_DIALOG,
                       "application", app,
                       "transient-for", window,
                       NULL);
  self->app = app;
  g_set_weak_pointer (&self->window, window);
  fill (self);
  return self;
}

static void
miriam_preferences_dialog_dispose (GObject *object)
{
  MiriamPreferencesDialog *self = MIRIAM_PREFERENCES_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (miriam_preferences_dialog_parent_class)->dispose (object);
}

static void
miriam_preferences_dialog_class_init (MiriamPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_preferences_dialog_dispose;
  window_class->close_request = miriam_preferences_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/be/ocmw/Miriam/ui/miriam-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, language_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, restart_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, database_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamPreferencesDialog, backup_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, local_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_default_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_preferences_dialog_init (MiriamPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
