/* miriam-report-print.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "miriam-report-export.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_REPORT_PRINT (miriam_report_print_get_type ())
G_DECLARE_FINAL_TYPE (MiriamReportPrint, miriam_report_print, MIRIAM, REPORT_PRINT, GtkPrintOperation)

/* Prints a progress report (a copy of @data): A4, portrait or landscape
 * as options->landscape says until the print dialog's page setup says
 * otherwise; the dialog has a "Report" tab to choose how names appear.
 * Its preview (from the dialog, or GTK_PRINT_OPERATION_ACTION_PREVIEW)
 * is a window of MIRIAM's own, so it works where no PDF viewer is set up.
 * @current_page: the page to offer as "current page" (-1: none). */
MiriamReportPrint *miriam_report_print_new           (const MiriamReportData    *data,
                                                      const MiriamReportOptions *options,
                                                      int                        current_page);

/* The choices made in the dialog, to offer them again next time. */
MiriamPseudonym    miriam_report_print_get_pseudonym (MiriamReportPrint         *self);
gboolean           miriam_report_print_get_landscape (MiriamReportPrint         *self);

/* Starts the dialog (or the preview) and returns at once; errors are
 * shown to the user in a translated message over @parent. */
void               miriam_report_print_run           (MiriamReportPrint         *self,
                                                      GtkPrintOperationAction    action,
                                                      GtkWindow                 *parent);

G_END_DECLS
