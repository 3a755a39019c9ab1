/* miriam-diagnostics.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_DIAGNOSTICS (miriam_diagnostics_get_type ())
G_DECLARE_FINAL_TYPE (MiriamDiagnostics, miriam_diagnostics, MIRIAM, DIAGNOSTICS, GtkWindow)

/* For IT: where the database file lies (a network drive or not), its
 * journal mode, whether someone holds a lock on it right now, schema and
 * SQLite versions, and the last backup with its check.  Read off the main
 * loop; "Copy for IT" puts it all on the clipboard as plain text. */
MiriamDiagnostics *miriam_diagnostics_new (GtkWindow   *parent,
                                           MiriamStore *store,
                                           const char  *backup_folder);

G_END_DECLS
