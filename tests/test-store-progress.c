/* test-store-progress.c: measurements, life domains and progress figures in the store
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measurement with its scores saved as one action ("not applicable" is
 * NULL, never 0), a colleague's earlier save, the one-baseline rule,
 * scores that are refused as a whole, the OCMW's own list of life
 * domains, and the figures of a group and of whole cohorts as the charts
 * get them.  Every test works in its own temporary folder; sqlite3 is used
 * directly only to look at a file.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/miriam-language.h"
#include "store/miriam-store.h"
#include "miriam-test-utils.h"

#define DB_NAME "team.miriam"

typedef struct
{
  char        *dir;
  char        *path;
  MiriamStore *store;
  gint64       ocmw_id;
  gint64       staff_id;
  gint64       cohort_id;
  gint64       group_id;
  gint64       participant_id;
} Fixture;

/* ---------------------------------------------------------------------- */
/* Looking at a file directly                                               */

/* ---------------------------------------------------------------------- */
/* Records                                                                  */

static gint64
add_ocmw (MiriamStore *store,
          const char  *name)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);

  take_text (&ocmw->name, name);
  return save_and_free (store, MIRIAM_RECORD_OCMW, ocmw);
}

static gint64
add_staff (MiriamStore *store,
           gint64       ocmw_id,
           const char  *name)
{
  MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);

  staff->ocmw_id = ocmw_id;
  take_text (&staff->display_name, name);
  return save_and_free (store, MIRIAM_RECORD_STAFF, staff);
}

static gint64
add_cohort (MiriamStore *store,
            const char  *label,
            GDate        start,
            GDate        end)
{
  MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);

  take_text (&cohort->label, label);
  cohort->start_date = start;
  cohort->end_date = end;
  return save_and_free (store, MIRIAM_RECORD_COHORT, cohort);
}

static gint64
add_group (MiriamStore  *store,
           gint64        ocmw_id,
           gint64        cohort_id,
           const char   *name,
           GDate         start,
           GDate         end,
           const gint64 *staff_ids,
           guint         n_staff)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  g_autoptr(GError) error = NULL;
  gint64 id;

  group->ocmw_id = ocmw_id;
  group->cohort_id = cohort_id;
  take_text (&group->name, name);
  group->start_date = start;
  group->end_date = end;
  g_assert_true (miriam_store_save_group (store, group, staff_ids, n_staff, NULL, &error));
  g_assert_no_error (error);
  id = group->row.id;
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  return id;
}

static gint64
add_participant (MiriamStore *store,
                 gint64       ocmw_id,
                 const char  *first_name,
                 const char  *last_name)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

  p->ocmw_id = ocmw_id;
  take_text (&p->first_name, first_name);
  take_text (&p->last_name, last_name);
  return save_and_free (store, MIRIAM_RECORD_PARTICIPANT, p);
}

static void
add_membership (MiriamStore *store,
                gint64       participant_id,
                gint64       group_id,
                GDate        joined,
                const GDate *left)
{
  MiriamMembership *m = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);

  m->participant_id = participant_id;
  m->group_id = group_id;
  m->joined_on = joined;
  if (left != NULL)
    m->left_on = *left;
  save_and_free (store, MIRIAM_RECORD_MEMBERSHIP, m);
}

static gint64
add_session (MiriamStore *store,
             gint64       group_id,
             GDate        when,
             int          start,
             gboolean     cancelled)
{
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

  session->group_id = group_id;
  session->day = when;
  session->start_minute = start;
  session->end_minute = start + 120;
  session->cancelled = cancelled;
  take_text (&session->theme, "budget");
  return save_and_free (store, MIRIAM_RECORD_SESSION, session);
}

static void
mark (MiriamStore      *store,
      gint64            session_id,
      gint64            participant_id,
      MiriamAttendance  what)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (miriam_store_set_attendance (store, session_id, 1, &participant_id, &what, &error));
  g_assert_no_error (error);
}

static MiriamMeasurement *
new_measurement (gint64       participant_id,
                 gint64       group_id,
                 const char  *kind,
                 GDate        when,
                 gint64       scored_by)
{
  MiriamMeasurement *m = miriam_record_new (MIRIAM_RECORD_MEASUREMENT);

  m->participant_id = participant_id;
  m->group_id = group_id;
  take_text (&m->kind, kind);
  m->day = when;
  m->scored_by = scored_by;
  return m;
}

/* "finances=3 work=0 ..." -> a table of scores as the editor makes it. */
static GHashTable *
scores_from (const char *text)
{
  GHashTable *scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pairs = g_strsplit (text, " ", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);

      if (kv[0] == NULL || kv[1] == NULL)
        continue;
      g_hash_table_insert (scores, g_strdup (kv[0]),
                           GINT_TO_POINTER ((int) g_ascii_strtoll (kv[1], NULL, 10)));
    }
  return scores;
}

static gint64
save_measurement_ok (MiriamStore        *store,
                     MiriamMeasurement  *m,
                     const char         *scores_text)
{
  g_autoptr(GHashTable) scores = scores_from (scores_text);
  g_autoptr(GError) error = NULL;

  g_assert_true (miriam_store_save_measurement (store, m, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->row.id, >, 0);
  return m->row.id;
}

static gint64
add_measurement (MiriamStore *store,
                 gint64       participant_id,
                 gint64       group_id,
                 const char  *kind,
                 GDate        when,
                 const char  *scores_text)
{
  MiriamMeasurement *m = new_measurement (participant_id, group_id, kind, when, 0);
  gint64 id = save_measurement_ok (store, m, scores_text);

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
  return id;
}

static GPtrArray *
list_measurements (MiriamStore *store,
                   gint64       participant_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = miriam_store_list_measurements (store, participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static int
score_of (MiriamScoredMeasurement *m,
          const char              *code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (m->scores, code));
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  fx->dir = make_tmp_dir ("miriam-progress-XXXXXX");
  fx->path = g_build_filename (fx->dir, DB_NAME, NULL);
  fx->store = open_store (fx->path, "Sofie Peeters");
  fx->ocmw_id = add_ocmw (fx->store, "OCMW Gent");
  fx->staff_id = add_staff (fx->store, fx->ocmw_id, "Sofie Peeters");
  fx->cohort_id = add_cohort (fx->store, "2026-2027", day (1, 9, 2026), day (30, 6, 2027));
  fx->group_id = add_group (fx->store, fx->ocmw_id, fx->cohort_id, "Groep Noord",
                            day (15, 9, 2026), day (15, 6, 2027), &fx->staff_id, 1);
  fx->participant_id = add_participant (fx->store, fx->ocmw_id, "Fatima", "El Idrissi");
  add_membership (fx->store, fx->participant_id, fx->group_id, day (15, 9, 2026), NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  miriam_store_close (fx->store);
  g_object_unref (fx->store);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* ---------------------------------------------------------------------- */
/* Measurements                                                             */

static void
test_save_reload (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  MiriamMeasurement *m = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                          day (1, 10, 2026), fx->staff_id);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  MiriamScoredMeasurement *saved;
  gint64 id;

  /* The final one first, on a later day: the list goes by day. */
  add_measurement (fx->store, fx->participant_id, fx->group_id, "final", day (10, 6, 2027),
                   "finances=4");
  id = save_measurement_ok (fx->store, m, "finances=3 housing=5 work=0");
  g_assert_cmpint (m->row.version, ==, 1);
  g_assert_cmpstr (m->row.updated_by, ==, "Sofie Peeters");

  list = list_measurements (fx->store, fx->participant_id);
  g_assert_cmpuint (list->len, ==, 2);
  saved = g_ptr_array_index (list, 0);
  g_assert_cmpint (saved->measurement->row.id, ==, id);
  g_assert_cmpstr (saved->measurement->kind, ==, "baseline");
  g_assert_cmpint (g_date_compare (&saved->measurement->day, &m->day), ==, 0);
  g_assert_cmpstr (saved->scored_by_name, ==, "Sofie Peeters");
  g_assert_cmpint (score_of (saved, "finances"), ==, 3);
  g_assert_cmpint (score_of (saved, "housing"), ==, 5);
  /* Work does not apply to her: no score, and in the file a NULL, not 0. */
  g_assert_false (g_hash_table_contains (saved->scores, "work"));
  g_assert_cmpuint (g_hash_table_size (saved->scores), ==, 2);
  sql = g_strdup_printf ("SELECT score IS NULL FROM score WHERE measurement_id = %" G_GINT64_FORMAT
                         " AND domain = 'work'", id);
  g_assert_cmpint (sql_int (fx->path, sql), ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score WHERE score = 0"), ==, 0);
  g_assert_cmpstr (((MiriamScoredMeasurement *) g_ptr_array_index (list, 1))->measurement->kind,
                   ==, "final");

  /* Saved again: the scores are replaced, the version moves on. */
  scores = scores_from ("finances=4");
  g_assert_true (miriam_store_save_measurement (fx->store, m, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->row.version, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_measurements (fx->store, fx->participant_id);
  saved = g_ptr_array_index (list, 0);
  g_assert_cmpint (saved->measurement->row.version, ==, 2);
  g_assert_cmpint (score_of (saved, "finances"), ==, 4);
  g_assert_cmpuint (g_hash_table_size (saved->scores), ==, 1);

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
}

static void
test_conflict (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) colleague = open_store (fx->path, "Yasmina Benali");
  MiriamMeasurement *m = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                          day (1, 10, 2026), fx->staff_id);
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) mine = scores_from ("finances=1 housing=1");
  g_autoptr(GError) error = NULL;
  MiriamMeasurement *their_copy;

  save_measurement_ok (fx->store, m, "finances=2 housing=2");

  /* The colleague opens it, then I save first. */
  theirs = list_measurements (colleague, fx->participant_id);
  their_copy = ((MiriamScoredMeasurement *) g_ptr_array_index (theirs, 0))->measurement;
  save_measurement_ok (fx->store, m, "finances=3 housing=3");

  /* Her save comes too late: nothing of it lands, her copy stays hers. */
  g_assert_false (miriam_store_save_measurement (colleague, their_copy, mine, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_assert_cmpint (their_copy->row.version, ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT version FROM measurement"), ==, 2);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score WHERE score = 3"), ==, 2);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score WHERE score = 1"), ==, 0);
  after = list_measurements (fx->store, fx->participant_id);
  g_assert_cmpint (score_of (g_ptr_array_index (after, 0), "finances"), ==, 3);

  miriam_store_close (colleague);
  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
}

static void
test_second_baseline (Fixture       *fx,
                      gconstpointer  data G_GNUC_UNUSED)
{
  gint64 other_group = add_group (fx->store, fx->ocmw_id, fx->cohort_id, "Groep Zuid",
                                  day (15, 9, 2026), day (15, 6, 2027), &fx->staff_id, 1);
  MiriamMeasurement *second = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                               day (8, 10, 2026), fx->staff_id);
  g_autoptr(GHashTable) scores = scores_from ("finances=2");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *baseline_message = NULL;
  gint64 baseline;

  baseline = add_measurement (fx->store, fx->participant_id, fx->group_id, "baseline",
                              day (1, 10, 2026), "finances=3");

  g_assert_false (miriam_store_save_measurement (fx->store, second, scores, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  /* It says what to do, and nothing about her. */
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_null (strstr (error->message, "Fatima"));
  baseline_message = g_strdup (error->message);
  g_assert_cmpint (second->row.id, ==, 0);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM measurement"), ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score"), ==, 1);
  g_clear_error (&error);

  /* The same with a final measurement. */
  add_measurement (fx->store, fx->participant_id, fx->group_id, "final", day (1, 6, 2027),
                   "finances=4");
  take_text (&second->kind, "final");
  g_assert_false (miriam_store_save_measurement (fx->store, second, scores, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, baseline_message);
  g_clear_error (&error);

  /* Intermediate measurements may be as many as the team likes; another
   * group, and no group at all, each have a baseline of their own. */
  add_measurement (fx->store, fx->participant_id, fx->group_id, "intermediate", day (1, 2, 2027), "");
  add_measurement (fx->store, fx->participant_id, fx->group_id, "intermediate", day (1, 3, 2027), "");
  add_measurement (fx->store, fx->participant_id, other_group, "baseline", day (2, 10, 2026), "");
  add_measurement (fx->store, fx->participant_id, 0, "baseline", day (3, 10, 2026), "");
  take_text (&second->kind, "baseline");
  second->group_id = 0;
  g_assert_false (miriam_store_save_measurement (fx->store, second, scores, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Saving the baseline itself again is no second one. */
  list = list_measurements (fx->store, fx->participant_id);
  for (guint i = 0; i < list->len; i++)
    {
      MiriamScoredMeasurement *s = g_ptr_array_index (list, i);

      if (s->measurement->row.id == baseline)
        {
          g_assert_true (miriam_store_save_measurement (fx->store, s->measurement, scores, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM measurement"), ==, 6);

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, second);
}

static void
test_invalid_scores (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  const char *bad[] = { "finances=3 housing=6", "finances=3 housing=-1", "finances=3 nonsense=2" };
  MiriamMeasurement *m = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                          day (1, 10, 2026), fx->staff_id);
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GHashTable) scores = scores_from (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (miriam_store_save_measurement (fx->store, m, scores, &error));
      g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
      g_assert_cmpint (m->row.id, ==, 0);
      g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM measurement"), ==, 0);
      g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score"), ==, 0);
    }

  /* A saved one keeps its scores and version when a change is refused. */
  save_measurement_ok (fx->store, m, "finances=3 housing=2");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GHashTable) scores = scores_from (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (miriam_store_save_measurement (fx->store, m, scores, &error));
      g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
      g_assert_cmpint (m->row.version, ==, 1);
    }
  g_assert_cmpint (sql_int (fx->path, "SELECT version FROM measurement"), ==, 1);
  list = list_measurements (fx->store, fx->participant_id);
  g_assert_cmpint (score_of (g_ptr_array_index (list, 0), "finances"), ==, 3);
  g_assert_cmpint (score_of (g_ptr_array_index (list, 0), "housing"), ==, 2);

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
}

static void
test_delete (Fixture       *fx,
             gconstpointer  data G_GNUC_UNUSED)
{
  MiriamMeasurement *m = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                          day (1, 10, 2026), fx->staff_id);
  g_autoptr(GError) error = NULL;
  gint64 kept;

  kept = add_measurement (fx->store, fx->participant_id, fx->group_id, "final", day (1, 6, 2027),
                          "finances=5");
  save_measurement_ok (fx->store, m, "finances=3 housing=2 work=0");
  save_measurement_ok (fx->store, m, "finances=3 housing=3 work=0");   /* version 2 */

  /* An old version is not removed. */
  g_assert_false (miriam_store_delete_measurement (fx->store, m->row.id, 1, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score"), ==, 4);

  g_assert_true (miriam_store_delete_measurement (fx->store, m->row.id, m->row.version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM measurement"), ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT MIN(measurement_id) FROM score"), ==, kept);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM score"), ==, 1);

  g_assert_false (miriam_store_delete_measurement (fx->store, m->row.id, m->row.version, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);

  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
}

/* ---------------------------------------------------------------------- */
/* The OCMW's life domains                                                  */

static GPtrArray *
list_domains (MiriamStore *store,
              gint64       ocmw_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *domains = miriam_store_list_ocmw_domains (store, ocmw_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (domains);
  return domains;
}

static MiriamLifeDomain *
find_domain (GPtrArray  *domains,
             const char *code,
             guint      *index)
{
  for (guint i = 0; i < domains->len; i++)
    {
      MiriamLifeDomain *domain = g_ptr_array_index (domains, i);

      if (g_str_equal (domain->code, code))
        {
          if (index != NULL)
            *index = i;
          return domain;
        }
    }
  return NULL;
}

static MiriamProgressGroup *
load_group (MiriamStore *store,
            gint64       group_id)
{
  g_autoptr(GError) error = NULL;
  MiriamProgressGroup *group = miriam_store_load_progress_group (store, group_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (group);
  return group;
}

static gint
domain_index (const MiriamProgressGroup *group,
              const char                *code)
{
  for (guint i = 0; i < group->n_domains; i++)
    if (g_str_equal (group->domain_codes[i], code))
      return (gint) i;
  return -1;
}

static void
test_ocmw_domains (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) domains = list_domains (fx->store, fx->ocmw_id);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) neighbour = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) method = NULL;
  g_autofree char *code = NULL;
  MiriamLifeDomain *own, *mobility;
  const char *taken[] = { NULL };
  gint64 other_ocmw = add_ocmw (fx->store, "OCMW Lokeren");
  guint where = 0;

  /* An OCMW that never chose scores the method's eleven, in order. */
  g_assert_cmpuint (domains->len, ==, 11);
  g_assert_cmpstr (((MiriamLifeDomain *) g_ptr_array_index (domains, 0))->code, ==, "finances");
  g_assert_cmpstr (((MiriamLifeDomain *) g_ptr_array_index (domains, 10))->code, ==, "rights");
  for (guint i = 0; i < domains->len; i++)
    g_assert_true (((MiriamLifeDomain *) g_ptr_array_index (domains, i))->active);

  add_measurement (fx->store, fx->participant_id, fx->group_id, "baseline", day (1, 10, 2026),
                   "finances=2 mobility=4");

  /* Mobility off, "rights" left out altogether, a domain of its own in
   * second place with its three names. */
  code = miriam_life_domain_make_code ("Digitale vaardigheden", taken);
  own = miriam_life_domain_new (code);
  take_text (&own->label_nl, "Digitale vaardigheden");
  take_text (&own->label_fr, "Compétences numériques");
  take_text (&own->label_de, "Digitale Kompetenzen");
  g_ptr_array_insert (domains, 1, own);
  mobility = find_domain (domains, "mobility", NULL);
  mobility->active = FALSE;
  g_assert_nonnull (find_domain (domains, "rights", &where));
  g_ptr_array_remove_index (domains, where);
  g_assert_true (miriam_store_save_ocmw_domains (fx->store, fx->ocmw_id, domains, &error));
  g_assert_no_error (error);

  again = list_domains (fx->store, fx->ocmw_id);
  g_assert_cmpuint (again->len, ==, 12);
  own = g_ptr_array_index (again, 1);
  g_assert_cmpstr (own->code, ==, code);
  g_assert_cmpstr (own->label_nl, ==, "Digitale vaardigheden");
  g_assert_cmpstr (own->label_fr, ==, "Compétences numériques");
  g_assert_cmpstr (own->label_de, ==, "Digitale Kompetenzen");
  g_assert_true (own->active);
  g_assert_false (find_domain (again, "mobility", NULL)->active);
  /* Left out is switched off, never gone. */
  g_assert_nonnull (find_domain (again, "rights", &where));
  g_assert_false (((MiriamLifeDomain *) g_ptr_array_index (again, where))->active);
  g_assert_cmpuint (where, ==, 11);

  /* The neighbour OCMW in the same file still scores the method's list. */
  neighbour = list_domains (fx->store, other_ocmw);
  g_assert_cmpuint (neighbour->len, ==, 11);
  g_assert_null (find_domain (neighbour, code, NULL));
  method = miriam_store_list_life_domains (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (method), ==, 11);

  /* Her mobility score stays, but the group's charts leave it out; the
   * own domain is named in the language in use. */
  measurements = list_measurements (fx->store, fx->participant_id);
  g_assert_cmpint (score_of (g_ptr_array_index (measurements, 0), "mobility"), ==, 4);
  miriam_language_apply (MIRIAM_LANGUAGE_FR);
  group = load_group (fx->store, fx->group_id);
  g_assert_cmpuint (group->n_domains, ==, 10);
  g_assert_cmpint (domain_index (group, "mobility"), ==, -1);
  g_assert_cmpint (domain_index (group, "rights"), ==, -1);
  g_assert_cmpint (domain_index (group, code), ==, 1);
  g_assert_cmpstr (group->domain_labels[1], ==, "Compétences numériques");
  g_clear_pointer (&group, miriam_progress_group_free);
  miriam_language_apply (MIRIAM_LANGUAGE_DE);
  group = load_group (fx->store, fx->group_id);
  g_assert_cmpstr (group->domain_labels[1], ==, "Digitale Kompetenzen");
  g_assert_cmpuint (strlen (group->domain_labels[0]), >, 0);
  miriam_language_apply (MIRIAM_LANGUAGE_NL);

  /* A score on the own domain is accepted now; switching mobility back
   * on brings her old score back into the charts. */
  {
    g_autofree char *text = g_strdup_printf ("%s=3", code);

    add_measurement (fx->store, fx->participant_id, fx->group_id, "intermediate",
                     day (1, 2, 2027), text);
  }
  find_domain (again, "mobility", NULL)->active = TRUE;
  g_assert_true (miriam_store_save_ocmw_domains (fx->store, fx->ocmw_id, again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&group, miriam_progress_group_free);
  group = load_group (fx->store, fx->group_id);
  g_assert_cmpint (domain_index (group, "mobility"), >=, 0);
  g_assert_cmpint (((MiriamProgressParticipant *) g_ptr_array_index (group->participants, 0))
                   ->baseline[domain_index (group, "mobility")], ==, 4);
  g_assert_cmpint (((MiriamProgressParticipant *) g_ptr_array_index (group->participants, 0))
                   ->intermediate[1], ==, 3);
}

static void
test_ocmw_domains_refused (Fixture       *fx,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) domains = list_domains (fx->store, fx->ocmw_id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  /* A new domain without a name, and a domain twice: nothing changes. */
  ((MiriamLifeDomain *) domains->pdata[1])->active = FALSE;
  g_ptr_array_add (domains, miriam_life_domain_new ("own_nameless"));
  g_assert_false (miriam_store_save_ocmw_domains (fx->store, fx->ocmw_id, domains, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_ptr_array_remove_index (domains, domains->len - 1);
  g_ptr_array_add (domains, miriam_life_domain_new ("housing"));
  g_assert_false (miriam_store_save_ocmw_domains (fx->store, fx->ocmw_id, domains, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);

  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM ocmw_life_domain"), ==, 0);
  g_assert_cmpint (sql_int (fx->path, "SELECT COUNT(*) FROM life_domain"), ==, 11);
  after = list_domains (fx->store, fx->ocmw_id);
  g_assert_true (((MiriamLifeDomain *) after->pdata[1])->active);
}

/* ---------------------------------------------------------------------- */
/* A group's figures                                                        */

typedef struct
{
  gint64 group;
  gint64 other_group;
  gint64 staff[2];
  gint64 fatima, lotte, ayse, elise;
  GDate  s_day[4];
} GroupSetup;

/* Groep Noord with three women: Fatima from the start, Lotte who left
 * after the second session, Ayşe who joined late; Élise is in another
 * group.  Four sessions behind (one cancelled), one ahead. */
static void
set_up_group (Fixture    *fx,
              GroupSetup *g)
{
  GDate start = today_plus (-60), end = today_plus (120);
  gint64 sessions[5];
  GDate left;

  g->staff[0] = fx->staff_id;
  g->staff[1] = add_staff (fx->store, fx->ocmw_id, "Élise Dubois");
  g->group = add_group (fx->store, fx->ocmw_id, fx->cohort_id, "Groep Oost", start, end, g->staff, 2);
  g->other_group = add_group (fx->store, fx->ocmw_id, fx->cohort_id, "Groep West", start, end,
                              g->staff, 1);
  g->fatima = fx->participant_id;
  g->lotte = add_participant (fx->store, fx->ocmw_id, "Lotte", "de Smet");
  g->ayse = add_participant (fx->store, fx->ocmw_id, "Ayşe", "Öztürk");
  g->elise = add_participant (fx->store, fx->ocmw_id, "Élise", "Aerts");

  g->s_day[0] = today_plus (-50);
  g->s_day[1] = today_plus (-36);
  g->s_day[2] = today_plus (-22);
  g->s_day[3] = today_plus (0);
  sessions[0] = add_session (fx->store, g->group, g->s_day[0], 570, FALSE);
  sessions[1] = add_session (fx->store, g->group, g->s_day[1], 570, FALSE);
  sessions[2] = add_session (fx->store, g->group, today_plus (-29), 570, TRUE);
  sessions[3] = add_session (fx->store, g->group, g->s_day[2], 570, FALSE);
  /* Today's session, made last but held in the morning: still "held". */
  sessions[4] = add_session (fx->store, g->group, g->s_day[3], 540, FALSE);
  add_session (fx->store, g->group, today_plus (14), 570, FALSE);

  add_membership (fx->store, g->fatima, g->group, start, NULL);
  left = today_plus (-30);
  add_membership (fx->store, g->lotte, g->group, start, &left);
  add_membership (fx->store, g->ayse, g->group, today_plus (-40), NULL);
  add_membership (fx->store, g->elise, g->other_group, start, NULL);

  mark (fx->store, sessions[0], g->fatima, MIRIAM_ATTENDANCE_PRESENT);
  mark (fx->store, sessions[0], g->lotte, MIRIAM_ATTENDANCE_EXCUSED);
  mark (fx->store, sessions[0], g->ayse, MIRIAM_ATTENDANCE_PRESENT);   /* before she joined */
  mark (fx->store, sessions[1], g->fatima, MIRIAM_ATTENDANCE_ABSENT);
  mark (fx->store, sessions[1], g->lotte, MIRIAM_ATTENDANCE_PRESENT);
  mark (fx->store, sessions[1], g->ayse, MIRIAM_ATTENDANCE_EXCUSED);
  mark (fx->store, sessions[2], g->fatima, MIRIAM_ATTENDANCE_PRESENT);  /* cancelled */
  mark (fx->store, sessions[3], g->fatima, MIRIAM_ATTENDANCE_PRESENT);
  mark (fx->store, sessions[3], g->ayse, MIRIAM_ATTENDANCE_ABSENT);
  mark (fx->store, sessions[4], g->ayse, MIRIAM_ATTENDANCE_PRESENT);

  /* Fatima: everything in this group, and a baseline in another one that
   * must not count here.  Lotte: a baseline taken before she was in any
   * group.  Ayşe: nothing yet. */
  add_measurement (fx->store, g->fatima, g->other_group, "baseline", today_plus (-59), "finances=5");
  add_measurement (fx->store, g->fatima, g->group, "baseline", today_plus (-55),
                   "finances=2 housing=1 work=0 rights=3");
  add_measurement (fx->store, g->fatima, g->group, "intermediate", today_plus (-30), "finances=3");
  add_measurement (fx->store, g->fatima, g->group, "intermediate", today_plus (-10),
                   "finances=4 housing=2");
  add_measurement (fx->store, g->fatima, g->group, "final", today_plus (-1),
                   "finances=5 housing=3 rights=4");
  add_measurement (fx->store, g->lotte, 0, "baseline", today_plus (-70), "health=2");
  add_measurement (fx->store, g->elise, g->other_group, "baseline", today_plus (-55), "health=5");
}

static void
assert_marks (const MiriamProgressParticipant *p,
              const MiriamAttendance          *expected,
              guint                            n)
{
  g_assert_nonnull (p->attendance);
  g_assert_cmpuint (p->attendance->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (p->attendance, MiriamAttendance, i), ==, expected[i]);
}

static void
test_group (Fixture       *fx,
            gconstpointer  data G_GNUC_UNUSED)
{
  static const MiriamAttendance fatima_marks[] = {
    MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_ABSENT, MIRIAM_ATTENDANCE_PRESENT,
    MIRIAM_ATTENDANCE_UNKNOWN,
  };
  static const MiriamAttendance lotte_marks[] = {
    MIRIAM_ATTENDANCE_EXCUSED, MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_UNKNOWN,
    MIRIAM_ATTENDANCE_UNKNOWN,
  };
  static const MiriamAttendance ayse_marks[] = {
    MIRIAM_ATTENDANCE_UNKNOWN, MIRIAM_ATTENDANCE_EXCUSED, MIRIAM_ATTENDANCE_ABSENT,
    MIRIAM_ATTENDANCE_PRESENT,
  };
  g_autoptr(MiriamProgressGroup) group = NULL;
  MiriamProgressParticipant *fatima, *lotte, *ayse;
  GroupSetup g;
  GDate when;
  int finances, housing, work, rights, health;

  set_up_group (fx, &g);
  group = load_group (fx->store, g.group);

  g_assert_cmpstr (group->group_name, ==, "Groep Oost");
  g_assert_cmpstr (group->ocmw_name, ==, "OCMW Gent");
  g_assert_cmpstr (group->cohort_label, ==, "2026-2027");
  g_assert_cmpstr (group->casemanagers, ==, "Élise Dubois, Sofie Peeters");
  when = today_plus (-60);
  g_assert_cmpint (g_date_compare (&group->start_date, &when), ==, 0);
  when = today_plus (120);
  g_assert_cmpint (g_date_compare (&group->end_date, &when), ==, 0);
  g_assert_cmpuint (group->n_domains, ==, 11);
  g_assert_cmpuint (g_strv_length (group->domain_codes), ==, 11);
  g_assert_cmpuint (g_strv_length (group->domain_labels), ==, 11);

  /* By last name, accents and case aside: de Smet, El Idrissi, Öztürk. */
  g_assert_cmpuint (group->participants->len, ==, 3);
  lotte = g_ptr_array_index (group->participants, 0);
  fatima = g_ptr_array_index (group->participants, 1);
  ayse = g_ptr_array_index (group->participants, 2);
  g_assert_cmpint (lotte->participant_id, ==, g.lotte);
  g_assert_cmpint (fatima->participant_id, ==, g.fatima);
  g_assert_cmpint (ayse->participant_id, ==, g.ayse);
  g_assert_cmpstr (fatima->name, ==, "Fatima El Idrissi");
  g_assert_cmpstr (fatima->initials, ==, "F. E.");
  g_assert_cmpstr (ayse->initials, ==, "A. Ö.");
  g_assert_cmpstr (lotte->initials, ==, "L. D.");

  finances = domain_index (group, "finances");
  housing = domain_index (group, "housing");
  work = domain_index (group, "work");
  rights = domain_index (group, "rights");
  health = domain_index (group, "health");

  /* Fatima: this group's baseline, her newest intermediate, her final. */
  g_assert_nonnull (fatima->baseline);
  g_assert_cmpint (fatima->baseline[finances], ==, 2);
  g_assert_cmpint (fatima->baseline[housing], ==, 1);
  g_assert_cmpint (fatima->baseline[work], ==, MIRIAM_SCORE_NONE);
  g_assert_cmpint (fatima->baseline[rights], ==, 3);
  g_assert_cmpint (fatima->baseline[health], ==, MIRIAM_SCORE_NONE);
  when = today_plus (-55);
  g_assert_cmpint (g_date_compare (&fatima->baseline_day, &when), ==, 0);
  g_assert_nonnull (fatima->intermediate);
  g_assert_cmpint (fatima->intermediate[finances], ==, 4);
  g_assert_cmpint (fatima->intermediate[housing], ==, 2);
  when = today_plus (-10);
  g_assert_cmpint (g_date_compare (&fatima->intermediate_day, &when), ==, 0);
  g_assert_nonnull (fatima->final);
  g_assert_cmpint (fatima->final[finances], ==, 5);
  g_assert_cmpint (fatima->final[rights], ==, 4);
  g_assert_cmpint (fatima->final[work], ==, MIRIAM_SCORE_NONE);

  /* Lotte: the baseline without a group stands in; no final. */
  g_assert_nonnull (lotte->baseline);
  g_assert_cmpint (lotte->baseline[health], ==, 2);
  g_assert_null (lotte->final);
  g_assert_null (lotte->intermediate);
  g_assert_false (g_date_valid (&lotte->final_day));

  /* Ayşe: nothing measured yet. */
  g_assert_null (ayse->baseline);
  g_assert_null (ayse->final);
  g_assert_null (ayse->intermediate);

  /* The four sessions held (not the cancelled one, not the next one). */
  g_assert_cmpuint (group->session_days->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (group->session_days, GDate, i), &g.s_day[i]),
                     ==, 0);
  assert_marks (fatima, fatima_marks, 4);
  assert_marks (lotte, lotte_marks, 4);
  assert_marks (ayse, ayse_marks, 4);

  /* The figures of the core agree with what was saved. */
  {
    MiriamScoreStats stats;

    miriam_progress_domain_stats (group, finances, MIRIAM_MOMENT_BASELINE, &stats);
    g_assert_cmpuint (stats.n, ==, 1);
    g_assert_cmpfloat (stats.mean, ==, 2.0);
    miriam_progress_domain_stats (group, work, MIRIAM_MOMENT_BASELINE, &stats);
    g_assert_cmpuint (stats.n, ==, 0);
  }
}

static void
test_group_missing (Fixture       *fx,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (miriam_store_load_progress_group (fx->store, 9999, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (miriam_store_load_progress_cohort (fx->store, 9999, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND);
}

static MiriamProgressParticipant *
find_participant (MiriamProgressGroup *group,
                  gint64               id)
{
  for (guint i = 0; i < group->participants->len; i++)
    {
      MiriamProgressParticipant *p = g_ptr_array_index (group->participants, i);

      if (p->participant_id == id)
        return p;
    }
  return NULL;
}

static void
test_cohorts (Fixture       *fx,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamProgressGroup) cohort = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  MiriamProgressGroup *older, *newer;
  MiriamProgressParticipant *elise, *fatima;
  GroupSetup g;
  gint64 older_id, older_group, hilde;

  set_up_group (fx, &g);
  /* An older cohort, saved after the newer one. */
  older_id = add_cohort (fx->store, "2025-2026", day (1, 9, 2025), day (30, 6, 2026));
  older_group = add_group (fx->store, fx->ocmw_id, older_id, "Groep Noord",
                           day (15, 9, 2025), day (15, 6, 2026), &fx->staff_id, 1);
  hilde = add_participant (fx->store, fx->ocmw_id, "Hilde", "Claes");
  add_membership (fx->store, hilde, older_group, day (15, 9, 2025), NULL);
  add_measurement (fx->store, hilde, older_group, "baseline", day (1, 10, 2025), "finances=1");
  add_measurement (fx->store, hilde, older_group, "final", day (1, 6, 2026), "finances=4");

  /* The current cohort: the women of all three of its groups, once each. */
  cohort = miriam_store_load_progress_cohort (fx->store, fx->cohort_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cohort);
  g_assert_cmpstr (cohort->group_name, ==, "");
  g_assert_cmpstr (cohort->cohort_label, ==, "2026-2027");
  g_assert_cmpstr (cohort->ocmw_name, ==, "OCMW Gent");
  g_assert_cmpuint (cohort->session_days->len, ==, 0);
  g_assert_cmpuint (cohort->participants->len, ==, 4);
  g_assert_cmpuint (cohort->n_domains, ==, 11);
  g_assert_cmpstr (((MiriamProgressParticipant *) g_ptr_array_index (cohort->participants, 0))->name,
                   ==, "Élise Aerts");
  for (guint i = 0; i < cohort->participants->len; i++)
    g_assert_null (((MiriamProgressParticipant *) g_ptr_array_index (cohort->participants, i))->attendance);
  elise = find_participant (cohort, g.elise);
  g_assert_nonnull (elise);
  g_assert_cmpint (elise->baseline[domain_index (cohort, "health")], ==, 5);
  /* Fatima has baselines in two groups of the cohort: the first counts. */
  fatima = find_participant (cohort, g.fatima);
  g_assert_cmpint (fatima->baseline[domain_index (cohort, "finances")], ==, 5);
  g_assert_cmpint (fatima->final[domain_index (cohort, "finances")], ==, 5);
  g_assert_null (find_participant (cohort, hilde));

  /* Side by side, oldest first. */
  cohorts = miriam_store_load_progress_cohorts (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 2);
  older = g_ptr_array_index (cohorts, 0);
  newer = g_ptr_array_index (cohorts, 1);
  g_assert_cmpstr (older->cohort_label, ==, "2025-2026");
  g_assert_cmpstr (newer->cohort_label, ==, "2026-2027");
  g_assert_cmpuint (older->participants->len, ==, 1);
  g_assert_cmpuint (newer->participants->len, ==, 4);
  {
    guint n_progressed, n_measured;

    g_assert_cmpfloat (miriam_progress_headline (older, &n_progressed, &n_measured), ==, 0.0);
    g_assert_cmpuint (n_measured, ==, 1);
  }
  g_assert_cmpint (((MiriamProgressParticipant *) g_ptr_array_index (older->participants, 0))
                   ->final[domain_index (older, "finances")], ==, 4);
}

/* ---------------------------------------------------------------------- */
/* The _async calls, as the windows use them                                */

static void
got_result (GObject      *source G_GNUC_UNUSED,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture       *fx,
            gconstpointer  data G_GNUC_UNUSED)
{
  MiriamMeasurement *m = new_measurement (fx->participant_id, fx->group_id, "baseline",
                                          day (1, 10, 2026), fx->staff_id);
  g_autoptr(GHashTable) scores = scores_from ("finances=2 work=0");
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  MiriamScoredMeasurement *saved;

  miriam_store_save_measurement_async (fx->store, m, scores, NULL, got_result, &result);
  saved = miriam_store_save_measurement_finish (fx->store, wait_for (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->measurement->row.id, >, 0);
  g_assert_cmpint (saved->measurement->row.version, ==, 1);
  g_assert_cmpstr (saved->scored_by_name, ==, "Sofie Peeters");
  g_assert_cmpint (score_of (saved, "finances"), ==, 2);
  g_assert_false (g_hash_table_contains (saved->scores, "work"));
  /* The caller's copy is left alone. */
  g_assert_cmpint (m->row.id, ==, 0);

  /* A second baseline, the async way: the callback gets the error. */
  miriam_store_save_measurement_async (fx->store, m, scores, NULL, got_result, &result);
  g_assert_null (miriam_store_save_measurement_finish (fx->store, wait_for (&result), &error));
  g_clear_object (&result);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  miriam_store_list_measurements_async (fx->store, fx->participant_id, NULL, got_result, &result);
  list = miriam_store_list_measurements_finish (fx->store, wait_for (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((MiriamScoredMeasurement *) g_ptr_array_index (list, 0))->measurement->row.id,
                   ==, saved->measurement->row.id);

  miriam_store_load_progress_group_async (fx->store, fx->group_id, NULL, got_result, &result);
  group = miriam_store_load_progress_group_finish (fx->store, wait_for (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (group->participants->len, ==, 1);
  g_assert_cmpint (((MiriamProgressParticipant *) g_ptr_array_index (group->participants, 0))
                   ->baseline[domain_index (group, "finances")], ==, 2);

  miriam_store_load_progress_cohorts_async (fx->store, NULL, got_result, &result);
  cohorts = miriam_store_load_progress_cohorts_finish (fx->store, wait_for (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 1);

  miriam_scored_measurement_free (saved);
  miriam_record_free (MIRIAM_RECORD_MEASUREMENT, m);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  miriam_language_apply (MIRIAM_LANGUAGE_NL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/progress/save-reload", test_save_reload);
  ADD ("/store/progress/conflict", test_conflict);
  ADD ("/store/progress/second-baseline", test_second_baseline);
  ADD ("/store/progress/invalid-scores", test_invalid_scores);
  ADD ("/store/progress/delete", test_delete);
  ADD ("/store/progress/ocmw-domains", test_ocmw_domains);
  ADD ("/store/progress/ocmw-domains-refused", test_ocmw_domains_refused);
  ADD ("/store/progress/group", test_group);
  ADD ("/store/progress/group-missing", test_group_missing);
  ADD ("/store/progress/cohorts", test_cohorts);
  ADD ("/store/progress/async", test_async);
#undef ADD

  return g_test_run ();
}
