/* miriam-participant-merge.c: the merge dialog for a participant file
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What MiriamMergeDialog needs to know of a participant file: which
 * records it holds, and how it is saved and read again.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-merge.h"
#include "core/miriam-vocabulary.h"

#include "miriam-participant-merge.h"

typedef struct {
  MiriamMergeDialog     *dialog;        /* owns this */
  MiriamStore           *store;
  GCancellable          *cancellable;
  MiriamParticipantFile *base;
  MiriamParticipantFile *mine;
  MiriamParticipantFile *theirs;
  MiriamParticipantFile *pending;       /* the merged file being saved */
  MiriamParticipantFile *saved;
  MiriamParticipantFile *newest;        /* read after yet another save */
  char                  *status_reason;
  MiriamFileMerge       *merge;
  GHashTable            *group_names;   /* gint64 * -> char *, for memberships */
} FileMerge;

static void
file_merge_free (gpointer data)
{
  FileMerge *self = data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->merge, miriam_file_merge_free);
  g_clear_pointer (&self->base, miriam_participant_file_free);
  g_clear_pointer (&self->mine, miriam_participant_file_free);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  g_clear_pointer (&self->pending, miriam_participant_file_free);
  g_clear_pointer (&self->saved, miriam_participant_file_free);
  g_clear_pointer (&self->newest, miriam_participant_file_free);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->group_names, g_hash_table_unref);
  g_free (self);
}

static const MiriamRow *
theirs_row (gpointer data)
{
  FileMerge *self = data;

  return &self->theirs->participant->row;
}

/* "Child: Noor", "Goal: ...", "Group: ..." over a part's rows. */
static char *
part_title (FileMerge   *self,
            MiriamMerge *merge)
{
  gconstpointer record = miriam_merge_get_mine (merge);

  if (record == NULL)
    record = miriam_merge_get_theirs (merge);
  if (record == NULL)
    record = miriam_merge_get_base (merge);

  switch (miriam_merge_get_kind (merge))
    {
    case MIRIAM_RECORD_CHILD:
      return g_strdup_printf (_("Child: %s"), ((const MiriamChild *) record)->first_name);
    case MIRIAM_RECORD_GOAL:
      {
        const MiriamGoal *goal = record;
        return g_strdup_printf (_("Goal: %s"), goal->description[0] != '\0' ? goal->description
                                : miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, goal->domain));
      }
    case MIRIAM_RECORD_MEMBERSHIP:
      {
        gint64 id = ((const MiriamMembership *) record)->group_id;
        const char *name = g_hash_table_lookup (self->group_names, &id);
        return g_strdup_printf (_("Group: %s"), name != NULL ? name : "—");
      }
    default:
      return g_strdup ("");
    }
}

static void
fill (MiriamMergeDialog *dialog,
      gpointer           data)
{
  FileMerge *self = data;
  GPtrArray *parts[] = { self->merge->children, self->merge->goals, self->merge->memberships };

  miriam_merge_dialog_add_record (dialog, NULL, self->merge->participant);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->len; i++)
      {
        g_autofree char *title = part_title (self, parts[p]->pdata[i]);
        miriam_merge_dialog_add_record (dialog, title, parts[p]->pdata[i]);
      }
}

static void
save_async (gpointer            data,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  FileMerge *self = data;

  g_clear_pointer (&self->pending, miriam_participant_file_free);
  self->pending = miriam_file_merge_result (self->merge, self->mine);
  miriam_store_save_participant_file_async (self->store, self->pending, self->status_reason,
                                            cancellable, callback, user_data);
}

static gpointer
save_finish (gpointer       data,
             GAsyncResult  *result,
             GError       **error)
{
  FileMerge *self = data;

  g_clear_pointer (&self->saved, miriam_participant_file_free);
  self->saved = miriam_store_save_participant_file_finish (self->store, result, error);
  return self->saved;
}

static void
reload_async (gpointer            data,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  FileMerge *self = data;

  miriam_store_load_participant_file_async (self->store, self->theirs->participant->row.id,
                                            cancellable, callback, user_data);
}

/* What was about to be saved becomes "mine", on top of the version it
 * was merged with, against the newest one. */
static gboolean
reload_finish (gpointer       data,
               GAsyncResult  *result,
               GError       **error)
{
  FileMerge *self = data;
  MiriamParticipantFile *newest;

  newest = miriam_store_load_participant_file_finish (self->store, result, error);
  if (newest == NULL)
    {
      g_clear_pointer (&self->pending, miriam_participant_file_free);
      return FALSE;
    }

  g_clear_pointer (&self->base, miriam_participant_file_free);
  g_clear_pointer (&self->mine, miriam_participant_file_free);
  self->base = g_steal_pointer (&self->theirs);
  self->mine = g_steal_pointer (&self->pending);
  self->theirs = newest;
  g_clear_pointer (&self->merge, miriam_file_merge_free);
  self->merge = miriam_file_merge_new (self->base, self->mine, self->theirs);
  return TRUE;
}

static const MiriamMergeHandler file_handler = {
  .subject = MIRIAM_MERGE_SUBJECT_FILE,
  .theirs_row = theirs_row,
  .fill = fill,
  .save_async = save_async,
  .save_finish = save_finish,
  .reload_async = reload_async,
  .reload_finish = reload_finish,
};

/* Memberships name their group; until the names are read, the dialog
 * shows them without. */
static void
groups_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FileMerge *self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (groups == NULL)
    return;   /* cancelled, or the groups show without names: nothing lost */

  for (guint i = 0; i < groups->len; i++)
    {
      const MiriamGroup *group = groups->pdata[i];

      g_hash_table_insert (self->group_names, g_memdup2 (&group->row.id, sizeof (gint64)),
                           g_strdup (group->name));
      miriam_merge_dialog_set_name (self->dialog, MIRIAM_RECORD_GROUP, group->row.id, group->name);
    }
  miriam_merge_dialog_refill (self->dialog);
}

MiriamMergeDialog *
miriam_participant_merge_dialog_new (GtkWindow                   *parent,
                                     MiriamStore                 *store,
                                     const MiriamParticipantFile *base,
                                     const MiriamParticipantFile *mine,
                                     const MiriamParticipantFile *theirs,
                                     const char                  *status_reason)
{
  FileMerge *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  self = g_new0 (FileMerge, 1);
  self->store = g_object_ref (store);
  self->cancellable = g_cancellable_new ();
  self->base = miriam_participant_file_copy (base);
  self->mine = miriam_participant_file_copy (mine);
  self->theirs = miriam_participant_file_copy (theirs);
  self->status_reason = g_strdup (status_reason);
  self->merge = miriam_file_merge_new (self->base, self->mine, self->theirs);
  self->group_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->dialog = miriam_merge_dialog_new (parent, &file_handler, self, file_merge_free);

  if (self->mine->memberships->len > 0 || self->theirs->memberships->len > 0)
    miriam_store_list_async (store, MIRIAM_RECORD_GROUP, NULL, 0, self->cancellable,
                             groups_loaded_cb, self);
  return self->dialog;
}
