/* miriam-participant-groups.c: her groups and her attendance, in her file
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A woman may take part in a later cohort again: each group she joins is
 * a membership with its own dates, her file stays one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "miriam-attendance-strip.h"
#include "miriam-gui-utils.h"
#include "miriam-participant-groups.h"

struct _MiriamParticipantGroups
{
  GtkWidget              parent_instance;

  GtkWidget             *scroller;
  GtkListBox            *membership_list;
  GtkDropDown           *group_dropdown;
  GtkEntry              *since_entry;
  GtkWidget             *assign_button;
  GtkLabel              *assign_error;
  GtkWidget             *no_groups_label;
  MiriamAttendanceStrip *attendance_strip;

  MiriamStore           *store;
  GCancellable          *cancellable;
  gint64                 participant_id;
  GPtrArray             *memberships;    /* MiriamMembership* */
  GPtrArray             *groups;         /* MiriamGroup*, in dropdown order */
  GPtrArray             *cohorts;        /* MiriamCohort* */
};

G_DEFINE_FINAL_TYPE (MiriamParticipantGroups, miriam_participant_groups, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const MiriamGroup *
find_group (MiriamParticipantGroups *self,
            gint64                   id)
{
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    if (((MiriamGroup *) self->groups->pdata[i])->row.id == id)
      return self->groups->pdata[i];
  return NULL;
}

static const char *
cohort_label (MiriamParticipantGroups *self,
              gint64                   id)
{
  for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
    if (((MiriamCohort *) self->cohorts->pdata[i])->row.id == id)
      return ((MiriamCohort *) self->cohorts->pdata[i])->label;
  return "";
}

static char *
group_title (MiriamParticipantGroups *self,
             gint64                   group_id)
{
  const MiriamGroup *group = find_group (self, group_id);

  if (group == NULL)
    return g_strdup (_("A group that no longer exists"));
  /* Translators: group name (cohort), e.g. "Groep Noord (2026-2027)". */
  return g_strdup_printf (_("%s (%s)"), group->name, cohort_label (self, group->cohort_id));
}

static void end_membership_cb (GtkButton *button, MiriamParticipantGroups *self);

static GtkWidget *
membership_row_new (MiriamParticipantGroups *self,
                    MiriamMembership        *membership)
{
  g_autofree char *title = group_title (self, membership->group_id);
  g_autofree char *since = miriam_format_date (&membership->joined_on);
  g_autofree char *until = g_date_valid (&membership->left_on) ? miriam_format_date (&membership->left_on) : NULL;
  g_autofree char *dates = until != NULL
    ? g_strdup_printf (_("from %s until %s"), since, until)
    : g_strdup_printf (_("since %s"), since);
  g_autofree char *text = g_strdup_printf ("%s — %s", title, dates);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (until == NULL)
    {
      /* Not saved yet: simply taken back.  Saved: ended today, kept. */
      button = gtk_button_new_with_label (membership->row.id == 0 ? _("Undo") : _("Leave Group"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      membership->row.id == 0 ? _("Undo") : _("Leave Group"), -1);
      g_object_set_data (G_OBJECT (button), "membership", membership);
      g_signal_connect (button, "clicked", G_CALLBACK (end_membership_cb), self);
      gtk_widget_set_sensitive (button, miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
fill_memberships (MiriamParticipantGroups *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->membership_list))) != NULL)
    gtk_list_box_remove (self->membership_list, child);

  if (self->memberships->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Not in a group yet."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (self->membership_list, label);
    }
  for (guint i = 0; i < self->memberships->len; i++)
    gtk_list_box_append (self->membership_list, membership_row_new (self, self->memberships->pdata[i]));
}

static void
end_membership_cb (GtkButton               *button,
                   MiriamParticipantGroups *self)
{
  MiriamMembership *membership = g_object_get_data (G_OBJECT (button), "membership");

  if (membership->row.id == 0)
    g_ptr_array_remove (self->memberships, membership);
  else
    miriam_date_today (&membership->left_on);
  fill_memberships (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_error (MiriamParticipantGroups *self,
            const char              *text)
{
  gtk_label_set_text (self->assign_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->assign_error), text != NULL);
}

static void
assign_clicked_cb (MiriamParticipantGroups *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->since_entry));
  const MiriamGroup *group;
  MiriamMembership *membership;
  GDate since;

  if (self->groups == NULL || i >= self->groups->len)
    return;
  group = self->groups->pdata[i];

  g_date_clear (&since, 1);
  if (text[0] == '\0')
    miriam_date_today (&since);
  else if (!miriam_date_parse (text, &since))
    {
      /* The text stays as she typed it. */
      show_error (self, _("Type the date as day/month/year, for example 01/09/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->since_entry));
      return;
    }

  /* The store allows one membership per group; a second one would fail
   * only at saving time, far from here. */
  for (guint m = 0; m < self->memberships->len; m++)
    if (((MiriamMembership *) self->memberships->pdata[m])->group_id == group->row.id)
      {
        show_error (self, _("She is already in this group."));
        return;
      }

  membership = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);
  membership->participant_id = self->participant_id;
  membership->group_id = group->row.id;
  membership->joined_on = since;
  g_ptr_array_add (self->memberships, membership);

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), "");
  fill_memberships (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---------------------------------------------------------------------- */
/* Reading the groups and her attendance                                    */

typedef struct {
  GPtrArray *groups;
  GPtrArray *cohorts;
  GArray    *marks;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_pointer (&loaded->groups, g_ptr_array_unref);
  g_clear_pointer (&loaded->cohorts, g_ptr_array_unref);
  g_clear_pointer (&loaded->marks, g_array_unref);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  gint64 participant_id = *(gint64 *) task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  if ((loaded->groups = miriam_store_list (source, MIRIAM_RECORD_GROUP, NULL, 0, &error)) == NULL
      || (loaded->cohorts = miriam_store_list (source, MIRIAM_RECORD_COHORT, NULL, 0, &error)) == NULL
      || (participant_id != 0
          && (loaded->marks = miriam_store_list_participant_attendance (source, participant_id, &error)) == NULL))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, loaded_free);
}

/* Newest cohort first: she is most often put in the current one. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const MiriamGroup *ga = *(MiriamGroup * const *) a, *gb = *(MiriamGroup * const *) b;
  int by_date = -g_date_compare (&ga->start_date, &gb->start_date);

  return by_date != 0 ? by_date : g_utf8_collate (ga->name, gb->name);
}

static void
loaded_cb (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamParticipantGroups *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  GDate today;

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->groups = g_steal_pointer (&loaded->groups);
  self->cohorts = g_steal_pointer (&loaded->cohorts);
  g_ptr_array_sort (self->groups, compare_groups);
  for (guint i = 0; i < self->groups->len; i++)
    {
      g_autofree char *title = group_title (self, ((MiriamGroup *) self->groups->pdata[i])->row.id);
      gtk_string_list_append (names, title);
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->no_groups_label, self->groups->len == 0);
  gtk_widget_set_sensitive (self->assign_button,
                            self->groups->len > 0
                            && miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE);

  miriam_date_today (&today);
  if (loaded->marks != NULL)
    miriam_attendance_strip_set_marks (self->attendance_strip,
                                       (const MiriamAttendanceMark *) (gpointer) loaded->marks->data,
                                       loaded->marks->len, &today);
  else
    miriam_attendance_strip_set_marks (self->attendance_strip, NULL, 0, &today);

  loaded_free (loaded);
  fill_memberships (self);
}

void
miriam_participant_groups_set (MiriamParticipantGroups *self,
                               MiriamStore             *store,
                               gint64                   participant_id,
                               GPtrArray               *memberships)
{
  g_autoptr(GTask) task = NULL;
  gint64 *id = g_new (gint64, 1);

  g_return_if_fail (MIRIAM_IS_PARTICIPANT_GROUPS (self));
  g_return_if_fail (MIRIAM_IS_STORE (store));

  g_set_object (&self->store, store);
  self->participant_id = participant_id;
  g_ptr_array_set_size (self->memberships, 0);
  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    g_ptr_array_add (self->memberships,
                     miriam_record_copy (MIRIAM_RECORD_MEMBERSHIP, memberships->pdata[i]));
  show_error (self, NULL);
  fill_memberships (self);

  /* A new read replaces one still under way. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  *id = participant_id;
  task = g_task_new (store, self->cancellable, loaded_cb, self);
  g_task_set_task_data (task, id, g_free);
  g_task_run_in_thread (task, load_thread);
}

GPtrArray *
miriam_participant_groups_get_memberships (MiriamParticipantGroups *self)
{
  g_return_val_if_fail (MIRIAM_IS_PARTICIPANT_GROUPS (self), NULL);
  return self->memberships;
}

static void
miriam_participant_groups_dispose (GObject *object)
{
  MiriamParticipantGroups *self = MIRIAM_PARTICIPANT_GROUPS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->memberships, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_PARTICIPANT_GROUPS);
  G_OBJECT_CLASS (miriam_participant_groups_parent_class)->dispose (object);
}

static void
miriam_participant_groups_class_init (MiriamParticipantGroupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_participant_groups_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MIRIAM_TYPE_ATTENDANCE_STRIP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-participant-groups.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, scroller);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, membership_list);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, since_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, assign_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, assign_error);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, no_groups_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantGroups, attendance_strip);
  gtk_widget_class_bind_template_callback (widget_class, assign_clicked_cb);
}

static void
miriam_participant_groups_init (MiriamParticipantGroups *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->memberships = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_MEMBERSHIP));
  self->cancellable = g_cancellable_new ();
  miriam_gui_name_drop_down (self->group_dropdown, _("Group"));
  gtk_widget_set_sensitive (self->assign_button, FALSE);
}
