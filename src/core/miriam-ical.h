/* miriam-ical.h: calendar entries as iCalendar (RFC 5545)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by our own code, not libical: we only write, the events are
 * simple, and the one hard part (the Europe/Brussels VTIMEZONE) is a fixed
 * EU rule we can state in a few lines.
 */
#pragma once

#include <glib.h>

#include "miriam-calendar.h"

G_BEGIN_DECLS

/* The .ics text for @entries (MiriamCalendarEntry*), in their order.
 *
 * @database_id makes UIDs unique across databases and stable across
 * exports: "miriam-session-<id>-<database_id>@ocmw.be" (and "-contact-"
 * for appointments), so that re-importing updates events instead of
 * duplicating them; SEQUENCE is the entry's version, LAST-MODIFIED its
 * updated_at (when readable).  Times are local times with
 * TZID=Europe/Brussels and its VTIMEZONE (the EU rule); an end minute of
 * 1440 is midnight of the next day; an appointment without a time is an
 * all-day event (DTEND the next day); an end not after the start is left
 * out.  Cancelled entries are written, not dropped, with STATUS:CANCELLED,
 * so that calendars which imported them before take them away; the others
 * are STATUS:CONFIRMED.  Entries whose day is invalid are skipped.
 *
 * SUMMARY is "<group> — <theme>" for a session and "Appointment: <her
 * name>" for an appointment; DESCRIPTION holds the move, the guest, the
 * notes, the cancellation and the casemanagers, one a line; CATEGORIES
 * the session theme or the contact kind.  These are translated with the
 * current gettext language.  @calendar_name (NULL: "MIRIAM") goes into
 * X-WR-CALNAME.  @now (any zone) is DTSTAMP, written in UTC.
 *
 * Privacy: an appointment's summary is a woman's name.  That is fine for
 * a calendar shared inside the team, not for one published further: the
 * caller decides whether appointments go in (this function writes all it
 * is given).  The store already keeps contact notes out of entries.
 *
 * TEXT values are escaped (\\ \; \, and line breaks as \n), lines folded
 * at 75 octets, never inside a UTF-8 character, and CRLF-terminated.  The
 * same entries, language and @now give byte-identical text. */
char *miriam_ical_build (GPtrArray  *entries,
                         const char *database_id,
                         const char *calendar_name,
                         GDateTime  *now);

G_END_DECLS
