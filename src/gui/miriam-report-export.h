/* miriam-report-export.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/miriam-charts.h"
#include "charts/miriam-report.h"
#include "store/miriam-store.h"

G_BEGIN_DECLS

/* What a progress report is made of, loaded once and drawn as often as
 * needed (on screen, in the print preview, on paper, into a file). */
typedef struct {
  MiriamProgressGroup *group;     /* a group report; NULL: a cohort report */
  GPtrArray           *cohorts;   /* cohort report: every cohort as a whole, oldest first */
  GPtrArray           *groups;    /* cohort report: the groups that get a page each */
} MiriamReportData;

MiriamReportData *miriam_report_data_new_group   (const MiriamProgressGroup *group);  /* copies */
MiriamReportData *miriam_report_data_new_cohorts (GPtrArray                 *cohorts,
                                                  GPtrArray                 *groups); /* copies */
MiriamReportData *miriam_report_data_copy        (const MiriamReportData    *data);
void              miriam_report_data_free        (MiriamReportData          *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamReportData, miriam_report_data_free)

MiriamReport     *miriam_report_data_build       (const MiriamReportData    *data,
                                                  const MiriamReportOptions *options);

/* Which report the command line asks for: a group report when a group
 * name is given (within @cohort_label when that is given too), otherwise
 * a cohort report of @cohort_label (NULL or "": every cohort). */
typedef struct {
  const char *group_name;
  const char *cohort_label;
} MiriamReportScope;

/* Blocking (a thread, or the command line): reads the figures of @scope.
 * Errors are translated. */
MiriamReportData *miriam_report_data_load        (MiriamStore               *store,
                                                  const MiriamReportScope   *scope,
                                                  GError                   **error);

/* "initials", "numbers" or "none" (NULL too); FALSE for anything else. */
gboolean          miriam_report_parse_pseudonym  (const char                *text,
                                                  MiriamPseudonym           *pseudonym);

#define MIRIAM_TYPE_REPORT_EXPORT (miriam_report_export_get_type ())
G_DECLARE_FINAL_TYPE (MiriamReportExport, miriam_report_export, MIRIAM, REPORT_EXPORT, GtkWindow)

/* The export dialog: the report of @data as PDF, or one of its charts
 * as PNG or SVG (@chart first offered; the radar and the change bars are
 * those of the woman at index @participant of data->group, G_MAXUINT:
 * none), with real names, initials or numbers. */
MiriamReportExport *miriam_report_export_new       (GtkWindow                 *parent,
                                                    const MiriamReportData    *data,
                                                    guint                      participant,
                                                    MiriamChartKind            chart,
                                                    const MiriamReportOptions *options);
/* The names choice the user made last, to offer it again. */
MiriamPseudonym     miriam_report_export_get_pseudonym (MiriamReportExport   *self);

G_END_DECLS
