/* miriam-group-merge.c: the merge dialog for a group
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What MiriamMergeDialog needs to know of a group: the group record, its
 * one or two casemanagers (kept beside the record, so merged as values,
 * slot by slot) and the new sessions the form saves with it; and how all
 * of that is saved in one store call and read again.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/miriam-merge.h"

#include "miriam-group-merge.h"

#define N_SLOTS 2   /* a group has one or two casemanagers */

/* A version of the group, owned. */
typedef struct {
  MiriamGroup *group;
  GArray      *staff_ids;   /* gint64 */
} Side;

typedef struct {
  MiriamMergeDialog *dialog;        /* owns this */
  MiriamStore       *store;
  Side               base;
  Side               mine;
  Side               theirs;
  Side               pending;       /* the merged version being saved */
  MiriamGroupMerged  saved;
  GPtrArray         *sessions;      /* MiriamSession *, the form's new ones */
  MiriamMerge       *merge;
  MiriamValueMerge  *staff[N_SLOTS];
  GHashTable        *staff_names;   /* gint64 * -> char * */
} GroupMerge;

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_clear_pointer (&side->staff_ids, g_array_unref);
}

static void
side_set (Side                     *side,
          const MiriamGroupVersion *version)
{
  side->group = miriam_record_copy (MIRIAM_RECORD_GROUP, version->group);
  side->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (version->staff_ids != NULL)
    g_array_append_vals (side->staff_ids, version->staff_ids->data, version->staff_ids->len);
}

static void
clear_merges (GroupMerge *self)
{
  g_clear_pointer (&self->merge, miriam_merge_free);
  for (guint i = 0; i < N_SLOTS; i++)
    g_clear_pointer (&self->staff[i], miriam_value_merge_free);
}

static void
group_merge_free (gpointer data)
{
  GroupMerge *self = data;

  clear_merges (self);
  side_clear (&self->base);
  side_clear (&self->mine);
  side_clear (&self->theirs);
  side_clear (&self->pending);
  g_clear_pointer (&self->saved.group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_clear_pointer (&self->saved.staff_ids, g_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->staff_names, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

/* ---------------------------------------------------------------------- */
/* Casemanagers, slot by slot                                               */

/* The casemanager in @slot as a value to merge: her staff id; NULL: none. */
static char *
slot_value (const Side *side,
            guint       slot)
{
  if (slot >= side->staff_ids->len)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (side->staff_ids, gint64, slot));
}

static void
build_merges (GroupMerge *self)
{
  clear_merges (self);
  self->merge = miriam_merge_new (MIRIAM_RECORD_GROUP, self->base.group, self->mine.group,
                                  self->theirs.group);
  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_autofree char *base = slot_value (&self->base, i);
      g_autofree char *mine = slot_value (&self->mine, i);
      g_autofree char *theirs = slot_value (&self->theirs, i);

      self->staff[i] = miriam_value_merge_new (base, mine, theirs);
    }
}

/* The casemanagers the merge keeps: each once, the first slot first. */
static GArray *
merged_staff (GroupMerge *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < N_SLOTS; i++)
    {
      const char *value = miriam_value_merge_result (self->staff[i]);
      gint64 id = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
      gboolean twice = FALSE;

      for (guint j = 0; j < ids->len; j++)
        twice |= g_array_index (ids, gint64, j) == id;
      if (id != 0 && !twice)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* As the form's drop-downs say it: a colleague's name, or no one. */
static const char *
staff_text (GroupMerge *self,
            const char *value,
            guint       slot)
{
  gint64 id;
  const char *name;

  if (value == NULL)
    return slot == 0 ? _("Not chosen") : _("None");
  id = g_ascii_strtoll (value, NULL, 10);
  name = g_hash_table_lookup (self->staff_names, &id);
  return name != NULL ? name : "—";
}

/* ---------------------------------------------------------------------- */
/* Names                                                                    */

static void
add_names (GroupMerge             *self,
           const GPtrArray        *staff,
           const GPtrArray        *cohorts,
           const MiriamConsortium *consortium)
{
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const MiriamStaff *member = staff->pdata[i];

      g_hash_table_insert (self->staff_names, g_memdup2 (&member->row.id, sizeof (gint64)),
                           g_strdup (member->display_name));
    }
  if (self->dialog == NULL)
    return;
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      const MiriamCohort *cohort = cohorts->pdata[i];

      miriam_merge_dialog_set_name (self->dialog, MIRIAM_RECORD_COHORT, cohort->row.id, cohort->label);
    }
  if (consortium != NULL)
    miriam_merge_dialog_set_name (self->dialog, MIRIAM_RECORD_CONSORTIUM, consortium->row.id,
                                  consortium->name);
}

static void
add_version_names (GroupMerge               *self,
                   const MiriamGroupVersion *version)
{
  add_names (self, version->staff, version->cohorts, version->consortium);
}

/* ---------------------------------------------------------------------- */
/* The handler                                                              */

static const MiriamRow *
theirs_row (gpointer data)
{
  GroupMerge *self = data;

  return &self->theirs.group->row;
}

static void
fill (MiriamMergeDialog *dialog,
      gpointer           data)
{
  GroupMerge *self = data;
  /* The form's labels, without their mnemonics. */
  const char *labels[N_SLOTS] = { _("Casemanager"), _("Second casemanager (optional)") };

  miriam_merge_dialog_add_record (dialog, NULL, self->merge);
  for (guint i = 0; i < N_SLOTS; i++)
    miriam_merge_dialog_add_value (dialog, labels[i], self->staff[i],
                                   staff_text (self, miriam_value_merge_get_theirs (self->staff[i]), i),
                                   staff_text (self, miriam_value_merge_get_mine (self->staff[i]), i));
}

/* The form's new sessions, at the merged group's times and place, as the
 * editor makes them from the group it saves. */
static GPtrArray *
merged_sessions (GroupMerge        *self,
                 const MiriamGroup *group)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));

  for (guint i = 0; i < self->sessions->len; i++)
    {
      MiriamSession *session = miriam_record_copy (MIRIAM_RECORD_SESSION, self->sessions->pdata[i]);

      session->group_id = group->row.id;
      session->start_minute = group->start_minute;
      session->end_minute = group->end_minute;
      g_free (session->location);
      session->location = g_strdup (group->location);
      g_ptr_array_add (sessions, session);
    }
  return sessions;
}

static void
save_async (gpointer            data,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  GroupMerge *self = data;
  g_autoptr(GPtrArray) sessions = NULL;

  side_clear (&self->pending);
  self->pending.group = miriam_merge_result (self->merge);
  self->pending.staff_ids = merged_staff (self);
  sessions = merged_sessions (self, self->pending.group);
  miriam_store_save_group_async (self->store, self->pending.group,
                                 (const gint64 *) (gpointer) self->pending.staff_ids->data,
                                 self->pending.staff_ids->len, sessions->len > 0 ? sessions : NULL,
                                 cancellable, callback, user_data);
}

static gpointer
save_finish (gpointer       data,
             GAsyncResult  *result,
             GError       **error)
{
  GroupMerge *self = data;
  MiriamGroup *group;

  group = miriam_store_save_group_finish (self->store, result, error);
  if (group == NULL)
    return NULL;

  g_clear_pointer (&self->saved.group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_clear_pointer (&self->saved.staff_ids, g_array_unref);
  self->saved.group = group;
  self->saved.staff_ids = g_array_ref (self->pending.staff_ids);
  return &self->saved;
}

/* The newest version and the names to show it with, read on a thread of
 * its own: some of these reads exist only as blocking calls. */
typedef struct {
  MiriamGroup      *group;
  GArray           *staff_ids;
  GPtrArray        *staff;
  GPtrArray        *cohorts;
  MiriamConsortium *consortium;
} Newest;

static void
newest_free (gpointer data)
{
  Newest *newest = data;

  g_clear_pointer (&newest->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_clear_pointer (&newest->staff_ids, g_array_unref);
  g_clear_pointer (&newest->staff, g_ptr_array_unref);
  g_clear_pointer (&newest->cohorts, g_ptr_array_unref);
  g_clear_pointer (&newest->consortium, miriam_record_free_func (MIRIAM_RECORD_CONSORTIUM));
  g_free (newest);
}

typedef struct {
  MiriamStore *store;
  gint64       group_id;
} ReloadJob;

static void
reload_job_free (gpointer data)
{
  ReloadJob *job = data;

  g_object_unref (job->store);
  g_free (job);
}

static void
reload_thread (GTask        *task,
               gpointer      source G_GNUC_UNUSED,
               gpointer      data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  ReloadJob *job = data;
  Newest *newest = g_new0 (Newest, 1);
  GError *error = NULL;

  if ((newest->group = miriam_store_load (job->store, MIRIAM_RECORD_GROUP, job->group_id, &error)) == NULL
      || (newest->staff_ids = miriam_store_get_group_staff (job->store, job->group_id, &error)) == NULL
      || (newest->staff = miriam_store_list (job->store, MIRIAM_RECORD_STAFF, NULL, 0, &error)) == NULL
      || (newest->cohorts = miriam_store_list (job->store, MIRIAM_RECORD_COHORT, NULL, 0, &error)) == NULL
      || (newest->group->consortium_id != 0
          && (newest->consortium = miriam_store_load (job->store, MIRIAM_RECORD_CONSORTIUM,
                                                      newest->group->consortium_id, &error)) == NULL))
    {
      newest_free (newest);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, newest, newest_free);
}

static void
reload_async (gpointer            data,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  GroupMerge *self = data;
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReloadJob *job = g_new0 (ReloadJob, 1);

  job->store = g_object_ref (self->store);
  job->group_id = self->theirs.group->row.id;
  g_task_set_task_data (task, job, reload_job_free);
  g_task_run_in_thread (task, reload_thread);
}

/* What was about to be saved becomes "mine", on top of the version it
 * was merged with, against the newest one. */
static gboolean
reload_finish (gpointer       data,
               GAsyncResult  *result,
               GError       **error)
{
  GroupMerge *self = data;
  Newest *newest;

  newest = g_task_propagate_pointer (G_TASK (result), error);
  if (newest == NULL)
    {
      side_clear (&self->pending);
      return FALSE;
    }

  add_names (self, newest->staff, newest->cohorts, newest->consortium);
  side_clear (&self->base);
  side_clear (&self->mine);
  self->base = self->theirs;
  self->mine = self->pending;
  self->theirs.group = g_steal_pointer (&newest->group);
  self->theirs.staff_ids = g_steal_pointer (&newest->staff_ids);
  memset (&self->pending, 0, sizeof self->pending);
  newest_free (newest);
  build_merges (self);
  return TRUE;
}

static const MiriamMergeHandler group_handler = {
  .subject = MIRIAM_MERGE_SUBJECT_GROUP,
  .theirs_row = theirs_row,
  .fill = fill,
  .save_async = save_async,
  .save_finish = save_finish,
  .reload_async = reload_async,
  .reload_finish = reload_finish,
};

MiriamMergeDialog *
miriam_group_merge_dialog_new (GtkWindow                *parent,
                               MiriamStore              *store,
                               const MiriamGroupVersion *base,
                               const MiriamGroupVersion *mine,
                               const MiriamGroupVersion *theirs,
                               const GPtrArray          *new_sessions)
{
  const MiriamGroupVersion *versions[] = { base, mine, theirs };
  GroupMerge *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);
  g_return_val_if_fail (base->group != NULL && mine->group != NULL && theirs->group != NULL, NULL);

  self = g_new0 (GroupMerge, 1);
  self->store = g_object_ref (store);
  side_set (&self->base, base);
  side_set (&self->mine, mine);
  side_set (&self->theirs, theirs);
  self->sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));
  for (guint i = 0; new_sessions != NULL && i < new_sessions->len; i++)
    g_ptr_array_add (self->sessions, miriam_record_copy (MIRIAM_RECORD_SESSION, new_sessions->pdata[i]));
  self->staff_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    add_version_names (self, versions[i]);
  build_merges (self);

  self->dialog = miriam_merge_dialog_new (parent, &group_handler, self, group_merge_free);
  /* The dialog fills itself once made; the cohort and consortium are
   * named on it, and it is filled again with their names. */
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    add_version_names (self, versions[i]);
  miriam_merge_dialog_refill (self->dialog);
  return self->dialog;
}
