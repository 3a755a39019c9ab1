/* miriam-participant-merge.h: the merge dialog for a participant file
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/miriam-participant-file.h"
#include "store/miriam-store.h"

#include "miriam-merge-dialog.h"

G_BEGIN_DECLS

/* A colleague's newer version of a participant file beside mine, her
 * children, goals and group memberships included.  @base: the file as the
 * editor loaded it; @mine: the form, as the editor would save it;
 * @theirs: the colleague's saved version; @status_reason: the reason of a
 * status change in the form.  All are copied.  "saved" hands over the
 * file as saved (a MiriamParticipantFile *, owned by the dialog). */
MiriamMergeDialog *miriam_participant_merge_dialog_new (GtkWindow                   *parent,
                                                        MiriamStore                 *store,
                                                        const MiriamParticipantFile *base,
                                                        const MiriamParticipantFile *mine,
                                                        const MiriamParticipantFile *theirs,
                                                        const char                  *status_reason);

G_END_DECLS
