/* miriam-ical.c: calendar entries as iCalendar (RFC 5545)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Our own code, not libical: we only write, never read, and the events are
 * simple.  libical would bring its VTIMEZONE from its own copy of the
 * zoneinfo database, and be one more DLL to ship and keep up to date on
 * Windows; the one rule we need (Europe/Brussels, the EU's last Sundays of
 * March and October) fits in a few constant lines.  The output is checked
 * against an independent parser (tests/check-ics.py, Python's icalendar).
 */
#include "config.h"

#include "miriam-ical.h"

#include "miriam-language.h"
#include "miriam-vocabulary.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ICAL_TZID      "Europe/Brussels"
#define ICAL_MAX_LINE  75     /* octets, without the CRLF (RFC 5545 3.1) */

/* Since 1996 the EU rule: CEST from 01:00 UTC on the last Sunday of March
 * (02:00 local) to 01:00 UTC on the last Sunday of October (03:00 CEST).
 * The 1970 DTSTARTs are the conventional anchors of such a rule. */
static const char *const vtimezone[] = {
  "BEGIN:VTIMEZONE",
  "TZID:" ICAL_TZID,
  "X-LIC-LOCATION:" ICAL_TZID,
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
};

/* Appends @line as one content line: cut into pieces of at most 75 octets,
 * each continuation starting with one space (which counts), never inside a
 * UTF-8 sequence, so that every physical line is valid UTF-8 on its own
 * (some readers decode line by line before unfolding). */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize room = ICAL_MAX_LINE;

  while (len - pos > room)
    {
      gsize cut = pos + room;

      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      room = ICAL_MAX_LINE - 1;
    }
  g_string_append_len (out, line + pos, len - pos);
  g_string_append (out, "\r\n");
}

static void G_GNUC_PRINTF (2, 3)
append_line (GString    *out,
             const char *format,
             ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  append_folded (out, line);
}

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
 * line breaks as "\n".  Other control characters are not allowed in TEXT
 * and are dropped; broken UTF-8 from the database is repaired first. */
static char *
escape_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 8);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = escape_text (value);

  append_line (out, "%s:%s", name, escaped);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/* The store writes "2026-11-23T10:15:00Z"; a time without a zone is UTC
 * too.  NULL when there is nothing readable: LAST-MODIFIED is optional. */
static char *
parse_updated_at (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (is_blank (text))
    return NULL;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? format_utc (time) : NULL;
}

static void
append_date_value (GString     *out,
                   const char  *name,
                   const GDate *day)
{
  append_line (out, "%s;VALUE=DATE:%04u%02u%02u", name,
               g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
}

/* A local time on @day; minute 1440 is midnight at the start of the next
 * day, as RFC 5545 has no 24:00. */
static void
append_local_time (GString     *out,
                   const char  *name,
                   const GDate *day,
                   int          minute)
{
  GDate date = *day;

  if (minute >= 24 * 60)
    {
      g_date_add_days (&date, minute / (24 * 60));
      minute %= 24 * 60;
    }
  append_line (out, "%s;TZID=" ICAL_TZID ":%04u%02u%02uT%02d%02d00", name,
               g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
               minute / 60, minute % 60);
}

static void
append_times (GString                   *out,
              const MiriamCalendarEntry *entry)
{
  if (entry->start_minute < 0)
    {
      GDate next = entry->day;

      /* All day: DTEND is exclusive, so the next day. */
      g_date_add_days (&next, 1);
      append_date_value (out, "DTSTART", &entry->day);
      append_date_value (out, "DTEND", &next);
      return;
    }

  append_local_time (out, "DTSTART", &entry->day, entry->start_minute);
  /* Without a (sensible) end the event lasts no time, as RFC 5545 says
   * for a DTSTART alone; better than inventing a duration. */
  if (entry->end_minute > entry->start_minute)
    append_local_time (out, "DTEND", &entry->day, MIN (entry->end_minute, 24 * 60));
}

static char *
entry_uid (const MiriamCalendarEntry *entry,
           const char                *database_id)
{
  return g_strdup_printf ("miriam-%s-%" G_GINT64_FORMAT "-%s@ocmw.be",
                          entry->kind == MIRIAM_ENTRY_SESSION ? "session" : "contact",
                          entry->id, database_id);
}

static char *
entry_summary (const MiriamCalendarEntry *entry)
{
  const char *theme;

  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT)
    {
      if (is_blank (entry->title))
        return g_strdup (_("Appointment"));
      /* Translators: an event's title in an exported calendar (.ics):
       * an individual appointment with a participant, by her name */
      return g_strdup_printf (_("Appointment: %s"), entry->title);
    }

  theme = is_blank (entry->theme) ? ""
          : miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, entry->theme);
  if (is_blank (entry->group_name))
    return g_strdup (theme);
  if (theme[0] == '\0')
    return g_strdup (entry->group_name);
  return g_strdup_printf ("%s — %s", entry->group_name, theme);
}

static const char *
entry_category (const MiriamCalendarEntry *entry)
{
  if (entry->kind == MIRIAM_ENTRY_SESSION)
    return is_blank (entry->theme) ? NULL
           : miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, entry->theme);
  return is_blank (entry->contact_kind) ? NULL
         : miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, entry->contact_kind);
}

/* What a calendar shows under the title, one fact a line; "" for none. */
static char *
entry_description (const MiriamCalendarEntry *entry)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_staff = entry->staff != NULL ? g_strv_length (entry->staff) : 0;

  if (g_date_valid (&entry->original_day) && g_date_compare (&entry->original_day, &entry->day) != 0)
    {
      g_autofree char *day = miriam_format_date (&entry->original_day);

      /* Translators: in an exported calendar event; a session's
       * originally planned day, e.g. "Moved from 29/10/2026" */
      g_ptr_array_add (lines, g_strdup_printf (_("Moved from %s"), day));
    }
  if (!is_blank (entry->partner))
    {
      /* Translators: in an exported calendar event; an external partner
       * or guest speaker at a group session */
      g_ptr_array_add (lines, g_strdup_printf (_("Guest: %s"), entry->partner));
    }
  if (!is_blank (entry->notes))
    g_ptr_array_add (lines, g_strdup (entry->notes));
  if (entry->cancelled)
    g_ptr_array_add (lines, is_blank (entry->cancel_reason) ? g_strdup (_("Cancelled"))
                            : g_strdup_printf (_("Cancelled: %s"), entry->cancel_reason));
  if (n_staff > 0)
    {
      g_autofree char *names = g_strjoinv (", ", entry->staff);

      /* Translators: in an exported calendar event; a list of names */
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Casemanager: %s",
                                                            "Casemanagers: %s", n_staff),
                                               names));
    }
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
append_event (GString                   *out,
              const MiriamCalendarEntry *entry,
              const char                *database_id,
              const char                *dtstamp)
{
  g_autofree char *uid = entry_uid (entry, database_id);
  g_autofree char *modified = parse_updated_at (entry->updated_at);
  g_autofree char *summary = entry_summary (entry);
  g_autofree char *description = entry_description (entry);
  const char *category = entry_category (entry);

  append_line (out, "BEGIN:VEVENT");
  append_text (out, "UID", uid);
  append_line (out, "DTSTAMP:%s", dtstamp);
  if (modified != NULL)
    append_line (out, "LAST-MODIFIED:%s", modified);
  append_line (out, "SEQUENCE:%" G_GINT64_FORMAT, MAX (entry->version, 0));
  append_times (out, entry);
  append_text (out, "SUMMARY", summary);
  if (!is_blank (entry->location))
    append_text (out, "LOCATION", entry->location);
  if (description[0] != '\0')
    append_text (out, "DESCRIPTION", description);
  if (category != NULL && category[0] != '\0')
    append_text (out, "CATEGORIES", category);
  append_line (out, "STATUS:%s", entry->cancelled ? "CANCELLED" : "CONFIRMED");
  append_line (out, "TRANSP:OPAQUE");
  append_line (out, "END:VEVENT");
}

char *
miriam_ical_build (GPtrArray  *entries,
                   const char *database_id,
                   const char *calendar_name,
                   GDateTime  *now)
{
  g_autofree char *dtstamp = NULL;
  GString *out;

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (database_id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  dtstamp = format_utc (now);
  out = g_string_sized_new (1024 + entries->len * 512);

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//MIRIAM//MIRIAM %s//NL", PACKAGE_VERSION);
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  append_text (out, "X-WR-CALNAME", calendar_name != NULL ? calendar_name : "MIRIAM");
  append_line (out, "X-WR-TIMEZONE:" ICAL_TZID);
  for (guint i = 0; i < G_N_ELEMENTS (vtimezone); i++)
    append_folded (out, vtimezone[i]);

  for (guint i = 0; i < entries->len; i++)
    {
      const MiriamCalendarEntry *entry = g_ptr_array_index (entries, i);

      /* A day the store could not read has no place in a calendar. */
      if (entry == NULL || !g_date_valid (&entry->day))
        continue;
      append_event (out, entry, database_id, dtstamp);
    }

  append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}
