/* miriam-vocabulary.h: the coded lists of the method, with their labels
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps short English codes; people see these translated labels
 * (the glossary's official terms).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_VOCABULARY_LIFE_DOMAIN,    /* finances, housing, work, parenting, health, mobility, leisure,
                                       social_network, wellbeing, self_confidence, rights */
  MIRIAM_VOCABULARY_CONTACT_KIND,   /* home_visit, walk, office, phone, accompany, other */
  MIRIAM_VOCABULARY_GOAL_STATUS,    /* open, in_progress, reached, dropped */
  MIRIAM_VOCABULARY_INCOME,         /* leefloon, other_benefit, work, none, other */
  MIRIAM_VOCABULARY_REFERRER,       /* ocmw, school, huis_van_het_kind, caw, health, self, other */
  MIRIAM_VOCABULARY_LANGUAGE,       /* nl, fr, de, en, ar, tr, pl, ro, ru, so, ti, prs, ps, es, it, pt, other */
  MIRIAM_VOCABULARY_PARTNER_TYPE,   /* the partner types of domain.md, e.g. huis_van_het_kind, caw, ... */
  MIRIAM_VOCABULARY_SESSION_THEME,  /* housing, health, budget, parenting, leisure, identity, outing, other */
  MIRIAM_VOCABULARY_RHYTHM,         /* weekly, fortnightly, three_monthly, free */
  MIRIAM_VOCABULARY_COMMUNITY,      /* vl, fr, de */
  MIRIAM_VOCABULARY_GROUP_COLOUR,   /* "#rrggbb" of the calendar palette, lower case */
  MIRIAM_N_VOCABULARIES
} MiriamVocabulary;

typedef struct {
  const char *code;
  const char *label;   /* untranslated; use miriam_vocabulary_label() */
} MiriamTerm;

/* All terms of a vocabulary, in display order. */
const MiriamTerm *miriam_vocabulary_terms (MiriamVocabulary  vocabulary,
                                           guint            *n_terms);
/* Translated label of @code; the code itself if unknown (never NULL). */
const char       *miriam_vocabulary_label (MiriamVocabulary  vocabulary,
                                           const char       *code);

G_END_DECLS
