/* miriam-chart-group.c: a group's figures, its attendance, and cohorts
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a lead prints for the council and the POD: per life domain where
 * the women started and ended (with how many were scored), the
 * programme's headline share, who came to the group sessions, and the
 * same figures for each cohort side by side.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-charts.h"
#include "charts/miriam-chart-style.h"
#include "core/miriam-language.h"

/* The programme's own aim: "three in four women make clear progress on
 * several domains". */
#define PROGRAMME_AIM 0.75

static void
centred_note (cairo_t                *cr,
              const MiriamChartStyle *style,
              double                  width,
              double                  height,
              const char             *note)
{
  MiriamTextStyle text = { .ink = MIRIAM_INK_MUTED, .width = width * 0.9, .max_lines = 3,
                           .align = PANGO_ALIGN_CENTER };

  miriam_chart_text (cr, style, &text, note, width / 2, height / 2, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_CENTER);
}

/* The figure a group chart shows: the mean, or the median when asked. */
static double
centre_of (const MiriamChartStyle *style,
           const MiriamScoreStats *stats)
{
  return style->use_median ? stats->median : stats->mean;
}

/* A legend row of series samples and a note, left to right. */
static void
series_legend (cairo_t                *cr,
               const MiriamChartStyle *style,
               double                  x,
               double                  y,
               double                  width,
               const char             *note)
{
  static const MiriamSeries series[] = { MIRIAM_SERIES_BASELINE, MIRIAM_SERIES_FINAL };
  const char *labels[] = { miriam_measurement_kind_label ("baseline"), miriam_measurement_kind_label ("final") };
  MiriamTextStyle text = { .scale = 0.92, .ink = MIRIAM_INK_TEXT };
  MiriamTextStyle muted = { .scale = 0.8, .ink = MIRIAM_INK_MUTED, .max_lines = 1 };
  double sample = style->font_size * 2.4, gap = style->font_size * 0.5;
  double cx = x;

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      double w;

      miriam_chart_series_sample (cr, style, series[i], cx, y, sample);
      miriam_chart_text_size (cr, style, &text, labels[i], &w, NULL);
      miriam_chart_text (cr, style, &text, labels[i], cx + sample + gap, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
      cx += sample + gap + w + style->font_size * 1.5;
    }
  if (note != NULL && x + width - cx > style->font_size * 4)
    {
      muted.width = x + width - cx;
      miriam_chart_text (cr, style, &muted, note, x + width, y, MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
    }
}

/* ---- Group: scores per domain ---- */

typedef struct {
  double legend_y;
  double top;
  double row_height;
  double label_width;
  double x0;             /* score 1 */
  double x1;             /* score 5 */
  double value_x;        /* left edge of the figures column */
  double axis_y;
} DomainsFrame;

static void
domains_frame (const MiriamChartStyle   *style,
               const MiriamChartOptions *options,
               guint                     n_domains,
               DomainsFrame             *frame)
{
  double fs = style->font_size;
  double value_width = fs * 6.8;

  frame->legend_y = fs * 0.9;
  frame->top = fs * 2.2;
  frame->axis_y = options->height - fs * 3.4;
  frame->row_height = (frame->axis_y - frame->top) / MAX (n_domains, 1);
  frame->label_width = CLAMP (options->width * 0.28, fs * 6, fs * 15);
  frame->x0 = frame->label_width + fs * 1.2;
  frame->value_x = options->width - value_width;
  frame->x1 = MAX (frame->x0 + fs * 4, frame->value_x - fs * 1.2);
}

static double
score_x (const DomainsFrame *frame,
         double              score)
{
  return frame->x0 + (score - MIRIAM_SCORE_MIN) / (MIRIAM_SCORE_MAX - MIRIAM_SCORE_MIN) * (frame->x1 - frame->x0);
}

static void
domains_grid (cairo_t                *cr,
              const MiriamChartStyle *style,
              const DomainsFrame     *frame,
              guint                   n_domains)
{
  MiriamTextStyle tick = { .scale = 0.8, .ink = MIRIAM_INK_MUTED };
  MiriamTextStyle level = { .scale = 0.72, .ink = MIRIAM_INK_MUTED, .max_lines = 2,
                            .width = (frame->x1 - frame->x0) / 2.2 };

  cairo_save (cr);
  for (guint i = 0; i < n_domains; i += 2)
    {
      miriam_chart_set_ink (cr, style, MIRIAM_INK_BAND);
      cairo_rectangle (cr, 0, frame->top + i * frame->row_height,
                       frame->value_x + style->font_size * 6.8, frame->row_height);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, MAX (0.5, style->font_size * 0.06));
  for (int s = MIRIAM_SCORE_MIN; s <= MIRIAM_SCORE_MAX; s++)
    {
      g_autofree char *digits = miriam_format_number (s, 0);
      double x = score_x (frame, s);

      miriam_chart_set_ink (cr, style, s == MIRIAM_SCORE_MIN ? MIRIAM_INK_AXIS : MIRIAM_INK_GRID);
      cairo_move_to (cr, x, frame->top);
      cairo_line_to (cr, x, frame->axis_y);
      cairo_stroke (cr);
      miriam_chart_text (cr, style, &tick, digits, x, frame->axis_y + style->font_size * 0.25,
                         MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
    }
  cairo_restore (cr);

  /* What 1 and 5 mean, under the ends of the scale. */
  level.align = PANGO_ALIGN_LEFT;
  miriam_chart_text (cr, style, &level, miriam_score_level_label (MIRIAM_SCORE_MIN),
                     frame->x0, frame->axis_y + style->font_size * 1.4, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  level.align = PANGO_ALIGN_RIGHT;
  miriam_chart_text (cr, style, &level, miriam_score_level_label (MIRIAM_SCORE_MAX),
                     frame->x1, frame->axis_y + style->font_size * 1.4, MIRIAM_ALIGN_END, MIRIAM_ALIGN_START);
}

static void
domains_series (cairo_t                *cr,
                const MiriamChartStyle *style,
                const DomainsFrame     *frame,
                const MiriamScoreStats *stats,
                MiriamSeries            series,
                double                  y)
{
  MiriamTextStyle value = { .scale = 0.88, .ink = MIRIAM_INK_TEXT, .max_lines = 1,
                            .width = style->font_size * 6.8 };
  g_autofree char *muted = miriam_chart_ink_hex (style, MIRIAM_INK_MUTED);
  g_autofree char *markup = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *n_text = NULL;
  PangoLayout *layout;

  if (stats->n == 0)
    {
      value.ink = MIRIAM_INK_MUTED;
      value.italic = TRUE;
      miriam_chart_text (cr, style, &value, C_("change", "n/a"), frame->value_x, y,
                         MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
      return;
    }

  if (style->use_median)
    {
      double cap = style->font_size * 0.3;

      /* The middle half of the women: first to third quartile. */
      cairo_save (cr);
      miriam_chart_set_series (cr, style, series);
      cairo_set_line_width (cr, style->line_width * 0.8);
      cairo_move_to (cr, score_x (frame, stats->q1), y);
      cairo_line_to (cr, score_x (frame, stats->q3), y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint k = 0; k < 2; k++)
        {
          double x = score_x (frame, k == 0 ? stats->q1 : stats->q3);

          cairo_move_to (cr, x, y - cap);
          cairo_line_to (cr, x, y + cap);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  miriam_chart_marker (cr, style, series, score_x (frame, centre_of (style, stats)), y, style->marker);

  figure = miriam_format_number (centre_of (style, stats), 1);
  /* TRANSLATORS: the number of women whose score counts in a figure. */
  n_text = g_strdup_printf (_("n = %u"), stats->n);
  markup = g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"%s\" size=\"85%%\">%s</span>",
                                    figure, muted, n_text);
  layout = miriam_chart_layout_markup (cr, style, &value, markup);
  cairo_save (cr);
  miriam_chart_set_ink (cr, style, MIRIAM_INK_TEXT);
  miriam_chart_show_layout (cr, layout, frame->value_x, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
  cairo_restore (cr);
  g_object_unref (layout);
}

void
miriam_chart_group_domains (cairo_t                   *cr,
                            const MiriamChartOptions  *options,
                            const MiriamProgressGroup *group)
{
  MiriamChartStyle style;
  DomainsFrame frame;

  g_return_if_fail (cr != NULL && options != NULL && group != NULL);
  miriam_chart_style_init (&style, options);
  if (group->n_domains == 0)
    {
      centred_note (cr, &style, options->width, options->height, _("No life domains are scored"));
      return;
    }

  cairo_save (cr);
  domains_frame (&style, options, group->n_domains, &frame);
  domains_grid (cr, &style, &frame, group->n_domains);
  series_legend (cr, &style, 0, frame.legend_y, options->width,
                 style.use_median ? _("Median; line: the middle half of the women")
                                  : _("Mean score of the women scored"));
  for (guint i = 0; i < group->n_domains; i++)
    {
      MiriamTextStyle label = { .scale = 0.92, .width = frame.label_width, .max_lines = 2,
                                .ink = MIRIAM_INK_TEXT, .align = PANGO_ALIGN_RIGHT };
      double yc = frame.top + (i + 0.5) * frame.row_height;
      double offset = MIN (frame.row_height * 0.2, style.font_size * 0.62);
      MiriamScoreStats baseline, final;

      if (frame.row_height < style.font_size * 2.4)
        label.max_lines = 1;
      miriam_chart_text (cr, &style, &label, group->domain_labels[i], frame.label_width, yc,
                         MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
      miriam_progress_domain_stats (group, i, MIRIAM_MOMENT_BASELINE, &baseline);
      miriam_progress_domain_stats (group, i, MIRIAM_MOMENT_FINAL, &final);
      domains_series (cr, &style, &frame, &baseline, MIRIAM_SERIES_BASELINE, yc - offset);
      domains_series (cr, &style, &frame, &final, MIRIAM_SERIES_FINAL, yc + offset);
    }
  cairo_restore (cr);
}

/* ---- Group: the headline ---- */

/* The share as a bar with the programme's aim marked on it. */
static void
headline_bar (cairo_t                *cr,
              const MiriamChartStyle *style,
              double                  x,
              double                  y,
              double                  width,
              double                  height,
              double                  share)
{
  MiriamTextStyle aim = { .scale = 0.75, .ink = MIRIAM_INK_MUTED };
  double aim_x = x + width * PROGRAMME_AIM;
  g_autofree char *aim_share = miriam_chart_format_percent (PROGRAMME_AIM);
  g_autofree char *aim_text = NULL;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (0.6, style->font_size * 0.08));
  miriam_chart_set_ink (cr, style, MIRIAM_INK_AXIS);
  cairo_stroke (cr);
  if (share > 0)
    {
      miriam_chart_set_ink (cr, style, MIRIAM_INK_FINAL);
      cairo_rectangle (cr, x, y, width * share, height);
      cairo_fill (cr);
    }

  /* The aim: a dark tick that stands out on both the filled and the
   * empty part. */
  miriam_chart_set_ink (cr, style, MIRIAM_INK_TEXT);
  cairo_set_line_width (cr, MAX (1.0, style->font_size * 0.16));
  cairo_move_to (cr, aim_x, y - height * 0.35);
  cairo_line_to (cr, aim_x, y + height * 1.35);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* TRANSLATORS: the aim marked on the headline bar; %s is "75 %". */
  aim_text = g_strdup_printf (_("Programme aim: three in four women (%s)"), aim_share);
  aim.width = width;
  aim.max_lines = 1;
  miriam_chart_text (cr, style, &aim, aim_text, MIN (aim_x, x + width), y + height * 1.45,
                     MIRIAM_ALIGN_END, MIRIAM_ALIGN_START);
}

void
miriam_chart_group_headline (cairo_t                   *cr,
                             const MiriamChartOptions  *options,
                             const MiriamProgressGroup *group)
{
  MiriamChartStyle style;
  guint progressed = 0, measured = 0;
  double share, fs, figure_width, figure_height, bar_height, block_height, top;
  MiriamTextStyle big = { .scale = 3.4, .bold = TRUE, .ink = MIRIAM_INK_ACCENT };
  MiriamTextStyle sentence = { .scale = 1.15, .ink = MIRIAM_INK_TEXT, .max_lines = 3 };
  g_autofree char *figure = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (cr != NULL && options != NULL && group != NULL);
  miriam_chart_style_init (&style, options);
  fs = style.font_size;
  share = miriam_progress_headline (group, &progressed, &measured);
  if (measured == 0)
    {
      centred_note (cr, &style, options->width, options->height,
                    _("No woman has both a baseline and a final measurement yet"));
      return;
    }

  figure = miriam_chart_format_percent (share);
  /* TRANSLATORS: the programme's headline figure; the first %u is the
   * number of women who progressed, the second the women measured. */
  text = g_strdup_printf (ngettext ("%u of %u woman progressed on at least three life domains",
                                    "%u of %u women progressed on at least three life domains",
                                    measured),
                          progressed, measured);

  /* The big figure at the left, the sentence beside it, the bar under
   * both, all centred in the height given. */
  if (options->height < fs * 8)
    big.scale = MAX (1.6, options->height / fs / 2.6);
  miriam_chart_text_size (cr, &style, &big, figure, &figure_width, &figure_height);
  bar_height = fs * 1.3;
  block_height = figure_height + fs * 0.6 + bar_height + fs * 1.6;
  top = MAX (0, (options->height - block_height) / 2);

  cairo_save (cr);
  miriam_chart_text (cr, &style, &big, figure, 0, top, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  sentence.width = options->width - figure_width - fs * 1.2;
  miriam_chart_text (cr, &style, &sentence, text, figure_width + fs * 1.2, top + figure_height / 2,
                     MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
  headline_bar (cr, &style, 0, top + figure_height + fs * 0.6, options->width - fs * 0.2, bar_height, share);
  cairo_restore (cr);
}

/* ---- Attendance ---- */

typedef struct {
  double header_height;
  double name_width;
  double rate_width;
  double legend_height;
  double x;
  double y;
  double cell_width;
  double row_height;
} AttendanceFrame;

static void
attendance_frame (const MiriamChartStyle    *style,
                  const MiriamChartOptions  *options,
                  const MiriamProgressGroup *group,
                  guint                      n_rows,
                  gboolean                   names,
                  AttendanceFrame           *frame)
{
  double fs = style->font_size;
  guint n_sessions = MAX (group->session_days->len, 1);
  double plot_width;

  /* Dates standing upright above the columns. */
  frame->header_height = fs * 0.72 * 6.8;
  frame->legend_height = fs * 2.2;
  frame->name_width = names ? CLAMP (options->width * 0.24, fs * 6, fs * 13) : 0;
  frame->rate_width = fs * 4.4;
  frame->x = frame->name_width + (names ? fs * 0.8 : 0);
  plot_width = options->width - frame->x - frame->rate_width - fs * 0.4;
  frame->cell_width = MIN (plot_width / n_sessions, fs * 2.0);
  frame->y = frame->header_height;
  frame->row_height = MIN ((options->height - frame->header_height - frame->legend_height) / MAX (n_rows, 1),
                           fs * 2.0);
  frame->row_height = MAX (frame->row_height, 1);
}

void
miriam_chart_attendance_geometry (cairo_t                   *cr G_GNUC_UNUSED,
                                  const MiriamChartOptions  *options,
                                  const MiriamProgressGroup *group,
                                  gboolean                   one_participant,
                                  MiriamAttendanceGeometry  *geometry)
{
  MiriamChartStyle style;
  AttendanceFrame frame;

  miriam_chart_style_init (&style, options);
  attendance_frame (&style, options, group, one_participant ? 1 : group->participants->len,
                    !one_participant, &frame);
  geometry->x = frame.x;
  geometry->y = frame.y;
  geometry->cell_width = frame.cell_width;
  geometry->row_height = frame.row_height;
}

/* One mark in its cell: filled, crossed, hatched or empty, so that they
 * differ without colour. */
static void
attendance_cell (cairo_t                *cr,
                 const MiriamChartStyle *style,
                 MiriamAttendance        mark,
                 double                  x,
                 double                  y,
                 double                  size)
{
  double line = MAX (0.6, size * 0.1);

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_rectangle (cr, x, y, size, size);
  switch (mark)
    {
    case MIRIAM_ATTENDANCE_PRESENT:
      miriam_chart_set_ink (cr, style, MIRIAM_INK_PRESENT);
      cairo_fill (cr);
      break;
    case MIRIAM_ATTENDANCE_ABSENT:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, line * 0.7);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_AXIS);
      cairo_stroke (cr);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_ABSENT);
      cairo_set_line_width (cr, line * 1.6);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x + size * 0.22, y + size * 0.22);
      cairo_line_to (cr, x + size * 0.78, y + size * 0.78);
      cairo_move_to (cr, x + size * 0.78, y + size * 0.22);
      cairo_line_to (cr, x + size * 0.22, y + size * 0.78);
      cairo_stroke (cr);
      break;
    case MIRIAM_ATTENDANCE_EXCUSED:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, line);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_EXCUSED);
      cairo_stroke (cr);
      miriam_chart_hatch (cr, x, y, size, size, MAX (1.2, size * 0.26));
      break;
    case MIRIAM_ATTENDANCE_UNKNOWN:
    default:
      cairo_set_line_width (cr, line * 0.7);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_GRID);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

static void
attendance_header (cairo_t                   *cr,
                   const MiriamChartStyle    *style,
                   const MiriamProgressGroup *group,
                   const AttendanceFrame     *frame)
{
  MiriamTextStyle date = { .scale = 0.72, .ink = MIRIAM_INK_MUTED };
  double line = style->font_size * 0.72 * 1.25;
  guint every = MAX (1, (guint) ceil (line / frame->cell_width));

  /* Above the rates. */
  {
    MiriamTextStyle head = { .scale = 0.72, .ink = MIRIAM_INK_MUTED, .max_lines = 1,
                             .width = frame->rate_width };

    miriam_chart_text (cr, style, &head, miriam_attendance_label (MIRIAM_ATTENDANCE_PRESENT),
                       frame->x + group->session_days->len * frame->cell_width + frame->rate_width,
                       frame->header_height - style->font_size * 0.3, MIRIAM_ALIGN_END, MIRIAM_ALIGN_END);
  }

  /* Every date when the columns are wide enough for one upright line of
   * text, else every second or third. */
  for (guint s = 0; s < group->session_days->len; s += every)
    {
      g_autofree char *text = miriam_format_date (&g_array_index (group->session_days, GDate, s));
      double x = frame->x + (s + 0.5) * frame->cell_width;

      cairo_save (cr);
      cairo_translate (cr, x, frame->header_height - style->font_size * 0.3);
      cairo_rotate (cr, -G_PI / 2);
      miriam_chart_text (cr, style, &date, text, 0, 0, MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
      cairo_restore (cr);
    }
}

static void
attendance_row (cairo_t                         *cr,
                const MiriamChartStyle          *style,
                const MiriamProgressGroup       *group,
                const AttendanceFrame           *frame,
                const MiriamProgressParticipant *p,
                double                           y)
{
  double size = MIN (frame->cell_width, frame->row_height) * 0.74;
  double scale = MIN (0.92, frame->row_height / style->font_size / 1.25);
  MiriamTextStyle name = { .scale = scale, .ink = MIRIAM_INK_TEXT, .width = frame->name_width, .max_lines = 1 };
  MiriamTextStyle rate = { .scale = MIN (0.85, scale), .ink = MIRIAM_INK_MUTED };
  guint present = 0, marked = 0;
  g_autofree char *rate_text = NULL;

  if (frame->name_width > 0)
    miriam_chart_text (cr, style, &name, p->name, 0, y + frame->row_height / 2,
                       MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
  for (guint s = 0; s < group->session_days->len; s++)
    {
      MiriamAttendance mark = p->attendance != NULL && s < p->attendance->len
                              ? g_array_index (p->attendance, MiriamAttendance, s) : MIRIAM_ATTENDANCE_UNKNOWN;

      attendance_cell (cr, style, mark,
                       frame->x + s * frame->cell_width + (frame->cell_width - size) / 2,
                       y + (frame->row_height - size) / 2, size);
      if (mark != MIRIAM_ATTENDANCE_UNKNOWN)
        marked++;
      if (mark == MIRIAM_ATTENDANCE_PRESENT)
        present++;
    }
  /* Her rate over the sessions marked for her (not those before she
   * joined the group). */
  rate_text = marked > 0 ? miriam_chart_format_percent ((double) present / marked) : g_strdup ("\u2013");
  miriam_chart_text (cr, style, &rate, rate_text,
                     frame->x + group->session_days->len * frame->cell_width + frame->rate_width,
                     y + frame->row_height / 2, MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
}

static void
attendance_legend (cairo_t                *cr,
                   const MiriamChartStyle *style,
                   double                  x,
                   double                  y,
                   double                  width)
{
  static const MiriamAttendance marks[] = {
    MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_ABSENT, MIRIAM_ATTENDANCE_EXCUSED, MIRIAM_ATTENDANCE_UNKNOWN,
  };
  MiriamTextStyle text = { .scale = 0.85, .ink = MIRIAM_INK_TEXT };
  double size = style->font_size * 0.9, cx = x;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *label = miriam_attendance_label (marks[i]);
      double w;

      miriam_chart_text_size (cr, style, &text, label, &w, NULL);
      if (cx + size * 1.5 + w > x + width)
        break;
      attendance_cell (cr, style, marks[i], cx, y - size / 2, size);
      miriam_chart_text (cr, style, &text, label, cx + size * 1.5, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_CENTER);
      cx += size * 1.5 + w + style->font_size * 1.5;
    }
}

static void
draw_attendance (cairo_t                   *cr,
                 const MiriamChartOptions  *options,
                 const MiriamProgressGroup *group,
                 int                        only)
{
  MiriamChartStyle style;
  AttendanceFrame frame;
  guint n_rows = only >= 0 ? 1 : group->participants->len;
  double bottom;

  miriam_chart_style_init (&style, options);
  if (group->session_days->len == 0)
    {
      centred_note (cr, &style, options->width, options->height, _("No group sessions held yet"));
      return;
    }
  if (n_rows == 0)
    {
      centred_note (cr, &style, options->width, options->height, _("No participants in this group"));
      return;
    }

  cairo_save (cr);
  attendance_frame (&style, options, group, n_rows, only < 0, &frame);
  attendance_header (cr, &style, group, &frame);
  for (guint r = 0; r < n_rows; r++)
    {
      double y = frame.y + r * frame.row_height;

      if (r % 2 == 1)
        {
          miriam_chart_set_ink (cr, &style, MIRIAM_INK_BAND);
          cairo_rectangle (cr, 0, y, frame.x + group->session_days->len * frame.cell_width + frame.rate_width,
                           frame.row_height);
          cairo_fill (cr);
        }
      attendance_row (cr, &style, group, &frame,
                      group->participants->pdata[only >= 0 ? (guint) only : r], y);
    }
  bottom = frame.y + n_rows * frame.row_height;
  attendance_legend (cr, &style, 0, bottom + frame.legend_height / 2 + style.font_size * 0.2, options->width);
  cairo_restore (cr);
}

void
miriam_chart_attendance (cairo_t                   *cr,
                         const MiriamChartOptions  *options,
                         const MiriamProgressGroup *group)
{
  g_return_if_fail (cr != NULL && options != NULL && group != NULL);
  draw_attendance (cr, options, group, -1);
}

void
miriam_chart_attendance_participant (cairo_t                   *cr,
                                     const MiriamChartOptions  *options,
                                     const MiriamProgressGroup *group,
                                     guint                      participant)
{
  g_return_if_fail (cr != NULL && options != NULL && group != NULL);
  if (participant >= group->participants->len)
    return;
  draw_attendance (cr, options, group, participant);
}

/* ---- Cohorts side by side ---- */

/* The domains of all cohorts, by code, in the order they first appear
 * (an OCMW may have changed its list between cohorts); each with the
 * index it has in every cohort, or -1. */
typedef struct {
  GPtrArray *codes;     /* borrowed char* */
  GPtrArray *labels;    /* borrowed char* */
} DomainUnion;

static void
domain_union_init (DomainUnion *u,
                   GPtrArray   *cohorts)
{
  u->codes = g_ptr_array_new ();
  u->labels = g_ptr_array_new ();
  for (guint c = 0; c < cohorts->len; c++)
    {
      const MiriamProgressGroup *g = cohorts->pdata[c];

      for (guint i = 0; i < g->n_domains; i++)
        {
          gboolean known = FALSE;

          for (guint k = 0; k < u->codes->len && !known; k++)
            known = g_str_equal (u->codes->pdata[k], g->domain_codes[i]);
          if (!known)
            {
              g_ptr_array_add (u->codes, g->domain_codes[i]);
              g_ptr_array_add (u->labels, g->domain_labels[i]);
            }
        }
    }
}

static int
domain_index (const MiriamProgressGroup *group,
              const char                *code)
{
  for (guint i = 0; i < group->n_domains; i++)
    if (g_str_equal (group->domain_codes[i], code))
      return i;
  return -1;
}

typedef struct {
  double header_y;
  double top;
  double row_height;
  double label_width;
  double column_width;
  double footer_y;
} CohortsFrame;

static void
cohort_header (cairo_t                   *cr,
               const MiriamChartStyle    *style,
               const CohortsFrame        *frame,
               const MiriamProgressGroup *cohort,
               double                     x)
{
  MiriamTextStyle title = { .bold = TRUE, .ink = MIRIAM_INK_TEXT, .max_lines = 1,
                            .width = frame->column_width - style->font_size };
  MiriamTextStyle count = { .scale = 0.8, .ink = MIRIAM_INK_MUTED, .max_lines = 1,
                            .width = frame->column_width - style->font_size };
  guint n = cohort->participants->len;
  g_autofree char *women = g_strdup_printf (ngettext ("%u woman", "%u women", n), n);

  miriam_chart_text (cr, style, &title, cohort->cohort_label, x + frame->column_width / 2,
                     frame->header_y, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
  miriam_chart_text (cr, style, &count, women, x + frame->column_width / 2,
                     frame->header_y + style->font_size * 1.35, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
}

/* One cohort's dot pair for a domain: baseline and final on one line,
 * joined so that the direction of change reads at a glance. */
static void
cohort_cell (cairo_t                   *cr,
             const MiriamChartStyle    *style,
             const MiriamProgressGroup *cohort,
             int                        domain,
             double                     x0,
             double                     x1,
             double                     y,
             gboolean                   room_for_values)
{
  MiriamScoreStats baseline = { 0 }, final = { 0 };
  MiriamTextStyle na = { .scale = 0.75, .italic = TRUE, .ink = MIRIAM_INK_MUTED };
  double span = MIRIAM_SCORE_MAX - MIRIAM_SCORE_MIN;
  double bx, fx;

  if (domain >= 0)
    {
      miriam_progress_domain_stats (cohort, domain, MIRIAM_MOMENT_BASELINE, &baseline);
      miriam_progress_domain_stats (cohort, domain, MIRIAM_MOMENT_FINAL, &final);
    }
  if (baseline.n == 0 && final.n == 0)
    {
      miriam_chart_text (cr, style, &na, C_("change", "n/a"), (x0 + x1) / 2, y,
                         MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_CENTER);
      return;
    }
  bx = x0 + (centre_of (style, &baseline) - MIRIAM_SCORE_MIN) / span * (x1 - x0);
  fx = x0 + (centre_of (style, &final) - MIRIAM_SCORE_MIN) / span * (x1 - x0);
  if (baseline.n > 0 && final.n > 0)
    {
      cairo_save (cr);
      miriam_chart_set_ink (cr, style, MIRIAM_INK_AXIS);
      cairo_set_line_width (cr, style->line_width);
      cairo_move_to (cr, bx, y);
      cairo_line_to (cr, fx, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (baseline.n > 0)
    miriam_chart_marker (cr, style, MIRIAM_SERIES_BASELINE, bx, y, style->marker);
  if (final.n > 0)
    miriam_chart_marker (cr, style, MIRIAM_SERIES_FINAL, fx, y, style->marker);

  /* The figures under the markers when the row has room for them. */
  if (room_for_values)
    {
      MiriamTextStyle values = { .scale = 0.72, .ink = MIRIAM_INK_MUTED, .max_lines = 1, .width = x1 - x0 };
      g_autofree char *from = baseline.n > 0 ? miriam_format_number (centre_of (style, &baseline), 1)
                                             : g_strdup (C_("change", "n/a"));
      g_autofree char *to = final.n > 0 ? miriam_format_number (centre_of (style, &final), 1)
                                        : g_strdup (C_("change", "n/a"));
      g_autofree char *text = g_strdup_printf ("%s \u2192 %s", from, to);

      miriam_chart_text (cr, style, &values, text, (x0 + x1) / 2, y + style->marker * 0.9,
                         MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
    }
}

static void
cohort_footer (cairo_t                   *cr,
               const MiriamChartStyle    *style,
               const CohortsFrame        *frame,
               const MiriamProgressGroup *cohort,
               double                     x)
{
  MiriamTextStyle big = { .scale = 1.6, .bold = TRUE, .ink = MIRIAM_INK_ACCENT };
  MiriamTextStyle small = { .scale = 0.75, .ink = MIRIAM_INK_MUTED, .max_lines = 2,
                            .width = frame->column_width - style->font_size, .align = PANGO_ALIGN_CENTER };
  guint progressed, measured;
  double share = miriam_progress_headline (cohort, &progressed, &measured);
  double cx = x + frame->column_width / 2;
  double bar_width = frame->column_width - style->font_size * 1.6;
  double y = frame->footer_y + style->font_size * 0.6;
  g_autofree char *figure = NULL;
  g_autofree char *of = NULL;

  if (measured == 0)
    {
      miriam_chart_text (cr, style, &small, _("Not measured yet"), cx, y, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
      return;
    }
  figure = miriam_chart_format_percent (share);
  /* TRANSLATORS: under a cohort's headline share: "11 of 14". */
  of = g_strdup_printf (_("%u of %u"), progressed, measured);
  y += miriam_chart_text (cr, style, &big, figure, cx, y, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.5, style->font_size * 0.06));
  miriam_chart_set_ink (cr, style, MIRIAM_INK_AXIS);
  cairo_rectangle (cr, cx - bar_width / 2, y + style->font_size * 0.2, bar_width, style->font_size * 0.7);
  cairo_stroke (cr);
  miriam_chart_set_ink (cr, style, MIRIAM_INK_FINAL);
  cairo_rectangle (cr, cx - bar_width / 2, y + style->font_size * 0.2, bar_width * share, style->font_size * 0.7);
  cairo_fill (cr);
  miriam_chart_set_ink (cr, style, MIRIAM_INK_TEXT);
  cairo_set_line_width (cr, MAX (0.8, style->font_size * 0.12));
  cairo_move_to (cr, cx - bar_width / 2 + bar_width * PROGRAMME_AIM, y);
  cairo_line_to (cr, cx - bar_width / 2 + bar_width * PROGRAMME_AIM, y + style->font_size * 1.1);
  cairo_stroke (cr);
  cairo_restore (cr);
  miriam_chart_text (cr, style, &small, of, cx, y + style->font_size * 1.3, MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
}

void
miriam_chart_cohorts (cairo_t                  *cr,
                      const MiriamChartOptions *options,
                      GPtrArray                *cohorts)
{
  MiriamChartStyle style;
  CohortsFrame frame;
  DomainUnion domains;
  MiriamTextStyle footer_label = { .scale = 0.85, .ink = MIRIAM_INK_TEXT, .max_lines = 4,
                                   .align = PANGO_ALIGN_RIGHT };
  double fs;

  g_return_if_fail (cr != NULL && options != NULL);
  miriam_chart_style_init (&style, options);
  fs = style.font_size;
  if (cohorts == NULL || cohorts->len == 0)
    {
      centred_note (cr, &style, options->width, options->height, _("No cohorts to compare"));
      return;
    }
  domain_union_init (&domains, cohorts);
  if (domains.codes->len == 0)
    {
      centred_note (cr, &style, options->width, options->height, _("No life domains are scored"));
      g_ptr_array_unref (domains.codes);
      g_ptr_array_unref (domains.labels);
      return;
    }

  frame.label_width = CLAMP (options->width * 0.22, fs * 6, fs * 13);
  frame.column_width = (options->width - frame.label_width - fs) / cohorts->len;
  frame.header_y = fs * 2.6;
  frame.top = frame.header_y + fs * 3.0;
  frame.footer_y = options->height - fs * 5.6;
  frame.row_height = (frame.footer_y - frame.top - fs * 1.6) / domains.codes->len;

  cairo_save (cr);
  series_legend (cr, &style, 0, fs * 0.9, options->width,
                 style.use_median ? _("Median score per cohort") : _("Mean score per cohort"));
  for (guint i = 0; i < domains.codes->len; i += 2)
    {
      miriam_chart_set_ink (cr, &style, MIRIAM_INK_BAND);
      cairo_rectangle (cr, 0, frame.top + i * frame.row_height, options->width, frame.row_height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < domains.codes->len; i++)
    {
      MiriamTextStyle label = { .scale = 0.88, .width = frame.label_width, .ink = MIRIAM_INK_TEXT,
                                .max_lines = frame.row_height > fs * 2.4 ? 2 : 1, .align = PANGO_ALIGN_RIGHT };

      miriam_chart_text (cr, &style, &label, domains.labels->pdata[i], frame.label_width,
                         frame.top + (i + 0.5) * frame.row_height, MIRIAM_ALIGN_END, MIRIAM_ALIGN_CENTER);
    }

  for (guint c = 0; c < cohorts->len; c++)
    {
      const MiriamProgressGroup *cohort = cohorts->pdata[c];
      double x = frame.label_width + fs + c * frame.column_width;
      double x0 = x + fs * 0.8, x1 = x + frame.column_width - fs * 0.8;
      MiriamTextStyle tick = { .scale = 0.7, .ink = MIRIAM_INK_MUTED };
      double grid_bottom = frame.top + domains.codes->len * frame.row_height;
      gboolean room = frame.row_height > fs * 2.6 && x1 - x0 > fs * 5;

      cairo_save (cr);
      cairo_set_line_width (cr, MAX (0.5, fs * 0.06));
      for (int s = MIRIAM_SCORE_MIN; s <= MIRIAM_SCORE_MAX; s++)
        {
          double gx = x0 + (double) (s - MIRIAM_SCORE_MIN) / (MIRIAM_SCORE_MAX - MIRIAM_SCORE_MIN) * (x1 - x0);
          g_autofree char *digits = miriam_format_number (s, 0);

          miriam_chart_set_ink (cr, &style, MIRIAM_INK_GRID);
          cairo_move_to (cr, gx, frame.top);
          cairo_line_to (cr, gx, grid_bottom);
          cairo_stroke (cr);
          if (s % 2 == 1 || x1 - x0 > fs * 6)
            miriam_chart_text (cr, &style, &tick, digits, gx, grid_bottom + fs * 0.2,
                               MIRIAM_ALIGN_CENTER, MIRIAM_ALIGN_START);
        }
      /* A rule between cohorts. */
      miriam_chart_set_ink (cr, &style, MIRIAM_INK_AXIS);
      cairo_move_to (cr, x, frame.header_y);
      cairo_line_to (cr, x, options->height);
      cairo_stroke (cr);
      cairo_restore (cr);

      cohort_header (cr, &style, &frame, cohort, x);
      for (guint i = 0; i < domains.codes->len; i++)
        cohort_cell (cr, &style, cohort, domain_index (cohort, domains.codes->pdata[i]), x0, x1,
                     frame.top + (i + 0.5) * frame.row_height - (room ? fs * 0.45 : 0), room);
      cohort_footer (cr, &style, &frame, cohort, x);
    }

  footer_label.width = frame.label_width;
  miriam_chart_text (cr, &style, &footer_label, _("Progressed on at least three life domains"),
                     frame.label_width, frame.footer_y + fs * 0.6, MIRIAM_ALIGN_END, MIRIAM_ALIGN_START);
  cairo_restore (cr);
  g_ptr_array_unref (domains.codes);
  g_ptr_array_unref (domains.labels);
}
