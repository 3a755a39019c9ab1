/* miriam-time.c: times of day as people type them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-time.h"

#include <string.h>

/* Reads one or two ASCII digits at *p; advances past them. */
static gboolean
read_number (const char **p,
             int         *value)
{
  int n = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits < 2)
    {
      n = n * 10 + (**p - '0');
      (*p)++;
      digits++;
    }
  *value = n;
  return digits > 0;
}

gboolean
miriam_time_parse (const char *text,
                   int        *minutes)
{
  const char *p = text;
  int hours = 0, mins = 0;

  g_return_val_if_fail (minutes != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (!read_number (&p, &hours))
    return FALSE;
  if (*p == ':' || *p == '.' || *p == 'u' || *p == 'h' || *p == 'U' || *p == 'H')
    {
      const char *start = ++p;

      /* "9h" alone is nine o'clock; "9:5" is not a time. */
      if (*p != '\0' && !g_ascii_isspace (*p))
        {
          if (!read_number (&p, &mins) || p - start != 2)
            return FALSE;
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || hours > 23 || mins > 59)
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

char *
miriam_time_format (int minutes)
{
  if (minutes < 0)
    return g_strdup ("");
  return g_strdup_printf ("%02d:%02d", minutes / 60 % 24, minutes % 60);
}
