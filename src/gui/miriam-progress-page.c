/* miriam-progress-page.c: the Progress section
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three ways to look at the measurements: a group (its life domains, the
 * headline and attendance), one woman of that group (radar and change per
 * domain) and the cohorts side by side with the groups of one cohort.
 * What is on screen is what gets printed and exported.
 *
 * Everything is read with the store's asynchronous calls.  A reload
 * (after a save, or every few seconds when a colleague may have changed
 * the file) keeps the charts on screen until the new figures are there,
 * and never starts a second read of the same thing while one is on its
 * way: it asks for one more afterwards instead.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "miriam-chart-view.h"
#include "miriam-empty-state.h"
#include "miriam-gui-utils.h"
#include "miriam-progress-page.h"
#include "miriam-report-export.h"
#include "miriam-report-print.h"

typedef enum {
  SCOPE_GROUP,
  SCOPE_PARTICIPANT,
  SCOPE_COHORTS,
} Scope;

struct _MiriamProgressPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkToggleButton     *group_button;
  GtkToggleButton     *participant_button;
  GtkToggleButton     *cohorts_button;
  GtkWidget           *group_label;
  GtkDropDown         *group_dropdown;
  GtkWidget           *participant_label;
  GtkDropDown         *participant_dropdown;
  GtkWidget           *cohort_label;
  GtkDropDown         *cohort_dropdown;
  GtkCheckButton      *median_check;
  GtkSpinner          *spinner;
  GtkWidget           *print_button;
  GtkWidget           *preview_button;
  GtkWidget           *export_button;
  GtkLabel            *message_label;
  GtkStack            *content;
  MiriamChartView     *headline_view;
  MiriamChartView     *domains_view;
  MiriamChartView     *attendance_view;
  MiriamChartView     *radar_view;
  MiriamChartView     *change_view;
  MiriamChartView     *cohorts_view;
  GtkFlowBox          *cohort_groups_box;
  MiriamEmptyState    *empty_state;

  MiriamStore         *store;
  gboolean             dirty;            /* asked to reload while not shown */
  gboolean             filling;          /* replacing a drop-down's list: not a choice */

  /* The lists of the drop-downs. */
  GCancellable        *lists_cancellable;   /* non-NULL: a read is on its way */
  gboolean             lists_again;
  GPtrArray           *groups;           /* MiriamGroup*, in group_dropdown order */
  GPtrArray           *new_groups;       /* read, waiting for the cohorts to be sorted */
  GPtrArray           *cohort_records;   /* MiriamCohort*, newest first, after "All cohorts" */
  GArray              *participant_ids;  /* gint64, in participant_dropdown order */

  /* The figures shown. */
  GCancellable        *load_cancellable;    /* non-NULL: a read is on its way */
  guint                load_serial;
  gint64               load_target;      /* group id, or -1 - cohort id for the cohorts */
  gboolean             load_again;
  MiriamProgressGroup *group;            /* the chosen group's figures */
  gint64               group_id;
  GPtrArray           *cohorts;          /* every cohort as a whole */
  GPtrArray           *cohort_groups;    /* the groups of the chosen cohort(s) */

  /* Remembered between prints and exports. */
  MiriamPseudonym      pseudonym;
  gboolean             landscape;
  GtkPrintSettings    *print_settings;
};

G_DEFINE_FINAL_TYPE (MiriamProgressPage, miriam_progress_page, GTK_TYPE_WIDGET)

static void load_figures (MiriamProgressPage *self);
static void show_figures (MiriamProgressPage *self);

static GtkWindow *
parent_window (MiriamProgressPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static Scope
get_scope (MiriamProgressPage *self)
{
  if (gtk_toggle_button_get_active (self->participant_button))
    return SCOPE_PARTICIPANT;
  if (gtk_toggle_button_get_active (self->cohorts_button))
    return SCOPE_COHORTS;
  return SCOPE_GROUP;
}

static void
show_message (MiriamProgressPage *self,
              const char         *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_spinner (MiriamProgressPage *self)
{
  gboolean busy = self->lists_cancellable != NULL || self->load_cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_empty (MiriamProgressPage *self,
            const char         *title,
            const char         *description)
{
  miriam_empty_state_set (self->empty_state, title, description, NULL, NULL);
  gtk_stack_set_visible_child_name (self->content, "empty");
}

/* A read failed: the charts shown stay, with the reason above them; with
 * no charts yet the reason takes their place. */
static void
show_error (MiriamProgressPage *self,
            const GError       *error)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "empty") == 0)
    {
      show_message (self, NULL);
      show_empty (self, _("The progress charts could not be read"), error->message);
    }
  else
    show_message (self, error->message);
}

/* ---------------------------------------------------------------------- */
/* Drop-downs                                                               */

static gint64
selected_group_id (MiriamProgressPage *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->groups == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->groups->len)
    return 0;
  return ((MiriamGroup *) g_ptr_array_index (self->groups, i))->row.id;
}

/* 0: all cohorts. */
static gint64
selected_cohort_id (MiriamProgressPage *self)
{
  guint i = gtk_drop_down_get_selected (self->cohort_dropdown);

  if (self->cohort_records == NULL || i == GTK_INVALID_LIST_POSITION || i == 0
      || i > self->cohort_records->len)
    return 0;
  return ((MiriamCohort *) g_ptr_array_index (self->cohort_records, i - 1))->row.id;
}

/* Her index in the group's figures, G_MAXUINT when none is chosen. */
static guint
selected_participant (MiriamProgressPage *self)
{
  guint i = gtk_drop_down_get_selected (self->participant_dropdown);

  if (self->group == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->group->participants->len)
    return G_MAXUINT;
  return i;
}

static const MiriamCohort *
cohort_of (MiriamProgressPage *self,
           gint64              cohort_id)
{
  for (guint i = 0; self->cohort_records != NULL && i < self->cohort_records->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (self->cohort_records, i);

      if (cohort->row.id == cohort_id)
        return cohort;
    }
  return NULL;
}

/* The newest cohort first, its groups by name: the groups running now are
 * what a team looks at most. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  MiriamProgressPage *self = user_data;
  const MiriamGroup *x = *(MiriamGroup * const *) a;
  const MiriamGroup *y = *(MiriamGroup * const *) b;
  const MiriamCohort *cx = cohort_of (self, x->cohort_id);
  const MiriamCohort *cy = cohort_of (self, y->cohort_id);

  if (cx != cy)
    {
      if (cx == NULL || cy == NULL)
        return cx == NULL ? 1 : -1;
      if (g_date_valid (&cx->start_date) && g_date_valid (&cy->start_date)
          && g_date_compare (&cx->start_date, &cy->start_date) != 0)
        return g_date_compare (&cy->start_date, &cx->start_date);
    }
  return g_utf8_collate (x->name, y->name);
}

static int
compare_groups_oldest_first (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  MiriamProgressPage *self = user_data;
  const MiriamGroup *x = *(MiriamGroup * const *) a;
  const MiriamGroup *y = *(MiriamGroup * const *) b;

  if (x->cohort_id != y->cohort_id)
    return -compare_groups (a, b, self);
  return g_utf8_collate (x->name, y->name);
}

static int
compare_cohorts (gconstpointer a,
                 gconstpointer b)
{
  const MiriamCohort *x = *(MiriamCohort * const *) a;
  const MiriamCohort *y = *(MiriamCohort * const *) b;

  if (g_date_valid (&x->start_date) && g_date_valid (&y->start_date))
    return g_date_compare (&y->start_date, &x->start_date);
  return g_utf8_collate (y->label, x->label);
}

/* Replaces a drop-down's list only when it changed, so that a reload
 * every few seconds neither closes an open list nor moves the choice. */
static void
set_labels (MiriamProgressPage *self,
            GtkDropDown        *dropdown,
            GtkStringList      *labels,
            guint               selected)
{
  GListModel *old = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (labels));
  gboolean same = old != NULL && g_list_model_get_n_items (old) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (old), i),
                      gtk_string_list_get_string (labels, i)) == 0;

  self->filling = TRUE;
  if (!same)
    gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  if (gtk_drop_down_get_selected (dropdown) != selected)
    gtk_drop_down_set_selected (dropdown, selected);
  self->filling = FALSE;
}

static void
fill_group_dropdown (MiriamProgressPage *self,
                     gint64              keep)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (self->groups, i);
      const MiriamCohort *cohort = cohort_of (self, group->cohort_id);
      g_autofree char *label = NULL;

      /* "Groep Noord (2025-2026)": the same name returns every year. */
      label = cohort != NULL ? g_strdup_printf ("%s (%s)", group->name, cohort->label)
                             : g_strdup (group->name);
      gtk_string_list_append (labels, label);
      if (group->row.id == keep)
        selected = i;
    }
  set_labels (self, self->group_dropdown, labels, self->groups->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
}

static void
fill_cohort_dropdown (MiriamProgressPage *self,
                      gint64              keep,
                      gboolean            first_time)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (labels, _("All cohorts"));
  for (guint i = 0; i < self->cohort_records->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (self->cohort_records, i);

      gtk_string_list_append (labels, cohort->label);
      if (cohort->row.id == keep)
        selected = i + 1;
    }
  /* At first the newest cohort: all groups of all years is a lot. */
  if (first_time && self->cohort_records->len > 0)
    selected = 1;
  set_labels (self, self->cohort_dropdown, labels, selected);
}

static void
fill_participant_dropdown (MiriamProgressPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint old = gtk_drop_down_get_selected (self->participant_dropdown);
  gint64 keep = 0;
  guint selected = 0;

  if (self->participant_ids != NULL && old != GTK_INVALID_LIST_POSITION && old < self->participant_ids->len)
    keep = g_array_index (self->participant_ids, gint64, old);

  g_array_set_size (self->participant_ids, 0);
  for (guint i = 0; self->group != NULL && i < self->group->participants->len; i++)
    {
      MiriamProgressParticipant *p = g_ptr_array_index (self->group->participants, i);

      gtk_string_list_append (labels, p->name);
      g_array_append_val (self->participant_ids, p->participant_id);
      if (p->participant_id == keep)
        selected = i;
    }
  set_labels (self, self->participant_dropdown, labels,
              self->participant_ids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
}

/* ---------------------------------------------------------------------- */
/* Loading the lists                                                        */

static void
lists_done (MiriamProgressPage *self)
{
  g_clear_object (&self->lists_cancellable);
  update_spinner (self);
}

static void load_lists (MiriamProgressPage *self);

static void
cohorts_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cohorts = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  MiriamProgressPage *self;
  gboolean first_time;
  gint64 keep_group, keep_cohort;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  lists_done (self);
  if (cohorts == NULL)
    {
      show_error (self, error);
      return;
    }

  /* The choices by id, before the lists under the drop-downs change. */
  keep_group = selected_group_id (self);
  keep_cohort = selected_cohort_id (self);
  first_time = self->cohort_records == NULL;
  g_ptr_array_sort (cohorts, compare_cohorts);
  g_clear_pointer (&self->cohort_records, g_ptr_array_unref);
  self->cohort_records = g_steal_pointer (&cohorts);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = g_steal_pointer (&self->new_groups);
  g_ptr_array_sort_with_data (self->groups, compare_groups, self);
  fill_group_dropdown (self, keep_group);
  fill_cohort_dropdown (self, keep_cohort, first_time);

  if (self->lists_again)
    {
      self->lists_again = FALSE;
      load_lists (self);
      return;
    }
  load_figures (self);
}

static void
groups_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *groups = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  MiriamProgressPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (groups == NULL)
    {
      lists_done (self);
      show_error (self, error);
      return;
    }

  /* Kept aside until the cohorts are there to sort and name them. */
  g_clear_pointer (&self->new_groups, g_ptr_array_unref);
  self->new_groups = groups;
  miriam_store_list_async (self->store, MIRIAM_RECORD_COHORT, NULL, 0, self->lists_cancellable,
                           cohorts_listed_cb, self);
}

static void
load_lists (MiriamProgressPage *self)
{
  if (self->store == NULL)
    return;
  if (self->lists_cancellable != NULL)
    {
      self->lists_again = TRUE;
      return;
    }
  self->lists_cancellable = g_cancellable_new ();
  update_spinner (self);
  miriam_store_list_async (self->store, MIRIAM_RECORD_GROUP, NULL, 0, self->lists_cancellable,
                           groups_listed_cb, self);
}

/* ---------------------------------------------------------------------- */
/* Loading the figures                                                      */

typedef struct {
  MiriamProgressPage *self;
  guint               serial;
  GCancellable       *cancellable;
  GPtrArray          *cohorts;
  GArray             *group_ids;     /* gint64: the groups still to read */
  guint               next;
  GPtrArray          *groups;        /* MiriamProgressGroup* read so far */
} CohortLoad;

static void
cohort_load_free (CohortLoad *load)
{
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->cohorts, g_ptr_array_unref);
  g_clear_pointer (&load->group_ids, g_array_unref);
  g_clear_pointer (&load->groups, g_ptr_array_unref);
  g_free (load);
}

/* A read finished: TRUE if it is still the one wanted. */
static gboolean
figures_arrived (MiriamProgressPage *self,
                 guint               serial)
{
  if (serial != self->load_serial)
    return FALSE;
  g_clear_object (&self->load_cancellable);
  update_spinner (self);
  return TRUE;
}

static void
figures_done (MiriamProgressPage *self)
{
  if (self->load_again)
    {
      self->load_again = FALSE;
      load_figures (self);
    }
}

static void
group_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  MiriamProgressGroup *group = miriam_store_load_progress_group_finish (MIRIAM_STORE (object), result, &error);
  MiriamProgressPage *self;

  /* A read that was replaced by another one was cancelled. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  figures_arrived (self, self->load_serial);

  if (group == NULL)
    show_error (self, error);
  else
    {
      show_message (self, NULL);
      g_clear_pointer (&self->group, miriam_progress_group_free);
      self->group = group;
      self->group_id = self->load_target;
      fill_participant_dropdown (self);
      show_figures (self);
    }
  figures_done (self);
}

static void cohort_step (CohortLoad *load);

static void
cohort_group_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  MiriamProgressGroup *group = miriam_store_load_progress_group_finish (MIRIAM_STORE (object), result, &error);
  CohortLoad *load = user_data;

  if (g_cancellable_is_cancelled (load->cancellable) || load->serial != load->self->load_serial)
    {
      g_clear_pointer (&group, miriam_progress_group_free);
      cohort_load_free (load);
      return;
    }
  if (group == NULL)
    {
      MiriamProgressPage *self = load->self;

      figures_arrived (self, load->serial);
      show_error (self, error);
      cohort_load_free (load);
      figures_done (self);
      return;
    }
  g_ptr_array_add (load->groups, group);
  cohort_step (load);
}

/* One group after the other; the store's thread would queue them anyway. */
static void
cohort_step (CohortLoad *load)
{
  MiriamProgressPage *self = load->self;

  if (load->next < load->group_ids->len)
    {
      gint64 id = g_array_index (load->group_ids, gint64, load->next++);

      miriam_store_load_progress_group_async (self->store, id, load->cancellable,
                                              cohort_group_loaded_cb, load);
      return;
    }

  figures_arrived (self, load->serial);
  show_message (self, NULL);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_groups, g_ptr_array_unref);
  self->cohorts = g_steal_pointer (&load->cohorts);
  self->cohort_groups = g_steal_pointer (&load->groups);
  cohort_load_free (load);
  show_figures (self);
  figures_done (self);
}

static void
cohorts_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cohorts = miriam_store_load_progress_cohorts_finish (MIRIAM_STORE (object), result, &error);
  CohortLoad *load = user_data;

  if (g_cancellable_is_cancelled (load->cancellable) || load->serial != load->self->load_serial)
    {
      g_clear_pointer (&cohorts, g_ptr_array_unref);
      cohort_load_free (load);
      return;
    }
  if (cohorts == NULL)
    {
      MiriamProgressPage *self = load->self;

      figures_arrived (self, load->serial);
      show_error (self, error);
      cohort_load_free (load);
      figures_done (self);
      return;
    }
  load->cohorts = cohorts;
  cohort_step (load);
}

static void
start_cohorts_load (MiriamProgressPage *self,
                    gint64              cohort_id)
{
  CohortLoad *load = g_new0 (CohortLoad, 1);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  load->self = self;
  load->serial = self->load_serial;
  load->cancellable = g_object_ref (self->load_cancellable);
  load->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  load->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  for (guint i = 0; i < self->groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (self->groups, i);

      if (cohort_id == 0 || group->cohort_id == cohort_id)
        g_ptr_array_add (chosen, group);
    }
  /* The oldest cohort first, like the chart above them and the report. */
  g_ptr_array_sort_with_data (chosen, compare_groups_oldest_first, self);
  for (guint i = 0; i < chosen->len; i++)
    g_array_append_val (load->group_ids, ((MiriamGroup *) g_ptr_array_index (chosen, i))->row.id);
  miriam_store_load_progress_cohorts_async (self->store, load->cancellable, cohorts_loaded_cb, load);
}

/* What the current choices ask to read: a group id, or -1 - cohort id. */
static gint64
wanted_target (MiriamProgressPage *self)
{
  if (get_scope (self) == SCOPE_COHORTS)
    return -1 - selected_cohort_id (self);
  return selected_group_id (self);
}

static void
load_figures (MiriamProgressPage *self)
{
  gint64 target = wanted_target (self);

  if (self->store == NULL || self->groups == NULL)
    return;

  if (self->load_cancellable != NULL)
    {
      /* The same read is on its way: one more after it, not a second one
       * now (a slow share would never finish either). */
      if (target == self->load_target)
        {
          self->load_again = TRUE;
          return;
        }
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }

  if (target == 0)
    {
      show_figures (self);
      return;
    }

  self->load_serial++;
  self->load_target = target;
  self->load_again = FALSE;
  self->load_cancellable = g_cancellable_new ();
  update_spinner (self);
  if (target > 0)
    miriam_store_load_progress_group_async (self->store, target, self->load_cancellable,
                                            group_loaded_cb, self);
  else
    start_cohorts_load (self, -1 - target);
}

/* ---------------------------------------------------------------------- */
/* Showing the figures                                                      */

static gboolean
has_measurements (const MiriamProgressParticipant *p)
{
  return p->baseline != NULL || p->final != NULL || p->intermediate != NULL;
}

static gboolean
group_has_measurements (const MiriamProgressGroup *group)
{
  for (guint i = 0; group != NULL && i < group->participants->len; i++)
    if (has_measurements (g_ptr_array_index (group->participants, i)))
      return TRUE;
  return FALSE;
}

static void
update_toolbar (MiriamProgressPage *self)
{
  Scope scope = get_scope (self);
  gboolean printable;

  gtk_widget_set_visible (self->group_label, scope != SCOPE_COHORTS);
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), scope != SCOPE_COHORTS);
  gtk_widget_set_visible (self->participant_label, scope == SCOPE_PARTICIPANT);
  gtk_widget_set_visible (GTK_WIDGET (self->participant_dropdown), scope == SCOPE_PARTICIPANT);
  gtk_widget_set_visible (self->cohort_label, scope == SCOPE_COHORTS);
  gtk_widget_set_visible (GTK_WIDGET (self->cohort_dropdown), scope == SCOPE_COHORTS);
  gtk_widget_set_visible (GTK_WIDGET (self->median_check), scope != SCOPE_PARTICIPANT);

  if (scope == SCOPE_COHORTS)
    printable = self->cohorts != NULL && self->cohorts->len > 0;
  else
    printable = self->group != NULL && self->group_id == selected_group_id (self)
                && self->group->participants->len > 0;
  gtk_widget_set_sensitive (self->print_button, printable);
  gtk_widget_set_sensitive (self->preview_button, printable);
  gtk_widget_set_sensitive (self->export_button, printable);
}

static void
show_group (MiriamProgressPage *self)
{
  const MiriamProgressGroup *group = self->group;

  if (group->participants->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No participants in %s yet"), group->group_name);

      show_empty (self, title, _("Add women to the group from their participant file; their "
                                 "measurements are drawn here."));
      return;
    }
  if (!group_has_measurements (group))
    {
      g_autofree char *title = g_strdup_printf (_("No measurements yet in %s"), group->group_name);

      show_empty (self, title, _("Record a baseline measurement in a participant’s file: the "
                                 "charts appear here as soon as there is one."));
      return;
    }
  miriam_chart_view_set_group (self->headline_view, group, 0);
  miriam_chart_view_set_group (self->domains_view, group, 0);
  miriam_chart_view_set_group (self->attendance_view, group, 0);
  gtk_stack_set_visible_child_name (self->content, "group");
}

static void
show_participant (MiriamProgressPage *self)
{
  guint i = selected_participant (self);
  MiriamProgressParticipant *p;

  if (i == G_MAXUINT)
    {
      g_autofree char *title = g_strdup_printf (_("No participants in %s yet"), self->group->group_name);

      show_empty (self, title, _("Add women to the group from their participant file; their "
                                 "measurements are drawn here."));
      return;
    }
  p = g_ptr_array_index (self->group->participants, i);
  if (!has_measurements (p))
    {
      g_autofree char *title = g_strdup_printf (_("No measurements yet for %s"), p->name);

      show_empty (self, title, _("Record her baseline measurement in her participant file; her "
                                 "chart appears here."));
      return;
    }
  miriam_chart_view_set_group (self->radar_view, self->group, i);
  miriam_chart_view_set_group (self->change_view, self->group, i);
  gtk_stack_set_visible_child_name (self->content, "participant");
}

static void
show_cohorts (MiriamProgressPage *self)
{
  GtkWidget *child;
  gboolean use_median = gtk_check_button_get_active (self->median_check);
  guint n_groups, n_shown;

  if (self->cohorts->len == 0)
    {
      show_empty (self, _("No cohorts yet"),
                  _("A cohort is a programme year. Its figures appear here once its groups have "
                    "measurements."));
      return;
    }

  miriam_chart_view_set_cohorts (self->cohorts_view, self->cohorts);

  /* One chart per group of the chosen cohort, under its name.  A reload
   * of the same groups updates them in place: the view does not jump. */
  n_groups = self->cohort_groups != NULL ? self->cohort_groups->len : 0;
  n_shown = 0;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cohort_groups_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_shown++;
  if (n_shown != n_groups)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cohort_groups_box))) != NULL)
        gtk_flow_box_remove (self->cohort_groups_box, child);
      for (guint i = 0; i < n_groups; i++)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *label = gtk_label_new (NULL);

          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "title-4");
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (miriam_chart_view_new (MIRIAM_CHART_GROUP_DOMAINS)));
          gtk_flow_box_append (self->cohort_groups_box, box);
        }
    }
  child = gtk_widget_get_first_child (GTK_WIDGET (self->cohort_groups_box));
  for (guint i = 0; i < n_groups; i++, child = gtk_widget_get_next_sibling (child))
    {
      MiriamProgressGroup *group = g_ptr_array_index (self->cohort_groups, i);
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      g_autofree char *title = g_strdup_printf ("%s (%s)", group->group_name, group->cohort_label);
      MiriamChartView *view = MIRIAM_CHART_VIEW (gtk_widget_get_last_child (box));

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
      miriam_chart_view_set_use_median (view, use_median);
      miriam_chart_view_set_group (view, group, 0);
    }
  gtk_stack_set_visible_child_name (self->content, "cohorts");
}

static void
show_figures (MiriamProgressPage *self)
{
  Scope scope = get_scope (self);

  update_toolbar (self);

  if (scope == SCOPE_COHORTS)
    {
      if (self->cohorts != NULL)
        show_cohorts (self);
      else
        show_empty (self, _("Loading the progress charts"), "");
      return;
    }

  if (self->groups != NULL && self->groups->len == 0)
    {
      show_empty (self, _("No groups yet"),
                  _("Progress is measured per group. Create a group in the Calendar section and add "
                    "its participants."));
      return;
    }
  /* Another group is on its way: keep its charts shown until it
   * arrives, but not those of the cohorts. */
  if (self->group == NULL || self->group_id != selected_group_id (self))
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "cohorts") == 0
          || self->group == NULL)
        show_empty (self, _("Loading the progress charts"), "");
      return;
    }

  if (scope == SCOPE_PARTICIPANT)
    show_participant (self);
  else
    show_group (self);
}

/* ---------------------------------------------------------------------- */
/* Choices                                                                  */

static void
scope_toggled_cb (MiriamProgressPage *self,
                  GtkToggleButton    *button)
{
  /* Each change toggles two buttons: act once, on the one switched on. */
  if (!gtk_toggle_button_get_active (button))
    return;
  show_figures (self);
  load_figures (self);
}

static void
group_changed_cb (MiriamProgressPage *self)
{
  if (self->filling)
    return;
  update_toolbar (self);
  load_figures (self);
}

static void
cohort_changed_cb (MiriamProgressPage *self)
{
  if (self->filling)
    return;
  load_figures (self);
}

static void
participant_changed_cb (MiriamProgressPage *self)
{
  if (self->filling)
    return;
  show_figures (self);
}

static void
median_toggled_cb (MiriamProgressPage *self)
{
  gboolean use_median = gtk_check_button_get_active (self->median_check);

  miriam_chart_view_set_use_median (self->domains_view, use_median);
  miriam_chart_view_set_use_median (self->cohorts_view, use_median);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cohort_groups_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *view = gtk_widget_get_last_child (box);

      if (MIRIAM_IS_CHART_VIEW (view))
        miriam_chart_view_set_use_median (MIRIAM_CHART_VIEW (view), use_median);
    }
}

/* ---------------------------------------------------------------------- */
/* Printing and exporting                                                   */

/* What is on screen, as a report. */
static MiriamReportData *
report_data (MiriamProgressPage *self)
{
  if (get_scope (self) == SCOPE_COHORTS)
    return self->cohorts != NULL ? miriam_report_data_new_cohorts (self->cohorts, self->cohort_groups) : NULL;
  return self->group != NULL ? miriam_report_data_new_group (self->group) : NULL;
}

static void
report_options (MiriamProgressPage  *self,
                MiriamReportOptions *options)
{
  *options = (MiriamReportOptions) { 0 };
  options->landscape = self->landscape;
  options->pseudonym = self->pseudonym;
  options->use_median = gtk_check_button_get_active (self->median_check);
  g_date_clear (&options->print_date, 1);
}

static void
print_done_cb (MiriamProgressPage      *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  self->pseudonym = miriam_report_print_get_pseudonym (MIRIAM_REPORT_PRINT (operation));
  self->landscape = miriam_report_print_get_landscape (MIRIAM_REPORT_PRINT (operation));
  g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

static void
run_print (MiriamProgressPage      *self,
           GtkPrintOperationAction  action)
{
  g_autoptr(MiriamReportData) data = report_data (self);
  g_autoptr(MiriamReportPrint) print = NULL;
  MiriamReportOptions options;
  guint her = selected_participant (self);
  int current_page = -1;

  if (data == NULL)
    return;
  report_options (self, &options);
  /* Her page comes after the cover and the group page. */
  if (get_scope (self) == SCOPE_PARTICIPANT && her != G_MAXUINT)
    current_page = 2 + (int) her;

  print = miriam_report_print_new (data, &options, current_page);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (print), self->print_settings);
  g_signal_connect_object (print, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  miriam_report_print_run (print, action, parent_window (self));
}

static void
print_clicked_cb (MiriamProgressPage *self)
{
  run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
preview_clicked_cb (MiriamProgressPage *self)
{
  run_print (self, GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

static gboolean
export_closed_cb (MiriamProgressPage *self,
                  MiriamReportExport *dialog)
{
  self->pseudonym = miriam_report_export_get_pseudonym (dialog);
  return FALSE;
}

static void
export_clicked_cb (MiriamProgressPage *self)
{
  g_autoptr(MiriamReportData) data = report_data (self);
  MiriamReportExport *dialog;
  MiriamReportOptions options;
  MiriamChartKind chart;

  if (data == NULL)
    return;
  report_options (self, &options);
  switch (get_scope (self))
    {
    case SCOPE_PARTICIPANT:
      chart = MIRIAM_CHART_RADAR;
      break;
    case SCOPE_COHORTS:
      chart = MIRIAM_CHART_COHORTS;
      break;
    case SCOPE_GROUP:
    default:
      chart = MIRIAM_CHART_GROUP_DOMAINS;
      break;
    }
  dialog = miriam_report_export_new (parent_window (self), data,
                                     get_scope (self) == SCOPE_PARTICIPANT ? selected_participant (self)
                                                                           : G_MAXUINT,
                                     chart, &options);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (export_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */

static void
cancel_reads (MiriamProgressPage *self)
{
  if (self->lists_cancellable != NULL)
    g_cancellable_cancel (self->lists_cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->lists_cancellable);
  g_clear_object (&self->load_cancellable);
  self->lists_again = FALSE;
  self->load_again = FALSE;
  self->load_serial++;
}

void
miriam_progress_page_set_store (MiriamProgressPage *self,
                                MiriamStore        *store)
{
  g_return_if_fail (MIRIAM_IS_PROGRESS_PAGE (self));
  g_return_if_fail (store == NULL || MIRIAM_IS_STORE (store));

  if (store == self->store)
    return;

  cancel_reads (self);
  update_spinner (self);
  show_message (self, NULL);
  g_set_object (&self->store, store);

  /* Another file: nothing of the old one may stay on screen. */
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->new_groups, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_records, g_ptr_array_unref);
  g_clear_pointer (&self->group, miriam_progress_group_free);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_groups, g_ptr_array_unref);
  self->group_id = 0;
  self->load_target = 0;
  self->filling = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, NULL);
  gtk_drop_down_set_model (self->participant_dropdown, NULL);
  gtk_drop_down_set_model (self->cohort_dropdown, NULL);
  self->filling = FALSE;
  g_array_set_size (self->participant_ids, 0);
  miriam_chart_view_set_group (self->headline_view, NULL, 0);
  miriam_chart_view_set_group (self->domains_view, NULL, 0);
  miriam_chart_view_set_group (self->attendance_view, NULL, 0);
  miriam_chart_view_set_group (self->radar_view, NULL, 0);
  miriam_chart_view_set_group (self->change_view, NULL, 0);
  miriam_chart_view_set_cohorts (self->cohorts_view, NULL);
  show_empty (self, _("Loading the progress charts"), "");
  update_toolbar (self);

  if (store != NULL)
    miriam_progress_page_reload (self);
}

void
miriam_progress_page_reload (MiriamProgressPage *self)
{
  g_return_if_fail (MIRIAM_IS_PROGRESS_PAGE (self));

  if (self->store == NULL)
    return;
  /* Not shown: no reads on a network drive for nobody to see. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  load_lists (self);
}

static void
miriam_progress_page_map (GtkWidget *widget)
{
  MiriamProgressPage *self = MIRIAM_PROGRESS_PAGE (widget);

  GTK_WIDGET_CLASS (miriam_progress_page_parent_class)->map (widget);
  if (self->dirty)
    miriam_progress_page_reload (self);
}

static void
miriam_progress_page_dispose (GObject *object)
{
  MiriamProgressPage *self = MIRIAM_PROGRESS_PAGE (object);

  cancel_reads (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_PROGRESS_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->new_groups, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_records, g_ptr_array_unref);
  g_clear_pointer (&self->participant_ids, g_array_unref);
  g_clear_pointer (&self->group, miriam_progress_group_free);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_groups, g_ptr_array_unref);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (miriam_progress_page_parent_class)->dispose (object);
}

static void
miriam_progress_page_class_init (MiriamProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_progress_page_dispose;
  widget_class->map = miriam_progress_page_map;

  g_type_ensure (MIRIAM_TYPE_CHART_VIEW);
  g_type_ensure (MIRIAM_TYPE_EMPTY_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, group_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, participant_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, cohorts_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, group_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, participant_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, participant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, cohort_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, median_check);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, preview_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, content);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, headline_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, domains_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, attendance_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, radar_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, change_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, cohorts_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, cohort_groups_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamProgressPage, empty_state);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cohort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, median_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
miriam_progress_page_init (MiriamProgressPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pseudonym = MIRIAM_PSEUDONYM_NONE;

  /* The inner buttons need a name; the drop-downs themselves get theirs
   * from the visible labels. */
  miriam_gui_name_drop_down (self->group_dropdown, _("Group"));
  miriam_gui_name_drop_down (self->participant_dropdown, _("Participant"));
  miriam_gui_name_drop_down (self->cohort_dropdown, _("Cohort"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->group_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->participant_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cohort_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  update_toolbar (self);
}
