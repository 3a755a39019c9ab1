/* miriam-report.c: printed progress reports, page by page
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page is laid out from the size it is given, in points, with the
 * same fonts and charts as on screen: the print preview, the paper and
 * the PDF file are the same document.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/miriam-report.h"
#include "charts/miriam-charts.h"
#include "charts/miriam-chart-file.h"
#include "charts/miriam-chart-style.h"
#include "core/miriam-date.h"
#include "core/miriam-language.h"

#define A4_SHORT 595.28
#define A4_LONG  841.89

typedef enum {
  PAGE_COVER,
  PAGE_GROUP,
  PAGE_PARTICIPANT,
  PAGE_COHORTS,
} PageKind;

typedef struct {
  PageKind                   kind;
  const MiriamProgressGroup *group;        /* GROUP, PARTICIPANT */
  guint                      participant;  /* PARTICIPANT */
} Page;

struct _MiriamReport {
  MiriamReportOptions  options;
  GDate                print_date;
  gboolean             cohort_report;
  MiriamProgressGroup *group;     /* group report: the (pseudonymised) copy */
  GPtrArray           *cohorts;   /* MiriamProgressGroup copies */
  GPtrArray           *groups;    /* MiriamProgressGroup copies */
  GArray              *pages;     /* Page */
};

/* What every page shares: its size, margins and body font. */
typedef struct {
  MiriamReport     *report;
  double            width;
  double            height;
  double            margin;
  double            fs;          /* body text */
  MiriamChartStyle  style;
  double            x;           /* content area */
  double            y;
  double            w;
  double            h;
} PageFrame;

static MiriamProgressGroup *
private_copy (const MiriamProgressGroup *group,
              MiriamPseudonym            pseudonym)
{
  MiriamProgressGroup *copy = miriam_progress_group_copy (group);

  miriam_progress_pseudonymise (copy, pseudonym);
  return copy;
}

static MiriamReport *
report_new (const MiriamReportOptions *options)
{
  MiriamReport *report = g_new0 (MiriamReport, 1);

  report->options = *options;
  report->print_date = options->print_date;
  if (!g_date_valid (&report->print_date))
    miriam_date_today (&report->print_date);
  report->cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  report->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  report->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  return report;
}

static void
add_page (MiriamReport              *report,
          PageKind                   kind,
          const MiriamProgressGroup *group,
          guint                      participant)
{
  Page page = { kind, group, participant };

  g_array_append_val (report->pages, page);
}

MiriamReport *
miriam_report_new_group (const MiriamProgressGroup *group,
                         const MiriamReportOptions *options)
{
  MiriamReport *report;

  g_return_val_if_fail (group != NULL && options != NULL, NULL);

  report = report_new (options);
  report->group = private_copy (group, options->pseudonym);
  add_page (report, PAGE_COVER, report->group, 0);
  add_page (report, PAGE_GROUP, report->group, 0);
  for (guint i = 0; i < report->group->participants->len; i++)
    add_page (report, PAGE_PARTICIPANT, report->group, i);
  return report;
}

MiriamReport *
miriam_report_new_cohorts (GPtrArray                 *cohorts,
                           GPtrArray                 *groups,
                           const MiriamReportOptions *options)
{
  MiriamReport *report;

  g_return_val_if_fail (cohorts != NULL && options != NULL, NULL);

  report = report_new (options);
  report->cohort_report = TRUE;
  for (guint i = 0; i < cohorts->len; i++)
    g_ptr_array_add (report->cohorts, private_copy (cohorts->pdata[i], options->pseudonym));
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    g_ptr_array_add (report->groups, private_copy (groups->pdata[i], options->pseudonym));

  add_page (report, PAGE_COVER, NULL, 0);
  add_page (report, PAGE_COHORTS, NULL, 0);
  for (guint i = 0; i < report->groups->len; i++)
    add_page (report, PAGE_GROUP, report->groups->pdata[i], 0);
  return report;
}

void
miriam_report_free (MiriamReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->group, miriam_progress_group_free);
  g_clear_pointer (&report->cohorts, g_ptr_array_unref);
  g_clear_pointer (&report->groups, g_ptr_array_unref);
  g_clear_pointer (&report->pages, g_array_unref);
  g_free (report);
}

guint
miriam_report_n_pages (MiriamReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->pages->len;
}

void
miriam_report_page_size (MiriamReport *report,
                         double       *width,
                         double       *height)
{
  g_return_if_fail (report != NULL);
  *width = report->options.landscape ? A4_LONG : A4_SHORT;
  *height = report->options.landscape ? A4_SHORT : A4_LONG;
}

/* ---- Building blocks ---- */

static void
frame_init (PageFrame    *frame,
            MiriamReport *report,
            double        width,
            double        height)
{
  MiriamChartOptions options = { width, height, NULL, 0, report->options.monochrome, report->options.use_median };
  double unit = MIN (width, height) / A4_SHORT;

  frame->report = report;
  frame->width = width;
  frame->height = height;
  /* 15 mm on A4, and a body size of 9 pt, whatever the orientation; a
   * print context with slightly other sizes scales them along. */
  frame->margin = 42.5 * unit;
  frame->fs = 9.0 * unit;
  options.font_size = frame->fs;
  miriam_chart_style_init (&frame->style, &options);
  frame->x = frame->margin;
  frame->y = frame->margin + frame->fs * 1.6;
  frame->w = width - 2 * frame->margin;
  frame->h = height - 2 * frame->margin - frame->fs * 3.4;
}

static MiriamChartOptions
chart_options (const PageFrame *frame,
               double           width,
               double           height)
{
  MiriamChartOptions options = {
    .width = width,
    .height = height,
    .font_size = frame->fs * 0.95,
    .monochrome = frame->report->options.monochrome,
    .use_median = frame->report->options.use_median,
  };

  return options;
}

/* Runs a chart inside the rectangle (x, y, width, height) of the page. */
typedef void (*ChartFunc) (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index);

static void
place_chart (cairo_t         *cr,
             const PageFrame *frame,
             double           x,
             double           y,
             double           width,
             double           height,
             ChartFunc        draw,
             gconstpointer    data,
             guint            index)
{
  MiriamChartOptions options = chart_options (frame, width, height);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, -frame->fs, -frame->fs, width + 2 * frame->fs, height + 2 * frame->fs);
  cairo_clip (cr);
  draw (cr, &options, data, index);
  cairo_restore (cr);
}

static void
draw_radar (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index)
{
  miriam_chart_radar (cr, options, data, index);
}

static void
draw_change_bars (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index)
{
  miriam_chart_change_bars (cr, options, data, index);
}

static void
draw_domains (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index G_GNUC_UNUSED)
{
  miriam_chart_group_domains (cr, options, data);
}

static void
draw_headline (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index G_GNUC_UNUSED)
{
  miriam_chart_group_headline (cr, options, data);
}

static void
draw_attendance (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index G_GNUC_UNUSED)
{
  miriam_chart_attendance (cr, options, data);
}

static void
draw_her_attendance (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index)
{
  miriam_chart_attendance_participant (cr, options, data, index);
}

static void
draw_cohorts (cairo_t *cr, const MiriamChartOptions *options, gconstpointer data, guint index G_GNUC_UNUSED)
{
  miriam_chart_cohorts (cr, options, (GPtrArray *) data);
}

/* A section title with a short accent bar before it; returns the height
 * it takes with the space under it. */
static double
section_heading (cairo_t         *cr,
                 const PageFrame *frame,
                 const char      *title,
                 double           x,
                 double           y,
                 double           width)
{
  MiriamTextStyle text = { .scale = 1.25, .bold = TRUE, .ink = MIRIAM_INK_TEXT, .width = width - frame->fs,
                           .max_lines = 1 };
  double height;

  g_autoptr(PangoLayout) layout = miriam_chart_layout (cr, &frame->style, &text, title);
  miriam_chart_layout_size (layout, NULL, &height);
  cairo_save (cr);
  miriam_chart_set_ink (cr, &frame->style, MIRIAM_INK_ACCENT);
  cairo_rectangle (cr, x, y + height * 0.18, frame->fs * 0.3, height * 0.64);
  cairo_fill (cr);
  miriam_chart_set_ink (cr, &frame->style, MIRIAM_INK_TEXT);
  miriam_chart_show_layout (cr, layout, x + frame->fs * 0.75, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  cairo_restore (cr);
  return height + frame->fs * 0.7;
}

static void
rule (cairo_t         *cr,
      const PageFrame *frame,
      MiriamInk        ink,
      double           y,
      double           width)
{
  cairo_save (cr);
  miriam_chart_set_ink (cr, &frame->style, ink);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, frame->margin, y);
  cairo_line_to (cr, frame->width - frame->margin, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
period_text (const GDate *start,
             const GDate *end)
{
  g_autofree char *from = miriam_format_date (start);
  g_autofree char *to = miriam_format_date (end);

  if (*from == '\0' && *to == '\0')
    return g_strdup ("");
  /* An en dash between two dates, as in "01/09/2026 – 30/06/2027". */
  return g_strdup_printf ("%s \u2013 %s", from, to);
}

/* The header's words: OCMW, group, cohort. */
static char *
header_text (const PageFrame           *frame,
             const MiriamProgressGroup *group)
{
  MiriamReport *report = frame->report;
  GPtrArray *parts = g_ptr_array_new ();
  const MiriamProgressGroup *any = group;
  g_autofree char *cohorts = NULL;
  char *text;

  if (any == NULL && report->cohorts->len > 0)
    any = report->cohorts->pdata[0];
  if (any != NULL && *any->ocmw_name != '\0')
    g_ptr_array_add (parts, any->ocmw_name);
  if (group != NULL && *group->group_name != '\0')
    g_ptr_array_add (parts, group->group_name);
  if (group != NULL && *group->cohort_label != '\0')
    g_ptr_array_add (parts, group->cohort_label);
  if (group == NULL && report->cohorts->len > 0)
    {
      const MiriamProgressGroup *first = report->cohorts->pdata[0];
      const MiriamProgressGroup *last = report->cohorts->pdata[report->cohorts->len - 1];

      cohorts = first == last ? g_strdup (first->cohort_label)
                              : g_strdup_printf ("%s \u2013 %s", first->cohort_label, last->cohort_label);
      g_ptr_array_add (parts, cohorts);
    }
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv ("  \u00b7  ", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return text;
}

static void
page_header (cairo_t                   *cr,
             const PageFrame           *frame,
             const MiriamProgressGroup *group)
{
  MiriamTextStyle left = { .scale = 0.9, .bold = TRUE, .ink = MIRIAM_INK_TEXT, .max_lines = 1 };
  MiriamTextStyle right = { .scale = 0.9, .ink = MIRIAM_INK_MUTED, .max_lines = 1 };
  g_autofree char *text = header_text (frame, group);
  const char *title = _("Progress report");
  double title_width, y = frame->margin - frame->fs * 0.5;

  miriam_chart_text_size (cr, &frame->style, &right, title, &title_width, NULL);
  left.width = frame->w - title_width - frame->fs * 2;
  miriam_chart_text (cr, &frame->style, &left, text, frame->margin, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_END);
  miriam_chart_text (cr, &frame->style, &right, title, frame->width - frame->margin, y,
                     MIRIAM_ALIGN_END, MIRIAM_ALIGN_END);
  rule (cr, frame, MIRIAM_INK_ACCENT, frame->margin, MAX (0.8, frame->fs * 0.09));
}

static void
page_footer (cairo_t         *cr,
             const PageFrame *frame,
             guint            page)
{
  MiriamTextStyle text = { .scale = 0.85, .ink = MIRIAM_INK_MUTED, .max_lines = 1 };
  g_autofree char *date = miriam_format_date (&frame->report->print_date);
  g_autofree char *printed = NULL;
  g_autofree char *number = NULL;
  double y = frame->height - frame->margin + frame->fs * 0.6;

  /* TRANSLATORS: in the footer of a printed report; %s is a date. */
  printed = g_strdup_printf (_("Printed on %s"), date);
  /* TRANSLATORS: in the footer of a printed report: "Page 3/17". */
  number = g_strdup_printf (_("Page %u/%u"), page + 1, frame->report->pages->len);
  rule (cr, frame, MIRIAM_INK_GRID, frame->height - frame->margin, MAX (0.5, frame->fs * 0.06));
  text.width = frame->w / 2;
  miriam_chart_text (cr, &frame->style, &text, printed, frame->margin, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  miriam_chart_text (cr, &frame->style, &text, number, frame->width - frame->margin, y,
                     MIRIAM_ALIGN_END, MIRIAM_ALIGN_START);
}

/* ---- Cover ---- */

typedef struct {
  const char *key;
  char       *value;
} Fact;

static double
cover_facts (cairo_t         *cr,
             const PageFrame *frame,
             const Fact      *facts,
             guint            n_facts,
             double           y)
{
  double key_width = MIN (frame->w * 0.3, frame->fs * 15);
  MiriamTextStyle key = { .ink = MIRIAM_INK_MUTED, .width = key_width - frame->fs, .max_lines = 2 };
  MiriamTextStyle value = { .scale = 1.1, .ink = MIRIAM_INK_TEXT, .width = frame->w - key_width, .max_lines = 3 };

  for (guint i = 0; i < n_facts; i++)
    {
      double h;

      if (facts[i].value == NULL || *facts[i].value == '\0')
        continue;
      h = miriam_chart_text (cr, &frame->style, &value, facts[i].value, frame->margin + key_width, y,
                             MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
      miriam_chart_text (cr, &frame->style, &key, facts[i].key, frame->margin, y + frame->fs * 0.12,
                         MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
      y += MAX (h, frame->fs * 1.4) + frame->fs * 0.9;
    }
  return y;
}

static const char *
pseudonym_note (MiriamPseudonym pseudonym)
{
  switch (pseudonym)
    {
    case MIRIAM_PSEUDONYM_INITIALS:
      return _("Pseudonymised: the participants' names are replaced by their initials, for sharing outside the team.");
    case MIRIAM_PSEUDONYM_NUMBER:
      return _("Pseudonymised: the participants' names are replaced by numbers, for sharing outside the team.");
    case MIRIAM_PSEUDONYM_NONE:
    default:
      return _("Confidential: this report holds the participants' names. Keep it within the team.");
    }
}

static void
cover_note (cairo_t         *cr,
            const PageFrame *frame,
            double           y)
{
  MiriamTextStyle text = { .ink = MIRIAM_INK_TEXT, .width = frame->w - frame->fs * 2.4, .max_lines = 4 };
  g_autoptr(PangoLayout) layout = miriam_chart_layout (cr, &frame->style, &text,
                                                       pseudonym_note (frame->report->options.pseudonym));
  double h;

  miriam_chart_layout_size (layout, NULL, &h);
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (0.6, frame->fs * 0.08));
  miriam_chart_set_ink (cr, &frame->style, MIRIAM_INK_AXIS);
  cairo_rectangle (cr, frame->margin, y, frame->w, h + frame->fs * 1.6);
  cairo_stroke (cr);
  miriam_chart_set_ink (cr, &frame->style, MIRIAM_INK_TEXT);
  miriam_chart_show_layout (cr, layout, frame->margin + frame->fs * 1.2, y + frame->fs * 0.8,
                            MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  cairo_restore (cr);
}

static void
cover_title (cairo_t         *cr,
             const PageFrame *frame,
             const char      *subtitle,
             double          *y)
{
  MiriamTextStyle brand = { .scale = 1.1, .bold = TRUE, .ink = MIRIAM_INK_ACCENT };
  MiriamTextStyle title = { .scale = 3.4, .bold = TRUE, .ink = MIRIAM_INK_TEXT, .width = frame->w, .max_lines = 2 };
  MiriamTextStyle sub = { .scale = 1.9, .ink = MIRIAM_INK_TEXT, .width = frame->w, .max_lines = 2 };

  cairo_save (cr);
  miriam_chart_set_ink (cr, &frame->style, MIRIAM_INK_ACCENT);
  cairo_rectangle (cr, frame->margin, *y, frame->fs * 4, frame->fs * 0.45);
  cairo_fill (cr);
  cairo_restore (cr);
  *y += frame->fs * 1.6;
  *y += miriam_chart_text (cr, &frame->style, &brand, "MIRIAM", frame->margin, *y,
                           MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  *y += frame->fs * 0.4;
  *y += miriam_chart_text (cr, &frame->style, &title, _("Progress report"), frame->margin, *y,
                           MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  *y += frame->fs * 0.6;
  if (subtitle != NULL && *subtitle != '\0')
    *y += miriam_chart_text (cr, &frame->style, &sub, subtitle, frame->margin, *y,
                             MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  *y += frame->fs * 2.2;
  rule (cr, frame, MIRIAM_INK_GRID, *y, MAX (0.5, frame->fs * 0.06));
  *y += frame->fs * 2.2;
}

static void
draw_group_cover (cairo_t         *cr,
                  const PageFrame *frame)
{
  const MiriamProgressGroup *group = frame->report->group;
  guint n = group->participants->len;
  Fact facts[] = {
    { _("Group"), g_strdup (group->group_name) },
    { _("Cohort"), g_strdup (group->cohort_label) },
    { _("OCMW"), g_strdup (group->ocmw_name) },
    { _("Casemanagers"), g_strdup (group->casemanagers) },
    { _("Period"), period_text (&group->start_date, &group->end_date) },
    { _("Participants"), g_strdup_printf (ngettext ("%u woman", "%u women", n), n) },
    { _("Printed on"), miriam_format_date_long (&frame->report->print_date) },
  };
  double y = frame->height * 0.14;

  cover_title (cr, frame, group->group_name, &y);
  y = cover_facts (cr, frame, facts, G_N_ELEMENTS (facts), y);
  cover_note (cr, frame, y + frame->fs * 1.5);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    g_free (facts[i].value);
}

static char *
join_labels (GPtrArray *groups,
             gboolean   cohort)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      const MiriamProgressGroup *g = groups->pdata[i];
      const char *label = cohort ? g->cohort_label : g->group_name;

      if (*label == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label);
    }
  return g_string_free (out, FALSE);
}

static void
draw_cohort_cover (cairo_t         *cr,
                   const PageFrame *frame)
{
  MiriamReport *report = frame->report;
  const MiriamProgressGroup *first = report->cohorts->len > 0 ? report->cohorts->pdata[0] : NULL;
  const MiriamProgressGroup *last = report->cohorts->len > 0 ? report->cohorts->pdata[report->cohorts->len - 1] : NULL;
  Fact facts[] = {
    { _("OCMW"), g_strdup (first != NULL ? first->ocmw_name : "") },
    { _("Cohorts"), join_labels (report->cohorts, TRUE) },
    { _("Groups"), join_labels (report->groups, FALSE) },
    { _("Period"), first != NULL ? period_text (&first->start_date, &last->end_date) : g_strdup ("") },
    { _("Printed on"), miriam_format_date_long (&report->print_date) },
  };
  double y = frame->height * 0.14;

  cover_title (cr, frame, _("Cohorts compared"), &y);
  y = cover_facts (cr, frame, facts, G_N_ELEMENTS (facts), y);
  cover_note (cr, frame, y + frame->fs * 1.5);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    g_free (facts[i].value);
}

/* ---- Group page ---- */

static void
draw_group_page (cairo_t                   *cr,
                 const PageFrame           *frame,
                 const MiriamProgressGroup *group)
{
  double fs = frame->fs, x = frame->x, y = frame->y, w = frame->w;
  double headline_height = fs * 9.5;
  double gap = fs * 1.6;

  if (frame->width > frame->height)
    {
      /* Landscape: domains at the left, headline and attendance at the right. */
      double left = w * 0.52, right = w - left - gap, rx = x + left + gap, ry = y;

      y += section_heading (cr, frame, _("Scores per life domain"), x, y, left);
      place_chart (cr, frame, x, y, left, frame->y + frame->h - y, draw_domains, group, 0);
      ry += section_heading (cr, frame, _("Progress on at least three life domains"), rx, ry, right);
      place_chart (cr, frame, rx, ry, right, headline_height, draw_headline, group, 0);
      ry += headline_height + gap;
      ry += section_heading (cr, frame, _("Attendance at the group sessions"), rx, ry, right);
      place_chart (cr, frame, rx, ry, right, frame->y + frame->h - ry, draw_attendance, group, 0);
      return;
    }

  {
    double rest, domains_height;

    y += section_heading (cr, frame, _("Progress on at least three life domains"), x, y, w);
    place_chart (cr, frame, x, y, w, headline_height, draw_headline, group, 0);
    y += headline_height + gap;
    /* Share what is left between the domains and the attendance rows. */
    rest = frame->y + frame->h - y - 2 * fs * 2.4 - gap;
    domains_height = MIN (rest * 0.56, fs * (6 + 2.6 * MAX (group->n_domains, 1)));
    y += section_heading (cr, frame, _("Scores per life domain"), x, y, w);
    place_chart (cr, frame, x, y, w, domains_height, draw_domains, group, 0);
    y += domains_height + gap;
    y += section_heading (cr, frame, _("Attendance at the group sessions"), x, y, w);
    place_chart (cr, frame, x, y, w, frame->y + frame->h - y, draw_attendance, group, 0);
  }
}

/* ---- Participant page ---- */

static char *
measurement_dates (const MiriamProgressParticipant *p)
{
  GString *out = g_string_new (NULL);
  const char *kinds[] = { "baseline", "intermediate", "final" };
  const guint8 *scores[] = { p->baseline, p->intermediate, p->final };
  const GDate *days[] = { &p->baseline_day, &p->intermediate_day, &p->final_day };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *date = NULL;

      if (scores[i] == NULL)
        continue;
      date = miriam_format_date (days[i]);
      if (out->len > 0)
        g_string_append (out, "   \u00b7   ");
      g_string_append_printf (out, "%s %s", miriam_measurement_kind_label (kinds[i]), date);
    }
  if (out->len == 0)
    g_string_append (out, _("No measurements yet"));
  return g_string_free (out, FALSE);
}

static char *
attendance_summary (const MiriamProgressParticipant *p)
{
  guint present = 0, marked = 0;

  for (guint s = 0; p->attendance != NULL && s < p->attendance->len; s++)
    {
      MiriamAttendance mark = g_array_index (p->attendance, MiriamAttendance, s);

      marked += mark != MIRIAM_ATTENDANCE_UNKNOWN;
      present += mark == MIRIAM_ATTENDANCE_PRESENT;
    }
  if (marked == 0)
    return g_strdup (_("No attendance marked for her yet"));
  /* TRANSLATORS: under her attendance strip: "Present at 12 of 15 group
   * sessions" (the sessions marked for her). */
  return g_strdup_printf (ngettext ("Present at %u of %u group session", "Present at %u of %u group sessions",
                                    marked),
                          present, marked);
}

static void
draw_participant_page (cairo_t                   *cr,
                       const PageFrame           *frame,
                       const MiriamProgressGroup *group,
                       guint                      index)
{
  const MiriamProgressParticipant *p = group->participants->pdata[index];
  MiriamTextStyle name = { .scale = 1.9, .bold = TRUE, .ink = MIRIAM_INK_TEXT, .width = frame->w, .max_lines = 2 };
  MiriamTextStyle dates = { .ink = MIRIAM_INK_MUTED, .width = frame->w, .max_lines = 2 };
  MiriamTextStyle summary = { .scale = 0.9, .ink = MIRIAM_INK_MUTED, .width = frame->w, .max_lines = 1 };
  g_autofree char *dates_text = measurement_dates (p);
  g_autofree char *summary_text = attendance_summary (p);
  double fs = frame->fs, x = frame->x, y = frame->y, w = frame->w, bottom = frame->y + frame->h;
  double strip_height = fs * 8.4, gap = fs * 1.4;

  y += miriam_chart_text (cr, &frame->style, &name, p->name, x, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  y += fs * 0.2;
  y += miriam_chart_text (cr, &frame->style, &dates, dates_text, x, y, MIRIAM_ALIGN_START, MIRIAM_ALIGN_START);
  y += gap;

  /* Her attendance at the bottom, the two progress charts above it. */
  {
    double sy = bottom - strip_height - fs * 1.4;
    double hy = sy - fs * 2.4;

    section_heading (cr, frame, _("Attendance at the group sessions"), x, hy, w);
    place_chart (cr, frame, x, sy, w, strip_height, draw_her_attendance, group, index);
    miriam_chart_text (cr, &frame->style, &summary, summary_text, x, bottom, MIRIAM_ALIGN_START, MIRIAM_ALIGN_END);
    bottom = hy - gap;
  }

  if (frame->width > frame->height)
    {
      double left = w * 0.5, right = w - left - gap;
      double ry = y;

      y += section_heading (cr, frame, _("Baseline and latest measurement"), x, y, left);
      place_chart (cr, frame, x, y, left, bottom - y, draw_radar, group, index);
      ry += section_heading (cr, frame, _("Change per life domain"), x + left + gap, ry, right);
      place_chart (cr, frame, x + left + gap, ry, right, MIN (bottom - ry, fs * (5 + 2.6 * group->n_domains)),
                   draw_change_bars, group, index);
      return;
    }

  {
    double avail = bottom - y - 2 * fs * 2.4 - gap;
    double bars_height = MIN (avail * 0.4, fs * (4.2 + 1.8 * MAX (group->n_domains, 1)));
    double radar_height = avail - bars_height;

    y += section_heading (cr, frame, _("Baseline and latest measurement"), x, y, w);
    place_chart (cr, frame, x, y, w, radar_height, draw_radar, group, index);
    y += radar_height + gap;
    y += section_heading (cr, frame, _("Change per life domain"), x, y, w);
    place_chart (cr, frame, x, y, w, bars_height, draw_change_bars, group, index);
  }
}

/* ---- Cohorts page ---- */

static void
draw_cohorts_page (cairo_t         *cr,
                   const PageFrame *frame)
{
  double y = frame->y;

  y += section_heading (cr, frame, _("Cohorts compared"), frame->x, y, frame->w);
  place_chart (cr, frame, frame->x, y, frame->w, frame->y + frame->h - y, draw_cohorts,
               frame->report->cohorts, 0);
}

void
miriam_report_draw_page (MiriamReport *report,
                         cairo_t      *cr,
                         guint         page,
                         double        width,
                         double        height)
{
  const Page *p;
  PageFrame frame;

  g_return_if_fail (report != NULL && cr != NULL);
  g_return_if_fail (page < report->pages->len);

  p = &g_array_index (report->pages, Page, page);
  frame_init (&frame, report, width, height);
  cairo_save (cr);
  switch (p->kind)
    {
    case PAGE_COVER:
      if (report->cohort_report)
        draw_cohort_cover (cr, &frame);
      else
        draw_group_cover (cr, &frame);
      break;
    case PAGE_GROUP:
      page_header (cr, &frame, p->group);
      draw_group_page (cr, &frame, p->group);
      break;
    case PAGE_PARTICIPANT:
      page_header (cr, &frame, p->group);
      draw_participant_page (cr, &frame, p->group, p->participant);
      break;
    case PAGE_COHORTS:
    default:
      page_header (cr, &frame, NULL);
      draw_cohorts_page (cr, &frame);
      break;
    }
  if (p->kind != PAGE_COVER)
    page_footer (cr, &frame, page);
  cairo_restore (cr);
}

/* ---- PDF ---- */

static void
paint_report (cairo_t  *cr,
              gpointer  user_data)
{
  MiriamReport *report = user_data;
  double width, height;

  miriam_report_page_size (report, &width, &height);
  for (guint i = 0; i < report->pages->len; i++)
    {
      miriam_report_draw_page (report, cr, i, width, height);
      cairo_show_page (cr);
    }
}

gboolean
miriam_report_write_pdf (MiriamReport  *report,
                         const char    *path,
                         GError       **error)
{
  double width, height;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  miriam_report_page_size (report, &width, &height);
  return miriam_chart_file_write (path, MIRIAM_CHART_FORMAT_PDF, width, height, _("Progress report"),
                                  paint_report, report, error);
}
