/* miriam-report.h: printed progress reports, page by page
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is a list of A4 pages drawn by src/charts.  The same
 * miriam_report_draw_page() serves GtkPrintOperation (print and preview),
 * the PDF export and the command line, so paper and file are the same.
 *
 * Group report: cover page, group page (domain means, headline,
 * attendance), then one page per participant (radar, change bars, her
 * attendance).  Cohort report: cover page, cohorts side by side, then one
 * group page per group of the chosen cohort(s).  Every page but the cover
 * has a header (OCMW, group, cohort) and a footer (print date, "Page x/y").
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/miriam-progress.h"

G_BEGIN_DECLS

typedef struct _MiriamReport MiriamReport;

typedef struct {
  gboolean         landscape;     /* A4 portrait (default) or landscape */
  MiriamPseudonym  pseudonym;     /* names, initials or numbers */
  gboolean         monochrome;
  gboolean         use_median;
  GDate            print_date;    /* invalid: today */
} MiriamReportOptions;

/* Takes copies: the caller keeps @group / @cohorts.  Pseudonymises the
 * copies when the options ask for it. */
MiriamReport *miriam_report_new_group    (const MiriamProgressGroup   *group,
                                          const MiriamReportOptions   *options);
/* @cohorts: every cohort as a whole (side by side page); @groups: the
 * groups to give a page each (may be empty). */
MiriamReport *miriam_report_new_cohorts  (GPtrArray                   *cohorts,
                                          GPtrArray                   *groups,
                                          const MiriamReportOptions   *options);
void          miriam_report_free         (MiriamReport                *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamReport, miriam_report_free)

guint         miriam_report_n_pages      (MiriamReport                *report);

/* Page size in points (A4: 595.28 x 841.89, swapped in landscape). */
void          miriam_report_page_size    (MiriamReport                *report,
                                          double                      *width,
                                          double                      *height);

/* Draws page @page (0-based) on @cr, whose user space is @width x @height
 * points (a print context may give slightly different sizes: the page is
 * laid out to fit). */
void          miriam_report_draw_page    (MiriamReport                *report,
                                          cairo_t                     *cr,
                                          guint                        page,
                                          double                       width,
                                          double                       height);

/* All pages into one PDF file, written to a temporary name first and
 * renamed, so a failed export never leaves half a report.  Errors are
 * translated (G_IO_ERROR). */
gboolean      miriam_report_write_pdf    (MiriamReport                *report,
                                          const char                  *path,
                                          GError                     **error);

G_END_DECLS
