/* miriam-report-export.c: progress reports and charts to files
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the figures and writing the files need no window, so the
 * command line (--export-report) and the dialog share them.  The dialog
 * writes on a worker thread: a report of a big cohort on a network drive
 * takes a moment, and the window must stay alive meanwhile.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-search.h"

#include "miriam-gui-utils.h"
#include "miriam-report-export.h"

/* ---------------------------------------------------------------------- */
/* Report data                                                              */

static GPtrArray *
copy_groups (GPtrArray *groups)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    g_ptr_array_add (copy, miriam_progress_group_copy (g_ptr_array_index (groups, i)));
  return copy;
}

MiriamReportData *
miriam_report_data_new_group (const MiriamProgressGroup *group)
{
  MiriamReportData *data = g_new0 (MiriamReportData, 1);

  g_return_val_if_fail (group != NULL, NULL);

  data->group = miriam_progress_group_copy (group);
  return data;
}

MiriamReportData *
miriam_report_data_new_cohorts (GPtrArray *cohorts,
                                GPtrArray *groups)
{
  MiriamReportData *data = g_new0 (MiriamReportData, 1);

  data->cohorts = copy_groups (cohorts);
  data->groups = copy_groups (groups);
  return data;
}

MiriamReportData *
miriam_report_data_copy (const MiriamReportData *data)
{
  if (data->group != NULL)
    return miriam_report_data_new_group (data->group);
  return miriam_report_data_new_cohorts (data->cohorts, data->groups);
}

void
miriam_report_data_free (MiriamReportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->group, miriam_progress_group_free);
  g_clear_pointer (&data->cohorts, g_ptr_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
  g_free (data);
}

MiriamReport *
miriam_report_data_build (const MiriamReportData    *data,
                          const MiriamReportOptions *options)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (data->group != NULL)
    return miriam_report_new_group (data->group, options);
  return miriam_report_new_cohorts (data->cohorts, data->groups, options);
}

gboolean
miriam_report_parse_pseudonym (const char      *text,
                               MiriamPseudonym *pseudonym)
{
  if (text == NULL || g_str_equal (text, "none"))
    *pseudonym = MIRIAM_PSEUDONYM_NONE;
  else if (g_str_equal (text, "initials"))
    *pseudonym = MIRIAM_PSEUDONYM_INITIALS;
  else if (g_str_equal (text, "numbers"))
    *pseudonym = MIRIAM_PSEUDONYM_NUMBER;
  else
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Loading (blocking)                                                       */

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = miriam_search_fold (a);
  g_autofree char *fb = miriam_search_fold (b);

  return g_strcmp0 (g_strstrip (fa), g_strstrip (fb)) == 0;
}

static const MiriamCohort *
find_cohort (GPtrArray   *cohorts,
             gint64       id)
{
  for (guint i = 0; i < cohorts->len; i++)
    if (((MiriamCohort *) g_ptr_array_index (cohorts, i))->row.id == id)
      return g_ptr_array_index (cohorts, i);
  return NULL;
}

/* Report pages in the order of the side-by-side page: oldest cohort
 * first, then by name. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const MiriamGroup *x = *(MiriamGroup * const *) a;
  const MiriamGroup *y = *(MiriamGroup * const *) b;
  const MiriamCohort *cx = find_cohort (user_data, x->cohort_id);
  const MiriamCohort *cy = find_cohort (user_data, y->cohort_id);
  int by_cohort = 0;

  if (cx != NULL && cy != NULL && g_date_valid (&cx->start_date) && g_date_valid (&cy->start_date))
    by_cohort = g_date_compare (&cx->start_date, &cy->start_date);
  if (by_cohort == 0 && cx != cy)
    by_cohort = cx == NULL ? 1 : cy == NULL ? -1 : g_utf8_collate (cx->label, cy->label);
  return by_cohort != 0 ? by_cohort : g_utf8_collate (x->name, y->name);
}

static gint64
cohort_id_of (GPtrArray   *cohorts,
              const char  *label,
              GError     **error)
{
  for (guint i = 0; i < cohorts->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (cohorts, i);

      if (same_name (cohort->label, label))
        return cohort->row.id;
    }
  g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
               _("There is no cohort “%s” in this database."), label);
  return 0;
}

static MiriamReportData *
load_group_report (MiriamStore  *store,
                   GPtrArray    *groups,
                   GPtrArray    *cohorts,
                   const char   *name,
                   gint64        cohort_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(MiriamProgressGroup) group = NULL;
  MiriamReportData *data;

  for (guint i = 0; i < groups->len; i++)
    {
      MiriamGroup *g = g_ptr_array_index (groups, i);

      if (same_name (g->name, name) && (cohort_id == 0 || g->cohort_id == cohort_id))
        g_ptr_array_add (found, g);
    }
  if (found->len == 0)
    {
      g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                   _("There is no group “%s” in this database."), name);
      return NULL;
    }
  if (found->len > 1)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < found->len; i++)
        {
          const MiriamCohort *cohort = find_cohort (cohorts, ((MiriamGroup *) found->pdata[i])->cohort_id);

          if (cohort != NULL)
            g_string_append_printf (labels, "%s%s", labels->len > 0 ? ", " : "", cohort->label);
        }
      g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                   _("Several groups are called “%s”; choose one with --cohort (%s)."), name, labels->str);
      return NULL;
    }

  group = miriam_store_load_progress_group (store, ((MiriamGroup *) found->pdata[0])->row.id, error);
  if (group == NULL)
    return NULL;
  data = g_new0 (MiriamReportData, 1);
  data->group = g_steal_pointer (&group);
  return data;
}

static MiriamReportData *
load_cohort_report (MiriamStore  *store,
                    GPtrArray    *groups,
                    GPtrArray    *cohorts,
                    gint64        cohort_id,
                    GError      **error)
{
  g_autoptr(MiriamReportData) data = g_new0 (MiriamReportData, 1);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  data->cohorts = miriam_store_load_progress_cohorts (store, error);
  if (data->cohorts == NULL)
    return NULL;
  if (data->cohorts->len == 0)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                           _("There are no cohorts in this database yet."));
      return NULL;
    }

  for (guint i = 0; i < groups->len; i++)
    if (cohort_id == 0 || ((MiriamGroup *) g_ptr_array_index (groups, i))->cohort_id == cohort_id)
      g_ptr_array_add (chosen, g_ptr_array_index (groups, i));
  g_ptr_array_sort_with_data (chosen, compare_groups, cohorts);

  data->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_progress_group_free);
  for (guint i = 0; i < chosen->len; i++)
    {
      MiriamProgressGroup *group;

      group = miriam_store_load_progress_group (store, ((MiriamGroup *) chosen->pdata[i])->row.id, error);
      if (group == NULL)
        return NULL;
      g_ptr_array_add (data->groups, group);
    }
  return g_steal_pointer (&data);
}

MiriamReportData *
miriam_report_data_load (MiriamStore              *store,
                         const MiriamReportScope  *scope,
                         GError                  **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  gint64 cohort_id = 0;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  if ((groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, error)) == NULL
      || (cohorts = miriam_store_list (store, MIRIAM_RECORD_COHORT, NULL, 0, error)) == NULL)
    return NULL;

  if (scope->cohort_label != NULL && scope->cohort_label[0] != '\0'
      && (cohort_id = cohort_id_of (cohorts, scope->cohort_label, error)) == 0)
    return NULL;

  if (scope->group_name != NULL && scope->group_name[0] != '\0')
    return load_group_report (store, groups, cohorts, scope->group_name, cohort_id, error);
  return load_cohort_report (store, groups, cohorts, cohort_id, error);
}

/* ---------------------------------------------------------------------- */
/* The dialog                                                               */

struct _MiriamReportExport
{
  GtkWindow            parent_instance;

  GtkLabel            *what_label;
  GtkCheckButton      *report_radio;
  GtkCheckButton      *chart_radio;
  GtkDropDown         *orientation_dropdown;
  GtkDropDown         *chart_dropdown;
  GtkDropDown         *format_dropdown;
  GtkDropDown         *names_dropdown;
  GtkLabel            *status_label;
  GtkWidget           *export_button;

  MiriamReportData    *data;
  MiriamReportOptions  options;
  guint                participant;
  GArray              *kinds;          /* MiriamChartKind, in chart_dropdown order */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (MiriamReportExport, miriam_report_export, GTK_TYPE_WINDOW)

static const char *
chart_label (MiriamChartKind kind)
{
  switch (kind)
    {
    case MIRIAM_CHART_RADAR:
      return _("Radar chart of the chosen participant");
    case MIRIAM_CHART_CHANGE_BARS:
      return _("Change per life domain of the chosen participant");
    case MIRIAM_CHART_GROUP_DOMAINS:
      return _("Life domains of the group");
    case MIRIAM_CHART_GROUP_HEADLINE:
      return _("Progress on three or more domains");
    case MIRIAM_CHART_ATTENDANCE:
      return _("Attendance at the group sessions");
    case MIRIAM_CHART_COHORTS:
    default:
      return _("Cohorts side by side");
    }
}

/* A file name from a group's name: no characters that Windows or a
 * network share refuse. */
static char *
file_name_part (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The suggested name never carries a woman's name: the file may leave
 * the team even when the names inside it do not. */
static char *
suggested_name (MiriamReportExport *self,
                gboolean            report,
                MiriamChartKind     kind,
                MiriamChartFormat   format)
{
  const char *what = NULL;
  g_autofree char *group = NULL;

  if (self->data->group != NULL)
    group = file_name_part (self->data->group->group_name);
  else
    group = g_strdup ("");

  if (report)
    /* Translators: the start of a suggested file name, no spaces */
    what = self->data->group != NULL ? _("progress-report") : _("cohort-report");
  else if (kind == MIRIAM_CHART_RADAR || kind == MIRIAM_CHART_CHANGE_BARS)
    /* Translators: the start of a suggested file name, no spaces */
    what = _("participant-chart");
  else
    /* Translators: the start of a suggested file name, no spaces */
    what = _("progress-chart");

  return g_strdup_printf ("%s%s%s.%s", what, group[0] != '\0' ? "-" : "", group,
                          report ? "pdf" : format == MIRIAM_CHART_FORMAT_SVG ? "svg" : "png");
}

static MiriamChartKind
chosen_kind (MiriamReportExport *self)
{
  guint i = gtk_drop_down_get_selected (self->chart_dropdown);

  if (self->kinds->len == 0)
    return MIRIAM_CHART_COHORTS;
  if (i == GTK_INVALID_LIST_POSITION || i >= self->kinds->len)
    i = 0;
  return g_array_index (self->kinds, MiriamChartKind, i);
}

static MiriamChartFormat
chosen_format (MiriamReportExport *self)
{
  return gtk_drop_down_get_selected (self->format_dropdown) == 1 ? MIRIAM_CHART_FORMAT_SVG
                                                                 : MIRIAM_CHART_FORMAT_PNG;
}

static void
what_toggled_cb (MiriamReportExport *self)
{
  gboolean chart = gtk_check_button_get_active (self->chart_radio);

  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_dropdown), !chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chart_dropdown), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_dropdown), chart);
}

typedef struct {
  MiriamReportData    *data;
  MiriamReportOptions  options;
  gboolean             report;
  MiriamChartKind      kind;
  MiriamChartFormat    format;
  guint                participant;
  char                *path;
  char                *name;        /* the file's base name, for the message */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  miriam_report_data_free (job->data);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

/* A chart's size in a file (points; PNG doubles it): about what it takes
 * on a report page, so that text keeps the same size. */
static void
chart_file_size (const ExportJob    *job,
                 MiriamChartOptions *options)
{
  guint n = job->data->group != NULL ? job->data->group->participants->len : 0;

  switch (job->kind)
    {
    case MIRIAM_CHART_RADAR:
      options->width = 520, options->height = 480;
      break;
    case MIRIAM_CHART_CHANGE_BARS:
      options->width = 520, options->height = 420;
      break;
    case MIRIAM_CHART_GROUP_HEADLINE:
      options->width = 360, options->height = 420;
      break;
    case MIRIAM_CHART_ATTENDANCE:
      options->width = 720, options->height = MAX (240, 80 + 20 * n);
      break;
    case MIRIAM_CHART_GROUP_DOMAINS:
      options->width = 720, options->height = 480;
      break;
    case MIRIAM_CHART_COHORTS:
    default:
      options->width = 800, options->height = 520;
      break;
    }
}

static gboolean
write_chart (ExportJob  *job,
             GError    **error)
{
  MiriamChartOptions options = { 0 };
  g_autoptr(MiriamProgressGroup) group = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;

  chart_file_size (job, &options);
  options.use_median = job->options.use_median;
  options.monochrome = job->options.monochrome;

  /* Pseudonymised copies: the real names never reach the file. */
  if (job->data->group != NULL)
    {
      group = miriam_progress_group_copy (job->data->group);
      miriam_progress_pseudonymise (group, job->options.pseudonym);
    }
  cohorts = copy_groups (job->data->cohorts);
  for (guint i = 0; i < cohorts->len; i++)
    miriam_progress_pseudonymise (g_ptr_array_index (cohorts, i), job->options.pseudonym);

  return miriam_chart_write (job->kind, job->format, &options, group, job->participant,
                             cohorts, job->path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->report)
    {
      g_autoptr(MiriamReport) report = miriam_report_data_build (job->data, &job->options);

      ok = miriam_report_write_pdf (report, job->path, &error);
    }
  else
    ok = write_chart (job, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamReportExport *self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (job->report ? _("The report could not be saved: %s")
                                          : _("The chart could not be saved: %s"),
                              error->message);
    }
  else
    text = g_strdup_printf (job->report ? _("The report was saved as “%s”.")
                                        : _("The chart was saved as “%s”."),
                            job->name);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
start_export (MiriamReportExport *self,
              GFile              *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, exported_cb, self);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->data = miriam_report_data_copy (self->data);
  job->options = self->options;
  job->options.landscape = gtk_drop_down_get_selected (self->orientation_dropdown) == 1;
  job->options.pseudonym = miriam_report_export_get_pseudonym (self);
  job->report = !gtk_check_button_get_active (self->chart_radio);
  job->kind = chosen_kind (self);
  job->format = chosen_format (self);
  job->participant = self->participant;
  job->path = g_file_get_path (file);
  job->name = g_file_get_basename (file);

  if (job->path == NULL)
    {
      /* Not a local or mounted file (a bare URI): nothing to write to. */
      gtk_label_set_text (self->status_label, _("Choose a folder on this computer or on a network drive."));
      export_job_free (job);
      return;
    }

  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_label_set_text (self->status_label, _("Exporting…"));
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     MiriamReportExport *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        start_export (self, file);
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
file_filter (gboolean          report,
             MiriamChartFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (report)
    {
      gtk_file_filter_set_name (filter, _("PDF documents (.pdf)"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else if (format == MIRIAM_CHART_FORMAT_SVG)
    {
      gtk_file_filter_set_name (filter, _("SVG drawings (.svg)"));
      gtk_file_filter_add_pattern (filter, "*.svg");
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images (.png)"));
      gtk_file_filter_add_pattern (filter, "*.png");
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  return filter;
}

static void
export_clicked_cb (MiriamReportExport *self)
{
  GtkFileChooserNative *chooser;
  gboolean report = !gtk_check_button_get_active (self->chart_radio);
  g_autoptr(GtkFileFilter) filter = file_filter (report, chosen_format (self));
  g_autofree char *name = suggested_name (self, report, chosen_kind (self), chosen_format (self));

  chooser = gtk_file_chooser_native_new (report ? _("Save the Progress Report") : _("Save the Chart"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_kind (MiriamReportExport *self,
          GtkStringList      *labels,
          MiriamChartKind     kind)
{
  g_array_append_val (self->kinds, kind);
  gtk_string_list_append (labels, chart_label (kind));
}

/* The charts of this report; hers only when a woman is chosen. */
static void
fill_charts (MiriamReportExport *self,
             MiriamChartKind     chart)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *what = NULL;

  if (self->data->group != NULL)
    {
      gboolean has_her = self->participant < self->data->group->participants->len;

      if (has_her)
        {
          add_kind (self, labels, MIRIAM_CHART_RADAR);
          add_kind (self, labels, MIRIAM_CHART_CHANGE_BARS);
        }
      add_kind (self, labels, MIRIAM_CHART_GROUP_DOMAINS);
      add_kind (self, labels, MIRIAM_CHART_GROUP_HEADLINE);
      add_kind (self, labels, MIRIAM_CHART_ATTENDANCE);
      if (!has_her)
        self->participant = 0;
      /* Translators: the group a progress report is about, e.g. "Group: Groep Noord (2025-2026)" */
      what = g_strdup_printf (_("Group: %s (%s)"), self->data->group->group_name,
                              self->data->group->cohort_label);
    }
  else
    {
      add_kind (self, labels, MIRIAM_CHART_COHORTS);
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cohorts side by side, with %u group page",
                                           "Cohorts side by side, with %u group pages",
                                           self->data->groups->len),
                              self->data->groups->len);
    }
  gtk_label_set_text (self->what_label, what);
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (labels));
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, MiriamChartKind, i) == chart)
      gtk_drop_down_set_selected (self->chart_dropdown, i);
}

MiriamReportExport *
miriam_report_export_new (GtkWindow                 *parent,
                          const MiriamReportData    *data,
                          guint                      participant,
                          MiriamChartKind            chart,
                          const MiriamReportOptions *options)
{
  MiriamReportExport *self;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_REPORT_EXPORT, "transient-for", parent, NULL);
  self->data = miriam_report_data_copy (data);
  self->options = *options;
  self->participant = participant;
  gtk_drop_down_set_selected (self->orientation_dropdown, options->landscape ? 1 : 0);
  gtk_drop_down_set_selected (self->names_dropdown, (guint) options->pseudonym);
  fill_charts (self, chart);
  return self;
}

MiriamPseudonym
miriam_report_export_get_pseudonym (MiriamReportExport *self)
{
  g_return_val_if_fail (MIRIAM_IS_REPORT_EXPORT (self), MIRIAM_PSEUDONYM_NONE);

  switch (gtk_drop_down_get_selected (self->names_dropdown))
    {
    case 1:
      return MIRIAM_PSEUDONYM_INITIALS;
    case 2:
      return MIRIAM_PSEUDONYM_NUMBER;
    default:
      return MIRIAM_PSEUDONYM_NONE;
    }
}

static void
miriam_report_export_dispose (GObject *object)
{
  MiriamReportExport *self = MIRIAM_REPORT_EXPORT (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_REPORT_EXPORT);
  G_OBJECT_CLASS (miriam_report_export_parent_class)->dispose (object);
}

static void
miriam_report_export_finalize (GObject *object)
{
  MiriamReportExport *self = MIRIAM_REPORT_EXPORT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, miriam_report_data_free);
  g_clear_pointer (&self->kinds, g_array_unref);
  G_OBJECT_CLASS (miriam_report_export_parent_class)->finalize (object);
}

static void
miriam_report_export_class_init (MiriamReportExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_report_export_dispose;
  object_class->finalize = miriam_report_export_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-report-export.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, what_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, report_radio);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, chart_radio);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, orientation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, names_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, status_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamReportExport, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, what_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_report_export_init (MiriamReportExport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->kinds = g_array_new (FALSE, FALSE, sizeof (MiriamChartKind));
  miriam_gui_name_drop_down (self->orientation_dropdown, _("Page orientation"));
  miriam_gui_name_drop_down (self->chart_dropdown, _("Chart to export"));
  miriam_gui_name_drop_down (self->format_dropdown, _("Format"));
  miriam_gui_name_drop_down (self->names_dropdown, _("Names"));
  /* These two are named by their visible labels already: said once. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->format_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->names_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
}
