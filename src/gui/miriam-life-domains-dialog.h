/* miriam-life-domains-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_LIFE_DOMAINS_DIALOG (miriam_life_domains_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamLifeDomainsDialog, miriam_life_domains_dialog, MIRIAM, LIFE_DOMAINS_DIALOG, GtkWindow)

/* The life domains the file's OCMW scores: their order, which are
 * switched on, and the OCMW's own domains with their names in Dutch,
 * French and German.  Saved in one go; emits "saved" afterwards. */
MiriamLifeDomainsDialog *miriam_life_domains_dialog_new (GtkWindow   *parent,
                                                         MiriamStore *store);

G_END_DECLS
