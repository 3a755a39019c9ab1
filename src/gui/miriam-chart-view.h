/* miriam-chart-view.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/miriam-charts.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_CHART_VIEW (miriam_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (MiriamChartView, miriam_chart_view, MIRIAM, CHART_VIEW, GtkWidget)

/* One progress chart on screen, drawn by src/charts, with a heading and
 * an accessible name and description that say what it shows.  The kind
 * is set once (the "kind" property, e.g. in a template). */
MiriamChartView *miriam_chart_view_new           (MiriamChartKind            kind);
MiriamChartKind  miriam_chart_view_get_kind      (MiriamChartView           *self);

/* The data to draw: @group (copied; NULL shows nothing) and, for the
 * radar and the change bars, the participant's index in it. */
void             miriam_chart_view_set_group     (MiriamChartView           *self,
                                                  const MiriamProgressGroup *group,
                                                  guint                      participant);
/* For MIRIAM_CHART_COHORTS: MiriamProgressGroup*, oldest first (a
 * reference is kept; NULL shows nothing). */
void             miriam_chart_view_set_cohorts   (MiriamChartView           *self,
                                                  GPtrArray                 *cohorts);
/* Group and cohort charts: median with quartiles instead of mean. */
void             miriam_chart_view_set_use_median (MiriamChartView          *self,
                                                  gboolean                   use_median);

/* What the accessible name says, e.g. "Radar chart: baseline and final
 * measurement of Anna Peeters". */
const char      *miriam_chart_view_get_title     (MiriamChartView           *self);

G_END_DECLS
