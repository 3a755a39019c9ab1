/* miriam-store-consortium.c: the file's OCMW and the consortium it works in
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small OCMWs run MIRIAM together: one organises the group, the others
 * send women to it.  The file keeps the consortium and its OCMWs so that a
 * group can say it is the consortium's and reports can name it.
 */
#include "config.h"

#include "miriam-store-private.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

MiriamOcmwSetup *
miriam_ocmw_setup_new (void)
{
  MiriamOcmwSetup *setup = g_new0 (MiriamOcmwSetup, 1);

  setup->partners = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_OCMW));
  return setup;
}

void
miriam_ocmw_setup_free (MiriamOcmwSetup *setup)
{
  if (setup == NULL)
    return;
  g_clear_pointer (&setup->ocmw, miriam_record_free_func (MIRIAM_RECORD_OCMW));
  g_clear_pointer (&setup->consortium, miriam_record_free_func (MIRIAM_RECORD_CONSORTIUM));
  g_clear_pointer (&setup->partners, g_ptr_array_unref);
  g_free (setup);
}

static MiriamOcmwSetup *
setup_copy (const MiriamOcmwSetup *setup)
{
  MiriamOcmwSetup *copy = miriam_ocmw_setup_new ();

  if (setup->ocmw != NULL)
    copy->ocmw = miriam_record_copy (MIRIAM_RECORD_OCMW, setup->ocmw);
  if (setup->consortium != NULL)
    copy->consortium = miriam_record_copy (MIRIAM_RECORD_CONSORTIUM, setup->consortium);
  for (guint i = 0; i < setup->partners->len; i++)
    g_ptr_array_add (copy->partners, miriam_record_copy (MIRIAM_RECORD_OCMW, setup->partners->pdata[i]));
  return copy;
}

/* Store thread, inside a transaction. */
static MiriamOcmwSetup *
read_setup (MiriamStore  *self,
            gint64        ocmw_id,
            GError      **error)
{
  g_autoptr(MiriamOcmwSetup) setup = miriam_ocmw_setup_new ();
  g_autoptr(GPtrArray) members = NULL;

  if (!(setup->ocmw = miriam_store_load_record (self, MIRIAM_RECORD_OCMW, ocmw_id, error)))
    return NULL;
  if (setup->ocmw->consortium_id == 0)
    return g_steal_pointer (&setup);

  if (!(setup->consortium = miriam_store_load_record (self, MIRIAM_RECORD_CONSORTIUM,
                                                      setup->ocmw->consortium_id, error))
      || !(members = miriam_store_select_records (self, MIRIAM_RECORD_OCMW, "consortium_id",
                                                  setup->ocmw->consortium_id, error)))
    return NULL;
  for (guint i = 0; i < members->len; i++)
    if (((MiriamOcmw *) members->pdata[i])->row.id != ocmw_id)
      g_ptr_array_add (setup->partners, g_steal_pointer (&members->pdata[i]));
  return g_steal_pointer (&setup);
}

static gpointer
load_job (MiriamStore  *self,
          gpointer      data G_GNUC_UNUSED,
          GError      **error)
{
  g_autofree char *now = miriam_store_now ();
  g_autofree char *user = miriam_store_dup_user_name (self);
  MiriamOcmwSetup *setup;
  gint64 ocmw_id = 0;
  gboolean own_tx = FALSE;

  if (!miriam_store_check_open (self, error))
    return NULL;

  /* A writable file gets its OCMW like a first group or file would: the
   * write is one short transaction, and a read-only one reads only. */
  if (miriam_store_get_access (self) == MIRIAM_STORE_WRITABLE)
    {
      if (!miriam_store_begin (self, error))
        return NULL;
      if (!miriam_store_ensure_ocmw (self, &ocmw_id, now, user, error)
          || !(setup = read_setup (self, ocmw_id, error)))
        {
          miriam_store_rollback (self);
          return NULL;
        }
      if (!miriam_store_commit (self, error))
        {
          miriam_ocmw_setup_free (setup);
          return NULL;
        }
      return setup;
    }

  if (!miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  {
    g_autoptr(GPtrArray) ocmws = miriam_store_select_records (self, MIRIAM_RECORD_OCMW, NULL, 0, error);

    setup = NULL;
    if (ocmws != NULL && ocmws->len == 0)
      setup = miriam_ocmw_setup_new ();
    else if (ocmws != NULL)
      setup = read_setup (self, ((MiriamOcmw *) ocmws->pdata[0])->row.id, error);
  }
  miriam_store_read_end (self, own_tx);
  return setup;
}

MiriamOcmwSetup *
miriam_store_load_ocmw_setup (MiriamStore  *self,
                              GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, load_job, NULL, error);
}

void
miriam_store_load_ocmw_setup_async (MiriamStore         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, load_job, NULL, NULL, (GDestroyNotify) miriam_ocmw_setup_free,
                          miriam_store_load_ocmw_setup_async, cancellable, callback, user_data);
}

MiriamOcmwSetup *
miriam_store_load_ocmw_setup_finish (MiriamStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_load_ocmw_setup_async, error);
}

typedef struct {
  MiriamOcmwSetup *setup;     /* a copy: the caller's stays as it was */
  GArray          *removed;   /* gint64 */
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  miriam_ocmw_setup_free (job->setup);
  g_clear_pointer (&job->removed, g_array_unref);
  g_free (job);
}

static SaveJob *
save_job_new (const MiriamOcmwSetup *setup,
              GArray                *removed)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->setup = setup_copy (setup);
  job->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (removed != NULL)
    g_array_append_vals (job->removed, removed->data, removed->len);
  return job;
}

/* A partner that leaves keeps its row: only its link goes, and only if
 * it still points at this consortium. */
static gboolean
leave_consortium (MiriamStore  *self,
                  gint64        ocmw_id,
                  gint64        consortium_id,
                  const char   *now,
                  const char   *user,
                  GError      **error)
{
  g_autoptr(GError) local = NULL;
  MiriamOcmw *ocmw = miriam_store_load_record (self, MIRIAM_RECORD_OCMW, ocmw_id, &local);
  gboolean ok = TRUE;

  if (ocmw == NULL)
    {
      /* Already gone: nothing to undo. */
      if (g_error_matches (local, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (ocmw->consortium_id == consortium_id && consortium_id != 0)
    {
      ocmw->consortium_id = 0;
      ok = miriam_store_write_record (self, MIRIAM_RECORD_OCMW, ocmw, now, user, error);
    }
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  return ok;
}

static gboolean
write_setup (MiriamStore      *self,
             SaveJob          *job,
             const char       *now,
             const char       *user,
             GError          **error)
{
  MiriamOcmwSetup *setup = job->setup;
  gint64 old_consortium = setup->ocmw->consortium_id;
  gint64 consortium_id = 0;

  if (setup->consortium != NULL)
    {
      if (!miriam_store_write_record (self, MIRIAM_RECORD_CONSORTIUM, setup->consortium, now, user, error))
        return FALSE;
      consortium_id = setup->consortium->row.id;
    }

  setup->ocmw->consortium_id = consortium_id;
  if (!miriam_store_write_record (self, MIRIAM_RECORD_OCMW, setup->ocmw, now, user, error))
    return FALSE;

  for (guint i = 0; i < setup->partners->len; i++)
    {
      MiriamOcmw *partner = setup->partners->pdata[i];

      partner->consortium_id = consortium_id;
      if (!miriam_store_write_record (self, MIRIAM_RECORD_OCMW, partner, now, user, error))
        return FALSE;
    }

  for (guint i = 0; i < job->removed->len; i++)
    if (!leave_consortium (self, g_array_index (job->removed, gint64, i),
                           consortium_id != 0 ? consortium_id : old_consortium, now, user, error))
      return FALSE;
  return TRUE;
}

static gpointer
save_job (MiriamStore  *self,
          gpointer      data,
          GError      **error)
{
  SaveJob *job = data;
  g_autofree char *now = miriam_store_now ();
  g_autofree char *user = miriam_store_dup_user_name (self);
  MiriamOcmwSetup *saved;

  if (!miriam_store_check_open (self, error))
    return NULL;
  if (job->setup->ocmw == NULL || job->setup->ocmw->row.id == 0)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           _("The OCMW of this database could not be found."));
      return NULL;
    }
  if (!miriam_store_begin (self, error))
    return NULL;
  if (!write_setup (self, job, now, user, error)
      || !(saved = read_setup (self, job->setup->ocmw->row.id, error)))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    {
      miriam_ocmw_setup_free (saved);
      return NULL;
    }
  return saved;
}

MiriamOcmwSetup *
miriam_store_save_ocmw_setup (MiriamStore           *self,
                              const MiriamOcmwSetup *setup,
                              GArray                *removed_partner_ids,
                              GError               **error)
{
  SaveJob *job;
  MiriamOcmwSetup *saved;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  job = save_job_new (setup, removed_partner_ids);
  saved = miriam_store_run_sync (self, save_job, job, error);
  save_job_free (job);
  return saved;
}

void
miriam_store_save_ocmw_setup_async (MiriamStore           *self,
                                    const MiriamOcmwSetup *setup,
                                    GArray                *removed_partner_ids,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (setup != NULL);
  miriam_store_run_async (self, save_job, save_job_new (setup, removed_partner_ids), save_job_free,
                          (GDestroyNotify) miriam_ocmw_setup_free,
                          miriam_store_save_ocmw_setup_async, cancellable, callback, user_data);
}

MiriamOcmwSetup *
miriam_store_save_ocmw_setup_finish (MiriamStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_save_ocmw_setup_async, error);
}
