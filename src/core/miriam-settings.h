/* miriam-settings.h: what the application remembers between runs
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "miriam-language.h"

G_BEGIN_DECLS

/* Kept in a key file in GLib's user config folder (settings.ini under
 * ~/.config/miriam or %LOCALAPPDATA%\miriam): it works the same on
 * Windows and Linux, installed or run from the build tree, with no schema
 * to compile or register. */
typedef struct {
  char           *database;    /* NULL: the local default file */
  MiriamLanguage  language;
  char           *user_name;   /* shown to colleagues as "updated by" */
  char           *backup_folder; /* NULL: "MIRIAM backups" beside the database */
} MiriamSettings;

MiriamSettings *miriam_settings_load             (void);
gboolean        miriam_settings_save             (const MiriamSettings  *settings,
                                                  GError               **error);
void            miriam_settings_free             (MiriamSettings        *settings);

char           *miriam_settings_get_file         (void);

/* The database used when none is chosen: in the user's data folder. */
char           *miriam_settings_default_database (void);

/* The chosen database, or the default one. */
const char     *miriam_settings_get_database     (const MiriamSettings  *settings,
                                                  char                 **to_free);

/* The chosen name, else the account's full name, else its login. */
char           *miriam_settings_get_user_name    (const MiriamSettings  *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamSettings, miriam_settings_free)

G_END_DECLS
