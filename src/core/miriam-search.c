/* miriam-search.c: matching what a casemanager types against names
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names come from everywhere: Céline, Müller, Łucja, Ørsted, Işık, فاطمة,
 * Анна.  A casemanager types them on a Belgian keyboard, without the
 * accents, or copies them from a letter.  Folding both sides the same way
 * makes "celine" find "Céline" and "lucja" find "Łucja", while names in
 * other scripts stay searchable in their own script.
 */
#include "config.h"

#include "miriam-search.h"

#include <string.h>

#define MIN_QUERY_DIGITS 3

typedef struct {
  gunichar    letter;
  const char *ascii;
} Replacement;

/* Letters that carry their "accent" in the letter itself, so that the
 * Unicode decomposition does not take it off.  Applied after case folding:
 * lower case is enough. */
static const Replacement replacements[] = {
  { 0x00DF, "ss" },   /* ß */
  { 0x00E6, "ae" },   /* æ */
  { 0x00F8, "o" },    /* ø */
  { 0x0111, "d" },    /* đ */
  { 0x0131, "i" },    /* ı, Turkish dotless i */
  { 0x0142, "l" },    /* ł */
  { 0x0153, "oe" },   /* œ */
  { 0x2019, "'" },    /* ’, the apostrophe word processors type (D’Hondt) */
};

static const char *
replacement (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    if (replacements[i].letter == c)
      return replacements[i].ascii;
  return NULL;
}

/* Drops the marks that decomposition split off, replaces the letters
 * above and folds every run of white space into one space. */
static void
append_folded (GString    *out,
               const char *decomposed)
{
  gboolean pending_space = FALSE;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *ascii;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (g_unichar_ismark (c))
        continue;

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      ascii = replacement (c);
      if (ascii != NULL)
        g_string_append (out, ascii);
      else
        g_string_append_unichar (out, c);
    }
}

char *
miriam_search_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *compatible = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* A name imported from elsewhere may not be valid UTF-8. */
  valid = g_utf8_make_valid (text, -1);
  /* Decomposing before case folding turns the odd capitals (the Ångström
   * sign, superscript letters, full-width Ａ) into plain ones; case folding
   * can give back precomposed letters (Å to å), hence decomposing again. */
  compatible = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (compatible, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);

  out = g_string_sized_new (strlen (decomposed));
  append_folded (out, decomposed);
  return g_string_free (out, FALSE);
}

char *
miriam_search_digits (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);

  /* Also the digits of other scripts (٠٤٧٠ is 0470). */
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));

      if (value >= 0)
        g_string_append_c (out, (char) ('0' + value));
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A phone or national register number, typed in any grouping: "0470 12",
 * "85.07.30". */
static gboolean
digits_match (const char *digits_haystack,
              const char *query)
{
  g_autofree char *digits = NULL;

  if (digits_haystack == NULL || has_letters (query))
    return FALSE;

  digits = miriam_search_digits (query);
  return strlen (digits) >= MIN_QUERY_DIGITS && strstr (digits_haystack, digits) != NULL;
}

/* Every word, anywhere and in any order: "dubois celine" finds "Céline
 * Dubois", "cel" finds her too. */
static gboolean
words_match (const char *folded_haystack,
             const char *query)
{
  g_autofree char *folded = miriam_search_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded_haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
miriam_search_matches (const char *folded_haystack,
                       const char *digits_haystack,
                       const char *query)
{
  /* An empty query hides nobody. */
  if (query == NULL)
    return TRUE;

  return words_match (folded_haystack != NULL ? folded_haystack : "", query)
         || digits_match (digits_haystack, query);
}
