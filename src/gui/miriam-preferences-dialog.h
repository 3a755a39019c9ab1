/* miriam-preferences-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "miriam-application.h"
#include "miriam-window.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PREFERENCES_DIALOG (miriam_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamPreferencesDialog, miriam_preferences_dialog, MIRIAM, PREFERENCES_DIALOG, GtkWindow)

MiriamPreferencesDialog *miriam_preferences_dialog_new (MiriamApplication *app,
                                                        MiriamWindow      *window);

G_END_DECLS
