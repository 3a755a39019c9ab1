/* test-demo.c: the demonstration OCMW, as somebody trying MIRIAM sees it
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/miriam-holidays.h"
#include "core/miriam-school-holidays.h"
#include "store/miriam-demo.h"

typedef struct
{
  char        *dir;
  MiriamStore *store;
} Fixture;

/* A Monday in the middle of the 2025-2026 programme year: some sessions
 * lie behind, others still ahead. */
static GDate
test_today (void)
{
  GDate today;

  g_date_set_dmy (&today, 16, G_DATE_FEBRUARY, 2026);
  return today;
}

static MiriamStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  MiriamStore *store = miriam_store_new (path);

  miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("miriam-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = open_store (fixture->dir, "demo.miriam");
}

/* Removes the files the stores left in @dir, then @dir. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  miriam_store_close (fixture->store);
  g_object_unref (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
generate_small (MiriamStore *store,
                guint32      seed)
{
  MiriamDemoOptions options;
  GDate today = test_today ();
  g_autoptr(GError) error = NULL;

  miriam_demo_options_init_small (&options, &today);
  options.seed = seed;
  g_assert_true (miriam_demo_generate (store, &options, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list (MiriamStore      *store,
      MiriamRecordKind  kind,
      const char       *ref_field,
      gint64            ref_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = miriam_store_list (store, kind, ref_field, ref_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static MiriamStoreSummary *
summary_of (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  MiriamStoreSummary *summary = miriam_store_get_summary (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* ---------------------------------------------------------------------- */

static void
test_small_cohort (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  guint n_members = 0, n_active = 0;

  generate_small (fixture->store, 1);
  summary = summary_of (fixture->store);

  g_assert_cmpstr (summary->ocmw_name, ==, "OCMW Demostad");
  g_assert_cmpstr (summary->current_cohort, ==, "2025-2026");
  g_assert_cmpuint (summary->n_groups, ==, 2);
  g_assert_cmpuint (summary->n_participants, >=, 24);
  g_assert_cmpuint (summary->n_participants, <=, 28);
  g_assert_cmpuint (summary->n_staff, >=, 4);

  cohorts = list (fixture->store, MIRIAM_RECORD_COHORT, NULL, 0);
  g_assert_cmpuint (cohorts->len, ==, 1);

  /* Both groups belong to the current cohort and hold 12-13 women each. */
  groups = list (fixture->store, MIRIAM_RECORD_GROUP, NULL, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GPtrArray) members = list (fixture->store, MIRIAM_RECORD_MEMBERSHIP,
                                           "group_id", group->row.id);

      g_assert_cmpint (group->cohort_id, ==, miriam_record_row (g_ptr_array_index (cohorts, 0))->id);
      g_assert_true (g_str_has_prefix (group->name, "Groep "));
      g_assert_cmpuint (strlen (group->colour), ==, 7);
      g_assert_cmpuint (members->len, >=, 12);
      g_assert_cmpuint (members->len, <=, 13);
      n_members += members->len;
    }
  g_assert_cmpuint (n_members, ==, 25);

  /* In the middle of the year nearly everyone is still coming. */
  participants = list (fixture->store, MIRIAM_RECORD_PARTICIPANT, NULL, 0);
  for (guint i = 0; i < participants->len; i++)
    {
      MiriamParticipant *p = g_ptr_array_index (participants, i);
      n_active += g_str_equal (p->status, "active");
    }
  g_assert_cmpuint (n_active, >=, 18);
}

/* Counts marks of a session over the members of its group. */
static void
count_marks (MiriamStore   *store,
             MiriamSession *session,
             GPtrArray     *members,
             guint         *n_marked,
             guint         *n_present)
{
  for (guint i = 0; i < members->len; i++)
    {
      MiriamMembership *m = g_ptr_array_index (members, i);
      g_autoptr(GError) error = NULL;
      MiriamAttendance mark = miriam_store_get_attendance (store, session->row.id,
                                                           m->participant_id, &error);

      g_assert_no_error (error);
      *n_marked += mark != MIRIAM_ATTENDANCE_UNKNOWN;
      *n_present += mark == MIRIAM_ATTENDANCE_PRESENT;
    }
}

static void
test_small_attendance (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  GDate today = test_today ();
  g_autoptr(GPtrArray) groups = NULL;
  guint n_marked = 0, n_present = 0;

  generate_small (fixture->store, 1);
  groups = list (fixture->store, MIRIAM_RECORD_GROUP, NULL, 0);

  for (guint g = 0; g < groups->len; g++)
    {
      MiriamGroup *group = g_ptr_array_index (groups, g);
      g_autoptr(GPtrArray) sessions = list (fixture->store, MIRIAM_RECORD_SESSION,
                                            "group_id", group->row.id);
      g_autoptr(GPtrArray) members = list (fixture->store, MIRIAM_RECORD_MEMBERSHIP,
                                           "group_id", group->row.id);
      guint n_past = 0, n_future = 0;

      /* At least fortnightly from September to June. */
      g_assert_cmpuint (sessions->len, >=, 15);

      for (guint s = 0; s < sessions->len; s++)
        {
          MiriamSession *session = g_ptr_array_index (sessions, s);
          guint marked = 0, present = 0;

          count_marks (fixture->store, session, members, &marked, &present);
          if (g_date_compare (&session->day, &today) < 0 && !session->cancelled)
            {
              g_assert_cmpuint (marked, >, 0);
              g_assert_cmpuint (present, >, 0);
              n_past++;
            }
          else
            {
              g_assert_cmpuint (marked, ==, 0);
              n_future += !session->cancelled;
            }
          n_marked += marked;
          n_present += present;
        }
      g_assert_cmpuint (n_past, >, 0);
      g_assert_cmpuint (n_future, >, 0);
    }

  /* A core group that nearly always comes and others less often. */
  g_assert_cmpfloat ((double) n_present / n_marked, >, 0.55);
  g_assert_cmpfloat ((double) n_present / n_marked, <, 0.95);
}

static gboolean
has_script (const char     *text,
            GUnicodeScript  wanted,
            gboolean        non_ascii_only)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == wanted && (!non_ascii_only || c > 0x7f))
        return TRUE;
    }
  return FALSE;
}

static void
test_small_names (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GHashTable) languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last_names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean accents = FALSE, arabic = FALSE;

  generate_small (fixture->store, 1);
  participants = list (fixture->store, MIRIAM_RECORD_PARTICIPANT, NULL, 0);

  for (guint i = 0; i < participants->len; i++)
    {
      MiriamParticipant *p = g_ptr_array_index (participants, i);
      g_auto(GStrv) codes = g_strsplit (p->languages, ",", -1);
      g_autofree char *name = g_strdup_printf ("%s %s", p->first_name, p->last_name);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpuint (strlen (p->first_name), >, 0);
      g_assert_cmpuint (strlen (p->last_name), >, 0);
      g_assert_nonnull (codes[0]);
      g_hash_table_add (languages, g_strdup (codes[0]));
      g_hash_table_add (last_names, p->last_name);
      accents |= has_script (name, G_UNICODE_SCRIPT_LATIN, TRUE);
      arabic |= has_script (name, G_UNICODE_SCRIPT_ARABIC, FALSE);
    }

  /* Women of several origins, speaking several languages; names with
   * accents (Gaëlle, Ayşe...) and at least one written right to left. */
  g_assert_cmpuint (g_hash_table_size (languages), >=, 4);
  g_assert_cmpuint (g_hash_table_size (last_names), >=, 15);
  g_assert_true (accents);
  g_assert_true (arabic);
}

/* The rijksregisternummer: YYMMDD, a serial (even for women), and 97
 * minus the remainder of the first nine digits (with a 2 in front for
 * people born from 2000) divided by 97.  Written again here, on purpose. */
static gboolean
insz_is_valid_for (const char  *insz,
                   const GDate *birth)
{
  char digits[10];
  guint64 number, check;
  char expected_date[7];

  if (strlen (insz) != 11)
    return FALSE;
  for (guint i = 0; i < 11; i++)
    if (!g_ascii_isdigit (insz[i]))
      return FALSE;

  memcpy (digits, insz, 9);
  digits[9] = '\0';
  number = g_ascii_strtoull (digits, NULL, 10);
  check = g_ascii_strtoull (insz + 9, NULL, 10);
  if (g_date_get_year (birth) >= 2000)
    number += 2000000000;

  g_snprintf (expected_date, sizeof expected_date, "%02u%02u%02u",
              g_date_get_year (birth) % 100, g_date_get_month (birth), g_date_get_day (birth));

  return check == 97 - number % 97
         && strncmp (insz, expected_date, 6) == 0
         && (insz[8] - '0') % 2 == 0;
}

static void
assert_insz_valid (GPtrArray *participants,
                   guint     *n_insz,
                   guint     *n_born_2000)
{
  for (guint i = 0; i < participants->len; i++)
    {
      MiriamParticipant *p = g_ptr_array_index (participants, i);

      if (p->insz[0] == '\0')
        continue;
      g_assert_true (g_date_valid (&p->birth_date));
      if (!insz_is_valid_for (p->insz, &p->birth_date))
        g_error ("Invalid INSZ %s for a woman born %u-%u-%u", p->insz,
                 g_date_get_year (&p->birth_date), g_date_get_month (&p->birth_date),
                 g_date_get_day (&p->birth_date));
      (*n_insz)++;
      *n_born_2000 += g_date_get_year (&p->birth_date) >= 2000;
    }
}

static void
test_small_insz (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) participants = NULL;
  guint n_insz = 0, n_born_2000 = 0;
  GDate birth;

  /* The check itself must tell a wrong number from a right one. */
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 1990);
  g_assert_true (insz_is_valid_for ("90010100222", &birth));
  g_assert_false (insz_is_valid_for ("90010100223", &birth));
  g_assert_false (insz_is_valid_for ("90010100123", &birth));   /* a man's serial */
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 2001);
  g_assert_true (insz_is_valid_for ("01010100225", &birth));
  g_assert_false (insz_is_valid_for ("01010100293", &birth));   /* the 1900s rule */

  generate_small (fixture->store, 1);
  participants = list (fixture->store, MIRIAM_RECORD_PARTICIPANT, NULL, 0);
  assert_insz_valid (participants, &n_insz, &n_born_2000);

  /* Most files have none, some do. */
  g_assert_cmpuint (n_insz, >, 0);
  g_assert_cmpuint (n_insz, <, participants->len);
}

static void
test_small_measurements (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) domains = NULL;

  generate_small (fixture->store, 1);
  domains = miriam_store_list_life_domains (fixture->store, &error);
  g_assert_no_error (error);
  memberships = list (fixture->store, MIRIAM_RECORD_MEMBERSHIP, NULL, 0);

  /* Everyone in a group has a baseline to draw, scored on most domains. */
  for (guint i = 0; i < memberships->len; i++)
    {
      MiriamMembership *m = g_ptr_array_index (memberships, i);
      g_autoptr(GPtrArray) measurements = list (fixture->store, MIRIAM_RECORD_MEASUREMENT,
                                                "participant_id", m->participant_id);
      MiriamMeasurement *baseline;
      g_autoptr(GHashTable) scores = NULL;
      GHashTableIter iter;
      gpointer score;

      g_assert_cmpuint (measurements->len, ==, 1);
      baseline = g_ptr_array_index (measurements, 0);
      g_assert_cmpstr (baseline->kind, ==, "baseline");
      scores = miriam_store_get_scores (fixture->store, baseline->row.id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_hash_table_size (scores), >=, g_strv_length (domains) - 3);
      g_hash_table_iter_init (&iter, scores);
      while (g_hash_table_iter_next (&iter, NULL, &score))
        g_assert_cmpint (GPOINTER_TO_INT (score), >=, 1);
    }
}

/* Trying the demo in late August: the new cohort is planned but has not
 * started, so nobody is marked and nobody is active yet. */
static void
test_before_start (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today;

  g_date_set_dmy (&today, 20, G_DATE_AUGUST, 2026);
  miriam_demo_options_init_small (&options, &today);
  g_assert_true (miriam_demo_generate (fixture->store, &options, &error));
  g_assert_no_error (error);

  summary = summary_of (fixture->store);
  g_assert_cmpstr (summary->current_cohort, ==, "2026-2027");
  g_assert_cmpuint (summary->n_sessions, >, 0);

  participants = list (fixture->store, MIRIAM_RECORD_PARTICIPANT, NULL, 0);
  for (guint i = 0; i < participants->len; i++)
    {
      MiriamParticipant *p = g_ptr_array_index (participants, i);
      g_assert_true (g_str_equal (p->status, "waiting") || g_str_equal (p->status, "intake"));
    }

  sessions = list (fixture->store, MIRIAM_RECORD_SESSION, NULL, 0);
  members = list (fixture->store, MIRIAM_RECORD_MEMBERSHIP, NULL, 0);
  for (guint s = 0; s < sessions->len; s++)
    {
      MiriamSession *session = g_ptr_array_index (sessions, s);
      guint marked = 0, present = 0;

      g_assert_cmpint (g_date_compare (&session->day, &today), >, 0);
      count_marks (fixture->store, session, members, &marked, &present);
      g_assert_cmpuint (marked, ==, 0);
    }
  measurements = list (fixture->store, MIRIAM_RECORD_MEASUREMENT, NULL, 0);
  g_assert_cmpuint (measurements->len, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* The calendar                                                             */

static GPtrArray *
calendar_of (MiriamStore *store,
             guint        first_year)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  GPtrArray *entries;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_AUGUST, first_year);
  g_date_set_dmy (&to, 31, G_DATE_JULY, first_year + 1);
  entries = miriam_store_list_calendar (store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static gboolean
is_closed_day (GPtrArray   *closed_days,
               const GDate *day)
{
  for (guint i = 0; i < closed_days->len; i++)
    if (g_date_compare (&((MiriamOcmwClosedDay *) g_ptr_array_index (closed_days, i))->day, day) == 0)
      return TRUE;
  return FALSE;
}

/* Every group with one or two casemanagers and a colour of its own. */
static void
check_groups (MiriamStore *store)
{
  g_autoptr(GPtrArray) groups = list (store, MIRIAM_RECORD_GROUP, NULL, 0);

  for (guint i = 0; i < groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) staff = miriam_store_get_group_staff (store, group->row.id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (staff->len, >=, 1);
      g_assert_cmpuint (staff->len, <=, 2);
      g_assert_cmpuint (strlen (group->location), >, 0);
      g_assert_true (group->colour[0] == '#' && strlen (group->colour) == 7);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (((MiriamGroup *) g_ptr_array_index (groups, j))->colour, !=, group->colour);
    }
}

/* Sessions never on a public holiday, a closed day or in the school
 * holidays; one called off with its reason; one moved into another
 * group's room, which the calendar shows as a conflict. */
static void
check_sessions (GPtrArray *entries,
                GPtrArray *closed_days,
                guint     *n_sessions)
{
  g_autoptr(GArray) conflicts = NULL;
  guint n_cancelled = 0, n_moved = 0, n_room = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      MiriamCalendarEntry *e = g_ptr_array_index (entries, i);

      if (e->kind != MIRIAM_ENTRY_SESSION)
        continue;
      (*n_sessions)++;
      g_assert_cmpint (miriam_holiday_on (&e->day, "vl"), ==, MIRIAM_N_HOLIDAYS);
      g_assert_false (miriam_school_holiday_on (&e->day, "vl", NULL));
      g_assert_false (is_closed_day (closed_days, &e->day));
      g_assert_cmpuint (strlen (e->location), >, 0);
      g_assert_cmpuint (g_strv_length (e->staff), >=, 1);
      if (e->cancelled)
        {
          g_assert_cmpuint (strlen (e->cancel_reason), >, 0);
          n_cancelled++;
        }
      n_moved += g_date_valid (&e->original_day);
    }
  g_assert_cmpuint (n_cancelled, >=, 1);
  g_assert_cmpuint (n_moved, ==, 1);

  conflicts = miriam_calendar_find_conflicts (entries);
  for (guint i = 0; i < conflicts->len; i++)
    {
      MiriamConflict *c = &g_array_index (conflicts, MiriamConflict, i);
      MiriamCalendarEntry *a = g_ptr_array_index (entries, c->a);
      MiriamCalendarEntry *b = g_ptr_array_index (entries, c->b);

      if (c->kind != MIRIAM_CONFLICT_ROOM)
        continue;
      n_room++;
      g_assert_cmpstr (a->location, ==, b->location);
      g_assert_cmpint (a->group_id, !=, b->group_id);
      g_assert_true (g_date_valid (&a->original_day) || g_date_valid (&b->original_day));
    }
  g_assert_cmpuint (n_room, ==, 1);
}

/* Appointments to come, with a time, and the notes kept out. */
static void
check_appointments (GPtrArray   *entries,
                    const GDate *today)
{
  guint n_coming = 0, n_timed = 0, n_appointments = 0;
  GDate soon = *today;

  g_date_add_days (&soon, 28);
  for (guint i = 0; i < entries->len; i++)
    {
      MiriamCalendarEntry *e = g_ptr_array_index (entries, i);

      if (e->kind != MIRIAM_ENTRY_APPOINTMENT)
        continue;
      n_appointments++;
      g_assert_cmpstr (e->notes, ==, "");
      g_assert_cmpuint (strlen (e->title), >, 0);
      n_timed += e->start_minute >= 0;
      if (g_date_compare (&e->day, today) > 0)
        {
          g_assert_cmpint (g_date_compare (&e->day, &soon), <=, 0);
          g_assert_cmpint (e->start_minute, >=, 9 * 60);
          g_assert_cmpint (e->end_minute, >, e->start_minute);
          g_assert_cmpuint (g_strv_length (e->staff), ==, 1);
          n_coming++;
        }
    }
  g_assert_cmpuint (n_coming, >=, 3);
  g_assert_cmpuint (n_timed, >, n_appointments / 2);
}

static void
check_demo_calendar (MiriamStore *store,
                     const GDate *today,
                     guint        cohort_year)
{
  g_autoptr(GPtrArray) entries = calendar_of (store, cohort_year);
  g_autoptr(GPtrArray) closed_days = list (store, MIRIAM_RECORD_CLOSED_DAY, NULL, 0);
  guint n_sessions = 0;

  g_assert_cmpuint (closed_days->len, ==, 2);
  check_groups (store);
  check_sessions (entries, closed_days, &n_sessions);
  g_assert_cmpuint (n_sessions, >=, 30);
  check_appointments (entries, today);
}

static void
test_small_calendar (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  GDate today = test_today ();

  generate_small (fixture->store, 1);
  check_demo_calendar (fixture->store, &today, 2025);
}

/* The day this calendar was written, in the autumn: the cohort spans it
 * and the showcase lies just ahead. */
static void
test_small_calendar_autumn (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  miriam_demo_options_init_small (&options, &today);
  g_assert_true (miriam_demo_generate (fixture->store, &options, &error));
  g_assert_no_error (error);

  summary = summary_of (fixture->store);
  g_assert_cmpstr (summary->current_cohort, ==, "2026-2027");
  check_demo_calendar (fixture->store, &today, 2026);
}

/* ---------------------------------------------------------------------- */

/* Everything a user can see through the store, one line per record. */
static void
dump_records (MiriamStore      *store,
              MiriamRecordKind  kind,
              GString          *out)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  g_autoptr(GPtrArray) records = list (store, kind, NULL, 0);

  for (guint r = 0; r < records->len; r++)
    {
      gpointer record = g_ptr_array_index (records, r);
      MiriamRow *row = miriam_record_row (record);

      g_string_append_printf (out, "%s %" G_GINT64_FORMAT " v%" G_GINT64_FORMAT,
                              info->name, row->id, row->version);
      for (guint f = 0; f < info->n_fields; f++)
        {
          const MiriamField *field = &info->fields[f];

          switch (field->type)
            {
            case MIRIAM_FIELD_TEXT:
              g_string_append_printf (out, "|%s", *MIRIAM_FIELD_PTR (record, field, char *));
              break;
            case MIRIAM_FIELD_INT:
            case MIRIAM_FIELD_REF:
              g_string_append_printf (out, "|%" G_GINT64_FORMAT,
                                      *MIRIAM_FIELD_PTR (record, field, gint64));
              break;
            case MIRIAM_FIELD_BOOL:
              g_string_append_printf (out, "|%d", *MIRIAM_FIELD_PTR (record, field, gboolean));
              break;
            case MIRIAM_FIELD_DATE:
              {
                GDate *d = MIRIAM_FIELD_PTR (record, field, GDate);
                if (g_date_valid (d))
                  g_string_append_printf (out, "|%u-%u-%u", g_date_get_year (d),
                                          g_date_get_month (d), g_date_get_day (d));
                else
                  g_string_append (out, "|-");
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
      g_string_append_c (out, '\n');
    }
}

static void
dump_marks_and_scores (MiriamStore *store,
                       GString     *out)
{
  g_autoptr(GPtrArray) sessions = list (store, MIRIAM_RECORD_SESSION, NULL, 0);
  g_autoptr(GPtrArray) measurements = list (store, MIRIAM_RECORD_MEASUREMENT, NULL, 0);
  g_auto(GStrv) domains = miriam_store_list_life_domains (store, NULL);

  for (guint s = 0; s < sessions->len; s++)
    {
      MiriamSession *session = g_ptr_array_index (sessions, s);
      g_autoptr(GPtrArray) members = list (store, MIRIAM_RECORD_MEMBERSHIP,
                                           "group_id", session->group_id);

      for (guint m = 0; m < members->len; m++)
        {
          MiriamMembership *member = g_ptr_array_index (members, m);
          g_string_append_printf (out, "mark %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n",
                                  session->row.id, member->participant_id,
                                  miriam_store_get_attendance (store, session->row.id,
                                                               member->participant_id, NULL));
        }
    }

  for (guint i = 0; i < measurements->len; i++)
    {
      MiriamMeasurement *measurement = g_ptr_array_index (measurements, i);
      g_autoptr(GHashTable) scores = miriam_store_get_scores (store, measurement->row.id, NULL);

      g_assert_nonnull (scores);
      g_string_append_printf (out, "scores %" G_GINT64_FORMAT, measurement->row.id);
      for (guint d = 0; domains[d] != NULL; d++)
        g_string_append_printf (out, " %d", GPOINTER_TO_INT (g_hash_table_lookup (scores, domains[d])));
      g_string_append_c (out, '\n');
    }
}

static char *
dump (MiriamStore *store)
{
  GString *out = g_string_new (NULL);

  for (MiriamRecordKind kind = 0; kind < MIRIAM_N_RECORD_KINDS; kind++)
    dump_records (store, kind, out);
  dump_marks_and_scores (store, out);
  return g_string_free (out, FALSE);
}

static void
test_same_seed (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) twin = open_store (fixture->dir, "twin.miriam");
  g_autoptr(MiriamStore) other = open_store (fixture->dir, "other.miriam");
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  generate_small (fixture->store, 42);
  generate_small (twin, 42);
  generate_small (other, 43);

  first = dump (fixture->store);
  second = dump (twin);
  third = dump (other);
  g_assert_cmpuint (strlen (first), >, 10000);
  g_assert_cmpstr (first, ==, second);
  /* ...and the seed does matter. */
  g_assert_cmpstr (first, !=, third);

  miriam_store_close (twin);
  miriam_store_close (other);
}

static void
assert_same_summary (MiriamStoreSummary *a,
                     MiriamStoreSummary *b)
{
  g_assert_cmpuint (a->n_participants, ==, b->n_participants);
  g_assert_cmpuint (a->n_groups, ==, b->n_groups);
  g_assert_cmpuint (a->n_sessions, ==, b->n_sessions);
  g_assert_cmpuint (a->n_staff, ==, b->n_staff);
}

static void
test_refuses_second_time (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStoreSummary) before = NULL;
  g_autoptr(MiriamStoreSummary) after = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today = test_today ();

  generate_small (fixture->store, 1);
  before = summary_of (fixture->store);

  miriam_demo_options_init_small (&options, &today);
  g_assert_false (miriam_demo_generate (fixture->store, &options, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);

  after = summary_of (fixture->store);
  assert_same_summary (before, after);
}

/* A real team's database with one woman in it is never mixed with
 * fictitious people, not even the staff or groups. */
static void
test_refuses_real_data (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  g_autoptr(MiriamStoreSummary) before = NULL;
  g_autoptr(MiriamStoreSummary) after = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today = test_today ();

  g_free (ocmw->name);
  ocmw->name = g_strdup ("OCMW Echtstad");
  g_free (ocmw->community);
  ocmw->community = g_strdup ("vl");
  g_assert_true (miriam_store_save (fixture->store, MIRIAM_RECORD_OCMW, ocmw, &error));
  g_assert_no_error (error);
  p->ocmw_id = ocmw->row.id;
  g_free (p->first_name);
  p->first_name = g_strdup ("Anna");
  g_free (p->status);
  p->status = g_strdup ("intake");
  g_assert_true (miriam_store_save (fixture->store, MIRIAM_RECORD_PARTICIPANT, p, &error));
  g_assert_no_error (error);
  before = summary_of (fixture->store);

  miriam_demo_options_init_small (&options, &today);
  g_assert_false (miriam_demo_generate (fixture->store, &options, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID);

  after = summary_of (fixture->store);
  assert_same_summary (before, after);
  g_assert_cmpstr (after->ocmw_name, ==, "OCMW Echtstad");

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
}

/* ---------------------------------------------------------------------- */

/* "Clear progress on several domains": at least two domains better at the
 * final measurement than at the baseline. */
static gboolean
made_progress (MiriamStore *store,
               gint64       baseline_id,
               gint64       final_id)
{
  g_autoptr(GHashTable) before = miriam_store_get_scores (store, baseline_id, NULL);
  g_autoptr(GHashTable) after = miriam_store_get_scores (store, final_id, NULL);
  GHashTableIter iter;
  gpointer domain, score;
  guint n_better = 0;

  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &domain, &score))
    n_better += GPOINTER_TO_INT (score) > GPOINTER_TO_INT (g_hash_table_lookup (before, domain));
  return n_better >= 2;
}

static void
check_progress (MiriamStore *store,
                GPtrArray   *participants)
{
  guint n_final = 0, n_progress = 0;

  for (guint i = 0; i < participants->len; i++)
    {
      MiriamParticipant *p = g_ptr_array_index (participants, i);
      g_autoptr(GPtrArray) measurements = NULL;

      if (!g_str_equal (p->status, "completed") && !g_str_equal (p->status, "aftercare"))
        continue;
      measurements = list (store, MIRIAM_RECORD_MEASUREMENT, "participant_id", p->row.id);
      g_assert_cmpuint (measurements->len, ==, 2);
      n_final++;
      n_progress += made_progress (store,
                                   miriam_record_row (g_ptr_array_index (measurements, 0))->id,
                                   miriam_record_row (g_ptr_array_index (measurements, 1))->id);
    }

  g_assert_cmpuint (n_final, >, 500);
  /* About three in four. */
  g_assert_cmpfloat ((double) n_progress / n_final, >, 0.65);
  g_assert_cmpfloat ((double) n_progress / n_final, <, 0.9);
}

static void
test_big (Fixture       *fixture,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GError) error = NULL;
  MiriamDemoOptions options;
  GDate today = test_today ();
  guint n_insz = 0, n_born_2000 = 0;

  miriam_demo_options_init_big (&options, &today);
  g_assert_true (miriam_demo_generate (fixture->store, &options, &error));
  g_assert_no_error (error);

  summary = summary_of (fixture->store);
  g_assert_cmpuint (summary->n_participants, ==, 900);
  g_assert_cmpuint (summary->n_groups, ==, 60);
  g_assert_cmpstr (summary->current_cohort, ==, "2025-2026");

  cohorts = list (fixture->store, MIRIAM_RECORD_COHORT, NULL, 0);
  g_assert_cmpuint (cohorts->len, ==, 10);
  g_assert_cmpstr (((MiriamCohort *) g_ptr_array_index (cohorts, 0))->label, ==, "2016-2017");
  for (guint c = 0; c < cohorts->len; c++)
    {
      g_autoptr(GPtrArray) groups = list (fixture->store, MIRIAM_RECORD_GROUP, "cohort_id",
                                          miriam_record_row (g_ptr_array_index (cohorts, c))->id);
      g_assert_cmpuint (groups->len, ==, 6);
    }

  participants = list (fixture->store, MIRIAM_RECORD_PARTICIPANT, NULL, 0);
  assert_insz_valid (participants, &n_insz, &n_born_2000);
  /* Young mothers born in this century have the other check digits. */
  g_assert_cmpuint (n_born_2000, >, 0);

  check_progress (fixture->store, participants);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/small/cohort", test_small_cohort);
  ADD ("/demo/small/attendance", test_small_attendance);
  ADD ("/demo/small/names", test_small_names);
  ADD ("/demo/small/insz", test_small_insz);
  ADD ("/demo/small/measurements", test_small_measurements);
  ADD ("/demo/small/before-start", test_before_start);
  ADD ("/demo/small/calendar", test_small_calendar);
  ADD ("/demo/small/calendar-autumn", test_small_calendar_autumn);
  ADD ("/demo/same-seed", test_same_seed);
  ADD ("/demo/refuses-second-time", test_refuses_second_time);
  ADD ("/demo/refuses-real-data", test_refuses_real_data);
  ADD ("/demo/big", test_big);
#undef ADD

  return g_test_run ();
}
