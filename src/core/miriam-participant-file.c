/* miriam-participant-file.c: everything about one woman, as one unit
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "miriam-participant-file.h"

MiriamParticipantFile *
miriam_participant_file_new (void)
{
  MiriamParticipantFile *file = g_new0 (MiriamParticipantFile, 1);

  file->participant = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  file->children = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_CHILD));
  file->status_steps = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_STATUS_STEP));
  file->memberships = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_MEMBERSHIP));
  file->goals = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_GOAL));
  file->contacts = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_CONTACT));
  file->referrals = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_REFERRAL));
  file->removed_children = g_array_new (FALSE, FALSE, sizeof (gint64));
  file->removed_goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&file->status_day, 1);

  return file;
}

static void
copy_records (GPtrArray        *to,
              const GPtrArray  *from,
              MiriamRecordKind  kind)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, miriam_record_copy (kind, g_ptr_array_index (from, i)));
}

static void
copy_ids (GArray       *to,
          const GArray *from)
{
  g_array_append_vals (to, from->data, from->len);
}

/* A deep copy: the GUI edits one copy while the store saves another. */
MiriamParticipantFile *
miriam_participant_file_copy (const MiriamParticipantFile *file)
{
  MiriamParticipantFile *copy;

  g_return_val_if_fail (file != NULL, NULL);

  copy = miriam_participant_file_new ();
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, copy->participant);
  copy->participant = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, file->participant);
  copy_records (copy->children, file->children, MIRIAM_RECORD_CHILD);
  copy_records (copy->status_steps, file->status_steps, MIRIAM_RECORD_STATUS_STEP);
  copy_records (copy->memberships, file->memberships, MIRIAM_RECORD_MEMBERSHIP);
  copy_records (copy->goals, file->goals, MIRIAM_RECORD_GOAL);
  copy_records (copy->contacts, file->contacts, MIRIAM_RECORD_CONTACT);
  copy_records (copy->referrals, file->referrals, MIRIAM_RECORD_REFERRAL);
  copy_ids (copy->removed_children, file->removed_children);
  copy_ids (copy->removed_goals, file->removed_goals);
  copy->status_day = file->status_day;

  return copy;
}

void
miriam_participant_file_free (MiriamParticipantFile *file)
{
  if (file == NULL)
    return;

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, file->participant);
  g_ptr_array_unref (file->children);
  g_ptr_array_unref (file->status_steps);
  g_ptr_array_unref (file->memberships);
  g_ptr_array_unref (file->goals);
  g_ptr_array_unref (file->contacts);
  g_ptr_array_unref (file->referrals);
  g_array_unref (file->removed_children);
  g_array_unref (file->removed_goals);
  g_free (file);
}
