/* test-progress-rules.c: the figures of a group's progress
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Means, medians and quartiles over the women scored (never counting "not
 * applicable" as a zero), the change per domain, the programme's headline
 * ("progressed on at least three domains") and the pseudonyms of a report
 * shared outside the team.  Expected figures are worked out by hand.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/miriam-progress.h"

#define NONE MIRIAM_SCORE_NONE

static MiriamProgressGroup *
new_group (guint n_domains)
{
  MiriamProgressGroup *group = miriam_progress_group_new ();

  group->n_domains = n_domains;
  g_strfreev (group->domain_codes);
  g_strfreev (group->domain_labels);
  group->domain_codes = g_new0 (char *, n_domains + 1);
  group->domain_labels = g_new0 (char *, n_domains + 1);
  for (guint i = 0; i < n_domains; i++)
    {
      group->domain_codes[i] = g_strdup_printf ("d%u", i);
      group->domain_labels[i] = g_strdup_printf ("Domain %u", i);
    }
  return group;
}

static guint8 *
scores (guint      n,
        const int *values)
{
  guint8 *out = g_new0 (guint8, n);

  for (guint i = 0; i < n; i++)
    out[i] = (guint8) values[i];
  return out;
}

/* A woman with the given measurements; NULL: not taken. */
static MiriamProgressParticipant *
add_woman (MiriamProgressGroup *group,
           const char          *name,
           const char          *initials,
           const int           *baseline,
           const int           *final)
{
  MiriamProgressParticipant *p = miriam_progress_participant_new (group->n_domains);

  g_free (p->name);
  p->name = g_strdup (name);
  g_free (p->initials);
  p->initials = g_strdup (initials);
  if (baseline != NULL)
    p->baseline = scores (group->n_domains, baseline);
  if (final != NULL)
    p->final = scores (group->n_domains, final);
  g_ptr_array_add (group->participants, p);
  return p;
}

static void
test_stats_even (void)
{
  g_autoptr(MiriamProgressGroup) group = new_group (2);
  MiriamScoreStats stats;

  /* Domain 0 at baseline: 2, not applicable, 4, 1, 5 and a woman
   * without a baseline yet: only 1, 2, 4, 5 count. */
  add_woman (group, "A", "A.", (int[]) { 2, 3 }, NULL);
  add_woman (group, "B", "B.", (int[]) { NONE, 3 }, NULL);
  add_woman (group, "C", "C.", (int[]) { 4, 3 }, NULL);
  add_woman (group, "D", "D.", (int[]) { 1, 3 }, NULL);
  add_woman (group, "E", "E.", (int[]) { 5, 3 }, NULL);
  add_woman (group, "F", "F.", NULL, NULL);

  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_BASELINE, &stats);
  g_assert_cmpuint (stats.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (stats.mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.median, 3.0, 1e-9);
  /* Ranks 0.75 and 2.25 between 1, 2, 4, 5. */
  g_assert_cmpfloat_with_epsilon (stats.q1, 1.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q3, 4.25, 1e-9);
  g_assert_cmpint (stats.min, ==, 1);
  g_assert_cmpint (stats.max, ==, 5);

  miriam_progress_domain_stats (group, 1, MIRIAM_MOMENT_BASELINE, &stats);
  g_assert_cmpuint (stats.n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stats.mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q1, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q3, 3.0, 1e-9);

  /* Nobody has a final measurement yet: nothing to show, not a zero. */
  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_FINAL, &stats);
  g_assert_cmpuint (stats.n, ==, 0);
}

static void
test_stats_odd (void)
{
  g_autoptr(MiriamProgressGroup) group = new_group (1);
  const int values[] = { 3, 1, 4, 1, 5 };
  MiriamScoreStats stats;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    add_woman (group, "X", "X.", NULL, &values[i]);

  /* 1 1 3 4 5 */
  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_FINAL, &stats);
  g_assert_cmpuint (stats.n, ==, 5);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.median, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q1, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q3, 4.0, 1e-9);
  g_assert_cmpint (stats.min, ==, 1);
  g_assert_cmpint (stats.max, ==, 5);

  /* No baseline anywhere. */
  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_BASELINE, &stats);
  g_assert_cmpuint (stats.n, ==, 0);
  /* A domain the group does not have. */
  miriam_progress_domain_stats (group, 7, MIRIAM_MOMENT_FINAL, &stats);
  g_assert_cmpuint (stats.n, ==, 0);
}

static void
test_stats_single_and_intermediate (void)
{
  g_autoptr(MiriamProgressGroup) group = new_group (1);
  MiriamProgressParticipant *p = add_woman (group, "A", "A.", (int[]) { 2 }, NULL);
  MiriamScoreStats stats;

  p->intermediate = scores (1, (int[]) { 4 });
  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_INTERMEDIATE, &stats);
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.mean, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.median, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q1, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.q3, 4.0, 1e-9);

  /* All "not applicable": nobody scored. */
  g_free (p->baseline);
  p->baseline = scores (1, (int[]) { NONE });
  miriam_progress_domain_stats (group, 0, MIRIAM_MOMENT_BASELINE, &stats);
  g_assert_cmpuint (stats.n, ==, 0);
}

static void
test_change (void)
{
  g_autoptr(MiriamProgressGroup) group = new_group (5);
  MiriamProgressParticipant *p = add_woman (group, "A", "A.", (int[]) { 1, 4, 3, NONE, 2 },
                                            (int[]) { 5, 2, 3, 4, NONE });
  MiriamProgressParticipant *no_final = add_woman (group, "B", "B.", (int[]) { 1, 1, 1, 1, 1 }, NULL);
  int change = 99;

  g_assert_true (miriam_progress_change (p, 0, &change));
  g_assert_cmpint (change, ==, 4);
  g_assert_true (miriam_progress_change (p, 1, &change));
  g_assert_cmpint (change, ==, -2);
  g_assert_true (miriam_progress_change (p, 2, &change));
  g_assert_cmpint (change, ==, 0);
  /* Not applicable on either side: no change, not a jump from zero. */
  g_assert_false (miriam_progress_change (p, 3, &change));
  g_assert_false (miriam_progress_change (p, 4, &change));
  g_assert_false (miriam_progress_change (no_final, 0, &change));

  g_assert_cmpuint (miriam_progress_n_improved (p, 5), ==, 1);
  g_assert_cmpuint (miriam_progress_n_improved (no_final, 5), ==, 0);
}

static void
test_headline (void)
{
  g_autoptr(MiriamProgressGroup) group = new_group (5);
  g_autoptr(MiriamProgressGroup) empty = new_group (5);
  guint progressed = 99, measured = 99;
  double share;

  /* Up on exactly three domains: progressed. */
  add_woman (group, "A", "A.", (int[]) { 1, 1, 1, 3, 3 }, (int[]) { 2, 2, 2, 3, 2 });
  /* Up on two only. */
  add_woman (group, "B", "B.", (int[]) { 1, 1, 1, 1, 1 }, (int[]) { 3, 3, 1, 1, 1 });
  /* Up on three scored domains, two more not applicable. */
  add_woman (group, "C", "C.", (int[]) { 2, 2, 2, NONE, 4 }, (int[]) { 3, 3, 3, 5, NONE });
  /* No final measurement yet: not measured, whatever her intermediate says. */
  add_woman (group, "D", "D.", (int[]) { 1, 1, 1, 1, 1 }, NULL)->intermediate =
    scores (5, (int[]) { 5, 5, 5, 5, 5 });
  /* Both measurements, nothing scored: measured, not progressed. */
  add_woman (group, "E", "E.", (int[]) { NONE, NONE, NONE, NONE, NONE },
             (int[]) { NONE, NONE, NONE, NONE, NONE });

  share = miriam_progress_headline (group, &progressed, &measured);
  g_assert_cmpuint (measured, ==, 4);
  g_assert_cmpuint (progressed, ==, 2);
  g_assert_cmpfloat_with_epsilon (share, 0.5, 1e-9);

  share = miriam_progress_headline (empty, &progressed, &measured);
  g_assert_cmpuint (measured, ==, 0);
  g_assert_cmpuint (progressed, ==, 0);
  g_assert_cmpfloat (share, <, 0);
}

static void
assert_no_real_name (const MiriamProgressGroup *group,
                     const char * const        *real_names)
{
  for (guint i = 0; i < group->participants->len; i++)
    {
      const MiriamProgressParticipant *p = group->participants->pdata[i];

      for (guint k = 0; real_names[k] != NULL; k++)
        {
          g_auto(GStrv) words = g_strsplit (real_names[k], " ", -1);

          /* Neither her first name nor her surname, in any woman's
           * name or initials. */
          for (guint w = 0; words[w] != NULL; w++)
            {
              g_assert_null (strstr (p->name, words[w]));
              g_assert_null (strstr (p->initials, words[w]));
            }
        }
    }
}

static MiriamProgressGroup *
named_group (void)
{
  MiriamProgressGroup *group = new_group (1);

  add_woman (group, "Anna Baeten", "A. B.", (int[]) { 1 }, (int[]) { 2 });
  add_woman (group, "Annelies Boon", "A. B.", NULL, NULL);
  add_woman (group, "Carla Verhoeven", "", NULL, NULL);
  add_woman (group, "Ayse Bulut", "A. B.", NULL, NULL);
  return group;
}

static const char * const real_names[] = { "Anna Baeten", "Annelies Boon", "Carla Verhoeven", "Ayse Bulut", NULL };

static void
test_pseudonym_initials (void)
{
  g_autoptr(MiriamProgressGroup) group = named_group ();
  const char * const expected[] = { "A. B.", "A. B. (2)", "C. V.", "A. B. (3)" };

  miriam_progress_pseudonymise (group, MIRIAM_PSEUDONYM_INITIALS);
  g_assert_cmpuint (group->participants->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MiriamProgressParticipant *p = group->participants->pdata[i];

      g_assert_cmpstr (p->name, ==, expected[i]);
    }
  assert_no_real_name (group, real_names);

  /* The scores stay with the right woman. */
  g_assert_cmpint (((MiriamProgressParticipant *) group->participants->pdata[0])->final[0], ==, 2);
}

static void
test_pseudonym_numbers (void)
{
  g_autoptr(MiriamProgressGroup) group = named_group ();

  /* The test runs in the "C" locale: the English source texts. */
  miriam_progress_pseudonymise (group, MIRIAM_PSEUDONYM_NUMBER);
  for (guint i = 0; i < group->participants->len; i++)
    {
      const MiriamProgressParticipant *p = group->participants->pdata[i];
      g_autofree char *expected = g_strdup_printf ("Participant %u", i + 1);

      g_assert_cmpstr (p->name, ==, expected);
    }
  assert_no_real_name (group, real_names);
}

static void
test_pseudonym_none_and_copy (void)
{
  g_autoptr(MiriamProgressGroup) group = named_group ();
  g_autoptr(MiriamProgressGroup) copy = miriam_progress_group_copy (group);

  miriam_progress_pseudonymise (group, MIRIAM_PSEUDONYM_NONE);
  g_assert_cmpstr (((MiriamProgressParticipant *) group->participants->pdata[2])->name, ==, "Carla Verhoeven");

  /* Pseudonymising a copy leaves the original alone (the report works
   * on copies). */
  miriam_progress_pseudonymise (copy, MIRIAM_PSEUDONYM_INITIALS);
  g_assert_cmpstr (((MiriamProgressParticipant *) group->participants->pdata[0])->name, ==, "Anna Baeten");
  g_assert_cmpstr (((MiriamProgressParticipant *) copy->participants->pdata[0])->name, ==, "A. B.");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  /* The "C" locale (no setlocale (LC_ALL, "")): the English source texts. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/stats/even", test_stats_even);
  g_test_add_func ("/progress/stats/odd", test_stats_odd);
  g_test_add_func ("/progress/stats/single-and-intermediate", test_stats_single_and_intermediate);
  g_test_add_func ("/progress/change", test_change);
  g_test_add_func ("/progress/headline", test_headline);
  g_test_add_func ("/progress/pseudonym/initials", test_pseudonym_initials);
  g_test_add_func ("/progress/pseudonym/numbers", test_pseudonym_numbers);
  g_test_add_func ("/progress/pseudonym/none-and-copy", test_pseudonym_none_and_copy);

  return g_test_run ();
}
