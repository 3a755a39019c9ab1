/* miriam-application.c: command line, application actions, settings
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "miriam-application.h"
#include "miriam-calendar-export.h"
#include "miriam-preferences-dialog.h"
#include "miriam-report-export.h"
#include "miriam-window.h"

struct _MiriamApplication
{
  GtkApplication  parent_instance;

  MiriamSettings *settings;

  /* From the command line, for the first window. */
  char           *database;
  char           *demo;
};

G_DEFINE_FINAL_TYPE (MiriamApplication, miriam_application, GTK_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file and remember it"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Create a demo database with fictitious people in this file and open it"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the interface: nl, fr or de"), N_("CODE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the sessions of the database to this iCalendar file and quit, without a window"),
    N_("FILE") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a progress report to this PDF file and quit, without a window: of a group with "
       "--group, else of a cohort with --cohort, else of all cohorts"), N_("FILE") },
  { "pseudonymise", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: show the participants as initials or numbers instead of their names"),
    /* Not translated: the values themselves. */
    "initials|numbers" },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-report: A4 landscape instead of portrait"), NULL },
  { "group", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics: only this group; with --export-report: the report of this group"),
    N_("NAME") },
  { "casemanager", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics: only this casemanager’s sessions and appointments"), N_("NAME") },
  { "cohort", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics: only this cohort, e.g. 2026-2027; with --export-report: the report of "
       "this cohort (or the group of this cohort, with --group)"), N_("LABEL") },
  { "with-appointments", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-ics: include individual appointments (they show participants’ names)"), NULL },
  { NULL }
};

MiriamApplication *
miriam_application_new (void)
{
  /* Not unique: a colleague on a terminal server, or a test, may run
   * several instances with different files or languages. */
  return g_object_new (MIRIAM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/be/ocmw/Miriam",
                       NULL);
}

MiriamSettings *
miriam_application_get_settings (MiriamApplication *self)
{
  g_return_val_if_fail (MIRIAM_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
miriam_application_save_settings (MiriamApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!miriam_settings_save (self->settings, &error))
    g_warning ("Could not save the settings: %s", error->message);
}

static MiriamWindow *
get_window (MiriamApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return MIRIAM_IS_WINDOW (window) ? MIRIAM_WINDOW (window) : NULL;
}

/* --export-ics: a lead or IT can script the team calendar without a
 * window (and without a display).  Returns the exit status. */
static int
export_ics (MiriamApplication *self,
            GVariantDict      *dict,
            const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MiriamCalendarExportScope scope = { 0 };
  const char *database = self->database != NULL ? self->database : self->settings->database;
  guint n_events = 0;

  if (database == NULL)
    {
      g_printerr ("%s\n", _("Choose the database with --database FILE."));
      return 2;
    }

  g_variant_dict_lookup (dict, "group", "&s", &scope.group_name);
  g_variant_dict_lookup (dict, "casemanager", "&s", &scope.staff_name);
  g_variant_dict_lookup (dict, "cohort", "&s", &scope.cohort_label);
  scope.appointments = g_variant_dict_contains (dict, "with-appointments");

  store = miriam_store_new (database);
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error)
      || !miriam_calendar_export_write (store, &scope, file, &n_events, &error))
    {
      g_printerr ("%s\n", error->message);
      miriam_store_close (store);
      return 1;
    }
  miriam_store_close (store);

  g_print (ngettext ("Exported %u event to %s\n", "Exported %u events to %s\n", n_events),
           n_events, g_file_peek_path (file) ? g_file_peek_path (file) : path);
  return 0;
}

/* --export-report: the same report as Print and Export, for a lead who
 * sends it to the POD every year, scripted, without a display.  Returns
 * the exit status. */
static int
export_report (MiriamApplication *self,
               GVariantDict      *dict,
               const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(MiriamStore) store = NULL;
  g_autoptr(MiriamReportData) data = NULL;
  g_autoptr(MiriamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_file_get_path (file);
  MiriamReportScope scope = { 0 };
  MiriamReportOptions report_options = { 0 };
  const char *database = self->database != NULL ? self->database : self->settings->database;
  const char *pseudonym = NULL;
  guint n_pages;

  if (database == NULL)
    {
      g_printerr ("%s\n", _("Choose the database with --database FILE."));
      return 2;
    }
  g_variant_dict_lookup (dict, "pseudonymise", "&s", &pseudonym);
  if (!miriam_report_parse_pseudonym (pseudonym, &report_options.pseudonym))
    {
      g_printerr ("%s\n", _("--pseudonymise takes “initials” or “numbers”."));
      return 2;
    }
  if (out == NULL)
    {
      g_printerr ("%s\n", _("The report can only be written to a file on this computer or on a network drive."));
      return 2;
    }
  g_variant_dict_lookup (dict, "group", "&s", &scope.group_name);
  g_variant_dict_lookup (dict, "cohort", "&s", &scope.cohort_label);
  report_options.landscape = g_variant_dict_contains (dict, "landscape");
  g_date_clear (&report_options.print_date, 1);

  store = miriam_store_new (database);
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error)
      || (data = miriam_report_data_load (store, &scope, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      miriam_store_close (store);
      return 1;
    }
  miriam_store_close (store);

  report = miriam_report_data_build (data, &report_options);
  if (!miriam_report_write_pdf (report, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  n_pages = miriam_report_n_pages (report);
  g_print (ngettext ("Wrote a report of %u page to %s\n", "Wrote a report of %u pages to %s\n", n_pages),
           n_pages, out);
  return 0;
}

static gint
miriam_application_handle_local_options (GApplication *app,
                                         GVariantDict *dict)
{
  MiriamApplication *self = MIRIAM_APPLICATION (app);

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("MIRIAM %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Relative paths are taken from where the command was typed. */
  if (g_variant_dict_lookup (dict, "database", "^&ay", NULL))
    {
      const char *path = NULL;
      g_autoptr(GFile) file = NULL;

      g_variant_dict_lookup (dict, "database", "^&ay", &path);
      file = g_file_new_for_commandline_arg (path);
      self->database = g_file_get_path (file);
    }
  if (g_variant_dict_contains (dict, "demo"))
    {
      const char *path = NULL;
      g_autoptr(GFile) file = NULL;

      g_variant_dict_lookup (dict, "demo", "^&ay", &path);
      file = g_file_new_for_commandline_arg (path);
      self->demo = g_file_get_path (file);
    }

  if (g_variant_dict_contains (dict, "export-ics"))
    {
      const char *path = NULL;

      g_variant_dict_lookup (dict, "export-ics", "^&ay", &path);
      return export_ics (self, dict, path);
    }
  if (g_variant_dict_contains (dict, "export-report"))
    {
      const char *path = NULL;

      g_variant_dict_lookup (dict, "export-report", "^&ay", &path);
      return export_report (self, dict, path);
    }

  return -1;
}

static void
miriam_application_activate (GApplication *app)
{
  MiriamApplication *self = MIRIAM_APPLICATION (app);
  MiriamWindow *window = get_window (self);
  g_autofree char *default_db = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = miriam_window_new (self);
  gtk_window_present (GTK_WINDOW (window));

  if (self->demo != NULL)
    {
      miriam_window_create_demo (window, self->demo);
      return;
    }

  if (self->database != NULL)
    {
      /* Chosen on the command line: remembered, like in Preferences. */
      g_free (self->settings->database);
      self->settings->database = g_strdup (self->database);
      miriam_application_save_settings (self);
      miriam_window_open_database (window, self->database, FALSE);
      return;
    }

  if (self->settings->database != NULL)
    miriam_window_open_database (window, self->settings->database, FALSE);
  else
    {
      /* The local default is created on first use. */
      default_db = miriam_settings_default_database ();
      miriam_window_open_database (window, default_db, TRUE);
    }
}

static void
preferences_action (GSimpleAction *action G_GNUC_UNUSED,
                    GVariant      *param G_GNUC_UNUSED,
                    gpointer       user_data)
{
  MiriamApplication *self = user_data;
  MiriamWindow *window = get_window (self);
  MiriamPreferencesDialog *dialog = miriam_preferences_dialog_new (self, window);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action G_GNUC_UNUSED,
              GVariant      *param G_GNUC_UNUSED,
              gpointer       user_data)
{
  MiriamApplication *self = user_data;
  MiriamWindow *window = get_window (self);
  static const char *authors[] = { "The MIRIAM developers", NULL };
  g_autofree char *diagnostics = window ? miriam_window_describe_database (window) : NULL;

  gtk_show_about_dialog (GTK_WINDOW (window),
                         "program-name", "MIRIAM",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Participant files, group calendar and progress charts "
                                       "for MIRIAM teams in OCMWs"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "system-information", diagnostics,
                         NULL);
}

static void
quit_action (GSimpleAction *action G_GNUC_UNUSED,
             GVariant      *param G_GNUC_UNUSED,
             gpointer       user_data)
{
  MiriamApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (not g_application_quit()) lets each one ask
   * about unsaved work first. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

/* GtkApplication (unlike libadwaita's) does not load style.css itself. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/be/ocmw/Miriam/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
miriam_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open-database", { "<Control>o", NULL } },
    { "win.new-database", { "<Control><Shift>n", NULL } },
    { "win.new-participant", { "<Control>n", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-section('participants')", { "<Alt>1", NULL } },
    { "win.show-section('calendar')", { "<Alt>2", NULL } },
    { "win.show-section('progress')", { "<Alt>3", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (miriam_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  load_style ();
}

static void
miriam_application_finalize (GObject *object)
{
  MiriamApplication *self = MIRIAM_APPLICATION (object);

  miriam_settings_free (self->settings);
  g_free (self->database);
  g_free (self->demo);

  G_OBJECT_CLASS (miriam_application_parent_class)->finalize (object);
}

static void
miriam_application_class_init (MiriamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = miriam_application_finalize;

  app_class->handle_local_options = miriam_application_handle_local_options;
  app_class->startup = miriam_application_startup;
  app_class->activate = miriam_application_activate;
}

static void
miriam_application_init (MiriamApplication *self)
{
  self->settings = miriam_settings_load ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}
