/* miriam-participant-file.h: everything about one woman, as one unit
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "miriam-record.h"

G_BEGIN_DECLS

typedef struct {
  MiriamParticipant *participant;
  GPtrArray         *children;        /* MiriamChild *, oldest first */
  GPtrArray         *status_steps;    /* MiriamStatusStep *, oldest first */
  GPtrArray         *memberships;     /* MiriamMembership *, oldest first */
  GPtrArray         *goals;           /* MiriamGoal *, in creation order */
  GPtrArray         *contacts;        /* MiriamContact *, newest first */
  GPtrArray         *referrals;       /* MiriamReferral *, newest first */
  GArray            *removed_children;  /* gint64 ids to delete on save */
  GArray            *removed_goals;     /* gint64 ids to delete on save */
  GDate              status_day;        /* day of a status change saved with the file;
                                           invalid (cleared): today */
} MiriamParticipantFile;

/* A new, empty file: a participant record from miriam_record_new() and
 * empty arrays that free their records. */
MiriamParticipantFile *miriam_participant_file_new  (void);
MiriamParticipantFile *miriam_participant_file_copy (const MiriamParticipantFile *file);
void                   miriam_participant_file_free (MiriamParticipantFile       *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamParticipantFile, miriam_participant_file_free)

G_END_DECLS
