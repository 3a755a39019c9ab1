/* miriam-progress.h: scores per life domain, and what a group made of them
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain data that the Progress section, the printed reports and the
 * command line draw from, and the figures computed from it (means,
 * medians, who progressed on how many domains).  GLib only: the store
 * fills these structures, src/charts draws them.
 *
 * A score is 1..5 (1 = acute problem ... 5 = fully self-reliant, in the
 * spirit of the Dutch self-sufficiency matrix).  MIRIAM_SCORE_NONE means
 * "not scored / not applicable": it is never a zero, never counted in a
 * mean, and charts show it as a gap.
 */
#pragma once

#include <glib.h>

#include "core/miriam-calendar.h"

G_BEGIN_DECLS

#define MIRIAM_SCORE_NONE 0
#define MIRIAM_SCORE_MIN  1
#define MIRIAM_SCORE_MAX  5

/* Short translated description of a level: "acute problem" ... "fully
 * self-reliant" (glossary); "not applicable" for MIRIAM_SCORE_NONE. */
const char *miriam_score_level_label       (int          score);

/* "baseline", "intermediate", "final" -> "Baseline measurement", ... */
const char *miriam_measurement_kind_label  (const char  *kind);

/* One life domain as an OCMW scores it. */
typedef struct {
  char     *code;          /* "finances", ... or an OCMW's own code */
  char     *label_nl;      /* an OCMW's own domain: its names; "" for the method's eleven */
  char     *label_fr;
  char     *label_de;
  gboolean  active;        /* scored by this OCMW */
} MiriamLifeDomain;

MiriamLifeDomain *miriam_life_domain_new   (const char *code);  /* labels "", active */
MiriamLifeDomain *miriam_life_domain_copy  (const MiriamLifeDomain *domain);
void              miriam_life_domain_free  (MiriamLifeDomain *domain);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamLifeDomain, miriam_life_domain_free)

/* The name to show in the current language: the method's translated name
 * for its eleven codes, the OCMW's own name otherwise (falling back to
 * another language's name, then the code). */
const char *miriam_life_domain_label       (const MiriamLifeDomain *domain);

/* A code for a new domain of the OCMW's own, made from its name: lower
 * case ASCII, '_' for the rest, never one of @taken (NULL-terminated). */
char       *miriam_life_domain_make_code   (const char         *name,
                                            const char * const *taken);

/* One woman's measurements, aligned to her report's domain list. */
typedef struct {
  gint64   participant_id;
  char    *name;           /* as shown: full name, or a pseudonym */
  char    *initials;       /* "A. B." */
  /* Scores per domain index (MIRIAM_SCORE_NONE: not scored); NULL when
   * that measurement does not exist (yet). */
  guint8  *baseline;
  GDate    baseline_day;
  guint8  *final;
  GDate    final_day;
  /* The newest intermediate measurement, if any (same layout), so that a
   * chart can show where she is before the final one. */
  guint8  *intermediate;
  GDate    intermediate_day;
  /* Her marks at the group's held sessions, in the order of
   * MiriamProgressGroup.session_days (MIRIAM_ATTENDANCE_UNKNOWN: not a
   * member then, or not registered). */
  GArray  *attendance;     /* MiriamAttendance */
} MiriamProgressParticipant;

/* A group's (or a whole cohort's) figures. */
typedef struct {
  char       *ocmw_name;
  char       *group_name;      /* "" for a cohort taken as a whole */
  char       *cohort_label;
  char       *casemanagers;    /* ", "-separated names */
  GDate       start_date;
  GDate       end_date;
  guint       n_domains;
  char      **domain_codes;    /* n_domains entries, NULL-terminated */
  char      **domain_labels;   /* translated, as shown; NULL-terminated */
  GPtrArray  *participants;    /* MiriamProgressParticipant, in name order */
  GArray     *session_days;    /* GDate of the sessions held (not cancelled), in order */
} MiriamProgressGroup;

MiriamProgressParticipant *miriam_progress_participant_new  (guint n_domains);  /* no measurements */
void                       miriam_progress_participant_free (MiriamProgressParticipant *p);
MiriamProgressGroup       *miriam_progress_group_new        (void);
void                       miriam_progress_group_free       (MiriamProgressGroup *group);
MiriamProgressGroup       *miriam_progress_group_copy       (const MiriamProgressGroup *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamProgressGroup, miriam_progress_group_free)

/* Figures of one domain over the women who have a score there at that
 * moment.  n = 0: nobody scored it (draw a gap, not a zero). */
typedef struct {
  guint   n;
  double  mean;
  double  median;
  double  q1;              /* first and third quartile (spread) */
  double  q3;
  int     min;
  int     max;
} MiriamScoreStats;

typedef enum {
  MIRIAM_MOMENT_BASELINE,
  MIRIAM_MOMENT_INTERMEDIATE,
  MIRIAM_MOMENT_FINAL,
} MiriamMoment;

void     miriam_progress_domain_stats    (const MiriamProgressGroup *group,
                                          guint                      domain,
                                          MiriamMoment               moment,
                                          MiriamScoreStats          *stats);

/* Final minus baseline on one domain; FALSE when either is missing. */
gboolean miriam_progress_change          (const MiriamProgressParticipant *p,
                                          guint                            domain,
                                          int                             *change);

/* Domains on which she went up (both scored, final > baseline). */
guint    miriam_progress_n_improved      (const MiriamProgressParticipant *p,
                                          guint                            n_domains);

/* The programme's headline: of the women with both a baseline and a final
 * measurement (@n_measured), how many progressed on at least three domains
 * (@n_progressed).  Returns n_progressed / n_measured, or -1 when nobody
 * has both yet. */
double   miriam_progress_headline        (const MiriamProgressGroup *group,
                                          guint                     *n_progressed,
                                          guint                     *n_measured);

typedef enum {
  MIRIAM_PSEUDONYM_NONE,       /* real names */
  MIRIAM_PSEUDONYM_INITIALS,   /* "A. B." (a number is added when two share them) */
  MIRIAM_PSEUDONYM_NUMBER,     /* "Participant 1", "Participant 2"... in name order */
} MiriamPseudonym;

/* Replaces every participant's name for sharing outside the team.  The
 * real names do not survive in @group. */
void     miriam_progress_pseudonymise    (MiriamProgressGroup *group,
                                          MiriamPseudonym      how);

G_END_DECLS
