/* miriam-chart-view.c: one progress chart on screen
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing itself is src/charts' (the same code draws on paper and
 * into files); this widget only hands it the size of its drawing area.
 * A chart is a picture, so its accessible name says which chart it is and
 * its accessible description reads out the figures it shows.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-language.h"

#include "miriam-chart-view.h"

struct _MiriamChartView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *heading;
  GtkDrawingArea      *area;

  MiriamChartKind      kind;
  MiriamProgressGroup *group;          /* owned copy */
  guint                participant;
  GPtrArray           *cohorts;        /* a reference */
  gboolean             use_median;
  char                *title;          /* the accessible name */
  char                *description;    /* the accessible description */
};

G_DEFINE_FINAL_TYPE (MiriamChartView, miriam_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds by name, so that a template reads "radar", not "0". */
static const struct {
  MiriamChartKind  kind;
  const char      *name;
  int              width;      /* natural size of the drawing, in pixels */
  int              height;
} kinds[] = {
  { MIRIAM_CHART_RADAR, "radar", 420, 400 },
  { MIRIAM_CHART_CHANGE_BARS, "change-bars", 420, 400 },
  { MIRIAM_CHART_GROUP_DOMAINS, "group-domains", 560, 400 },
  { MIRIAM_CHART_GROUP_HEADLINE, "group-headline", 560, 120 },
  { MIRIAM_CHART_ATTENDANCE, "attendance", 560, 260 },
  { MIRIAM_CHART_COHORTS, "cohorts", 640, 460 },
};

static guint
kind_index (MiriamChartKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return i;
  return 0;
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                  */

static MiriamProgressParticipant *
current_participant (MiriamChartView *self)
{
  if (self->group == NULL || self->participant >= self->group->participants->len)
    return NULL;
  return g_ptr_array_index (self->group->participants, self->participant);
}

static gboolean
has_data (MiriamChartView *self)
{
  switch (self->kind)
    {
    case MIRIAM_CHART_RADAR:
    case MIRIAM_CHART_CHANGE_BARS:
      return current_participant (self) != NULL;
    case MIRIAM_CHART_COHORTS:
      return self->cohorts != NULL && self->cohorts->len > 0;
    case MIRIAM_CHART_GROUP_DOMAINS:
    case MIRIAM_CHART_GROUP_HEADLINE:
    case MIRIAM_CHART_ATTENDANCE:
    default:
      return self->group != NULL;
    }
}

static void
draw_cb (GtkDrawingArea *area G_GNUC_UNUSED,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  MiriamChartView *self = user_data;
  MiriamChartOptions options = { 0 };

  /* The charts' colours are chosen for white paper, also in a dark theme. */
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);

  if (!has_data (self))
    return;

  options.width = width;
  options.height = height;
  options.use_median = self->use_median;

  cairo_save (cr);
  switch (self->kind)
    {
    case MIRIAM_CHART_RADAR:
      miriam_chart_radar (cr, &options, self->group, self->participant);
      break;
    case MIRIAM_CHART_CHANGE_BARS:
      miriam_chart_change_bars (cr, &options, self->group, self->participant);
      break;
    case MIRIAM_CHART_GROUP_DOMAINS:
      miriam_chart_group_domains (cr, &options, self->group);
      break;
    case MIRIAM_CHART_GROUP_HEADLINE:
      miriam_chart_group_headline (cr, &options, self->group);
      break;
    case MIRIAM_CHART_ATTENDANCE:
      miriam_chart_attendance (cr, &options, self->group);
      break;
    case MIRIAM_CHART_COHORTS:
      miriam_chart_cohorts (cr, &options, self->cohorts);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* What a screen reader says                                                */

static const char *
group_title (const MiriamProgressGroup *group)
{
  if (group->group_name != NULL && group->group_name[0] != '\0')
    return group->group_name;
  return group->cohort_label != NULL ? group->cohort_label : "";
}

/* "2", or "not applicable" for a domain she was not scored on. */
static char *
score_text (const guint8 *scores,
            guint         domain)
{
  if (scores == NULL || scores[domain] == MIRIAM_SCORE_NONE)
    return g_strdup (miriam_score_level_label (MIRIAM_SCORE_NONE));
  return g_strdup_printf ("%d", scores[domain]);
}

static char *
describe_participant (MiriamChartView *self)
{
  MiriamProgressParticipant *p = current_participant (self);
  g_autoptr(GString) text = g_string_new (NULL);
  const guint8 *last;

  if (p == NULL)
    return g_strdup ("");
  if (p->baseline == NULL && p->final == NULL && p->intermediate == NULL)
    return g_strdup (_("No measurements yet."));

  last = p->final != NULL ? p->final : p->intermediate;
  for (guint d = 0; d < self->group->n_domains; d++)
    {
      g_autofree char *before = score_text (p->baseline, d);
      g_autofree char *after = score_text (last, d);
      int change;

      if (text->len > 0)
        g_string_append (text, "; ");
      if (self->kind == MIRIAM_CHART_CHANGE_BARS)
        {
          if (miriam_progress_change (p, d, &change))
            /* Translators: a life domain and the change of its score, e.g. "Housing: +2" */
            g_string_append_printf (text, _("%s: %+d"), self->group->domain_labels[d], change);
          else
            /* Translators: a life domain without a change to show */
            g_string_append_printf (text, _("%s: no change to show"), self->group->domain_labels[d]);
        }
      else
        /* Translators: a life domain, its score at the baseline and at the last measurement */
        g_string_append_printf (text, _("%s: %s → %s"), self->group->domain_labels[d], before, after);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
stats_text (const MiriamScoreStats *stats,
            gboolean                use_median)
{
  g_autofree char *value = NULL;

  if (stats->n == 0)
    return g_strdup (miriam_score_level_label (MIRIAM_SCORE_NONE));
  value = miriam_format_number (use_median ? stats->median : stats->mean, 1);
  /* Translators: a mean or median score and how many women it counts, e.g. "3.4 (n = 12)" */
  return g_strdup_printf (_("%s (n = %u)"), value, stats->n);
}

static char *
describe_group_domains (MiriamChartView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint d = 0; d < self->group->n_domains; d++)
    {
      MiriamScoreStats baseline, final;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      miriam_progress_domain_stats (self->group, d, MIRIAM_MOMENT_BASELINE, &baseline);
      miriam_progress_domain_stats (self->group, d, MIRIAM_MOMENT_FINAL, &final);
      before = stats_text (&baseline, self->use_median);
      after = stats_text (&final, self->use_median);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("%s: %s → %s"), self->group->domain_labels[d], before, after);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_headline (MiriamChartView *self)
{
  guint progressed = 0, measured = 0;

  if (miriam_progress_headline (self->group, &progressed, &measured) < 0)
    return g_strdup (_("Nobody has both a baseline and a final measurement yet."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u woman progressed on at least three life domains.",
                                       "%u of %u women progressed on at least three life domains.",
                                       measured),
                          progressed, measured);
}

static char *
describe_attendance (MiriamChartView *self)
{
  guint n_women = self->group->participants->len;
  guint n_sessions = self->group->session_days != NULL ? self->group->session_days->len : 0;
  g_autofree char *women = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u woman", "%u women", n_women),
                                            n_women);
  g_autofree char *sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session held",
                                                            "%u sessions held", n_sessions),
                                               n_sessions);

  /* Translators: "13 women, 18 sessions held" */
  return g_strdup_printf (_("%s, %s"), women, sessions);
}

static char *
describe_cohorts (MiriamChartView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
    {
      MiriamProgressGroup *cohort = g_ptr_array_index (self->cohorts, i);
      g_autofree char *headline = NULL;
      guint progressed = 0, measured = 0;

      if (miriam_progress_headline (cohort, &progressed, &measured) < 0)
        headline = g_strdup (_("no final measurements yet"));
      else
        /* Translators: part of a list per cohort, e.g. "2025-2026: 9 of 12 progressed" */
        headline = g_strdup_printf (_("%u of %u progressed"), progressed, measured);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", cohort->cohort_label, headline);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_labels (MiriamChartView *self)
{
  MiriamProgressParticipant *p = current_participant (self);
  const char *who = p != NULL ? p->name : "";
  const char *group = self->group != NULL ? group_title (self->group) : "";
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  g_autofree char *old_title = g_steal_pointer (&self->title);

  switch (self->kind)
    {
    case MIRIAM_CHART_RADAR:
      self->title = g_strdup_printf (_("Radar chart: baseline and final measurement of %s"), who);
      heading = g_strdup_printf (_("Baseline and final measurement of %s"), who);
      break;
    case MIRIAM_CHART_CHANGE_BARS:
      self->title = g_strdup_printf (_("Bar chart: change per life domain for %s"), who);
      heading = g_strdup (_("Change per life domain"));
      break;
    case MIRIAM_CHART_GROUP_DOMAINS:
      self->title = g_strdup_printf (self->use_median
                                     ? _("Bar chart: median and spread per life domain in %s")
                                     : _("Bar chart: mean score per life domain in %s"), group);
      heading = g_strdup (self->use_median ? _("Median and spread per life domain")
                                           : _("Mean score per life domain"));
      break;
    case MIRIAM_CHART_GROUP_HEADLINE:
      self->title = g_strdup_printf (_("Headline: progress on at least three life domains in %s"), group);
      heading = g_strdup (_("Progress on three or more domains"));
      break;
    case MIRIAM_CHART_ATTENDANCE:
      self->title = g_strdup_printf (_("Attendance chart of %s"), group);
      heading = g_strdup (_("Attendance at the group sessions"));
      break;
    case MIRIAM_CHART_COHORTS:
    default:
      self->title = g_strdup (self->use_median ? _("Bar chart: cohorts side by side, median per life domain")
                                               : _("Bar chart: cohorts side by side, mean per life domain"));
      heading = g_strdup (_("Cohorts side by side"));
      break;
    }
  gtk_label_set_text (self->heading, heading);

  if (!has_data (self))
    description = g_strdup ("");
  else if (self->kind == MIRIAM_CHART_RADAR || self->kind == MIRIAM_CHART_CHANGE_BARS)
    description = describe_participant (self);
  else if (self->kind == MIRIAM_CHART_GROUP_DOMAINS)
    description = describe_group_domains (self);
  else if (self->kind == MIRIAM_CHART_GROUP_HEADLINE)
    description = describe_headline (self);
  else if (self->kind == MIRIAM_CHART_ATTENDANCE)
    description = describe_attendance (self);
  else
    description = describe_cohorts (self);

  /* Told again only when it changed: a reload every few seconds must
   * not make a screen reader repeat itself. */
  if (g_strcmp0 (old_title, self->title) != 0 || g_strcmp0 (description, self->description) != 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
}

/* The attendance grid needs a row per woman to stay readable. */
static void
update_size (MiriamChartView *self)
{
  guint i = kind_index (self->kind);
  int height = kinds[i].height;

  if (self->kind == MIRIAM_CHART_ATTENDANCE && self->group != NULL)
    height = MAX (height, 80 + 24 * (int) self->group->participants->len);
  gtk_drawing_area_set_content_width (self->area, kinds[i].width);
  gtk_drawing_area_set_content_height (self->area, height);
}

static void
changed (MiriamChartView *self)
{
  update_size (self);
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* ---------------------------------------------------------------------- */

MiriamChartView *
miriam_chart_view_new (MiriamChartKind kind)
{
  return g_object_new (MIRIAM_TYPE_CHART_VIEW, "kind", kinds[kind_index (kind)].name, NULL);
}

MiriamChartKind
miriam_chart_view_get_kind (MiriamChartView *self)
{
  g_return_val_if_fail (MIRIAM_IS_CHART_VIEW (self), MIRIAM_CHART_RADAR);
  return self->kind;
}

void
miriam_chart_view_set_group (MiriamChartView           *self,
                             const MiriamProgressGroup *group,
                             guint                      participant)
{
  g_return_if_fail (MIRIAM_IS_CHART_VIEW (self));

  g_clear_pointer (&self->group, miriam_progress_group_free);
  if (group != NULL)
    self->group = miriam_progress_group_copy (group);
  self->participant = participant;
  changed (self);
}

void
miriam_chart_view_set_cohorts (MiriamChartView *self,
                               GPtrArray       *cohorts)
{
  g_return_if_fail (MIRIAM_IS_CHART_VIEW (self));

  if (cohorts != NULL)
    g_ptr_array_ref (cohorts);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = cohorts;
  changed (self);
}

void
miriam_chart_view_set_use_median (MiriamChartView *self,
                                  gboolean         use_median)
{
  g_return_if_fail (MIRIAM_IS_CHART_VIEW (self));

  if (self->use_median == !!use_median)
    return;
  self->use_median = !!use_median;
  changed (self);
}

const char *
miriam_chart_view_get_title (MiriamChartView *self)
{
  g_return_val_if_fail (MIRIAM_IS_CHART_VIEW (self), NULL);
  return self->title;
}

static void
miriam_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MiriamChartView *self = MIRIAM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      {
        const char *name = g_value_get_string (value);

        for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
          if (g_str_equal (kinds[i].name, name))
            self->kind = kinds[i].kind;
        changed (self);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
miriam_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MiriamChartView *self = MIRIAM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, kinds[kind_index (self->kind)].name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
miriam_chart_view_dispose (GObject *object)
{
  MiriamChartView *self = MIRIAM_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_CHART_VIEW);
  g_clear_pointer (&self->group, miriam_progress_group_free);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);

  G_OBJECT_CLASS (miriam_chart_view_parent_class)->dispose (object);
}

static void
miriam_chart_view_finalize (GObject *object)
{
  MiriamChartView *self = MIRIAM_CHART_VIEW (object);

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (miriam_chart_view_parent_class)->finalize (object);
}

static void
miriam_chart_view_class_init (MiriamChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = miriam_chart_view_set_property;
  object_class->get_property = miriam_chart_view_get_property;
  object_class->dispose = miriam_chart_view_dispose;
  object_class->finalize = miriam_chart_view_finalize;

  /* A string, so that a template can say kind="attendance". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "radar",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamChartView, heading);
  gtk_widget_class_bind_template_child (widget_class, MiriamChartView, area);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
miriam_chart_view_init (MiriamChartView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
}
