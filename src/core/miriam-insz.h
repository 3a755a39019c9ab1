/* miriam-insz.h: the Belgian national register number (INSZ / NISS / ENSS)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_INSZ_VALID,
  MIRIAM_INSZ_EMPTY,           /* nothing typed: allowed, the number is optional */
  MIRIAM_INSZ_BAD_CHARACTERS,  /* letters or other signs than digits, spaces, . - / */
  MIRIAM_INSZ_BAD_LENGTH,      /* not 11 digits */
  MIRIAM_INSZ_BAD_DATE,        /* the first six digits are no possible birth date */
  MIRIAM_INSZ_BAD_CHECK,       /* the check digits do not match, or the serial is
                                  000 or 999 (a typing error) */
} MiriamInszResult;

typedef struct {
  char     digits[12];         /* the 11 digits, NUL-terminated */
  GDate    birth_date;         /* invalid when the number does not tell it */
  gboolean is_bis;             /* a bis number (month + 20 or + 40) */
  gboolean born_2000_or_later; /* the check digits were computed with a leading 2 */
} MiriamInsz;

/* Accepts the ways people type it: "85073003328", "85.07.30-033.28",
 * "850730 033 28".  On MIRIAM_INSZ_VALID, @insz (if not NULL) is filled. */
MiriamInszResult  miriam_insz_parse          (const char       *text,
                                              MiriamInsz       *insz);

/* "85.07.30-033.28" from 11 digits. */
char             *miriam_insz_format         (const char       *digits);

/* A translated sentence for the user, e.g. under the field. NULL for VALID
 * and EMPTY. */
const char       *miriam_insz_result_message (MiriamInszResult  result);

G_END_DECLS
