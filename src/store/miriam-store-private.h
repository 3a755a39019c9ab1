/* miriam-store-private.h: for the store's own files only
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "miriam-store.h"

G_BEGIN_DECLS

/* Worker thread only. */
sqlite3_stmt *miriam_store_prepare   (MiriamStore  *self,
                                      const char   *sql,
                                      GError      **error);
gboolean      miriam_store_begin     (MiriamStore  *self,
                                      GError      **error);
gboolean      miriam_store_commit    (MiriamStore  *self,
                                      GError      **error);
void          miriam_store_rollback  (MiriamStore  *self);
void          miriam_store_set_error (MiriamStore  *self,
                                      int           rc,
                                      GError      **error);

G_END_DECLS
