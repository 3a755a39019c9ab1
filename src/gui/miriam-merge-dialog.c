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
#include "core/miriam-status.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"
#include "store/miriam-store.h"

#include "miriam-merge-dialog.h"

struct _MiriamMergeDialog
{
  GtkWindow                 parent_instance;

  /* Template widgets */
  GtkLabel                 *intro_label;
  GtkLabel                 *count_label;
  GtkLabel                 *error_label;
  GtkGrid                  *grid;
  GtkWidget                *save_button;
  GtkWidget                *cancel_button;

  const MiriamMergeHandler *handler;
  gpointer                  data;
  GDestroyNotify            free_data;
  GCancellable             *cancellable;
  GPtrArray                *records;      /* MiriamMerge *, borrowed: shown now */
  GPtrArray                *values;       /* MiriamValueMerge *, borrowed */
  GHashTable               *names;        /* "kind:id" -> char *, for references */
  int                       row;          /* next row of the grid while filling */
  gboolean                  saving;
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
  { MIRIAM_RECORD_SESSION, "day", N_("Date") },
  { MIRIAM_RECORD_SESSION, "start_minute", N_("Start time") },
  { MIRIAM_RECORD_SESSION, "end_minute", N_("End time") },
  { MIRIAM_RECORD_SESSION, "location", N_("Location") },
  { MIRIAM_RECORD_SESSION, "theme", N_("Theme") },
  { MIRIAM_RECORD_SESSION, "partner", N_("Partner or guest speaker") },
  { MIRIAM_RECORD_SESSION, "notes", N_("Notes") },
  { MIRIAM_RECORD_SESSION, "cancelled", N_("Cancelled") },
  { MIRIAM_RECORD_SESSION, "cancel_reason", N_("Why it was cancelled") },
  { MIRIAM_RECORD_GROUP, "name", N_("Name") },
  { MIRIAM_RECORD_GROUP, "cohort_id", N_("Cohort") },
  { MIRIAM_RECORD_GROUP, "consortium_id", N_("Run by") },
  { MIRIAM_RECORD_GROUP, "location", N_("Usual location") },
  { MIRIAM_RECORD_GROUP, "address", N_("Address") },
  { MIRIAM_RECORD_GROUP, "community", N_("School holidays of the Community") },
  { MIRIAM_RECORD_GROUP, "rhythm", N_("Rhythm") },
  { MIRIAM_RECORD_GROUP, "weekday", N_("Weekday") },
  { MIRIAM_RECORD_GROUP, "start_minute", N_("Start time") },
  { MIRIAM_RECORD_GROUP, "end_minute", N_("End time") },
  { MIRIAM_RECORD_GROUP, "start_date", N_("Start date") },
  { MIRIAM_RECORD_GROUP, "end_date", N_("End date") },
  { MIRIAM_RECORD_GROUP, "colour", N_("Colour in the calendar") },
  { MIRIAM_RECORD_MEASUREMENT, "day", N_("Date") },
  { MIRIAM_RECORD_MEASUREMENT, "scored_by", N_("Scored by") },
  { MIRIAM_RECORD_MEASUREMENT, "note", N_("Note") },
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

/* The kind of record a reference field points to. */
static MiriamRecordKind
referenced_kind (const MiriamField *field)
{
  static const struct { const char *field; MiriamRecordKind kind; } refs[] = {
    { "group_id", MIRIAM_RECORD_GROUP },
    { "cohort_id", MIRIAM_RECORD_COHORT },
    { "consortium_id", MIRIAM_RECORD_CONSORTIUM },
    { "scored_by", MIRIAM_RECORD_STAFF },
    { "staff_id", MIRIAM_RECORD_STAFF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (g_str_equal (refs[i].field, field->name))
      return refs[i].kind;
  return MIRIAM_N_RECORD_KINDS;
}

static char *
name_key (MiriamRecordKind kind,
          gint64           id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) kind, id);
}

/* A referenced record by its name; NULL when it has none to show. */
static char *
reference_text (MiriamMergeDialog *self,
                MiriamRecordKind   kind,
                const MiriamField *field,
                gint64             id)
{
  MiriamRecordKind target = referenced_kind (field);
  g_autofree char *key = NULL;
  const char *name;

  if (target == MIRIAM_N_RECORD_KINDS)
    return NULL;
  if (id == 0)
    {
      /* A group with no consortium is the OCMW's own. */
      if (kind == MIRIAM_RECORD_GROUP && target == MIRIAM_RECORD_CONSORTIUM)
        return g_strdup (_("The OCMW on its own"));
      return g_strdup (_("(empty)"));
    }
  key = name_key (target, id);
  name = g_hash_table_lookup (self->names, key);
  if (name != NULL)
    return g_strdup (name);
  return target == MIRIAM_RECORD_GROUP ? g_strdup (_("A group that no longer exists")) : NULL;
}

/* A text field holding a code, in words; NULL for any other field. */
static char *
code_text (MiriamRecordKind   kind,
           const MiriamField *field,
           const char        *text)
{
  static const struct {
    MiriamRecordKind     kind;
    const char          *field;
    MiriamVocabulary     vocabulary;
  } codes[] = {
    { MIRIAM_RECORD_PARTICIPANT, "income", MIRIAM_VOCABULARY_INCOME },
    { MIRIAM_RECORD_PARTICIPANT, "referred_by", MIRIAM_VOCABULARY_REFERRER },
    { MIRIAM_RECORD_PARTICIPANT, "letter_language", MIRIAM_VOCABULARY_LANGUAGE },
    { MIRIAM_RECORD_GOAL, "domain", MIRIAM_VOCABULARY_LIFE_DOMAIN },
    { MIRIAM_RECORD_GOAL, "status", MIRIAM_VOCABULARY_GOAL_STATUS },
    { MIRIAM_RECORD_SESSION, "theme", MIRIAM_VOCABULARY_SESSION_THEME },
    { MIRIAM_RECORD_GROUP, "rhythm", MIRIAM_VOCABULARY_RHYTHM },
    { MIRIAM_RECORD_GROUP, "community", MIRIAM_VOCABULARY_COMMUNITY },
    { MIRIAM_RECORD_GROUP, "colour", MIRIAM_VOCABULARY_GROUP_COLOUR },
  };

  if (kind == MIRIAM_RECORD_PARTICIPANT && g_str_equal (field->name, "status"))
    return g_strdup (miriam_status_label (miriam_status_from_code (text)));
  if (text[0] == '\0')
    return NULL;
  if (kind == MIRIAM_RECORD_PARTICIPANT && g_str_equal (field->name, "languages"))
    return languages_text (text);
  if (kind == MIRIAM_RECORD_PARTICIPANT && g_str_equal (field->name, "insz"))
    return miriam_insz_format (text);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].kind == kind && g_str_equal (codes[i].field, field->name))
      return g_strdup (miriam_vocabulary_label (codes[i].vocabulary, text));
  return NULL;
}

/* A number that stands for something else: a time of day, a weekday. */
static char *
number_text (MiriamRecordKind   kind,
             const MiriamField *field,
             gint64             value)
{
  if (g_str_equal (field->name, "start_minute") || g_str_equal (field->name, "end_minute"))
    return miriam_time_format ((int) value);
  if (kind == MIRIAM_RECORD_GROUP && g_str_equal (field->name, "weekday"))
    return g_strdup (miriam_weekday_name ((GDateWeekday) value));
  return NULL;
}

/* A coded value in words; NULL for a field that holds no code. */
static char *
coded_text (MiriamMergeDialog *self,
            MiriamRecordKind   kind,
            const MiriamField *field,
            gconstpointer      record)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      return code_text (kind, field, *MIRIAM_FIELD_PTR (record, field, char *));
    case MIRIAM_FIELD_REF:
      return reference_text (self, kind, field, *MIRIAM_FIELD_PTR (record, field, gint64));
    case MIRIAM_FIELD_INT:
      return number_text (kind, field, *MIRIAM_FIELD_PTR (record, field, gint64));
    case MIRIAM_FIELD_BOOL:
    case MIRIAM_FIELD_DATE:
    default:
      return NULL;
    }
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
  const MiriamRow *row = self->handler->theirs_row (self->data);
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

void
miriam_merge_dialog_add_title (MiriamMergeDialog *self,
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

/* One choice button of a conflict: of a value, or of a record's field,
 * where G_MAXUINT as field index stands for the record itself (kept or
 * removed). */
static void
choice_toggled_cb (GtkToggleButton   *button,
                   MiriamMergeDialog *self)
{
  MiriamValueMerge *value = g_object_get_data (G_OBJECT (button), "value");
  MiriamMerge *merge = g_object_get_data (G_OBJECT (button), "merge");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  MiriamMergeChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));
  GtkLabel *result = g_object_get_data (G_OBJECT (button), "result");

  if (!gtk_toggle_button_get_active (button))
    return;

  if (value != NULL)
    miriam_value_merge_choose (value, choice);
  else if (index == G_MAXUINT)
    miriam_merge_choose_presence (merge, choice);
  else
    miriam_merge_choose (merge, index, choice);
  gtk_label_set_text (result, result_text (MIRIAM_MERGE_CONFLICT, choice));
  update_count (self);
}

static GtkWidget *
choice_button (MiriamMergeDialog *self,
               MiriamValueMerge  *value,
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
  g_object_set_data (G_OBJECT (button), "value", value);
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
                MiriamValueMerge  *value,
                MiriamMerge       *merge,
                guint              index,
                const char        *label,
                const char        *theirs_text,
                const char        *mine_text)
{
  MiriamMergeChoice choice = value != NULL ? miriam_value_merge_get_choice (value)
                             : index == G_MAXUINT ? miriam_merge_get_presence_choice (merge)
                             : miriam_merge_get_choice (merge, index);
  GtkWidget *result = cell_label (result_text (MIRIAM_MERGE_CONFLICT, choice), FALSE);
  /* Translators: a field, then the colleague's value in it */
  g_autofree char *theirs_name = g_strdup_printf (_("%s, colleague’s version: %s"), label, theirs_text);
  /* Translators: a field, then the user's own value in it */
  g_autofree char *mine_name = g_strdup_printf (_("%s, your version: %s"), label, mine_text);
  GtkWidget *theirs = choice_button (self, value, merge, index, MIRIAM_MERGE_TAKE_THEIRS,
                                     theirs_text, theirs_name, result);
  GtkWidget *mine = choice_button (self, value, merge, index, MIRIAM_MERGE_TAKE_MINE,
                                   mine_text, mine_name, result);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (choice == MIRIAM_MERGE_TAKE_MINE ? mine : theirs), TRUE);

  attach (self, cell_label (label, FALSE), COLUMN_FIELD);
  attach (self, theirs, COLUMN_THEIRS);
  attach (self, mine, COLUMN_MINE);
  attach (self, result, COLUMN_RESULT);
  self->row++;
}

/* A row with nothing to choose: the side whose value goes in is bold. */
static void
add_settled_row (MiriamMergeDialog *self,
                 MiriamMergeState   state,
                 const char        *label,
                 const char        *theirs_text,
                 const char        *mine_text)
{
  GtkWidget *result = cell_label (result_text (state, MIRIAM_MERGE_TAKE_MINE), FALSE);

  gtk_widget_add_css_class (result, "dim-label");
  attach (self, cell_label (label, FALSE), COLUMN_FIELD);
  attach (self, cell_label (theirs_text, state == MIRIAM_MERGE_THEIRS), COLUMN_THEIRS);
  attach (self, cell_label (mine_text, state == MIRIAM_MERGE_MINE || state == MIRIAM_MERGE_SAME),
          COLUMN_MINE);
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

  if (label == NULL || state == MIRIAM_MERGE_UNCHANGED)
    return;

  theirs = value_text (self, kind, field, miriam_merge_get_theirs (merge));
  mine = value_text (self, kind, field, miriam_merge_get_mine (merge));

  if (state == MIRIAM_MERGE_CONFLICT && miriam_merge_get_mine (merge) != NULL
      && miriam_merge_get_theirs (merge) != NULL)
    {
      add_choice_row (self, NULL, merge, index, label, theirs, mine);
      return;
    }

  add_settled_row (self, state, label, theirs, mine);
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
      add_choice_row (self, NULL, merge, G_MAXUINT, label, presence_text (merge, theirs),
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

void
miriam_merge_dialog_add_record (MiriamMergeDialog *self,
                                const char        *title,
                                MiriamMerge       *merge)
{
  const MiriamRecordInfo *info = miriam_record_info (miriam_merge_get_kind (merge));

  g_return_if_fail (MIRIAM_IS_MERGE_DIALOG (self));

  g_ptr_array_add (self->records, merge);
  if (!miriam_merge_has_changes (merge))
    return;
  if (title != NULL)
    miriam_merge_dialog_add_title (self, title);
  add_presence_row (self, merge);
  for (guint i = 0; i < info->n_fields; i++)
    add_field_row (self, merge, i);
}

void
miriam_merge_dialog_add_value (MiriamMergeDialog *self,
                               const char        *label,
                               MiriamValueMerge  *merge,
                               const char        *theirs_text,
                               const char        *mine_text)
{
  MiriamMergeState state = miriam_value_merge_get_state (merge);

  g_return_if_fail (MIRIAM_IS_MERGE_DIALOG (self));

  g_ptr_array_add (self->values, merge);
  if (state == MIRIAM_MERGE_UNCHANGED)
    return;
  if (state == MIRIAM_MERGE_CONFLICT)
    add_choice_row (self, merge, NULL, 0, label, theirs_text, mine_text);
  else
    add_settled_row (self, state, label, theirs_text, mine_text);
}

void
miriam_merge_dialog_set_name (MiriamMergeDialog *self,
                              MiriamRecordKind   kind,
                              gint64             id,
                              const char        *name)
{
  g_return_if_fail (MIRIAM_IS_MERGE_DIALOG (self));

  g_hash_table_insert (self->names, name_key (kind, id), g_strdup (name));
}

static void
update_count (MiriamMergeDialog *self)
{
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; i < self->records->len; i++)
    n += miriam_merge_count_conflicts (self->records->pdata[i]);
  for (guint i = 0; i < self->values->len; i++)
    n += miriam_value_merge_get_state (self->values->pdata[i]) == MIRIAM_MERGE_CONFLICT;

  if (n == 0)
    text = g_strdup (_("Nothing to choose: the changes on both sides fit together."));
  else
    text = g_strdup_printf (ngettext ("%u field was changed by both of you. Your version is kept "
                                      "unless you choose the colleague’s.",
                                      "%u fields were changed by both of you. Your version is kept "
                                      "unless you choose the colleague’s.", n), n);
  gtk_label_set_text (self->count_label, text);
}

/* Whole sentences per subject, so that each language can say them its
 * own way. */
static char *
intro_text (MiriamMergeSubject  subject,
            const char         *name)
{
  gboolean named = name != NULL && name[0] != '\0';

  switch (subject)
    {
    case MIRIAM_MERGE_SUBJECT_SESSION:
      return named
        /* Translators: the colleague's name */
        ? g_strdup_printf (_("%s saved this session while you were editing it. What only one of you "
                             "changed is merged already. Where you both changed something, choose "
                             "the version to keep. Nothing is saved until you click Save Merged "
                             "Version."), name)
        : g_strdup (_("A colleague saved this session while you were editing it. What only one of "
                      "you changed is merged already. Where you both changed something, choose "
                      "the version to keep. Nothing is saved until you click Save Merged "
                      "Version."));
    case MIRIAM_MERGE_SUBJECT_GROUP:
      return named
        /* Translators: the colleague's name */
        ? g_strdup_printf (_("%s saved this group while you were editing it. What only one of you "
                             "changed is merged already. Where you both changed something, choose "
                             "the version to keep. Nothing is saved until you click Save Merged "
                             "Version."), name)
        : g_strdup (_("A colleague saved this group while you were editing it. What only one of "
                      "you changed is merged already. Where you both changed something, choose "
                      "the version to keep. Nothing is saved until you click Save Merged "
                      "Version."));
    case MIRIAM_MERGE_SUBJECT_MEASUREMENT:
      return named
        /* Translators: the colleague's name */
        ? g_strdup_printf (_("%s saved this measurement while you were editing it. What only one "
                             "of you changed is merged already. Where you both changed something, "
                             "choose the version to keep. Nothing is saved until you click Save "
                             "Merged Version."), name)
        : g_strdup (_("A colleague saved this measurement while you were editing it. What only "
                      "one of you changed is merged already. Where you both changed something, "
                      "choose the version to keep. Nothing is saved until you click Save Merged "
                      "Version."));
    case MIRIAM_MERGE_SUBJECT_FILE:
    default:
      return named
        /* Translators: the colleague's name */
        ? g_strdup_printf (_("%s saved this file while you were editing it. What only one of you "
                             "changed is merged already. Where you both changed something, choose "
                             "the version to keep. Nothing is saved until you click Save Merged "
                             "Version."), name)
        : g_strdup (_("A colleague saved this file while you were editing it. What only one of "
                      "you changed is merged already. Where you both changed something, choose "
                      "the version to keep. Nothing is saved until you click Save Merged "
                      "Version."));
    }
}

void
miriam_merge_dialog_refill (MiriamMergeDialog *self)
{
  g_autofree char *intro = NULL;

  g_return_if_fail (MIRIAM_IS_MERGE_DIALOG (self));

  clear_grid (self);
  g_ptr_array_set_size (self->records, 0);
  g_ptr_array_set_size (self->values, 0);
  add_header (self);
  self->handler->fill (self, self->data);

  intro = intro_text (self->handler->subject, self->handler->theirs_row (self->data)->updated_by);
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

/* Yet another colleague saved: her version is shown now, merged with
 * what was about to be saved. */
static void
reloaded_cb (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  MiriamMergeDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean reloaded;

  reloaded = self->handler->reload_finish (self->data, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (!reloaded)
    {
      show_error (self, error->message);
      return;
    }

  miriam_merge_dialog_refill (self);
  show_error (self, _("Another colleague saved in the meantime, so nothing was saved yet. Their "
                      "changes are shown now; check the differences again, then save."));
}

static void
saved_cb (GObject      *object G_GNUC_UNUSED,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamMergeDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer saved;

  saved = self->handler->save_finish (self->data, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (saved != NULL)
    {
      g_signal_emit (self, signals[SAVED], 0, saved);
      self->saving = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
    {
      self->handler->reload_async (self->data, self->cancellable, reloaded_cb, self);
      return;
    }
  set_saving (self, FALSE);
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

  set_saving (self, TRUE);
  show_error (self, NULL);
  self->handler->save_async (self->data, self->cancellable, saved_cb, self);
}

/* ---------------------------------------------------------------------- */

MiriamMergeDialog *
miriam_merge_dialog_new (GtkWindow                *parent,
                         const MiriamMergeHandler *handler,
                         gpointer                  data,
                         GDestroyNotify            free_data)
{
  MiriamMergeDialog *self;

  g_return_val_if_fail (handler != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->handler = handler;
  self->data = data;
  self->free_data = free_data;
  miriam_merge_dialog_refill (self);
  return self;
}

static void
miriam_merge_dialog_dispose (GObject *object)
{
  MiriamMergeDialog *self = MIRIAM_MERGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  if (self->free_data != NULL && self->data != NULL)
    self->free_data (self->data);
  self->data = NULL;

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
  self->records = g_ptr_array_new ();
  self->values = g_ptr_array_new ();
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
