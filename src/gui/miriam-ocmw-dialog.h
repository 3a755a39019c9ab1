/* miriam-ocmw-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_OCMW_DIALOG (miriam_ocmw_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamOcmwDialog, miriam_ocmw_dialog, MIRIAM, OCMW_DIALOG, GtkWindow)

/* The OCMW's name, municipality and Community, and the consortium it runs
 * groups with.  Emits "saved" after a successful save. */
MiriamOcmwDialog *miriam_ocmw_dialog_new (GtkWindow   *parent,
                                          MiriamStore *store);

G_END_DECLS
