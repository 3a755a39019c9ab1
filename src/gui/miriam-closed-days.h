/* miriam-closed-days.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_CLOSED_DAYS (miriam_closed_days_get_type ())
G_DECLARE_FINAL_TYPE (MiriamClosedDays, miriam_closed_days, MIRIAM, CLOSED_DAYS, GtkWindow)

/* The OCMW's own closed days, editable.  Emits "saved" after each change. */
MiriamClosedDays *miriam_closed_days_new (GtkWindow   *parent,
                                          MiriamStore *store);

G_END_DECLS
