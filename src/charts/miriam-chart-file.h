/* miriam-chart-file.h: charts and reports into PNG, SVG and PDF files
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside src/charts only.  A file is written under a temporary name in
 * the same folder and renamed over the target when complete, so that a
 * failed export never leaves half a file (nor spoils an older one).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "charts/miriam-charts.h"

G_BEGIN_DECLS

/* Draws everything on @cr; for a PDF of several pages it calls
 * cairo_show_page() between pages itself. */
typedef void (*MiriamChartPainter) (cairo_t  *cr,
                                    gpointer  user_data);

gboolean miriam_chart_file_write (const char         *path,
                                  MiriamChartFormat   format,
                                  double              width,
                                  double              height,
                                  const char         *title,
                                  MiriamChartPainter  paint,
                                  gpointer            user_data,
                                  GError            **error);

G_END_DECLS
