/* miriam-schedule.c: stub, being written */
#include "miriam-schedule.h"
GArray *miriam_schedule_generate (const MiriamScheduleRule *r) { (void) r; return g_array_new (FALSE, FALSE, sizeof (MiriamScheduleDate)); }
char *miriam_schedule_day_blocked (const MiriamScheduleRule *r, const GDate *d, MiriamScheduleOutcome *o) { (void) r; (void) d; (void) o; return NULL; }
GArray *miriam_schedule_find_gaps (const GDate *d, guint n, const MiriamScheduleRule *r, guint m) { (void) d; (void) n; (void) r; (void) m; return g_array_new (FALSE, FALSE, sizeof (MiriamScheduleGap)); }
