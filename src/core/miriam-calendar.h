/* miriam-calendar.h: what a team calendar shows, and the rules about it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A calendar entry is a group session or an individual appointment (a
 * contact of the contact log with a day), already joined with its group's
 * name, colour and casemanagers.  The store fills these; the views, the
 * conflict finder and the iCalendar export read them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_ATTENDANCE_UNKNOWN,        /* not marked (yet) */
  MIRIAM_ATTENDANCE_PRESENT,
  MIRIAM_ATTENDANCE_ABSENT,
  MIRIAM_ATTENDANCE_EXCUSED,
} MiriamAttendance;

/* "present", "absent", "excused"; NULL for UNKNOWN. */
const char       *miriam_attendance_code       (MiriamAttendance  mark);
MiriamAttendance  miriam_attendance_from_code  (const char       *code);
/* Translated "Present", "Absent", "Excused", "Not marked". */
const char       *miriam_attendance_label      (MiriamAttendance  mark);

typedef enum {
  MIRIAM_ENTRY_SESSION,
  MIRIAM_ENTRY_APPOINTMENT,
} MiriamEntryKind;

typedef struct {
  MiriamEntryKind  kind;
  gint64           id;              /* session or contact id */
  gint64           version;
  gint64           group_id;        /* session: its group; appointment: her latest group or 0 */
  char            *group_name;      /* "" when none */
  char            *colour;          /* "#rrggbb", "" when none */
  gint64           cohort_id;
  GDate            day;
  int              start_minute;    /* -1: no time (an appointment without a time) */
  int              end_minute;      /* -1: no time */
  char            *location;        /* "" when none */
  char            *theme;           /* session theme code; "" for an appointment */
  char            *partner;         /* external partner or guest speaker; "" */
  char            *notes;
  gboolean         cancelled;
  char            *cancel_reason;
  GDate            original_day;    /* a moved session's first planned day; invalid if never moved */
  gint64           participant_id;  /* appointment: the woman; 0 for a session */
  char            *title;           /* appointment: her name; session: "" */
  char            *contact_kind;    /* appointment: contact kind code; "" */
  GStrv            staff;           /* casemanagers' display names (group's, or the contact's) */
  gint64          *staff_ids;       /* as many as @staff */
  char            *updated_at;      /* UTC ISO 8601 of the last save */
} MiriamCalendarEntry;

MiriamCalendarEntry *miriam_calendar_entry_new   (void);  /* all strings "" */
void                 miriam_calendar_entry_free  (MiriamCalendarEntry *entry);
MiriamCalendarEntry *miriam_calendar_entry_copy  (const MiriamCalendarEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamCalendarEntry, miriam_calendar_entry_free)

typedef enum {
  MIRIAM_CONFLICT_ROOM,             /* the same location booked twice at once */
  MIRIAM_CONFLICT_PERSON,           /* a casemanager in two places at once */
} MiriamConflictKind;

typedef struct {
  MiriamConflictKind  kind;
  guint               a, b;         /* indexes in the entries, a < b */
  char               *what;         /* the location or the person's name */
} MiriamConflict;

/* Conflicts among @entries (MiriamCalendarEntry*): two entries on the same
 * day whose times overlap (an entry without a time never conflicts), not
 * cancelled, with the same location (compared without case, accents or
 * surrounding spaces; empty locations never conflict) or a casemanager in
 * common.  Element type MiriamConflict; the array frees @what. */
GArray           *miriam_calendar_find_conflicts (GPtrArray *entries);

/* One session of a participant's group, for her attendance. */
typedef struct {
  gint64            session_id;
  GDate             day;
  gboolean          cancelled;
  MiriamAttendance  mark;
} MiriamAttendanceMark;

#define MIRIAM_CORE_GROUP_RATE 0.8

typedef struct {
  guint     held;                   /* sessions up to @today, not cancelled */
  guint     present, absent, excused, unmarked;
  double    rate;                   /* present / held; 0 when none held */
  gboolean  missed_last_two;        /* the last two held sessions both absent or excused */
  gboolean  core_group;             /* rate >= MIRIAM_CORE_GROUP_RATE with at least 3 held */
} MiriamAttendanceSummary;

void              miriam_attendance_summarise    (const MiriamAttendanceMark *marks,
                                                  guint                       n_marks,
                                                  const GDate                *today,
                                                  MiriamAttendanceSummary    *summary);

G_END_DECLS
