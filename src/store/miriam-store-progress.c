/* miriam-store-progress.c: measurements, scores and the figures of a group
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PLACEHOLDER while issue 5 is built: every call fails with "not yet".
 */
#include "config.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

#include "miriam-store.h"

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not implemented yet");
  return FALSE;
}

void
miriam_scored_measurement_free (MiriamScoredMeasurement *m)
{
  if (m == NULL)
    return;
  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m->measurement);
  g_clear_pointer (&m->scores, g_hash_table_unref);
  g_free (m->scored_by_name);
  g_free (m);
}

GPtrArray *miriam_store_list_ocmw_domains (MiriamStore *self, gint64 ocmw_id, GError **error)
{ not_yet (error); return NULL; }
gboolean miriam_store_save_ocmw_domains (MiriamStore *self, gint64 ocmw_id, GPtrArray *domains, GError **error)
{ return not_yet (error); }
GPtrArray *miriam_store_list_measurements (MiriamStore *self, gint64 participant_id, GError **error)
{ not_yet (error); return NULL; }
void miriam_store_list_measurements_async (MiriamStore *self, gint64 participant_id, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{ g_task_report_new_error (self, callback, user_data, NULL, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); }
GPtrArray *miriam_store_list_measurements_finish (MiriamStore *self, GAsyncResult *result, GError **error)
{ return g_task_propagate_pointer (G_TASK (result), error); }
gboolean miriam_store_save_measurement (MiriamStore *self, MiriamMeasurement *measurement, GHashTable *scores, GError **error)
{ return not_yet (error); }
void miriam_store_save_measurement_async (MiriamStore *self, const MiriamMeasurement *measurement, GHashTable *scores,
                                          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{ g_task_report_new_error (self, callback, user_data, NULL, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); }
MiriamScoredMeasurement *miriam_store_save_measurement_finish (MiriamStore *self, GAsyncResult *result, GError **error)
{ return g_task_propagate_pointer (G_TASK (result), error); }
gboolean miriam_store_delete_measurement (MiriamStore *self, gint64 id, gint64 version, GError **error)
{ return not_yet (error); }
MiriamProgressGroup *miriam_store_load_progress_group (MiriamStore *self, gint64 group_id, GError **error)
{ not_yet (error); return NULL; }
void miriam_store_load_progress_group_async (MiriamStore *self, gint64 group_id, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{ g_task_report_new_error (self, callback, user_data, NULL, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); }
MiriamProgressGroup *miriam_store_load_progress_group_finish (MiriamStore *self, GAsyncResult *result, GError **error)
{ return g_task_propagate_pointer (G_TASK (result), error); }
MiriamProgressGroup *miriam_store_load_progress_cohort (MiriamStore *self, gint64 cohort_id, GError **error)
{ not_yet (error); return NULL; }
GPtrArray *miriam_store_load_progress_cohorts (MiriamStore *self, GError **error)
{ not_yet (error); return NULL; }
void miriam_store_load_progress_cohorts_async (MiriamStore *self, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data)
{ g_task_report_new_error (self, callback, user_data, NULL, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN, "not yet"); }
GPtrArray *miriam_store_load_progress_cohorts_finish (MiriamStore *self, GAsyncResult *result, GError **error)
{ return g_task_propagate_pointer (G_TASK (result), error); }
