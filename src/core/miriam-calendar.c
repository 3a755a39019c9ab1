/* miriam-calendar.c: stub, being written */
#include "miriam-calendar.h"
#include <string.h>
const char *miriam_attendance_code (MiriamAttendance m) { static const char *c[] = { NULL, "present", "absent", "excused" }; return m <= MIRIAM_ATTENDANCE_EXCUSED ? c[m] : NULL; }
MiriamAttendance miriam_attendance_from_code (const char *code) { for (guint i = 1; i < 4; i++) if (g_strcmp0 (code, miriam_attendance_code (i)) == 0) return i; return MIRIAM_ATTENDANCE_UNKNOWN; }
const char *miriam_attendance_label (MiriamAttendance m) { (void) m; return ""; }
MiriamCalendarEntry *miriam_calendar_entry_new (void) { return g_new0 (MiriamCalendarEntry, 1); }
void miriam_calendar_entry_free (MiriamCalendarEntry *e) { g_free (e); }
MiriamCalendarEntry *miriam_calendar_entry_copy (const MiriamCalendarEntry *e) { (void) e; return NULL; }
GArray *miriam_calendar_find_conflicts (GPtrArray *e) { (void) e; return g_array_new (FALSE, FALSE, sizeof (MiriamConflict)); }
void miriam_attendance_summarise (const MiriamAttendanceMark *m, guint n, const GDate *t, MiriamAttendanceSummary *s) { (void) m; (void) n; (void) t; memset (s, 0, sizeof *s); }
