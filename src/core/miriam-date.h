/* miriam-date.h: dates as people type them, and the rules they must keep
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a date typed in any Belgian way: 22/11/2026, 22.11.2026,
 * 22-11-2026, 22/11/26 (years 00..(this year % 100) mean 20xx, the others
 * 19xx), 2026-11-22.  Empty text gives an invalid (cleared) @date and TRUE.
 * FALSE for anything else, including impossible dates (31/02/2026). */
gboolean    miriam_date_parse              (const char   *text,
                                            GDate        *date);

/* Today in the local time zone. */
void        miriam_date_today              (GDate        *today);

typedef enum {
  MIRIAM_BIRTH_DATE_OK,
  MIRIAM_BIRTH_DATE_UNKNOWN,       /* not given: allowed */
  MIRIAM_BIRTH_DATE_IN_FUTURE,
  MIRIAM_BIRTH_DATE_TOO_YOUNG,     /* under 14 years old: surely a typing error */
  MIRIAM_BIRTH_DATE_TOO_OLD,       /* over 100 years old */
} MiriamBirthDateCheck;

MiriamBirthDateCheck miriam_birth_date_check         (const GDate          *birth_date,
                                                      const GDate          *today);
/* Translated; NULL for OK and UNKNOWN. */
const char          *miriam_birth_date_check_message (MiriamBirthDateCheck  check);

/* Age in whole years on @day, or -1 when @birth_date is unknown. */
int         miriam_date_age                (const GDate  *birth_date,
                                            const GDate  *day);

G_END_DECLS
