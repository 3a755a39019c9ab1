/* miriam-chart-style.c: the look shared by every chart and report page
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-chart-style.h"
#include "core/miriam-language.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
#define GREY(v) { (v), (v), (v) }

/* Okabe & Ito (2008), "Color Universal Design": eight colours that stay
 * apart for the common kinds of colour blindness.  Baseline orange and
 * final blue also differ in lightness, so a colour chart printed on a
 * black-and-white printer still shows two tones. */
static const MiriamRgb colour_inks[] = {
  [MIRIAM_INK_TEXT]         = RGB (0x1f1f1f),
  [MIRIAM_INK_MUTED]        = RGB (0x5c5c5c),
  [MIRIAM_INK_GRID]         = RGB (0xcccccc),
  [MIRIAM_INK_AXIS]         = RGB (0x808080),
  [MIRIAM_INK_BAND]         = RGB (0xf2f2f2),
  [MIRIAM_INK_ACCENT]       = RGB (0x0072b2),
  [MIRIAM_INK_BASELINE]     = RGB (0xe69f00),
  [MIRIAM_INK_INTERMEDIATE] = RGB (0x009e73),
  [MIRIAM_INK_FINAL]        = RGB (0x0072b2),
  [MIRIAM_INK_UP]           = RGB (0x0072b2),
  [MIRIAM_INK_DOWN]         = RGB (0xd55e00),
  [MIRIAM_INK_PRESENT]      = RGB (0x009e73),
  [MIRIAM_INK_ABSENT]       = RGB (0xd55e00),
  [MIRIAM_INK_EXCUSED]      = RGB (0xe69f00),
};

/* Black and white: the series differ by line, marker and tone. */
static const MiriamRgb grey_inks[] = {
  [MIRIAM_INK_TEXT]         = GREY (0.0),
  [MIRIAM_INK_MUTED]        = GREY (0.35),
  [MIRIAM_INK_GRID]         = GREY (0.8),
  [MIRIAM_INK_AXIS]         = GREY (0.45),
  [MIRIAM_INK_BAND]         = GREY (0.95),
  [MIRIAM_INK_ACCENT]       = GREY (0.0),
  [MIRIAM_INK_BASELINE]     = GREY (0.45),
  [MIRIAM_INK_INTERMEDIATE] = GREY (0.2),
  [MIRIAM_INK_FINAL]        = GREY (0.0),
  [MIRIAM_INK_UP]           = GREY (0.3),
  [MIRIAM_INK_DOWN]         = GREY (0.0),
  [MIRIAM_INK_PRESENT]      = GREY (0.0),
  [MIRIAM_INK_ABSENT]       = GREY (0.0),
  [MIRIAM_INK_EXCUSED]      = GREY (0.3),
};

MiriamRgb
miriam_chart_ink_rgb (MiriamInk ink,
                      gboolean  monochrome)
{
  g_return_val_if_fail (ink <= MIRIAM_INK_EXCUSED, colour_inks[MIRIAM_INK_TEXT]);
  return monochrome ? grey_inks[ink] : colour_inks[ink];
}

void
miriam_chart_style_init (MiriamChartStyle         *style,
                         const MiriamChartOptions *options)
{
  double base;

  style->family = options->font_family != NULL ? options->font_family : "Sans";
  style->monochrome = options->monochrome;
  style->use_median = options->use_median;

  /* About one fiftieth of the chart's diagonal-ish size: 9 pt on a chart
   * half an A4 page wide, 13 px in a large window. */
  base = sqrt (MAX (options->width, 1) * MAX (options->height, 1)) / 42.0;
  style->font_size = options->font_size > 0 ? options->font_size : CLAMP (base, 6.5, 13.0);
  style->line_width = MAX (1.0, style->font_size * 0.2);
  style->marker = style->font_size * 0.8;
}

void
miriam_chart_set_ink (cairo_t                *cr,
                      const MiriamChartStyle *style,
                      MiriamInk               ink)
{
  MiriamRgb rgb = miriam_chart_ink_rgb (ink, style->monochrome);

  cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
}

MiriamInk
miriam_chart_series_ink (MiriamSeries series)
{
  switch (series)
    {
    case MIRIAM_SERIES_BASELINE:     return MIRIAM_INK_BASELINE;
    case MIRIAM_SERIES_INTERMEDIATE: return MIRIAM_INK_INTERMEDIATE;
    case MIRIAM_SERIES_FINAL:
    default:                         return MIRIAM_INK_FINAL;
    }
}

void
miriam_chart_set_series (cairo_t                *cr,
                         const MiriamChartStyle *style,
                         MiriamSeries            series)
{
  double w = style->line_width;
  double dashed[] = { w * 3.5, w * 2.0 };
  double dash_dot[] = { w * 4.0, w * 1.6, w * 0.9, w * 1.6 };

  miriam_chart_set_ink (cr, style, miriam_chart_series_ink (series));
  cairo_set_line_width (cr, w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (series)
    {
    case MIRIAM_SERIES_BASELINE:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case MIRIAM_SERIES_INTERMEDIATE:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    case MIRIAM_SERIES_FINAL:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
marker_path (cairo_t      *cr,
             MiriamSeries  series,
             double        x,
             double        y,
             double        size)
{
  double h = size / 2;

  cairo_new_sub_path (cr);
  switch (series)
    {
    case MIRIAM_SERIES_BASELINE:
      cairo_arc (cr, x, y, h * 1.05, 0, 2 * G_PI);
      break;
    case MIRIAM_SERIES_INTERMEDIATE:
      h *= 1.3;
      cairo_move_to (cr, x, y - h);
      cairo_line_to (cr, x + h, y);
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x - h, y);
      cairo_close_path (cr);
      break;
    case MIRIAM_SERIES_FINAL:
    default:
      cairo_rectangle (cr, x - h, y - h, size, size);
      break;
    }
}

void
miriam_chart_marker (cairo_t                *cr,
                     const MiriamChartStyle *style,
                     MiriamSeries            series,
                     double                  x,
                     double                  y,
                     double                  size)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  marker_path (cr, series, x, y, size);
  /* In black and white the baseline's circle is open (white inside) so
   * that it cannot be taken for the final measurement's black square. */
  if (style->monochrome && series == MIRIAM_SERIES_BASELINE)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    miriam_chart_set_ink (cr, style, miriam_chart_series_ink (series));
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (0.75, size * 0.16));
  if (style->monochrome)
    miriam_chart_set_ink (cr, style, miriam_chart_series_ink (series));
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  /* A thin white ring keeps a marker readable where it sits on a line of
   * the other series. */
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
miriam_chart_series_sample (cairo_t                *cr,
                            const MiriamChartStyle *style,
                            MiriamSeries            series,
                            double                  x,
                            double                  y,
                            double                  length)
{
  cairo_save (cr);
  miriam_chart_set_series (cr, style, series);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_stroke (cr);
  miriam_chart_marker (cr, style, series, x + length / 2, y, style->marker);
  cairo_restore (cr);
}

void
miriam_chart_hatch (cairo_t *cr,
                    double   x,
                    double   y,
                    double   width,
                    double   height,
                    double   spacing)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (double d = -height; d < width; d += spacing)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Hinting would make text a little wider or narrower depending on the
 * surface; without it a line breaks at the same word on screen and on
 * paper. */
static void
set_device_independent (PangoLayout *layout)
{
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_layout_context_changed (layout);
}

static PangoLayout *
new_layout (cairo_t                *cr,
            const MiriamChartStyle *style,
            const MiriamTextStyle  *text_style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  double scale = text_style->scale > 0 ? text_style->scale : 1.0;

  set_device_independent (layout);
  pango_font_description_set_family (font, style->family);
  pango_font_description_set_absolute_size (font, style->font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, text_style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, text_style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_alignment (layout, text_style->align);
  if (text_style->width > 0)
    {
      int lines = MAX (text_style->max_lines, 1);

      /* Wrap at words, or inside a word that is longer than the line
       * (a very long name), then end with an ellipsis: never wider than
       * the place it was given. */
      pango_layout_set_width (layout, (int) (text_style->width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

PangoLayout *
miriam_chart_layout (cairo_t                *cr,
                     const MiriamChartStyle *style,
                     const MiriamTextStyle  *text_style,
                     const char             *text)
{
  PangoLayout *layout = new_layout (cr, style, text_style);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

PangoLayout *
miriam_chart_layout_markup (cairo_t                *cr,
                            const MiriamChartStyle *style,
                            const MiriamTextStyle  *text_style,
                            const char             *markup)
{
  PangoLayout *layout = new_layout (cr, style, text_style);

  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  return layout;
}

void
miriam_chart_layout_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
miriam_chart_show_layout (cairo_t     *cr,
                          PangoLayout *layout,
                          double       x,
                          double       y,
                          MiriamAlign  halign,
                          MiriamAlign  valign)
{
  PangoRectangle logical;
  double w, h;

  /* Place the text's own box, wherever Pango put it inside the layout
   * (a right-to-left line sits at the right of a wrapped layout). */
  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  if (halign == MIRIAM_ALIGN_CENTER)
    x -= w / 2;
  else if (halign == MIRIAM_ALIGN_END)
    x -= w;
  if (valign == MIRIAM_ALIGN_CENTER)
    y -= h / 2;
  else if (valign == MIRIAM_ALIGN_END)
    y -= h;
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

double
miriam_chart_text (cairo_t                *cr,
                   const MiriamChartStyle *style,
                   const MiriamTextStyle  *text_style,
                   const char             *text,
                   double                  x,
                   double                  y,
                   MiriamAlign             halign,
                   MiriamAlign             valign)
{
  g_autoptr(PangoLayout) layout = miriam_chart_layout (cr, style, text_style, text);
  double height;

  miriam_chart_layout_size (layout, NULL, &height);
  cairo_save (cr);
  miriam_chart_set_ink (cr, style, text_style->ink);
  miriam_chart_show_layout (cr, layout, x, y, halign, valign);
  cairo_restore (cr);
  return height;
}

void
miriam_chart_text_size (cairo_t                *cr,
                        const MiriamChartStyle *style,
                        const MiriamTextStyle  *text_style,
                        const char             *text,
                        double                 *width,
                        double                 *height)
{
  g_autoptr(PangoLayout) layout = miriam_chart_layout (cr, style, text_style, text);

  miriam_chart_layout_size (layout, width, height);
}

char *
miriam_chart_ink_hex (const MiriamChartStyle *style,
                      MiriamInk               ink)
{
  MiriamRgb rgb = miriam_chart_ink_rgb (ink, style->monochrome);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (rgb.r * 255),
                          (guint) lround (rgb.g * 255),
                          (guint) lround (rgb.b * 255));
}

char *
miriam_chart_format_change (int change)
{
  g_autofree char *digits = miriam_format_number (ABS (change), 0);

  if (change > 0)
    return g_strconcat ("+", digits, NULL);
  if (change < 0)
    return g_strconcat ("\u2212", digits, NULL);
  return g_steal_pointer (&digits);
}

char *
miriam_chart_format_percent (double share)
{
  g_autofree char *digits = miriam_format_number (round (share * 100), 0);

  /* TRANSLATORS: a percentage, "79 %"; %s is the number.  Write it as
   * your language does (with or without a space). */
  return g_strdup_printf (C_("percentage", "%s %%"), digits);
}

void
miriam_chart_paint_white (cairo_t *cr,
                          double   width,
                          double   height)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}
