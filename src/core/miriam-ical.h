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

/* The .ics text for @entries (MiriamCalendarEntry*).
 *
 * @database_id makes UIDs unique across databases and stable across
 * exports: "miriam-session-<id>-<database_id>@ocmw.be" (and "-contact-"
 * for appointments), so that re-importing updates events instead of
 * duplicating them; SEQUENCE is the entry's version.  Times are local
 * times with TZID=Europe/Brussels and its VTIMEZONE; an appointment
 * without a time is an all-day event.  Cancelled sessions have
 * STATUS:CANCELLED.  Summaries and descriptions are translated with the
 * current gettext language.  @calendar_name goes into X-WR-CALNAME.
 * @now (UTC) is DTSTAMP. Lines are folded at 75 octets, CRLF-terminated. */
char *miriam_ical_build (GPtrArray  *entries,
                         const char *database_id,
                         const char *calendar_name,
                         GDateTime  *now);

G_END_DECLS
