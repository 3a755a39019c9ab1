/* miriam-restore-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_RESTORE_DIALOG (miriam_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamRestoreDialog, miriam_restore_dialog, MIRIAM, RESTORE_DIALOG, GtkWindow)

/* The backups of @store's database in @folder, newest first, with their
 * dates; one is put back after the user confirms.  @message (may be
 * NULL) says why the dialog opened by itself, e.g. a damaged database.
 * Emits "restored" once a backup is back: the database must then be
 * opened again. */
MiriamRestoreDialog *miriam_restore_dialog_new (GtkWindow   *parent,
                                                MiriamStore *store,
                                                const char  *folder,
                                                const char  *message);

G_END_DECLS
