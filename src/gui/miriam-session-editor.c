/* miriam-session-editor.c: one group session, its changes and its attendance
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details, a cancellation and the attendance marks are saved together
 * in one transaction, so the calendar never shows half of what the user
 * did.  As in the participant editor, nothing the user typed or marked is
 * ever reset because a check or a save failed.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "core/miriam-schedule.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"

#include "miriam-gui-utils.h"
#include "miriam-session-editor.h"

/* What one load (or the reload after a save) brings from the store. */
typedef struct {
  MiriamSession *session;
  MiriamGroup   *group;
  char          *community;     /* whose school holidays apply */
  GPtrArray     *closed;        /* MiriamOcmwClosedDay */
  GArray        *closed_days;   /* MiriamClosedDay, labels borrowed from @closed */
  GPtrArray     *rows;          /* MiriamAttendanceRow */
} Loaded;

/* One woman's line in the attendance list. */
typedef struct {
  gint64            participant_id;
  char             *name;
  MiriamAttendance  loaded;     /* as read: only the marks that changed are saved */
  MiriamAttendance  mark;
  GtkToggleButton  *buttons[3]; /* present, absent, excused */
} MarkRow;

static const MiriamAttendance button_marks[3] = {
  MIRIAM_ATTENDANCE_PRESENT, MIRIAM_ATTENDANCE_ABSENT, MIRIAM_ATTENDANCE_EXCUSED,
};

struct _MiriamSessionEditor
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkRevealer     *message_revealer;
  GtkLabel        *message_label;
  GtkLabel        *conflict_label;
  GtkWidget       *conflict_buttons;
  GtkRevealer     *cancelled_revealer;
  GtkLabel        *cancelled_label;
  GtkWidget       *restore_button;
  GtkWidget       *save_button;
  GtkWidget       *content;
  GtkDrawingArea  *swatch;
  GtkLabel        *group_label;
  GtkLabel        *when_label;
  GtkLabel        *moved_label;
  GtkWidget       *details_grid;
  GtkEntry        *date_entry;
  GtkWidget       *date_message_box;
  GtkImage        *date_message_icon;
  GtkLabel        *date_message;
  GtkEntry        *start_entry;
  GtkEntry        *end_entry;
  GtkLabel        *time_error;
  GtkEntry        *location_entry;
  GtkDropDown     *theme_dropdown;
  GtkEntry        *partner_entry;
  GtkTextView     *notes_view;
  GtkWidget       *cancel_area;
  GtkWidget       *cancel_session_button;
  GtkRevealer     *cancel_revealer;
  GtkEntry        *reason_entry;
  GtkLabel        *reason_error;
  GtkWidget       *attendance_area;
  GtkLabel        *count_label;
  GtkWidget       *everyone_button;
  GtkLabel        *attendance_note;
  GtkListBox      *attendance_list;

  MiriamStore     *store;
  GCancellable    *cancellable;
  Loaded          *loaded;        /* as read; its version guards the save */
  Loaded          *theirs;        /* a colleague's newer version, after a conflict */
  GPtrArray       *mark_rows;     /* MarkRow */
  gboolean         cancelled;     /* the form's state, saved with the rest */
  char            *cancel_reason;
  GDate            today;
  gboolean         read_only;
  gboolean         filling;
  gboolean         syncing;
  gboolean         dirty;
  gboolean         saving;
  gboolean         close_after_save;
};

G_DEFINE_FINAL_TYPE (MiriamSessionEditor, miriam_session_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_attendance_state (MiriamSessionEditor *self);

/* ---------------------------------------------------------------------- */
/* Loaded data                                                              */

static void
loaded_free (Loaded *loaded)
{
  if (loaded == NULL)
    return;
  g_clear_pointer (&loaded->session, miriam_record_free_func (MIRIAM_RECORD_SESSION));
  g_clear_pointer (&loaded->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_free (loaded->community);
  g_clear_pointer (&loaded->closed_days, g_array_unref);
  g_clear_pointer (&loaded->closed, g_ptr_array_unref);
  g_clear_pointer (&loaded->rows, g_ptr_array_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static MiriamSession *
new_session_for (const MiriamGroup *group,
                 const GDate       *day)
{
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);

  session->group_id = group->row.id;
  if (day != NULL && g_date_valid (day))
    session->day = *day;
  session->start_minute = group->start_minute;
  session->end_minute = group->end_minute;
  g_free (session->location);
  session->location = g_strdup (group->location != NULL ? group->location : "");
  return session;
}

/* Runs on a worker thread: every call here blocks. */
static Loaded *
load_blocking (MiriamStore  *store,
               gint64        session_id,
               gint64        group_id,
               const GDate  *day,
               GError      **error)
{
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  if (session_id != 0)
    {
      loaded->session = miriam_store_load (store, MIRIAM_RECORD_SESSION, session_id, error);
      if (loaded->session == NULL)
        return NULL;
      group_id = loaded->session->group_id;
    }

  loaded->group = miriam_store_load (store, MIRIAM_RECORD_GROUP, group_id, error);
  if (loaded->group == NULL)
    return NULL;
  if (loaded->session == NULL)
    loaded->session = new_session_for (loaded->group, day);

  /* A group without its own Community follows its OCMW's. */
  loaded->community = g_strdup (loaded->group->community);
  if (loaded->community == NULL || loaded->community[0] == '\0')
    {
      MiriamOcmw *ocmw = miriam_store_load (store, MIRIAM_RECORD_OCMW, loaded->group->ocmw_id, NULL);

      g_free (loaded->community);
      loaded->community = g_strdup (ocmw != NULL && ocmw->community != NULL ? ocmw->community : "");
      if (ocmw != NULL)
        miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
    }

  loaded->closed = miriam_store_list (store, MIRIAM_RECORD_CLOSED_DAY, "ocmw_id",
                                      loaded->group->ocmw_id, error);
  if (loaded->closed == NULL)
    return NULL;
  loaded->closed_days = g_array_new (FALSE, TRUE, sizeof (MiriamClosedDay));
  for (guint i = 0; i < loaded->closed->len; i++)
    {
      const MiriamOcmwClosedDay *record = loaded->closed->pdata[i];
      MiriamClosedDay day_off = { record->day, record->label };

      g_array_append_val (loaded->closed_days, day_off);
    }

  if (session_id != 0)
    loaded->rows = miriam_store_list_session_attendance (store, session_id, error);
  else
    loaded->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_attendance_row_free);
  if (loaded->rows == NULL)
    return NULL;

  return g_steal_pointer (&loaded);
}

/* ---------------------------------------------------------------------- */
/* Blocking store calls on a thread                                         */

/* The store offers some calls only as blocking ones: they run here, off
 * the main loop, and their result comes back to @callback. */
typedef gpointer (*BlockingFunc) (MiriamStore  *store,
                                  gpointer      data,
                                  GError      **error);

typedef struct {
  BlockingFunc    func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable G_GNUC_UNUSED)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = job->func (MIRIAM_STORE (source_object), job->data, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, job->result_free);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO, "%s",
                             _("The database could not be read."));
}

static void
run_blocking (MiriamSessionEditor *self,
              BlockingFunc         func,
              gpointer             data,
              GDestroyNotify       data_free,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self->store, self->cancellable, callback, self);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = (GDestroyNotify) loaded_free;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

typedef struct {
  gint64  session_id;
  gint64  group_id;
  GDate   day;
} LoadRequest;

static gpointer
load_job (MiriamStore  *store,
          gpointer      data,
          GError      **error)
{
  LoadRequest *request = data;

  return load_blocking (store, request->session_id, request->group_id, &request->day, error);
}

typedef struct {
  MiriamSession *session;
  GArray        *participant_ids;  /* gint64 */
  GArray        *marks;            /* MiriamAttendance */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  miriam_record_free (MIRIAM_RECORD_SESSION, request->session);
  g_array_unref (request->participant_ids);
  g_array_unref (request->marks);
  g_free (request);
}

/* One transaction for the session and its marks, then the session as it
 * is now in the file (the store sets the version and original_day). */
static gpointer
save_job (MiriamStore  *store,
          gpointer      data,
          GError      **error)
{
  SaveRequest *request = data;

  if (!miriam_store_save_session (store, request->session, request->marks->len,
                                  (const gint64 *) (gpointer) request->participant_ids->data,
                                  (const MiriamAttendance *) (gpointer) request->marks->data, error))
    return NULL;

  return load_blocking (store, request->session->row.id, 0, NULL, error);
}

static void
load (MiriamSessionEditor *self,
      gint64               session_id,
      gint64               group_id,
      const GDate         *day,
      GAsyncReadyCallback  callback)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->session_id = session_id;
  request->group_id = group_id;
  if (day != NULL)
    request->day = *day;
  run_blocking (self, load_job, request, g_free, callback);
}

static Loaded *
load_finish (GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
entry_stripped (GtkEntry *entry)
{
  return g_strstrip (g_strdup (entry_text (entry)));
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

static void
show_field_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
show_message (MiriamSessionEditor *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), FALSE);
      gtk_widget_set_visible (self->conflict_buttons, FALSE);
    }
}

/* Times as people type them ("9:30", "9u30", "9h30"): core/miriam-time. */
static char *
format_time (gint64 minute)
{
  return miriam_time_format (minute >= 0 && minute < 24 * 60 ? (int) minute : -1);
}

static gboolean
parse_time (const char *text,
            gint64     *minute)
{
  int value;

  if (!miriam_time_parse (text, &value))
    return FALSE;
  *minute = value;
  return TRUE;
}

static char *
date_example (void)
{
  GDate example;

  g_date_clear (&example, 1);
  g_date_set_dmy (&example, 24, G_DATE_NOVEMBER, 2026);
  return miriam_format_date (&example);
}

/* Planning dates: "15/01/27" is next year, not 1927. */
static gboolean
parse_date (MiriamSessionEditor  *self,
            const char           *text,
            GDate                *date,
            GError              **error)
{
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (!miriam_date_parse_event (text, &self->today, &parsed, error))
    return FALSE;
  if (!g_date_valid (&parsed))
    {
      g_autofree char *example = date_example ();

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Type the day of the session, for example %s."), example);
      return FALSE;
    }
  *date = parsed;
  return TRUE;
}

/* "Tuesday 24 November 2026, 09:30–11:30" in the chosen language. */
static char *
describe_when (const GDate *day,
               gint64       start_minute,
               gint64       end_minute)
{
  g_autofree char *date = miriam_format_date_long (day);
  g_autofree char *start = format_time (start_minute);
  g_autofree char *end = format_time (end_minute);

  /* Translators: a session's day in words, its start and its end time */
  return g_strdup_printf (_("%s, %s–%s"), date, start, end);
}

/* A drop-down over "No theme" and the themes; position 0 is the empty code. */
static void
fill_theme_dropdown (MiriamSessionEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_SESSION_THEME, &n);
  gtk_string_list_append (list, _("No theme"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, terms[i].code));
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (list));
  miriam_gui_name_drop_down (self->theme_dropdown, _("Theme"));
}

static void
select_theme (MiriamSessionEditor *self,
              const char          *code)
{
  const MiriamTerm *terms;
  guint n, position = 0;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_SESSION_THEME, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->theme_dropdown, position);
}

/* A theme this version does not know (a newer MIRIAM wrote it) is kept. */
static const char *
selected_theme (MiriamSessionEditor *self)
{
  const MiriamTerm *terms;
  guint n, position;

  terms = miriam_vocabulary_terms (MIRIAM_VOCABULARY_SESSION_THEME, &n);
  position = gtk_drop_down_get_selected (self->theme_dropdown);
  if (position >= 1 && position <= n)
    return terms[position - 1].code;
  if (position == 0 && self->loaded != NULL)
    {
      const char *kept = self->loaded->session->theme;

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (terms[i].code, kept) == 0)
          return "";
      return kept != NULL ? kept : "";
    }
  return "";
}

static void
mark_dirty (MiriamSessionEditor *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

/* ---------------------------------------------------------------------- */
/* Header and date checks                                                   */

static void
draw_swatch (GtkDrawingArea *area G_GNUC_UNUSED,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  MiriamSessionEditor *self = user_data;
  GdkRGBA colour;

  if (self->loaded == NULL || !gdk_rgba_parse (&colour, self->loaded->group->colour))
    return;
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* The day and times in the form if they read well, else the loaded ones. */
static void
form_day_and_times (MiriamSessionEditor *self,
                    GDate               *day,
                    gint64              *start,
                    gint64              *end)
{
  const MiriamSession *session = self->loaded->session;

  if (!parse_date (self, entry_text (self->date_entry), day, NULL))
    *day = session->day;
  if (!parse_time (entry_text (self->start_entry), start))
    *start = session->start_minute;
  if (!parse_time (entry_text (self->end_entry), end))
    *end = session->end_minute;
}

static void
update_header (MiriamSessionEditor *self)
{
  const MiriamGroup *group = self->loaded->group;
  const MiriamSession *session = self->loaded->session;
  g_autofree char *when = NULL;
  GDate day;
  gint64 start, end;
  GdkRGBA colour;

  gtk_label_set_text (self->group_label, group->name);
  gtk_widget_set_visible (GTK_WIDGET (self->swatch), gdk_rgba_parse (&colour, group->colour));
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));

  form_day_and_times (self, &day, &start, &end);
  if (g_date_valid (&day))
    {
      when = describe_when (&day, start, end);
      gtk_label_set_text (self->when_label, when);
    }
  else
    gtk_label_set_text (self->when_label, _("New session"));

  if (g_date_valid (&session->original_day) && g_date_valid (&session->day)
      && g_date_compare (&session->original_day, &session->day) != 0)
    {
      g_autofree char *original = miriam_format_date_long (&session->original_day);
      g_autofree char *moved = g_strdup_printf (_("Moved from %s"), original);

      gtk_label_set_text (self->moved_label, moved);
      gtk_widget_set_visible (GTK_WIDGET (self->moved_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->moved_label), FALSE);
}

static void
show_date_message (MiriamSessionEditor *self,
                   const char          *message,
                   gboolean             is_error)
{
  gtk_label_set_text (self->date_message, message != NULL ? message : "");
  gtk_widget_set_visible (self->date_message_box, message != NULL);
  gtk_image_set_from_icon_name (self->date_message_icon,
                                is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_message), "error");
}

/* A holiday or closed day is worth a warning, never a refusal: the team
 * may well have planned an outing on it. */
static void
check_day (MiriamSessionEditor *self,
           const GDate         *day)
{
  const MiriamGroup *group = self->loaded->group;
  MiriamScheduleRule rule = { 0 };
  MiriamScheduleOutcome outcome = MIRIAM_SCHEDULE_KEPT;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  rule.rhythm = group->rhythm;
  rule.weekday = CLAMP (group->weekday, 1, 7);
  rule.first = group->start_date;
  rule.last = group->end_date;
  rule.community = self->loaded->community;
  rule.closed_days = (const MiriamClosedDay *) (gpointer) self->loaded->closed_days->data;
  rule.n_closed_days = self->loaded->closed_days->len;

  reason = miriam_schedule_day_blocked (&rule, day, &outcome);
  if (reason != NULL)
    /* Translators: %s is why the day is special, e.g. "Easter Monday" or "Christmas holidays" */
    message = g_strdup_printf (_("%s: check that the group can meet on this day."), reason);
  show_date_message (self, message, FALSE);
}

static void
date_changed (MiriamSessionEditor *self)
{
  GDate day;

  mark_dirty (self);
  if (self->loaded == NULL)
    return;
  /* Only a date that reads well is checked while typing; a wrong one is
   * pointed out on saving, not at the first keystroke. */
  if (parse_date (self, entry_text (self->date_entry), &day, NULL))
    check_day (self, &day);
  else if (entry_text (self->date_entry)[0] == '\0')
    show_date_message (self, NULL, FALSE);
  update_header (self);
  update_attendance_state (self);
}

static void
time_changed (MiriamSessionEditor *self)
{
  mark_dirty (self);
  if (self->loaded != NULL)
    update_header (self);
}

/* ---------------------------------------------------------------------- */
/* Cancelling                                                               */

static void
update_cancelled (MiriamSessionEditor *self)
{
  if (self->cancelled)
    {
      /* Translators: shown on a cancelled session; %s is the reason given */
      g_autofree char *text = g_strdup_printf (_("Cancelled: %s"), self->cancel_reason);

      gtk_label_set_text (self->cancelled_label, text);
    }
  gtk_revealer_set_reveal_child (self->cancelled_revealer, self->cancelled);
  /* A session that is not in the file yet is not cancelled: it is closed. */
  gtk_widget_set_visible (self->cancel_area,
                          !self->cancelled && self->loaded != NULL && self->loaded->session->row.id != 0);
  update_attendance_state (self);
}

static void
cancel_session_clicked (MiriamSessionEditor *self)
{
  show_field_error (self->reason_error, NULL);
  gtk_revealer_set_reveal_child (self->cancel_revealer, TRUE);
  gtk_widget_set_sensitive (self->cancel_session_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

static void
keep_session_clicked (MiriamSessionEditor *self)
{
  gtk_revealer_set_reveal_child (self->cancel_revealer, FALSE);
  gtk_widget_set_sensitive (self->cancel_session_button, TRUE);
  gtk_widget_grab_focus (self->cancel_session_button);
}

static void
confirm_cancel_clicked (MiriamSessionEditor *self)
{
  g_autofree char *reason = entry_stripped (self->reason_entry);

  if (reason[0] == '\0')
    {
      show_field_error (self->reason_error,
                        _("Give a reason: the women and your colleagues will want to know why."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }

  replace_text (&self->cancel_reason, reason);
  self->cancelled = TRUE;
  mark_dirty (self);
  gtk_revealer_set_reveal_child (self->cancel_revealer, FALSE);
  gtk_widget_set_sensitive (self->cancel_session_button, TRUE);
  update_cancelled (self);
  gtk_widget_grab_focus (self->restore_button);
}

static void
restore_clicked (MiriamSessionEditor *self)
{
  self->cancelled = FALSE;
  replace_text (&self->cancel_reason, "");
  mark_dirty (self);
  update_cancelled (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

/* ---------------------------------------------------------------------- */
/* Attendance                                                               */

static void
mark_row_free (MarkRow *row)
{
  g_free (row->name);
  g_free (row);
}

static const char *mark_label       (MiriamAttendance  mark);
static char       *mark_button_name (MiriamAttendance  mark,
                                     const char       *name);

/* The chosen mark must stand out at a glance, in the theme's own colours
 * and with a tick for those who do not tell colours apart. */
static void
sync_row (MiriamSessionEditor *self,
          MarkRow             *row)
{
  static const char * const classes[3] = { "suggested-action", "destructive-action", NULL };

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (button_marks); i++)
    {
      GtkWidget *button = GTK_WIDGET (row->buttons[i]);
      gboolean active = row->mark == button_marks[i];
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;

      gtk_toggle_button_set_active (row->buttons[i], active);
      label = active ? g_strdup_printf ("✓ %s", mark_label (button_marks[i]))
                     : g_strdup (mark_label (button_marks[i]));
      gtk_button_set_label (GTK_BUTTON (button), label);
      /* Setting the label renames the button: name it for her again. */
      accessible = mark_button_name (button_marks[i], row->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      if (classes[i] != NULL && active)
        gtk_widget_add_css_class (button, classes[i]);
      else if (classes[i] != NULL)
        gtk_widget_remove_css_class (button, classes[i]);
    }
  self->syncing = FALSE;
}

static void
append_count (GString    *text,
              const char *part)
{
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static void
update_count (MiriamSessionEditor *self)
{
  guint counts[4] = { 0 };
  GString *text = g_string_new (NULL);
  g_autofree char *present = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *excused = NULL;

  for (guint i = 0; i < self->mark_rows->len; i++)
    {
      const MarkRow *row = self->mark_rows->pdata[i];

      counts[MIN ((guint) row->mark, 3u)]++;
    }

  present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u present", "%u present",
                                          counts[MIRIAM_ATTENDANCE_PRESENT]),
                             counts[MIRIAM_ATTENDANCE_PRESENT]);
  absent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u absent", "%u absent",
                                         counts[MIRIAM_ATTENDANCE_ABSENT]),
                            counts[MIRIAM_ATTENDANCE_ABSENT]);
  excused = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u excused", "%u excused",
                                          counts[MIRIAM_ATTENDANCE_EXCUSED]),
                             counts[MIRIAM_ATTENDANCE_EXCUSED]);
  append_count (text, present);
  append_count (text, absent);
  append_count (text, excused);
  if (counts[MIRIAM_ATTENDANCE_UNKNOWN] > 0)
    {
      g_autofree char *unmarked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not marked",
                                                                "%u not marked",
                                                                counts[MIRIAM_ATTENDANCE_UNKNOWN]),
                                                   counts[MIRIAM_ATTENDANCE_UNKNOWN]);
      append_count (text, unmarked);
    }

  gtk_label_set_text (self->count_label, self->mark_rows->len > 0 ? text->str : "");
  g_string_free (text, TRUE);
}

/* The three buttons act as one choice, but a click on the chosen one
 * clears it again: a mark made by mistake can be taken back. */
static void
mark_toggled (GtkToggleButton     *button,
              MiriamSessionEditor *self)
{
  MarkRow *row = g_object_get_data (G_OBJECT (button), "mark-row");
  MiriamAttendance mark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mark"));

  if (self->syncing)
    return;

  if (gtk_toggle_button_get_active (button))
    row->mark = mark;
  else if (row->mark == mark)
    row->mark = MIRIAM_ATTENDANCE_UNKNOWN;
  sync_row (self, row);
  update_count (self);
  mark_dirty (self);
}

static const char *
mark_label (MiriamAttendance mark)
{
  switch (mark)
    {
    case MIRIAM_ATTENDANCE_PRESENT:
      return _("Present");
    case MIRIAM_ATTENDANCE_ABSENT:
      return _("Absent");
    case MIRIAM_ATTENDANCE_EXCUSED:
      return _("Excused");
    case MIRIAM_ATTENDANCE_UNKNOWN:
    default:
      return _("Not marked");
    }
}

/* What a screen reader says for each button: the GUI test clicks them by
 * this name too. */
static char *
mark_button_name (MiriamAttendance  mark,
                  const char       *name)
{
  switch (mark)
    {
    case MIRIAM_ATTENDANCE_PRESENT:
      /* Translators: accessible name of an attendance button; %s is her name */
      return g_strdup_printf (_("Present: %s"), name);
    case MIRIAM_ATTENDANCE_ABSENT:
      /* Translators: accessible name of an attendance button; %s is her name */
      return g_strdup_printf (_("Absent: %s"), name);
    case MIRIAM_ATTENDANCE_EXCUSED:
    case MIRIAM_ATTENDANCE_UNKNOWN:
    default:
      /* Translators: accessible name of an attendance button; %s is her name */
      return g_strdup_printf (_("Excused: %s"), name);
    }
}

static GtkWidget *
mark_row_widget (MiriamSessionEditor *self,
                 MarkRow             *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (row->name);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);

  gtk_widget_add_css_class (buttons, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (button_marks); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (mark_label (button_marks[i]));

      g_object_set_data (G_OBJECT (button), "mark-row", row);
      g_object_set_data (G_OBJECT (button), "mark", GINT_TO_POINTER (button_marks[i]));
      g_signal_connect (button, "toggled", G_CALLBACK (mark_toggled), self);
      row->buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  sync_row (self, row);

  return box;
}

/* One line per woman of @rows (MiriamAttendanceRow), with her mark. */
static void
fill_attendance (MiriamSessionEditor *self,
                 GPtrArray           *rows)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list))) != NULL)
    gtk_list_box_remove (self->attendance_list, child);
  g_ptr_array_set_size (self->mark_rows, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const MiriamAttendanceRow *r = rows->pdata[i];
      MarkRow *row = g_new0 (MarkRow, 1);
      GtkWidget *widget;

      row->participant_id = r->participant_id;
      /* Translators: a woman's first and last name */
      row->name = g_strdup_printf (C_("full name", "%s %s"), r->first_name, r->last_name);
      row->loaded = r->mark;
      row->mark = r->mark;
      g_ptr_array_add (self->mark_rows, row);
      widget = mark_row_widget (self, row);
      gtk_list_box_append (self->attendance_list, widget);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (widget)), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_list), rows->len > 0);
  update_count (self);
}

static void
everyone_present_clicked (MiriamSessionEditor *self)
{
  for (guint i = 0; i < self->mark_rows->len; i++)
    {
      MarkRow *row = self->mark_rows->pdata[i];

      if (row->mark != MIRIAM_ATTENDANCE_UNKNOWN)
        continue;
      row->mark = MIRIAM_ATTENDANCE_PRESENT;
      sync_row (self, row);
      self->dirty = TRUE;
    }
  update_count (self);
}

/* Attendance is marked on the day itself or later, for a session that
 * took place and is in the file. */
static gboolean
attendance_open (MiriamSessionEditor *self,
                 const char         **why_not)
{
  GDate day;
  gint64 start, end;

  *why_not = NULL;
  if (self->loaded == NULL)
    return FALSE;
  form_day_and_times (self, &day, &start, &end);
  if (self->loaded->session->row.id == 0)
    *why_not = _("Attendance can be marked once the session is saved.");
  else if (self->cancelled)
    *why_not = _("A cancelled session has no attendance.");
  else if (g_date_valid (&day) && g_date_compare (&day, &self->today) > 0)
    *why_not = _("Attendance can be marked on the day of the session.");
  else if (self->mark_rows->len == 0)
    *why_not = _("Nobody was a member of this group on this day.");
  return *why_not == NULL;
}

static void
update_attendance_state (MiriamSessionEditor *self)
{
  const char *why_not;
  gboolean open = attendance_open (self, &why_not);

  gtk_label_set_text (self->attendance_note, why_not != NULL ? why_not : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_note), why_not != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attendance_list), open && !self->read_only);
  gtk_widget_set_sensitive (self->everyone_button, open && !self->read_only);
  /* Counting the marks of a session still to come says nothing; the
   * label keeps its place so that the button does not jump. */
  gtk_widget_set_child_visible (GTK_WIDGET (self->count_label), open);
}

/* ---------------------------------------------------------------------- */
/* The form                                                                 */

static void
fill_form (MiriamSessionEditor *self,
           const Loaded        *loaded)
{
  const MiriamSession *session = loaded->session;
  g_autofree char *date = miriam_format_date (&session->day);
  g_autofree char *start = format_time (session->start_minute);
  g_autofree char *end = format_time (session->end_minute);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->filling = TRUE;

  set_entry (self->date_entry, date);
  set_entry (self->start_entry, start);
  set_entry (self->end_entry, end);
  set_entry (self->location_entry, session->location);
  select_theme (self, session->theme);
  set_entry (self->partner_entry, session->partner);
  gtk_text_buffer_set_text (buffer, session->notes != NULL ? session->notes : "", -1);
  show_field_error (self->time_error, NULL);
  show_date_message (self, NULL, FALSE);
  if (g_date_valid (&session->day))
    check_day (self, &session->day);

  self->cancelled = session->cancelled;
  replace_text (&self->cancel_reason, session->cancel_reason);
  set_entry (self->reason_entry, "");
  gtk_revealer_set_reveal_child (self->cancel_revealer, FALSE);
  gtk_widget_set_sensitive (self->cancel_session_button, TRUE);

  fill_attendance (self, loaded->rows);
  update_header (self);
  update_cancelled (self);

  self->filling = FALSE;
  self->dirty = FALSE;
}

/* The session as the form has it, or FALSE with the problems shown next
 * to their fields and @first_invalid set to the first one. */
static gboolean
read_form (MiriamSessionEditor  *self,
           MiriamSession       **out,
           GtkWidget           **first_invalid)
{
  MiriamSession *session = miriam_record_copy (MIRIAM_RECORD_SESSION, self->loaded->session);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *location = entry_stripped (self->location_entry);
  g_autofree char *partner = entry_stripped (self->partner_entry);
  g_autofree char *notes = NULL;
  g_autoptr(GError) date_error = NULL;
  GtkTextIter start_iter, end_iter;
  gint64 start = -1, end = -1;
  gboolean start_ok, end_ok;

  *first_invalid = NULL;
#define INVALID(w) G_STMT_START { if (*first_invalid == NULL) *first_invalid = GTK_WIDGET (w); } G_STMT_END

  if (!parse_date (self, entry_text (self->date_entry), &session->day, &date_error))
    {
      show_date_message (self, date_error->message, TRUE);
      INVALID (self->date_entry);
    }

  start_ok = parse_time (entry_text (self->start_entry), &start);
  end_ok = parse_time (entry_text (self->end_entry), &end);
  if (!start_ok || !end_ok)
    {
      show_field_error (self->time_error, _("Type the times in hours and minutes, for example 09:30 and 11:30."));
      INVALID (start_ok ? self->end_entry : self->start_entry);
    }
  else if (end <= start)
    {
      show_field_error (self->time_error, _("The session must end after it starts."));
      INVALID (self->end_entry);
    }
  else
    show_field_error (self->time_error, NULL);
  session->start_minute = start;
  session->end_minute = end;

#undef INVALID

  replace_text (&session->location, location);
  replace_text (&session->theme, selected_theme (self));
  replace_text (&session->partner, partner);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  notes = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  replace_text (&session->notes, notes);
  session->cancelled = self->cancelled;
  replace_text (&session->cancel_reason, self->cancelled ? self->cancel_reason : "");

  if (*first_invalid != NULL)
    {
      miriam_record_free (MIRIAM_RECORD_SESSION, session);
      return FALSE;
    }
  *out = session;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Saving and conflicts                                                     */

static void save (MiriamSessionEditor *self);

static char *
session_field_text (const MiriamSession *session,
                    guint                field)
{
  switch (field)
    {
    case 0:
      return miriam_format_date (&session->day);
    case 1:
      {
        g_autofree char *start = format_time (session->start_minute);
        g_autofree char *end = format_time (session->end_minute);

        return g_strdup_printf ("%s–%s", start, end);
      }
    case 2:
      return g_strdup (session->location);
    case 3:
      return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, session->theme));
    case 4:
      return g_strdup (session->partner);
    case 5:
      return g_strdup (session->notes);
    case 6:
    default:
      return session->cancelled ? g_strdup_printf (_("Cancelled: %s"), session->cancel_reason)
                                : g_strdup (_("Takes place"));
    }
}

/* Where the colleague's version and the form differ, so that the user
 * knows what each choice keeps. */
static char *
describe_differences (MiriamSessionEditor *self,
                      const Loaded        *theirs,
                      const MiriamSession *mine)
{
  const char *labels[] = { N_("Date"), N_("Time"), N_("Location"), N_("Theme"),
                           N_("Partner or guest speaker"), N_("Notes"), N_("Status") };
  GString *text = g_string_new (NULL);
  guint marks = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *a = session_field_text (theirs->session, i);
      g_autofree char *b = session_field_text (mine, i);

      if (g_strcmp0 (a, b) == 0)
        continue;
      /* Translators: field: the colleague's value / your value */
      g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"), _(labels[i]), a, b);
    }

  for (guint i = 0; i < self->mark_rows->len; i++)
    {
      const MarkRow *row = self->mark_rows->pdata[i];

      for (guint j = 0; j < theirs->rows->len; j++)
        {
          const MiriamAttendanceRow *r = theirs->rows->pdata[j];

          if (r->participant_id == row->participant_id && r->mark != row->mark)
            marks++;
        }
    }
  if (marks > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "The attendance of %u woman differs.",
                                               "The attendance of %u women differs.", marks),
                            marks);

  return g_strchomp (g_string_free (text, FALSE));
}

static void
theirs_loaded_cb (GObject      *object G_GNUC_UNUSED,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamSessionEditor *self = user_data;
  g_autoptr(Loaded) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *differences = NULL;
  MiriamSession *mine = NULL;
  GtkWidget *invalid;

  theirs = load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (theirs == NULL)
    {
      show_message (self, error->message);
      return;
    }

  if (read_form (self, &mine, &invalid))
    {
      differences = describe_differences (self, theirs, mine);
      miriam_record_free (MIRIAM_RECORD_SESSION, mine);
    }
  g_clear_pointer (&self->theirs, loaded_free);
  self->theirs = g_steal_pointer (&theirs);

  show_message (self, _("A colleague changed this session in the meantime. Nothing was "
                        "overwritten and your changes are still in the form. Choose which "
                        "version to keep:"));
  gtk_label_set_text (self->conflict_label, differences != NULL ? differences : "");
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), differences != NULL && differences[0] != '\0');
  gtk_widget_set_visible (self->conflict_buttons, TRUE);
}

static void
set_saving (MiriamSessionEditor *self,
            gboolean             saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", !saving && !self->read_only);
}

static void
saved_cb (GObject      *object G_GNUC_UNUSED,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamSessionEditor *self = user_data;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);

  if (loaded == NULL)
    {
      self->close_after_save = FALSE;
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
        load (self, self->loaded->session->row.id, 0, NULL, theirs_loaded_cb);
      else
        show_message (self, error->message);
      return;
    }

  g_clear_pointer (&self->loaded, loaded_free);
  g_clear_pointer (&self->theirs, loaded_free);
  self->loaded = g_steal_pointer (&loaded);
  fill_form (self, self->loaded);
  show_message (self, NULL);

  g_signal_emit (self, signals[SAVED], 0);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (MiriamSessionEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (MiriamAttendance));
  MiriamSession *session = NULL;
  SaveRequest *request;
  GtkWidget *invalid = NULL;
  const char *why_not;

  if (self->saving || self->loaded == NULL || self->read_only)
    return;

  if (!read_form (self, &session, &invalid))
    {
      gtk_widget_grab_focus (invalid);
      if (!gtk_revealer_get_reveal_child (self->message_revealer))
        show_message (self, _("Some fields need your attention before this session can be saved."));
      self->close_after_save = FALSE;
      return;
    }

  /* Only what the user changed: a colleague's marks for the others stay. */
  if (attendance_open (self, &why_not))
    for (guint i = 0; i < self->mark_rows->len; i++)
      {
        const MarkRow *row = self->mark_rows->pdata[i];

        if (row->mark == row->loaded)
          continue;
        g_array_append_val (ids, row->participant_id);
        g_array_append_val (marks, row->mark);
      }

  request = g_new0 (SaveRequest, 1);
  request->session = session;
  request->participant_ids = g_steal_pointer (&ids);
  request->marks = g_steal_pointer (&marks);

  show_message (self, NULL);
  set_saving (self, TRUE);
  run_blocking (self, save_job, request, (GDestroyNotify) save_request_free, saved_cb);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  save (MIRIAM_SESSION_EDITOR (widget));
}

/* The user saw both versions and keeps hers: save the form again on top
 * of the colleague's version, knowingly.  The marks she did not touch
 * keep the colleague's value. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  MiriamSessionEditor *self = MIRIAM_SESSION_EDITOR (widget);

  if (self->theirs == NULL)
    return;

  self->loaded->session->row.version = self->theirs->session->row.version;
  g_clear_pointer (&self->theirs, loaded_free);
  show_message (self, NULL);
  save (self);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamSessionEditor *self = MIRIAM_SESSION_EDITOR (widget);

  if (self->theirs == NULL)
    return;

  g_clear_pointer (&self->loaded, loaded_free);
  self->loaded = g_steal_pointer (&self->theirs);
  fill_form (self, self->loaded);
  show_message (self, NULL);
}

/* ---------------------------------------------------------------------- */
/* Closing                                                                  */

static void
unsaved_response_cb (GtkDialog           *dialog,
                     int                  response,
                     MiriamSessionEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_REJECT)
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
miriam_session_editor_close_request (GtkWindow *window)
{
  MiriamSessionEditor *self = MIRIAM_SESSION_EDITOR (window);
  GtkWidget *dialog;

  if (!self->dirty || self->read_only)
    return GTK_WINDOW_CLASS (miriam_session_editor_parent_class)->close_request (window);

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Discard the changes to this session?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Your changes and attendance marks are not saved yet."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Cancel"), GTK_RESPONSE_CANCEL,
                          _("Discard"), GTK_RESPONSE_REJECT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                  */

static void
loaded_cb (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamSessionEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded;

  loaded = load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      show_message (self, error->message);
      return;
    }

  self->loaded = loaded;
  fill_form (self, loaded);
  gtk_widget_set_sensitive (self->content, TRUE);
  if (!self->read_only)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", TRUE);
  /* A session never saved is worth keeping even if nothing was changed. */
  if (loaded->session->row.id == 0)
    self->dirty = !self->read_only;
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

static void
set_read_only (MiriamSessionEditor *self)
{
  self->read_only = TRUE;
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_set_sensitive (self->details_grid, FALSE);
  gtk_widget_set_sensitive (self->cancel_area, FALSE);
  gtk_widget_set_sensitive (self->restore_button, FALSE);
  gtk_widget_set_sensitive (self->attendance_area, FALSE);
  show_message (self, _("This database is read-only: you can read this session, but not save changes."));
}

static MiriamSessionEditor *
editor_new (GtkWindow   *parent,
            MiriamStore *store)
{
  MiriamSessionEditor *self;

  self = g_object_new (MIRIAM_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  gtk_widget_set_sensitive (self->content, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", FALSE);
  if (miriam_store_get_access (store) != MIRIAM_STORE_WRITABLE)
    set_read_only (self);

  return self;
}

MiriamSessionEditor *
miriam_session_editor_new (GtkWindow   *parent,
                           MiriamStore *store,
                           gint64       session_id)
{
  MiriamSessionEditor *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (session_id > 0, NULL);

  self = editor_new (parent, store);
  load (self, session_id, 0, NULL, loaded_cb);
  return self;
}

MiriamSessionEditor *
miriam_session_editor_new_for_group (GtkWindow   *parent,
                                     MiriamStore *store,
                                     gint64       group_id,
                                     const GDate *day)
{
  MiriamSessionEditor *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (group_id > 0, NULL);

  self = editor_new (parent, store);
  load (self, 0, group_id, day, loaded_cb);
  return self;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                  */

static void
watch_changes (MiriamSessionEditor *self)
{
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed), self);
  g_signal_connect_swapped (self->start_entry, "changed", G_CALLBACK (time_changed), self);
  g_signal_connect_swapped (self->end_entry, "changed", G_CALLBACK (time_changed), self);
  g_signal_connect_swapped (self->location_entry, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->partner_entry, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->theme_dropdown, "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (mark_dirty), self);
}

static void
miriam_session_editor_dispose (GObject *object)
{
  MiriamSessionEditor *self = MIRIAM_SESSION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded, loaded_free);
  g_clear_pointer (&self->theirs, loaded_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_SESSION_EDITOR);
  /* The rows' buttons point at the MarkRows: free them after the widgets. */
  g_clear_pointer (&self->mark_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cancel_reason, g_free);

  G_OBJECT_CLASS (miriam_session_editor_parent_class)->dispose (object);
}

static void
miriam_session_editor_class_init (MiriamSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_session_editor_dispose;
  window_class->close_request = miriam_session_editor_close_request;

  /**
   * MiriamSessionEditor::saved:
   *
   * The session (and its attendance) was saved: the calendar and the
   * participants' attendance are out of date.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-session-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MiriamSessionEditor, name)
  BIND (message_revealer);
  BIND (message_label);
  BIND (conflict_label);
  BIND (conflict_buttons);
  BIND (cancelled_revealer);
  BIND (cancelled_label);
  BIND (restore_button);
  BIND (save_button);
  BIND (content);
  BIND (swatch);
  BIND (group_label);
  BIND (when_label);
  BIND (moved_label);
  BIND (details_grid);
  BIND (date_entry);
  BIND (date_message_box);
  BIND (date_message_icon);
  BIND (date_message);
  BIND (start_entry);
  BIND (end_entry);
  BIND (time_error);
  BIND (location_entry);
  BIND (theme_dropdown);
  BIND (partner_entry);
  BIND (notes_view);
  BIND (cancel_area);
  BIND (cancel_session_button);
  BIND (cancel_revealer);
  BIND (reason_entry);
  BIND (reason_error);
  BIND (attendance_area);
  BIND (count_label);
  BIND (everyone_button);
  BIND (attendance_note);
  BIND (attendance_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, cancel_session_clicked);
  gtk_widget_class_bind_template_callback (widget_class, keep_session_clicked);
  gtk_widget_class_bind_template_callback (widget_class, confirm_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked);
  gtk_widget_class_bind_template_callback (widget_class, everyone_present_clicked);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "session.take-theirs", NULL, take_theirs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_session_editor_init (MiriamSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->mark_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mark_row_free);
  self->cancel_reason = g_strdup ("");
  miriam_date_today (&self->today);
  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
  fill_theme_dropdown (self);
  watch_changes (self);
}
