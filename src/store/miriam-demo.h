/* miriam-demo.h: a fictitious OCMW to try the application and to measure it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "miriam-store.h"

G_BEGIN_DECLS

typedef struct {
  guint    n_cohorts;          /* programme years, the newest is the current one */
  guint    groups_per_cohort;
  guint    women_per_group;    /* a little fewer in some groups, like real life */
  guint32  seed;               /* same seed, same database */
  GDate    today;              /* decides the current cohort and what is past */
} MiriamDemoOptions;

/* Two groups of the current cohort, about 25 women. */
void     miriam_demo_options_init_small (MiriamDemoOptions       *options,
                                         const GDate             *today);
/* The big-OCMW data set for bench/: 10 cohorts x 6 groups x 15 women. */
void     miriam_demo_options_init_big   (MiriamDemoOptions       *options,
                                         const GDate             *today);

/* Fills an open, empty store in one transaction.  Refuses a store that
 * already holds participants, so a real database is never mixed with
 * fictitious people. */
gboolean miriam_demo_generate           (MiriamStore             *store,
                                         const MiriamDemoOptions *options,
                                         GError                 **error);

G_END_DECLS
