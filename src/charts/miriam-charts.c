/* miriam-charts.c: one woman's progress: the radar and the change bars
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A casemanager looks at these with the woman herself, so they say
 * plainly where she started, where she is now and what changed; a domain
 * that was not scored is left out (a gap), never drawn as a zero.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-charts.h"
#include "charts/miriam-chart-style.h"
#include "core/miriam-language.h"

static gboolean
is_score (int score)
{
  return score >= MIRIAM_SCORE_MIN && score <= MIRIAM_SCORE_MAX;
}

static const MiriamProgressParticipant *
get_participant (const MiriamProgressGroup *group,
                 guint                      participant)
{
  if (group == NULL || participant >= group->participants->len)
    return NULL;
  return group->participants->pdata[participant];
}

/* ---- Radar ---- */

/* The radar's frame: rings in the middle, a band around them for the
 * domain names, the legend below.  Depends only on the size and the
 * font size, so that hit-testing and tests find the same places. */
typedef struct {
  double pad;
  double label_width;
  double legend_y;
  double legend_height;
} RadarFrame;

static void
radar_frame (const MiriamChartStyle   *style,
             const MiriamChartOptions *options,
             MiriamRadarGeometry      *geometry,
             RadarFrame               *frame)
{
  double fs = style->font_size;
  double label_height = fs * 2.6;   /* two lines of domain name above and below */
  double avail_height, radius;

  frame->pad = fs * 0.7;
  frame->legend_height = fs * 3.6;  /* two rows when one does not fit */
  frame->label_width = CLAMP (options->width * 0.2, fs * 5.5, fs * 11);
  avail_height = options->height - frame->legend_height;
  radius = MIN ((options->width - 2 * (frame->label_width + frame->pad)) / 2,
                (avail_height - 2 * (label_height + frame->pad)) / 2);
  geometry->radius = MAX (radius, fs);
  geometry->cx = options->width / 2;
  geometry->cy = avail_height / 2;
  frame->legend_y = avail_height;
}

void
miriam_chart_radar_geometry (cairo_t                   *cr G_GNUC_UNUSED,
                             const MiriamChartOptions  *options,
                             const MiriamProgressGroup *group G_GNUC_UNUSED,
                             MiriamRadarGeometry       *geometry)
{
  MiriamChartStyle style;
  RadarFrame frame;

  miriam_chart_style_init (&style, options);
  radar_frame (&style, options, geometry, &frame);
}

double
miriam_chart_radar_angle (guint n_domains,
                          guint i)
{
  return n_domains > 0 ? 2 * G_PI * (i % n_domains) / n_domains : 0;
}

double
miriam_chart_radar_score_radius (const MiriamRadarGeometry *geometry,
                                 int                        score)
{
  return geometry->radius * CLAMP (score, 0, MIRIAM_SCORE_MAX) / MIRIAM_SCORE_MAX;
}

static void
radar_point (const MiriamRadarGeometry *geometry,
             guint                      n,
             guint                      i,
             double                     radius,
             double                    *x,
             double                    *y)
{
  double angle = miriam_chart_radar_angle (n, i);

  /* 0 is up and angles go clockwise, as on a clock face. */
  *x = geometry->cx + radius * sin (angle);
  *y = geometry->cy - radius * cos (angle);
}

static void
radar_ring_path (cairo_t                   *cr,
                 const MiriamRadarGeometry *geometry,
                 guint                      n,
                 double                     radius)
{
  if (n < 3)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, geometry->cx, geometry->cy, radius, 0, 2 * G_PI);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (geometry, n, i, radius, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
radar_grid (cairo_t                   *cr,
            const MiriamChartStyle    *style,
            const MiriamRadarGeometry *geometry,
            guint                      n)
{
  MiriamTextStyle scale_text = { .scale = 0.72, .ink = MIRIAM_INK_MUTED };

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.5, style->font_size * 0.06));
  miriam_chart_set_ink (cr, style, MIRIAM_INK_GRID);
  for (int score = MIRIAM_SCORE_MIN; score < MIRIAM_SCORE_MAX; score++)
    radar_ring_path (cr, geometry, n, miriam_chart_radar_score_radius (geometry, score));
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (geometry, n, i, geometry->radius, &x, &y);
      cairo_move_to (cr, geometry->cx, geometry->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  miriam_chart_set_ink (cr, style, MIRIAM_INK_AXIS);
  radar_ring_path (cr, geometry, n, geometry->radius);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The scale, left of the upward spoke, clear of the markers on it. */
  for (int score = MIRIAM_SCORE_MIN; score <= MIRIAM_SCORE_MAX; score++)
    {
      g_autofree char *digits = miriam_format_number (score, 0);
      double x, y;

      radar_point (geometry, n, 0, miriam_chart_radar_score_radius (geometry, score), &x, &y);
      miriam_chart_text (cr, style, &scale_text, digits,
                         x - style->marker * 0.9, y, MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
    }
}

static void
radar_labels (cairo_t                   *cr,
              const MiriamChartStyle    *style,
              const MiriamChartOptions  *options,
              const MiriamRadarGeometry *geometry,
              const RadarFrame          *frame,
              const MiriamProgressGroup *group)
{
  guint n = group->n_domains;
  double line_height = style->font_size * 0.92 * 1.2;

  for (guint i = 0; i < n; i++)
    {
      MiriamTextStyle text = { .scale = 0.92, .max_lines = 3, .ink = MIRIAM_INK_TEXT };
      double angle = miriam_chart_radar_angle (n, i);
      double s = sin (angle), c = cos (angle);
      MiriamAlign halign = s > 0.2 ? MIRIAM_ALIGN_START : s < -0.2 ? MIRIAM_ALIGN_END : MIRIAM_ALIGN_CENTER;
      MiriamAlign valign = c > 0.2 ? MIRIAM_ALIGN_END : c < -0.2 ? MIRIAM_ALIGN_START : MIRIAM_ALIGN_CENTER;
      double x, y;

      radar_point (geometry, n, i, geometry->radius + frame->pad, &x, &y);
      /* Wrap within the room there is up to the chart's edge. */
      if (halign == MIRIAM_ALIGN_START)
        text.width = MIN (options->width - x, frame->label_width * 1.3);
      else if (halign == MIRIAM_ALIGN_END)
        text.width = MIN (x, frame->label_width * 1.3);
      else
        text.width = MIN (options->width, frame->label_width * 2);
      text.align = halign == MIRIAM_ALIGN_START ? PANGO_ALIGN_LEFT
                   : halign == MIRIAM_ALIGN_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
      /* Above the top or below the bottom, as many lines as there is room
       * for before the chart's edge or the legend. */
      if (valign == MIRIAM_ALIGN_END)
        text.max_lines = CLAMP ((int) (y / line_height), 1, 3);
      else if (valign == MIRIAM_ALIGN_START)
        text.max_lines = CLAMP ((int) ((frame->legend_y - y) / line_height), 1, 3);
      miriam_chart_text (cr, style, &text, group->domain_labels[i], x, y, halign, valign);
    }
}

/* One series' outline: consecutive scored domains are joined, an
 * unscored one leaves a gap on both sides; every score gets its marker. */
static void
radar_outline (cairo_t                   *cr,
               const MiriamChartStyle    *style,
               const MiriamRadarGeometry *geometry,
               guint                      n,
               const guint8              *scores,
               MiriamSeries               series)
{
  int start = -1;
  gboolean previous = FALSE;

  for (guint i = 0; i < n && start < 0; i++)
    if (!is_score (scores[i]))
      start = i;

  cairo_save (cr);
  miriam_chart_set_series (cr, style, series);
  for (guint k = 1; k <= n; k++)
    {
      guint i = start < 0 ? k % n : (start + k) % n;
      gboolean scored = is_score (scores[i]);
      double x, y;

      if (scored)
        {
          radar_point (geometry, n, i, miriam_chart_radar_score_radius (geometry, scores[i]), &x, &y);
          if (previous)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
        }
      previous = scored;
    }
  if (start < 0 && n >= 3)
    cairo_close_path (cr);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    if (is_score (scores[i]))
      {
        double x, y;

        radar_point (geometry, n, i, miriam_chart_radar_score_radius (geometry, scores[i]), &x, &y);
        miriam_chart_marker (cr, style, series, x, y, style->marker);
      }
}

typedef struct {
  MiriamSeries  series;
  char         *markup;
} LegendEntry;

static char *
legend_markup (const MiriamChartStyle *style,
               const char             *label,
               const GDate            *day,
               const char             *note)
{
  g_autofree char *date = miriam_format_date (day);
  g_autofree char *muted = miriam_chart_ink_hex (style, MIRIAM_INK_MUTED);
  GString *markup = g_string_new (NULL);

  g_string_append_printf (markup, "%s", label);
  if (*date != '\0')
    g_string_append_printf (markup, " <span foreground=\"%s\">%s</span>", muted, date);
  if (note != NULL)
    g_string_append_printf (markup, " <span foreground=\"%s\">(%s)</span>", muted, note);
  return g_string_free (markup, FALSE);
}

/* Draws legend entries centred in one row, or stacked when one row is
 * too narrow. */
static void
draw_legend (cairo_t                *cr,
             const MiriamChartStyle *style,
             const LegendEntry      *entries,
             guint                   n_entries,
             double                  x,
             double                  y,
             double                  width,
             double                  height)
{
  MiriamTextStyle text = { .scale = 0.92, .ink = MIRIAM_INK_TEXT };
  double sample = style->font_size * 2.4, gap = style->font_size * 0.5;
  double spacing = style->font_size * 1.6;
  g_autofree double *widths = g_new0 (double, MAX (n_entries, 1));
  PangoLayout **layouts = g_new0 (PangoLayout *, MAX (n_entries, 1));
  double total = 0, line;
  gboolean one_row;

  text.width = width - sample - gap;
  text.max_lines = 1;
  for (guint i = 0; i < n_entries; i++)
    {
      layouts[i] = miriam_chart_layout_markup (cr, style, &text, entries[i].markup);
      miriam_chart_layout_size (layouts[i], &widths[i], &line);
      total += sample + gap + widths[i] + (i > 0 ? spacing : 0);
    }
  one_row = total <= width;
  line = style->font_size * 1.5;

  for (guint i = 0; i < n_entries; i++)
    {
      double entry_width = sample + gap + widths[i];
      double ex, ey;

      if (one_row)
        {
          double before = 0;

          for (guint j = 0; j < i; j++)
            before += sample + gap + widths[j] + spacing;
          ex = x + (width - total) / 2 + before;
          ey = y + height / 2;
        }
      else
        {
          ex = x + MAX (0, (width - entry_width) / 2);
          ey = y + height / 2 + (i - (n_entries - 1) / 2.0) * line;
        }
      miriam_chart_series_sample (cr, style, entries[i].series, ex, ey, sample);
      cairo_save (cr);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_TEXT);
      miriam_chart_show_layout (cr, layouts[i], ex + sample + gap, ey, MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
      cairo_restore (cr);
      g_object_unref (layouts[i]);
    }
  g_free (layouts);
}

static void
radar_legend (cairo_t                         *cr,
              const MiriamChartStyle          *style,
              const MiriamChartOptions        *options,
              const RadarFrame                *frame,
              const MiriamProgressParticipant *p)
{
  LegendEntry entries[2];
  guint n = 0;

  if (p->baseline != NULL)
    entries[n++] = (LegendEntry) { MIRIAM_SERIES_BASELINE,
                                   legend_markup (style, miriam_measurement_kind_label ("baseline"),
                                                  &p->baseline_day, NULL) };
  if (p->final != NULL)
    entries[n++] = (LegendEntry) { MIRIAM_SERIES_FINAL,
                                   legend_markup (style, miriam_measurement_kind_label ("final"),
                                                  &p->final_day, NULL) };
  else if (p->intermediate != NULL)
    entries[n++] = (LegendEntry) { MIRIAM_SERIES_INTERMEDIATE,
                                   legend_markup (style, miriam_measurement_kind_label ("intermediate"),
                                                  &p->intermediate_day, _("no final measurement yet")) };

  if (n == 0)
    {
      MiriamTextStyle text = { .ink = MIRIAM_INK_MUTED, .width = options->width, .max_lines = 2,
                               .align = PANGO_ALIGN_CENTER };

      miriam_chart_text (cr, style, &text, _("No measurements yet"), options->width / 2,
                         frame->legend_y + frame->legend_height / 2, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_CENTER);
      return;
    }
  draw_legend (cr, style, entries, n, 0, frame->legend_y, options->width, frame->legend_height);
  for (guint i = 0; i < n; i++)
    g_free (entries[i].markup);
}

static void
draw_centred_note (cairo_t                  *cr,
                   const MiriamChartStyle   *style,
                   const MiriamChartOptions *options,
                   const char               *note)
{
  MiriamTextStyle text = { .ink = MIRIAM_INK_MUTED, .width = options->width * 0.9, .max_lines = 3,
                           .align = PANGO_ALIGN_CENTER };

  miriam_chart_text (cr, style, &text, note, options->width / 2, options->height / 2,
                     MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_CENTER);
}

void
miriam_chart_radar (cairo_t                   *cr,
                    const MiriamChartOptions  *options,
                    const MiriamProgressGroup *group,
                    guint                      participant)
{
  const MiriamProgressParticipant *p = get_participant (group, participant);
  MiriamChartStyle style;
  MiriamRadarGeometry geometry;
  RadarFrame frame;
  const guint8 *later;

  g_return_if_fail (cr != NULL && options != NULL);
  miriam_chart_style_init (&style, options);
  if (p == NULL)
    return;
  if (group->n_domains == 0)
    {
      draw_centred_note (cr, &style, options, _("No life domains are scored"));
      return;
    }

  cairo_save (cr);
  radar_frame (&style, options, &geometry, &frame);
  radar_grid (cr, &style, &geometry, group->n_domains);
  radar_labels (cr, &style, options, &geometry, &frame, group);

  /* Baseline under the later measurement: where both are equal the
   * later one shows. */
  if (p->baseline != NULL)
    radar_outline (cr, &style, &geometry, group->n_domains, p->baseline, MIRIAM_SERIES_BASELINE);
  later = p->final != NULL ? p->final : p->intermediate;
  if (later != NULL)
    radar_outline (cr, &style, &geometry, group->n_domains, later,
                   p->final != NULL ? MIRIAM_SERIES_FINAL : MIRIAM_SERIES_INTERMEDIATE);
  radar_legend (cr, &style, options, &frame, p);
  cairo_restore (cr);
}

/* ---- Change bars ---- */

typedef struct {
  double label_width;
  double x0;            /* the plot: -4 at x0, +4 at x1 */
  double x1;
  double value_x;       /* right edge of the value column */
  double axis_y;
} BarsFrame;

static void
bars_frame (const MiriamChartStyle    *style,
            const MiriamChartOptions  *options,
            const MiriamProgressGroup *group,
            MiriamBarsGeometry        *geometry,
            BarsFrame                 *frame)
{
  double fs = style->font_size;
  double value_width = fs * 3.2;
  double axis_height = fs * 3.4;

  frame->label_width = CLAMP (options->width * 0.32, fs * 6, fs * 15);
  frame->x0 = frame->label_width + fs;
  frame->value_x = options->width;
  frame->x1 = MAX (frame->x0 + fs * 4, options->width - value_width - fs * 0.8);
  frame->axis_y = options->height - axis_height;
  geometry->zero_x = (frame->x0 + frame->x1) / 2;
  geometry->unit = (frame->x1 - frame->x0) / (2 * (MIRIAM_SCORE_MAX - MIRIAM_SCORE_MIN));
  geometry->top = fs * 0.2;
  geometry->row_height = (frame->axis_y - geometry->top) / MAX (group != NULL ? group->n_domains : 0, 1);
}

void
miriam_chart_change_bars_geometry (cairo_t                   *cr G_GNUC_UNUSED,
                                   const MiriamChartOptions  *options,
                                   const MiriamProgressGroup *group,
                                   MiriamBarsGeometry        *geometry)
{
  MiriamChartStyle style;
  BarsFrame frame;

  miriam_chart_style_init (&style, options);
  bars_frame (&style, options, group, geometry, &frame);
}

static void
bars_grid (cairo_t                  *cr,
           const MiriamChartStyle   *style,
           const MiriamBarsGeometry *geometry,
           const BarsFrame          *frame)
{
  int span = MIRIAM_SCORE_MAX - MIRIAM_SCORE_MIN;
  MiriamTextStyle tick = { .scale = 0.8, .ink = MIRIAM_INK_MUTED };

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.5, style->font_size * 0.06));
  for (int v = -span; v <= span; v++)
    {
      double x = geometry->zero_x + v * geometry->unit;

      if (v == 0)
        continue;
      miriam_chart_set_ink (cr, style, MIRIAM_INK_GRID);
      cairo_move_to (cr, x, geometry->top);
      cairo_line_to (cr, x, frame->axis_y);
      cairo_stroke (cr);
    }
  for (int v = -span; v <= span; v++)
    {
      g_autofree char *label = miriam_chart_format_change (v);

      /* Every point when there is room, else every other one. */
      if (geometry->unit < style->font_size * 1.6 && v % 2 != 0)
        continue;
      miriam_chart_text (cr, style, &tick, label, geometry->zero_x + v * geometry->unit,
                         frame->axis_y + style->font_size * 0.3, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
    }
  cairo_restore (cr);
}

static void
bars_zero_line (cairo_t                  *cr,
                const MiriamChartStyle   *style,
                const MiriamBarsGeometry *geometry,
                const BarsFrame          *frame)
{
  cairo_save (cr);
  miriam_chart_set_ink (cr, style, MIRIAM_INK_TEXT);
  cairo_set_line_width (cr, MAX (0.8, style->font_size * 0.12));
  cairo_move_to (cr, geometry->zero_x, geometry->top);
  cairo_line_to (cr, geometry->zero_x, frame->axis_y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_change_bar (cairo_t                  *cr,
                 const MiriamChartStyle   *style,
                 const MiriamBarsGeometry *geometry,
                 double                    yc,
                 int                       change)
{
  double h = MIN (geometry->row_height * 0.56, style->font_size * 1.5);
  double x = geometry->zero_x + MIN (change, 0) * geometry->unit;
  double w = ABS (change) * geometry->unit;

  if (change == 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, yc - h / 2, w, h);
  /* Down is hatched in black and white: the direction is also read from
   * the side of the zero line and the signed value. */
  if (style->monochrome && change < 0)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_DOWN);
      cairo_set_line_width (cr, MAX (0.6, style->font_size * 0.08));
      cairo_stroke (cr);
      cairo_set_line_width (cr, MAX (0.6, style->font_size * 0.1));
      miriam_chart_hatch (cr, x, yc - h / 2, w, h, style->font_size * 0.45);
    }
  else
    {
      miriam_chart_set_ink (cr, style, change > 0 ? MIRIAM_INK_UP : MIRIAM_INK_DOWN);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
miriam_chart_change_bars (cairo_t                   *cr,
                          const MiriamChartOptions  *options,
                          const MiriamProgressGroup *group,
                          guint                      participant)
{
  const MiriamProgressParticipant *p = get_participant (group, participant);
  MiriamChartStyle style;
  MiriamBarsGeometry geometry;
  BarsFrame frame;
  MiriamTextStyle caption = { .scale = 0.8, .ink = MIRIAM_INK_MUTED, .max_lines = 1,
                              .align = PANGO_ALIGN_CENTER };

  g_return_if_fail (cr != NULL && options != NULL);
  miriam_chart_style_init (&style, options);
  if (p == NULL)
    return;
  if (group->n_domains == 0)
    {
      draw_centred_note (cr, &style, options, _("No life domains are scored"));
      return;
    }

  cairo_save (cr);
  bars_frame (&style, options, group, &geometry, &frame);
  bars_grid (cr, &style, &geometry, &frame);
  for (guint i = 0; i < group->n_domains; i++)
    {
      MiriamTextStyle label = { .scale = 0.92, .width = frame.label_width, .max_lines = 2,
                                .ink = MIRIAM_INK_TEXT, .align = PANGO_ALIGN_RIGHT };
      MiriamTextStyle value = { .bold = TRUE, .ink = MIRIAM_INK_TEXT };
      double yc = geometry.top + (i + 0.5) * geometry.row_height;
      g_autofree char *shown = NULL;
      int change;

      if (geometry.row_height < style.font_size * 2.4)
        label.max_lines = 1;
      miriam_chart_text (cr, &style, &label, group->domain_labels[i], frame.label_width, yc,
                         MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
      if (miriam_progress_change (p, i, &change))
        {
          draw_change_bar (cr, &style, &geometry, yc, change);
          shown = miriam_chart_format_change (change);
        }
      else
        {
          /* TRANSLATORS: "not available": no change, because the
           * baseline or the final measurement has no score there. */
          shown = g_strdup (C_("change", "n/a"));
          value.bold = FALSE;
          value.italic = TRUE;
          value.ink = MIRIAM_INK_MUTED;
        }
      miriam_chart_text (cr, &style, &value, shown, frame.value_x, yc, MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
    }
  bars_zero_line (cr, &style, &geometry, &frame);

  caption.width = options->width - frame.x0;
  miriam_chart_text (cr, &style, &caption,
                     p->baseline != NULL && p->final != NULL
                     ? _("Change from the baseline to the final measurement, in points")
                     : _("No change yet: it shows once both measurements are done"),
                     geometry.zero_x, options->height, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_END);
  cairo_restore (cr);
}
