/* miriam-settings.c: what the application remembers between runs
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-settings.h"

#include <errno.h>
#include <glib/gstdio.h>

#define GROUP "MIRIAM"

char *
miriam_settings_get_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "miriam", "settings.ini", NULL);
}

char *
miriam_settings_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "miriam", "miriam.sqlite", NULL);
}

MiriamSettings *
miriam_settings_load (void)
{
  g_autofree char *file = miriam_settings_get_file ();
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  MiriamSettings *settings = g_new0 (MiriamSettings, 1);
  g_autofree char *language = NULL;

  settings->language = MIRIAM_LANGUAGE_SYSTEM;

  /* A missing or broken file is not worth an error: the defaults do. */
  if (!g_key_file_load_from_file (keys, file, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring unreadable settings: %s", error->message);
      return settings;
    }

  settings->database = g_key_file_get_string (keys, GROUP, "database", NULL);
  if (settings->database != NULL && settings->database[0] == '\0')
    g_clear_pointer (&settings->database, g_free);

  language = g_key_file_get_string (keys, GROUP, "language", NULL);
  settings->language = miriam_language_from_code (language);

  settings->user_name = g_key_file_get_string (keys, GROUP, "user-name", NULL);

  settings->backup_folder = g_key_file_get_string (keys, GROUP, "backup-folder", NULL);
  if (settings->backup_folder != NULL && settings->backup_folder[0] == '\0')
    g_clear_pointer (&settings->backup_folder, g_free);

  return settings;
}

gboolean
miriam_settings_save (const MiriamSettings  *settings,
                      GError               **error)
{
  g_autofree char *file = miriam_settings_get_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  g_key_file_set_string (keys, GROUP, "database", settings->database ? settings->database : "");
  g_key_file_set_string (keys, GROUP, "language", miriam_language_to_code (settings->language));
  g_key_file_set_string (keys, GROUP, "user-name", settings->user_name ? settings->user_name : "");
  g_key_file_set_string (keys, GROUP, "backup-folder", settings->backup_folder ? settings->backup_folder : "");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "%s", g_strerror (errno));
      return FALSE;
    }

  /* g_key_file_save_to_file() writes a temporary file and renames it, so
   * a crash never leaves half a settings file. */
  return g_key_file_save_to_file (keys, file, error);
}

void
miriam_settings_free (MiriamSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->database);
  g_free (settings->user_name);
  g_free (settings->backup_folder);
  g_free (settings);
}

const char *
miriam_settings_get_database (const MiriamSettings  *settings,
                              char                 **to_free)
{
  *to_free = NULL;
  if (settings->database != NULL)
    return settings->database;
  return *to_free = miriam_settings_default_database ();
}

char *
miriam_settings_get_user_name (const MiriamSettings *settings)
{
  const char *real_name;

  if (settings->user_name != NULL && settings->user_name[0] != '\0')
    return g_strdup (settings->user_name);

  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && !g_str_equal (real_name, "Unknown"))
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}
