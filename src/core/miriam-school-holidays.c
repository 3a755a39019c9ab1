/* miriam-school-holidays.c: stub, being written */
#include "miriam-school-holidays.h"
gboolean miriam_school_holidays (const char *c, guint y, MiriamSchoolHoliday b[MIRIAM_N_SCHOOL_BREAKS]) { (void) c; (void) y; (void) b; return FALSE; }
gboolean miriam_school_holiday_on (const GDate *d, const char *c, MiriamSchoolHoliday *h) { (void) d; (void) c; (void) h; return FALSE; }
const char *miriam_school_break_label (MiriamSchoolBreak k, const char *c) { (void) k; (void) c; return ""; }
