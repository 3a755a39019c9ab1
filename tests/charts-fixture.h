/* charts-fixture.h: hand-built progress data for the chart and report
 * tests and the report benchmark
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fictitious women, made up for the tests.  The scores come from a seeded
 * random generator, so every run draws the same group.
 */
#pragma once

#include <glib.h>

#include "core/miriam-progress.h"
#include "core/miriam-vocabulary.h"

G_GNUC_UNUSED static const char * const fixture_names[] = {
  "Amina Benali", "Bieke Claes", "Chantal Dubois", "Dounia El Amrani", "Els Goossens",
  "Fatima Haddad", "Griet Janssens", "Hanna Kowalska", "Ilse Lambrechts", "Joke Maes",
  "Karima Nouri", "Lotte Peeters", "Mireille Renard", "Nadia Smets", "Olga Vermeulen",
  "Petra Wouters", "Queenie Xhonneux", "Rachida Yilmaz", "Sofie Zeghers", "Tamara Aerts",
  "Ursula Bosmans", "Vera Cools", "Wendy De Smet", "Xenia Engels", "Yasmina Fontaine",
  "Zoë Geerts", "Anouk Hermans", "Brenda Jacobs", "Carine Kerckhofs", "Dina Leclercq",
};

G_GNUC_UNUSED static GDate
fixture_day (guint day,
             guint month,
             guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* The method's domains, named in the language in force now (as the store
 * does when it loads a group). */
G_GNUC_UNUSED static void
fixture_set_domains (MiriamProgressGroup *group,
                     guint                n_domains)
{
  guint n_terms = 0;
  const MiriamTerm *terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n_terms);

  g_assert_cmpuint (n_domains, <=, n_terms);
  g_strfreev (group->domain_codes);
  g_strfreev (group->domain_labels);
  group->n_domains = n_domains;
  group->domain_codes = g_new0 (char *, n_domains + 1);
  group->domain_labels = g_new0 (char *, n_domains + 1);
  for (guint i = 0; i < n_domains; i++)
    {
      group->domain_codes[i] = g_strdup (terms[i].code);
      group->domain_labels[i] = g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, terms[i].code));
    }
}

G_GNUC_UNUSED static void
fixture_relabel (MiriamProgressGroup *group)
{
  for (guint i = 0; i < group->n_domains; i++)
    {
      g_free (group->domain_labels[i]);
      group->domain_labels[i] = g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN,
                                                                   group->domain_codes[i]));
    }
}

G_GNUC_UNUSED static MiriamProgressParticipant *
fixture_add_participant (MiriamProgressGroup *group,
                         const char          *name,
                         const char          *initials)
{
  MiriamProgressParticipant *p = miriam_progress_participant_new (group->n_domains);

  p->participant_id = group->participants->len + 1;
  g_free (p->name);
  p->name = g_strdup (name);
  g_free (p->initials);
  p->initials = g_strdup (initials != NULL ? initials : "");
  g_ptr_array_add (group->participants, p);
  return p;
}

G_GNUC_UNUSED static void
fixture_set_scores (guint8     **scores,
                    GDate       *day,
                    guint        n_domains,
                    const int   *values,
                    GDate        date)
{
  g_free (*scores);
  *scores = g_new0 (guint8, MAX (n_domains, 1));
  for (guint i = 0; i < n_domains; i++)
    (*scores)[i] = (guint8) values[i];
  *day = date;
}

/* A group of @n women with @n_sessions weekly sessions, baseline and
 * final for everybody but the last woman (no final yet, an intermediate
 * instead), some domains not applicable, two women who joined late. */
G_GNUC_UNUSED static MiriamProgressGroup *
fixture_group (guint n,
               guint n_domains,
               guint n_sessions)
{
  MiriamProgressGroup *group = miriam_progress_group_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260914);
  GDate day = fixture_day (14, 9, 2026);

  g_free (group->ocmw_name);
  group->ocmw_name = g_strdup ("OCMW Mechelen");
  g_free (group->group_name);
  group->group_name = g_strdup ("Maandaggroep Nekkerspoel");
  g_free (group->cohort_label);
  group->cohort_label = g_strdup ("2026-2027");
  g_free (group->casemanagers);
  group->casemanagers = g_strdup ("Sara Vandenberghe, Ines Mertens");
  group->start_date = fixture_day (14, 9, 2026);
  group->end_date = fixture_day (21, 6, 2027);
  fixture_set_domains (group, n_domains);

  for (guint s = 0; s < n_sessions; s++)
    {
      g_array_append_val (group->session_days, day);
      g_date_add_days (&day, 7);
    }

  for (guint i = 0; i < n; i++)
    {
      MiriamProgressParticipant *p;
      g_autofree char *name = NULL;
      g_autofree int *base = g_new0 (int, MAX (n_domains, 1));
      g_autofree int *later = g_new0 (int, MAX (n_domains, 1));

      if (i < G_N_ELEMENTS (fixture_names))
        name = g_strdup (fixture_names[i]);
      else
        name = g_strdup_printf ("Vrouw %u Testnaam", i + 1);
      p = fixture_add_participant (group, name, NULL);
      /* Most women move up on several domains, some hardly. */
      gboolean moves_up = g_rand_int_range (rand, 0, 4) != 0;

      for (guint d = 0; d < n_domains; d++)
        {
          int step = moves_up ? g_rand_int_range (rand, -1, 3) : g_rand_int_range (rand, -1, 1);

          base[d] = g_rand_int_range (rand, 1, 5);
          later[d] = CLAMP (base[d] + step, 1, 5);
          /* Now and then "not applicable" (work for a woman on sick
           * leave, parenting...): never a zero. */
          if (g_rand_int_range (rand, 0, 12) == 0)
            base[d] = later[d] = MIRIAM_SCORE_NONE;
        }
      fixture_set_scores (&p->baseline, &p->baseline_day, n_domains, base, fixture_day (28, 9, 2026));
      if (i + 1 < n || n == 1)
        fixture_set_scores (&p->final, &p->final_day, n_domains, later, fixture_day (14, 6, 2027));
      else
        fixture_set_scores (&p->intermediate, &p->intermediate_day, n_domains, later, fixture_day (1, 2, 2027));

      for (guint s = 0; s < n_sessions; s++)
        {
          MiriamAttendance mark;
          int r = g_rand_int_range (rand, 0, 100);

          if (i % 7 == 3 && s < 4)
            mark = MIRIAM_ATTENDANCE_UNKNOWN;   /* joined the group later */
          else if (r < 74)
            mark = MIRIAM_ATTENDANCE_PRESENT;
          else if (r < 87)
            mark = MIRIAM_ATTENDANCE_ABSENT;
          else
            mark = MIRIAM_ATTENDANCE_EXCUSED;
          g_array_append_val (p->attendance, mark);
        }
    }
  return group;
}
