/* miriam-charts.c: PLACEHOLDER while issue 5 is built (draws nothing). */
#include "config.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

#include <math.h>
#include <gio/gio.h>

#include "miriam-charts.h"

void miriam_chart_radar (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p) {}
void miriam_chart_radar_geometry (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g,
                                  MiriamRadarGeometry *geometry)
{ geometry->cx = o->width / 2; geometry->cy = o->height / 2; geometry->radius = MIN (o->width, o->height) / 3; }
double miriam_chart_radar_angle (guint n, guint i) { return n > 0 ? 2 * G_PI * i / n : 0; }
void miriam_chart_change_bars (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p) {}
void miriam_chart_group_domains (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g) {}
void miriam_chart_group_headline (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g) {}
void miriam_chart_attendance (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g) {}
void miriam_chart_cohorts (cairo_t *cr, const MiriamChartOptions *o, GPtrArray *c) {}
gboolean miriam_chart_write (MiriamChartKind kind, MiriamChartFormat format, const MiriamChartOptions *options,
                             const MiriamProgressGroup *group, guint participant, GPtrArray *cohorts,
                             const char *path, GError **error)
{ g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet"); return FALSE; }
