/* miriam-share-banner.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIRIAM_TYPE_SHARE_BANNER (miriam_share_banner_get_type ())
G_DECLARE_FINAL_TYPE (MiriamShareBanner, miriam_share_banner, MIRIAM, SHARE_BANNER, GtkWidget)

/* The line at the top of the main window that says, in plain words, when
 * the database file cannot be reached, and then, for a few seconds, that
 * MIRIAM is connected again.  Hidden otherwise. */
void     miriam_share_banner_set_lost (MiriamShareBanner *self,
                                       gboolean           lost);
gboolean miriam_share_banner_get_lost (MiriamShareBanner *self);
/* Hides it at once, saying nothing (another file is opened). */
void     miriam_share_banner_hide     (MiriamShareBanner *self);

G_END_DECLS
