/* miriam-charts.h: progress charts drawn with Cairo and Pango
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: the same functions draw in a window, on paper (a print
 * context's cairo_t), into PDF, PNG and SVG files and from the command
 * line.  Every chart fills the rectangle (0, 0, width, height) of @cr in
 * user units (pixels on screen, points on paper) and uses the current
 * language for its text (labels come translated in the data).
 *
 * Readable without colour: baseline and final differ by line style
 * (dashed / solid) and marker (circle / square) as well as by colour
 * (Okabe-Ito palette); bars carry a hatch when printed in black and white.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/miriam-progress.h"

G_BEGIN_DECLS

typedef struct {
  double       width;
  double       height;
  const char  *font_family;   /* NULL: "Sans" */
  double       font_size;     /* body text in user units; 0: chosen from the size */
  gboolean     monochrome;    /* black, greys and patterns only */
  gboolean     use_median;    /* group charts: median with quartiles instead of mean */
} MiriamChartOptions;

/* Participant: radar of baseline (dashed, circles) against final (solid,
 * squares), domain names around it, a legend.  Falls back to her newest
 * intermediate measurement, marked as such, when there is no final yet.
 * An unscored domain breaks the outline there (a gap, never a zero). */
void miriam_chart_radar              (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group,
                                      guint                             participant);

/* Where the radar puts things, so that tests and hit-testing agree with
 * the drawing: the centre, the radius of score 5, and the angle of
 * domain @i (radians, 0 = up, clockwise). */
typedef struct {
  double cx;
  double cy;
  double radius;
} MiriamRadarGeometry;
void   miriam_chart_radar_geometry   (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group,
                                      MiriamRadarGeometry              *geometry);
double miriam_chart_radar_angle      (guint                             n_domains,
                                      guint                             i);
/* The radius of @score (1..5) on that radar: radius * score / 5, so that
 * the centre is no score at all (a gap is never drawn as a zero). */
double miriam_chart_radar_score_radius (const MiriamRadarGeometry      *geometry,
                                        int                             score);

/* Participant: one horizontal bar per domain from 0, the change final -
 * baseline (-4..+4); "n/a" where either is missing. */
void miriam_chart_change_bars        (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group,
                                      guint                             participant);

/* Where the change bars go: the x of a change of 0, the width of one
 * point, and the rows (domain @i's row is centred on
 * top + (i + 0.5) * row_height). */
typedef struct {
  double zero_x;
  double unit;
  double top;
  double row_height;
} MiriamBarsGeometry;
void miriam_chart_change_bars_geometry (cairo_t                        *cr,
                                        const MiriamChartOptions       *options,
                                        const MiriamProgressGroup      *group,
                                        MiriamBarsGeometry             *geometry);

/* Group: per domain the baseline and final mean (or median with the
 * quartiles as a whisker), with n per domain. */
void miriam_chart_group_domains      (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group);

/* Group: the headline, "x of y women progressed on at least three
 * domains", as a big figure with a part-of-whole bar. */
void miriam_chart_group_headline     (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group);

/* Group: one row per woman, one cell per session held: present (filled),
 * absent (cross), excused (hatched / "E"), not a member (empty). */
void miriam_chart_attendance         (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group);

/* The same strip for one woman only (her page of a report, her file):
 * no name column. */
void miriam_chart_attendance_participant (cairo_t                      *cr,
                                          const MiriamChartOptions     *options,
                                          const MiriamProgressGroup    *group,
                                          guint                         participant);

/* Where the attendance cells go: session @s of row @r (the woman's index,
 * or 0 on her own strip) is the slot whose top-left corner is
 * (x + s * cell_width, y + r * row_height). */
typedef struct {
  double x;
  double y;
  double cell_width;
  double row_height;
} MiriamAttendanceGeometry;
void miriam_chart_attendance_geometry (cairo_t                         *cr,
                                       const MiriamChartOptions        *options,
                                       const MiriamProgressGroup       *group,
                                       gboolean                         one_participant,
                                       MiriamAttendanceGeometry        *geometry);

/* Leads: the group figures (means per domain, headline share) of each
 * cohort side by side (MiriamProgressGroup*, oldest first). */
void miriam_chart_cohorts            (cairo_t                          *cr,
                                      const MiriamChartOptions         *options,
                                      GPtrArray                        *cohorts);

typedef enum {
  MIRIAM_CHART_RADAR,
  MIRIAM_CHART_CHANGE_BARS,
  MIRIAM_CHART_GROUP_DOMAINS,
  MIRIAM_CHART_GROUP_HEADLINE,
  MIRIAM_CHART_ATTENDANCE,
  MIRIAM_CHART_COHORTS,
} MiriamChartKind;

typedef enum {
  MIRIAM_CHART_FORMAT_PNG,
  MIRIAM_CHART_FORMAT_SVG,
  MIRIAM_CHART_FORMAT_PDF,
} MiriamChartFormat;

/* One chart to a file (PNG at 2x for sharp print, SVG, or a one-page PDF).
 * @group is used by all kinds but COHORTS, which uses @cohorts;
 * @participant by RADAR and CHANGE_BARS.  Errors are translated. */
gboolean miriam_chart_write          (MiriamChartKind                   kind,
                                      MiriamChartFormat                 format,
                                      const MiriamChartOptions         *options,
                                      const MiriamProgressGroup        *group,
                                      guint                             participant,
                                      GPtrArray                        *cohorts,
                                      const char                       *path,
                                      GError                          **error);

G_END_DECLS
