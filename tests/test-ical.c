/* test-ical.c: calendar entries as iCalendar (src/core/miriam-ical.c)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run as "test-ical --write-sample DIR" it writes DIR/sample.ics and
 * DIR/sample.json, the events the .ics must hold, for check-ics.py to
 * compare with what an independent parser (Python's icalendar) reads.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/miriam-calendar.h"
#include "core/miriam-ical.h"
#include "core/miriam-vocabulary.h"

#define DATABASE_ID "0b5e7c1a-4d2f-4e8b-9a61-2f3c4d5e6f70"

/* --- Entries ---------------------------------------------------------------- */

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static MiriamCalendarEntry *
session_new (gint64      id,
             const char *group,
             const char *theme,
             guint       day,
             GDateMonth  month,
             guint       year,
             int         start,
             int         end,
             const char *location)
{
  MiriamCalendarEntry *e = miriam_calendar_entry_new ();

  e->kind = MIRIAM_ENTRY_SESSION;
  e->id = id;
  e->version = 1;
  set_text (&e->group_name, group);
  set_text (&e->theme, theme);
  g_date_set_dmy (&e->day, day, month, year);
  e->start_minute = start;
  e->end_minute = end;
  set_text (&e->location, location);
  set_text (&e->updated_at, "2026-09-01T08:30:00Z");
  return e;
}

static MiriamCalendarEntry *
appointment_new (gint64      id,
                 const char *name,
                 const char *kind,
                 guint       day,
                 GDateMonth  month,
                 guint       year,
                 int         start,
                 int         end)
{
  MiriamCalendarEntry *e = miriam_calendar_entry_new ();

  e->kind = MIRIAM_ENTRY_APPOINTMENT;
  e->id = id;
  e->version = 1;
  set_text (&e->title, name);
  set_text (&e->contact_kind, kind);
  g_date_set_dmy (&e->day, day, month, year);
  e->start_minute = start;
  e->end_minute = end;
  return e;
}

static G_GNUC_NULL_TERMINATED void
set_staff (MiriamCalendarEntry *e,
           const char          *first,
           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_strv_builder_add (builder, name);
  va_end (args);
  g_strfreev (e->staff);
  e->staff = g_strv_builder_end (builder);
  g_free (e->staff_ids);
  e->staff_ids = g_new0 (gint64, g_strv_length (e->staff) + 1);
}

static GPtrArray *
entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free);
}

static char *
build_at (GPtrArray  *entries,
          const char *iso_now)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso_now, NULL);

  g_assert_nonnull (now);
  return miriam_ical_build (entries, DATABASE_ID, "Team MIRIAM", now);
}

/* --- Reading the text back ---------------------------------------------------- */

/* Every physical line: at most 75 octets, valid UTF-8 on its own, CRLF. */
static void
assert_physical_lines (const char *ics)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  lines = g_strsplit (ics, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_cmpuint (strlen (lines[i]), >, 0);
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

/* The content lines, continuations joined (RFC 5545 3.1). */
static GStrv
unfold (const char *ics)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (fold, ics, -1, 0, "", 0, NULL);

  g_assert_true (g_utf8_validate (joined, -1, NULL));
  return g_strsplit (joined, "\r\n", -1);
}

static guint
count_lines (const GStrv  lines,
             const char  *line)
{
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strcmp0 (lines[i], line) == 0)
      n++;
  return n;
}

/* The value of @name in the event with @uid, or NULL. */
static const char *
event_property (const GStrv  lines,
                const char  *uid,
                const char  *name)
{
  g_autofree char *uid_line = g_strconcat ("UID:", uid, NULL);
  gsize name_len = strlen (name);
  guint begin = 0;
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        {
          begin = i;
          found = FALSE;
        }
      else if (g_str_equal (lines[i], uid_line))
        found = TRUE;
      else if (g_str_equal (lines[i], "END:VEVENT") && found)
        {
          for (guint j = begin; j < i; j++)
            if (strncmp (lines[j], name, name_len) == 0
                && (lines[j][name_len] == ':' || lines[j][name_len] == ';'))
              return lines[j] + name_len;
          return NULL;
        }
    }
  return NULL;
}

/* --- Tests -------------------------------------------------------------------- */

static void
test_calendar (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_autofree char *prodid = g_strdup_printf ("PRODID:-//MIRIAM//MIRIAM %s//NL", PACKAGE_VERSION);
  g_auto(GStrv) lines = NULL;
  MiriamCalendarEntry *broken;
  const char *uid = "miriam-session-1-" DATABASE_ID "@ocmw.be";

  g_ptr_array_add (entries, session_new (1, "De Vlinders", "housing", 23, 11, 2026, 570, 720, ""));
  broken = session_new (2, "De Vlinders", "health", 1, 1, 2027, 570, 720, "");
  g_date_clear (&broken->day, 1);           /* an unreadable day: left out */
  g_ptr_array_add (entries, broken);
  /* A time in Brussels (UTC+1 in November) is written in UTC. */
  ics = build_at (entries, "2026-11-20T10:15:30+01:00");
  assert_physical_lines (ics);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  lines = unfold (ics);

  g_assert_cmpuint (count_lines (lines, prodid), ==, 1);
  g_assert_cmpuint (count_lines (lines, "CALSCALE:GREGORIAN"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "METHOD:PUBLISH"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "X-WR-CALNAME:Team MIRIAM"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "X-WR-TIMEZONE:Europe/Brussels"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "BEGIN:VTIMEZONE"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "TZID:Europe/Brussels"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "DTSTART:19701025T030000"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "DTSTART:19700329T020000"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 1);

  g_assert_cmpstr (event_property (lines, uid, "DTSTAMP"), ==, ":20261120T091530Z");
  g_assert_cmpstr (event_property (lines, uid, "LAST-MODIFIED"), ==, ":20260901T083000Z");
  g_assert_cmpstr (event_property (lines, uid, "SEQUENCE"), ==, ":1");
  g_assert_cmpstr (event_property (lines, uid, "DTSTART"), ==, ";TZID=Europe/Brussels:20261123T093000");
  g_assert_cmpstr (event_property (lines, uid, "DTEND"), ==, ";TZID=Europe/Brussels:20261123T120000");
  g_assert_cmpstr (event_property (lines, uid, "STATUS"), ==, ":CONFIRMED");
  g_assert_null (event_property (lines, uid, "LOCATION"));
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_autofree char *session = NULL;
  g_autofree char *appointment = NULL;
  g_autofree char *guest = g_strdup_printf (_("Guest: %s"), "Jan Peeters (CAW)");
  g_autofree char *staff = g_strdup_printf (ngettext ("Casemanager: %s", "Casemanagers: %s", 2), "An\\, Sofie");
  g_autofree char *description = g_strconcat (guest, "\\n", staff, NULL);
  g_auto(GStrv) lines = NULL;
  MiriamCalendarEntry *e;

  e = session_new (1, "De Vlinders", "budget", 23, 11, 2026, 570, 720, "Zaal 2");
  e->version = 4;
  set_text (&e->partner, "Jan Peeters (CAW)");
  set_staff (e, "An", "Sofie", NULL);
  g_ptr_array_add (entries, e);
  e = appointment_new (9, "Fatima El Idrissi", "home_visit", 24, 11, 2026, 600, 660);
  set_staff (e, "An", NULL);
  set_text (&e->updated_at, "not a time");
  g_ptr_array_add (entries, e);
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  lines = unfold (ics);

  session = g_strdup_printf ("De Vlinders — %s",
                             miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, "budget"));
  g_assert_cmpstr (event_property (lines, "miriam-session-1-" DATABASE_ID "@ocmw.be", "SUMMARY") + 1,
                   ==, session);
  g_assert_cmpstr (event_property (lines, "miriam-session-1-" DATABASE_ID "@ocmw.be", "SEQUENCE"), ==, ":4");
  g_assert_cmpstr (event_property (lines, "miriam-session-1-" DATABASE_ID "@ocmw.be", "LOCATION"), ==, ":Zaal 2");
  g_assert_cmpstr (event_property (lines, "miriam-session-1-" DATABASE_ID "@ocmw.be", "DESCRIPTION") + 1,
                   ==, description);

  appointment = g_strdup_printf (_("Appointment: %s"), "Fatima El Idrissi");
  g_assert_cmpstr (event_property (lines, "miriam-contact-9-" DATABASE_ID "@ocmw.be", "SUMMARY") + 1,
                   ==, appointment);
  g_assert_cmpstr (event_property (lines, "miriam-contact-9-" DATABASE_ID "@ocmw.be", "CATEGORIES") + 1,
                   ==, miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, "home_visit"));
  g_assert_null (event_property (lines, "miriam-contact-9-" DATABASE_ID "@ocmw.be", "LAST-MODIFIED"));
}

/* Each physical line at most 75 octets, never cut inside a character;
 * unfolding gives back the text. */
static void
test_folding (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *location = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  MiriamCalendarEntry *e;

  /* 1, 2 and 3 octets a character, at every offset against the fold. */
  while (g_utf8_strlen (pattern->str, -1) < 300)
    g_string_append (pattern, "Maison é ü مركز الأمل ");
  location = g_utf8_substring (pattern->str, 0, 300);
  g_assert_cmpint (g_utf8_strlen (location, -1), ==, 300);

  for (guint shift = 0; shift < 4; shift++)
    {
      g_autofree char *shifted = g_strdup_printf ("%.*s%s", shift, "xxx", location);

      e = session_new (shift + 1, "De Vlinders", "health", 23, 11, 2026, 570, 720, shifted);
      g_ptr_array_add (entries, e);
    }
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  assert_physical_lines (ics);
  g_assert_nonnull (strstr (ics, "\r\n "));
  lines = unfold (ics);

  for (guint shift = 0; shift < 4; shift++)
    {
      g_autofree char *uid = g_strdup_printf ("miriam-session-%u-" DATABASE_ID "@ocmw.be", shift + 1);

      g_free (expected);
      expected = g_strdup_printf (":%.*s%s", shift, "xxx", location);
      g_assert_cmpstr (event_property (lines, uid, "LOCATION"), ==, expected);
    }
}

/* A line of exactly 75 octets stays whole; one more octet folds it. */
static void
test_folding_edge (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 10, 0, 0);
  g_autofree char *name75 = g_strnfill (75 - strlen ("X-WR-CALNAME:"), 'a');
  g_autofree char *name76 = g_strnfill (76 - strlen ("X-WR-CALNAME:"), 'a');
  g_autofree char *ics75 = miriam_ical_build (entries, DATABASE_ID, name75, now);
  g_autofree char *ics76 = miriam_ical_build (entries, DATABASE_ID, name76, now);
  g_autofree char *line75 = g_strdup_printf ("\r\nX-WR-CALNAME:%s\r\n", name75);
  g_autofree char *line76 = g_strdup_printf ("\r\nX-WR-CALNAME:%s\r\n a\r\n", name75);

  g_assert_nonnull (strstr (ics75, line75));
  g_assert_nonnull (strstr (ics76, line76));
  assert_physical_lines (ics75);
  assert_physical_lines (ics76);
}

static void
test_escaping (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uid = "miriam-session-5-" DATABASE_ID "@ocmw.be";
  MiriamCalendarEntry *e;

  e = session_new (5, "Groep A; B, C", "outing", 23, 11, 2026, 570, 720,
                   "Zaal 1; gebouw B, C:\\gedeeld");
  set_text (&e->notes, "Boterhammen meebrengen;\r\nregenjas, laarzen\nkeuken\\zaal\x01");
  g_ptr_array_add (entries, e);
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  assert_physical_lines (ics);
  lines = unfold (ics);

  g_assert_cmpstr (event_property (lines, uid, "LOCATION"), ==, ":Zaal 1\\; gebouw B\\, C:\\\\gedeeld");
  g_assert_true (g_str_has_prefix (event_property (lines, uid, "SUMMARY"), ":Groep A\\; B\\, C — "));
  g_assert_cmpstr (event_property (lines, uid, "DESCRIPTION"),
                   ==, ":Boterhammen meebrengen\\;\\nregenjas\\, laarzen\\nkeuken\\\\zaal");
}

/* The UIDs depend on the entry and the database only: a new export (a new
 * @now) updates events instead of adding them, and differs only in DTSTAMP. */
static void
test_uid_stable (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  guint stamps = 0;

  g_ptr_array_add (entries, session_new (7, "De Vlinders", "health", 23, 11, 2026, 570, 720, ""));
  g_ptr_array_add (entries, appointment_new (7, "Fatima El Idrissi", "office", 24, 11, 2026, -1, -1));
  first = build_at (entries, "2026-11-20T10:00:00Z");
  second = build_at (entries, "2027-01-05T16:45:00Z");
  again = build_at (entries, "2026-11-20T10:00:00Z");
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, second);

  a = g_strsplit (first, "\r\n", -1);
  b = g_strsplit (second, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    {
      if (g_str_has_prefix (a[i], "DTSTAMP:"))
        {
          g_assert_cmpstr (a[i], ==, "DTSTAMP:20261120T100000Z");
          g_assert_cmpstr (b[i], ==, "DTSTAMP:20270105T164500Z");
          stamps++;
        }
      else
        g_assert_cmpstr (a[i], ==, b[i]);
    }
  g_assert_cmpuint (stamps, ==, 2);
  g_assert_cmpuint (count_lines (a, "UID:miriam-session-7-" DATABASE_ID "@ocmw.be"), ==, 1);
  g_assert_cmpuint (count_lines (a, "UID:miriam-contact-7-" DATABASE_ID "@ocmw.be"), ==, 1);
}

/* Cancelled entries stay in, so that calendars take them away. */
static void
test_cancelled (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uid = "miriam-session-3-" DATABASE_ID "@ocmw.be";
  MiriamCalendarEntry *e;

  g_ptr_array_add (entries, session_new (2, "De Vlinders", "health", 16, 11, 2026, 570, 720, ""));
  e = session_new (3, "De Vlinders", "health", 23, 11, 2026, 570, 720, "");
  e->cancelled = TRUE;
  e->version = 3;
  set_text (&e->cancel_reason, "Staking");
  g_ptr_array_add (entries, e);
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  lines = unfold (ics);

  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpstr (event_property (lines, uid, "STATUS"), ==, ":CANCELLED");
  g_assert_cmpstr (event_property (lines, uid, "SEQUENCE"), ==, ":3");
  g_assert_nonnull (strstr (event_property (lines, uid, "DESCRIPTION"), "Staking"));
  g_assert_cmpstr (event_property (lines, "miriam-session-2-" DATABASE_ID "@ocmw.be", "STATUS"),
                   ==, ":CONFIRMED");
}

/* An appointment without a time: a whole day, DTEND exclusive. */
static void
test_all_day (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uid = "miriam-contact-4-" DATABASE_ID "@ocmw.be";

  g_ptr_array_add (entries, appointment_new (4, "Fatima El Idrissi", "accompany", 31, 12, 2026, -1, -1));
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  lines = unfold (ics);

  g_assert_cmpstr (event_property (lines, uid, "DTSTART"), ==, ";VALUE=DATE:20261231");
  g_assert_cmpstr (event_property (lines, uid, "DTEND"), ==, ";VALUE=DATE:20270101");
}

/* 1440 is midnight of the next day; an end not after the start is left out. */
static void
test_end_of_day (void)
{
  g_autoptr(GPtrArray) entries = entries_new ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  const char *uid = "miriam-session-8-" DATABASE_ID "@ocmw.be";

  g_ptr_array_add (entries, session_new (8, "De Vlinders", "leisure", 24, 10, 2026, 20 * 60, 1440, ""));
  g_ptr_array_add (entries, appointment_new (9, "Fatima El Idrissi", "phone", 28, 2, 2027, 600, -1));
  ics = build_at (entries, "2026-11-20T10:00:00Z");
  lines = unfold (ics);

  g_assert_cmpstr (event_property (lines, uid, "DTSTART"), ==, ";TZID=Europe/Brussels:20261024T200000");
  g_assert_cmpstr (event_property (lines, uid, "DTEND"), ==, ";TZID=Europe/Brussels:20261025T000000");
  g_assert_cmpstr (event_property (lines, "miriam-contact-9-" DATABASE_ID "@ocmw.be", "DTSTART"),
                   ==, ";TZID=Europe/Brussels:20270228T100000");
  g_assert_null (event_property (lines, "miriam-contact-9-" DATABASE_ID "@ocmw.be", "DTEND"));
}

/* --- The sample for check-ics.py ------------------------------------------------- */

/* Two groups, fortnightly, across the change to winter time (25 October
 * 2026) and to summer time (28 March 2027), with the awkward cases. */
static GPtrArray *
sample_entries (void)
{
  GPtrArray *entries = entries_new ();
  const char *vlinders = "De Vlinders — Sint-Gillis";
  const char *etoiles = "Les Étoiles d’Ixelles";
  const char *centre = "Ontmoetingscentrum De Zuidpool, Sint-Gillis; zaal 2 (gelijkvloers)";
  const char *maison = "Maison de quartier Saint-Boniface, salle « Émile Vandervelde », "
                       "rue de la Tulipe 23, 1050 Ixelles — entrée par la cour; sonnez 2×";
  static const struct { guint day; GDateMonth month; guint year; const char *theme; } a[] = {
    { 13, 10, 2026, "housing" }, { 27, 10, 2026, "health" }, { 10, 11, 2026, "budget" },
    { 16, 3, 2027, "parenting" }, { 30, 3, 2027, "identity" },
  };
  static const struct { guint day; GDateMonth month; guint year; const char *theme; } b[] = {
    { 15, 10, 2026, "leisure" }, { 30, 10, 2026, "outing" },
    { 18, 3, 2027, "other" }, { 1, 4, 2027, "housing" },
  };
  MiriamCalendarEntry *e;

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      e = session_new (100 + i, vlinders, a[i].theme, a[i].day, a[i].month, a[i].year, 9 * 60 + 30, 12 * 60, centre);
      e->version = 2;
      set_staff (e, "An Janssens", "Sofie Maes", NULL);
      g_ptr_array_add (entries, e);
    }
  e = g_ptr_array_index (entries, 2);
  e->cancelled = TRUE;
  e->version = 5;
  set_text (&e->cancel_reason, "Staking bij De Lijn, MIVB; geen vervoer");

  for (guint i = 0; i < G_N_ELEMENTS (b); i++)
    {
      e = session_new (200 + i, etoiles, b[i].theme, b[i].day, b[i].month, b[i].year, 13 * 60 + 30, 16 * 60, maison);
      set_staff (e, "Nadia Benali", NULL);
      g_ptr_array_add (entries, e);
    }
  /* Moved from Thursday to Friday. */
  e = g_ptr_array_index (entries, G_N_ELEMENTS (a) + 1);
  g_date_set_dmy (&e->original_day, 29, 10, 2026);
  e->version = 3;
  set_text (&e->partner, "Musée Magritte, guide: Chloé Dubois-Lefèvre");
  set_text (&e->notes, "Rendez-vous à 13h15 à la gare;\ntickets MIVB, STIB fournis\\offerts");

  /* The evening before the change to winter time, until midnight. */
  e = session_new (300, "مجموعة الأمل — Molenbeek", "leisure", 24, 10, 2026, 20 * 60, 24 * 60,
                   "مركز الجالية، شارع الفلاندر ١٢");
  set_staff (e, "Nadia Benali", "Youssef Amrani", NULL);
  g_ptr_array_add (entries, e);

  e = appointment_new (400, "Fatima Zahra El Idrissi-Van den Broeck", "accompany", 26, 10, 2026, -1, -1);
  set_staff (e, "Nadia Benali", NULL);
  g_ptr_array_add (entries, e);
  /* The morning after the change to summer time. */
  e = appointment_new (401, "مريم العلوي", "office", 29, 3, 2027, 10 * 60, 11 * 60);
  e->version = 2;
  set_staff (e, "Sofie Maes", NULL);
  set_text (&e->updated_at, "2027-03-20T14:05:09Z");
  g_ptr_array_add (entries, e);
  return entries;
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append (out, ",\n    ");
  json_string (out, name);
  g_string_append (out, ": ");
  if (value != NULL)
    json_string (out, value);
  else
    g_string_append (out, "null");
}

static char *
local_time (const GDate *day,
            int          minute)
{
  GDate date = *day;

  g_date_add_days (&date, minute / 1440);
  minute %= 1440;
  return g_strdup_printf ("%04u-%02u-%02uT%02d:%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), minute / 60, minute % 60);
}

static char *
local_date (const GDate *day,
            int          days_after)
{
  GDate date = *day;

  g_date_add_days (&date, days_after);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* The events the .ics must hold, worked out from the entries. */
static void
json_event (GString                   *out,
            const MiriamCalendarEntry *e)
{
  gboolean session = e->kind == MIRIAM_ENTRY_SESSION;
  g_autofree char *uid = g_strdup_printf ("miriam-%s-%" G_GINT64_FORMAT "-%s@ocmw.be",
                                          session ? "session" : "contact", e->id, DATABASE_ID);
  g_autofree char *summary = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *sequence = g_strdup_printf ("%" G_GINT64_FORMAT, e->version);
  const char *contains[] = { e->partner, e->notes, e->cancel_reason };

  if (session)
    summary = g_strdup_printf ("%s — %s", e->group_name,
                               miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, e->theme));
  else
    summary = g_strdup_printf (_("Appointment: %s"), e->title);
  start = e->start_minute < 0 ? local_date (&e->day, 0) : local_time (&e->day, e->start_minute);
  end = e->start_minute < 0 ? local_date (&e->day, 1) : local_time (&e->day, e->end_minute);

  g_string_append (out, "  {\n    \"uid\": ");
  json_string (out, uid);
  json_member (out, "summary", summary);
  json_member (out, "location", e->location);
  json_member (out, "start", start);
  json_member (out, "end", end);
  g_string_append_printf (out, ",\n    \"all_day\": %s", e->start_minute < 0 ? "true" : "false");
  json_member (out, "status", e->cancelled ? "CANCELLED" : "CONFIRMED");
  g_string_append_printf (out, ",\n    \"sequence\": %s", sequence);
  g_string_append (out, ",\n    \"description_contains\": [");
  for (guint i = 0, n = 0; i < G_N_ELEMENTS (contains); i++)
    if (contains[i] != NULL && contains[i][0] != '\0')
      {
        g_string_append (out, n++ > 0 ? ", " : "");
        json_string (out, contains[i]);
      }
  g_string_append (out, "]\n  }");
}

static int
write_sample (const char *dir)
{
  g_autoptr(GPtrArray) entries = sample_entries ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *ics = miriam_ical_build (entries, DATABASE_ID, "MIRIAM — Team Zuid, OCMW Sint-Gillis", now);
  g_autofree char *ics_path = g_build_filename (dir, "sample.ics", NULL);
  g_autofree char *json_path = g_build_filename (dir, "sample.json", NULL);
  g_autoptr(GString) json = g_string_new ("[\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      json_event (json, g_ptr_array_index (entries, i));
    }
  g_string_append (json, "\n]\n");

  if (!g_file_set_contents (ics_path, ics, -1, &error)
      || !g_file_set_contents (json_path, json->str, json->len, &error))
    {
      g_printerr ("test-ical: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 3 && g_str_equal (argv[1], "--write-sample"))
    return write_sample (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/calendar", test_calendar);
  g_test_add_func ("/ical/summary", test_summary);
  g_test_add_func ("/ical/folding", test_folding);
  g_test_add_func ("/ical/folding-edge", test_folding_edge);
  g_test_add_func ("/ical/escaping", test_escaping);
  g_test_add_func ("/ical/uid-stable", test_uid_stable);
  g_test_add_func ("/ical/cancelled", test_cancelled);
  g_test_add_func ("/ical/all-day", test_all_day);
  g_test_add_func ("/ical/end-of-day", test_end_of_day);

  return g_test_run ();
}
