/* miriam-progress.c: scores per life domain, and what a group made of them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "miriam-progress.h"
#include "miriam-language.h"
#include "miriam-vocabulary.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The glossary's five levels, in the spirit of the self-sufficiency
 * matrix; index = score. */
static const char * const levels[] = {
  [MIRIAM_SCORE_NONE] = NC_("score", "Not applicable"),
  [1] = NC_("score", "Acute problem"),
  [2] = NC_("score", "Not self-reliant"),
  [3] = NC_("score", "Partly self-reliant"),
  [4] = NC_("score", "Sufficiently self-reliant"),
  [5] = NC_("score", "Fully self-reliant"),
};

const char *
miriam_score_level_label (int score)
{
  if (score < MIRIAM_SCORE_MIN || score > MIRIAM_SCORE_MAX)
    score = MIRIAM_SCORE_NONE;
  return g_dpgettext2 (GETTEXT_PACKAGE, "score", levels[score]);
}

const char *
miriam_measurement_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "baseline") == 0)
    return _("Baseline measurement");
  if (g_strcmp0 (kind, "intermediate") == 0)
    return _("Intermediate measurement");
  if (g_strcmp0 (kind, "final") == 0)
    return _("Final measurement");
  return kind != NULL ? kind : "";
}

MiriamLifeDomain *
miriam_life_domain_new (const char *code)
{
  MiriamLifeDomain *domain = g_new0 (MiriamLifeDomain, 1);

  domain->code = g_strdup (code != NULL ? code : "");
  domain->label_nl = g_strdup ("");
  domain->label_fr = g_strdup ("");
  domain->label_de = g_strdup ("");
  domain->active = TRUE;
  return domain;
}

MiriamLifeDomain *
miriam_life_domain_copy (const MiriamLifeDomain *domain)
{
  MiriamLifeDomain *copy = g_new0 (MiriamLifeDomain, 1);

  copy->code = g_strdup (domain->code);
  copy->label_nl = g_strdup (domain->label_nl);
  copy->label_fr = g_strdup (domain->label_fr);
  copy->label_de = g_strdup (domain->label_de);
  copy->active = domain->active;
  return copy;
}

void
miriam_life_domain_free (MiriamLifeDomain *domain)
{
  if (domain == NULL)
    return;
  g_free (domain->code);
  g_free (domain->label_nl);
  g_free (domain->label_fr);
  g_free (domain->label_de);
  g_free (domain);
}

static gboolean
is_method_domain (const char *code)
{
  guint n = 0;
  const MiriamTerm *terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_LIFE_DOMAIN, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

const char *
miriam_life_domain_label (const MiriamLifeDomain *domain)
{
  const char *own[3] = { domain->label_nl, domain->label_fr, domain->label_de };
  guint first;

  if (is_method_domain (domain->code))
    return miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, domain->code);

  /* The OCMW's own domain: its name in the current language, else in
   * the other two (in the order nl, fr, de), else the code. */
  switch (miriam_language_get_current ())
    {
    case MIRIAM_LANGUAGE_FR: first = 1; break;
    case MIRIAM_LANGUAGE_DE: first = 2; break;
    default:                 first = 0; break;
    }
  if (has_text (own[first]))
    return own[first];
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (has_text (own[i]))
      return own[i];
  return domain->code;
}

char *
miriam_life_domain_make_code (const char         *name,
                              const char * const *taken)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  g_autoptr(GString) code = g_string_new ("own_");
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p != '\0' && code->len < 40; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (code, c);
      else if (code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 4 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 4)
    g_string_append (code, "domain");

  /* "own_" keeps an OCMW's codes apart from the method's; a number keeps
   * two domains with the same name apart. */
  base = g_strdup (code->str);
  for (guint n = 2; taken != NULL && g_strv_contains (taken, code->str); n++)
    g_string_printf (code, "%s_%u", base, n);
  return g_string_free (g_steal_pointer (&code), FALSE);
}

MiriamProgressParticipant *
miriam_progress_participant_new (guint n_domains G_GNUC_UNUSED)
{
  MiriamProgressParticipant *p = g_new0 (MiriamProgressParticipant, 1);

  p->name = g_strdup ("");
  p->initials = g_strdup ("");
  g_date_clear (&p->baseline_day, 1);
  g_date_clear (&p->final_day, 1);
  g_date_clear (&p->intermediate_day, 1);
  p->attendance = g_array_new (FALSE, TRUE, sizeof (MiriamAttendance));
  return p;
}

void
miriam_progress_participant_free (MiriamProgressParticipant *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->initials);
  g_free (p->baseline);
  g_free (p->final);
  g_free (p->intermediate);
  g_clear_pointer (&p->attendance, g_array_unref);
  g_free (p);
}

static MiriamProgressParticipant *
participant_copy (const MiriamProgressParticipant *p,
                  guint                            n_domains)
{
  MiriamProgressParticipant *copy = miriam_progress_participant_new (n_domains);

  copy->participant_id = p->participant_id;
  g_free (copy->name);
  copy->name = g_strdup (p->name);
  g_free (copy->initials);
  copy->initials = g_strdup (p->initials);
  copy->baseline = p->baseline != NULL ? g_memdup2 (p->baseline, MAX (n_domains, 1)) : NULL;
  copy->final = p->final != NULL ? g_memdup2 (p->final, MAX (n_domains, 1)) : NULL;
  copy->intermediate = p->intermediate != NULL ? g_memdup2 (p->intermediate, MAX (n_domains, 1)) : NULL;
  copy->baseline_day = p->baseline_day;
  copy->final_day = p->final_day;
  copy->intermediate_day = p->intermediate_day;
  if (p->attendance != NULL)
    g_array_append_vals (copy->attendance, p->attendance->data, p->attendance->len);
  return copy;
}

MiriamProgressGroup *
miriam_progress_group_new (void)
{
  MiriamProgressGroup *group = g_new0 (MiriamProgressGroup, 1);

  group->ocmw_name = g_strdup ("");
  group->group_name = g_strdup ("");
  group->cohort_label = g_strdup ("");
  group->casemanagers = g_strdup ("");
  g_date_clear (&group->start_date, 1);
  g_date_clear (&group->end_date, 1);
  group->domain_codes = g_new0 (char *, 1);
  group->domain_labels = g_new0 (char *, 1);
  group->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_participant_free);
  group->session_days = g_array_new (FALSE, FALSE, sizeof (GDate));
  return group;
}

void
miriam_progress_group_free (MiriamProgressGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->ocmw_name);
  g_free (group->group_name);
  g_free (group->cohort_label);
  g_free (group->casemanagers);
  g_strfreev (group->domain_codes);
  g_strfreev (group->domain_labels);
  g_clear_pointer (&group->participants, g_ptr_array_unref);
  g_clear_pointer (&group->session_days, g_array_unref);
  g_free (group);
}

MiriamProgressGroup *
miriam_progress_group_copy (const MiriamProgressGroup *group)
{
  MiriamProgressGroup *copy = miriam_progress_group_new ();

  g_free (copy->ocmw_name);
  copy->ocmw_name = g_strdup (group->ocmw_name);
  g_free (copy->group_name);
  copy->group_name = g_strdup (group->group_name);
  g_free (copy->cohort_label);
  copy->cohort_label = g_strdup (group->cohort_label);
  g_free (copy->casemanagers);
  copy->casemanagers = g_strdup (group->casemanagers);
  copy->start_date = group->start_date;
  copy->end_date = group->end_date;
  copy->n_domains = group->n_domains;
  g_strfreev (copy->domain_codes);
  copy->domain_codes = g_strdupv (group->domain_codes);
  g_strfreev (copy->domain_labels);
  copy->domain_labels = g_strdupv (group->domain_labels);
  for (guint i = 0; i < group->participants->len; i++)
    g_ptr_array_add (copy->participants, participant_copy (group->participants->pdata[i], group->n_domains));
  g_array_append_vals (copy->session_days, group->session_days->data, group->session_days->len);
  return copy;
}

/* ---- Figures ---- */

static const guint8 *
moment_scores (const MiriamProgressParticipant *p,
               MiriamMoment                     moment)
{
  switch (moment)
    {
    case MIRIAM_MOMENT_BASELINE:     return p->baseline;
    case MIRIAM_MOMENT_INTERMEDIATE: return p->intermediate;
    case MIRIAM_MOMENT_FINAL:        return p->final;
    default:                         return NULL;
    }
}

static gboolean
is_score (int score)
{
  return score >= MIRIAM_SCORE_MIN && score <= MIRIAM_SCORE_MAX;
}

/* The quantile of sorted @values by linear interpolation between the
 * closest ranks (Hyndman & Fan type 7: R's default and the spreadsheets'
 * QUARTILE.INC), so that a lead can check a figure by hand. */
static double
quantile (const int *values,
          guint      n,
          double     q)
{
  double rank = q * (n - 1);
  guint below = (guint) rank;
  double fraction = rank - below;

  if (below + 1 >= n)
    return values[n - 1];
  return values[below] + fraction * (values[below + 1] - values[below]);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b,
              gpointer      user_data G_GNUC_UNUSED)
{
  return *(const int *) a - *(const int *) b;
}

void
miriam_progress_domain_stats (const MiriamProgressGroup *group,
                              guint                      domain,
                              MiriamMoment               moment,
                              MiriamScoreStats          *stats)
{
  g_autofree int *values = NULL;
  guint n = 0;
  double sum = 0;

  memset (stats, 0, sizeof *stats);
  g_return_if_fail (group != NULL);
  if (domain >= group->n_domains || group->participants->len == 0)
    return;

  /* Only the women scored on this domain at that moment: "not
   * applicable" and a measurement not taken yet are no zeros. */
  values = g_new (int, group->participants->len);
  for (guint i = 0; i < group->participants->len; i++)
    {
      const guint8 *scores = moment_scores (group->participants->pdata[i], moment);

      if (scores != NULL && is_score (scores[domain]))
        values[n++] = scores[domain];
    }
  if (n == 0)
    return;

  g_qsort_with_data (values, n, sizeof *values, compare_ints, NULL);
  for (guint i = 0; i < n; i++)
    sum += values[i];
  stats->n = n;
  stats->mean = sum / n;
  stats->median = quantile (values, n, 0.5);
  stats->q1 = quantile (values, n, 0.25);
  stats->q3 = quantile (values, n, 0.75);
  stats->min = values[0];
  stats->max = values[n - 1];
}

gboolean
miriam_progress_change (const MiriamProgressParticipant *p,
                        guint                            domain,
                        int                             *change)
{
  *change = 0;
  if (p == NULL || p->baseline == NULL || p->final == NULL)
    return FALSE;
  if (!is_score (p->baseline[domain]) || !is_score (p->final[domain]))
    return FALSE;
  *change = (int) p->final[domain] - (int) p->baseline[domain];
  return TRUE;
}

guint
miriam_progress_n_improved (const MiriamProgressParticipant *p,
                            guint                            n_domains)
{
  guint n = 0;

  for (guint i = 0; i < n_domains; i++)
    {
      int change;

      if (miriam_progress_change (p, i, &change) && change > 0)
        n++;
    }
  return n;
}

/* "Several domains" in the programme's own figure ("three in four women
 * make clear progress on several domains"). */
#define PROGRESSED_MIN_DOMAINS 3

double
miriam_progress_headline (const MiriamProgressGroup *group,
                          guint                     *n_progressed,
                          guint                     *n_measured)
{
  guint measured = 0, progressed = 0;

  for (guint i = 0; i < group->participants->len; i++)
    {
      const MiriamProgressParticipant *p = group->participants->pdata[i];

      if (p->baseline == NULL || p->final == NULL)
        continue;
      measured++;
      if (miriam_progress_n_improved (p, group->n_domains) >= PROGRESSED_MIN_DOMAINS)
        progressed++;
    }
  *n_progressed = progressed;
  *n_measured = measured;
  return measured > 0 ? (double) progressed / measured : -1;
}

/* "A. B." from the first letters of her first and last name, for a
 * participant whose initials were not filled in. */
static char *
initials_from_name (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t", -1);
  GString *out = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && g_utf8_validate (words[i], -1, NULL))
      {
        if (first == NULL)
          first = words[i];
        else
          last = words[i];
      }
  for (guint i = 0; i < 2; i++)
    {
      const char *word = i == 0 ? first : last;

      if (word == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
      g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}

static void
replace_name (MiriamProgressParticipant *p,
              char                      *name,
              char                      *initials)
{
  /* Overwrite before freeing: a pseudonymised copy is meant to leave the
   * team, so the real name should not linger in freed memory either. */
  if (p->name != NULL)
    memset (p->name, 0, strlen (p->name));
  if (p->initials != NULL)
    memset (p->initials, 0, strlen (p->initials));
  g_free (p->name);
  g_free (p->initials);
  p->name = name;
  p->initials = initials;
}

static void
pseudonymise_initials (MiriamProgressGroup *group)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < group->participants->len; i++)
    {
      MiriamProgressParticipant *p = group->participants->pdata[i];
      char *initials = (p->initials != NULL && *p->initials != '\0')
                       ? g_strdup (p->initials) : initials_from_name (p->name);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, initials)) + 1;
      char *name;

      /* Two women with the same initials stay apart on paper: the first
       * keeps "A. B.", the next become "A. B. (2)", "A. B. (3)"... */
      g_hash_table_replace (seen, g_strdup (initials), GUINT_TO_POINTER (count));
      name = count == 1 ? g_strdup (initials) : g_strdup_printf ("%s (%u)", initials, count);
      replace_name (p, name, initials);
    }
}

static void
pseudonymise_numbers (MiriamProgressGroup *group)
{
  for (guint i = 0; i < group->participants->len; i++)
    {
      /* TRANSLATORS: a pseudonym in a shared report: "Participant 1". */
      replace_name (group->participants->pdata[i],
                    g_strdup_printf (_("Participant %u"), i + 1),
                    g_strdup_printf ("%u", i + 1));
    }
}

void
miriam_progress_pseudonymise (MiriamProgressGroup *group,
                              MiriamPseudonym      how)
{
  g_return_if_fail (group != NULL);

  switch (how)
    {
    case MIRIAM_PSEUDONYM_INITIALS:
      pseudonymise_initials (group);
      break;
    case MIRIAM_PSEUDONYM_NUMBER:
      pseudonymise_numbers (group);
      break;
    case MIRIAM_PSEUDONYM_NONE:
    default:
      break;
    }
}
