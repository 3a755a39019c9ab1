/* miriam-language.h: Dutch, French or German, and how each writes dates
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_LANGUAGE_SYSTEM,   /* follow the desktop's locale */
  MIRIAM_LANGUAGE_NL,
  MIRIAM_LANGUAGE_FR,
  MIRIAM_LANGUAGE_DE,
} MiriamLanguage;

/* "system", "nl", "fr", "de"; unknown codes read as SYSTEM. */
const char     *miriam_language_to_code      (MiriamLanguage      language);
MiriamLanguage  miriam_language_from_code    (const char         *code);

/* The language a locale name ("fr_BE.UTF-8", "de-BE") picks: a Belgian
 * locale picks its own language, anything else falls back to Dutch. */
MiriamLanguage  miriam_language_from_locale  (const char         *locale);

/* Resolves SYSTEM through the locale names GLib reports for messages. */
MiriamLanguage  miriam_language_resolve      (MiriamLanguage      choice,
                                              const char * const *system_locales);

/* "nl_BE", "fr_BE", "de_BE" for a resolved language. */
const char     *miriam_language_to_locale    (MiriamLanguage      language);

/* Makes the process speak @language: gettext's LANGUAGE and, where the
 * system has them, the Belgian locale's date and number conventions for
 * GTK's own widgets.  Call before any string is translated. */
void            miriam_language_apply        (MiriamLanguage      language);

/* The language in force after miriam_language_apply(). */
MiriamLanguage  miriam_language_get_current  (void);

/* "Monday", "lundi", "Montag"; G_DATE_MONDAY is 1, as in the schema. */
const char     *miriam_weekday_name          (GDateWeekday        weekday);
/* 22/11/2026 (nl, fr) or 22.11.2026 (de). */
char           *miriam_format_date           (const GDate        *date);
/* "maandag 23 november 2026", "lundi 23 novembre 2026", "Montag, 23. November 2026". */
char           *miriam_format_date_long      (const GDate        *date);
/* "1.234,5" (nl, de) or "1 234,5" (fr), with @decimals digits. */
char           *miriam_format_number         (double              value,
                                              guint               decimals);

G_END_DECLS
