/* miriam-group-merge.h: the merge dialog for a group
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/miriam-record.h"
#include "store/miriam-store.h"

#include "miriam-merge-dialog.h"

G_BEGIN_DECLS

/* One version of a group: the record and its casemanagers, with what was
 * read beside it to name the cohort, the consortium and the casemanagers
 * (each list may be NULL). */
typedef struct {
  const MiriamGroup      *group;
  const GArray           *staff_ids;   /* gint64, the first casemanager first */
  const GPtrArray        *staff;       /* MiriamStaff */
  const GPtrArray        *cohorts;     /* MiriamCohort */
  const MiriamConsortium *consortium;
} MiriamGroupVersion;

/* What "saved" hands over, owned by the dialog. */
typedef struct {
  MiriamGroup *group;
  GArray      *staff_ids;              /* gint64 */
} MiriamGroupMerged;

/* A colleague's newer version of a group beside mine, its casemanagers
 * included.  @base: the group as the editor loaded it; @mine: the form,
 * as the editor would save it; @theirs: the colleague's saved version.
 * @new_sessions (MiriamSession *, may be NULL): the sessions the form
 * would add, saved with the merged group, at its times and place.  All
 * are copied.  "saved" hands over a MiriamGroupMerged *. */
MiriamMergeDialog *miriam_group_merge_dialog_new (GtkWindow                *parent,
                                                  MiriamStore              *store,
                                                  const MiriamGroupVersion *base,
                                                  const MiriamGroupVersion *mine,
                                                  const MiriamGroupVersion *theirs,
                                                  const GPtrArray          *new_sessions);

G_END_DECLS
