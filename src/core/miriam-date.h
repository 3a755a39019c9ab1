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

/* Reads a date of a session or appointment, typed as for
 * miriam_date_parse(), but planning ahead: a two-digit year is 20xx
 * (15/01/27 is 2027), and a date without a year (15/01, 15/1) is the one
 * of @today's year, or of the next year when that lies more than six
 * months before @today.  Empty text gives an invalid (cleared) @date and
 * TRUE.  Otherwise FALSE with a translated message in @error (domain
 * G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, as GLib has no better one
 * without GIO), and @date left alone. */
gboolean    miriam_date_parse_event        (const char   *text,
                                            const GDate  *today,
                                            GDate        *date,
                                            GError      **error);

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
