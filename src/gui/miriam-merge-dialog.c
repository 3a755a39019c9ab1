/* miriam-merge-dialog.c: a colleague's version and mine, field by field
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog only reads: it never touches the editor's form, so closing
 * it loses nothing.  The merge itself (which field comes from whom) is
 * core/miriam-merge.c; here it is shown, and the user's choices go back
 * into it.  Until she chooses, her own value wins each conflict.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-insz.h"
#include "core/miriam-language.h"
#include "core/miriam-merge.h"
#include "core/miriam-status.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"

#include "miriam-merge-dialog.h"

struct _MiriamMergeDialog
{
  GtkWindow              parent_instance;

  /* Template widgets */
  GtkLabel              *intro_label;
  GtkLabel              *count_label;
  GtkLabel              *error_label;
  GtkGrid               *grid;
  GtkWidget             *save_button;
  GtkWidget             *cancel_button;

  MiriamStore           *store;
  GCancellable          *cancellable;
  MiriamParticipantFile *base;
  MiriamParticipantFile *mine;
  MiriamParticipantFile *theirs;
  MiriamParticipantFile *pending;      /* the merged file being saved */
  char                  *status_reason;
  MiriamFileMerge       *merge;
  GHashTable            *group_names;  /* gint64 * -> char *, for memberships */
  int                    row;          /* next row of the grid while filling */
  gboolean               saving;
};

G_DEFINE_FINAL_TYPE (MiriamMergeDialog, miriam_merge_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  COLUMN_FIELD,
  COLUMN_THEIRS,
  COLUMN_MINE,
  COLUMN_RESULT,
};

/* ---------------------------------------------------------------------- */
/* Fields as people know them                                               */

/* Every field a person edits, by record kind; fields not listed (the
 * references that tie a child to her mother) never differ in practice
 * and are not shown. */
static const struct {
  MiriamRecordKind  kind;
  const char       *field;
  const char       *label;
} field_labels[] = {
  { MIRIAM_RECORD_PARTICIPANT, "first_name", N_("First name") },
  { MIRIAM_RECORD_PARTICIPANT, "last_name", N_("Last name") },
  { MIRIAM_RECORD_PARTICIPANT, "birth_date", N_("Birth date") },
  { MIRIAM_RECORD_PARTICIPANT, "insz", N_("INSZ") },
  { MIRIAM_RECORD_PARTICIPANT, "address", N_("Address") },
  { MIRIAM_RECORD_PARTICIPANT, "phone", N_("Phone") },
  { MIRIAM_RECORD_PARTICIPANT, "email", N_("E-mail") },
  { MIRIAM_RECORD_PARTICIPANT, "languages", N_("Languages she speaks") },
  { MIRIAM_RECORD_PARTICIPANT, "letter_language", N_("Letters in") },
  { MIRIAM_RECORD_PARTICIPANT, "income", N_("Income") },
  { MIRIAM_RECORD_PARTICIPANT, "referred_by", N_("Referred by") },
  { MIRIAM_RECORD_PARTICIPANT, "status", N_("Status") },
  { MIRIAM_RECORD_PARTICIPANT, "consent_date", N_("Consent given on") },
  { MIRIAM_RECORD_PARTICIPANT, "consent_note", N_("What was agreed") },
  { MIRIAM_RECORD_PARTICIPANT, "notes", N_("Notes") },
  { MIRIAM_RECORD_PARTICIPANT, "intake_date", N_("Intake date") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_poverty", N_("Persistent and/or urgent poverty") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_poverty_note", N_("Note on poverty") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_isolated", N_("Isolated, with a small social network") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_isolated_note", N_("Note on isolation") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_language", N_("Speaks a language of the casemanager") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_language_note", N_("Note on language") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_voluntary", N_("Takes part voluntarily") },
  { MIRIAM_RECORD_PARTICIPANT, "criterion_voluntary_note", N_("Note on taking part voluntarily") },
  { MIRIAM_RECORD_CHILD, "first_name", N_("First name") },
  { MIRIAM_RECORD_CHILD, "birth_year", N_("Year of birth") },
  { MIRIAM_RECORD_CHILD, "in_care", N_("In her care") },
  { MIRIAM_RECORD_GOAL, "domain", N_("Life domain") },
  { MIRIAM_RECORD_GOAL, "description", N_("Goal") },
  { MIRIAM_RECORD_GOAL, "status", N_("Status of the goal") },
  { MIRIAM_RECORD_GOAL, "start_date", N_("Started on") },
  { MIRIAM_RECORD_GOAL, "end_date", N_("Reached or dropped on") },
  { MIRIAM_RECORD_MEMBERSHIP, "group_id", N_("Group") },
  { MIRIAM_RECORD_MEMBERSHIP, "joined_on", N_("Joined on") },
  { MIRIAM_RECORD_MEMBERSHIP, "left_on", N_("Left on") },
};

static const char *
field_label (MiriamRecordKind   kind,
             const MiriamField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (field_labels[i].kind == kind && g_str_equal (field_labels[i].field, field->name))
      return _(field_labels[i].label);
  return NULL;
}

static char *
languages_text (const char *codes)
{
  g_auto(GStrv) list = g_strsplit (codes, ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (list[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, miriam_vocabulary_label (MIRIAM_VOCABULARY_LANGUAGE, list[i]));
    }
  return g_string_free (text, FALSE);
}

/* A coded value in words; NULL for a field that holds no code. */
static char *
coded_text (MiriamMergeDialog *self,
            MiriamRecordKind   kind,
            const MiriamField *field,
            gconstpointer      record)
{
  const char *text = field->type == MIRIAM_FIELD_TEXT ? *MIRIAM_FIELD_PTR (record, field, char *) : NULL;

  if (kind == MIRIAM_RECORD_PARTICIPANT)
    {
      if (g_str_equal (field->name, "status"))
        return g_strdup (miriam_status_label (miriam_status_from_code (text)));
      if (g_str_equal (field->name, "income") && text[0] != '\0')
        return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_INCOME, text));
      if (g_str_equal (field->name, "referred_by") && text[0] != '\0')
        return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_REFERRER, text));
      if (g_str_equal (field->name, "letter_language") && text[0] != '\0')
        return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_LANGUAGE, text));
      if (g_str_equal (field->name, "languages") && text[0] != '\0')
        return languages_text (text);
      if (g_str_equal (field->name, "insz") && text[0] != '\0')
        return miriam_insz_format (text);
    }
  else if (kind == MIRIAM_RECORD_GOAL)
    {
      if (g_str_equal (field->name, "domain") && text[0] != '\0')
        return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, text));
      if (g_str_equal (field->name, "status"))
        return g_strdup (miriam_vocabulary_label (MIRIAM_VOCABULARY_GOAL_STATUS, text));
    }
  else if (kind == MIRIAM_RECORD_MEMBERSHIP && g_str_equal (field->name, "group_id"))
    {
      gint64 id = *MIRIAM_FIELD_PTR (record, field, gint64);
      const char *name = g_hash_table_lookup (self->group_names, &id);

      return g_strdup (name != NULL ? name : _("A group that no longer exists"));
    }
  return NULL;
}

/* What a person reads for one value; "—" where that side has no record. */
static char *
value_text (MiriamMergeDialog *self,
            MiriamRecordKind   kind,
            const MiriamField *field,
            gconstpointer      record)
{
  char *coded;

  if (record == NULL)
    return g_strdup ("—");
  if ((coded = coded_text (self, kind, field, record)) != NULL)
    return coded;

  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      {
        const char *text = *MIRIAM_FIELD_PTR (record, field, char *);
        return g_strdup (text[0] != '\0' ? text : _("(empty)"));
      }
    case MIRIAM_FIELD_DATE:
      {
        const GDate *date = MIRIAM_FIELD_PTR (record, field, GDate);
        return g_date_valid (date) ? miriam_format_date (date) : g_strdup (_("(empty)"));
      }
    case MIRIAM_FIELD_BOOL:
      return g_strdup (*MIRIAM_FIELD_PTR (record, field, gboolean) ? _("Yes") : _("No"));
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
    default:
      {
        gint64 value = *MIRIAM_FIELD_PTR (record, field, gint64);
        return value != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup (_("(empty)"));
      }
    }
}

/* ---------------------------------------------------------------------- */
/* The grid                                                                 */

static void
clear_grid (MiriamMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->row = 0;
}

static GtkWidget *
cell_label (const char *text,
            gboolean    taken)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_set_hexpand (label, TRUE);
  if (taken)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  return label;
}

static void
attach (MiriamMergeDialog *self,
        GtkWidget         *widget,
        int                column)
{
  gtk_grid_attach (self->grid, widget, column, self->row, 1, 1);
}

static char *
saved_when (const MiriamRow *row)
{
  g_autoptr(GDateTime) utc = row->updated_at != NULL && row->updated_at[0] != '\0'
                             ? g_date_time_new_from_iso8601 (row->updated_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  GDate day;

  if (local == NULL)
    return NULL;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  date = miriam_format_date (&day);
  time = miriam_time_format (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  /* Translators: a date and a time of day, e.g. "14/03/2026 10:12" */
  return g_strdup_printf (_("%s %s"), date, time);
}

static void
add_header (MiriamMergeDialog *self)
{
  const MiriamRow *row = &self->theirs->participant->row;
  g_autofree char *when = saved_when (row);
  g_autofree char *theirs = NULL;
  const char *titles[4] = { _("Field"), NULL, _("Your version"), _("Result") };

  if (row->updated_by[0] != '\0' && when != NULL)
    /* Translators: the colleague's name and when she saved */
    theirs = g_strdup_printf (_("Saved by %s, %s"), row->updated_by, when);
  else
    theirs = g_strdup (_("Colleague’s version"));
  titles[COLUMN_THEIRS] = theirs;

  for (int column = 0; column < 4; column++)
    {
      GtkWidget *label = cell_label (titles[column], FALSE);

      gtk_widget_add_css_class (label, "heading");
      attach (self, label, column);
    }
  self->row++;
}

static void
add_title (MiriamMergeDialog *self,
           const char        *title)
{
  GtkWidget *label = cell_label (title, TRUE);

  gtk_widget_set_margin_top (label, 12);
  gtk_grid_attach (self->grid, label, 0, self->row++, 4, 1);
}

static const char *
result_text (MiriamMergeState  state,
             MiriamMergeChoice choice)
{
  switch (state)
    {
    case MIRIAM_MERGE_MINE:
      return _("Your change is kept");
    case MIRIAM_MERGE_THEIRS:
      return _("The colleague’s change is taken");
    case MIRIAM_MERGE_SAME:
      return _("The same change on both sides");
    case MIRIAM_MERGE_CONFLICT:
      return choice == MIRIAM_MERGE_TAKE_MINE ? _("Your version is kept")
                                              : _("The colleague’s version is taken");
    case MIRIAM_MERGE_UNCHANGED:
    default:
      return "";
    }
}

static void update_count (MiriamMergeDialog *self);

/* One choice button of a conflict; G_MAXUINT as field index stands for
 * the record itself (kept or removed). */
static void
choice_toggled_cb (GtkToggleButton   *button,
                   MiriamMergeDialog *self)
{
  MiriamMerge *merge = g_object_get_data (G_OBJECT (button), "merge");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  MiriamMergeChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));
  GtkLabel *result = g_object_get_data (G_OBJECT (button), "result");

  if (!gtk_toggle_button_get_active (button))
    return;

  if (index == G_MAXUINT)
    miriam_merge_choose_presence (merge, choice);
  else
    miriam_merge_choose (merge, index, choice);
  gtk_label_set_text (result, result_text (MIRIAM_MERGE_CONFLICT, choice));
  update_count (self);
}

static GtkWidget *
choice_button (MiriamMergeDialog *self,
               MiriamMerge       *merge,
               guint              index,
               MiriamMergeChoice  choice,
               const char        *text,
               const char        *accessible_name,
               GtkWidget         *result)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = cell_label (text, FALSE);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_widget_set_tooltip_text (button, accessible_name);
  g_object_set_data (G_OBJECT (button), "merge", merge);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  g_object_set_data (G_OBJECT (button), "result", result);
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  return button;
}

/* The two sides of a conflict as two buttons of which one is pressed. */
static void
add_choice_row (MiriamMergeDialog *self,
                MiriamMerge       *merge,
                guint              index,
                const char        *label,
                const char        *theirs_text,
                const char        *mine_text)
{
  MiriamMergeChoice choice = index == G_MAXUINT ? miriam_merge_get_presence_choice (merge)
                                                : miriam_merge_get_choice (merge, index);
  GtkWidget *result = cell_label (result_text (MIRIAM_MERGE_CONFLICT, choice), FALSE);
  /* Translators: a field, then the colleague's value in it */
  g_autofree char *theirs_name = g_strdup_printf (_("%s, colleague’s version: %s"), label, theirs_text);
  /* Translators: a field, then the user's own value in it */
  g_autofree char *mine_name = g_strdup_printf (_("%s, your version: %s"), label, mine_text);
  GtkWidget *theirs = choice_button (self, merge, index, MIRIAM_MERGE_TAKE_THEIRS, theirs_text,
                                     theirs_name, result);
  GtkWidget *mine = choice_button (self, merge, index, MIRIAM_MERGE_TAKE_MINE, mine_text,
                                   mine_name, result);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (choice == MIRIAM_MERGE_TAKE_MINE ? mine : theirs), TRUE);

  attach (self, cell_label (label, FALSE), COLUMN_FIELD);
  attach (self, theirs, COLUMN_THEIRS);
  attach (self, mine, COLUMN_MINE);
  attach (self, result, COLUMN_RESULT);
  self->row++;
}

static void
add_field_row (MiriamMergeDialog *self,
               MiriamMerge       *merge,
               guint              index)
{
  MiriamRecordKind kind = miriam_merge_get_kind (merge);
  const MiriamField *field = &miriam_record_info (kind)->fields[index];
  MiriamMergeState state = miriam_merge_get_state (merge, index);
  const char *label = field_label (kind, field);
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;
  GtkWidget *result;

  if (label == NULL || state == MIRIAM_MERGE_UNCHANGED)
    return;

  theirs = value_text (self, kind, field, miriam_merge_get_theirs (merge));
  mine = value_text (self, kind, field, miriam_merge_get_mine (merge));

  if (state == MIRIAM_MERGE_CONFLICT && miriam_merge_get_mine (merge) != NULL
      && miriam_merge_get_theirs (merge) != NULL)
    {
      add_choice_row (self, merge, index, label, theirs, mine);
      return;
    }

  result = cell_label (result_text (state, MIRIAM_MERGE_TAKE_MINE), FALSE);
  gtk_widget_add_css_class (result, "dim-label");
  attach (self, cell_label (label, FALSE), COLUMN_FIELD);
  attach (self, cell_label (theirs, state == MIRIAM_MERGE_THEIRS), COLUMN_THEIRS);
  attach (self, cell_label (mine, state == MIRIAM_MERGE_MINE || state == MIRIAM_MERGE_SAME), COLUMN_MINE);
  attach (self, result, COLUMN_RESULT);
  self->row++;
}

/* How one side left the record: added, changed, removed... */
static const char *
presence_text (MiriamMerge   *merge,
               gconstpointer  side)
{
  if (side == NULL)
    return miriam_merge_get_base (merge) != NULL ? _("Removed") : "—";
  return miriam_merge_get_base (merge) == NULL ? _("Added") : _("Kept, with changes");
}

static void
add_presence_row (MiriamMergeDialog *self,
                  MiriamMerge       *merge)
{
  MiriamMergeState state = miriam_merge_get_presence (merge);
  gconstpointer mine = miriam_merge_get_mine (merge);
  gconstpointer theirs = miriam_merge_get_theirs (merge);
  const char *label = _("In the file");
  const char *outcome;
  GtkWidget *result;

  if (state == MIRIAM_MERGE_UNCHANGED)
    return;
  if (state == MIRIAM_MERGE_CONFLICT)
    {
      add_choice_row (self, merge, G_MAXUINT, label, presence_text (merge, theirs),
                      presence_text (merge, mine));
      return;
    }

  if (state == MIRIAM_MERGE_MINE)
    outcome = mine != NULL ? _("Added by you") : _("Removed by you");
  else if (state == MIRIAM_MERGE_THEIRS)
    outcome = theirs != NULL ? _("Added by the colleague") : _("Removed by the colleague");
  else
    outcome = _("Removed on both sides");

  result = cell_label (outcome, FALSE);
  gtk_widget_add_css_class (result, "dim-label");
  attach (self, cell_label (label, FALSE), COLUMN_FIELD);
  attach (self, cell_label (theirs != NULL ? _("Yes") : "—", state == MIRIAM_MERGE_THEIRS), COLUMN_THEIRS);
  attach (self, cell_label (mine != NULL ? _("Yes") : "—", state == MIRIAM_MERGE_MINE), COLUMN_MINE);
  attach (self, result, COLUMN_RESULT);
  self->row++;
}

/* "Child: Noor", "Goal: ...", "Group: ..." over a part's rows. */
static char *
part_title (MiriamMergeDialog *self,
            MiriamMerge       *merge)
{
  gconstpointer record = miriam_merge_get_mine (merge);

  if (record == NULL)
    record = miriam_merge_get_theirs (merge);
  if (record == NULL)
    record = miriam_merge_get_base (merge);

  switch (miriam_merge_get_kind (merge))
    {
    case MIRIAM_RECORD_CHILD:
      return g_strdup_printf (_("Child: %s"), ((const MiriamChild *) record)->first_name);
    case MIRIAM_RECORD_GOAL:
      {
        const MiriamGoal *goal = record;
        return g_strdup_printf (_("Goal: %s"), goal->description[0] != '\0' ? goal->description
                                : miriam_vocabulary_label (MIRIAM_VOCABULARY_LIFE_DOMAIN, goal->domain));
      }
    case MIRIAM_RECORD_MEMBERSHIP:
      {
        gint64 id = ((const MiriamMembership *) record)->group_id;
        const char *name = g_hash_table_lookup (self->group_names, &id);
        return g_strdup_printf (_("Group: %s"), name != NULL ? name : "—");
      }
    default:
      return g_strdup ("");
    }
}

static void
add_merge (MiriamMergeDialog *self,
           MiriamMerge       *merge,
           gboolean          with_title)
{
  const MiriamRecordInfo *info = miriam_record_info (miriam_merge_get_kind (merge));

  if (!miriam_merge_has_changes (merge))
    return;
  if (with_title)
    {
      g_autofree char *title = part_title (self, merge);
      add_title (self, title);
    }
  add_presence_row (self, merge);
  for (guint i = 0; i < info->n_fields; i++)
    add_field_row (self, merge, i);
}

static void
update_count (MiriamMergeDialog *self)
{
  guint n = miriam_file_merge_count_conflicts (self->merge);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Nothing to choose: the changes on both sides fit together."));
  else
    text = g_strdup_printf (ngettext ("%u field was changed by both of you. Your version is kept "
                                      "unless you choose the colleague’s.",
                                      "%u fields were changed by both of you. Your version is kept "
                                      "unless you choose the colleague’s.", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
rebuild (MiriamMergeDialog *self)
{
  GPtrArray *parts[] = { self->merge->children, self->merge->goals, self->merge->memberships };
  const char *name = self->theirs->participant->row.updated_by;
  g_autofree char *intro = NULL;

  clear_grid (self);
  add_header (self);
  add_merge (self, self->merge->participant, FALSE);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->len; i++)
      add_merge (self, parts[p]->pdata[i], TRUE);

  if (name[0] != '\0')
    /* Translators: the colleague's name */
    intro = g_strdup_printf (_("%s saved this file while you were editing it. What only one of you "
                               "changed is merged already. Where you both changed something, choose "
                               "the version to keep. Nothing is saved until you click Save Merged "
                               "Version."), name);
  else
    intro = g_strdup (_("A colleague saved this file while you were editing it. What only one of "
                        "you changed is merged already. Where you both changed something, choose "
                        "the version to keep. Nothing is saved until you click Save Merged "
                        "Version."));
  gtk_label_set_text (self->intro_label, intro);
  update_count (self);
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                   */

static void
show_error (MiriamMergeDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A save under way is seen through: closing now would leave the editor
 * not knowing what the file holds. */
static void
set_saving (MiriamMergeDialog *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->save_button, !saving);
  gtk_widget_set_sensitive (self->cancel_button, !saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), !saving);
}

static gboolean
miriam_merge_dialog_close_request (GtkWindow *window)
{
  if (MIRIAM_MERGE_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (miriam_merge_dialog_parent_class)->close_request (window);
}

/* Yet another colleague saved: what was about to be saved becomes "mine",
 * on top of the version it was merged with, against the newest one. */
static void
newer_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MiriamMergeDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamParticipantFile *newest;

  newest = miriam_store_load_participant_file_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (newest == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->base, miriam_participant_file_free);
  g_clear_pointer (&self->mine, miriam_participant_file_free);
  self->base = g_steal_pointer (&self->theirs);
  self->mine = g_steal_pointer (&self->pending);
  self->theirs = newest;
  g_clear_pointer (&self->merge, miriam_file_merge_free);
  self->merge = miriam_file_merge_new (self->base, self->mine, self->theirs);
  rebuild (self);
  show_error (self, _("Another colleague saved this file in the meantime, so nothing was saved yet. "
                      "Their changes are shown now; check the differences again, then save."));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamMergeDialog *self = user_data;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = miriam_store_save_participant_file_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (saved != NULL)
    {
      g_signal_emit (self, signals[SAVED], 0, saved);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
    {
      miriam_store_load_participant_file_async (self->store, self->theirs->participant->row.id,
                                                self->cancellable, newer_loaded_cb, self);
      return;
    }
  set_saving (self, FALSE);
  g_clear_pointer (&self->pending, miriam_participant_file_free);
  show_error (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  MiriamMergeDialog *self = MIRIAM_MERGE_DIALOG (widget);

  if (self->saving)
    return;

  g_clear_pointer (&self->pending, miriam_participant_file_free);
  self->pending = miriam_file_merge_result (self->merge, self->mine);
  set_saving (self, TRUE);
  show_error (self, NULL);
  miriam_store_save_participant_file_async (self->store, self->pending, self->status_reason,
                                            self->cancellable, saved_cb, self);
}

/* ---------------------------------------------------------------------- */

static void
groups_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamMergeDialog *self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = miriam_store_list_finish (MIRIAM_STORE (object), result, &error);
  if (groups == NULL)
    return;   /* cancelled, or the groups show as numbers: nothing lost */

  for (guint i = 0; i < groups->len; i++)
    {
      const MiriamGroup *group = groups->pdata[i];

      g_hash_table_insert (self->group_names, g_memdup2 (&group->row.id, sizeof (gint64)),
                           g_strdup (group->name));
    }
  if (!self->saving)
    rebuild (self);
}

MiriamMergeDialog *
miriam_merge_dialog_new (GtkWindow                   *parent,
                         MiriamStore                 *store,
                         const MiriamParticipantFile *base,
                         const MiriamParticipantFile *mine,
                         const MiriamParticipantFile *theirs,
                         const char                  *status_reason)
{
  MiriamMergeDialog *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);
  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->base = miriam_participant_file_copy (base);
  self->mine = miriam_participant_file_copy (mine);
  self->theirs = miriam_participant_file_copy (theirs);
  self->status_reason = g_strdup (status_reason);
  self->merge = miriam_file_merge_new (self->base, self->mine, self->theirs);
  rebuild (self);

  if (self->mine->memberships->len > 0 || self->theirs->memberships->len > 0)
    miriam_store_list_async (store, MIRIAM_RECORD_GROUP, NULL, 0, self->cancellable,
                             groups_loaded_cb, self);
  return self;
}

static void
miriam_merge_dialog_dispose (GObject *object)
{
  MiriamMergeDialog *self = MIRIAM_MERGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->merge, miriam_file_merge_free);
  g_clear_pointer (&self->base, miriam_participant_file_free);
  g_clear_pointer (&self->mine, miriam_participant_file_free);
  g_clear_pointer (&self->theirs, miriam_participant_file_free);
  g_clear_pointer (&self->pending, miriam_participant_file_free);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->group_names, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (miriam_merge_dialog_parent_class)->dispose (object);
}

static void
miriam_merge_dialog_class_init (MiriamMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_merge_dialog_dispose;
  window_class->close_request = miriam_merge_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/be/ocmw/Miriam/ui/miriam-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamMergeDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "merge.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_merge_dialog_init (MiriamMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->group_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}
