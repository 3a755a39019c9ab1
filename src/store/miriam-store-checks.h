/* miriam-store-checks.h: checks of the database file, for the store's own files
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "miriam-store.h"

G_BEGIN_DECLS

/* Files up to this many pages (1 MiB with 4 KiB pages) get a quick check
 * at every open.  The check reads every page: 0.1 s for the big demo
 * file (1009 pages) on a desktop, about 2 s at 2 ms per file operation on
 * a slow share, too long before the first view.  Bigger files are checked
 * once a day by the start-up backup, which checks its copy. */
#define MIRIAM_STORE_CHECK_AT_OPEN_MAX_PAGES 256

/* PRAGMA quick_check on @db: TRUE when it says "ok", else
 * MIRIAM_STORE_ERROR_CORRUPT (or the error that stopped the check). */
gboolean miriam_store_quick_check       (sqlite3     *db,
                                         GError     **error);

/* Whether @path lies on a network drive as the system itself tells it
 * (Windows: a mapped or UNC drive).  Elsewhere FALSE: GIO's filesystem
 * information says it there.  miriam-store-drive-{unix,win32}.c */
gboolean miriam_store_drive_is_remote  (const char  *path);

G_END_DECLS
