/* miriam-calendar.c: what a team calendar shows, and the rules about it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-calendar.h"

#include "miriam-search.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char *code;
  const char *label;
} attendance[] = {
  [MIRIAM_ATTENDANCE_UNKNOWN] = { NULL,      N_("Not marked") },
  [MIRIAM_ATTENDANCE_PRESENT] = { "present", N_("Present") },
  [MIRIAM_ATTENDANCE_ABSENT]  = { "absent",  N_("Absent") },
  [MIRIAM_ATTENDANCE_EXCUSED] = { "excused", N_("Excused") },
};

const char *
miriam_attendance_code (MiriamAttendance mark)
{
  return mark < G_N_ELEMENTS (attendance) ? attendance[mark].code : NULL;
}

MiriamAttendance
miriam_attendance_from_code (const char *code)
{
  for (guint i = MIRIAM_ATTENDANCE_PRESENT; i < G_N_ELEMENTS (attendance); i++)
    if (g_strcmp0 (code, attendance[i].code) == 0)
      return i;
  return MIRIAM_ATTENDANCE_UNKNOWN;
}

const char *
miriam_attendance_label (MiriamAttendance mark)
{
  if (mark >= G_N_ELEMENTS (attendance))
    mark = MIRIAM_ATTENDANCE_UNKNOWN;
  return _(attendance[mark].label);
}

MiriamCalendarEntry *
miriam_calendar_entry_new (void)
{
  MiriamCalendarEntry *entry = g_new0 (MiriamCalendarEntry, 1);

  entry->group_name = g_strdup ("");
  entry->colour = g_strdup ("");
  g_date_clear (&entry->day, 1);
  entry->start_minute = -1;
  entry->end_minute = -1;
  entry->location = g_strdup ("");
  entry->theme = g_strdup ("");
  entry->partner = g_strdup ("");
  entry->notes = g_strdup ("");
  entry->cancel_reason = g_strdup ("");
  g_date_clear (&entry->original_day, 1);
  entry->title = g_strdup ("");
  entry->contact_kind = g_strdup ("");
  entry->staff = g_new0 (char *, 1);
  entry->updated_at = g_strdup ("");
  return entry;
}

void
miriam_calendar_entry_free (MiriamCalendarEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->group_name);
  g_free (entry->colour);
  g_free (entry->location);
  g_free (entry->theme);
  g_free (entry->partner);
  g_free (entry->notes);
  g_free (entry->cancel_reason);
  g_free (entry->title);
  g_free (entry->contact_kind);
  g_strfreev (entry->staff);
  g_free (entry->staff_ids);
  g_free (entry->updated_at);
  g_free (entry);
}

MiriamCalendarEntry *
miriam_calendar_entry_copy (const MiriamCalendarEntry *entry)
{
  MiriamCalendarEntry *copy;
  guint n_staff;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->group_name = g_strdup (entry->group_name);
  copy->colour = g_strdup (entry->colour);
  copy->location = g_strdup (entry->location);
  copy->theme = g_strdup (entry->theme);
  copy->partner = g_strdup (entry->partner);
  copy->notes = g_strdup (entry->notes);
  copy->cancel_reason = g_strdup (entry->cancel_reason);
  copy->title = g_strdup (entry->title);
  copy->contact_kind = g_strdup (entry->contact_kind);
  copy->updated_at = g_strdup (entry->updated_at);

  n_staff = entry->staff != NULL ? g_strv_length (entry->staff) : 0;
  copy->staff = entry->staff != NULL ? g_strdupv (entry->staff) : g_new0 (char *, 1);
  copy->staff_ids = entry->staff_ids != NULL && n_staff > 0
                    ? g_memdup2 (entry->staff_ids, n_staff * sizeof (gint64))
                    : NULL;
  return copy;
}

static void
conflict_clear (gpointer data)
{
  MiriamConflict *conflict = data;

  g_clear_pointer (&conflict->what, g_free);
}

/* An entry with a start but no (sensible) end still occupies its start:
 * a one-minute slot, so that it collides with what runs across it. */
static int
end_of (const MiriamCalendarEntry *entry)
{
  return entry->end_minute > entry->start_minute ? entry->end_minute : entry->start_minute + 1;
}

static gboolean
overlaps (const MiriamCalendarEntry *a,
          const MiriamCalendarEntry *b)
{
  if (a->cancelled || b->cancelled)
    return FALSE;
  if (!g_date_valid (&a->day) || !g_date_valid (&b->day)
      || g_date_compare (&a->day, &b->day) != 0)
    return FALSE;
  if (a->start_minute < 0 || b->start_minute < 0)
    return FALSE;
  /* 10:00-12:00 and 12:00-13:00 follow each other: no conflict. */
  return a->start_minute < end_of (b) && b->start_minute < end_of (a);
}

static void
add_conflict (GArray             *conflicts,
              MiriamConflictKind  kind,
              guint               a,
              guint               b,
              const char         *what)
{
  MiriamConflict conflict = { kind, a, b, g_strstrip (g_strdup (what != NULL ? what : "")) };

  g_array_append_val (conflicts, conflict);
}

static gboolean
same_person (const MiriamCalendarEntry *a,
             guint                      i,
             const MiriamCalendarEntry *b,
             guint                      j)
{
  /* Ids say it best; a name is the fallback for an entry filled without
   * them (two casemanagers may share a name, but rarely in one team). */
  if (a->staff_ids != NULL && b->staff_ids != NULL
      && a->staff_ids[i] > 0 && b->staff_ids[j] > 0)
    return a->staff_ids[i] == b->staff_ids[j];
  return *a->staff[i] != '\0' && g_strcmp0 (a->staff[i], b->staff[j]) == 0;
}

static void
find_person_conflicts (GArray                    *conflicts,
                       const MiriamCalendarEntry *a,
                       guint                      index_a,
                       const MiriamCalendarEntry *b,
                       guint                      index_b)
{
  if (a->staff == NULL || b->staff == NULL)
    return;

  for (guint i = 0; a->staff[i] != NULL; i++)
    for (guint j = 0; b->staff[j] != NULL; j++)
      if (same_person (a, i, b, j))
        {
          add_conflict (conflicts, MIRIAM_CONFLICT_PERSON, index_a, index_b, a->staff[i]);
          break;
        }
}

GArray *
miriam_calendar_find_conflicts (GPtrArray *entries)
{
  GArray *conflicts = g_array_new (FALSE, FALSE, sizeof (MiriamConflict));
  g_autoptr(GPtrArray) rooms = NULL;

  g_array_set_clear_func (conflicts, conflict_clear);
  g_return_val_if_fail (entries != NULL, conflicts);

  /* Fold each location once: "Zaal 1" and " zaal 1 " are one room. */
  rooms = g_ptr_array_new_full (entries->len, g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      const MiriamCalendarEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (rooms, g_strstrip (miriam_search_fold (entry->location)));
    }

  for (guint a = 0; a < entries->len; a++)
    for (guint b = a + 1; b < entries->len; b++)
      {
        const MiriamCalendarEntry *first = g_ptr_array_index (entries, a);
        const MiriamCalendarEntry *second = g_ptr_array_index (entries, b);
        const char *room = g_ptr_array_index (rooms, a);

        if (!overlaps (first, second))
          continue;
        if (*room != '\0' && strcmp (room, g_ptr_array_index (rooms, b)) == 0)
          add_conflict (conflicts, MIRIAM_CONFLICT_ROOM, a, b, first->location);
        find_person_conflicts (conflicts, first, a, second, b);
      }
  return conflicts;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const MiriamAttendanceMark *first = *(const MiriamAttendanceMark *const *) a;
  const MiriamAttendanceMark *second = *(const MiriamAttendanceMark *const *) b;

  return g_date_compare (&first->day, &second->day);
}

static gboolean
missed (const MiriamAttendanceMark *mark)
{
  return mark->mark == MIRIAM_ATTENDANCE_ABSENT || mark->mark == MIRIAM_ATTENDANCE_EXCUSED;
}

void
miriam_attendance_summarise (const MiriamAttendanceMark *marks,
                             guint                       n_marks,
                             const GDate                *today,
                             MiriamAttendanceSummary    *summary)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (summary != NULL);
  memset (summary, 0, sizeof *summary);
  g_return_if_fail (marks != NULL || n_marks == 0);
  g_return_if_fail (today != NULL && g_date_valid (today));

  /* Only what has taken place counts: a future session cannot be missed
   * yet, and a cancelled one could not be attended. */
  held = g_ptr_array_sized_new (n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (!marks[i].cancelled && g_date_valid (&marks[i].day)
        && g_date_compare (&marks[i].day, today) <= 0)
      g_ptr_array_add (held, (gpointer) &marks[i]);
  g_ptr_array_sort (held, compare_marks);

  summary->held = held->len;
  for (guint i = 0; i < held->len; i++)
    {
      const MiriamAttendanceMark *mark = g_ptr_array_index (held, i);

      switch (mark->mark)
        {
        case MIRIAM_ATTENDANCE_PRESENT:
          summary->present++;
          break;
        case MIRIAM_ATTENDANCE_ABSENT:
          summary->absent++;
          break;
        case MIRIAM_ATTENDANCE_EXCUSED:
          summary->excused++;
          break;
        case MIRIAM_ATTENDANCE_UNKNOWN:
        default:
          summary->unmarked++;
          break;
        }
    }

  summary->rate = summary->held > 0 ? (double) summary->present / summary->held : 0.0;
  summary->missed_last_two = held->len >= 2
                             && missed (g_ptr_array_index (held, held->len - 1))
                             && missed (g_ptr_array_index (held, held->len - 2));
  summary->core_group = summary->held >= 3 && summary->rate >= MIRIAM_CORE_GROUP_RATE;
}
