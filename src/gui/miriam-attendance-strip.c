/* miriam-attendance-strip.c: a participant's attendance at a glance
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small square per session of her group(s), then one line of text.
 * The squares differ in shape as well as colour (a tick, a cross, a
 * stripe, an empty outline), so that they still read in grey print and
 * for people who do not see red and green apart.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"

#include "miriam-attendance-strip.h"

#define SQUARE  14.0
#define GAP      4.0
#define SPACING  6     /* between the squares and the text */

struct _MiriamAttendanceStrip
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkDrawingArea *squares;
  GtkWidget      *text_box;
  GtkLabel       *summary_label;
  GtkLabel       *core_badge;
  GtkWidget      *missed_box;
  GtkLabel       *missed_label;

  GArray         *marks;      /* MiriamAttendanceMark, the shown ones, in date order */
  GDate           today;
};

G_DEFINE_FINAL_TYPE (MiriamAttendanceStrip, miriam_attendance_strip, GTK_TYPE_WIDGET)

typedef enum {
  SQUARE_PRESENT,
  SQUARE_ABSENT,
  SQUARE_EXCUSED,
  SQUARE_UNMARKED,   /* held, nobody marked her */
  SQUARE_FUTURE,
} SquareKind;

static SquareKind
square_kind (MiriamAttendanceStrip      *self,
             const MiriamAttendanceMark *mark)
{
  if (g_date_valid (&self->today) && g_date_compare (&mark->day, &self->today) > 0)
    return SQUARE_FUTURE;
  switch (mark->mark)
    {
    case MIRIAM_ATTENDANCE_PRESENT:
      return SQUARE_PRESENT;
    case MIRIAM_ATTENDANCE_ABSENT:
      return SQUARE_ABSENT;
    case MIRIAM_ATTENDANCE_EXCUSED:
      return SQUARE_EXCUSED;
    case MIRIAM_ATTENDANCE_UNKNOWN:
    default:
      return SQUARE_UNMARKED;
    }
}

static const char *
square_label (SquareKind kind)
{
  switch (kind)
    {
    case SQUARE_PRESENT:
      return _("Present");
    case SQUARE_ABSENT:
      return _("Absent");
    case SQUARE_EXCUSED:
      return _("Excused");
    case SQUARE_FUTURE:
      return _("Planned");
    case SQUARE_UNMARKED:
    default:
      return _("Not marked");
    }
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                  */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_square (cairo_t         *cr,
             double           x,
             double           y,
             SquareKind       kind,
             const GdkRGBA   *fg)
{
  const double s = SQUARE;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  switch (kind)
    {
    case SQUARE_PRESENT:
      set_rgb (cr, 0x1e6b34);
      cairo_rectangle (cr, x, y, s, s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x + 3.0, y + 7.5);
      cairo_line_to (cr, x + 6.0, y + 10.5);
      cairo_line_to (cr, x + 11.0, y + 3.5);
      cairo_stroke (cr);
      break;
    case SQUARE_ABSENT:
      set_rgb (cr, 0xd9480f);
      cairo_rectangle (cr, x + 0.75, y + 0.75, s - 1.5, s - 1.5);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 4.0, y + 4.0);
      cairo_line_to (cr, x + s - 4.0, y + s - 4.0);
      cairo_move_to (cr, x + s - 4.0, y + 4.0);
      cairo_line_to (cr, x + 4.0, y + s - 4.0);
      cairo_stroke (cr);
      break;
    case SQUARE_EXCUSED:
      set_rgb (cr, 0x8a8a8a);
      cairo_rectangle (cr, x, y, s, s);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x + 1.5, y + s - 1.5);
      cairo_line_to (cr, x + s - 1.5, y + 1.5);
      cairo_stroke (cr);
      break;
    case SQUARE_UNMARKED:
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
      cairo_rectangle (cr, x + 0.75, y + 0.75, s - 1.5, s - 1.5);
      cairo_stroke (cr);
      cairo_arc (cr, x + s / 2, y + s / 2, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SQUARE_FUTURE:
    default:
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.35);
      cairo_set_line_width (cr, 1.0);
      cairo_rectangle (cr, x + 0.5, y + 0.5, s - 1.0, s - 1.0);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

static int
squares_per_line (int width)
{
  return MAX (1, (int) ((width + GAP) / (SQUARE + GAP)));
}

static int
squares_height (MiriamAttendanceStrip *self,
                int                    width)
{
  int per_line = squares_per_line (width);
  int lines = (self->marks->len + per_line - 1) / per_line;

  return lines > 0 ? (int) (lines * (SQUARE + GAP) - GAP) : 0;
}

static void
draw_squares (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height G_GNUC_UNUSED,
              gpointer        user_data)
{
  MiriamAttendanceStrip *self = user_data;
  GdkRGBA fg;
  int per_line = squares_per_line (width);

  /* GTK 4.8 has no gtk_widget_get_color () yet. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (guint i = 0; i < self->marks->len; i++)
    {
      const MiriamAttendanceMark *mark = &g_array_index (self->marks, MiriamAttendanceMark, i);

      draw_square (cr, (i % per_line) * (SQUARE + GAP), (i / per_line) * (SQUARE + GAP),
                   square_kind (self, mark), &fg);
    }
}

static gboolean
squares_query_tooltip (GtkWidget             *widget G_GNUC_UNUSED,
                       int                    x,
                       int                    y,
                       gboolean               keyboard G_GNUC_UNUSED,
                       GtkTooltip            *tooltip,
                       MiriamAttendanceStrip *self)
{
  const MiriamAttendanceMark *mark;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  int per_line = squares_per_line (gtk_widget_get_width (GTK_WIDGET (self->squares)));
  int column = (int) (x / (SQUARE + GAP));
  int line = (int) (y / (SQUARE + GAP));
  guint index;

  if (x < 0 || y < 0 || column >= per_line)
    return FALSE;
  index = line * per_line + column;
  if (index >= self->marks->len)
    return FALSE;

  mark = &g_array_index (self->marks, MiriamAttendanceMark, index);
  day = miriam_format_date (&mark->day);
  /* Translators: a session's date and her attendance, e.g. "24/11/2026: Present" */
  text = g_strdup_printf (_("%s: %s"), day, square_label (square_kind (self, mark)));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Text                                                                     */

static char *
summary_text (const MiriamAttendanceSummary *summary,
              guint                          n_shown)
{
  g_autofree char *percent = NULL;

  if (n_shown == 0)
    return g_strdup (_("No group sessions yet."));
  if (summary->held == 0)
    return g_strdup (_("No sessions held yet."));

  percent = miriam_format_number (summary->rate * 100.0, 0);
  /* Translators: "Attendance 83 % (10 of 12 sessions)"; %% is a percent sign */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Attendance %s %% (%u of %u session)",
                                       "Attendance %s %% (%u of %u sessions)", summary->held),
                          percent, summary->present, summary->held);
}

static void
update_text (MiriamAttendanceStrip         *self,
             const MiriamAttendanceSummary *summary)
{
  g_autofree char *text = summary_text (summary, self->marks->len);
  g_autofree char *badge = NULL;
  GString *description = g_string_new (text);
  gboolean missed = self->marks->len > 0 && summary->missed_last_two;
  gboolean core = self->marks->len > 0 && summary->core_group;

  gtk_label_set_text (self->summary_label, text);

  badge = g_markup_printf_escaped ("<b>★ %s</b>", _("Core group"));
  gtk_label_set_markup (self->core_badge, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->core_badge), core);
  gtk_widget_set_visible (self->missed_box, missed);

  /* A screen reader says in one go what the squares and lines show. */
  if (core)
    g_string_append_printf (description, " %s.", _("Core group"));
  if (missed)
    g_string_append_printf (description, " %s", gtk_label_get_text (self->missed_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  g_string_free (description, TRUE);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const MiriamAttendanceMark *ma = a;
  const MiriamAttendanceMark *mb = b;

  return g_date_compare (&ma->day, &mb->day);
}

/* ---------------------------------------------------------------------- */
/* Public                                                                   */

GtkWidget *
miriam_attendance_strip_new (void)
{
  return g_object_new (MIRIAM_TYPE_ATTENDANCE_STRIP, NULL);
}

/**
 * miriam_attendance_strip_set_marks:
 * @marks: (array length=n): her sessions, in any order; cancelled ones are skipped
 * @today: (nullable): sessions after this day are shown as planned; NULL: today
 */
void
miriam_attendance_strip_set_marks (MiriamAttendanceStrip      *self,
                                   const MiriamAttendanceMark *marks,
                                   guint                       n,
                                   const GDate                *today)
{
  MiriamAttendanceSummary summary;

  g_return_if_fail (MIRIAM_IS_ATTENDANCE_STRIP (self));
  g_return_if_fail (marks != NULL || n == 0);

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    miriam_date_today (&self->today);

  g_array_set_size (self->marks, 0);
  for (guint i = 0; i < n; i++)
    if (!marks[i].cancelled && g_date_valid (&marks[i].day))
      g_array_append_val (self->marks, marks[i]);
  g_array_sort (self->marks, compare_days);

  miriam_attendance_summarise (marks, n, &self->today, &summary);
  update_text (self, &summary);

  gtk_widget_set_visible (GTK_WIDGET (self->squares), self->marks->len > 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->squares));
}

/* ---------------------------------------------------------------------- */
/* Layout: the squares wrap, so the height follows from the width          */

static GtkSizeRequestMode
miriam_attendance_strip_get_request_mode (GtkWidget *widget G_GNUC_UNUSED)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
miriam_attendance_strip_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  MiriamAttendanceStrip *self = MIRIAM_ATTENDANCE_STRIP (widget);
  int text_min, text_nat;

  *minimum_baseline = *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int all = self->marks->len > 0 ? (int) (self->marks->len * (SQUARE + GAP) - GAP) : 0;

      gtk_widget_measure (self->text_box, orientation, -1, &text_min, &text_nat, NULL, NULL);
      *minimum = MAX (text_min, self->marks->len > 0 ? (int) SQUARE : 0);
      /* Natural: a line of at most about two months of weekly sessions. */
      *natural = MAX (text_nat, MIN (all, (int) (10 * (SQUARE + GAP) - GAP)));
      return;
    }

  gtk_widget_measure (self->text_box, orientation, for_size, &text_min, &text_nat, NULL, NULL);
  *minimum = text_min;
  *natural = text_nat;
  if (self->marks->len > 0)
    {
      /* Without a width, the narrowest layout: the natural width's lines. */
      int width = for_size >= 0 ? for_size : (int) (10 * (SQUARE + GAP) - GAP);
      int height = squares_height (self, width) + SPACING;

      *minimum += height;
      *natural += height;
    }
}

static void
miriam_attendance_strip_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline G_GNUC_UNUSED)
{
  MiriamAttendanceStrip *self = MIRIAM_ATTENDANCE_STRIP (widget);
  int top = 0;

  if (self->marks->len > 0)
    {
      int squares = squares_height (self, width);

      gtk_widget_size_allocate (GTK_WIDGET (self->squares),
                                &(GtkAllocation) { 0, 0, width, squares }, -1);
      top = squares + SPACING;
    }
  gtk_widget_size_allocate (self->text_box,
                            &(GtkAllocation) { 0, top, width, MAX (height - top, 0) }, -1);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                  */

static void
miriam_attendance_strip_dispose (GObject *object)
{
  MiriamAttendanceStrip *self = MIRIAM_ATTENDANCE_STRIP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_ATTENDANCE_STRIP);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (miriam_attendance_strip_parent_class)->dispose (object);
}

static void
miriam_attendance_strip_class_init (MiriamAttendanceStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_attendance_strip_dispose;
  widget_class->get_request_mode = miriam_attendance_strip_get_request_mode;
  widget_class->measure = miriam_attendance_strip_measure;
  widget_class->size_allocate = miriam_attendance_strip_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-attendance-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, squares);
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, text_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, core_badge);
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, missed_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamAttendanceStrip, missed_label);
  gtk_widget_class_bind_template_callback (widget_class, squares_query_tooltip);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
miriam_attendance_strip_init (MiriamAttendanceStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->marks = g_array_new (FALSE, TRUE, sizeof (MiriamAttendanceMark));
  miriam_date_today (&self->today);
  gtk_drawing_area_set_draw_func (self->squares, draw_squares, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->squares), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendance at group sessions"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No group sessions yet."),
                                  -1);
}
