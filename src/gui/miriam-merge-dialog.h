/* miriam-merge-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-participant-file.h"
#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_MERGE_DIALOG (miriam_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamMergeDialog, miriam_merge_dialog, MIRIAM, MERGE_DIALOG, GtkWindow)

/* A colleague's newer version of a participant file beside mine, field
 * by field: what only one of us changed is merged already, what we both
 * changed differently is for the user to choose.  @base: the file as the
 * editor loaded it; @mine: the form, as the editor would save it;
 * @theirs: the colleague's saved version; @status_reason: the reason of
 * a status change in the form.  All are copied.
 *
 * "Save Merged Version" saves with the colleague's version numbers; if
 * yet another colleague saved meanwhile, the dialog shows that version
 * and asks again.  Once saved it emits "saved" (the file as saved, a
 * MiriamParticipantFile * owned by the dialog) and closes.  Cancel
 * closes it and changes nothing, in the file or in the form. */
MiriamMergeDialog *miriam_merge_dialog_new (GtkWindow                   *parent,
                                            MiriamStore                 *store,
                                            const MiriamParticipantFile *base,
                                            const MiriamParticipantFile *mine,
                                            const MiriamParticipantFile *theirs,
                                            const char                  *status_reason);

G_END_DECLS
