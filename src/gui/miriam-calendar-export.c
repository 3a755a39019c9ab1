/* miriam-calendar-export.c: sessions to an .ics file, for Outlook and Thunderbird
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writing itself needs no window, so the command line (--export-ics)
 * and the dialog share miriam_calendar_export_write().
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-ical.h"
#include "core/miriam-search.h"
#include "miriam-calendar-export.h"
#include "miriam-gui-utils.h"

/* ---------------------------------------------------------------------- */
/* Writing                                                                  */

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = miriam_search_fold (a);
  g_autofree char *fb = miriam_search_fold (b);

  return g_strcmp0 (g_strstrip (fa), g_strstrip (fb)) == 0;
}

static gboolean
has_staff (const MiriamCalendarEntry *entry,
           const char                *name)
{
  for (guint i = 0; entry->staff != NULL && entry->staff[i] != NULL; i++)
    if (same_name (entry->staff[i], name))
      return TRUE;
  return FALSE;
}

/* The cohort named @label, or NULL (then @error says so). */
static MiriamCohort *
find_cohort (MiriamStore  *store,
             const char   *label,
             GError      **error)
{
  g_autoptr(GPtrArray) cohorts = miriam_store_list (store, MIRIAM_RECORD_COHORT, NULL, 0, error);

  if (cohorts == NULL)
    return NULL;
  for (guint i = 0; i < cohorts->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (cohorts, i);

      if (same_name (cohort->label, label))
        return miriam_record_copy (MIRIAM_RECORD_COHORT, cohort);
    }
  g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
               _("There is no cohort “%s” in this database."), label);
  return NULL;
}

static gboolean
staff_exists (MiriamStore  *store,
              const char   *name,
              GError      **error)
{
  g_autoptr(GPtrArray) staff = miriam_store_list (store, MIRIAM_RECORD_STAFF, NULL, 0, error);

  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    if (same_name (((MiriamStaff *) g_ptr_array_index (staff, i))->display_name, name))
      return TRUE;
  g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
               _("There is no colleague “%s” in this database."), name);
  return FALSE;
}

/* The ids of the groups called @name (in @cohort_id, when not 0). */
static GArray *
find_groups (MiriamStore  *store,
             const char   *name,
             gint64        cohort_id,
             GError      **error)
{
  g_autoptr(GPtrArray) groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (groups == NULL)
    return NULL;
  for (guint i = 0; i < groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (groups, i);

      if (same_name (group->name, name) && (cohort_id == 0 || group->cohort_id == cohort_id))
        g_array_append_val (ids, group->row.id);
    }
  if (ids->len == 0)
    {
      g_set_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                   _("There is no group “%s” in this database."), name);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
in_groups (GArray *ids,
           gint64  group_id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == group_id)
      return TRUE;
  return FALSE;
}

static gboolean
entry_in_scope (const MiriamCalendarEntry       *entry,
                const MiriamCalendarExportScope *scope,
                GArray                          *group_ids,
                gint64                           cohort_id)
{
  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT && !scope->appointments)
    return FALSE;
  if (scope->group_id != 0 && entry->group_id != scope->group_id)
    return FALSE;
  if (group_ids != NULL && !in_groups (group_ids, entry->group_id))
    return FALSE;
  if (scope->staff_name != NULL && scope->staff_name[0] != '\0'
      && !has_staff (entry, scope->staff_name))
    return FALSE;
  /* Appointments belong to the cohort's period, sessions to its groups. */
  if (cohort_id != 0 && entry->kind == MIRIAM_ENTRY_SESSION && entry->cohort_id != cohort_id)
    return FALSE;
  return TRUE;
}

static char *
calendar_name (const MiriamCalendarExportScope *scope,
               GPtrArray                       *entries,
               const char                      *cohort_label)
{
  g_autofree char *who = NULL;

  if ((scope->group_id != 0 || (scope->group_name != NULL && scope->group_name[0] != '\0'))
      && entries->len > 0)
    who = g_strdup (((MiriamCalendarEntry *) g_ptr_array_index (entries, 0))->group_name);
  else if (scope->staff_name != NULL && scope->staff_name[0] != '\0')
    who = g_strdup (scope->staff_name);
  else
    who = g_strdup (_("Team"));

  if (cohort_label != NULL)
    return g_strdup_printf ("MIRIAM — %s — %s", who, cohort_label);
  return g_strdup_printf ("MIRIAM — %s", who);
}

gboolean
miriam_calendar_export_write (MiriamStore                     *store,
                              const MiriamCalendarExportScope *scope,
                              GFile                           *file,
                              guint                           *n_events,
                              GError                         **error)
{
  g_autofree char *cohort_label = NULL;
  g_autoptr(GArray) group_ids = NULL;
  gint64 cohort_id = 0;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *database_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GDate from, to;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), FALSE);

  if (n_events != NULL)
    *n_events = 0;

  /* Without a cohort: everything the database could hold. */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1990);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2100);
  if (scope->cohort_label != NULL && scope->cohort_label[0] != '\0')
    {
      MiriamCohort *cohort = find_cohort (store, scope->cohort_label, error);

      if (cohort == NULL)
        return FALSE;
      from = cohort->start_date;
      to = cohort->end_date;
      cohort_id = cohort->row.id;
      cohort_label = g_strdup (cohort->label);
      miriam_record_free (MIRIAM_RECORD_COHORT, cohort);
    }
  if (scope->staff_name != NULL && scope->staff_name[0] != '\0'
      && !staff_exists (store, scope->staff_name, error))
    return FALSE;
  if (scope->group_name != NULL && scope->group_name[0] != '\0'
      && (group_ids = find_groups (store, scope->group_name, cohort_id, error)) == NULL)
    return FALSE;

  database_id = miriam_store_get_database_id (store, error);
  if (database_id == NULL)
    return FALSE;
  all = miriam_store_list_calendar (store, &from, &to, error);
  if (all == NULL)
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    if (entry_in_scope (g_ptr_array_index (all, i), scope, group_ids, cohort_id))
      g_ptr_array_add (chosen, g_ptr_array_index (all, i));

  name = calendar_name (scope, chosen, cohort_label);
  text = miriam_ical_build (chosen, database_id, name, now);

  /* Replaced in one step: an import never reads half a file. */
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    return FALSE;

  if (n_events != NULL)
    *n_events = chosen->len;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The dialog                                                               */

struct _MiriamCalendarExport
{
  GtkWindow       parent_instance;

  GtkCheckButton *team_radio;
  GtkCheckButton *group_radio;
  GtkCheckButton *staff_radio;
  GtkDropDown    *group_dropdown;
  GtkDropDown    *staff_dropdown;
  GtkDropDown    *cohort_dropdown;
  GtkCheckButton *appointments_check;
  GtkLabel       *status_label;
  GtkWidget      *export_button;

  MiriamStore    *store;
  GCancellable   *cancellable;
  GPtrArray      *groups;         /* MiriamGroup*, in dropdown order */
  GPtrArray      *staff;          /* MiriamStaff*, in dropdown order */
  GPtrArray      *cohorts;        /* MiriamCohort*, in dropdown order after "All cohorts" */
};

G_DEFINE_FINAL_TYPE (MiriamCalendarExport, miriam_calendar_export, GTK_TYPE_WINDOW)

typedef struct {
  GPtrArray *groups;
  GPtrArray *staff;
  GPtrArray *cohorts;
} Lists;

static void
lists_free (gpointer data)
{
  Lists *lists = data;

  g_clear_pointer (&lists->groups, g_ptr_array_unref);
  g_clear_pointer (&lists->staff, g_ptr_array_unref);
  g_clear_pointer (&lists->cohorts, g_ptr_array_unref);
  g_free (lists);
}

/* Three short reads, off the main loop: the share may be slow. */
static void
load_lists_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data G_GNUC_UNUSED,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  MiriamStore *store = source;
  Lists *lists = g_new0 (Lists, 1);
  GError *error = NULL;

  if ((lists->groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, &error)) == NULL
      || (lists->staff = miriam_store_list (store, MIRIAM_RECORD_STAFF, NULL, 0, &error)) == NULL
      || (lists->cohorts = miriam_store_list (store, MIRIAM_RECORD_COHORT, NULL, 0, &error)) == NULL)
    {
      lists_free (lists);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, lists, lists_free);
}

static const char *
cohort_label_of (MiriamCalendarExport *self,
                 gint64                cohort_id)
{
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (self->cohorts, i);

      if (cohort->row.id == cohort_id)
        return cohort->label;
    }
  return "";
}

static int
compare_cohorts_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const MiriamCohort *ca = *(MiriamCohort * const *) a, *cb = *(MiriamCohort * const *) b;

  return -g_date_compare (&ca->start_date, &cb->start_date);
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const MiriamStaff *sa = *(MiriamStaff * const *) a, *sb = *(MiriamStaff * const *) b;

  return g_utf8_collate (sa->display_name, sb->display_name);
}

static void
fill_dropdowns (MiriamCalendarExport *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cohorts = gtk_string_list_new (NULL);
  guint current = 0;
  GDate today;

  miriam_date_today (&today);
  g_ptr_array_sort (self->cohorts, compare_cohorts_newest_first);
  g_ptr_array_sort (self->staff, compare_staff);

  gtk_string_list_append (cohorts, _("All cohorts"));
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (self->cohorts, i);

      gtk_string_list_append (cohorts, cohort->label);
      /* The cohort running today is what a team exports most. */
      if (current == 0 && g_date_valid (&cohort->start_date) && g_date_valid (&cohort->end_date)
          && g_date_compare (&cohort->start_date, &today) <= 0
          && g_date_compare (&today, &cohort->end_date) <= 0)
        current = i + 1;
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", group->name,
                                                cohort_label_of (self, group->cohort_id));
      gtk_string_list_append (groups, label);
    }
  for (guint i = 0; i < self->staff->len; i++)
    gtk_string_list_append (staff, ((MiriamStaff *) g_ptr_array_index (self->staff, i))->display_name);

  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (cohorts));
  gtk_drop_down_set_selected (self->cohort_dropdown, current);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (staff));
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_radio), self->groups->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->staff_radio), self->staff->len > 0);
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
lists_loaded_cb (GObject      *object G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MiriamCalendarExport *self = user_data;
  g_autoptr(GError) error = NULL;
  Lists *lists = g_task_propagate_pointer (G_TASK (result), &error);

  if (lists == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, error->message);
      return;
    }

  self->groups = g_steal_pointer (&lists->groups);
  self->staff = g_steal_pointer (&lists->staff);
  self->cohorts = g_steal_pointer (&lists->cohorts);
  lists_free (lists);
  fill_dropdowns (self);
}

static void
scope_toggled_cb (MiriamCalendarExport *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown),
                            gtk_check_button_get_active (self->group_radio));
  gtk_widget_set_sensitive (GTK_WIDGET (self->staff_dropdown),
                            gtk_check_button_get_active (self->staff_radio));
}

typedef struct {
  MiriamCalendarExportScope scope;
  char   *staff_name;
  char   *cohort_label;
  GFile  *file;
  guint   n_events;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->staff_name);
  g_free (job->cohort_label);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (miriam_calendar_export_write (source, &job->scope, job->file, &job->n_events, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamCalendarExport *self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The calendar could not be exported: %s"), error->message);
    }
  else
    {
      name = g_file_get_basename (job->file);
      text = g_strdup_printf (ngettext ("Exported %u event to “%s”.",
                                        "Exported %u events to “%s”.", job->n_events),
                              job->n_events, name);
    }
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
start_export (MiriamCalendarExport *self,
              GFile                *file)
{
  g_autoptr(GTask) task = g_task_new (self->store, self->cancellable, exported_cb, self);
  ExportJob *job = g_new0 (ExportJob, 1);
  guint cohort = gtk_drop_down_get_selected (self->cohort_dropdown);

  if (gtk_check_button_get_active (self->group_radio))
    {
      guint i = gtk_drop_down_get_selected (self->group_dropdown);

      if (i < self->groups->len)
        job->scope.group_id = ((MiriamGroup *) g_ptr_array_index (self->groups, i))->row.id;
    }
  else if (gtk_check_button_get_active (self->staff_radio))
    {
      guint i = gtk_drop_down_get_selected (self->staff_dropdown);

      if (i < self->staff->len)
        job->staff_name = g_strdup (((MiriamStaff *) g_ptr_array_index (self->staff, i))->display_name);
    }
  if (cohort != GTK_INVALID_LIST_POSITION && cohort > 0 && cohort <= self->cohorts->len)
    job->cohort_label = g_strdup (((MiriamCohort *) g_ptr_array_index (self->cohorts, cohort - 1))->label);

  job->scope.staff_name = job->staff_name;
  job->scope.cohort_label = job->cohort_label;
  job->scope.appointments = gtk_check_button_get_active (self->appointments_check);
  job->file = g_object_ref (file);

  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_label_set_text (self->status_label, _("Exporting…"));
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     MiriamCalendarExport *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        start_export (self, file);
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (MiriamCalendarExport *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export to a Calendar File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar files (.ics)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported calendar. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("miriam-calendar.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

MiriamCalendarExport *
miriam_calendar_export_new (GtkWindow   *parent,
                            MiriamStore *store)
{
  MiriamCalendarExport *self = g_object_new (MIRIAM_TYPE_CALENDAR_EXPORT,
                                             "transient-for", parent, NULL);
  g_autoptr(GTask) task = NULL;

  self->store = g_object_ref (store);
  task = g_task_new (store, self->cancellable, lists_loaded_cb, self);
  g_task_run_in_thread (task, load_lists_thread);
  return self;
}

static void
miriam_calendar_export_dispose (GObject *object)
{
  MiriamCalendarExport *self = MIRIAM_CALENDAR_EXPORT (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_CALENDAR_EXPORT);
  G_OBJECT_CLASS (miriam_calendar_export_parent_class)->dispose (object);
}

static void
miriam_calendar_export_finalize (GObject *object)
{
  MiriamCalendarExport *self = MIRIAM_CALENDAR_EXPORT (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  G_OBJECT_CLASS (miriam_calendar_export_parent_class)->finalize (object);
}

static void
miriam_calendar_export_class_init (MiriamCalendarExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_calendar_export_dispose;
  object_class->finalize = miriam_calendar_export_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-calendar-export.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, team_radio);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, group_radio);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, staff_radio);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, cohort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, appointments_check);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, status_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarExport, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_calendar_export_init (MiriamCalendarExport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  miriam_gui_name_drop_down (self->group_dropdown, _("Group to export"));
  miriam_gui_name_drop_down (self->staff_dropdown, _("Casemanager to export"));
  miriam_gui_name_drop_down (self->cohort_dropdown, _("Cohort"));
}
