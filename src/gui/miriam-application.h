/* miriam-application.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-settings.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_APPLICATION (miriam_application_get_type ())
G_DECLARE_FINAL_TYPE (MiriamApplication, miriam_application, MIRIAM, APPLICATION, GtkApplication)

MiriamApplication *miriam_application_new          (void);
MiriamSettings    *miriam_application_get_settings (MiriamApplication *self);
/* Writes the settings; a failure is logged, never fatal. */
void               miriam_application_save_settings (MiriamApplication *self);

G_END_DECLS
