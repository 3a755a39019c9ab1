/* miriam-participant-editor.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/miriam-store.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_PARTICIPANT_EDITOR (miriam_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (MiriamParticipantEditor, miriam_participant_editor, MIRIAM, PARTICIPANT_EDITOR, GtkWindow)

/* Opens the file of participant @id, or a new file when @id is 0.
 * Emits "saved" after each successful save. */
MiriamParticipantEditor *miriam_participant_editor_new    (GtkWindow               *parent,
                                                           MiriamStore             *store,
                                                           gint64                   id);
gint64                   miriam_participant_editor_get_id (MiriamParticipantEditor *self);
/* A colleague saved something in the file: the editor looks who has this
 * file open and whether her file changed (it never reloads the form). */
void                     miriam_participant_editor_file_changed (MiriamParticipantEditor *self);

G_END_DECLS
