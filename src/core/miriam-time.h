/* miriam-time.h: times of day as people type them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps minutes after midnight; people type "9:30", "09.30",
 * "9u30" (Dutch) or "9h30" (French).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads @text into minutes after midnight (0..1439).  Accepts H, HH,
 * H:MM, HH:MM with ':', '.', 'u' or 'h' between hours and minutes,
 * surrounding spaces allowed.  FALSE for anything else (25:00, 9:75,
 * letters); @minutes is then untouched. */
gboolean  miriam_time_parse   (const char *text,
                               int        *minutes);

/* "09:30"; a negative value gives "". */
char     *miriam_time_format  (int         minutes);

G_END_DECLS
