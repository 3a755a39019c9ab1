/* test-charts.c: the progress charts, read back from their pixels
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is drawn on an image surface and checked as a reader would:
 * is the final score where it should be on the radar, is an unscored
 * domain a gap, is there a legend, do the change bars point the right
 * way, can present, absent and excused be told apart without colour, and
 * does nothing run out of its place with odd data (no final yet, one
 * woman, thirty women, very long or right-to-left names, nothing scored).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-charts.h"
#include "charts/miriam-chart-style.h"
#include "core/miriam-language.h"
#include "charts-fixture.h"

#define NONE MIRIAM_SCORE_NONE

/* ---- Pixels ---- */

typedef struct {
  double r, g, b;
} Pixel;

static cairo_surface_t *
new_canvas (double   width,
            double   height,
            cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint8 *data;
  guint32 argb;
  Pixel p = { 1, 1, 1 };

  if (ix < 0 || iy < 0 || ix >= width || iy >= height)
    return p;
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  argb = *(const guint32 *) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  /* Opaque everywhere: painted white first. */
  p.r = ((argb >> 16) & 0xff) / 255.0;
  p.g = ((argb >> 8) & 0xff) / 255.0;
  p.b = (argb & 0xff) / 255.0;
  return p;
}

static gboolean
is_colour (Pixel     p,
           MiriamRgb c)
{
  return fabs (p.r - c.r) < 0.08 && fabs (p.g - c.g) < 0.08 && fabs (p.b - c.b) < 0.08;
}

static gboolean
is_dark (Pixel p)
{
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b < 0.5;
}

static gboolean
is_white (Pixel p)
{
  return p.r > 0.99 && p.g > 0.99 && p.b > 0.99;
}

/* Whether @c shows within @radius pixels of (x, y). */
static gboolean
colour_near (cairo_surface_t *surface,
             double           x,
             double           y,
             double           radius,
             MiriamRgb        c)
{
  for (double dy = -radius; dy <= radius; dy += 1)
    for (double dx = -radius; dx <= radius; dx += 1)
      if (is_colour (pixel_at (surface, x + dx, y + dy), c))
        return TRUE;
  return FALSE;
}

typedef gboolean (*PixelTest) (Pixel p, gconstpointer data);

static guint
count_in (cairo_surface_t *surface,
          double           x0,
          double           y0,
          double           x1,
          double           y1,
          PixelTest        test,
          gconstpointer    data)
{
  guint n = 0;

  for (double y = MAX (y0, 0); y < y1; y += 1)
    for (double x = MAX (x0, 0); x < x1; x += 1)
      if (test (pixel_at (surface, x, y), data))
        n++;
  return n;
}

static gboolean
test_colour (Pixel p, gconstpointer data)
{
  return is_colour (p, *(const MiriamRgb *) data);
}

static gboolean
test_dark (Pixel p, gconstpointer data G_GNUC_UNUSED)
{
  return is_dark (p);
}

static gboolean
test_ink (Pixel p, gconstpointer data G_GNUC_UNUSED)
{
  return !is_white (p);
}

static gboolean
test_not_grey (Pixel p, gconstpointer data G_GNUC_UNUSED)
{
  return fabs (p.r - p.g) > 0.004 || fabs (p.g - p.b) > 0.004;
}

static guint
ink_in (cairo_surface_t *surface)
{
  return count_in (surface, 0, 0, cairo_image_surface_get_width (surface),
                   cairo_image_surface_get_height (surface), test_ink, NULL);
}

static MiriamRgb
ink (MiriamInk which,
     gboolean  monochrome)
{
  return miriam_chart_ink_rgb (which, monochrome);
}

/* ---- Data ---- */

static MiriamProgressGroup *
one_woman (guint        n_domains,
           const int   *baseline,
           const int   *final)
{
  MiriamProgressGroup *group = miriam_progress_group_new ();
  MiriamProgressParticipant *p;

  fixture_set_domains (group, n_domains);
  p = fixture_add_participant (group, "Amina Benali", "A. B.");
  if (baseline != NULL)
    fixture_set_scores (&p->baseline, &p->baseline_day, n_domains, baseline, fixture_day (28, 9, 2026));
  if (final != NULL)
    fixture_set_scores (&p->final, &p->final_day, n_domains, final, fixture_day (14, 6, 2027));
  return group;
}

static void
radar_point (const MiriamRadarGeometry *g,
             guint                      n,
             guint                      i,
             double                     radius,
             double                    *x,
             double                    *y)
{
  double angle = miriam_chart_radar_angle (n, i);

  *x = g->cx + radius * sin (angle);
  *y = g->cy - radius * cos (angle);
}

/* ---- Radar ---- */

static void
test_radar_vertices (void)
{
  const int baseline[] = { 1, 2, 3, 1, 1, 2 };
  const int final[] = { 3, 4, 5, 4, 3, 4 };
  g_autoptr(MiriamProgressGroup) group = one_woman (6, baseline, final);
  MiriamChartOptions options = { 600, 520, NULL, 0, FALSE, FALSE };
  MiriamRgb final_colour = ink (MIRIAM_INK_FINAL, FALSE);
  MiriamRgb baseline_colour = ink (MIRIAM_INK_BASELINE, FALSE);
  MiriamRadarGeometry g;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_radar (cr, &options, group, 0);
  miriam_chart_radar_geometry (cr, &options, group, &g);
  g_assert_cmpfloat (g.radius, >, 50);

  /* The angles go round once, starting upwards. */
  g_assert_cmpfloat_with_epsilon (miriam_chart_radar_angle (6, 0), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (miriam_chart_radar_angle (6, 3), G_PI, 1e-9);
  g_assert_cmpfloat_with_epsilon (miriam_chart_radar_score_radius (&g, 5), g.radius, 1e-9);

  for (guint i = 0; i < 6; i++)
    {
      double x, y;

      /* Her final score is marked at its own radius ... */
      radar_point (&g, 6, i, miriam_chart_radar_score_radius (&g, final[i]), &x, &y);
      g_assert_true (is_colour (pixel_at (surface, x, y), final_colour));
      /* ... and not one step further in or out. */
      for (int d = -1; d <= 1; d += 2)
        {
          int wrong = final[i] + d;

          if (wrong < MIRIAM_SCORE_MIN || wrong > MIRIAM_SCORE_MAX)
            continue;
          radar_point (&g, 6, i, miriam_chart_radar_score_radius (&g, wrong), &x, &y);
          g_assert_false (colour_near (surface, x, y, 1, final_colour));
        }
      /* Her baseline is at its radius, in the baseline's colour. */
      radar_point (&g, 6, i, miriam_chart_radar_score_radius (&g, baseline[i]), &x, &y);
      g_assert_true (is_colour (pixel_at (surface, x, y), baseline_colour));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_radar_gap (void)
{
  const int final[] = { 4, 4, NONE, 4, 4, 4 };
  g_autoptr(MiriamProgressGroup) group = one_woman (6, NULL, final);
  MiriamChartOptions options = { 600, 520, NULL, 0, FALSE, FALSE };
  MiriamRgb final_colour = ink (MIRIAM_INK_FINAL, FALSE);
  MiriamRadarGeometry g;
  double ax, ay, bx, by;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_radar (cr, &options, group, 0);
  miriam_chart_radar_geometry (cr, &options, group, &g);

  /* The outline is drawn between two scored domains ... */
  radar_point (&g, 6, 0, miriam_chart_radar_score_radius (&g, 4), &ax, &ay);
  radar_point (&g, 6, 1, miriam_chart_radar_score_radius (&g, 4), &bx, &by);
  g_assert_true (colour_near (surface, (ax + bx) / 2, (ay + by) / 2, 2, final_colour));

  /* ... but not towards the unscored one, wherever it could have been
   * put: not to a score, and not to the centre (a zero). */
  for (guint neighbour = 1; neighbour <= 3; neighbour += 2)
    {
      radar_point (&g, 6, neighbour, miriam_chart_radar_score_radius (&g, 4), &ax, &ay);
      for (int s = 0; s <= MIRIAM_SCORE_MAX; s++)
        {
          radar_point (&g, 6, 2, miriam_chart_radar_score_radius (&g, s), &bx, &by);
          g_assert_false (colour_near (surface, (ax + bx) / 2, (ay + by) / 2, 1, final_colour));
        }
    }
  g_assert_false (colour_near (surface, g.cx, g.cy, 2, final_colour));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pixels of @c outside the rings (beyond the markers at score 5). */
static guint
count_outside_rings (cairo_surface_t           *surface,
                     const MiriamRadarGeometry *g,
                     MiriamRgb                  c)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (hypot (x - g->cx, y - g->cy) > g->radius * 1.12 && is_colour (pixel_at (surface, x, y), c))
        n++;
  return n;
}

static void
test_radar_legend (void)
{
  const int baseline[] = { 2, 2, 2, 2, 2 };
  const int final[] = { 5, 5, 5, 5, 5 };
  g_autoptr(MiriamProgressGroup) group = one_woman (5, baseline, final);
  MiriamChartOptions options = { 560, 500, NULL, 0, FALSE, FALSE };
  MiriamRadarGeometry g;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_radar (cr, &options, group, 0);
  miriam_chart_radar_geometry (cr, &options, group, &g);
  /* Outside the rings only the legend draws in the series' colours. */
  g_assert_cmpuint (count_outside_rings (surface, &g, ink (MIRIAM_INK_BASELINE, FALSE)), >, 20);
  g_assert_cmpuint (count_outside_rings (surface, &g, ink (MIRIAM_INK_FINAL, FALSE)), >, 20);
  /* ... and there is text below the rings (the legend's words). */
  g_assert_cmpuint (count_in (surface, 0, g.cy + g.radius * 1.3, options.width, options.height,
                              test_dark, NULL), >, 50);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_radar_intermediate (void)
{
  const int baseline[] = { 1, 1, 1, 1, 1, 1, 1 };
  const int later[] = { 3, 3, 3, 3, 3, 3, 3 };
  g_autoptr(MiriamProgressGroup) group = one_woman (7, baseline, NULL);
  MiriamProgressParticipant *p = group->participants->pdata[0];
  MiriamChartOptions options = { 600, 520, NULL, 0, FALSE, FALSE };
  MiriamRgb intermediate = ink (MIRIAM_INK_INTERMEDIATE, FALSE);
  MiriamRgb final_colour = ink (MIRIAM_INK_FINAL, FALSE);
  MiriamRadarGeometry g;
  double x, y;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  fixture_set_scores (&p->intermediate, &p->intermediate_day, 7, later, fixture_day (1, 2, 2027));
  miriam_chart_radar (cr, &options, group, 0);
  miriam_chart_radar_geometry (cr, &options, group, &g);

  /* No final yet: her newest intermediate measurement stands in, in its
   * own colour, and the legend shows it; nothing claims to be final. */
  radar_point (&g, 7, 2, miriam_chart_radar_score_radius (&g, 3), &x, &y);
  g_assert_true (colour_near (surface, x, y, 1, intermediate));
  g_assert_cmpuint (count_outside_rings (surface, &g, intermediate), >, 20);
  g_assert_cmpuint (count_in (surface, 0, 0, options.width, options.height, test_colour, &final_colour), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Change bars ---- */

static void
test_change_bars (void)
{
  const int baseline[] = { 1, 4, 3, 2, 2 };
  const int final[] = { 4, 2, 3, NONE, 3 };
  g_autoptr(MiriamProgressGroup) group = one_woman (5, baseline, final);
  MiriamChartOptions options = { 600, 360, NULL, 0, FALSE, FALSE };
  MiriamRgb up = ink (MIRIAM_INK_UP, FALSE), down = ink (MIRIAM_INK_DOWN, FALSE);
  MiriamBarsGeometry g;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_change_bars (cr, &options, group, 0);
  miriam_chart_change_bars_geometry (cr, &options, group, &g);
  g_assert_cmpfloat (g.unit, >, 5);

#define ROW(i) (g.top + ((i) + 0.5) * g.row_height)
  /* +3: to the right of zero, as far as 3 points and not 4. */
  g_assert_true (is_colour (pixel_at (surface, g.zero_x + 1.5 * g.unit, ROW (0)), up));
  g_assert_true (is_colour (pixel_at (surface, g.zero_x + 2.8 * g.unit, ROW (0)), up));
  g_assert_false (colour_near (surface, g.zero_x + 3.5 * g.unit, ROW (0), 1, up));
  g_assert_false (colour_near (surface, g.zero_x - 1.5 * g.unit, ROW (0), 1, up));
  /* -2: to the left. */
  g_assert_true (is_colour (pixel_at (surface, g.zero_x - 1.5 * g.unit, ROW (1)), down));
  g_assert_false (colour_near (surface, g.zero_x + 1.5 * g.unit, ROW (1), 1, down));
  g_assert_false (colour_near (surface, g.zero_x - 2.5 * g.unit, ROW (1), 1, down));
  /* 0 and n/a: no bar either way. */
  for (guint row = 2; row <= 3; row++)
    {
      g_assert_cmpuint (count_in (surface, g.zero_x - 4 * g.unit, ROW (row) - 2, g.zero_x + 4 * g.unit, ROW (row) + 2,
                                  test_colour, &up), ==, 0);
      g_assert_cmpuint (count_in (surface, g.zero_x - 4 * g.unit, ROW (row) - 2, g.zero_x + 4 * g.unit, ROW (row) + 2,
                                  test_colour, &down), ==, 0);
    }
  /* +1 */
  g_assert_true (is_colour (pixel_at (surface, g.zero_x + 0.5 * g.unit, ROW (4)), up));
  g_assert_false (colour_near (surface, g.zero_x + 1.5 * g.unit, ROW (4), 1, up));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_change_bars_monochrome (void)
{
  const int baseline[] = { 1, 4 };
  const int final[] = { 4, 2 };
  g_autoptr(MiriamProgressGroup) group = one_woman (2, baseline, final);
  MiriamChartOptions options = { 600, 300, NULL, 0, TRUE, FALSE };
  MiriamBarsGeometry g;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);
  double h;

  miriam_chart_change_bars (cr, &options, group, 0);
  miriam_chart_change_bars_geometry (cr, &options, group, &g);
  h = g.row_height * 0.2;

  /* Greys only. */
  g_assert_cmpuint (count_in (surface, 0, 0, options.width, options.height, test_not_grey, NULL), ==, 0);
  /* Up: ink right of zero, none left of it; down: the other way round
   * (hatched, so only part of it is ink). */
  g_assert_cmpuint (count_in (surface, g.zero_x + 0.3 * g.unit, ROW (0) - h, g.zero_x + 2.7 * g.unit, ROW (0) + h,
                              test_dark, NULL), >, 100);
  g_assert_cmpuint (count_in (surface, g.zero_x - 2.7 * g.unit, ROW (0) - h, g.zero_x - 0.3 * g.unit, ROW (0) + h,
                              test_dark, NULL), ==, 0);
  g_assert_cmpuint (count_in (surface, g.zero_x - 1.7 * g.unit, ROW (1) - h, g.zero_x - 0.3 * g.unit, ROW (1) + h,
                              test_dark, NULL), >, 20);
  g_assert_cmpuint (count_in (surface, g.zero_x + 0.3 * g.unit, ROW (1) - h, g.zero_x + 2.7 * g.unit, ROW (1) + h,
                              test_dark, NULL), ==, 0);
#undef ROW

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Attendance ---- */

static MiriamProgressGroup *
attendance_group (guint                   n_women,
                  const MiriamAttendance *marks,
                  guint                   n_marks)
{
  MiriamProgressGroup *group = miriam_progress_group_new ();
  GDate day = fixture_day (14, 9, 2026);

  fixture_set_domains (group, 3);
  for (guint s = 0; s < n_marks; s++)
    {
      g_array_append_val (group->session_days, day);
      g_date_add_days (&day, 14);
    }
  for (guint i = 0; i < n_women; i++)
    {
      MiriamProgressParticipant *p = fixture_add_participant (group, fixture_names[i % G_N_ELEMENTS (fixture_names)],
                                                              NULL);

      g_array_append_vals (p->attendance, marks, n_marks);
    }
  return group;
}

/* The cell's inside as dark/light, and how much of it is dark. */
static double
cell_pattern (cairo_surface_t                *surface,
              const MiriamAttendanceGeometry *g,
              guint                           session,
              guint                           row,
              gboolean                       *bits,
              guint                           side)
{
  double size = MIN (g->cell_width, g->row_height) * 0.6;
  double x0 = g->x + (session + 0.5) * g->cell_width - size / 2;
  double y0 = g->y + (row + 0.5) * g->row_height - size / 2;
  guint dark = 0;

  for (guint j = 0; j < side; j++)
    for (guint i = 0; i < side; i++)
      {
        gboolean d = is_dark (pixel_at (surface, x0 + (i + 0.5) * size / side, y0 + (j + 0.5) * size / side));

        bits[j * side + i] = d;
        dark += d;
      }
  return (double) dark / (side * side);
}

static void
test_attendance_monochrome (void)
{
  const MiriamAttendance marks[] = {
    MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_ABSENT, MIRIAM_ATTENDANCE_EXCUSED, MIRIAM_ATTENDANCE_UNKNOWN,
  };
  g_autoptr(MiriamProgressGroup) group = attendance_group (2, marks, G_N_ELEMENTS (marks));
  MiriamChartOptions options = { 500, 200, NULL, 0, TRUE, FALSE };
  MiriamAttendanceGeometry g;
  enum { SIDE = 12 };
  gboolean bits[4][SIDE * SIDE];
  double share[4];
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_attendance (cr, &options, group);
  miriam_chart_attendance_geometry (cr, &options, group, FALSE, &g);
  g_assert_cmpfloat (g.cell_width, >, 8);

  g_assert_cmpuint (count_in (surface, 0, 0, options.width, options.height, test_not_grey, NULL), ==, 0);
  for (guint s = 0; s < 4; s++)
    share[s] = cell_pattern (surface, &g, s, 1, bits[s], SIDE);

  /* Present is filled, not marked is empty, absent and excused are
   * partly inked, and no two look alike. */
  g_assert_cmpfloat (share[0], >, 0.9);
  g_assert_cmpfloat (share[3], <, 0.02);
  g_assert_cmpfloat (share[1], >, 0.08);
  g_assert_cmpfloat (share[1], <, 0.7);
  g_assert_cmpfloat (share[2], >, 0.08);
  g_assert_cmpfloat (share[2], <, 0.8);
  for (guint a = 0; a < 4; a++)
    for (guint b = a + 1; b < 4; b++)
      {
        guint differ = 0;

        for (guint k = 0; k < SIDE * SIDE; k++)
          differ += bits[a][k] != bits[b][k];
        g_assert_cmpuint (differ, >, SIDE * SIDE / 10);
      }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Nothing of a name runs into the cells: the strip just before the first
 * cell has no dark pixel. */
static void
assert_names_stay_in_column (cairo_surface_t                *surface,
                             const MiriamAttendanceGeometry *g,
                             guint                           n_rows)
{
  g_assert_cmpuint (count_in (surface, g->x - 4, g->y, g->x - 1, g->y + n_rows * g->row_height,
                              test_dark, NULL), ==, 0);
}

static void
test_attendance_names (void)
{
  const MiriamAttendance marks[] = { MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_ABSENT };
  g_autoptr(MiriamProgressGroup) group = attendance_group (3, marks, G_N_ELEMENTS (marks));
  MiriamProgressParticipant *p;
  MiriamChartOptions options = { 500, 220, NULL, 0, FALSE, FALSE };
  MiriamAttendanceGeometry g;
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);
  GString *long_name = g_string_new (NULL);

  for (guint i = 0; i < 30; i++)
    g_string_append (long_name, "Vanderstraeten-Oosterlinck ");
  p = group->participants->pdata[0];
  g_free (p->name);
  p->name = g_string_free (long_name, FALSE);
  p = group->participants->pdata[1];
  g_free (p->name);
  p->name = g_strdup ("\u0641\u0627\u0637\u0645\u0629 \u0627\u0644\u0632\u0647\u0631\u0627\u0621");

  miriam_chart_attendance (cr, &options, group);
  miriam_chart_attendance_geometry (cr, &options, group, FALSE, &g);
  assert_names_stay_in_column (surface, &g, 3);
  /* Both names are drawn, in their own row. */
  for (guint row = 0; row < 2; row++)
    g_assert_cmpuint (count_in (surface, 0, g.y + row * g.row_height, g.x, g.y + (row + 1) * g.row_height,
                                test_dark, NULL), >, 20);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_attendance_thirty (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (30, 11, 30);
  MiriamChartOptions options = { 520, 420, NULL, 0, FALSE, FALSE };
  MiriamAttendanceGeometry g;
  MiriamRgb present = ink (MIRIAM_INK_PRESENT, FALSE);
  cairo_t *cr;
  cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

  miriam_chart_attendance (cr, &options, group);
  miriam_chart_attendance_geometry (cr, &options, group, FALSE, &g);
  /* All thirty rows and thirty sessions fit. */
  g_assert_cmpfloat (g.y + 30 * g.row_height, <=, options.height);
  g_assert_cmpfloat (g.x + 30 * g.cell_width, <=, options.width);
  g_assert_cmpuint (count_in (surface, g.x, g.y + 29 * g.row_height, g.x + 30 * g.cell_width, g.y + 30 * g.row_height,
                              test_colour, &present), >, 10);
  assert_names_stay_in_column (surface, &g, 30);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Edge cases: nothing crashes, something is drawn ---- */

typedef void (*DrawFunc) (cairo_t *cr, const MiriamChartOptions *options, const MiriamProgressGroup *group,
                          guint participant);

static void
draw_radar (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p)
{
  miriam_chart_radar (cr, o, g, p);
}

static void
draw_bars (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p)
{
  miriam_chart_change_bars (cr, o, g, p);
}

static void
draw_domains (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p G_GNUC_UNUSED)
{
  miriam_chart_group_domains (cr, o, g);
}

static void
draw_headline (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p G_GNUC_UNUSED)
{
  miriam_chart_group_headline (cr, o, g);
}

static void
draw_attendance (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p G_GNUC_UNUSED)
{
  miriam_chart_attendance (cr, o, g);
}

static void
draw_her_attendance (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p)
{
  miriam_chart_attendance_participant (cr, o, g, p);
}

static void
draw_cohort (cairo_t *cr, const MiriamChartOptions *o, const MiriamProgressGroup *g, guint p G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new ();

  g_ptr_array_add (cohorts, (gpointer) g);
  miriam_chart_cohorts (cr, o, cohorts);
}

static const DrawFunc all_charts[] = {
  draw_radar, draw_bars, draw_domains, draw_headline, draw_attendance, draw_her_attendance, draw_cohort,
};

/* Every chart, in colour and black and white, in two sizes: something
 * is drawn and nothing leaves the chart's rectangle. */
static void
assert_all_charts_draw (const MiriamProgressGroup *group,
                        guint                      participant)
{
  const double sizes[][2] = { { 640, 480 }, { 260, 200 } };

  for (guint k = 0; k < G_N_ELEMENTS (all_charts); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int mono = 0; mono <= 1; mono++)
        {
          MiriamChartOptions options = { sizes[s][0], sizes[s][1], NULL, 0, mono, mono };
          double margin = 20;
          cairo_t *cr;
          cairo_surface_t *surface = new_canvas (options.width + 2 * margin, options.height + 2 * margin, &cr);
          double w = options.width + 2 * margin, h = options.height + 2 * margin;

          cairo_translate (cr, margin, margin);
          g_test_message ("chart %u, %g x %g, %s", k, options.width, options.height, mono ? "black and white" : "colour");
          all_charts[k] (cr, &options, group, participant);
          if (g_getenv ("MIRIAM_CHARTS_DUMP") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s/chart-%u-%u-%d.png", g_getenv ("MIRIAM_CHARTS_DUMP"), k, s, mono);

              cairo_surface_write_to_png (surface, name);
            }
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpuint (ink_in (surface), >, 50);
          /* The margin around the chart stays blank (a little slack for
           * antialiasing and text that touches the edge). */
          g_assert_cmpuint (count_in (surface, 0, 0, w, margin - 3, test_dark, NULL)
                            + count_in (surface, 0, h - margin + 3, w, h, test_dark, NULL)
                            + count_in (surface, 0, 0, margin - 3, h, test_dark, NULL)
                            + count_in (surface, w - margin + 3, 0, w, h, test_dark, NULL), ==, 0);
          if (mono)
            g_assert_cmpuint (count_in (surface, 0, 0, w, h, test_not_grey, NULL), ==, 0);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

static void
test_edge_no_final (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (4, 11, 10);
  g_autoptr(MiriamProgressGroup) baseline_only = fixture_group (2, 8, 6);
  g_autoptr(MiriamProgressGroup) nothing = fixture_group (2, 8, 6);

  /* The fixture's last woman has an intermediate instead of a final. */
  assert_all_charts_draw (group, 3);
  for (guint i = 0; i < baseline_only->participants->len; i++)
    {
      MiriamProgressParticipant *p = baseline_only->participants->pdata[i];
      MiriamProgressParticipant *q = nothing->participants->pdata[i];

      g_clear_pointer (&p->final, g_free);
      g_clear_pointer (&p->intermediate, g_free);
      g_clear_pointer (&q->baseline, g_free);
      g_clear_pointer (&q->final, g_free);
      g_clear_pointer (&q->intermediate, g_free);
    }
  assert_all_charts_draw (baseline_only, 0);
  assert_all_charts_draw (nothing, 1);
}

static void
test_edge_all_equal (void)
{
  const int same[] = { 3, 3, 3, 3, 3, 3, 3, 3 };
  g_autoptr(MiriamProgressGroup) group = one_woman (8, same, same);

  assert_all_charts_draw (group, 0);
}

static void
test_edge_one_participant (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (1, 11, 20);

  assert_all_charts_draw (group, 0);
}

static void
test_edge_thirty (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (30, 11, 34);

  assert_all_charts_draw (group, 29);
}

static void
test_edge_names (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (3, 11, 12);
  MiriamProgressParticipant *p = group->participants->pdata[0];

  g_free (p->name);
  p->name = g_strnfill (400, 'W');
  p = group->participants->pdata[1];
  g_free (p->name);
  p->name = g_strdup ("\u0641\u0627\u0637\u0645\u0629 \u0627\u0644\u0632\u0647\u0631\u0627\u0621 \u0628\u0646 \u0639\u0644\u064a");
  g_free (group->domain_labels[0]);
  group->domain_labels[0] = g_strdup ("Een zelfgekozen levensdomein met een bijzonder lange naam die nooit past "
                                      "Onvoorstelbaarlangwoordzonderspatiesdatnietafgebrokenkan");
  assert_all_charts_draw (group, 0);
  assert_all_charts_draw (group, 1);
}

static void
test_edge_nothing_scored (void)
{
  g_autoptr(MiriamProgressGroup) no_domains = fixture_group (3, 0, 5);
  g_autoptr(MiriamProgressGroup) all_none = fixture_group (3, 4, 5);
  g_autoptr(MiriamProgressGroup) empty = miriam_progress_group_new ();

  for (guint i = 0; i < all_none->participants->len; i++)
    {
      MiriamProgressParticipant *p = all_none->participants->pdata[i];

      memset (p->baseline, NONE, 4);
      if (p->final != NULL)
        memset (p->final, NONE, 4);
    }
  assert_all_charts_draw (no_domains, 0);
  assert_all_charts_draw (all_none, 0);

  /* No participants, no sessions: the group charts say so. */
  for (guint k = 2; k < G_N_ELEMENTS (all_charts); k++)
    {
      MiriamChartOptions options = { 400, 300, NULL, 0, FALSE, FALSE };
      cairo_t *cr;
      cairo_surface_t *surface = new_canvas (options.width, options.height, &cr);

      all_charts[k] (cr, &options, empty, 0);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_cohorts (void)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  MiriamChartOptions options = { 700, 520, NULL, 0, FALSE, FALSE };
  cairo_t *cr;
  cairo_surface_t *surface;
  MiriamRgb final_colour = ink (MIRIAM_INK_FINAL, FALSE);
  guint with_three, with_four;

  /* An OCMW that scored four domains, then eleven. */
  g_ptr_array_add (cohorts, fixture_group (10, 4, 12));
  g_ptr_array_add (cohorts, fixture_group (14, 11, 20));

  surface = new_canvas (options.width, options.height, &cr);
  miriam_chart_cohorts (cr, &options, none);
  g_assert_cmpuint (ink_in (surface), >, 20);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = new_canvas (options.width, options.height, &cr);
  miriam_chart_cohorts (cr, &options, cohorts);
  with_three = count_in (surface, 0, 0, options.width, options.height, test_colour, &final_colour);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A third cohort adds its markers and its headline bar. */
  g_ptr_array_add (cohorts, fixture_group (12, 11, 20));
  surface = new_canvas (options.width, options.height, &cr);
  miriam_chart_cohorts (cr, &options, cohorts);
  with_four = count_in (surface, 0, 0, options.width, options.height, test_colour, &final_colour);
  g_assert_cmpuint (with_four, >, with_three);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Files ---- */

static void
test_write_files (void)
{
  g_autoptr(MiriamProgressGroup) group = fixture_group (5, 11, 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("miriam-charts-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "radar.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "bars.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "domains.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *contents = NULL;
  MiriamChartOptions options = { 400, 300, NULL, 0, FALSE, FALSE };
  cairo_surface_t *image;
  gsize length;
  GDir *listing;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (miriam_chart_write (MIRIAM_CHART_RADAR, MIRIAM_CHART_FORMAT_PNG, &options, group, 0, NULL, png,
                                     &error));
  g_assert_no_error (error);
  /* Twice the size, for print. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  cairo_surface_destroy (image);

  g_assert_true (miriam_chart_write (MIRIAM_CHART_CHANGE_BARS, MIRIAM_CHART_FORMAT_SVG, &options, group, 1, NULL,
                                     svg, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (miriam_chart_write (MIRIAM_CHART_GROUP_DOMAINS, MIRIAM_CHART_FORMAT_PDF, &options, group, 0, NULL,
                                     pdf, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A folder that does not exist: an error naming the file, no file. */
  g_assert_false (miriam_chart_write (MIRIAM_CHART_RADAR, MIRIAM_CHART_FORMAT_PNG, &options, group, 0, NULL,
                                      missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Only the three charts are left in the folder: no temporary files. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 3);

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  miriam_language_apply (MIRIAM_LANGUAGE_NL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/radar/vertices", test_radar_vertices);
  g_test_add_func ("/charts/radar/gap", test_radar_gap);
  g_test_add_func ("/charts/radar/legend", test_radar_legend);
  g_test_add_func ("/charts/radar/intermediate", test_radar_intermediate);
  g_test_add_func ("/charts/change-bars/direction", test_change_bars);
  g_test_add_func ("/charts/change-bars/monochrome", test_change_bars_monochrome);
  g_test_add_func ("/charts/attendance/monochrome", test_attendance_monochrome);
  g_test_add_func ("/charts/attendance/names", test_attendance_names);
  g_test_add_func ("/charts/attendance/thirty", test_attendance_thirty);
  g_test_add_func ("/charts/edge/no-final", test_edge_no_final);
  g_test_add_func ("/charts/edge/all-equal", test_edge_all_equal);
  g_test_add_func ("/charts/edge/one-participant", test_edge_one_participant);
  g_test_add_func ("/charts/edge/thirty", test_edge_thirty);
  g_test_add_func ("/charts/edge/names", test_edge_names);
  g_test_add_func ("/charts/edge/nothing-scored", test_edge_nothing_scored);
  g_test_add_func ("/charts/cohorts", test_cohorts);
  g_test_add_func ("/charts/write-files", test_write_files);

  return g_test_run ();
}
