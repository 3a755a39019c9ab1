/* miriam-store-progress.c: measurements, scores and the figures of a group
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measurement is one user action: the moment and its scores on every
 * life domain land in one transaction, so a colleague never sees a
 * baseline with half its scores.  "Not applicable" is stored as NULL,
 * never as 0, so that no mean ever counts it.  The charts read a whole
 * group (members, measurements, sessions, attendance) in one read
 * transaction, so that a colleague's save cannot land between its parts.
 */
#define G_LOG_DOMAIN "miriam-store"

#include "config.h"

#include "miriam-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

/* Ends a loop of sqlite3_step(): TRUE when every row was read. */
static gboolean
rows_done (MiriamStore   *self,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_ref (sqlite3_stmt *stmt,
          int           index,
          gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static GDate
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return today;
}

/* ---------------------------------------------------------------------- */
/* Life domains per OCMW                                                    */

static gboolean
read_domains (MiriamStore  *self,
              sqlite3_stmt *stmt,
              GPtrArray    *domains,
              GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamLifeDomain *domain = miriam_life_domain_new ((const char *) sqlite3_column_text (stmt, 0));

      set_string (&domain->label_nl, (const char *) sqlite3_column_text (stmt, 1));
      set_string (&domain->label_fr, (const char *) sqlite3_column_text (stmt, 2));
      set_string (&domain->label_de, (const char *) sqlite3_column_text (stmt, 3));
      domain->active = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (domains, domain);
    }
  return rows_done (self, stmt, rc, error);
}

/* The OCMW's own list, or the method's active domains when it never
 * chose (ocmw_id 0: always the method's).  Store thread. */
static GPtrArray *
select_ocmw_domains (MiriamStore  *self,
                     gint64        ocmw_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) domains = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_life_domain_free);
  sqlite3_stmt *stmt;

  stmt = miriam_store_prepare (self,
                               "SELECT d.code, d.label_nl, d.label_fr, d.label_de, o.active "
                               "FROM ocmw_life_domain o JOIN life_domain d ON d.code = o.domain "
                               "WHERE o.ocmw_id = ? ORDER BY o.position, d.position, d.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ocmw_id);
  if (!read_domains (self, stmt, domains, error))
    return NULL;
  if (domains->len > 0)
    return g_steal_pointer (&domains);

  stmt = miriam_store_prepare (self,
                               "SELECT code, label_nl, label_fr, label_de, active FROM life_domain "
                               "WHERE active = 1 ORDER BY position, code", error);
  if (stmt == NULL || !read_domains (self, stmt, domains, error))
    return NULL;
  return g_steal_pointer (&domains);
}

static gpointer
list_ocmw_domains_job (MiriamStore  *self,
                       gpointer      data,
                       GError      **error)
{
  GPtrArray *domains;
  gboolean own_tx;

  if (!miriam_store_check_open (self, error) || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  domains = select_ocmw_domains (self, *(gint64 *) data, error);
  miriam_store_read_end (self, own_tx);
  return domains;
}

GPtrArray *
miriam_store_list_ocmw_domains (MiriamStore  *self,
                                gint64        ocmw_id,
                                GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, list_ocmw_domains_job, &ocmw_id, error);
}

typedef struct
{
  gint64     ocmw_id;
  GPtrArray *domains;   /* copies, owned */
} DomainsJob;

/* Codes must be there and each named once; the caller's list is checked
 * before any lock is taken. */
static gboolean
check_domain_list (GPtrArray  *domains,
                   GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < domains->len; i++)
    {
      MiriamLifeDomain *domain = g_ptr_array_index (domains, i);

      if (!has_text (domain->code) || !g_hash_table_add (seen, domain->code))
        {
          g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                               _("Each life domain must appear once in the list. "
                                 "Nothing was saved."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
ocmw_exists (MiriamStore  *self,
             gint64        ocmw_id,
             gboolean     *exists,
             GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT 1 FROM ocmw WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ocmw_id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  return rows_done (self, stmt, rc, error);
}

/* A code the file does not know yet becomes a life domain of its own,
 * with its names; one it knows gets new names only when some are given
 * (the method's eleven come with none: their names are translated). */
static gboolean
write_life_domain (MiriamStore             *self,
                   const MiriamLifeDomain  *domain,
                   GError                 **error)
{
  gboolean named = has_text (domain->label_nl) || has_text (domain->label_fr)
                   || has_text (domain->label_de);
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT 1 FROM life_domain WHERE code = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, domain->code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }

  if (rc == SQLITE_DONE && !named)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           _("A life domain of your own needs a name in at least one language. "
                             "Nothing was saved."));
      return FALSE;
    }
  if (rc == SQLITE_ROW && !named)
    return TRUE;

  /* An OCMW's own domain stays out of the method's list (active = 0
   * there): other OCMWs of the file only score it if they choose it. */
  stmt = miriam_store_prepare (self, rc == SQLITE_DONE
                               ? "INSERT INTO life_domain (code, position, active, label_nl, label_fr, label_de) "
                                 "VALUES (?1, (SELECT COALESCE (MAX (position), 0) + 1 FROM life_domain), 0, "
                                 "  ?2, ?3, ?4)"
                               : "UPDATE life_domain SET label_nl = ?2, label_fr = ?3, label_de = ?4 "
                                 "WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, domain->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, domain->label_nl != NULL ? domain->label_nl : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, domain->label_fr != NULL ? domain->label_fr : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, domain->label_de != NULL ? domain->label_de : "", -1, SQLITE_TRANSIENT);
  return miriam_store_step_done (self, stmt, error);
}

static gboolean
insert_ocmw_domain (MiriamStore  *self,
                    gint64        ocmw_id,
                    const char   *code,
                    guint         position,
                    gboolean      active,
                    GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "INSERT INTO ocmw_life_domain "
                                                   "(ocmw_id, domain, position, active) "
                                                   "VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ocmw_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) position);
  sqlite3_bind_int (stmt, 4, active ? 1 : 0);
  return miriam_store_step_done (self, stmt, error);
}

static gboolean
in_list (GPtrArray  *domains,
         const char *code)
{
  for (guint i = 0; i < domains->len; i++)
    if (g_str_equal (((MiriamLifeDomain *) g_ptr_array_index (domains, i))->code, code))
      return TRUE;
  return FALSE;
}

static gboolean
write_ocmw_domains (MiriamStore  *self,
                    DomainsJob   *job,
                    GError      **error)
{
  g_autoptr(GPtrArray) before = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  guint position = 0;

  if (!ocmw_exists (self, job->ocmw_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                           _("This OCMW is no longer in the database."));
      return FALSE;
    }
  if (!(before = select_ocmw_domains (self, job->ocmw_id, error)))
    return FALSE;

  for (guint i = 0; i < job->domains->len; i++)
    if (!write_life_domain (self, g_ptr_array_index (job->domains, i), error))
      return FALSE;

  if (!(stmt = miriam_store_prepare (self, "DELETE FROM ocmw_life_domain WHERE ocmw_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->ocmw_id);
  if (!miriam_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < job->domains->len; i++)
    {
      MiriamLifeDomain *domain = g_ptr_array_index (job->domains, i);

      if (!insert_ocmw_domain (self, job->ocmw_id, domain->code, ++position, domain->active, error))
        return FALSE;
    }

  /* A domain left out of the new list is switched off, never dropped:
   * its scores stay, and so does its place at the end of the list. */
  for (guint i = 0; i < before->len; i++)
    {
      MiriamLifeDomain *domain = g_ptr_array_index (before, i);

      if (!in_list (job->domains, domain->code)
          && !insert_ocmw_domain (self, job->ocmw_id, domain->code, ++position, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
save_ocmw_domains_job (MiriamStore  *self,
                       gpointer      data,
                       GError      **error)
{
  DomainsJob *job = data;

  if (!check_domain_list (job->domains, error) || !miriam_store_begin (self, error))
    return NULL;
  if (!write_ocmw_domains (self, job, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
miriam_store_save_ocmw_domains (MiriamStore  *self,
                                gint64        ocmw_id,
                                GPtrArray    *domains,
                                GError      **error)
{
  DomainsJob job = { ocmw_id, NULL };
  gboolean ok;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (domains != NULL, FALSE);

  job.domains = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_life_domain_free);
  for (guint i = 0; i < domains->len; i++)
    g_ptr_array_add (job.domains, miriam_life_domain_copy (g_ptr_array_index (domains, i)));
  ok = miriam_store_run_sync (self, save_ocmw_domains_job, &job, error) != NULL;
  g_ptr_array_unref (job.domains);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Measurements                                                             */

void
miriam_scored_measurement_free (MiriamScoredMeasurement *m)
{
  if (m == NULL)
    return;
  if (m->measurement != NULL)
    miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m->measurement);
  g_clear_pointer (&m->scores, g_hash_table_unref);
  g_free (m->scored_by_name);
  g_free (m);
}

static GHashTable *
scores_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
is_score (int score)
{
  return score >= MIRIAM_SCORE_MIN && score <= MIRIAM_SCORE_MAX;
}

/* The staff names of the measurements' scorers, by staff id. */
static GHashTable *
read_scorer_names (MiriamStore  *self,
                   gint64        participant_id,
                   GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT DISTINCT st.id, st.display_name FROM measurement m "
                               "JOIN staff st ON st.id = m.scored_by WHERE m.participant_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), column_dup (stmt, 1));
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

/* Measurement id -> its scores (code -> 1..5); NULL scores stay out. */
static GHashTable *
read_participant_scores (MiriamStore  *self,
                         gint64        participant_id,
                         GError      **error)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_hash_table_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT s.measurement_id, s.domain, s.score FROM score s "
                               "JOIN measurement m ON m.id = s.measurement_id "
                               "WHERE m.participant_id = ? AND s.score IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GHashTable *scores = g_hash_table_lookup (all, &id);
      int score = sqlite3_column_int (stmt, 2);

      if (!is_score (score))
        continue;
      if (scores == NULL)
        {
          scores = scores_new ();
          g_hash_table_insert (all, g_memdup2 (&id, sizeof id), scores);
        }
      g_hash_table_insert (scores, column_dup (stmt, 1), GINT_TO_POINTER (score));
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&all);
}

static gint
compare_measurements (gconstpointer a,
                      gconstpointer b)
{
  const MiriamMeasurement *ma = (*(MiriamScoredMeasurement * const *) a)->measurement;
  const MiriamMeasurement *mb = (*(MiriamScoredMeasurement * const *) b)->measurement;
  gboolean va = g_date_valid (&ma->day), vb = g_date_valid (&mb->day);
  int cmp = va && vb ? g_date_compare (&ma->day, &mb->day) : (va - vb);

  if (cmp == 0)
    cmp = (ma->row.id > mb->row.id) - (ma->row.id < mb->row.id);
  return cmp;
}

static gpointer
list_measurements_job (MiriamStore  *self,
                       gpointer      data,
                       GError      **error)
{
  gint64 participant_id = *(gint64 *) data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) scores = NULL;
  GPtrArray *result;
  gboolean own_tx;

  if (!miriam_store_check_open (self, error) || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  records = miriam_store_select_records (self, MIRIAM_RECORD_MEASUREMENT, "participant_id",
                                         participant_id, error);
  if (records != NULL)
    names = read_scorer_names (self, participant_id, error);
  if (names != NULL)
    scores = read_participant_scores (self, participant_id, error);
  miriam_store_read_end (self, own_tx);
  if (scores == NULL)
    return NULL;

  /* The records move into the result. */
  g_ptr_array_set_free_func (records, NULL);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_scored_measurement_free);
  for (guint i = 0; i < records->len; i++)
    {
      MiriamScoredMeasurement *m = g_new0 (MiriamScoredMeasurement, 1);
      gpointer key = NULL;
      const char *name;

      m->measurement = g_ptr_array_index (records, i);
      name = g_hash_table_lookup (names, &m->measurement->scored_by);
      m->scored_by_name = g_strdup (name != NULL ? name : "");
      if (g_hash_table_steal_extended (scores, &m->measurement->row.id, &key, (gpointer *) &m->scores))
        g_free (key);
      else
        m->scores = scores_new ();
      g_ptr_array_add (result, m);
    }
  g_ptr_array_sort (result, compare_measurements);
  return result;
}

GPtrArray *
miriam_store_list_measurements (MiriamStore  *self,
                                gint64        participant_id,
                                GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, list_measurements_job, &participant_id, error);
}

void
miriam_store_list_measurements_async (MiriamStore         *self,
                                      gint64               participant_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, list_measurements_job,
                          g_memdup2 (&participant_id, sizeof participant_id), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          miriam_store_list_measurements_async, cancellable, callback, user_data);
}

GPtrArray *
miriam_store_list_measurements_finish (MiriamStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_list_measurements_async, error);
}

typedef struct
{
  MiriamMeasurement *measurement;   /* a copy, owned */
  GHashTable        *scores;        /* a copy: code -> 0..5 */
} MeasurementJob;

static void
measurement_job_free (gpointer data)
{
  MeasurementJob *job = data;

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, job->measurement);
  g_hash_table_unref (job->scores);
  g_free (job);
}

static MeasurementJob *
measurement_job_new (const MiriamMeasurement *measurement,
                     GHashTable              *scores)
{
  MeasurementJob *job = g_new0 (MeasurementJob, 1);
  GHashTableIter iter;
  gpointer code, score;

  job->measurement = miriam_record_copy (MIRIAM_RECORD_MEASUREMENT, measurement);
  job->scores = scores_new ();
  if (scores != NULL)
    {
      g_hash_table_iter_init (&iter, scores);
      while (g_hash_table_iter_next (&iter, &code, &score))
        g_hash_table_insert (job->scores, g_strdup (code), score);
    }
  return job;
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID, message);
}

/* What can be told without the file: checked before any lock is taken. */
static gboolean
check_measurement (const MeasurementJob  *job,
                   GError               **error)
{
  const MiriamMeasurement *m = job->measurement;
  GHashTableIter iter;
  gpointer code, value;

  if (g_strcmp0 (m->kind, "baseline") != 0 && g_strcmp0 (m->kind, "intermediate") != 0
      && g_strcmp0 (m->kind, "final") != 0)
    {
      set_invalid (error, _("A measurement is a baseline, intermediate or final measurement. "
                            "Nothing was saved."));
      return FALSE;
    }
  if (!g_date_valid (&m->day))
    {
      set_invalid (error, _("A measurement needs the day it was taken. Nothing was saved."));
      return FALSE;
    }
  if (m->participant_id <= 0)
    {
      set_invalid (error, _("A measurement belongs to a participant. Nothing was saved."));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, job->scores);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      int score = GPOINTER_TO_INT (value);

      if (!has_text (code) || (score != MIRIAM_SCORE_NONE && !is_score (score)))
        {
          set_invalid (error, _("A score goes from 1 to 5, or the life domain is not applicable. "
                                "Nothing was saved."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_domain_codes (MiriamStore  *self,
                    GHashTable   *scores,
                    GError      **error)
{
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT 1 FROM life_domain WHERE code = ?",
                                                 error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          set_invalid (error, _("This measurement scores a life domain that is not in the "
                                "database. Nothing was saved."));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          miriam_store_set_error (self, rc, error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_second_error (const MiriamMeasurement  *m,
                  GError                  **error)
{
  gboolean baseline = g_str_equal (m->kind, "baseline");

  if (m->group_id > 0)
    set_invalid (error, baseline
                 ? _("She already has a baseline measurement in this group. "
                     "Open that one to change it.")
                 : _("She already has a final measurement in this group. "
                     "Open that one to change it."));
  else
    set_invalid (error, baseline
                 ? _("She already has a baseline measurement outside a group. "
                     "Open that one to change it.")
                 : _("She already has a final measurement outside a group. "
                     "Open that one to change it."));
}

/* At most one baseline and one final measurement per woman and group
 * (no group counts as a group of its own): a chart has one "before" and
 * one "after". */
static gboolean
check_only_one (MiriamStore              *self,
                const MiriamMeasurement  *m,
                GError                  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (g_str_equal (m->kind, "intermediate"))
    return TRUE;

  stmt = miriam_store_prepare (self,
                               "SELECT 1 FROM measurement WHERE participant_id = ?1 AND kind = ?2 "
                               "AND group_id IS ?3 AND id <> ?4 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->participant_id);
  sqlite3_bind_text (stmt, 2, m->kind, -1, SQLITE_TRANSIENT);
  bind_ref (stmt, 3, m->group_id);
  sqlite3_bind_int64 (stmt, 4, m->row.id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      set_second_error (m, error);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_scores (MiriamStore  *self,
                gint64        measurement_id,
                GHashTable   *scores,
                GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "DELETE FROM score WHERE measurement_id = ?", error);
  GHashTableIter iter;
  gpointer code, value;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, measurement_id);
  if (!miriam_store_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      int score = GPOINTER_TO_INT (value);

      if (!(stmt = miriam_store_prepare (self, "INSERT INTO score (measurement_id, domain, score) "
                                               "VALUES (?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, measurement_id);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
      if (is_score (score))
        sqlite3_bind_int (stmt, 3, score);
      else
        sqlite3_bind_null (stmt, 3);   /* not applicable: never a zero */
      if (!miriam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
staff_name (MiriamStore  *self,
            gint64        staff_id,
            GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT display_name FROM staff WHERE id = ?", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  rc = sqlite3_step (stmt);
  name = rc == SQLITE_ROW ? column_dup (stmt, 0) : g_strdup ("");
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  if (!rows_done (self, stmt, rc, error))
    g_clear_pointer (&name, g_free);
  return name;
}

/* The writes of one save, the version check first (inside
 * miriam_store_write_record), so that a conflict costs nothing. */
static MiriamScoredMeasurement *
write_measurement (MiriamStore     *self,
                   MeasurementJob  *job,
                   const char      *now,
                   const char      *user,
                   GError         **error)
{
  MiriamMeasurement *m = job->measurement;
  g_autoptr(GHashTable) saved_scores = scores_new ();
  MiriamScoredMeasurement *result;
  GHashTableIter iter;
  gpointer code, value;
  char *name;

  if (!check_domain_codes (self, job->scores, error)
      || !miriam_store_write_record (self, MIRIAM_RECORD_MEASUREMENT, m, now, user, error)
      || !check_only_one (self, m, error)
      || !replace_scores (self, m->row.id, job->scores, error)
      || !(name = staff_name (self, m->scored_by, error)))
    return NULL;
  set_string (&m->row.updated_at, now);
  set_string (&m->row.updated_by, user);

  g_hash_table_iter_init (&iter, job->scores);
  while (g_hash_table_iter_next (&iter, &code, &value))
    if (is_score (GPOINTER_TO_INT (value)))
      g_hash_table_insert (saved_scores, g_strdup (code), value);

  result = g_new0 (MiriamScoredMeasurement, 1);
  result->measurement = miriam_record_copy (MIRIAM_RECORD_MEASUREMENT, m);
  result->scores = g_steal_pointer (&saved_scores);
  result->scored_by_name = name;
  return result;
}

static gpointer
save_measurement_job (MiriamStore  *self,
                      gpointer      data,
                      GError      **error)
{
  MeasurementJob *job = data;
  g_autofree char *now = miriam_store_now ();
  g_autofree char *user = miriam_store_dup_user_name (self);
  MiriamScoredMeasurement *result;

  if (!check_measurement (job, error) || !miriam_store_begin (self, error))
    return NULL;
  if (!(result = write_measurement (self, job, now, user, error)))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    {
      miriam_scored_measurement_free (result);
      return NULL;
    }
  return result;
}

gboolean
miriam_store_save_measurement (MiriamStore        *self,
                               MiriamMeasurement  *measurement,
                               GHashTable         *scores,
                               GError            **error)
{
  MeasurementJob *job;
  MiriamScoredMeasurement *saved;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);

  /* The job works on copies: on failure the caller's measurement is left
   * exactly as it was. */
  job = measurement_job_new (measurement, scores);
  saved = miriam_store_run_sync (self, save_measurement_job, job, error);
  measurement_job_free (job);
  if (saved == NULL)
    return FALSE;

  measurement->row.id = saved->measurement->row.id;
  measurement->row.version = saved->measurement->row.version;
  set_string (&measurement->row.updated_at, saved->measurement->row.updated_at);
  set_string (&measurement->row.updated_by, saved->measurement->row.updated_by);
  miriam_scored_measurement_free (saved);
  return TRUE;
}

void
miriam_store_save_measurement_async (MiriamStore              *self,
                                     const MiriamMeasurement  *measurement,
                                     GHashTable               *scores,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (measurement != NULL);

  miriam_store_run_async (self, save_measurement_job, measurement_job_new (measurement, scores),
                          measurement_job_free, (GDestroyNotify) miriam_scored_measurement_free,
                          miriam_store_save_measurement_async, cancellable, callback, user_data);
}

MiriamScoredMeasurement *
miriam_store_save_measurement_finish (MiriamStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_save_measurement_async, error);
}

typedef struct
{
  gint64 id;
  gint64 version;
} DeleteJob;

static gboolean
delete_measurement_rows (MiriamStore  *self,
                         DeleteJob    *job,
                         GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT version FROM measurement WHERE id = ?", error);
  gint64 version = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                           _("A colleague removed this measurement already."));
      return FALSE;
    }
  if (version != job->version)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT,
                           _("A colleague changed this measurement in the meantime, so it was not "
                             "removed. Look at it again before removing it."));
      return FALSE;
    }

  /* The scores first: they refer to the measurement. */
  if (!(stmt = miriam_store_prepare (self, "DELETE FROM score WHERE measurement_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  if (!miriam_store_step_done (self, stmt, error))
    return FALSE;
  if (!(stmt = miriam_store_prepare (self, "DELETE FROM measurement WHERE id = ? AND version = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_int64 (stmt, 2, job->version);
  return miriam_store_step_done (self, stmt, error);
}

static gpointer
delete_measurement_job (MiriamStore  *self,
                        gpointer      data,
                        GError      **error)
{
  if (!miriam_store_begin (self, error))
    return NULL;
  if (!delete_measurement_rows (self, data, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
miriam_store_delete_measurement (MiriamStore  *self,
                                 gint64        id,
                                 gint64        version,
                                 GError      **error)
{
  DeleteJob job = { id, version };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return miriam_store_run_sync (self, delete_measurement_job, &job, error) != NULL;
}

/* ---------------------------------------------------------------------- */
/* The figures of a group or a cohort                                       */

/* Every query below runs for one group or for all groups of one cohort:
 * "@SCOPE@" becomes the condition on coaching_group g, with ?1 its id. */
static char *
scoped_sql (const char *sql,
            gboolean    cohort)
{
  g_auto(GStrv) parts = g_strsplit (sql, "@SCOPE@", -1);

  return g_strjoinv (cohort ? "g.cohort_id = ?1" : "g.id = ?1", parts);
}

static sqlite3_stmt *
prepare_scoped (MiriamStore  *self,
                const char   *sql,
                gboolean      cohort,
                gint64        id,
                GError      **error)
{
  g_autofree char *text = scoped_sql (sql, cohort);
  sqlite3_stmt *stmt = miriam_store_prepare (self, text, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

/* One woman while the figures are read. */
typedef struct
{
  MiriamProgressParticipant *p;
  char   *last_key;
  char   *first_key;
  GDate   joined;      /* group only: her membership, for attendance */
  GDate   left;
  /* The measurements chosen so far: in the scope's groups, or without a
   * group (the fallback). */
  gint64  baseline[2], final[2], intermediate[2];
  GDate   baseline_day[2], final_day[2], intermediate_day[2];
} Woman;

static void
woman_free (gpointer data)
{
  Woman *w = data;

  miriam_progress_participant_free (w->p);
  g_free (w->last_key);
  g_free (w->first_key);
  g_free (w);
}

typedef struct
{
  gboolean             cohort;
  gint64               id;
  GDate                today;
  MiriamProgressGroup *group;
  gint64               ocmw_id;
  GPtrArray           *women;        /* Woman */
  GHashTable          *by_id;        /* participant id -> Woman */
} Reading;

static gboolean
read_group_header (MiriamStore  *self,
                   Reading      *r,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT g.name, g.ocmw_id, o.name, c.label, g.start_date, g.end_date "
                               "FROM coaching_group g JOIN ocmw o ON o.id = g.ocmw_id "
                               "JOIN cohort c ON c.id = g.cohort_id WHERE g.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      set_string (&r->group->group_name, (const char *) sqlite3_column_text (stmt, 0));
      r->ocmw_id = sqlite3_column_int64 (stmt, 1);
      set_string (&r->group->ocmw_name, (const char *) sqlite3_column_text (stmt, 2));
      set_string (&r->group->cohort_label, (const char *) sqlite3_column_text (stmt, 3));
      miriam_store_read_date (stmt, 4, &r->group->start_date);
      miriam_store_read_date (stmt, 5, &r->group->end_date);
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                           _("This group is no longer in the database; a colleague may have "
                             "removed it."));
      return FALSE;
    }
  return rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

/* A cohort's OCMW is its first group's; a cohort without groups yet
 * shows the file's first OCMW. */
static gboolean
read_cohort_header (MiriamStore  *self,
                    Reading      *r,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT c.label, c.start_date, c.end_date, o.id, o.name FROM cohort c "
                               "LEFT JOIN ocmw o ON o.id = COALESCE ("
                               "  (SELECT g.ocmw_id FROM coaching_group g WHERE g.cohort_id = c.id "
                               "   ORDER BY g.id LIMIT 1), "
                               "  (SELECT MIN (id) FROM ocmw)) "
                               "WHERE c.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      set_string (&r->group->cohort_label, (const char *) sqlite3_column_text (stmt, 0));
      miriam_store_read_date (stmt, 1, &r->group->start_date);
      miriam_store_read_date (stmt, 2, &r->group->end_date);
      r->ocmw_id = sqlite3_column_int64 (stmt, 3);
      set_string (&r->group->ocmw_name, (const char *) sqlite3_column_text (stmt, 4));
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                           _("This cohort is no longer in the database; a colleague may have "
                             "removed it."));
      return FALSE;
    }
  return rows_done (self, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

typedef struct
{
  char *key;
  char *name;
} NameKey;

static gint
compare_name_keys (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const NameKey *) a)->key, ((const NameKey *) b)->key);
}

/* "Élise Dubois, Sofie Peeters": by name, as the participant list. */
static gboolean
read_casemanagers (MiriamStore  *self,
                   Reading      *r,
                   GError      **error)
{
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (NameKey));
  g_autoptr(GString) joined = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_scoped (self,
                         "SELECT DISTINCT s.id, s.display_name FROM group_staff gs "
                         "JOIN staff s ON s.id = gs.staff_id "
                         "JOIN coaching_group g ON g.id = gs.group_id WHERE @SCOPE@",
                         r->cohort, r->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NameKey k = { NULL, column_dup (stmt, 1) };

      k.key = miriam_store_name_sort_key (k.name);
      g_array_append_val (names, k);
    }
  if (!rows_done (self, stmt, rc, error))
    {
      for (guint i = 0; i < names->len; i++)
        {
          g_free (g_array_index (names, NameKey, i).key);
          g_free (g_array_index (names, NameKey, i).name);
        }
      return FALSE;
    }

  g_array_sort (names, compare_name_keys);
  for (guint i = 0; i < names->len; i++)
    {
      NameKey *k = &g_array_index (names, NameKey, i);

      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, k->name);
      g_free (k->key);
      g_free (k->name);
    }
  set_string (&r->group->casemanagers, joined->str);
  return TRUE;
}

/* The OCMW's active domains, in its order, labelled in the current
 * language. */
static gboolean
read_active_domains (MiriamStore  *self,
                     Reading      *r,
                     GError      **error)
{
  g_autoptr(GPtrArray) domains = select_ocmw_domains (self, r->ocmw_id, error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  guint n = 0;

  if (domains == NULL)
    return FALSE;
  for (guint i = 0; i < domains->len; i++)
    {
      MiriamLifeDomain *domain = g_ptr_array_index (domains, i);

      if (!domain->active)
        continue;
      g_strv_builder_add (codes, domain->code);
      g_strv_builder_add (labels, miriam_life_domain_label (domain));
      n++;
    }
  g_strfreev (r->group->domain_codes);
  r->group->domain_codes = g_strv_builder_end (codes);
  g_strfreev (r->group->domain_labels);
  r->group->domain_labels = g_strv_builder_end (labels);
  r->group->n_domains = n;
  return TRUE;
}

/* "Fatima El Idrissi", or just one of the names when the other is empty. */
static char *
full_name (const char *first,
           const char *last)
{
  char *name = g_strjoin (" ", first, last, NULL);

  return g_strstrip (name);
}

static void
append_initial (GString    *out,
                const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (trimmed)));
  g_string_append_c (out, '.');
}

/* "F. E." */
static char *
initials (const char *first,
          const char *last)
{
  GString *out = g_string_new (NULL);

  append_initial (out, first);
  append_initial (out, last);
  return g_string_free (out, FALSE);
}

/* Everyone who was ever a member of the scope's groups, once. */
static gboolean
read_women (MiriamStore  *self,
            Reading      *r,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_scoped (self,
                         "SELECT p.id, p.first_name, p.last_name, m.joined_on, m.left_on "
                         "FROM membership m JOIN coaching_group g ON g.id = m.group_id "
                         "JOIN participant p ON p.id = m.participant_id WHERE @SCOPE@",
                         r->cohort, r->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *first = (const char *) sqlite3_column_text (stmt, 1);
      const char *last = (const char *) sqlite3_column_text (stmt, 2);
      Woman *w;

      if (g_hash_table_contains (r->by_id, &id))
        continue;   /* in two groups of the cohort: counted once */
      w = g_new0 (Woman, 1);
      w->p = miriam_progress_participant_new (r->group->n_domains);
      w->p->participant_id = id;
      g_free (w->p->name);
      w->p->name = full_name (first != NULL ? first : "", last != NULL ? last : "");
      g_free (w->p->initials);
      w->p->initials = initials (first != NULL ? first : "", last != NULL ? last : "");
      w->last_key = miriam_store_name_sort_key (last);
      w->first_key = miriam_store_name_sort_key (first);
      miriam_store_read_date (stmt, 3, &w->joined);
      miriam_store_read_date (stmt, 4, &w->left);
      for (guint i = 0; i < 2; i++)
        {
          g_date_clear (&w->baseline_day[i], 1);
          g_date_clear (&w->final_day[i], 1);
          g_date_clear (&w->intermediate_day[i], 1);
        }
      g_ptr_array_add (r->women, w);
      g_hash_table_insert (r->by_id, &w->p->participant_id, w);
    }
  return rows_done (self, stmt, rc, error);
}

/* Her measurements: the scope's groups first, those without a group when
 * there are none.  Rows come oldest first: a baseline keeps the first,
 * an intermediate or final measurement the last. */
#define MEASUREMENTS_IN_SCOPE \
  "m.participant_id IN (SELECT ms.participant_id FROM membership ms " \
  "  JOIN coaching_group g ON g.id = ms.group_id WHERE @SCOPE@) " \
  "AND (m.group_id IS NULL OR m.group_id IN (SELECT g.id FROM coaching_group g WHERE @SCOPE@))"

static void
choose_measurement (Woman       *w,
                    const char  *kind,
                    guint        slot,
                    gint64       id,
                    const GDate *day)
{
  if (g_strcmp0 (kind, "baseline") == 0)
    {
      if (w->baseline[slot] == 0)
        {
          w->baseline[slot] = id;
          w->baseline_day[slot] = *day;
        }
    }
  else if (g_strcmp0 (kind, "final") == 0)
    {
      w->final[slot] = id;
      w->final_day[slot] = *day;
    }
  else if (g_strcmp0 (kind, "intermediate") == 0)
    {
      w->intermediate[slot] = id;
      w->intermediate_day[slot] = *day;
    }
}

static gboolean
read_measurements (MiriamStore  *self,
                   Reading      *r,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_scoped (self,
                         "SELECT m.id, m.participant_id, m.group_id IS NULL, m.kind, m.day "
                         "FROM measurement m WHERE " MEASUREMENTS_IN_SCOPE " "
                         "ORDER BY m.day, m.id", r->cohort, r->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 participant_id = sqlite3_column_int64 (stmt, 1);
      Woman *w = g_hash_table_lookup (r->by_id, &participant_id);
      GDate day;

      if (w == NULL)
        continue;
      miriam_store_read_date (stmt, 4, &day);
      choose_measurement (w, (const char *) sqlite3_column_text (stmt, 3),
                          sqlite3_column_int (stmt, 2) != 0 ? 1 : 0,
                          sqlite3_column_int64 (stmt, 0), &day);
    }
  return rows_done (self, stmt, rc, error);
}

/* Measurement id -> (domain index + 1 -> score), for the chosen ones. */
static GHashTable *
read_scores (MiriamStore  *self,
             Reading      *r,
             GError      **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = MAX (r->group->n_domains, 1);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < r->group->n_domains; i++)
    g_hash_table_insert (index, r->group->domain_codes[i], GUINT_TO_POINTER (i + 1));

  stmt = prepare_scoped (self,
                         "SELECT s.measurement_id, s.domain, s.score FROM score s "
                         "JOIN measurement m ON m.id = s.measurement_id "
                         "WHERE s.score IS NOT NULL AND " MEASUREMENTS_IN_SCOPE,
                         r->cohort, r->id, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (index, sqlite3_column_text (stmt, 1)));
      int score = sqlite3_column_int (stmt, 2);
      guint8 *row;

      /* A domain the OCMW switched off keeps its scores, out of sight. */
      if (d == 0 || !is_score (score))
        continue;
      row = g_hash_table_lookup (scores, &id);
      if (row == NULL)
        {
          row = g_malloc0 (n);
          g_hash_table_insert (scores, g_memdup2 (&id, sizeof id), row);
        }
      row[d - 1] = (guint8) score;
    }
  if (!rows_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&scores);
}

/* The measurement's scores per domain index (all "none" when it has
 * none), or NULL when she has no such measurement. */
static guint8 *
scores_of (GHashTable *scores,
           guint       n_domains,
           gint64      id)
{
  const guint8 *row;

  if (id == 0)
    return NULL;
  row = g_hash_table_lookup (scores, &id);
  return row != NULL ? g_memdup2 (row, MAX (n_domains, 1)) : g_malloc0 (MAX (n_domains, 1));
}

static void
fill_measurements (Reading    *r,
                   GHashTable *scores)
{
  guint n = r->group->n_domains;

  for (guint i = 0; i < r->women->len; i++)
    {
      Woman *w = g_ptr_array_index (r->women, i);
      guint b = w->baseline[0] != 0 ? 0 : 1;
      guint f = w->final[0] != 0 ? 0 : 1;
      guint m = w->intermediate[0] != 0 ? 0 : 1;

      w->p->baseline = scores_of (scores, n, w->baseline[b]);
      w->p->baseline_day = w->baseline_day[b];
      w->p->final = scores_of (scores, n, w->final[f]);
      w->p->final_day = w->final_day[f];
      w->p->intermediate = scores_of (scores, n, w->intermediate[m]);
      w->p->intermediate_day = w->intermediate_day[m];
    }
}

/* The group's sessions held so far (not cancelled, on or before today),
 * and everyone's marks at them. */
static gboolean
read_attendance (MiriamStore  *self,
                 Reading      *r,
                 GError      **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *days = r->group->session_days;
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT id, day FROM session WHERE group_id = ?1 AND cancelled = 0 "
                               "AND day <= ?2 ORDER BY day, start_minute, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  miriam_store_bind_date (stmt, 2, &r->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GDate day;

      miriam_store_read_date (stmt, 1, &day);
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (days->len));
      g_array_append_val (days, day);
    }
  if (!rows_done (self, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < r->women->len; i++)
    {
      Woman *w = g_ptr_array_index (r->women, i);

      g_array_set_size (w->p->attendance, days->len);   /* zeroed: UNKNOWN */
    }

  stmt = miriam_store_prepare (self,
                               "SELECT a.session_id, a.participant_id, a.status FROM attendance a "
                               "JOIN session s ON s.id = a.session_id "
                               "WHERE s.group_id = ?1 AND s.cancelled = 0 AND s.day <= ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  miriam_store_bind_date (stmt, 2, &r->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      gint64 participant_id = sqlite3_column_int64 (stmt, 1);
      Woman *w = g_hash_table_lookup (r->by_id, &participant_id);
      gpointer value;
      const GDate *day;
      guint s;

      if (w == NULL || !g_hash_table_lookup_extended (index, &session_id, NULL, &value))
        continue;
      s = GPOINTER_TO_UINT (value);
      day = &g_array_index (days, GDate, s);
      /* Only while she was a member: before she joined or after she
       * left, the session was not hers. */
      if ((g_date_valid (&w->joined) && g_date_compare (day, &w->joined) < 0)
          || (g_date_valid (&w->left) && g_date_compare (day, &w->left) > 0))
        continue;
      g_array_index (w->p->attendance, MiriamAttendance, s) =
        miriam_attendance_from_code ((const char *) sqlite3_column_text (stmt, 2));
    }
  return rows_done (self, stmt, rc, error);
}

static gint
compare_women (gconstpointer a,
               gconstpointer b)
{
  const Woman *wa = *(Woman * const *) a, *wb = *(Woman * const *) b;
  int cmp = strcmp (wa->last_key, wb->last_key);

  if (cmp == 0)
    cmp = strcmp (wa->first_key, wb->first_key);
  if (cmp == 0)
    cmp = (wa->p->participant_id > wb->p->participant_id)
          - (wa->p->participant_id < wb->p->participant_id);
  return cmp;
}

/* The women go into the group in name order; for a cohort, without
 * attendance (its groups' sessions are not one series). */
static void
hand_over_women (Reading *r)
{
  g_ptr_array_sort (r->women, compare_women);
  for (guint i = 0; i < r->women->len; i++)
    {
      Woman *w = g_ptr_array_index (r->women, i);

      if (r->cohort)
        g_clear_pointer (&w->p->attendance, g_array_unref);
      g_ptr_array_add (r->group->participants, g_steal_pointer (&w->p));
    }
}

/* Store thread, inside a read transaction. */
static MiriamProgressGroup *
read_progress (MiriamStore  *self,
               gboolean      cohort,
               gint64        id,
               const GDate  *today,
               GError      **error)
{
  g_autoptr(GPtrArray) women = g_ptr_array_new_with_free_func (woman_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(MiriamProgressGroup) group = miriam_progress_group_new ();
  g_autoptr(GHashTable) scores = NULL;
  Reading r = { cohort, id, *today, group, 0, women, by_id };

  if (!(cohort ? read_cohort_header (self, &r, error) : read_group_header (self, &r, error))
      || !read_casemanagers (self, &r, error)
      || !read_active_domains (self, &r, error)
      || !read_women (self, &r, error)
      || !read_measurements (self, &r, error)
      || !(scores = read_scores (self, &r, error))
      || (!cohort && !read_attendance (self, &r, error)))
    return NULL;

  fill_measurements (&r, scores);
  hand_over_women (&r);
  return g_steal_pointer (&group);
}

typedef struct
{
  gboolean cohort;
  gint64   id;
  GDate    today;
} ProgressJob;

static ProgressJob *
progress_job_new (gboolean cohort,
                  gint64   id)
{
  ProgressJob *job = g_new0 (ProgressJob, 1);

  job->cohort = cohort;
  job->id = id;
  job->today = today_local ();
  return job;
}

static gpointer
load_progress_job (MiriamStore  *self,
                   gpointer      data,
                   GError      **error)
{
  ProgressJob *job = data;
  MiriamProgressGroup *group;
  gboolean own_tx;

  if (!miriam_store_check_open (self, error) || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  group = read_progress (self, job->cohort, job->id, &job->today, error);
  miriam_store_read_end (self, own_tx);
  return group;
}

MiriamProgressGroup *
miriam_store_load_progress_group (MiriamStore  *self,
                                  gint64        group_id,
                                  GError      **error)
{
  g_autofree ProgressJob *job = NULL;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  job = progress_job_new (FALSE, group_id);
  return miriam_store_run_sync (self, load_progress_job, job, error);
}

void
miriam_store_load_progress_group_async (MiriamStore         *self,
                                        gint64               group_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, load_progress_job, progress_job_new (FALSE, group_id), g_free,
                          (GDestroyNotify) miriam_progress_group_free,
                          miriam_store_load_progress_group_async, cancellable, callback, user_data);
}

MiriamProgressGroup *
miriam_store_load_progress_group_finish (MiriamStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_load_progress_group_async, error);
}

MiriamProgressGroup *
miriam_store_load_progress_cohort (MiriamStore  *self,
                                   gint64        cohort_id,
                                   GError      **error)
{
  g_autofree ProgressJob *job = NULL;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  job = progress_job_new (TRUE, cohort_id);
  return miriam_store_run_sync (self, load_progress_job, job, error);
}

static gboolean
read_cohort_ids (MiriamStore  *self,
                 GArray       *ids,
                 GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT id FROM cohort ORDER BY start_date, id",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rows_done (self, stmt, rc, error);
}

static gpointer
load_cohorts_job (MiriamStore  *self,
                  gpointer      data,
                  GError      **error)
{
  ProgressJob *job = data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  gboolean own_tx, ok;

  if (!miriam_store_check_open (self, error) || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  /* All cohorts in one read: side by side, they are figures of one
   * moment. */
  ok = read_cohort_ids (self, ids, error);
  for (guint i = 0; ok && i < ids->len; i++)
    {
      MiriamProgressGroup *cohort = read_progress (self, TRUE, g_array_index (ids, gint64, i),
                                                   &job->today, error);

      ok = cohort != NULL;
      if (ok)
        g_ptr_array_add (cohorts, cohort);
    }
  miriam_store_read_end (self, own_tx);
  return ok ? g_steal_pointer (&cohorts) : NULL;
}

GPtrArray *
miriam_store_load_progress_cohorts (MiriamStore  *self,
                                    GError      **error)
{
  g_autofree ProgressJob *job = NULL;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  job = progress_job_new (TRUE, 0);
  return miriam_store_run_sync (self, load_cohorts_job, job, error);
}

void
miriam_store_load_progress_cohorts_async (MiriamStore         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, load_cohorts_job, progress_job_new (TRUE, 0), g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          miriam_store_load_progress_cohorts_async, cancellable, callback, user_data);
}

GPtrArray *
miriam_store_load_progress_cohorts_finish (MiriamStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_load_progress_cohorts_async, error);
}
