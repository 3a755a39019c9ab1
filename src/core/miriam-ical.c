/* miriam-ical.c: stub, being written */
#include "miriam-ical.h"
char *miriam_ical_build (GPtrArray *e, const char *id, const char *n, GDateTime *now) { (void) e; (void) id; (void) n; (void) now; return g_strdup (""); }
