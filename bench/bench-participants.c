/* bench-participants.c: the participant list and files of a large OCMW
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-participants [--participants N] [--keep PATH]
 *
 * Builds a database with N participants (10,000 by default) in groups of
 * fourteen over ten cohorts, with casemanagers, fortnightly sessions,
 * contacts, children, goals and status histories, in a temporary file
 * (or in PATH, kept), then prints how long the participant list, loading
 * one file and saving one file take, and how big the file is.  Run it on
 * a network share (--keep //server/share/bench.miriam) to see what a team
 * will see.  Prints figures for developers (so in English, untranslated);
 * it never judges them.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/miriam-store.h"

#define WOMEN_PER_GROUP 14
#define N_COHORTS 10
#define N_CASEMANAGERS 8

static char *keep_path;
static gint  n_participants = 10000;

static const GOptionEntry entries[] = {
  { "participants", 'n', 0, G_OPTION_ARG_INT, &n_participants,
    "Number of participants (default 10000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path, "Build into PATH and keep it", "PATH" },
  { NULL }
};

static const char * const first_names[] = {
  "Sarah", "Fatima", "Ayşe", "Olena", "Mélanie", "Nour", "Agnieszka", "Grâce", "Ine", "Zahra",
  "Kelly", "Samira", "Elif", "Andreea", "Senait", "Gaëlle", "Lotte", "Hiba",
};
static const char * const last_names[] = {
  "Peeters", "El Idrissi", "Yılmaz", "Kovalenko", "Dubois", "الخطيب", "Wiśniewska", "Mbuyi",
  "Öztürk", "Ahmadi", "Van den Broeck", "De Smet", "Çelik", "Lefèvre", "Şahin", "Janssens",
  "Benali", "Popescu", "Tesfay", "Maes",
};
static const char * const domains[] = {
  "finances", "housing", "work", "parenting", "health", "wellbeing", "rights",
};

typedef struct
{
  GDate   today;
  GRand  *rand;
  gint64  ocmw_id;
  gint64  staff[N_CASEMANAGERS];
  gint64  cohorts[N_COHORTS];
  guint   first_year;
  gint64  group_id;
  guint   group_cohort;
  gint64  sample_id;     /* a participant of the current cohort */
} Build;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
take_text (char **field,
           char  *value)
{
  g_free (*field);
  *field = value;
}

static GDate
dmy (guint      d,
     GDateMonth m,
     guint      y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDate
plus (GDate date,
      guint n_days)
{
  g_date_add_days (&date, n_days);
  return date;
}

static gboolean
save (MiriamStore       *store,
      MiriamRecordKind   kind,
      gpointer           record,
      gint64            *id,
      GError           **error)
{
  gboolean ok = miriam_store_save (store, kind, record, error);

  if (id != NULL)
    *id = miriam_record_row (record)->id;
  miriam_record_free (kind, record);
  return ok;
}

static gboolean
add_people (MiriamStore  *store,
            Build        *b,
            GError      **error)
{
  MiriamOcmw *ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);

  set_text (&ocmw->name, "OCMW Grootstad");
  if (!save (store, MIRIAM_RECORD_OCMW, ocmw, &b->ocmw_id, error))
    return FALSE;

  for (guint i = 0; i < N_CASEMANAGERS; i++)
    {
      MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);

      staff->ocmw_id = b->ocmw_id;
      take_text (&staff->display_name,
                 g_strdup_printf ("%s %s", first_names[(i * 5) % G_N_ELEMENTS (first_names)],
                                  last_names[(i * 3) % G_N_ELEMENTS (last_names)]));
      if (!save (store, MIRIAM_RECORD_STAFF, staff, &b->staff[i], error))
        return FALSE;
    }

  for (guint c = 0; c < N_COHORTS; c++)
    {
      MiriamCohort *cohort = miriam_record_new (MIRIAM_RECORD_COHORT);
      guint year = b->first_year + c;

      take_text (&cohort->label, g_strdup_printf ("%u-%u", year, year + 1));
      cohort->start_date = dmy (1, G_DATE_SEPTEMBER, year);
      cohort->end_date = dmy (30, G_DATE_JUNE, year + 1);
      if (!save (store, MIRIAM_RECORD_COHORT, cohort, &b->cohorts[c], error))
        return FALSE;
    }
  return TRUE;
}

/* A group with one or two casemanagers and fortnightly sessions from
 * September to June, one in twenty cancelled. */
static gboolean
add_group (MiriamStore  *store,
           Build        *b,
           guint         n,
           GError      **error)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  guint year = b->first_year + b->group_cohort;
  GDate start = dmy (15, G_DATE_SEPTEMBER, year);

  group->ocmw_id = b->ocmw_id;
  group->cohort_id = b->cohorts[b->group_cohort];
  take_text (&group->name, g_strdup_printf ("Groep %u", n + 1));
  group->start_date = start;
  group->end_date = dmy (25, G_DATE_JUNE, year + 1);
  if (!save (store, MIRIAM_RECORD_GROUP, group, &b->group_id, error)
      || !miriam_store_add_group_staff (store, b->group_id, b->staff[n % N_CASEMANAGERS], error)
      || (n % 3 == 1
          && !miriam_store_add_group_staff (store, b->group_id, b->staff[(n + 1) % N_CASEMANAGERS],
                                            error)))
    return FALSE;

  for (guint s = 0; s < 20; s++)
    {
      MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

      session->group_id = b->group_id;
      session->day = plus (start, 14 * s);
      session->cancelled = g_rand_int_range (b->rand, 0, 20) == 0;
      set_text (&session->theme, "housing");
      if (!save (store, MIRIAM_RECORD_SESSION, session, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_woman (MiriamStore  *store,
           Build        *b,
           guint         i,
           GError      **error)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  GDate joined = dmy (15, G_DATE_SEPTEMBER, b->first_year + b->group_cohort);
  gboolean current = b->group_cohort == N_COHORTS - 1;
  static const char * const path[] = { "waiting", "intake", "active", "completed" };
  GDate intake = joined;
  gint64 id;

  g_date_subtract_days (&intake, 20);
  p->ocmw_id = b->ocmw_id;
  set_text (&p->first_name, first_names[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (first_names))]);
  set_text (&p->last_name, last_names[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (last_names))]);
  take_text (&p->phone, g_strdup_printf ("0470 %03u %03u", i / 1000, i % 1000));
  set_text (&p->status, current ? "active" : "completed");
  p->intake_date = intake;
  p->consent_date = intake;
  p->criterion_poverty = p->criterion_isolated = TRUE;
  p->criterion_language = p->criterion_voluntary = TRUE;
  set_text (&p->notes, "Aangemeld door de sociale dienst. Twee kinderen, leefloon, weinig netwerk.");
  if (!save (store, MIRIAM_RECORD_PARTICIPANT, p, &id, error))
    return FALSE;
  if (current)
    b->sample_id = id;

  for (guint s = 0; s < (current ? 3u : 4u); s++)
    {
      MiriamStatusStep *step = miriam_record_new (MIRIAM_RECORD_STATUS_STEP);

      step->participant_id = id;
      set_text (&step->status, path[s]);
      step->day = plus (intake, 10 * s);
      if (!save (store, MIRIAM_RECORD_STATUS_STEP, step, NULL, error))
        return FALSE;
    }

  {
    MiriamMembership *m = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
    MiriamChild *child = miriam_record_new (MIRIAM_RECORD_CHILD);
    MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);

    m->participant_id = id;
    m->group_id = b->group_id;
    m->joined_on = joined;
    child->participant_id = id;
    set_text (&child->first_name, "Noah");
    child->birth_year = 2018;
    goal->participant_id = id;
    set_text (&goal->domain, domains[i % G_N_ELEMENTS (domains)]);
    set_text (&goal->description, "Een afbetalingsplan opstellen en volhouden.");
    goal->start_date = plus (joined, 14);
    if (!save (store, MIRIAM_RECORD_MEMBERSHIP, m, NULL, error)
        || !save (store, MIRIAM_RECORD_CHILD, child, NULL, error)
        || !save (store, MIRIAM_RECORD_GOAL, goal, NULL, error))
      return FALSE;
  }

  for (guint c = 0; c < 3; c++)
    {
      MiriamContact *contact = miriam_record_new (MIRIAM_RECORD_CONTACT);

      contact->participant_id = id;
      contact->staff_id = b->staff[i % N_CASEMANAGERS];
      contact->day = plus (joined, g_rand_int_range (b->rand, 0, 200));
      contact->duration_min = 45;
      set_text (&contact->kind, "home_visit");
      set_text (&contact->domains, "finances,housing");
      set_text (&contact->note, "Huisbezoek: facturen overlopen en de aanvraag bij het SVK opgevolgd.");
      if (!save (store, MIRIAM_RECORD_CONTACT, contact, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build (MiriamStore  *store,
       gpointer      user_data,
       GError      **error)
{
  Build *b = user_data;
  guint n_groups = (n_participants + WOMEN_PER_GROUP - 1) / WOMEN_PER_GROUP;

  if (!add_people (store, b, error))
    return FALSE;

  for (gint i = 0; i < n_participants; i++)
    {
      if (i % WOMEN_PER_GROUP == 0)
        {
          guint g = i / WOMEN_PER_GROUP;

          /* Groups spread evenly over the cohorts, oldest first. */
          b->group_cohort = MIN (g * N_COHORTS / MAX (n_groups, 1), N_COHORTS - 1);
          if (!add_group (store, b, g, error))
            return FALSE;
        }
      if (!add_woman (store, b, i, error))
        return FALSE;
    }
  return TRUE;
}

static void
print_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) == 0)
    g_print ("%-36s %10.1f MiB\n", "file size", buf.st_size / (1024.0 * 1024.0));
}

static gboolean
measure (const char  *path,
         Build       *b)
{
  g_autoptr(MiriamStore) store = miriam_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamParticipantFile) file = NULL;
  gint64 start;
  double total;

  start = g_get_monotonic_time ();
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error))
    {
      g_printerr ("Cannot open %s: %s\n", path, error->message);
      return FALSE;
    }
  g_print ("%-36s %10.1f ms\n", "reopen", ms_since (start));

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *what = g_strdup_printf ("list participant rows (%s)",
                                               run == 0 ? "first" : "again");

      start = g_get_monotonic_time ();
      rows = miriam_store_list_participant_rows (store, &b->today, &error);
      if (rows == NULL)
        {
          g_printerr ("Cannot list the participants: %s\n", error->message);
          return FALSE;
        }
      g_print ("%-36s %10.1f ms   (%u rows)\n", what, ms_since (start), rows->len);
    }

  start = g_get_monotonic_time ();
  file = miriam_store_load_participant_file (store, b->sample_id, &error);
  if (file == NULL)
    {
      g_printerr ("Cannot load a file: %s\n", error->message);
      return FALSE;
    }
  g_print ("%-36s %10.1f ms   (%u contacts, %u status steps)\n", "load one file (first)",
           ms_since (start), file->contacts->len, file->status_steps->len);

  total = 0;
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(MiriamParticipantFile) again = NULL;

      start = g_get_monotonic_time ();
      again = miriam_store_load_participant_file (store, b->sample_id - i, NULL);
      total += ms_since (start);
    }
  g_print ("%-36s %10.1f ms   (mean of 20)\n", "load one file", total / 20);

  total = 0;
  for (guint i = 0; i < 20; i++)
    {
      MiriamParticipantFile *saved;

      take_text (&file->participant->notes, g_strdup_printf ("Opgeslagen %u keer in de bench.", i + 1));
      start = g_get_monotonic_time ();
      saved = miriam_store_save_participant_file (store, file, NULL, &error);
      total += ms_since (start);
      if (saved == NULL)
        {
          g_printerr ("Cannot save a file: %s\n", error->message);
          return FALSE;
        }
      miriam_participant_file_free (file);
      file = saved;
    }
  g_print ("%-36s %10.1f ms   (mean of 20, one transaction each)\n", "save one file", total / 20);

  miriam_store_close (store);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MiriamStore) store = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  Build b = { 0 };
  gint64 start;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Builds a large OCMW and prints how fast the participant "
                                         "list and files are.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1 || n_participants < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "Usage: bench-participants [--participants N] [--keep PATH]");
      return EXIT_FAILURE;
    }

  if (keep_path != NULL)
    {
      if (g_file_test (keep_path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("%s already exists; remove it first or choose another path.\n", keep_path);
          return EXIT_FAILURE;
        }
      path = g_strdup (keep_path);
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("miriam-bench-participants-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      path = g_build_filename (tmp_dir, "participants.miriam", NULL);
    }

  /* The current cohort is the school year of today. */
  b.today = dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                 g_date_time_get_year (now));
  b.first_year = (g_date_get_month (&b.today) >= G_DATE_AUGUST ? g_date_get_year (&b.today)
                                                                : g_date_get_year (&b.today) - 1)
                 - (N_COHORTS - 1);
  b.rand = g_rand_new_with_seed (20261116);

  g_print ("%-36s %s%s\n", "file", path, tmp_dir != NULL ? " (removed afterwards)" : "");
  store = miriam_store_new (path);
  ok = miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error);
  start = g_get_monotonic_time ();
  ok = ok && miriam_store_write (store, build, &b, &error);
  if (ok)
    g_print ("%-36s %10.1f ms   (%d participants, one transaction)\n", "build", ms_since (start),
             n_participants);
  else
    g_printerr ("Cannot build the database: %s\n", error->message);
  miriam_store_close (store);

  if (ok)
    {
      print_size (path);
      ok = measure (path, &b);
    }

  if (tmp_dir != NULL)
    {
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      g_remove (journal);
      g_remove (path);
      g_rmdir (tmp_dir);
    }
  g_rand_free (b.rand);
  g_free (keep_path);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
