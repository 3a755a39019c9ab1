/* miriam-report.c: PLACEHOLDER while issue 5 is built (no pages). */
#include "config.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

#include <gio/gio.h>

#include "miriam-report.h"

struct _MiriamReport { MiriamReportOptions options; };

MiriamReport *miriam_report_new_group (const MiriamProgressGroup *group, const MiriamReportOptions *options)
{ MiriamReport *r = g_new0 (MiriamReport, 1); r->options = *options; return r; }
MiriamReport *miriam_report_new_cohorts (GPtrArray *cohorts, GPtrArray *groups, const MiriamReportOptions *options)
{ MiriamReport *r = g_new0 (MiriamReport, 1); r->options = *options; return r; }
void miriam_report_free (MiriamReport *report) { g_free (report); }
guint miriam_report_n_pages (MiriamReport *report) { return 0; }
void miriam_report_page_size (MiriamReport *report, double *width, double *height)
{ *width = report->options.landscape ? 841.89 : 595.28; *height = report->options.landscape ? 595.28 : 841.89; }
void miriam_report_draw_page (MiriamReport *report, cairo_t *cr, guint page, double width, double height) {}
gboolean miriam_report_write_pdf (MiriamReport *report, const char *path, GError **error)
{ g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet"); return FALSE; }
