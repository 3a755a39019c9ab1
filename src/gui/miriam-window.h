/* miriam-window.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "miriam-application.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_WINDOW (miriam_window_get_type ())
G_DECLARE_FINAL_TYPE (MiriamWindow, miriam_window, MIRIAM, WINDOW, GtkApplicationWindow)

MiriamWindow *miriam_window_new               (MiriamApplication *app);

/* Opens @path off the main loop; the window shows progress, then the
 * sections or a clear message.  @create: make the file if missing. */
void          miriam_window_open_database     (MiriamWindow      *self,
                                               const char        *path,
                                               gboolean           create);
/* Fills a new file at @path with a fictitious OCMW, then opens it. */
void          miriam_window_create_demo       (MiriamWindow      *self,
                                               const char        *path);
/* Path, schema version and access of the open file, for IT. */
char         *miriam_window_describe_database (MiriamWindow      *self);

G_END_DECLS
