/* miriam-store-drive-win32.c: network drives, as Windows tells them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mapped drive (H:\) reports the server's filesystem ("NTFS") to GIO,
 * so its type alone does not say it is remote; the drive type does.  A
 * UNC path (\\server\share\...) is remote by its very form.
 */
#include "config.h"

#include <windows.h>

#include "miriam-store-checks.h"

gboolean
miriam_store_drive_is_remote (const char *path)
{
  g_autofree gunichar2 *wpath = NULL;
  wchar_t root[MAX_PATH + 1];

  if (path == NULL)
    return FALSE;
  if ((path[0] == '\\' || path[0] == '/') && (path[1] == '\\' || path[1] == '/'))
    return TRUE;

  wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  if (wpath == NULL || !GetVolumePathNameW ((const wchar_t *) wpath, root, G_N_ELEMENTS (root)))
    return FALSE;
  return GetDriveTypeW (root) == DRIVE_REMOTE;
}
