/* miriam-window.c: the main window and its three sections
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "store/miriam-demo.h"
#include "store/miriam-store.h"

#include "miriam-calendar-export.h"
#include "miriam-calendar-page.h"
#include "miriam-closed-days.h"
#include "miriam-diagnostics.h"
#include "miriam-ocmw-dialog.h"
#include "miriam-empty-state.h"
#include "miriam-group-editor.h"
#include "miriam-life-domains-dialog.h"
#include "miriam-participant-editor.h"
#include "miriam-participant-list.h"
#include "miriam-partner-directory.h"
#include "miriam-progress-page.h"
#include "miriam-restore-dialog.h"
#include "miriam-share-banner.h"
#include "miriam-window.h"

struct _MiriamWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStackSwitcher     *switcher;
  MiriamShareBanner    *share_banner;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkStack             *pages;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  GtkLabel             *error_title;
  GtkLabel             *error_message;
  GtkLabel             *error_path;
  GtkWidget            *create_here_button;
  GtkStack             *sections;
  MiriamParticipantList *participant_list;
  GtkStack             *calendar_stack;
  MiriamEmptyState     *calendar_state;
  MiriamCalendarPage   *calendar_page;
  GtkStack             *progress_stack;
  MiriamEmptyState     *progress_state;
  MiriamProgressPage   *progress_page;
  GtkLabel             *status_label;

  /* The file shown, or being opened. */
  MiriamStore          *store;
  char                 *path;
  gboolean              create;
  GCancellable         *cancellable;
  GHashTable           *editors;      /* participant id -> open editor; new files < 0 */
  guint                 poll_source;  /* the next change check, when none is under way */
};

G_DEFINE_FINAL_TYPE (MiriamWindow, miriam_window, GTK_TYPE_APPLICATION_WINDOW)

static MiriamSettings *
get_settings (MiriamWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return miriam_application_get_settings (MIRIAM_APPLICATION (app));
}

static void
remember_database (MiriamWindow *self,
                   const char   *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  MiriamSettings *settings = get_settings (self);

  g_free (settings->database);
  settings->database = g_strdup (path);
  miriam_application_save_settings (MIRIAM_APPLICATION (app));
}

/* ---------------------------------------------------------------------- */
/* Pages                                                                    */

/* Hides the pages not shown, not just leaves them unmapped: GTK 4.8 tells
 * screen readers that every child of a stack is visible, so Orca would
 * read an old error message under the sections. */
static void
show_page (MiriamWindow *self,
           const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->pages, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == page);

  gtk_widget_set_visible (GTK_WIDGET (self->switcher), g_str_equal (name, "content"));
}

static void
show_loading (MiriamWindow *self,
              const char   *message)
{
  gtk_label_set_text (self->loading_label, message);
  gtk_spinner_start (self->spinner);
  show_page (self, "loading");
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static const char *
error_title (const GError *error)
{
  if (error->domain != MIRIAM_STORE_ERROR)
    return _("The database could not be opened");

  switch ((MiriamStoreError) error->code)
    {
    case MIRIAM_STORE_ERROR_FOLDER_MISSING:
      return _("The folder of the database cannot be found");
    case MIRIAM_STORE_ERROR_FILE_MISSING:
      return _("The database file cannot be found");
    case MIRIAM_STORE_ERROR_NOT_A_DATABASE:
      return _("This is not a MIRIAM database");
    case MIRIAM_STORE_ERROR_CORRUPT:
      return _("The database file is damaged");
    case MIRIAM_STORE_ERROR_WAL:
      return _("The database file is in use in an unsafe way");
    case MIRIAM_STORE_ERROR_NO_ACCESS:
    case MIRIAM_STORE_ERROR_READ_ONLY:
    case MIRIAM_STORE_ERROR_BUSY:
    case MIRIAM_STORE_ERROR_CONFLICT:
    case MIRIAM_STORE_ERROR_NOT_FOUND:
    case MIRIAM_STORE_ERROR_INVALID:
    case MIRIAM_STORE_ERROR_IO:
    case MIRIAM_STORE_ERROR_NOT_OPEN:
    default:
      return _("The database could not be opened");
    }
}

static void
show_error (MiriamWindow *self,
            const GError *error)
{
  gboolean missing = g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FILE_MISSING);
  g_autofree char *where = g_strdup_printf (_("File: %s"), self->path);

  gtk_spinner_stop (self->spinner);
  gtk_label_set_text (self->error_title, error_title (error));
  gtk_label_set_text (self->error_message, error->message);
  gtk_label_set_text (self->error_path, where);
  gtk_widget_set_visible (self->create_here_button, missing);
  show_page (self, "error");
  gtk_label_set_text (self->status_label, "");
  gtk_window_set_title (GTK_WINDOW (self), "MIRIAM");
}

static void
update_title (MiriamWindow *self)
{
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *title = g_strdup_printf ("%s — MIRIAM", name);
  g_autofree char *status = NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);

  switch (miriam_store_get_access (self->store))
    {
    case MIRIAM_STORE_READ_ONLY_FILE:
    case MIRIAM_STORE_READ_ONLY_NEWER:
      status = g_strdup_printf (_("Database: %s (read-only)"), self->path);
      break;
    case MIRIAM_STORE_WRITABLE:
    default:
      status = g_strdup_printf (_("Database: %s"), self->path);
      break;
    }
  gtk_label_set_text (self->status_label, status);
}

static void
update_banner (MiriamWindow *self)
{
  const char *text = NULL;

  switch (miriam_store_get_access (self->store))
    {
    case MIRIAM_STORE_READ_ONLY_FILE:
      text = _("This database file is read-only: you can look at everything, but not save "
               "changes. Ask your IT service for write access if you need it.");
      break;
    case MIRIAM_STORE_READ_ONLY_NEWER:
      text = _("This database was made by a newer version of MIRIAM, so it is opened "
               "read-only. Update MIRIAM to make changes.");
      break;
    case MIRIAM_STORE_WRITABLE:
    default:
      break;
    }

  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* Each section says honestly what this database holds and what to do
 * first; the lists, calendar and charts arrive in them later. */
static void
update_sections (MiriamWindow             *self,
                 const MiriamStoreSummary *summary)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const char *demo_label = _("Try the Demo Database…");
  gboolean writable = miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-participant", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.closed-days", writable);

  /* The calendar shows itself once there is a group to plan for. */
  if (summary->n_groups == 0)
    {
      miriam_empty_state_set (self->calendar_state,
                              _("No groups yet"),
                              _("Create a group to plan its sessions. A group meets at least every "
                                "fourteen days."),
                              !writable ? NULL
                              : summary->n_participants == 0 ? demo_label : _("New Group…"),
                              summary->n_participants == 0 ? "win.create-demo" : "win.new-group");
      gtk_stack_set_visible_child_name (self->calendar_stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->calendar_stack, "calendar");
      miriam_calendar_page_reload (self->calendar_page);
    }

  /* The charts show themselves once there are women to measure. */
  if (summary->n_participants == 0)
    {
      miriam_empty_state_set (self->progress_state,
                              _("No measurements yet"),
                              _("Progress charts per life domain appear here once participants have "
                                "a baseline measurement."),
                              NULL, NULL);
      gtk_stack_set_visible_child_name (self->progress_stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->progress_stack, "progress");
      miriam_progress_page_reload (self->progress_page);
    }
}

static void
summary_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MiriamStoreSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  MiriamWindow *self = user_data;

  summary = miriam_store_get_summary_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summary == NULL)
    {
      /* Once the sections show, a share that drops is the banner's news:
       * what is on screen (and in the open forms) stays. */
      if (miriam_store_error_is_unreachable (error)
          && g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "content") == 0)
        miriam_share_banner_set_lost (self->share_banner, TRUE);
      else
        show_error (self, error);
      return;
    }

  gtk_spinner_stop (self->spinner);
  update_sections (self, summary);
  show_page (self, "content");
}

static void start_polling (MiriamWindow *self);
static void back_up_daily (MiriamWindow *self);

static void
show_store (MiriamWindow *self)
{
  start_polling (self);
  back_up_daily (self);
  update_title (self);
  update_banner (self);
  miriam_participant_list_set_store (self->participant_list, self->store);
  miriam_calendar_page_set_store (self->calendar_page, self->store);
  miriam_progress_page_set_store (self->progress_page, self->store);
  miriam_store_get_summary_async (self->store, self->cancellable, summary_cb, self);
}

static void show_restore_dialog (MiriamWindow *self, const char *message);

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  MiriamWindow *self = user_data;

  if (!miriam_store_open_finish (MIRIAM_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error);
      /* A damaged file: the way out is a backup, offered at once. */
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT))
        show_restore_dialog (self, error->message);
      return;
    }

  show_store (self);
}

/* ---------------------------------------------------------------------- */
/* Participant files                                                        */

static void
close_editors (MiriamWindow *self)
{
  g_autoptr(GList) editors = g_hash_table_get_values (self->editors);

  /* Editors close through their own close request, which asks about
   * unsaved changes; those of another database must not stay open.
   * (A list copy: closing one removes it from the table.) */
  for (GList *l = editors; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
editor_saved_cb (MiriamWindow            *self,
                 MiriamParticipantEditor *editor)
{
  gint64 id = miriam_participant_editor_get_id (editor);

  /* A new file got its id with the first save. */
  if (!g_hash_table_contains (self->editors, &id))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->editors);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value == editor)
          g_hash_table_iter_remove (&iter);
      g_hash_table_insert (self->editors, g_memdup2 (&id, sizeof id), editor);
    }

  miriam_participant_list_reload (self->participant_list);
  miriam_store_get_summary_async (self->store, self->cancellable, summary_cb, self);
}

static void
editor_destroyed_cb (MiriamWindow *self,
                     GtkWidget    *editor)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == editor)
      g_hash_table_iter_remove (&iter);
}

/* One window per file: opening her again brings the open one forward. */
static void
open_participant (MiriamWindow *self,
                  gint64        id)
{
  MiriamParticipantEditor *editor = id != 0 ? g_hash_table_lookup (self->editors, &id) : NULL;
  static gint64 next_new_key = -1;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;

  if (editor == NULL)
    {
      gint64 key = id != 0 ? id : next_new_key--;

      editor = miriam_participant_editor_new (GTK_WINDOW (self), self->store, id);
      g_hash_table_insert (self->editors, g_memdup2 (&key, sizeof key), editor);
      g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_participant_cb (MiriamWindow          *self,
                     gint64                 id,
                     MiriamParticipantList *list G_GNUC_UNUSED)
{
  open_participant (self, id);
}

static void
open_participant_action (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *param)
{
  open_participant (MIRIAM_WINDOW (widget), g_variant_get_int64 (param));
}

/* ---------------------------------------------------------------------- */
/* Groups and the calendar                                                  */

/* A saved group or session changes the calendar and the summary counts. */
static void
calendar_saved_cb (MiriamWindow *self)
{
  miriam_calendar_page_reload (self->calendar_page);
  miriam_participant_list_reload (self->participant_list);
  miriam_store_get_summary_async (self->store, self->cancellable, summary_cb, self);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  MiriamGroupEditor *editor;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  editor = miriam_group_editor_new (GTK_WINDOW (self), self->store, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (calendar_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
closed_days_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  MiriamClosedDays *dialog;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  dialog = miriam_closed_days_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (calendar_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The OCMW's name and its consortium: the window's header and the
 * calendar's groups show them. */
static void
ocmw_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  MiriamOcmwDialog *dialog;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  dialog = miriam_ocmw_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (calendar_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The life domains the OCMW scores: measurements and charts follow them. */
static void
life_domains_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  MiriamLifeDomainsDialog *dialog;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  dialog = miriam_life_domains_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (calendar_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name G_GNUC_UNUSED,
                        GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);

  if (self->store != NULL && miriam_store_is_open (self->store))
    gtk_window_present (GTK_WINDOW (miriam_calendar_export_new (GTK_WINDOW (self), self->store)));
}

static void
new_participant_action (GtkWidget  *widget,
                        const char *action_name G_GNUC_UNUSED,
                        GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sections, "participants");
  open_participant (self, 0);
}

static void
partner_directory_action (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);

  if (self->store != NULL && miriam_store_is_open (self->store))
    gtk_window_present (GTK_WINDOW (miriam_partner_directory_new (GTK_WINDOW (self), self->store)));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sections, "participants");
  miriam_participant_list_focus_search (self->participant_list);
}

/* Forgets the current file without waiting for it: a store whose share
 * hangs finishes on its own thread. */
static void
drop_store (MiriamWindow *self)
{
  close_editors (self);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  miriam_share_banner_hide (self->share_banner);
  miriam_participant_list_set_store (self->participant_list, NULL);
  miriam_calendar_page_set_store (self->calendar_page, NULL);
  miriam_progress_page_set_store (self->progress_page, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-participant", FALSE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  self->cancellable = g_cancellable_new ();
}

static MiriamStore *
new_store (MiriamWindow *self,
           const char   *path)
{
  MiriamStore *store = miriam_store_new (path);
  g_autofree char *user = miriam_settings_get_user_name (get_settings (self));

  miriam_store_set_user_name (store, user);
  return store;
}

void
miriam_window_open_database (MiriamWindow *self,
                             const char   *path,
                             gboolean      create)
{
  g_return_if_fail (MIRIAM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  drop_store (self);
  g_free (self->path);
  self->path = g_strdup (path);
  self->create = create;

  show_loading (self, _("Opening the database…"));
  self->store = new_store (self, path);
  miriam_store_open_async (self->store,
                           create ? MIRIAM_STORE_OPEN_CREATE : MIRIAM_STORE_OPEN_EXISTING,
                           self->cancellable, open_cb, self);
}

/* ---------------------------------------------------------------------- */
/* Colleagues' saves and a dropped share                                    */

/* Every two seconds, and never two at a time: on a slow share a check may
 * take longer than that. */
#define POLL_MS 2000

static void schedule_poll (MiriamWindow *self);

/* A colleague saved, or the file is back: what the window shows is read
 * again; open forms are left as they are and only told. */
static void
refresh_shown (MiriamWindow *self)
{
  GHashTableIter iter;
  gpointer editor;

  miriam_participant_list_reload (self->participant_list);
  /* The summary reloads the calendar and the charts with the sections. */
  miriam_store_get_summary_async (self->store, self->cancellable, summary_cb, self);

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    miriam_participant_editor_file_changed (editor);
}

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  MiriamWindow *self = user_data;
  gboolean changed = FALSE;

  if (!miriam_store_check_changes_finish (MIRIAM_STORE (object), result, &changed, &error))
    {
      /* Another file was opened, or the window closed. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (miriam_store_error_is_unreachable (error))
        miriam_share_banner_set_lost (self->share_banner, TRUE);
      else
        g_debug ("Change check failed: %s", error->message);
    }
  else
    {
      /* Back: colleagues may have saved meanwhile. */
      if (miriam_share_banner_get_lost (self->share_banner))
        {
          miriam_share_banner_set_lost (self->share_banner, FALSE);
          changed = TRUE;
        }
      if (changed)
        refresh_shown (self);
    }

  schedule_poll (self);
}

static gboolean
poll_tick (gpointer user_data)
{
  MiriamWindow *self = user_data;

  self->poll_source = 0;
  if (self->store != NULL)
    miriam_store_check_changes_async (self->store, self->cancellable, poll_cb, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_poll (MiriamWindow *self)
{
  if (self->poll_source == 0 && self->store != NULL)
    self->poll_source = g_timeout_add (POLL_MS, poll_tick, self);
}

static void
start_polling (MiriamWindow *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
  schedule_poll (self);
}

/* ---------------------------------------------------------------------- */
/* Backups and diagnostics                                                  */

/* The folder chosen in Preferences, else "MIRIAM backups" beside the file. */
static char *
backup_folder (MiriamWindow *self)
{
  MiriamSettings *settings = get_settings (self);

  return settings->backup_folder != NULL ? g_strdup (settings->backup_folder)
                                         : miriam_store_default_backup_folder (self->path);
}

static void
daily_backup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MiriamBackup) backup = NULL;
  MiriamWindow *self = user_data;

  if (miriam_store_back_up_finish (MIRIAM_STORE (object), result, &backup, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The copy's check found the file damaged: the team must know now,
   * while the earlier backups are still there. */
  if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT))
    show_restore_dialog (self, error->message);
  else
    g_message ("No backup was made today: %s", error->message);
}

/* At start-up, once a day for the whole team: the first MIRIAM to open
 * the file that day makes the backup, on a thread of its own. */
static void
back_up_daily (MiriamWindow *self)
{
  g_autofree char *folder = backup_folder (self);

  miriam_store_back_up_async (self->store, folder, MIRIAM_BACKUP_IF_DUE, self->cancellable,
                              daily_backup_cb, self);
}

static void
restored_cb (MiriamWindow *self)
{
  g_autofree char *path = g_strdup (self->path);

  /* Opened again: the schema may be older, and every list must be read anew. */
  if (path != NULL)
    miriam_window_open_database (self, path, FALSE);
}

static void
show_restore_dialog (MiriamWindow *self,
                     const char   *message)
{
  g_autofree char *folder = NULL;
  MiriamRestoreDialog *dialog;

  if (self->store == NULL || self->path == NULL)
    return;
  folder = backup_folder (self);
  dialog = miriam_restore_dialog_new (GTK_WINDOW (self), self->store, folder, message);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (restored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name G_GNUC_UNUSED,
                       GVariant   *param G_GNUC_UNUSED)
{
  show_restore_dialog (MIRIAM_WINDOW (widget), NULL);
}

static void
diagnostics_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  g_autofree char *folder = NULL;

  if (self->store == NULL || self->path == NULL)
    return;
  folder = backup_folder (self);
  gtk_window_present (GTK_WINDOW (miriam_diagnostics_new (GTK_WINDOW (self), self->store, folder)));
}

/* ---------------------------------------------------------------------- */
/* Demo database                                                            */

static void
demo_thread (GTask        *task,
             gpointer      source G_GNUC_UNUSED,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  MiriamStore *store = task_data;
  MiriamDemoOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  GError *error = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  miriam_demo_options_init_small (&options, &today);

  /* The store does the file work on its own thread; this one only waits
   * for it, so the main loop never does. */
  if (miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error)
      && miriam_demo_generate (store, &options, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_cb (GObject      *object G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  MiriamWindow *self = user_data;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  show_store (self);
}

void
miriam_window_create_demo (MiriamWindow *self,
                           const char   *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MIRIAM_IS_WINDOW (self));

  drop_store (self);
  g_free (self->path);
  self->path = g_strdup (path);
  self->create = FALSE;

  show_loading (self, _("Creating the demo database…"));
  self->store = new_store (self, path);

  task = g_task_new (NULL, self->cancellable, demo_cb, self);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, demo_thread);
}

char *
miriam_window_describe_database (MiriamWindow *self)
{
  const char *access;

  g_return_val_if_fail (MIRIAM_IS_WINDOW (self), NULL);

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return g_strdup (_("No database is open."));

  switch (miriam_store_get_access (self->store))
    {
    case MIRIAM_STORE_READ_ONLY_FILE:
      access = _("read-only (file permissions)");
      break;
    case MIRIAM_STORE_READ_ONLY_NEWER:
      access = _("read-only (made by a newer version)");
      break;
    case MIRIAM_STORE_WRITABLE:
    default:
      access = _("read and write");
      break;
    }

  return g_strdup_printf (_("Database: %s\nSchema version: %d (this version of MIRIAM: %d)\n"
                            "Access: %s\nJournal: rollback (never WAL)"),
                          self->path,
                          miriam_store_get_file_version (self->store),
                          miriam_store_schema_version (),
                          access);
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                  */

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("MIRIAM databases"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.miriam");
  return filter;
}

typedef enum {
  CHOOSE_OPEN,
  CHOOSE_NEW,
  CHOOSE_DEMO,
} ChooseMode;

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  MiriamWindow *self = user_data;
  ChooseMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mode"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (path == NULL)
    return;

  switch (mode)
    {
    case CHOOSE_OPEN:
      remember_database (self, path);
      miriam_window_open_database (self, path, FALSE);
      break;
    case CHOOSE_NEW:
      /* An existing file is opened, never emptied: the chooser's
       * "replace" must not wipe a team's database. */
      remember_database (self, path);
      miriam_window_open_database (self, path, TRUE);
      break;
    case CHOOSE_DEMO:
      /* A demo is for trying things: it does not replace the team's file
       * as the one opened next time. */
      miriam_window_create_demo (self, path);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
choose_file (MiriamWindow *self,
             ChooseMode    mode)
{
  GtkFileChooserNative *dialog;
  const char *title = NULL, *accept = NULL;
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_SAVE;

  switch (mode)
    {
    case CHOOSE_OPEN:
      title = _("Open Database");
      accept = _("_Open");
      action = GTK_FILE_CHOOSER_ACTION_OPEN;
      break;
    case CHOOSE_NEW:
      title = _("New Database");
      accept = _("_Create");
      break;
    case CHOOSE_DEMO:
      title = _("Create Demo Database");
      accept = _("_Create");
      break;
    default:
      g_assert_not_reached ();
    }

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), database_filter ());
  if (mode == CHOOSE_NEW)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "miriam.sqlite");
  else if (mode == CHOOSE_DEMO)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "miriam-demo.sqlite");

  g_object_set_data (G_OBJECT (dialog), "mode", GINT_TO_POINTER (mode));
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *param G_GNUC_UNUSED)
{
  choose_file (MIRIAM_WINDOW (widget), CHOOSE_OPEN);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param G_GNUC_UNUSED)
{
  choose_file (MIRIAM_WINDOW (widget), CHOOSE_NEW);
}

static void
create_demo_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  choose_file (MIRIAM_WINDOW (widget), CHOOSE_DEMO);
}

static void
use_local_database_action (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  g_autofree char *path = miriam_settings_default_database ();

  remember_database (self, NULL);
  miriam_window_open_database (self, path, TRUE);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  g_autofree char *path = g_strdup (self->path);

  if (path != NULL)
    miriam_window_open_database (self, path, self->create);
}

static void
create_here_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  g_autofree char *path = g_strdup (self->path);

  if (path != NULL)
    miriam_window_open_database (self, path, TRUE);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param)
{
  MiriamWindow *self = MIRIAM_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (gtk_stack_get_child_by_name (self->sections, name) != NULL)
    gtk_stack_set_visible_child_name (self->sections, name);
}

/* ---------------------------------------------------------------------- */

MiriamWindow *
miriam_window_new (MiriamApplication *app)
{
  return g_object_new (MIRIAM_TYPE_WINDOW, "application", app, NULL);
}

static void
miriam_window_dispose (GObject *object)
{
  MiriamWindow *self = MIRIAM_WINDOW (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_WINDOW);

  G_OBJECT_CLASS (miriam_window_parent_class)->dispose (object);
}

static void
miriam_window_finalize (GObject *object)
{
  MiriamWindow *self = MIRIAM_WINDOW (object);

  g_free (self->path);
  g_hash_table_unref (self->editors);

  G_OBJECT_CLASS (miriam_window_parent_class)->finalize (object);
}

static void
miriam_window_class_init (MiriamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_window_dispose;
  object_class->finalize = miriam_window_finalize;

  g_type_ensure (MIRIAM_TYPE_EMPTY_STATE);
  g_type_ensure (MIRIAM_TYPE_PARTICIPANT_LIST);
  g_type_ensure (MIRIAM_TYPE_CALENDAR_PAGE);
  g_type_ensure (MIRIAM_TYPE_PROGRESS_PAGE);
  g_type_ensure (MIRIAM_TYPE_SHARE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, share_banner);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, error_message);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, error_path);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, create_here_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, participant_list);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, calendar_stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, calendar_state);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, progress_stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, progress_state);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, MiriamWindow, status_label);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.create-demo", NULL, create_demo_action);
  gtk_widget_class_install_action (widget_class, "win.use-local-database", NULL, use_local_database_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.create-here", NULL, create_here_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.new-participant", NULL, new_participant_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.partner-directory", NULL, partner_directory_action);
  gtk_widget_class_install_action (widget_class, "win.open-participant", "x", open_participant_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "win.closed-days", NULL, closed_days_action);
  gtk_widget_class_install_action (widget_class, "win.ocmw", NULL, ocmw_action);
  gtk_widget_class_install_action (widget_class, "win.life-domains", NULL, life_domains_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.diagnostics", NULL, diagnostics_action);
}

static void
miriam_window_init (MiriamWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  show_page (self, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-participant", FALSE);
  g_signal_connect_object (self->participant_list, "open-participant",
                           G_CALLBACK (open_participant_cb), self, G_CONNECT_SWAPPED);
}
