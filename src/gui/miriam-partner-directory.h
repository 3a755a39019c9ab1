/* miriam-partner-directory.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PARTNER_DIRECTORY (miriam_partner_directory_get_type ())
G_DECLARE_FINAL_TYPE (MiriamPartnerDirectory, miriam_partner_directory, MIRIAM, PARTNER_DIRECTORY, GtkWindow)

MiriamPartnerDirectory *miriam_partner_directory_new (GtkWindow   *parent,
                                                      MiriamStore *store);

G_END_DECLS
