/* miriam-chart-style.h: the look shared by every chart and report page
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours (Okabe-Ito, safe for colour-blind readers), their black-and-white
 * stand-ins, line styles, markers, hatching and text through Pango.  Inside
 * src/charts only (and its tests): the public interface is miriam-charts.h.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "charts/miriam-charts.h"

G_BEGIN_DECLS

typedef struct {
  double r;
  double g;
  double b;
} MiriamRgb;

/* What a colour is for; each has a colour and a grey. */
typedef enum {
  MIRIAM_INK_TEXT,
  MIRIAM_INK_MUTED,          /* secondary text: dates, n, notes */
  MIRIAM_INK_GRID,           /* rings, grid lines */
  MIRIAM_INK_AXIS,           /* the zero line, the outer ring */
  MIRIAM_INK_BAND,           /* zebra rows, alternate columns */
  MIRIAM_INK_ACCENT,         /* headings' rules, the big figure */
  MIRIAM_INK_BASELINE,
  MIRIAM_INK_INTERMEDIATE,
  MIRIAM_INK_FINAL,
  MIRIAM_INK_UP,             /* change bars */
  MIRIAM_INK_DOWN,
  MIRIAM_INK_PRESENT,        /* attendance */
  MIRIAM_INK_ABSENT,
  MIRIAM_INK_EXCUSED,
} MiriamInk;

MiriamRgb miriam_chart_ink_rgb (MiriamInk ink,
                                gboolean  monochrome);

/* The three measurement moments as series: a colour, a line style and a
 * marker each, so that they stay apart in black and white too. */
typedef enum {
  MIRIAM_SERIES_BASELINE,      /* dashed, circles */
  MIRIAM_SERIES_INTERMEDIATE,  /* dash-dot, diamonds */
  MIRIAM_SERIES_FINAL,         /* solid, squares */
} MiriamSeries;

typedef struct {
  const char *family;
  double      font_size;   /* body text, in user units */
  gboolean    monochrome;
  gboolean    use_median;
  double      line_width;  /* series outlines */
  double      marker;      /* marker size */
} MiriamChartStyle;

/* Sizes follow the chart's size unless the options give a font size. */
void   miriam_chart_style_init     (MiriamChartStyle         *style,
                                    const MiriamChartOptions *options);

void   miriam_chart_set_ink        (cairo_t                  *cr,
                                    const MiriamChartStyle   *style,
                                    MiriamInk                 ink);
/* Colour, width and dash of a series' outline. */
void   miriam_chart_set_series     (cairo_t                  *cr,
                                    const MiriamChartStyle   *style,
                                    MiriamSeries              series);
MiriamInk miriam_chart_series_ink  (MiriamSeries              series);
void   miriam_chart_marker         (cairo_t                  *cr,
                                    const MiriamChartStyle   *style,
                                    MiriamSeries              series,
                                    double                    x,
                                    double                    y,
                                    double                    size);
/* A short piece of the series' line with its marker, for legends. */
void   miriam_chart_series_sample  (cairo_t                  *cr,
                                    const MiriamChartStyle   *style,
                                    MiriamSeries              series,
                                    double                    x,
                                    double                    y,
                                    double                    length);
/* Diagonal lines across the rectangle (clipped to it). */
void   miriam_chart_hatch          (cairo_t                  *cr,
                                    double                    x,
                                    double                    y,
                                    double                    width,
                                    double                    height,
                                    double                    spacing);

typedef enum {
  MIRIAM_ALIGN_START,   /* left / top */
  MIRIAM_ALIGN_CENTER,
  MIRIAM_ALIGN_END,     /* right / bottom */
} MiriamAlign;

typedef struct {
  double      scale;      /* times the body size; 0 means 1 */
  gboolean    bold;
  gboolean    italic;
  double      width;      /* wrap width; <= 0: one line, no limit */
  int         max_lines;  /* wrapped lines before an ellipsis; 0: 1 */
  PangoAlignment align;   /* of the lines between themselves */
  MiriamInk   ink;
} MiriamTextStyle;

/* A layout in the style's font, with metrics that do not depend on the
 * surface, so that screen, PNG and paper lay out alike.  Right-to-left
 * text is laid out right-to-left (Pango's automatic direction). */
PangoLayout *miriam_chart_layout       (cairo_t                *cr,
                                        const MiriamChartStyle *style,
                                        const MiriamTextStyle  *text_style,
                                        const char             *text);
PangoLayout *miriam_chart_layout_markup (cairo_t               *cr,
                                        const MiriamChartStyle *style,
                                        const MiriamTextStyle  *text_style,
                                        const char             *markup);
void         miriam_chart_layout_size  (PangoLayout            *layout,
                                        double                 *width,
                                        double                 *height);
/* Draws @layout with its box aligned to (x, y): @halign says whether x is
 * its left edge, centre or right edge, @valign the same for y. */
void         miriam_chart_show_layout  (cairo_t                *cr,
                                        PangoLayout            *layout,
                                        double                  x,
                                        double                  y,
                                        MiriamAlign             halign,
                                        MiriamAlign             valign);
/* Layout, draw and free in one go; returns the height drawn. */
double       miriam_chart_text         (cairo_t                *cr,
                                        const MiriamChartStyle *style,
                                        const MiriamTextStyle  *text_style,
                                        const char             *text,
                                        double                  x,
                                        double                  y,
                                        MiriamAlign             halign,
                                        MiriamAlign             valign);
/* Size of @text as it would be drawn. */
void         miriam_chart_text_size    (cairo_t                *cr,
                                        const MiriamChartStyle *style,
                                        const MiriamTextStyle  *text_style,
                                        const char             *text,
                                        double                 *width,
                                        double                 *height);

/* "#rrggbb" of an ink, for Pango markup. */
char        *miriam_chart_ink_hex      (const MiriamChartStyle *style,
                                        MiriamInk               ink);

/* "+2", "−1" (a real minus sign), "0". */
char        *miriam_chart_format_change (int                    change);
/* "79 %" in the current language. */
char        *miriam_chart_format_percent (double               share);

/* Draws a rectangle's background in white: PNG and SVG files, previews. */
void         miriam_chart_paint_white  (cairo_t                *cr,
                                        double                  width,
                                        double                  height);

G_END_DECLS
