/* miriam-vocabulary.c: the coded lists of the method, with their labels
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list has its own translation context, so that a translator can say
 * "Other" in the gender each list needs (Autre / Autres, Andere /
 * Sonstiges) and tell "Work" the life domain from "Income from work".
 */
#include "config.h"

#include "miriam-vocabulary.h"

#include <glib/gi18n-lib.h>

/* In the order of data/migrations/0001-initial.sql's life_domain table. */
static const MiriamTerm life_domains[] = {
  { "finances",        NC_("life domain", "Finances and income") },
  { "housing",         NC_("life domain", "Housing") },
  { "work",            NC_("life domain", "Work and training") },
  { "parenting",       NC_("life domain", "Parenting") },
  { "health",          NC_("life domain", "Health") },
  { "mobility",        NC_("life domain", "Mobility") },
  { "leisure",         NC_("life domain", "Leisure") },
  { "social_network",  NC_("life domain", "Social network") },
  { "wellbeing",       NC_("life domain", "Psychological well-being") },
  { "self_confidence", NC_("life domain", "Self-confidence") },
  { "rights",          NC_("life domain", "Rights and administration") },
};

static const MiriamTerm contact_kinds[] = {
  { "home_visit", NC_("contact kind", "Home visit") },
  { "walk",       NC_("contact kind", "Walk") },
  { "office",     NC_("contact kind", "At the office") },
  { "phone",      NC_("contact kind", "Phone call") },
  { "accompany",  NC_("contact kind", "Accompanying her to a service") },
  { "other",      NC_("contact kind", "Other") },
};

static const MiriamTerm goal_statuses[] = {
  { "open",        NC_("goal status", "Open") },
  { "in_progress", NC_("goal status", "In progress") },
  { "reached",     NC_("goal status", "Reached") },
  { "dropped",     NC_("goal status", "Dropped") },
};

static const MiriamTerm incomes[] = {
  /* Translators: the glossary's term: leefloon, revenu d'intégration,
   * Eingliederungseinkommen. */
  { "leefloon",      NC_("income", "Minimum income (leefloon)") },
  { "other_benefit", NC_("income", "Other benefit") },
  { "work",          NC_("income", "Income from work") },
  { "none",          NC_("income", "No income") },
  { "other",         NC_("income", "Other") },
};

static const MiriamTerm referrers[] = {
  /* Translators: who referred her to MIRIAM.  OCMW, CPAS, ÖSHZ. */
  { "ocmw",              NC_("referrer", "OCMW social worker") },
  { "school",            NC_("referrer", "School") },
  { "huis_van_het_kind", NC_("referrer", "Child and family centre (Huis van het Kind)") },
  { "caw",               NC_("referrer", "General welfare centre (CAW)") },
  { "health",            NC_("referrer", "Doctor or health service") },
  { "self",              NC_("referrer", "Came herself") },
  { "other",             NC_("referrer", "Other") },
};

/* ISO 639 codes; Dari (prs) has no two-letter one. */
static const MiriamTerm languages[] = {
  { "nl",    NC_("language", "Dutch") },
  { "fr",    NC_("language", "French") },
  { "de",    NC_("language", "German") },
  { "en",    NC_("language", "English") },
  { "ar",    NC_("language", "Arabic") },
  { "tr",    NC_("language", "Turkish") },
  { "pl",    NC_("language", "Polish") },
  { "ro",    NC_("language", "Romanian") },
  { "ru",    NC_("language", "Russian") },
  { "so",    NC_("language", "Somali") },
  { "ln",    NC_("language", "Lingala") },
  { "sw",    NC_("language", "Swahili") },
  { "ti",    NC_("language", "Tigrinya") },
  { "prs",   NC_("language", "Dari") },
  { "ps",    NC_("language", "Pashto") },
  { "es",    NC_("language", "Spanish") },
  { "it",    NC_("language", "Italian") },
  { "pt",    NC_("language", "Portuguese") },
  { "other", NC_("language", "Other") },
};

/* The partners of domain.md, grouped as there: family and parenting,
 * welfare and care, rights, housing, work, leisure and culture, local
 * services, the OCMW's own services.  Names in brackets are Flemish
 * organisations; translators may name the French- or German-speaking
 * Community's counterpart. */
static const MiriamTerm partner_types[] = {
  { "huis_van_het_kind",      NC_("partner type", "Child and family centre (Huis van het Kind)") },
  /* Translators: ONE in the French Community, Kaleido in the German-speaking one. */
  { "kind_en_gezin",          NC_("partner type", "Child and family agency (Kind en Gezin)") },
  { "opvoedingswinkel",       NC_("partner type", "Parenting support shop (Opvoedingswinkel)") },
  { "ckg",                    NC_("partner type", "Centre for child and family support (CKG)") },
  { "clb",                    NC_("partner type", "Pupil guidance centre (CLB)") },
  { "gezinsbond",             NC_("partner type", "Families' association (Gezinsbond)") },
  /* Translators: a maison médicale in French. */
  { "wijkgezondheidscentrum", NC_("partner type", "Community health centre") },
  { "caw",                    NC_("partner type", "General welfare centre (CAW)") },
  { "psycholoog",             NC_("partner type", "Primary care psychologist") },
  { "family_violence",        NC_("partner type", "Family violence support centre") },
  { "legal_aid",              NC_("partner type", "Legal aid and lawyers (Helder Recht)") },
  { "social_interpreter",     NC_("partner type", "Social interpreter") },
  { "social_rental_agency",   NC_("partner type", "Social rental agency") },
  { "housing_support",        NC_("partner type", "Housing support") },
  { "energy_adviser",         NC_("partner type", "Energy adviser") },
  /* Translators: the regional employment services; ADG in the German-speaking Community. */
  { "employment_service",     NC_("partner type", "Employment service (VDAB, Forem, Actiris)") },
  { "job_coach",              NC_("partner type", "Job coach") },
  /* Translators: OCMW, CPAS, ÖSHZ; "article 60" is the legal article of the job. */
  { "ocmw_employment",        NC_("partner type", "OCMW employment service (article 60)") },
  { "leisure",                NC_("partner type", "Leisure for all (Rap op Stap)") },
  { "holidays",               NC_("partner type", "Holidays for all (Iedereen Verdient Vakantie)") },
  { "sports_service",         NC_("partner type", "Sports service") },
  { "library",                NC_("partner type", "Library") },
  { "neighbourhood_centre",   NC_("partner type", "Neighbourhood centre") },
  { "digipunt",               NC_("partner type", "Digital help point (Digipunt)") },
  /* Translators: OCMW, CPAS, ÖSHZ. */
  { "ocmw_social_service",    NC_("partner type", "OCMW social service") },
  { "debt_mediation",         NC_("partner type", "Debt mediation") },
  { "ocmw_housing",           NC_("partner type", "OCMW housing service") },
  { "other",                  NC_("partner type", "Other") },
};

/* Session themes of the method's group programme. */
static const MiriamTerm session_themes[] = {
  { "housing",   NC_("session theme", "Housing") },
  { "health",    NC_("session theme", "Health and well-being") },
  { "budget",    NC_("session theme", "Budget and administration") },
  { "parenting", NC_("session theme", "Parenting") },
  { "leisure",   NC_("session theme", "Leisure and network") },
  { "identity",  NC_("session theme", "Identity and self-image") },
  { "outing",    NC_("session theme", "Outing") },
  { "other",     NC_("session theme", "Other") },
};

static const MiriamTerm rhythms[] = {
  { "weekly",        NC_("rhythm", "Weekly") },
  { "fortnightly",   NC_("rhythm", "Every two weeks") },
  { "three_monthly", NC_("rhythm", "Three times a month") },
  { "free",          NC_("rhythm", "Free (dates chosen by hand)") },
};

/* Whose school holidays apply to a group. */
static const MiriamTerm communities[] = {
  { "vl", NC_("community", "Flemish Community") },
  { "fr", NC_("community", "French Community") },
  { "de", NC_("community", "German-speaking Community") },
};

/* A group's colour in the calendar: colours that stay apart for
 * colour-blind eyes (Okabe and Ito), named for the screen reader. */
static const MiriamTerm group_colours[] = {
  { "#0072b2", NC_("colour", "Blue") },
  { "#e69f00", NC_("colour", "Orange") },
  { "#009e73", NC_("colour", "Green") },
  { "#cc79a7", NC_("colour", "Pink") },
  { "#56b4e9", NC_("colour", "Sky blue") },
  { "#d55e00", NC_("colour", "Red") },
  { "#f0e442", NC_("colour", "Yellow") },
  { "#999999", NC_("colour", "Grey") },
};

typedef struct {
  const char       *context;
  const MiriamTerm *terms;
  guint             n_terms;
} List;

#define LIST(context, terms) { context, terms, G_N_ELEMENTS (terms) }

/* The contexts must be those of the NC_() calls above. */
static const List lists[MIRIAM_N_VOCABULARIES] = {
  [MIRIAM_VOCABULARY_LIFE_DOMAIN]  = LIST ("life domain", life_domains),
  [MIRIAM_VOCABULARY_CONTACT_KIND] = LIST ("contact kind", contact_kinds),
  [MIRIAM_VOCABULARY_GOAL_STATUS]  = LIST ("goal status", goal_statuses),
  [MIRIAM_VOCABULARY_INCOME]       = LIST ("income", incomes),
  [MIRIAM_VOCABULARY_REFERRER]     = LIST ("referrer", referrers),
  [MIRIAM_VOCABULARY_LANGUAGE]     = LIST ("language", languages),
  [MIRIAM_VOCABULARY_PARTNER_TYPE] = LIST ("partner type", partner_types),
  [MIRIAM_VOCABULARY_SESSION_THEME] = LIST ("session theme", session_themes),
  [MIRIAM_VOCABULARY_RHYTHM]       = LIST ("rhythm", rhythms),
  [MIRIAM_VOCABULARY_COMMUNITY]    = LIST ("community", communities),
  [MIRIAM_VOCABULARY_GROUP_COLOUR] = LIST ("colour", group_colours),
};

const MiriamTerm *
miriam_vocabulary_terms (MiriamVocabulary  vocabulary,
                         guint            *n_terms)
{
  if (n_terms != NULL)
    *n_terms = 0;
  g_return_val_if_fail (vocabulary < MIRIAM_N_VOCABULARIES, NULL);

  if (n_terms != NULL)
    *n_terms = lists[vocabulary].n_terms;
  return lists[vocabulary].terms;
}

const char *
miriam_vocabulary_label (MiriamVocabulary  vocabulary,
                         const char       *code)
{
  const List *list;

  g_return_val_if_fail (vocabulary < MIRIAM_N_VOCABULARIES, code != NULL ? code : "");

  if (code == NULL)
    return "";

  list = &lists[vocabulary];
  for (guint i = 0; i < list->n_terms; i++)
    if (g_str_equal (list->terms[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, list->context, list->terms[i].label);

  /* A code from a newer version, or from a list an OCMW extended. */
  return code;
}
