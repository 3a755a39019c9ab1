/* miriam-merge.c: my changes and a colleague's, put together field by field
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "miriam-merge.h"

#include <string.h>

struct _MiriamMerge
{
  MiriamRecordKind   kind;
  gpointer           base;
  gpointer           mine;
  gpointer           theirs;
  MiriamMergeState   presence;
  MiriamMergeChoice  presence_choice;
  MiriamMergeState  *states;    /* one per field of the kind */
  MiriamMergeChoice *choices;
};

static gboolean
same_record (MiriamRecordKind kind,
             gconstpointer    a,
             gconstpointer    b)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    if (!miriam_record_field_equal (&info->fields[i], a, b))
      return FALSE;
  return TRUE;
}

/* One field, when both of us have the record. */
static MiriamMergeState
field_state (const MiriamField *field,
             gconstpointer      base,
             gconstpointer      mine,
             gconstpointer      theirs)
{
  gboolean mine_changed, theirs_changed;

  /* Made on both sides without a common start: only a difference counts. */
  if (base == NULL)
    return miriam_record_field_equal (field, mine, theirs) ? MIRIAM_MERGE_UNCHANGED
                                                           : MIRIAM_MERGE_CONFLICT;

  mine_changed = !miriam_record_field_equal (field, base, mine);
  theirs_changed = !miriam_record_field_equal (field, base, theirs);

  if (mine_changed && theirs_changed)
    return miriam_record_field_equal (field, mine, theirs) ? MIRIAM_MERGE_SAME
                                                           : MIRIAM_MERGE_CONFLICT;
  if (mine_changed)
    return MIRIAM_MERGE_MINE;
  if (theirs_changed)
    return MIRIAM_MERGE_THEIRS;
  return MIRIAM_MERGE_UNCHANGED;
}

/* Whether the record is there after the merge, before any field counts. */
static MiriamMergeState
presence_state (MiriamMerge *self)
{
  if (self->mine != NULL && self->theirs != NULL)
    return MIRIAM_MERGE_UNCHANGED;
  if (self->base == NULL)
    return self->mine != NULL ? MIRIAM_MERGE_MINE : MIRIAM_MERGE_THEIRS;
  if (self->mine == NULL && self->theirs == NULL)
    return MIRIAM_MERGE_SAME;
  /* Removed on one side: fine if the other side left it as it was. */
  if (self->mine == NULL)
    return same_record (self->kind, self->base, self->theirs) ? MIRIAM_MERGE_MINE
                                                              : MIRIAM_MERGE_CONFLICT;
  return same_record (self->kind, self->base, self->mine) ? MIRIAM_MERGE_THEIRS
                                                          : MIRIAM_MERGE_CONFLICT;
}

MiriamMerge *
miriam_merge_new (MiriamRecordKind kind,
                  gconstpointer    base,
                  gconstpointer    mine,
                  gconstpointer    theirs)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  MiriamMerge *self;

  g_return_val_if_fail (base != NULL || mine != NULL || theirs != NULL, NULL);

  self = g_new0 (MiriamMerge, 1);
  self->kind = kind;
  self->base = base != NULL ? miriam_record_copy (kind, base) : NULL;
  self->mine = mine != NULL ? miriam_record_copy (kind, mine) : NULL;
  self->theirs = theirs != NULL ? miriam_record_copy (kind, theirs) : NULL;
  self->states = g_new0 (MiriamMergeState, info->n_fields);
  self->choices = g_new0 (MiriamMergeChoice, info->n_fields);

  self->presence = presence_state (self);
  /* A removal against a change keeps the changed record until a person
   * says otherwise: a removal can be done again, lost work cannot. */
  self->presence_choice = self->mine == NULL ? MIRIAM_MERGE_TAKE_THEIRS : MIRIAM_MERGE_TAKE_MINE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MiriamField *field = &info->fields[i];

      self->choices[i] = MIRIAM_MERGE_TAKE_MINE;
      if (self->mine != NULL && self->theirs != NULL)
        self->states[i] = field_state (field, self->base, self->mine, self->theirs);
      else if (self->base == NULL)
        self->states[i] = MIRIAM_MERGE_UNCHANGED;
      else if (self->mine != NULL)
        self->states[i] = miriam_record_field_equal (field, self->base, self->mine)
                          ? MIRIAM_MERGE_UNCHANGED : MIRIAM_MERGE_MINE;
      else if (self->theirs != NULL)
        self->states[i] = miriam_record_field_equal (field, self->base, self->theirs)
                          ? MIRIAM_MERGE_UNCHANGED : MIRIAM_MERGE_THEIRS;
      else
        self->states[i] = MIRIAM_MERGE_UNCHANGED;
    }

  return self;
}

void
miriam_merge_free (MiriamMerge *self)
{
  if (self == NULL)
    return;
  miriam_record_free (self->kind, self->base);
  miriam_record_free (self->kind, self->mine);
  miriam_record_free (self->kind, self->theirs);
  g_free (self->states);
  g_free (self->choices);
  g_free (self);
}

MiriamRecordKind
miriam_merge_get_kind (const MiriamMerge *self)
{
  return self->kind;
}

gconstpointer
miriam_merge_get_base (const MiriamMerge *self)
{
  return self->base;
}

gconstpointer
miriam_merge_get_mine (const MiriamMerge *self)
{
  return self->mine;
}

gconstpointer
miriam_merge_get_theirs (const MiriamMerge *self)
{
  return self->theirs;
}

MiriamMergeState
miriam_merge_get_state (const MiriamMerge *self,
                        guint              index)
{
  g_return_val_if_fail (index < miriam_record_info (self->kind)->n_fields, MIRIAM_MERGE_UNCHANGED);
  return self->states[index];
}

MiriamMergeChoice
miriam_merge_get_choice (const MiriamMerge *self,
                         guint              index)
{
  g_return_val_if_fail (index < miriam_record_info (self->kind)->n_fields, MIRIAM_MERGE_TAKE_MINE);
  return self->choices[index];
}

void
miriam_merge_choose (MiriamMerge       *self,
                     guint              index,
                     MiriamMergeChoice  choice)
{
  g_return_if_fail (index < miriam_record_info (self->kind)->n_fields);
  if (self->states[index] == MIRIAM_MERGE_CONFLICT)
    self->choices[index] = choice;
}

MiriamMergeState
miriam_merge_get_presence (const MiriamMerge *self)
{
  return self->presence;
}

MiriamMergeChoice
miriam_merge_get_presence_choice (const MiriamMerge *self)
{
  return self->presence_choice;
}

void
miriam_merge_choose_presence (MiriamMerge       *self,
                              MiriamMergeChoice  choice)
{
  if (self->presence == MIRIAM_MERGE_CONFLICT)
    self->presence_choice = choice;
}

/* Field conflicts only count where both records stay side by side. */
guint
miriam_merge_count_conflicts (const MiriamMerge *self)
{
  guint n = self->presence == MIRIAM_MERGE_CONFLICT ? 1 : 0;

  if (self->mine != NULL && self->theirs != NULL)
    for (guint i = 0; i < miriam_record_info (self->kind)->n_fields; i++)
      if (self->states[i] == MIRIAM_MERGE_CONFLICT)
        n++;
  return n;
}

gboolean
miriam_merge_has_changes (const MiriamMerge *self)
{
  if (self->presence != MIRIAM_MERGE_UNCHANGED)
    return TRUE;
  for (guint i = 0; i < miriam_record_info (self->kind)->n_fields; i++)
    if (self->states[i] != MIRIAM_MERGE_UNCHANGED)
      return TRUE;
  return FALSE;
}

/* Copies one field's value from @from into @to. */
static void
copy_field (const MiriamField *field,
            gpointer           to,
            gconstpointer      from)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      miriam_record_set_text (to, field, *MIRIAM_FIELD_PTR (from, field, char *));
      break;
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
      *MIRIAM_FIELD_PTR (to, field, gint64) = *MIRIAM_FIELD_PTR (from, field, gint64);
      break;
    case MIRIAM_FIELD_BOOL:
      *MIRIAM_FIELD_PTR (to, field, gboolean) = *MIRIAM_FIELD_PTR (from, field, gboolean);
      break;
    case MIRIAM_FIELD_DATE:
      *MIRIAM_FIELD_PTR (to, field, GDate) = *MIRIAM_FIELD_PTR (from, field, GDate);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
result_exists (const MiriamMerge *self)
{
  switch (self->presence)
    {
    case MIRIAM_MERGE_UNCHANGED:
      return TRUE;
    case MIRIAM_MERGE_MINE:
      return self->mine != NULL;
    case MIRIAM_MERGE_THEIRS:
      return self->theirs != NULL;
    case MIRIAM_MERGE_SAME:
      return self->mine != NULL && self->theirs != NULL;
    case MIRIAM_MERGE_CONFLICT:
      return self->presence_choice == MIRIAM_MERGE_TAKE_MINE ? self->mine != NULL
                                                             : self->theirs != NULL;
    default:
      g_assert_not_reached ();
    }
}

gpointer
miriam_merge_result (const MiriamMerge *self)
{
  const MiriamRecordInfo *info = miriam_record_info (self->kind);
  gpointer result;

  if (!result_exists (self))
    return NULL;

  if (self->theirs == NULL)
    {
      result = miriam_record_copy (self->kind, self->mine);
      /* She removed it and I keep it: it comes back as a new record. */
      if (self->base != NULL)
        {
          miriam_record_row (result)->id = 0;
          miriam_record_row (result)->version = 0;
        }
      return result;
    }
  if (self->mine == NULL)
    return miriam_record_copy (self->kind, self->theirs);

  /* Her record, with her row and version, and my values where mine win. */
  result = miriam_record_copy (self->kind, self->theirs);
  for (guint i = 0; i < info->n_fields; i++)
    if (self->states[i] == MIRIAM_MERGE_MINE
        || (self->states[i] == MIRIAM_MERGE_CONFLICT && self->choices[i] == MIRIAM_MERGE_TAKE_MINE))
      copy_field (&info->fields[i], result, self->mine);

  return result;
}

/* ---------------------------------------------------------------------- */
/* A value outside a record's fields                                        */

struct _MiriamValueMerge
{
  char              *base;
  char              *mine;
  char              *theirs;
  MiriamMergeState   state;
  MiriamMergeChoice  choice;
};

MiriamValueMerge *
miriam_value_merge_new (const char *base,
                        const char *mine,
                        const char *theirs)
{
  MiriamValueMerge *self = g_new0 (MiriamValueMerge, 1);
  gboolean mine_changed = g_strcmp0 (base, mine) != 0;
  gboolean theirs_changed = g_strcmp0 (base, theirs) != 0;

  self->base = g_strdup (base);
  self->mine = g_strdup (mine);
  self->theirs = g_strdup (theirs);
  self->choice = MIRIAM_MERGE_TAKE_MINE;

  if (mine_changed && theirs_changed)
    self->state = g_strcmp0 (mine, theirs) == 0 ? MIRIAM_MERGE_SAME : MIRIAM_MERGE_CONFLICT;
  else if (mine_changed)
    self->state = MIRIAM_MERGE_MINE;
  else if (theirs_changed)
    self->state = MIRIAM_MERGE_THEIRS;
  else
    self->state = MIRIAM_MERGE_UNCHANGED;
  return self;
}

void
miriam_value_merge_free (MiriamValueMerge *self)
{
  if (self == NULL)
    return;
  g_free (self->base);
  g_free (self->mine);
  g_free (self->theirs);
  g_free (self);
}

MiriamMergeState
miriam_value_merge_get_state (const MiriamValueMerge *self)
{
  return self->state;
}

MiriamMergeChoice
miriam_value_merge_get_choice (const MiriamValueMerge *self)
{
  return self->choice;
}

void
miriam_value_merge_choose (MiriamValueMerge  *self,
                           MiriamMergeChoice  choice)
{
  if (self->state == MIRIAM_MERGE_CONFLICT)
    self->choice = choice;
}

const char *
miriam_value_merge_get_mine (const MiriamValueMerge *self)
{
  return self->mine;
}

const char *
miriam_value_merge_get_theirs (const MiriamValueMerge *self)
{
  return self->theirs;
}

const char *
miriam_value_merge_result (const MiriamValueMerge *self)
{
  switch (self->state)
    {
    case MIRIAM_MERGE_THEIRS:
      return self->theirs;
    case MIRIAM_MERGE_CONFLICT:
      return self->choice == MIRIAM_MERGE_TAKE_THEIRS ? self->theirs : self->mine;
    case MIRIAM_MERGE_UNCHANGED:
    case MIRIAM_MERGE_MINE:
    case MIRIAM_MERGE_SAME:
    default:
      return self->mine;
    }
}

/* ---------------------------------------------------------------------- */
/* A whole participant file                                                 */

static gconstpointer
find_by_id (const GPtrArray *records,
            gint64           id)
{
  for (guint i = 0; i < records->len; i++)
    if (miriam_record_row (records->pdata[i])->id == id)
      return records->pdata[i];
  return NULL;
}

static gboolean
listed (const GArray *ids,
        gint64        id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
add_id (GArray *ids,
        gint64  id)
{
  if (id != 0 && !listed (ids, id))
    g_array_append_val (ids, id);
}

/* One merge per record on any side, in the form's order, then those only
 * the colleague or the base has. */
static GPtrArray *
merge_parts (MiriamRecordKind  kind,
             const GPtrArray  *base,
             const GPtrArray  *mine,
             const GArray     *mine_removed,
             const GPtrArray  *theirs)
{
  GPtrArray *merges = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_merge_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < mine->len; i++)
    {
      gconstpointer record = mine->pdata[i];

      if (miriam_record_row ((gpointer) record)->id == 0)
        g_ptr_array_add (merges, miriam_merge_new (kind, NULL, record, NULL));
      else
        add_id (ids, miriam_record_row ((gpointer) record)->id);
    }
  for (guint i = 0; i < theirs->len; i++)
    add_id (ids, miriam_record_row (theirs->pdata[i])->id);
  for (guint i = 0; i < base->len; i++)
    add_id (ids, miriam_record_row (base->pdata[i])->id);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gconstpointer b = find_by_id (base, id);
      gconstpointer m = listed (mine_removed, id) ? NULL : find_by_id (mine, id);
      gconstpointer t = find_by_id (theirs, id);

      g_ptr_array_add (merges, miriam_merge_new (kind, b, m, t));
    }

  return merges;
}

MiriamFileMerge *
miriam_file_merge_new (const MiriamParticipantFile *base,
                       const MiriamParticipantFile *mine,
                       const MiriamParticipantFile *theirs)
{
  MiriamFileMerge *self;

  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  self = g_new0 (MiriamFileMerge, 1);
  self->participant = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base->participant,
                                        mine->participant, theirs->participant);
  self->children = merge_parts (MIRIAM_RECORD_CHILD, base->children, mine->children,
                                mine->removed_children, theirs->children);
  self->goals = merge_parts (MIRIAM_RECORD_GOAL, base->goals, mine->goals,
                             mine->removed_goals, theirs->goals);
  self->memberships = merge_parts (MIRIAM_RECORD_MEMBERSHIP, base->memberships, mine->memberships,
                                   NULL, theirs->memberships);
  return self;
}

void
miriam_file_merge_free (MiriamFileMerge *self)
{
  if (self == NULL)
    return;
  miriam_merge_free (self->participant);
  g_ptr_array_unref (self->children);
  g_ptr_array_unref (self->goals);
  g_ptr_array_unref (self->memberships);
  g_free (self);
}

guint
miriam_file_merge_count_conflicts (const MiriamFileMerge *self)
{
  GPtrArray *parts[] = { self->children, self->goals, self->memberships };
  guint n = miriam_merge_count_conflicts (self->participant);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->len; i++)
      n += miriam_merge_count_conflicts (parts[p]->pdata[i]);
  return n;
}

/* Fills @to with the merged records; the colleague's records that the
 * merge drops go to @removed, for the store to delete. */
static void
merged_parts (const GPtrArray *merges,
              GPtrArray       *to,
              GArray          *removed)
{
  g_ptr_array_set_size (to, 0);
  if (removed != NULL)
    g_array_set_size (removed, 0);

  for (guint i = 0; i < merges->len; i++)
    {
      const MiriamMerge *merge = merges->pdata[i];
      gpointer record = miriam_merge_result (merge);

      if (record != NULL)
        g_ptr_array_add (to, record);
      else if (removed != NULL && merge->theirs != NULL)
        add_id (removed, miriam_record_row (merge->theirs)->id);
    }
}

MiriamParticipantFile *
miriam_file_merge_result (const MiriamFileMerge       *self,
                          const MiriamParticipantFile *mine)
{
  MiriamParticipantFile *file = miriam_participant_file_new ();
  gpointer participant = miriam_merge_result (self->participant);

  /* A participant file is never removed from the editor: both sides have
   * her, so the merge always gives her back. */
  g_return_val_if_fail (participant != NULL, file);

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, file->participant);
  file->participant = participant;
  merged_parts (self->children, file->children, file->removed_children);
  merged_parts (self->goals, file->goals, file->removed_goals);
  merged_parts (self->memberships, file->memberships, NULL);
  if (mine != NULL)
    file->status_day = mine->status_day;

  return file;
}
