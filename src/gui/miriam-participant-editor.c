/* miriam-participant-editor.c: the file of one participant
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What she typed is sacred: nothing in here ever resets a field because a
 * check or a save failed.  Checks show next to the field; a save that a
 * colleague beat shows both versions and lets the user choose.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-date.h"
#include "core/miriam-drafts.h"
#include "core/miriam-insz.h"
#include "core/miriam-language.h"
#include "core/miriam-status.h"
#include "core/miriam-vocabulary.h"

#include "miriam-contact-log.h"
#include "miriam-gui-utils.h"
#include "miriam-measurement-editor.h"
#include "miriam-participant-merge.h"
#include "miriam-participant-editor.h"
#include "miriam-participant-groups.h"
#include "miriam-referral-list.h"

struct _MiriamParticipantEditor
{
  GtkWindow              parent_instance;

  /* Template widgets */
  GtkRevealer           *message_revealer;
  GtkLabel              *message_label;
  GtkLabel              *conflict_label;
  GtkWidget             *conflict_buttons;
  GtkWidget             *save_button;
  GtkStack              *pages;
  GtkEntry              *first_name_entry;
  GtkEntry              *last_name_entry;
  GtkLabel              *name_error;
  GtkEntry              *birth_date_entry;
  GtkLabel              *birth_date_error;
  GtkEntry              *insz_entry;
  GtkLabel              *insz_error;
  GtkEntry              *address_entry;
  GtkEntry              *phone_entry;
  GtkEntry              *email_entry;
  GtkFlowBox            *languages_box;
  GtkDropDown           *letter_language_dropdown;
  GtkTextView           *notes_view;
  GtkDropDown           *income_dropdown;
  GtkDropDown           *referrer_dropdown;
  GtkListBox            *children_list;
  GtkEntry              *intake_date_entry;
  GtkLabel              *intake_date_error;
  GtkCheckButton        *poverty_check;
  GtkEntry              *poverty_note;
  GtkCheckButton        *isolated_check;
  GtkEntry              *isolated_note;
  GtkCheckButton        *language_check;
  GtkEntry              *language_note;
  GtkCheckButton        *voluntary_check;
  GtkEntry              *voluntary_note;
  GtkEntry              *consent_date_entry;
  GtkLabel              *consent_date_error;
  GtkEntry              *consent_note_entry;
  GtkDropDown           *status_dropdown;
  GtkLabel              *status_error;
  GtkEntry              *status_reason_entry;
  GtkEntry              *status_day_entry;
  GtkLabel              *status_day_error;
  GtkListBox            *history_list;
  GtkListBox            *goals_list;
  GtkLabel              *goals_error;
  MiriamParticipantGroups *participant_groups;
  MiriamMeasurementEditor *measurement_editor;
  MiriamContactLog      *contact_log;
  MiriamReferralList    *referral_list;
  GtkRevealer           *draft_revealer;
  GtkLabel              *draft_label;
  GtkLabel              *share_note;

  MiriamStore           *store;
  GCancellable          *cancellable;
  MiriamParticipantFile *loaded;      /* as it was read; its versions guard the save */
  MiriamParticipantFile *theirs;      /* a colleague's newer version, after a conflict */
  GArray                *removed_children;
  GArray                *removed_goals;
  MiriamStatus           statuses[MIRIAM_N_STATUSES];
  guint                  n_statuses;
  gboolean               filling;
  gboolean               dirty;
  gboolean               saving;
  gboolean               close_after_save;

  /* A team on one file (see "Drafts and colleagues" below). */
  MiriamDraft           *offered_draft;   /* unsaved changes found on opening */
  guint                  draft_source;    /* the next draft write, while typing */
  guint                  heartbeat_source;
  gint64                 present_id;      /* her file, while our heartbeat is on it */
  GStrv                  colleagues;      /* who else has it open */
  gboolean               changed_by_colleague;
};

G_DEFINE_FINAL_TYPE (MiriamParticipantEditor, miriam_participant_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The three languages a letter can be written in. */
static const char * const letter_codes[] = { "", "nl", "fr", "de" };

static void fill_form (MiriamParticipantEditor *self, const MiriamParticipantFile *file);
static void schedule_draft (MiriamParticipantEditor *self);
static void write_draft_now (MiriamParticipantEditor *self);
static void forget_draft (MiriamParticipantEditor *self, gint64 draft_id);
static void update_share_note (MiriamParticipantEditor *self);
static void start_presence (MiriamParticipantEditor *self);

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
set_date_entry (GtkEntry    *entry,
                const GDate *date)
{
  g_autofree char *text = miriam_format_date (date);
  set_entry (entry, text);
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
show_message (MiriamParticipantEditor *self,
              const char              *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), FALSE);
      gtk_widget_set_visible (self->conflict_buttons, FALSE);
    }
}

/* A drop-down over "(not recorded)" and a vocabulary's labels; position 0
 * stands for the empty code. */
static void
fill_vocabulary_dropdown (GtkDropDown      *dropdown,
                          MiriamVocabulary  vocabulary,
                          const char       *none_label)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  guint n;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  gtk_string_list_append (list, none_label);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, miriam_vocabulary_label (vocabulary, terms[i].code));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
select_vocabulary_code (GtkDropDown      *dropdown,
                        MiriamVocabulary  vocabulary,
                        const char       *code)
{
  const MiriamTerm *terms;
  guint n, position = 0;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

static const char *
selected_vocabulary_code (GtkDropDown      *dropdown,
                          MiriamVocabulary  vocabulary)
{
  const MiriamTerm *terms;
  guint n, position = gtk_drop_down_get_selected (dropdown);

  terms = miriam_vocabulary_terms (vocabulary, &n);
  if (position == 0 || position > n)
    return "";
  return terms[position - 1].code;
}

static void
mark_dirty (MiriamParticipantEditor *self)
{
  if (!self->filling)
    {
      self->dirty = TRUE;
      schedule_draft (self);
    }
}

/* ---------------------------------------------------------------------- */
/* Children                                                                 */

static void remove_child_cb (GtkButton *button, MiriamParticipantEditor *self);

/* One row per child: first name, year of birth, in her care. */
static GtkWidget *
child_row_new (MiriamParticipantEditor *self,
               const MiriamChild       *child)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *year = gtk_entry_new ();
  GtkWidget *in_care = gtk_check_button_new_with_label (_("In her care"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *year_text = child->birth_year > 0
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, child->birth_year) : NULL;

  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  gtk_widget_set_hexpand (name, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("First name"));
  set_entry (GTK_ENTRY (name), child->first_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Child’s first name"), -1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (year), _("Year of birth"));
  gtk_entry_set_max_length (GTK_ENTRY (year), 4);
  gtk_entry_set_input_purpose (GTK_ENTRY (year), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (year), 12);
  set_entry (GTK_ENTRY (year), year_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year of birth"), -1);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (in_care), child->in_care);

  gtk_widget_set_tooltip_text (remove, _("Remove this child"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this child"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_child_cb), self);

  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), year);
  gtk_box_append (GTK_BOX (row), in_care);
  gtk_box_append (GTK_BOX (row), remove);

  g_object_set_data_full (G_OBJECT (row), "child",
                          miriam_record_copy (MIRIAM_RECORD_CHILD, child), miriam_record_free_func (MIRIAM_RECORD_CHILD));
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "year", year);
  g_object_set_data (G_OBJECT (row), "in-care", in_care);

  g_signal_connect_swapped (name, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (year, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (in_care, "toggled", G_CALLBACK (mark_dirty), self);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
remove_child_cb (GtkButton               *button,
                 MiriamParticipantEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  MiriamChild *child = g_object_get_data (G_OBJECT (box), "child");

  /* Stored children are deleted with the next save, not now: Cancel must
   * still bring her back. */
  if (child->row.id != 0)
    g_array_append_val (self->removed_children, child->row.id);
  gtk_list_box_remove (self->children_list, row);
  mark_dirty (self);
}

static void
add_child_cb (MiriamParticipantEditor *self)
{
  MiriamChild *child = miriam_record_new (MIRIAM_RECORD_CHILD);
  GtkWidget *row = child_row_new (self, child);

  miriam_record_free (MIRIAM_RECORD_CHILD, child);
  gtk_list_box_append (self->children_list, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name"));
  mark_dirty (self);
}

/* ---------------------------------------------------------------------- */
/* Goals of the coaching plan                                               */

static GtkWidget *
vocabulary_dropdown (MiriamVocabulary  vocabulary,
                     const char       *code,
                     const char       *accessible_name)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamTerm *terms;
  GtkWidget *dropdown;
  guint n, selected = 0;

  terms = miriam_vocabulary_terms (vocabulary, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (list, miriam_vocabulary_label (vocabulary, terms[i].code));
      if (g_strcmp0 (terms[i].code, code) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  miriam_gui_name_drop_down (GTK_DROP_DOWN (dropdown), accessible_name);
  return dropdown;
}

static const char *
dropdown_code (GtkWidget        *dropdown,
               MiriamVocabulary  vocabulary)
{
  const MiriamTerm *terms;
  guint n, position = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  terms = miriam_vocabulary_terms (vocabulary, &n);
  return position < n ? terms[position].code : terms[0].code;
}

static GtkWidget *
labelled_entry (const char *text,
                const char *placeholder,
                const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return entry;
}

static void remove_goal_cb (GtkButton *button, MiriamParticipantEditor *self);

/* A goal: its domain and status, what she wants to reach, and when it
 * started and ended. */
static GtkWidget *
goal_row_new (MiriamParticipantEditor *self,
              const MiriamGoal        *goal)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *domain = vocabulary_dropdown (MIRIAM_VOCABULARY_LIFE_DOMAIN, goal->domain, _("Life domain"));
  GtkWidget *status = vocabulary_dropdown (MIRIAM_VOCABULARY_GOAL_STATUS, goal->status, _("Status of the goal"));
  GtkWidget *description = labelled_entry (goal->description, _("What she wants to reach"), _("Goal"));
  g_autofree char *start_text = miriam_format_date (&goal->start_date);
  g_autofree char *end_text = miriam_format_date (&goal->end_date);
  GtkWidget *start = labelled_entry (start_text, _("Started on"), _("Started on"));
  GtkWidget *end = labelled_entry (end_text, _("Reached or dropped on"), _("Reached or dropped on"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_hexpand (description, TRUE);

  gtk_widget_set_tooltip_text (remove, _("Remove this goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this goal"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_goal_cb), self);

  gtk_grid_attach (GTK_GRID (grid), domain, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), description, 1, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), remove, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), status, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), start, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), end, 2, 1, 1, 1);

  g_object_set_data_full (G_OBJECT (grid), "goal", miriam_record_copy (MIRIAM_RECORD_GOAL, goal), miriam_record_free_func (MIRIAM_RECORD_GOAL));
  g_object_set_data (G_OBJECT (grid), "domain", domain);
  g_object_set_data (G_OBJECT (grid), "status", status);
  g_object_set_data (G_OBJECT (grid), "description", description);
  g_object_set_data (G_OBJECT (grid), "start", start);
  g_object_set_data (G_OBJECT (grid), "end", end);

  g_signal_connect_swapped (domain, "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (status, "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (description, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (start, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (end, "changed", G_CALLBACK (mark_dirty), self);

  return grid;
}

static void
remove_goal_cb (GtkButton               *button,
                MiriamParticipantEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  MiriamGoal *goal = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), "goal");

  if (goal->row.id != 0)
    g_array_append_val (self->removed_goals, goal->row.id);
  gtk_list_box_remove (self->goals_list, row);
  mark_dirty (self);
}

static void
add_goal_cb (MiriamParticipantEditor *self)
{
  MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);
  GtkWidget *row;

  g_free (goal->domain);
  goal->domain = g_strdup ("finances");
  miriam_date_today (&goal->start_date);
  row = goal_row_new (self, goal);
  miriam_record_free (MIRIAM_RECORD_GOAL, goal);

  gtk_list_box_append (self->goals_list, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "description"));
  mark_dirty (self);
}

/* Reads the goal rows into @goals; FALSE when a row cannot be saved. */
static gboolean
read_goals (MiriamParticipantEditor  *self,
            GPtrArray                *goals,
            GtkWidget               **first_invalid)
{
  gboolean ok = TRUE;

  g_ptr_array_set_size (goals, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GObject *grid = G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      MiriamGoal *goal = miriam_record_copy (MIRIAM_RECORD_GOAL, g_object_get_data (grid, "goal"));
      GtkWidget *description = g_object_get_data (grid, "description");
      GtkWidget *start = g_object_get_data (grid, "start");
      GtkWidget *end = g_object_get_data (grid, "end");

      replace_text (&goal->domain, dropdown_code (g_object_get_data (grid, "domain"), MIRIAM_VOCABULARY_LIFE_DOMAIN));
      replace_text (&goal->status, dropdown_code (g_object_get_data (grid, "status"), MIRIAM_VOCABULARY_GOAL_STATUS));
      replace_text (&goal->description, gtk_editable_get_text (GTK_EDITABLE (description)));
      g_strstrip (goal->description);

      if (goal->description[0] == '\0' && ok)
        {
          ok = FALSE;
          if (*first_invalid == NULL)
            *first_invalid = description;
        }
      if ((!miriam_date_parse (gtk_editable_get_text (GTK_EDITABLE (start)), &goal->start_date)
           || !miriam_date_parse (gtk_editable_get_text (GTK_EDITABLE (end)), &goal->end_date)) && ok)
        {
          ok = FALSE;
          if (*first_invalid == NULL)
            *first_invalid = start;
        }
      g_ptr_array_add (goals, goal);
    }

  show_field_error (self->goals_error,
                    ok ? NULL : _("Each goal needs a short description, and dates as day/month/year."));
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Filling the form                                                         */

static void
fill_status (MiriamParticipantEditor *self,
             const char              *code)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  MiriamStatus current = miriam_status_from_code (code);

  self->n_statuses = miriam_status_next (current, self->statuses, G_N_ELEMENTS (self->statuses));
  for (guint i = 0; i < self->n_statuses; i++)
    gtk_string_list_append (list, miriam_status_label (self->statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  set_entry (self->status_reason_entry, "");
  set_entry (self->status_day_entry, "");
  show_field_error (self->status_error, NULL);
  show_field_error (self->status_day_error, NULL);
}

static void
fill_history (MiriamParticipantEditor     *self,
              const MiriamParticipantFile *file)
{
  clear_list_box (self->history_list);

  for (guint i = file->status_steps->len; i > 0; i--)
    {
      const MiriamStatusStep *step = file->status_steps->pdata[i - 1];
      g_autofree char *day = miriam_format_date (&step->day);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (step->reason[0] != '\0')
        /* Translators: date — status — reason */
        text = g_strdup_printf (_("%s — %s — %s"), day,
                                miriam_status_label (miriam_status_from_code (step->status)),
                                step->reason);
      else
        text = g_strdup_printf (_("%s — %s"), day,
                                miriam_status_label (miriam_status_from_code (step->status)));

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->history_list, label);
    }
}

static void
update_title (MiriamParticipantEditor *self)
{
  const MiriamParticipant *p = self->loaded->participant;
  g_autofree char *title = NULL;

  if (p->row.id == 0)
    title = g_strdup (_("New Participant"));
  else
    title = g_strdup_printf ("%s %s", p->first_name, p->last_name);
  gtk_window_set_title (GTK_WINDOW (self), g_strstrip (title));
}

static void
fill_form (MiriamParticipantEditor     *self,
           const MiriamParticipantFile *file)
{
  const MiriamParticipant *p = file->participant;
  guint letter = 0;

  self->filling = TRUE;

  set_entry (self->first_name_entry, p->first_name);
  set_entry (self->last_name_entry, p->last_name);
  set_date_entry (self->birth_date_entry, &p->birth_date);
  if (p->insz[0] != '\0')
    {
      g_autofree char *formatted = miriam_insz_format (p->insz);
      set_entry (self->insz_entry, formatted);
    }
  else
    set_entry (self->insz_entry, "");
  set_entry (self->address_entry, p->address);
  set_entry (self->phone_entry, p->phone);
  set_entry (self->email_entry, p->email);
  miriam_gui_set_checks (self->languages_box, p->languages);
  for (guint i = 0; i < G_N_ELEMENTS (letter_codes); i++)
    if (g_str_equal (letter_codes[i], p->letter_language))
      letter = i;
  gtk_drop_down_set_selected (self->letter_language_dropdown, letter);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), p->notes, -1);

  select_vocabulary_code (self->income_dropdown, MIRIAM_VOCABULARY_INCOME, p->income);
  select_vocabulary_code (self->referrer_dropdown, MIRIAM_VOCABULARY_REFERRER, p->referred_by);
  clear_list_box (self->children_list);
  for (guint i = 0; i < file->children->len; i++)
    gtk_list_box_append (self->children_list, child_row_new (self, file->children->pdata[i]));
  g_array_set_size (self->removed_children, 0);

  set_date_entry (self->intake_date_entry, &p->intake_date);
  gtk_check_button_set_active (self->poverty_check, p->criterion_poverty);
  set_entry (self->poverty_note, p->criterion_poverty_note);
  gtk_check_button_set_active (self->isolated_check, p->criterion_isolated);
  set_entry (self->isolated_note, p->criterion_isolated_note);
  gtk_check_button_set_active (self->language_check, p->criterion_language);
  set_entry (self->language_note, p->criterion_language_note);
  gtk_check_button_set_active (self->voluntary_check, p->criterion_voluntary);
  set_entry (self->voluntary_note, p->criterion_voluntary_note);
  set_date_entry (self->consent_date_entry, &p->consent_date);
  set_entry (self->consent_note_entry, p->consent_note);

  fill_status (self, p->status);
  fill_history (self, file);

  clear_list_box (self->goals_list);
  for (guint i = 0; i < file->goals->len; i++)
    gtk_list_box_append (self->goals_list, goal_row_new (self, file->goals->pdata[i]));
  g_array_set_size (self->removed_goals, 0);
  show_field_error (self->goals_error, NULL);

  miriam_participant_groups_set (self->participant_groups, self->store, p->row.id, file->memberships);
  miriam_measurement_editor_set (self->measurement_editor, self->store, p->row.id);
  miriam_contact_log_set (self->contact_log, self->store, p->row.id, file->contacts);
  miriam_referral_list_set (self->referral_list, self->store, p->row.id, file->referrals);

  for (GtkLabel **l = (GtkLabel *[]) { self->name_error, self->birth_date_error, self->insz_error,
                                       self->intake_date_error, self->consent_date_error, NULL };
       *l != NULL; l++)
    show_field_error (*l, NULL);

  self->filling = FALSE;
  self->dirty = FALSE;
}

/* ---------------------------------------------------------------------- */
/* Reading and checking the form                                            */

/* Reads a date field; shows why if it cannot be read.  Never touches the
 * text. */
static gboolean
read_date (GtkEntry *entry,
           GtkLabel *error_label,
           GDate    *date)
{
  if (miriam_date_parse (entry_text (entry), date))
    {
      if (error_label != NULL)
        show_field_error (error_label, NULL);
      return TRUE;
    }
  if (error_label != NULL)
    show_field_error (error_label, _("Type the date as day/month/year, for example 23/11/1990."));
  return FALSE;
}

/* Builds the file as the form shows it.  Returns FALSE (and marks the
 * fields) when something cannot be saved; @first_invalid gets the widget
 * to focus. */
static gboolean
read_form (MiriamParticipantEditor  *self,
           MiriamParticipantFile   **out,
           GtkWidget               **first_invalid)
{
  g_autoptr(MiriamParticipantFile) file = miriam_participant_file_copy (self->loaded);
  MiriamParticipant *p = file->participant;
  g_autofree char *first = entry_stripped (self->first_name_entry);
  g_autofree char *last = entry_stripped (self->last_name_entry);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  MiriamInsz insz;
  MiriamInszResult insz_result;
  MiriamBirthDateCheck birth_check;
  MiriamStatusChange change;
  MiriamStatus to;
  GDate today;
  guint position;
  int year_now;
  gboolean children_ok = TRUE;

  *first_invalid = NULL;
  miriam_date_today (&today);
  year_now = g_date_get_year (&today);

#define INVALID(widget) G_STMT_START { if (*first_invalid == NULL) *first_invalid = GTK_WIDGET (widget); } G_STMT_END

  replace_text (&p->first_name, first);
  replace_text (&p->last_name, last);
  if (first[0] == '\0' && last[0] == '\0')
    {
      show_field_error (self->name_error, _("Type her first or last name."));
      INVALID (self->first_name_entry);
    }
  else
    show_field_error (self->name_error, NULL);

  if (!read_date (self->birth_date_entry, self->birth_date_error, &p->birth_date))
    INVALID (self->birth_date_entry);
  else if ((birth_check = miriam_birth_date_check (&p->birth_date, &today)) != MIRIAM_BIRTH_DATE_OK
           && birth_check != MIRIAM_BIRTH_DATE_UNKNOWN)
    {
      show_field_error (self->birth_date_error, miriam_birth_date_check_message (birth_check));
      INVALID (self->birth_date_entry);
    }

  insz_result = miriam_insz_parse (entry_text (self->insz_entry), &insz);
  if (insz_result == MIRIAM_INSZ_VALID)
    {
      replace_text (&p->insz, insz.digits);
      if (g_date_valid (&insz.birth_date) && g_date_valid (&p->birth_date)
          && g_date_compare (&insz.birth_date, &p->birth_date) != 0)
        {
          show_field_error (self->insz_error, _("This INSZ belongs to another birth date. Check the "
                                                "number and the birth date."));
          INVALID (self->insz_entry);
        }
      else
        show_field_error (self->insz_error, NULL);
    }
  else if (insz_result == MIRIAM_INSZ_EMPTY)
    {
      replace_text (&p->insz, "");
      show_field_error (self->insz_error, NULL);
    }
  else
    {
      show_field_error (self->insz_error, miriam_insz_result_message (insz_result));
      INVALID (self->insz_entry);
    }

  {
    g_autofree char *address = entry_stripped (self->address_entry);
    g_autofree char *phone = entry_stripped (self->phone_entry);
    g_autofree char *email = entry_stripped (self->email_entry);
    /* Languages without a box here (another version of MIRIAM) stay. */
    g_autofree char *languages = miriam_gui_get_checks (self->languages_box,
                                                        self->loaded->participant->languages);

    replace_text (&p->address, address);
    replace_text (&p->phone, phone);
    replace_text (&p->email, email);
    replace_text (&p->languages, languages);
  }
  position = gtk_drop_down_get_selected (self->letter_language_dropdown);
  replace_text (&p->letter_language, position < G_N_ELEMENTS (letter_codes) ? letter_codes[position] : "");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  replace_text (&p->notes, notes);

  replace_text (&p->income, selected_vocabulary_code (self->income_dropdown, MIRIAM_VOCABULARY_INCOME));
  replace_text (&p->referred_by, selected_vocabulary_code (self->referrer_dropdown, MIRIAM_VOCABULARY_REFERRER));

  g_ptr_array_set_size (file->children, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->children_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      MiriamChild *child = miriam_record_copy (MIRIAM_RECORD_CHILD, g_object_get_data (G_OBJECT (box), "child"));
      g_autofree char *name = entry_stripped (g_object_get_data (G_OBJECT (box), "name"));
      g_autofree char *year = entry_stripped (g_object_get_data (G_OBJECT (box), "year"));
      gint64 y = 0;

      replace_text (&child->first_name, name);
      if (year[0] != '\0'
          && (!g_ascii_string_to_signed (year, 10, year_now - 60, year_now, &y, NULL)))
        {
          children_ok = FALSE;
          INVALID (g_object_get_data (G_OBJECT (box), "year"));
        }
      child->birth_year = y;
      child->in_care = gtk_check_button_get_active (g_object_get_data (G_OBJECT (box), "in-care"));
      child->participant_id = p->row.id;
      g_ptr_array_add (file->children, child);
    }
  g_array_set_size (file->removed_children, 0);
  g_array_append_vals (file->removed_children, self->removed_children->data, self->removed_children->len);

  read_goals (self, file->goals, first_invalid);
  g_array_set_size (file->removed_goals, 0);
  g_array_append_vals (file->removed_goals, self->removed_goals->data, self->removed_goals->len);

  if (!read_date (self->intake_date_entry, self->intake_date_error, &p->intake_date))
    INVALID (self->intake_date_entry);
  p->criterion_poverty = gtk_check_button_get_active (self->poverty_check);
  p->criterion_isolated = gtk_check_button_get_active (self->isolated_check);
  p->criterion_language = gtk_check_button_get_active (self->language_check);
  p->criterion_voluntary = gtk_check_button_get_active (self->voluntary_check);
  replace_text (&p->criterion_poverty_note, entry_text (self->poverty_note));
  replace_text (&p->criterion_isolated_note, entry_text (self->isolated_note));
  replace_text (&p->criterion_language_note, entry_text (self->language_note));
  replace_text (&p->criterion_voluntary_note, entry_text (self->voluntary_note));
  if (!read_date (self->consent_date_entry, self->consent_date_error, &p->consent_date))
    INVALID (self->consent_date_entry);
  else if (g_date_valid (&p->consent_date) && g_date_compare (&p->consent_date, &today) > 0)
    {
      show_field_error (self->consent_date_error, _("Consent cannot be given in the future."));
      INVALID (self->consent_date_entry);
    }
  replace_text (&p->consent_note, entry_text (self->consent_note_entry));

  position = gtk_drop_down_get_selected (self->status_dropdown);
  to = position < self->n_statuses ? self->statuses[position] : miriam_status_from_code (p->status);
  {
    g_autofree char *reason = entry_stripped (self->status_reason_entry);

    change = miriam_status_check_change (miriam_status_from_code (self->loaded->participant->status),
                                         to, g_date_valid (&p->consent_date), reason);
  }
  if (change != MIRIAM_STATUS_CHANGE_ALLOWED && change != MIRIAM_STATUS_CHANGE_SAME)
    {
      show_field_error (self->status_error, miriam_status_change_message (change));
      INVALID (self->status_dropdown);
    }
  else
    show_field_error (self->status_error, NULL);
  replace_text (&p->status, miriam_status_to_code (to));

  /* Empty: today.  A change is recorded, never foreseen. */
  if (!read_date (self->status_day_entry, self->status_day_error, &file->status_day))
    INVALID (self->status_day_entry);
  else if (g_date_valid (&file->status_day) && g_date_compare (&file->status_day, &today) > 0)
    {
      show_field_error (self->status_day_error, _("A change of status cannot be dated in the future."));
      INVALID (self->status_day_entry);
    }

#undef INVALID

  /* Her groups are saved with her file, in the same transaction. */
  {
    GPtrArray *memberships = miriam_participant_groups_get_memberships (self->participant_groups);

    g_ptr_array_set_size (file->memberships, 0);
    for (guint i = 0; i < memberships->len; i++)
      g_ptr_array_add (file->memberships,
                       miriam_record_copy (MIRIAM_RECORD_MEMBERSHIP, memberships->pdata[i]));
  }

  if (*first_invalid != NULL && !children_ok)
    show_message (self, _("Check the years of birth of the children: four digits, for example 2019."));

  if (*first_invalid != NULL)
    return FALSE;

  *out = g_steal_pointer (&file);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Saving and conflicts                                                     */

static void save (MiriamParticipantEditor *self);

/* Field names as people know them, for the conflict list. */
static const struct { const char *field; const char *label; } field_labels[] = {
  { "first_name", N_("First name") },
  { "last_name", N_("Last name") },
  { "birth_date", N_("Birth date") },
  { "insz", N_("INSZ") },
  { "address", N_("Address") },
  { "phone", N_("Phone") },
  { "email", N_("E-mail") },
  { "languages", N_("Languages she speaks") },
  { "letter_language", N_("Letters in") },
  { "income", N_("Income") },
  { "referred_by", N_("Referred by") },
  { "status", N_("Status") },
  { "consent_date", N_("Consent given on") },
  { "consent_note", N_("What was agreed") },
  { "notes", N_("Notes") },
  { "intake_date", N_("Intake date") },
};

static char *
field_text (const MiriamField *field,
            gconstpointer      record)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      return g_strdup (*MIRIAM_FIELD_PTR (record, field, char *));
    case MIRIAM_FIELD_DATE:
      return miriam_format_date (MIRIAM_FIELD_PTR (record, field, GDate));
    case MIRIAM_FIELD_BOOL:
      return g_strdup (*MIRIAM_FIELD_PTR (record, field, gboolean) ? _("yes") : _("no"));
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *MIRIAM_FIELD_PTR (record, field, gint64));
    }
}

static const char *
field_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, name))
      return _(field_labels[i].label);
  return NULL;
}

/* Lists, field by field, where her version and mine differ, so that
 * nothing is lost whichever the user keeps. */
static char *
describe_differences (const MiriamParticipant *theirs,
                      const MiriamParticipant *mine)
{
  const MiriamRecordInfo *info = miriam_record_info (MIRIAM_RECORD_PARTICIPANT);
  GString *text = g_string_new (NULL);
  guint others = 0;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MiriamField *field = &info->fields[i];
      const char *label = field_label (field->name);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (miriam_record_field_equal (field, theirs, mine))
        continue;
      if (label == NULL)
        {
          others++;
          continue;
        }
      a = field_text (field, theirs);
      b = field_text (field, mine);
      /* Translators: field: the colleague's value / your value */
      g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"), label, a, b);
    }
  if (others > 0)
    g_string_append_printf (text, ngettext ("%u other field differs.", "%u other fields differ.", others),
                            others);

  return g_strchomp (g_string_free (text, FALSE));
}

static void
theirs_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamParticipantEditor *self = user_data;
  g_autoptr(MiriamParticipantFile) theirs = NULL;
  g_autoptr(MiriamParticipantFile) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *differences = NULL;
  GtkWidget *invalid;

  theirs = miriam_store_load_participant_file_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (theirs == NULL)
    {
      show_message (self, error->message);
      return;
    }

  if (!read_form (self, &mine, &invalid))
    return;

  differences = describe_differences (theirs->participant, mine->participant);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  self->theirs = g_steal_pointer (&theirs);

  show_message (self, _("A colleague saved this file while you were editing it. Nothing was "
                        "overwritten and your changes are still in the form. Choose which "
                        "version to keep:"));
  gtk_label_set_text (self->conflict_label, differences);
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), differences[0] != '\0');
  gtk_widget_set_visible (self->conflict_buttons, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamParticipantEditor *self = user_data;
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = miriam_store_save_participant_file_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  miriam_gui_form_release (GTK_WIDGET (self->pages));

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
        miriam_store_load_participant_file_async (self->store, self->loaded->participant->row.id,
                                                  self->cancellable, theirs_loaded_cb, self);
      else if (miriam_store_error_is_unreachable (error))
        {
          g_autofree char *message = g_strdup_printf ("%s %s", error->message,
                                                      _("Your changes stay in this form, and on this "
                                                        "computer until they are saved."));
          show_message (self, message);
          write_draft_now (self);
        }
      else
        show_message (self, error->message);
      return;
    }

  forget_draft (self, self->loaded->participant->row.id);
  g_clear_pointer (&self->loaded, miriam_participant_file_free);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  self->loaded = g_steal_pointer (&file);
  fill_form (self, self->loaded);
  update_title (self);
  show_message (self, NULL);
  self->changed_by_colleague = FALSE;
  update_share_note (self);
  start_presence (self);

  g_signal_emit (self, signals[SAVED], 0);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (MiriamParticipantEditor *self)
{
  g_autoptr(MiriamParticipantFile) file = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *invalid = NULL;

  if (self->saving || self->loaded == NULL)
    return;

  if (!read_form (self, &file, &invalid))
    {
      GtkWidget *page = gtk_widget_get_ancestor (invalid, GTK_TYPE_SCROLLED_WINDOW);

      /* Show the page with the first problem, and put the cursor there. */
      while (page != NULL && gtk_widget_get_parent (page) != GTK_WIDGET (self->pages))
        page = gtk_widget_get_parent (page);
      if (page != NULL)
        gtk_stack_set_visible_child (self->pages, page);
      gtk_widget_grab_focus (invalid);
      if (!gtk_revealer_get_reveal_child (self->message_revealer))
        show_message (self, _("Some fields need your attention before this file can be saved."));
      self->close_after_save = FALSE;
      return;
    }

  reason = entry_stripped (self->status_reason_entry);
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  miriam_gui_form_hold (GTK_WIDGET (self->pages));
  miriam_store_save_participant_file_async (self->store, file, reason,
                                            self->cancellable, saved_cb, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  save (MIRIAM_PARTICIPANT_EDITOR (widget));
}

/* The user read both versions and keeps hers: save the form again on top
 * of the colleague's version, knowingly. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (widget);

  if (self->theirs == NULL)
    return;

  /* Only the version numbers move: the form is read again on save. */
  self->loaded->participant->row.version = self->theirs->participant->row.version;
  for (guint i = 0; i < self->loaded->children->len; i++)
    {
      MiriamChild *mine = self->loaded->children->pdata[i];

      for (guint j = 0; j < self->theirs->children->len; j++)
        {
          MiriamChild *theirs = self->theirs->children->pdata[j];
          if (theirs->row.id == mine->row.id)
            mine->row.version = theirs->row.version;
        }
    }
  /* Rows keep a copy of the child as loaded; refresh their versions too. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->children_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      MiriamChild *child = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), "child");

      for (guint j = 0; j < self->theirs->children->len; j++)
        {
          MiriamChild *theirs = self->theirs->children->pdata[j];
          if (theirs->row.id == child->row.id)
            child->row.version = theirs->row.version;
        }
    }

  show_message (self, NULL);
  save (self);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (widget);

  if (self->theirs == NULL)
    return;

  g_clear_pointer (&self->loaded, miriam_participant_file_free);
  self->loaded = g_steal_pointer (&self->theirs);
  fill_form (self, self->loaded);
  update_title (self);
  show_message (self, NULL);
  /* Her own changes went with her choice. */
  forget_draft (self, self->loaded->participant->row.id);
  self->changed_by_colleague = FALSE;
  update_share_note (self);
}

/* The merge dialog saved: its result is the file now, as after a save. */
static void
merged_cb (MiriamParticipantEditor *self,
           MiriamParticipantFile   *saved)
{
  forget_draft (self, self->loaded->participant->row.id);
  g_clear_pointer (&self->loaded, miriam_participant_file_free);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  self->loaded = miriam_participant_file_copy (saved);
  fill_form (self, self->loaded);
  update_title (self);
  show_message (self, NULL);
  self->changed_by_colleague = FALSE;
  update_share_note (self);
  start_presence (self);

  g_signal_emit (self, signals[SAVED], 0);
}

/* Both versions side by side, merged field by field where only one of
 * us changed something.  The form stays as it is until the merged
 * version is saved, so closing the dialog loses nothing. */
static void
merge_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (widget);
  g_autoptr(MiriamParticipantFile) mine = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *invalid = NULL;
  MiriamMergeDialog *dialog;

  if (self->theirs == NULL || self->saving)
    return;
  if (!read_form (self, &mine, &invalid))
    {
      gtk_widget_grab_focus (invalid);
      return;
    }

  reason = entry_stripped (self->status_reason_entry);
  dialog = miriam_participant_merge_dialog_new (GTK_WINDOW (self), self->store, self->loaded, mine,
                                                self->theirs, reason);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Closing                                                                  */

static void
unsaved_response_cb (GtkDialog               *dialog,
                     int                      response,
                     MiriamParticipantEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      self->close_after_save = TRUE;
      save (self);
    }
  else if (response == GTK_RESPONSE_REJECT)
    {
      self->dirty = FALSE;
      forget_draft (self, self->loaded->participant->row.id);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
miriam_participant_editor_close_request (GtkWindow *window)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (window);
  GtkWidget *dialog;

  /* Scores are saved on their own page: show it, and what to do there. */
  if (miriam_measurement_editor_check_unsaved (self->measurement_editor))
    {
      gtk_stack_set_visible_child_name (self->pages, "measurements");
      return TRUE;
    }
  if (!self->dirty && !self->saving)
    return GTK_WINDOW_CLASS (miriam_participant_editor_parent_class)->close_request (window);

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Save the changes to this file?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you close without saving, your changes are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Close Without Saving"), GTK_RESPONSE_REJECT,
                          _("Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Drafts and colleagues                                                    */

/* A second after the last keystroke, what the form holds goes to a draft
 * on this computer: a dropped share or a crash then loses nothing. */
#define DRAFT_DELAY_MS 1000
/* The heartbeat that tells colleagues this file is open here. */
#define HEARTBEAT_SECONDS 30

/* The form's plain fields; their template ids are their keys in a draft. */
static GPtrArray *
plain_fields (MiriamParticipantEditor *self)
{
  GPtrArray *fields = g_ptr_array_new ();
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->first_name_entry), GTK_WIDGET (self->last_name_entry),
    GTK_WIDGET (self->birth_date_entry), GTK_WIDGET (self->insz_entry),
    GTK_WIDGET (self->address_entry), GTK_WIDGET (self->phone_entry),
    GTK_WIDGET (self->email_entry), GTK_WIDGET (self->intake_date_entry),
    GTK_WIDGET (self->poverty_note), GTK_WIDGET (self->isolated_note),
    GTK_WIDGET (self->language_note), GTK_WIDGET (self->voluntary_note),
    GTK_WIDGET (self->consent_date_entry), GTK_WIDGET (self->consent_note_entry),
    GTK_WIDGET (self->status_reason_entry), GTK_WIDGET (self->status_day_entry),
    GTK_WIDGET (self->poverty_check), GTK_WIDGET (self->isolated_check),
    GTK_WIDGET (self->language_check), GTK_WIDGET (self->voluntary_check),
    GTK_WIDGET (self->letter_language_dropdown), GTK_WIDGET (self->income_dropdown),
    GTK_WIDGET (self->referrer_dropdown), GTK_WIDGET (self->status_dropdown),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widgets[i])) != NULL)
      g_ptr_array_add (fields, widgets[i]);
  return fields;
}

static void
put_entry (MiriamDraft *draft,
           const char  *key,
           gpointer     entry)
{
  miriam_draft_set_text (draft, key, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
take_entry (const MiriamDraft *draft,
            const char        *key,
            gpointer           entry)
{
  const char *text = miriam_draft_get_text (draft, key);

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
take_selected (const MiriamDraft *draft,
               const char        *key,
               gpointer           dropdown)
{
  gint64 position = miriam_draft_get_int (draft, key, -1);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  if (position >= 0 && model != NULL && position < g_list_model_get_n_items (model))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
}

static char *
join_ids (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static void
split_ids (const char *text,
           GArray     *ids)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  g_array_set_size (ids, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        g_array_append_val (ids, id);
    }
}

/* Everything typed in the form, valid or not, as it stands. */
static MiriamDraft *
draft_from_form (MiriamParticipantEditor *self)
{
  const MiriamParticipant *p = self->loaded->participant;
  MiriamDraft *draft = miriam_draft_new (miriam_store_get_path (self->store), MIRIAM_RECORD_PARTICIPANT,
                                         p->row.id, p->row.version);
  g_autoptr(GPtrArray) fields = plain_fields (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_autofree char *languages = miriam_gui_get_checks (self->languages_box, p->languages);
  g_autofree char *removed_children = join_ids (self->removed_children);
  g_autofree char *removed_goals = join_ids (self->removed_goals);
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *widget = fields->pdata[i];
      const char *key = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

      if (GTK_IS_EDITABLE (widget))
        put_entry (draft, key, widget);
      else if (GTK_IS_CHECK_BUTTON (widget))
        miriam_draft_set_int (draft, key, gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
      else if (GTK_IS_DROP_DOWN (widget))
        miriam_draft_set_int (draft, key, gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
    }
  /* The status choices depend on the status she had. */
  miriam_draft_set_text (draft, "status-from", p->status);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  miriam_draft_set_text (draft, "notes", notes);
  miriam_draft_set_text (draft, "languages", languages);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->children_list));
       row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      GObject *box = G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      const MiriamChild *child = g_object_get_data (box, "child");
      g_autofree char *prefix = g_strdup_printf ("child%u.", n);
      g_autofree char *k_id = g_strconcat (prefix, "id", NULL);
      g_autofree char *k_version = g_strconcat (prefix, "version", NULL);
      g_autofree char *k_name = g_strconcat (prefix, "name", NULL);
      g_autofree char *k_year = g_strconcat (prefix, "year", NULL);
      g_autofree char *k_care = g_strconcat (prefix, "in-care", NULL);

      miriam_draft_set_int (draft, k_id, child->row.id);
      miriam_draft_set_int (draft, k_version, child->row.version);
      put_entry (draft, k_name, g_object_get_data (box, "name"));
      put_entry (draft, k_year, g_object_get_data (box, "year"));
      miriam_draft_set_int (draft, k_care, gtk_check_button_get_active (g_object_get_data (box, "in-care")));
    }
  miriam_draft_set_int (draft, "children", n);
  miriam_draft_set_text (draft, "removed-children", removed_children);

  n = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
       row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      GObject *grid = G_OBJECT (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      const MiriamGoal *goal = g_object_get_data (grid, "goal");
      static const char * const parts[] = { "description", "start", "end" };
      g_autofree char *prefix = g_strdup_printf ("goal%u.", n);
      g_autofree char *k_id = g_strconcat (prefix, "id", NULL);
      g_autofree char *k_version = g_strconcat (prefix, "version", NULL);
      g_autofree char *k_domain = g_strconcat (prefix, "domain", NULL);
      g_autofree char *k_status = g_strconcat (prefix, "status", NULL);

      miriam_draft_set_int (draft, k_id, goal->row.id);
      miriam_draft_set_int (draft, k_version, goal->row.version);
      miriam_draft_set_int (draft, k_domain, gtk_drop_down_get_selected (g_object_get_data (grid, "domain")));
      miriam_draft_set_int (draft, k_status, gtk_drop_down_get_selected (g_object_get_data (grid, "status")));
      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        {
          g_autofree char *key = g_strconcat (prefix, parts[j], NULL);
          put_entry (draft, key, g_object_get_data (grid, parts[j]));
        }
    }
  miriam_draft_set_int (draft, "goals", n);
  miriam_draft_set_text (draft, "removed-goals", removed_goals);

  return draft;
}

/* Puts a draft's fields back in the form, on top of the file as loaded. */
static void
restore_draft (MiriamParticipantEditor *self,
               const MiriamDraft       *draft)
{
  MiriamParticipant *p = self->loaded->participant;
  g_autoptr(GPtrArray) fields = plain_fields (self);
  const char *text;
  gint64 n;

  self->filling = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *widget = fields->pdata[i];
      const char *key = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

      if (GTK_IS_EDITABLE (widget))
        take_entry (draft, key, widget);
      else if (GTK_IS_CHECK_BUTTON (widget) && miriam_draft_get_int (draft, key, -1) >= 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), miriam_draft_get_int (draft, key, 0) != 0);
      else if (GTK_IS_DROP_DOWN (widget)
               && (widget != GTK_WIDGET (self->status_dropdown)
                   || g_strcmp0 (miriam_draft_get_text (draft, "status-from"), p->status) == 0))
        take_selected (draft, key, widget);
    }

  if ((text = miriam_draft_get_text (draft, "notes")) != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
  if ((text = miriam_draft_get_text (draft, "languages")) != NULL)
    miriam_gui_set_checks (self->languages_box, text);

  if ((n = miriam_draft_get_int (draft, "children", -1)) >= 0)
    {
      clear_list_box (self->children_list);
      for (gint64 i = 0; i < n; i++)
        {
          MiriamChild *child = miriam_record_new (MIRIAM_RECORD_CHILD);
          g_autofree char *prefix = g_strdup_printf ("child%u.", (guint) i);
          g_autofree char *k_id = g_strconcat (prefix, "id", NULL);
          g_autofree char *k_version = g_strconcat (prefix, "version", NULL);
          g_autofree char *k_name = g_strconcat (prefix, "name", NULL);
          g_autofree char *k_year = g_strconcat (prefix, "year", NULL);
          g_autofree char *k_care = g_strconcat (prefix, "in-care", NULL);
          GtkWidget *row;

          child->row.id = miriam_draft_get_int (draft, k_id, 0);
          child->row.version = miriam_draft_get_int (draft, k_version, 0);
          child->participant_id = p->row.id;
          child->in_care = miriam_draft_get_int (draft, k_care, 0) != 0;
          row = child_row_new (self, child);
          take_entry (draft, k_name, g_object_get_data (G_OBJECT (row), "name"));
          take_entry (draft, k_year, g_object_get_data (G_OBJECT (row), "year"));
          gtk_list_box_append (self->children_list, row);
          miriam_record_free (MIRIAM_RECORD_CHILD, child);
        }
      split_ids (miriam_draft_get_text (draft, "removed-children"), self->removed_children);
    }

  if ((n = miriam_draft_get_int (draft, "goals", -1)) >= 0)
    {
      clear_list_box (self->goals_list);
      for (gint64 i = 0; i < n; i++)
        {
          MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);
          static const char * const parts[] = { "description", "start", "end" };
          g_autofree char *prefix = g_strdup_printf ("goal%u.", (guint) i);
          g_autofree char *k_id = g_strconcat (prefix, "id", NULL);
          g_autofree char *k_version = g_strconcat (prefix, "version", NULL);
          g_autofree char *k_domain = g_strconcat (prefix, "domain", NULL);
          g_autofree char *k_status = g_strconcat (prefix, "status", NULL);
          GtkWidget *grid;

          goal->row.id = miriam_draft_get_int (draft, k_id, 0);
          goal->row.version = miriam_draft_get_int (draft, k_version, 0);
          goal->participant_id = p->row.id;
          grid = goal_row_new (self, goal);
          take_selected (draft, k_domain, g_object_get_data (G_OBJECT (grid), "domain"));
          take_selected (draft, k_status, g_object_get_data (G_OBJECT (grid), "status"));
          for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
            {
              g_autofree char *key = g_strconcat (prefix, parts[j], NULL);
              take_entry (draft, key, g_object_get_data (G_OBJECT (grid), parts[j]));
            }
          gtk_list_box_append (self->goals_list, grid);
          miriam_record_free (MIRIAM_RECORD_GOAL, goal);
        }
      split_ids (miriam_draft_get_text (draft, "removed-goals"), self->removed_goals);
    }

  /* The version her edits started from: if a colleague saved since, the
   * save shows both versions instead of overwriting the colleague's. */
  p->row.version = miriam_draft_get_version (draft);

  self->filling = FALSE;
  self->dirty = TRUE;
}

static void
write_draft_now (MiriamParticipantEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  /* Not while an older draft waits for her choice: it would be lost. */
  if (self->loaded == NULL || self->offered_draft != NULL || !self->dirty)
    return;
  miriam_draft_save_later (draft_from_form (self));
}

static gboolean
draft_tick (gpointer user_data)
{
  MiriamParticipantEditor *self = user_data;

  self->draft_source = 0;
  write_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (MiriamParticipantEditor *self)
{
  if (self->loaded == NULL || miriam_store_get_access (self->store) != MIRIAM_STORE_WRITABLE)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_tick, self);
}

/* Saved (under @draft_id, 0 for a new file): the draft has served. */
static void
forget_draft (MiriamParticipantEditor *self,
              gint64                   draft_id)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  miriam_draft_remove_later (miriam_store_get_path (self->store), MIRIAM_RECORD_PARTICIPANT, draft_id);
}

static void
close_draft_offer (MiriamParticipantEditor *self)
{
  g_clear_pointer (&self->offered_draft, miriam_draft_free);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_revealer), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
}

/* Opening a file with changes never saved (the share dropped, MIRIAM
 * closed): the form waits until she restores or discards them. */
static void
offer_draft (MiriamParticipantEditor *self)
{
  const MiriamParticipant *p = self->loaded->participant;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  MiriamDraft *draft;
  GDate date;

  if (miriam_store_get_access (self->store) != MIRIAM_STORE_WRITABLE)
    return;
  draft = miriam_draft_load (miriam_store_get_path (self->store), MIRIAM_RECORD_PARTICIPANT,
                             p->row.id, &error);
  if (draft == NULL)
    {
      if (error != NULL)
        g_warning ("A draft could not be read: %s", error->message);
      return;
    }

  saved_at = miriam_draft_get_saved_at (draft);
  local = g_date_time_to_local (saved_at);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = miriam_format_date (&date);
  time = g_date_time_format (local, "%H:%M");

  if (p->row.id != 0
      && (miriam_draft_get_version (draft) < p->row.version
          || !miriam_draft_is_newer_than (draft, p->row.updated_at)))
    /* Translators: the first %s is a date, the second a time */
    text = g_strdup_printf (_("Changes to this file made on %s at %s were not saved. A colleague "
                              "saved the file since: if you restore your changes, saving shows "
                              "both versions."), day, time);
  else
    /* Translators: the first %s is a date, the second a time */
    text = g_strdup_printf (_("Changes to this file made on %s at %s were not saved (the database "
                              "file could not be reached, or MIRIAM was closed)."), day, time);

  self->offered_draft = draft;
  gtk_label_set_text (self->draft_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
  /* Nothing to type or save over it until she chose. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *param G_GNUC_UNUSED)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (widget);

  if (self->offered_draft == NULL)
    return;
  restore_draft (self, self->offered_draft);
  close_draft_offer (self);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *param G_GNUC_UNUSED)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (widget);

  if (self->offered_draft == NULL)
    return;
  forget_draft (self, miriam_draft_get_id (self->offered_draft));
  close_draft_offer (self);
}

/* "Amina is editing this file", and whether a colleague saved it. */
static void
update_share_note (MiriamParticipantEditor *self)
{
  GString *text = g_string_new (NULL);
  guint n = self->colleagues != NULL ? g_strv_length (self->colleagues) : 0;

  if (n == 1)
    g_string_append_printf (text, _("%s is editing this file."), self->colleagues[0]);
  else if (n == 2)
    g_string_append_printf (text, _("%s and %s are editing this file."),
                            self->colleagues[0], self->colleagues[1]);
  else if (n > 2)
    g_string_append_printf (text, ngettext ("%s and %u other colleague are editing this file.",
                                            "%s and %u other colleagues are editing this file.", n - 1),
                            self->colleagues[0], n - 1);
  if (self->changed_by_colleague)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                            _("A colleague changed this file; your save will be checked."));

  gtk_label_set_text (self->share_note, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->share_note), text->len > 0);
  g_string_free (text, TRUE);
}

static void
show_presence (MiriamParticipantEditor *self,
               MiriamPresence          *presence)
{
  g_strfreev (self->colleagues);
  self->colleagues = g_strdupv (presence->colleagues);
  /* Our own save in flight is not a colleague's. */
  if (self->loaded != NULL && !self->saving
      && presence->version > self->loaded->participant->row.version)
    self->changed_by_colleague = TRUE;
  update_share_note (self);
}

/* Advisory only: a failed heartbeat or look is not worth a message (the
 * main window says when the file cannot be reached). */
static void
touched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MiriamPresence) presence = NULL;
  g_autoptr(GError) error = NULL;

  presence = miriam_store_touch_presence_finish (MIRIAM_STORE (object), result, &error);
  if (presence != NULL)
    show_presence (user_data, presence);
}

static void
looked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MiriamPresence) presence = NULL;
  g_autoptr(GError) error = NULL;

  presence = miriam_store_list_presence_finish (MIRIAM_STORE (object), result, &error);
  if (presence != NULL)
    show_presence (user_data, presence);
}

static gboolean
heartbeat_tick (gpointer user_data)
{
  MiriamParticipantEditor *self = user_data;

  miriam_store_touch_presence_async (self->store, self->present_id, self->cancellable,
                                     touched_cb, self);
  return G_SOURCE_CONTINUE;
}

/* Her file is open here: colleagues see it, and we see them. */
static void
start_presence (MiriamParticipantEditor *self)
{
  gint64 id = self->loaded->participant->row.id;

  if (id <= 0 || self->present_id != 0)
    return;
  if (miriam_store_get_access (self->store) != MIRIAM_STORE_WRITABLE)
    {
      miriam_store_list_presence_async (self->store, id, self->cancellable, looked_cb, self);
      return;
    }
  self->present_id = id;
  heartbeat_tick (self);
  self->heartbeat_source = g_timeout_add_seconds (HEARTBEAT_SECONDS, heartbeat_tick, self);
}

void
miriam_participant_editor_file_changed (MiriamParticipantEditor *self)
{
  g_return_if_fail (MIRIAM_IS_PARTICIPANT_EDITOR (self));

  if (self->loaded == NULL || self->loaded->participant->row.id <= 0)
    return;
  miriam_store_list_presence_async (self->store, self->loaded->participant->row.id,
                                    self->cancellable, looked_cb, self);
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                  */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamParticipantEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamParticipantFile *file;

  file = miriam_store_load_participant_file_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (file == NULL)
    {
      show_message (self, error->message);
      return;
    }

  self->loaded = file;
  fill_form (self, file);
  update_title (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_entry));
  start_presence (self);
  offer_draft (self);
}

gint64
miriam_participant_editor_get_id (MiriamParticipantEditor *self)
{
  g_return_val_if_fail (MIRIAM_IS_PARTICIPANT_EDITOR (self), 0);
  return self->loaded != NULL ? self->loaded->participant->row.id : 0;
}

static void
fill_choices (MiriamParticipantEditor *self)
{
  g_autoptr(GtkStringList) letters = gtk_string_list_new (NULL);

  miriam_gui_fill_checks (self->languages_box, MIRIAM_VOCABULARY_LANGUAGE, G_CALLBACK (mark_dirty), self);

  gtk_string_list_append (letters, _("Not chosen"));
  for (guint i = 1; i < G_N_ELEMENTS (letter_codes); i++)
    gtk_string_list_append (letters, miriam_vocabulary_label (MIRIAM_VOCABULARY_LANGUAGE, letter_codes[i]));
  gtk_drop_down_set_model (self->letter_language_dropdown, G_LIST_MODEL (letters));

  fill_vocabulary_dropdown (self->income_dropdown, MIRIAM_VOCABULARY_INCOME, _("Not recorded"));
  fill_vocabulary_dropdown (self->referrer_dropdown, MIRIAM_VOCABULARY_REFERRER, _("Not recorded"));

  miriam_gui_name_drop_down (self->letter_language_dropdown, _("Letters in"));
  miriam_gui_name_drop_down (self->income_dropdown, _("Income"));
  miriam_gui_name_drop_down (self->referrer_dropdown, _("Referred by"));
  miriam_gui_name_drop_down (self->status_dropdown, _("Status"));
}

static void
watch_changes (MiriamParticipantEditor *self)
{
  GtkEntry *entries[] = {
    self->first_name_entry, self->last_name_entry, self->birth_date_entry, self->insz_entry,
    self->address_entry, self->phone_entry, self->email_entry, self->intake_date_entry,
    self->poverty_note, self->isolated_note, self->language_note, self->voluntary_note,
    self->consent_date_entry, self->consent_note_entry, self->status_reason_entry,
    self->status_day_entry,
  };
  GtkCheckButton *checks[] = {
    self->poverty_check, self->isolated_check, self->language_check, self->voluntary_check,
  };
  GtkDropDown *dropdowns[] = {
    self->letter_language_dropdown, self->income_dropdown, self->referrer_dropdown,
    self->status_dropdown,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (mark_dirty), self);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_signal_connect_swapped (checks[i], "toggled", G_CALLBACK (mark_dirty), self);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (mark_dirty), self);
}

MiriamParticipantEditor *
miriam_participant_editor_new (GtkWindow   *parent,
                               MiriamStore *store,
                               gint64       id)
{
  MiriamParticipantEditor *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_PARTICIPANT_EDITOR,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);

  if (miriam_store_get_access (store) != MIRIAM_STORE_WRITABLE)
    {
      gtk_widget_set_visible (self->save_button, FALSE);
      show_message (self, _("This database is read-only: you can read this file, but not save changes."));
    }

  if (id == 0)
    {
      self->loaded = miriam_participant_file_new ();
      fill_form (self, self->loaded);
      update_title (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->first_name_entry));
      offer_draft (self);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->pages), FALSE);
      miriam_store_load_participant_file_async (store, id, self->cancellable, loaded_cb, self);
    }

  return self;
}

static void
part_added_cb (MiriamParticipantEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

static void
miriam_participant_editor_dispose (GObject *object)
{
  MiriamParticipantEditor *self = MIRIAM_PARTICIPANT_EDITOR (object);

  /* Typed in the last second: still kept. */
  if (self->draft_source != 0 && self->store != NULL)
    write_draft_now (self);
  g_clear_handle_id (&self->heartbeat_source, g_source_remove);
  if (self->present_id != 0 && self->store != NULL)
    miriam_store_clear_presence_async (self->store, self->present_id);
  self->present_id = 0;
  g_clear_pointer (&self->offered_draft, miriam_draft_free);
  g_clear_pointer (&self->colleagues, g_strfreev);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded, miriam_participant_file_free);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  g_clear_pointer (&self->removed_children, g_array_unref);
  g_clear_pointer (&self->removed_goals, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_PARTICIPANT_EDITOR);

  G_OBJECT_CLASS (miriam_participant_editor_parent_class)->dispose (object);
}

static void
miriam_participant_editor_class_init (MiriamParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_participant_editor_dispose;
  window_class->close_request = miriam_participant_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MIRIAM_TYPE_CONTACT_LOG);
  g_type_ensure (MIRIAM_TYPE_PARTICIPANT_GROUPS);
  g_type_ensure (MIRIAM_TYPE_MEASUREMENT_EDITOR);
  g_type_ensure (MIRIAM_TYPE_REFERRAL_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/be/ocmw/Miriam/ui/miriam-participant-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MiriamParticipantEditor, name)
  BIND (message_revealer);
  BIND (message_label);
  BIND (conflict_label);
  BIND (conflict_buttons);
  BIND (save_button);
  BIND (pages);
  BIND (first_name_entry);
  BIND (last_name_entry);
  BIND (name_error);
  BIND (birth_date_entry);
  BIND (birth_date_error);
  BIND (insz_entry);
  BIND (insz_error);
  BIND (address_entry);
  BIND (phone_entry);
  BIND (email_entry);
  BIND (languages_box);
  BIND (letter_language_dropdown);
  BIND (notes_view);
  BIND (income_dropdown);
  BIND (referrer_dropdown);
  BIND (children_list);
  BIND (intake_date_entry);
  BIND (intake_date_error);
  BIND (poverty_check);
  BIND (poverty_note);
  BIND (isolated_check);
  BIND (isolated_note);
  BIND (language_check);
  BIND (language_note);
  BIND (voluntary_check);
  BIND (voluntary_note);
  BIND (consent_date_entry);
  BIND (consent_date_error);
  BIND (consent_note_entry);
  BIND (status_dropdown);
  BIND (status_error);
  BIND (status_reason_entry);
  BIND (status_day_entry);
  BIND (status_day_error);
  BIND (history_list);
  BIND (goals_list);
  BIND (goals_error);
  BIND (participant_groups);
  BIND (measurement_editor);
  BIND (contact_log);
  BIND (referral_list);
  BIND (draft_revealer);
  BIND (draft_label);
  BIND (share_note);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_goal_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "editor.take-theirs", NULL, take_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_participant_editor_init (MiriamParticipantEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->removed_children = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->removed_goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A contact or referral is saved at once: the list must show it. */
  g_signal_connect_swapped (self->contact_log, "added", G_CALLBACK (part_added_cb), self);
  g_signal_connect_swapped (self->participant_groups, "changed", G_CALLBACK (mark_dirty), self);
  /* A measurement is saved on its own: the window's lists and charts follow. */
  g_signal_connect_swapped (self->measurement_editor, "changed", G_CALLBACK (part_added_cb), self);
  g_signal_connect_swapped (self->referral_list, "added", G_CALLBACK (part_added_cb), self);
  fill_choices (self);
  watch_changes (self);
}
