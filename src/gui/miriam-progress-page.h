/* miriam-progress-page.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PROGRESS_PAGE (miriam_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (MiriamProgressPage, miriam_progress_page, MIRIAM, PROGRESS_PAGE, GtkWidget)

/* The Progress section: the charts of a group, of one participant or of
 * the cohorts side by side, with printing and export. */
void miriam_progress_page_set_store (MiriamProgressPage *self,
                                     MiriamStore        *store);
/* Reads the groups and the shown figures again (after a save, or a
 * colleague's change), keeping the charts on screen until the new ones
 * are there.  Cheap when the section is not shown: it waits until it is. */
void miriam_progress_page_reload    (MiriamProgressPage *self);

G_END_DECLS
