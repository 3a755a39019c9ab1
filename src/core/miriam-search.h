/* miriam-search.h: matching what a casemanager types against names
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower case, accents and other marks removed, white space folded:
 * "  Céline  DUBOIS-Müller" -> "celine dubois-muller".  Other scripts
 * (Arabic, Cyrillic) are case-folded and kept. */
char     *miriam_search_fold        (const char *text);

/* The digits of @text only: "0470 12 34 56" -> "0470123456". */
char     *miriam_search_digits      (const char *text);

/* Whether every word of @query (folded) occurs in @folded_haystack (made
 * with miriam_search_fold()), or the query's digits (if it has at least
 * three and no letters) occur in @digits_haystack. */
gboolean  miriam_search_matches     (const char *folded_haystack,
                                     const char *digits_haystack,
                                     const char *query);

G_END_DECLS
