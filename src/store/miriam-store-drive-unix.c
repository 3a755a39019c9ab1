/* miriam-store-drive-unix.c: network drives, as Linux tells them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On Linux a share is a mounted filesystem (cifs, smb2, nfs, a FUSE
 * client) and GIO's filesystem information names it; nothing to add here.
 * The Windows twin is miriam-store-drive-win32.c.
 */
#include "config.h"

#include "miriam-store-checks.h"

gboolean
miriam_store_drive_is_remote (const char *path G_GNUC_UNUSED)
{
  return FALSE;
}
