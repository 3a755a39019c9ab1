/* miriam-measurement-editor.c: her measurements and their scores per life domain
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A casemanager scores each life domain of her OCMW from 1 (acute problem)
 * to 5 (fully self-reliant) at the baseline, at any intermediate moments
 * and at the final measurement.  A domain that does not apply stays
 * unscored ("N/A"): the store keeps it as NULL, never as a zero.
 *
 * A measurement is saved on its own, with all its scores, in one
 * transaction.  As in the participant editor, nothing typed is ever reset
 * because a check or a save failed; a colleague's newer save is shown
 * beside the form and only overwritten when the user says so.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "core/miriam-progress.h"

#include "miriam-gui-utils.h"
#include "miriam-measurement-editor.h"

/* A row's choice: not chosen yet, N/A (MIRIAM_SCORE_NONE) or 1..5. */
#define SCORE_UNSET (-1)
#define N_CHOICES   (MIRIAM_SCORE_MAX + 1)

/* One life domain of the form. */
typedef struct {
  MiriamLifeDomain *domain;
  char             *label;                /* as shown */
  GtkToggleButton  *buttons[N_CHOICES];   /* by score; [0] is N/A */
  GtkLabel         *level_label;          /* the chosen level's description */
  GtkLabel         *hint_label;           /* the earlier measurement's score */
  GtkLabel         *theirs_label;         /* a colleague's score, after a conflict */
  int               score;
} DomainRow;

/* What one read brings from the store. */
typedef struct {
  MiriamParticipant *participant;
  gint64             ocmw_id;          /* her OCMW: its domains and staff */
  gint64             group_id;         /* her current (or last) group, 0: none */
  GPtrArray         *groups;           /* MiriamGroup */
  GPtrArray         *staff;            /* MiriamStaff */
  GArray            *group_staff;      /* gint64: her group's casemanagers */
  GPtrArray         *domains;          /* MiriamLifeDomain, the OCMW's order */
  GPtrArray         *measurements;     /* MiriamScoredMeasurement, oldest first */
} Context;

struct _MiriamMeasurementEditor
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkWidget               *page;
  GtkRevealer             *message_revealer;
  GtkLabel                *message_label;
  GtkLabel                *conflict_label;
  GtkWidget               *conflict_buttons;
  GtkWidget               *take_theirs_button;
  GtkStack                *views;
  GtkListBox              *measurement_list;
  GtkWidget               *new_baseline_button;
  GtkWidget               *new_intermediate_button;
  GtkWidget               *new_final_button;
  GtkLabel                *new_hint;
  GtkWidget               *form_box;
  GtkLabel                *form_title;
  GtkWidget               *details_grid;
  GtkEntry                *date_entry;
  GtkLabel                *date_error;
  GtkDropDown             *scored_by_dropdown;
  GtkEntry                *note_entry;
  GtkGrid                 *domain_grid;
  GtkWidget               *action_bar;
  GtkWidget               *delete_button;
  GtkLabel                *unscored_label;
  GtkSpinner              *spinner;
  GtkWidget               *discard_button;
  GtkWidget               *save_button;

  MiriamStore             *store;
  GCancellable            *cancellable;       /* saves and deletes: the widget's life */
  GCancellable            *load_cancellable;  /* the read under way */
  gint64                   participant_id;
  Context                 *context;
  GArray                  *staff_ids;         /* gint64 per drop-down position; [0] = 0 */
  GPtrArray               *rows;              /* DomainRow */
  MiriamScoredMeasurement *current;           /* the form's measurement as loaded (id 0: new) */
  MiriamScoredMeasurement *theirs;            /* a colleague's newer version, after a conflict */
  gboolean                 theirs_deleted;    /* ...or she deleted it */
  MiriamMeasurement       *saving_measurement;
  GHashTable              *saving_scores;
  gboolean                 writable;
  gboolean                 filling;
  gboolean                 dirty;
  gboolean                 saving;
};

G_DEFINE_FINAL_TYPE (MiriamMeasurementEditor, miriam_measurement_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (MiriamMeasurementEditor *self);
static void fill_form (MiriamMeasurementEditor *self);
static void update_actions (MiriamMeasurementEditor *self);

/* ---------------------------------------------------------------------- */
/* Data                                                                     */

static void
domain_row_free (gpointer data)
{
  DomainRow *row = data;

  miriam_life_domain_free (row->domain);
  g_free (row->label);
  g_free (row);
}

static void
context_free (Context *context)
{
  if (context == NULL)
    return;
  g_clear_pointer (&context->participant, miriam_record_free_func (MIRIAM_RECORD_PARTICIPANT));
  g_clear_pointer (&context->groups, g_ptr_array_unref);
  g_clear_pointer (&context->staff, g_ptr_array_unref);
  g_clear_pointer (&context->group_staff, g_array_unref);
  g_clear_pointer (&context->domains, g_ptr_array_unref);
  g_clear_pointer (&context->measurements, g_ptr_array_unref);
  g_free (context);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Context, context_free)

static GHashTable *
scores_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GHashTable *
scores_copy (GHashTable *scores)
{
  GHashTable *copy = scores_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (scores == NULL)
    return copy;
  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

static MiriamScoredMeasurement *
scored_copy (const MiriamScoredMeasurement *m)
{
  MiriamScoredMeasurement *copy = g_new0 (MiriamScoredMeasurement, 1);

  copy->measurement = miriam_record_copy (MIRIAM_RECORD_MEASUREMENT, m->measurement);
  copy->scores = scores_copy (m->scores);
  copy->scored_by_name = g_strdup (m->scored_by_name != NULL ? m->scored_by_name : "");
  return copy;
}

static int
score_of (GHashTable *scores,
          const char *code)
{
  int score = scores != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (scores, code)) : 0;

  return score >= MIRIAM_SCORE_MIN && score <= MIRIAM_SCORE_MAX ? score : MIRIAM_SCORE_NONE;
}

static guint
n_scored (GHashTable *scores)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (score_of (scores, key) != MIRIAM_SCORE_NONE)
      n++;
  return n;
}

static const MiriamGroup *
find_group (MiriamMeasurementEditor *self,
            gint64                   id)
{
  for (guint i = 0; self->context != NULL && i < self->context->groups->len; i++)
    if (((MiriamGroup *) self->context->groups->pdata[i])->row.id == id)
      return self->context->groups->pdata[i];
  return NULL;
}

static const MiriamStaff *
find_staff (MiriamMeasurementEditor *self,
            gint64                   id)
{
  for (guint i = 0; self->context != NULL && i < self->context->staff->len; i++)
    if (((MiriamStaff *) self->context->staff->pdata[i])->row.id == id)
      return self->context->staff->pdata[i];
  return NULL;
}

/* The measurement whose scores a later one is compared with: the one
 * just before @m (the newest of all for a new one). */
static const MiriamScoredMeasurement *
earlier_measurement (MiriamMeasurementEditor       *self,
                     const MiriamScoredMeasurement *m)
{
  GPtrArray *all = self->context != NULL ? self->context->measurements : NULL;
  const MiriamScoredMeasurement *earlier = NULL;

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      const MiriamScoredMeasurement *other = all->pdata[i];

      if (m->measurement->row.id != 0 && other->measurement->row.id == m->measurement->row.id)
        break;
      earlier = other;
    }
  return earlier;
}

/* Whether she has a measurement of @kind in @group_id already: one
 * baseline and one final measurement per group. */
static gboolean
has_kind (MiriamMeasurementEditor *self,
          const char              *kind,
          gint64                   group_id)
{
  for (guint i = 0; self->context != NULL && i < self->context->measurements->len; i++)
    {
      const MiriamMeasurement *m = ((MiriamScoredMeasurement *) self->context->measurements->pdata[i])->measurement;

      if (g_strcmp0 (m->kind, kind) == 0 && m->group_id == group_id)
        return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */

static void
show_message (MiriamMeasurementEditor *self,
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

static void
show_field_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* "2", or "N/A" when not scored. */
static char *
score_text (int score)
{
  if (score >= MIRIAM_SCORE_MIN && score <= MIRIAM_SCORE_MAX)
    return g_strdup_printf ("%d", score);
  /* Translators: short for "not applicable", on a score button next to 1..5. */
  return g_strdup (C_("score", "N/A"));
}

/* "Baseline: 2": a score of an earlier measurement, as a hint. */
static char *
earlier_text (const char *kind,
              int         score)
{
  g_autofree char *text = score_text (score);

  if (g_strcmp0 (kind, "baseline") == 0)
    /* Translators: the score a life domain had at the baseline measurement, e.g. "Baseline: 2". */
    return g_strdup_printf (_("Baseline: %s"), text);
  if (g_strcmp0 (kind, "intermediate") == 0)
    /* Translators: the score at an intermediate measurement, e.g. "Intermediate: 3". */
    return g_strdup_printf (_("Intermediate: %s"), text);
  /* Translators: the score at the final measurement, e.g. "Final: 4". */
  return g_strdup_printf (_("Final: %s"), text);
}

static void
mark_dirty (MiriamMeasurementEditor *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  update_actions (self);
}

/* ---------------------------------------------------------------------- */
/* The list of her measurements                                             */

static char *
measurement_summary (MiriamMeasurementEditor       *self,
                     const MiriamScoredMeasurement *m)
{
  g_autofree char *day = miriam_format_date (&m->measurement->day);
  const MiriamGroup *group = find_group (self, m->measurement->group_id);
  guint n = n_scored (m->scores);
  GString *text = g_string_new (miriam_measurement_kind_label (m->measurement->kind));

  g_string_append_printf (text, " · %s", day);
  if (group != NULL)
    g_string_append_printf (text, " · %s", group->name);
  if (m->scored_by_name != NULL && m->scored_by_name[0] != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: who scored a measurement, e.g. "scored by Amina Haddad". */
      g_string_append_printf (text, _("scored by %s"), m->scored_by_name);
    }
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u life domain scored",
                                             "%u life domains scored", n), n);
  return g_string_free (text, FALSE);
}

/* Newest first, as she looks for the last one. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MiriamMeasurement *ma = (*(MiriamScoredMeasurement * const *) a)->measurement;
  const MiriamMeasurement *mb = (*(MiriamScoredMeasurement * const *) b)->measurement;
  int by_day = 0;

  if (g_date_valid (&ma->day) && g_date_valid (&mb->day))
    by_day = -g_date_compare (&ma->day, &mb->day);
  if (by_day != 0)
    return by_day;
  return ma->row.id < mb->row.id ? 1 : ma->row.id > mb->row.id ? -1 : 0;
}

static void
select_current_row (MiriamMeasurementEditor *self)
{
  gint64 id = self->current != NULL ? self->current->measurement->row.id : 0;

  gtk_list_box_unselect_all (self->measurement_list);
  if (id == 0)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->measurement_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const MiriamScoredMeasurement *m = g_object_get_data (G_OBJECT (row), "measurement");

      if (m != NULL && m->measurement->row.id == id)
        gtk_list_box_select_row (self->measurement_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
fill_list (MiriamMeasurementEditor *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measurement_list))) != NULL)
    gtk_list_box_remove (self->measurement_list, child);

  for (guint i = 0; self->context != NULL && i < self->context->measurements->len; i++)
    g_ptr_array_add (sorted, self->context->measurements->pdata[i]);
  g_ptr_array_sort (sorted, compare_newest_first);

  if (sorted->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No measurements yet. Start with her baseline measurement."));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->measurement_list, row);
      return;
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      const MiriamScoredMeasurement *m = sorted->pdata[i];
      g_autofree char *text = measurement_summary (self, m);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      /* Borrowed from the context, which outlives the rows. */
      g_object_set_data (G_OBJECT (row), "measurement", (gpointer) m);
      gtk_list_box_append (self->measurement_list, row);
    }
  select_current_row (self);
}

static void
update_new_buttons (MiriamMeasurementEditor *self)
{
  gboolean ready = self->context != NULL && self->writable;
  gint64 group_id = self->context != NULL ? self->context->group_id : 0;
  gboolean baseline = ready && !has_kind (self, "baseline", group_id);
  gboolean final = ready && !has_kind (self, "final", group_id);

  gtk_widget_set_sensitive (self->new_baseline_button, baseline);
  gtk_widget_set_sensitive (self->new_intermediate_button, ready);
  gtk_widget_set_sensitive (self->new_final_button, final);
  gtk_widget_set_tooltip_text (self->new_baseline_button,
                               baseline || !ready ? NULL
                               : _("She already has a baseline measurement in this group: choose it in the list to change it."));
  gtk_widget_set_tooltip_text (self->new_final_button,
                               final || !ready ? NULL
                               : _("She already has a final measurement in this group: choose it in the list to change it."));

  if (self->context != NULL && self->context->group_id == 0)
    {
      gtk_label_set_text (self->new_hint, _("She is not in a group: a new measurement is recorded without a group "
                                            "and does not show in a group’s progress charts."));
      gtk_widget_set_visible (GTK_WIDGET (self->new_hint), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->new_hint), FALSE);
}

/* ---------------------------------------------------------------------- */
/* The form                                                                 */

static void
update_level (DomainRow *row)
{
  /* The chosen score stands out: a checked button alone is too faint in
   * most themes to see at a glance which of the six is on. */
  for (int s = 0; s < N_CHOICES; s++)
    if (s == row->score)
      gtk_widget_add_css_class (GTK_WIDGET (row->buttons[s]), "suggested-action");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (row->buttons[s]), "suggested-action");

  if (row->score == SCORE_UNSET)
    {
      gtk_label_set_text (row->level_label, _("Not scored yet"));
      gtk_widget_add_css_class (GTK_WIDGET (row->level_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (row->level_label, miriam_score_level_label (row->score));
      gtk_widget_remove_css_class (GTK_WIDGET (row->level_label), "dim-label");
    }
}

static void
update_unscored (MiriamMeasurementEditor *self)
{
  guint n = 0;

  if (self->saving)
    {
      gtk_label_set_text (self->unscored_label, _("Saving the measurement…"));
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    if (((DomainRow *) self->rows->pdata[i])->score == SCORE_UNSET)
      n++;
  if (n == 0 || self->current == NULL)
    {
      gtk_label_set_text (self->unscored_label, "");
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u life domain has no score yet: it is saved as not applicable.",
                                                          "%u life domains have no score yet: they are saved as not applicable.",
                                                          n), n);
    gtk_label_set_text (self->unscored_label, text);
  }
}

static void
set_row_score (DomainRow *row,
               int        score)
{
  row->score = score;
  for (int s = 0; s < N_CHOICES; s++)
    gtk_toggle_button_set_active (row->buttons[s], s == score);
  update_level (row);
}

static void
score_toggled_cb (GtkToggleButton         *button,
                  MiriamMeasurementEditor *self)
{
  DomainRow *row = g_object_get_data (G_OBJECT (button), "row");
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));

  if (!gtk_toggle_button_get_active (button))
    return;
  row->score = score;
  update_level (row);
  update_unscored (self);
  mark_dirty (self);
}

/* Keys 1..5 choose that score, 0 (or N) "not applicable", wherever the
 * focus is in the row's buttons. */
static gboolean
row_key_pressed_cb (GtkEventControllerKey   *controller,
                    guint                    keyval,
                    guint                    keycode G_GNUC_UNUSED,
                    GdkModifierType          state,
                    MiriamMeasurementEditor *self G_GNUC_UNUSED)
{
  DomainRow *row = g_object_get_data (G_OBJECT (controller), "row");
  int score;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_5)
    score = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_5)
    score = (int) (keyval - GDK_KEY_KP_0);
  else if (keyval == GDK_KEY_n || keyval == GDK_KEY_N)
    score = MIRIAM_SCORE_NONE;
  else
    return FALSE;

  if (!gtk_widget_is_sensitive (GTK_WIDGET (row->buttons[score])))
    return FALSE;
  gtk_toggle_button_set_active (row->buttons[score], TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row->buttons[score]));
  return TRUE;
}

static DomainRow *
add_domain_row (MiriamMeasurementEditor *self,
                const MiriamLifeDomain  *domain,
                int                      grid_row)
{
  static const int order[N_CHOICES] = { 1, 2, 3, 4, 5, MIRIAM_SCORE_NONE };
  DomainRow *row = g_new0 (DomainRow, 1);
  GtkWidget *name, *buttons, *scale, *details;
  GtkEventController *keys;
  GtkToggleButton *first = NULL;

  row->domain = miriam_life_domain_copy (domain);
  row->label = domain->active
               ? g_strdup (miriam_life_domain_label (domain))
               /* Translators: a life domain the OCMW switched off, shown because this measurement scored it. */
               : g_strdup_printf (_("%s (no longer scored)"), miriam_life_domain_label (domain));
  row->score = SCORE_UNSET;

  name = gtk_label_new (row->label);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);

  /* 1..5 linked as one scale; N/A apart, as it is not a level. */
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons), GTK_ACCESSIBLE_PROPERTY_LABEL, row->label, -1);
  scale = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (scale, "linked");
  gtk_box_append (GTK_BOX (buttons), scale);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      int score = order[i];
      g_autofree char *text = score_text (score);
      g_autofree char *value = score != MIRIAM_SCORE_NONE ? g_strdup_printf ("%d", score)
                                                          : g_strdup (miriam_score_level_label (MIRIAM_SCORE_NONE));
      /* Translators: the accessible name of a score button: life domain: score, e.g. "Housing: 3". */
      g_autofree char *accessible = g_strdup_printf (_("%s: %s"), row->label, value);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_widget_set_tooltip_text (button, miriam_score_level_label (score));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, miriam_score_level_label (score),
                                      -1);
      gtk_widget_set_size_request (button, score == MIRIAM_SCORE_NONE ? 48 : 36, -1);
      g_object_set_data (G_OBJECT (button), "row", row);
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (score));
      g_signal_connect (button, "toggled", G_CALLBACK (score_toggled_cb), self);
      row->buttons[score] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (score == MIRIAM_SCORE_NONE ? buttons : scale), button);
    }
  keys = gtk_event_controller_key_new ();
  g_object_set_data (G_OBJECT (keys), "row", row);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_widget_add_controller (buttons, keys);

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  row->level_label = GTK_LABEL (gtk_label_new (NULL));
  row->hint_label = GTK_LABEL (gtk_label_new (NULL));
  row->theirs_label = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel **l = (GtkLabel *[]) { row->level_label, row->hint_label, row->theirs_label, NULL }; *l != NULL; l++)
    {
      gtk_label_set_xalign (*l, 0);
      gtk_label_set_wrap (*l, TRUE);
      gtk_box_append (GTK_BOX (details), GTK_WIDGET (*l));
    }
  gtk_widget_add_css_class (GTK_WIDGET (row->hint_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->hint_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->theirs_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (row->hint_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (row->theirs_label), FALSE);

  gtk_grid_attach (self->domain_grid, name, 0, grid_row, 1, 1);
  gtk_grid_attach (self->domain_grid, buttons, 1, grid_row, 1, 1);
  gtk_grid_attach (self->domain_grid, details, 2, grid_row, 1, 1);
  update_level (row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
clear_domain_rows (MiriamMeasurementEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->domain_grid))) != NULL)
    gtk_grid_remove (self->domain_grid, child);
  g_ptr_array_set_size (self->rows, 0);
}

/* The OCMW's active domains, and the switched-off ones this measurement
 * scored: their scores stay visible and are saved again as they were. */
static void
build_domain_rows (MiriamMeasurementEditor       *self,
                   const MiriamScoredMeasurement *m)
{
  int grid_row = 0;

  clear_domain_rows (self);
  for (guint i = 0; self->context != NULL && i < self->context->domains->len; i++)
    {
      const MiriamLifeDomain *domain = self->context->domains->pdata[i];

      if (domain->active || score_of (m->scores, domain->code) != MIRIAM_SCORE_NONE)
        add_domain_row (self, domain, grid_row++);
    }
}

/* The staff of her OCMW (and her group's casemanagers, who may come from
 * another OCMW of a consortium), and whoever scored this measurement. */
static void
fill_staff (MiriamMeasurementEditor *self,
            gint64                   selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint position = 0;

  g_array_set_size (self->staff_ids, 0);
  g_array_append_val (self->staff_ids, (gint64) { 0 });
  gtk_string_list_append (names, _("Not recorded"));

  for (int pass = 0; pass < 2 && chosen->len == 0; pass++)
    for (guint i = 0; self->context != NULL && i < self->context->staff->len; i++)
      {
        const MiriamStaff *staff = self->context->staff->pdata[i];
        gboolean in_group = FALSE;

        for (guint j = 0; j < self->context->group_staff->len; j++)
          if (g_array_index (self->context->group_staff, gint64, j) == staff->row.id)
            in_group = TRUE;
        /* The second pass, for a file whose staff lack an OCMW: everyone. */
        if (staff->row.id == selected
            || (staff->active && (pass == 1 || in_group || staff->ocmw_id == self->context->ocmw_id)))
          g_ptr_array_add (chosen, (gpointer) staff);
      }

  for (guint i = 0; i < chosen->len; i++)
    {
      const MiriamStaff *staff = chosen->pdata[i];

      gtk_string_list_append (names, staff->display_name);
      g_array_append_val (self->staff_ids, staff->row.id);
      if (staff->row.id == selected)
        position = self->staff_ids->len - 1;
    }
  gtk_drop_down_set_model (self->scored_by_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scored_by_dropdown, position);
}

static void
fill_hints (MiriamMeasurementEditor       *self,
            const MiriamScoredMeasurement *m)
{
  const MiriamScoredMeasurement *earlier = earlier_measurement (self, m);

  for (guint i = 0; i < self->rows->len; i++)
    {
      DomainRow *row = self->rows->pdata[i];

      if (earlier != NULL)
        {
          g_autofree char *text = earlier_text (earlier->measurement->kind,
                                                score_of (earlier->scores, row->domain->code));
          gtk_label_set_text (row->hint_label, text);
        }
      gtk_widget_set_visible (GTK_WIDGET (row->hint_label), earlier != NULL);
      gtk_widget_set_visible (GTK_WIDGET (row->theirs_label), FALSE);
    }
}

static char *
form_title (MiriamMeasurementEditor       *self,
            const MiriamScoredMeasurement *m)
{
  const MiriamGroup *group = find_group (self, m->measurement->group_id);
  g_autofree char *title = group != NULL
    ? g_strdup_printf ("%s — %s", miriam_measurement_kind_label (m->measurement->kind), group->name)
    : g_strdup (miriam_measurement_kind_label (m->measurement->kind));

  if (m->measurement->row.id == 0)
    /* Translators: the title of a measurement being recorded, e.g. "Baseline measurement (not saved yet)". */
    return g_strdup_printf (_("%s (not saved yet)"), title);
  return g_steal_pointer (&title);
}

/* Shows self->current; every field as it was loaded. */
static void
fill_form (MiriamMeasurementEditor *self)
{
  const MiriamScoredMeasurement *m = self->current;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;

  if (m == NULL)
    {
      clear_domain_rows (self);
      gtk_widget_set_visible (self->form_box, FALSE);
      gtk_widget_set_visible (self->action_bar, FALSE);
      self->dirty = FALSE;
      select_current_row (self);
      update_actions (self);
      return;
    }

  self->filling = TRUE;
  title = form_title (self, m);
  gtk_label_set_text (self->form_title, title);
  day = miriam_format_date (&m->measurement->day);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), day);
  show_field_error (self->date_error, NULL);
  fill_staff (self, m->measurement->scored_by);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), m->measurement->note);

  build_domain_rows (self, m);
  for (guint i = 0; i < self->rows->len; i++)
    {
      DomainRow *row = self->rows->pdata[i];
      int score = score_of (m->scores, row->domain->code);

      /* A saved measurement without a score there: "not applicable".  A
       * new one: nothing chosen yet. */
      set_row_score (row, score != MIRIAM_SCORE_NONE || m->measurement->row.id != 0 ? score : SCORE_UNSET);
    }
  fill_hints (self, m);

  gtk_widget_set_visible (self->form_box, TRUE);
  gtk_widget_set_visible (self->action_bar, TRUE);
  self->filling = FALSE;
  self->dirty = FALSE;
  select_current_row (self);
  update_unscored (self);
  update_actions (self);
}

static void
update_actions (MiriamMeasurementEditor *self)
{
  gboolean open = self->current != NULL;
  gboolean saved = open && self->current->measurement->row.id != 0;
  gboolean editable = self->writable && !self->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurement.save",
                                 open && editable && (self->dirty || !saved));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurement.delete", saved && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurement.discard",
                                 open && !self->saving && (self->dirty || !saved));
  gtk_widget_set_visible (self->delete_button, saved && self->writable);
  gtk_widget_set_visible (self->save_button, self->writable);
  gtk_widget_set_visible (self->discard_button, self->writable);
  gtk_widget_set_sensitive (self->details_grid, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->domain_grid), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->saving);
  gtk_spinner_set_spinning (self->spinner, self->saving);
}

/* Reads the form.  FALSE, with the reason next to the field and the
 * focus there, when it cannot be saved; what was typed stays. */
static gboolean
read_form (MiriamMeasurementEditor  *self,
           MiriamMeasurement       **out_measurement,
           GHashTable              **out_scores)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  guint position = gtk_drop_down_get_selected (self->scored_by_dropdown);
  g_autoptr(GString) note = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  MiriamMeasurement *m;
  GHashTable *scores;
  GDate today, day;

  miriam_date_today (&today);
  g_date_clear (&day, 1);
  if (!miriam_date_parse_event (text, &today, &day, &error))
    {
      show_field_error (self->date_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }
  if (!g_date_valid (&day))
    {
      g_autofree char *example = miriam_format_date (&today);
      g_autofree char *message = g_strdup_printf (_("Type the date of the measurement, for example %s."), example);

      show_field_error (self->date_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }
  show_field_error (self->date_error, NULL);

  m = miriam_record_copy (MIRIAM_RECORD_MEASUREMENT, self->current->measurement);
  m->day = day;
  m->scored_by = position < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, position) : 0;
  g_free (m->note);
  m->note = g_strdup (g_strstrip (note->str));

  /* Scores of domains the form does not show (another OCMW's list, a
   * newer MIRIAM) go back as they were: never dropped silently. */
  scores = scores_copy (self->current->scores);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const DomainRow *row = self->rows->pdata[i];

      g_hash_table_insert (scores, g_strdup (row->domain->code),
                           GINT_TO_POINTER (row->score > 0 ? row->score : MIRIAM_SCORE_NONE));
    }
  *out_measurement = m;
  *out_scores = scores;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Opening and starting measurements                                        */

static void
open_measurement (MiriamMeasurementEditor       *self,
                  const MiriamScoredMeasurement *m)
{
  g_clear_pointer (&self->current, miriam_scored_measurement_free);
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = FALSE;
  if (m != NULL)
    self->current = scored_copy (m);
  fill_form (self);
}

static const MiriamScoredMeasurement *
newest_measurement (MiriamMeasurementEditor *self)
{
  const MiriamScoredMeasurement *newest = NULL;

  for (guint i = 0; self->context != NULL && i < self->context->measurements->len; i++)
    {
      const MiriamScoredMeasurement *m = self->context->measurements->pdata[i];
      MiriamScoredMeasurement *pair[2] = { (gpointer) m, (gpointer) newest };

      if (newest == NULL || compare_newest_first (&pair[0], &pair[1]) < 0)
        newest = m;
    }
  return newest;
}

/* The form holds changes: say so instead of throwing them away. */
static gboolean
hold_unsaved (MiriamMeasurementEditor *self)
{
  if (!self->dirty && !self->saving)
    return FALSE;
  show_message (self, self->saving ? _("The measurement is being saved; a moment please.")
                : _("These scores are not saved yet. Save the measurement, or discard its changes first."));
  return TRUE;
}

static void
row_activated_cb (MiriamMeasurementEditor *self,
                  GtkListBoxRow           *row)
{
  const MiriamScoredMeasurement *m = g_object_get_data (G_OBJECT (row), "measurement");

  if (m == NULL)
    return;
  if (self->current != NULL && self->current->measurement->row.id == m->measurement->row.id)
    return;
  if (hold_unsaved (self))
    {
      select_current_row (self);
      return;
    }
  show_message (self, NULL);
  open_measurement (self, m);
}

static void
start_new (MiriamMeasurementEditor *self,
           const char              *kind)
{
  MiriamScoredMeasurement *m;

  if (self->context == NULL || !self->writable || hold_unsaved (self))
    return;

  m = g_new0 (MiriamScoredMeasurement, 1);
  m->measurement = miriam_record_new (MIRIAM_RECORD_MEASUREMENT);
  m->measurement->participant_id = self->participant_id;
  m->measurement->group_id = self->context->group_id;
  g_free (m->measurement->kind);
  m->measurement->kind = g_strdup (kind);
  miriam_date_today (&m->measurement->day);
  /* Most often her group's casemanager scores her. */
  if (self->context->group_staff->len > 0)
    m->measurement->scored_by = g_array_index (self->context->group_staff, gint64, 0);
  m->scores = scores_new ();
  m->scored_by_name = g_strdup ("");

  show_message (self, NULL);
  g_clear_pointer (&self->current, miriam_scored_measurement_free);
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = FALSE;
  self->current = m;
  fill_form (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((DomainRow *) self->rows->pdata[0])->buttons[1]));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

static void
new_baseline_cb (MiriamMeasurementEditor *self)
{
  start_new (self, "baseline");
}

static void
new_intermediate_cb (MiriamMeasurementEditor *self)
{
  start_new (self, "intermediate");
}

static void
new_final_cb (MiriamMeasurementEditor *self)
{
  start_new (self, "final");
}

/* ---------------------------------------------------------------------- */
/* Reading from the store                                                   */

/* Her current group: the newest one she has not left, else the newest. */
static gint64
current_group (GPtrArray *memberships)
{
  const MiriamMembership *best = NULL;
  gboolean best_open = FALSE;

  for (guint i = 0; i < memberships->len; i++)
    {
      const MiriamMembership *m = memberships->pdata[i];
      gboolean open = !g_date_valid (&m->left_on);

      if (best == NULL || (open && !best_open)
          || (open == best_open && g_date_valid (&m->joined_on) && g_date_valid (&best->joined_on)
              && g_date_compare (&m->joined_on, &best->joined_on) > 0))
        {
          best = m;
          best_open = open;
        }
    }
  return best != NULL ? best->group_id : 0;
}

static Context *
load_blocking (MiriamStore  *store,
               gint64        participant_id,
               GError      **error)
{
  g_autoptr(Context) context = g_new0 (Context, 1);
  g_autoptr(GPtrArray) memberships = NULL;

  context->participant = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, participant_id, error);
  if (context->participant == NULL)
    return NULL;
  memberships = miriam_store_list (store, MIRIAM_RECORD_MEMBERSHIP, "participant_id", participant_id, error);
  if (memberships == NULL)
    return NULL;
  context->group_id = current_group (memberships);

  context->ocmw_id = context->participant->ocmw_id;
  if (context->ocmw_id == 0)
    {
      g_autoptr(GPtrArray) ocmws = miriam_store_list (store, MIRIAM_RECORD_OCMW, NULL, 0, error);

      if (ocmws == NULL)
        return NULL;
      if (ocmws->len > 0)
        context->ocmw_id = ((MiriamOcmw *) ocmws->pdata[0])->row.id;
    }

  if ((context->groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, error)) == NULL
      || (context->staff = miriam_store_list (store, MIRIAM_RECORD_STAFF, NULL, 0, error)) == NULL)
    return NULL;
  if (context->group_id != 0)
    {
      if ((context->group_staff = miriam_store_get_group_staff (store, context->group_id, error)) == NULL)
        return NULL;
    }
  else
    context->group_staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((context->domains = miriam_store_list_ocmw_domains (store, context->ocmw_id, error)) == NULL
      || (context->measurements = miriam_store_list_measurements (store, participant_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&context);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  GError *error = NULL;
  Context *context = load_blocking (source, *(gint64 *) task_data, &error);

  if (context == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, context, (GDestroyNotify) context_free);
}

static void
loaded_cb (GObject      *object G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  MiriamMeasurementEditor *self;
  g_autoptr(GError) error = NULL;
  Context *context = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 open_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_MEASUREMENT_EDITOR (user_data);
  if (context == NULL)
    {
      show_message (self, error->message);
      return;
    }

  context_free (self->context);
  self->context = context;
  fill_list (self);
  update_new_buttons (self);

  /* Unsaved scores, or a conflict being resolved, stay as they are. */
  if (self->dirty || self->saving || self->theirs != NULL || self->theirs_deleted)
    return;
  if (self->current != NULL && self->current->measurement->row.id == 0)
    {
      fill_form (self);  /* a new one, untouched: staff and hints may be new */
      return;
    }
  open_id = self->current != NULL ? self->current->measurement->row.id : 0;
  for (guint i = 0; open_id != 0 && i < context->measurements->len; i++)
    {
      const MiriamScoredMeasurement *m = context->measurements->pdata[i];

      if (m->measurement->row.id == open_id)
        {
          open_measurement (self, m);
          return;
        }
    }
  /* Nothing open, or it was deleted meanwhile: the newest, if any. */
  open_measurement (self, newest_measurement (self));
}

static void
load (MiriamMeasurementEditor *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 *id = g_new (gint64, 1);

  /* A new read replaces one still under way. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  *id = self->participant_id;
  task = g_task_new (self->store, self->load_cancellable, loaded_cb, self);
  g_task_set_task_data (task, id, g_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---------------------------------------------------------------------- */
/* Saving and conflicts                                                     */

static void save (MiriamMeasurementEditor *self);

static void
set_saving (MiriamMeasurementEditor *self,
            gboolean                 saving)
{
  self->saving = saving;
  update_unscored (self);
  update_actions (self);
}

/* Where the colleague's version and the form differ, so that the user
 * knows what each choice keeps; each differing domain also shows the
 * colleague's score beside hers. */
static char *
describe_differences (MiriamMeasurementEditor       *self,
                      const MiriamScoredMeasurement *theirs,
                      const MiriamMeasurement       *mine,
                      GHashTable                    *mine_scores)
{
  GString *text = g_string_new (NULL);

  if (g_date_compare (&theirs->measurement->day, &mine->day) != 0)
    {
      g_autofree char *a = miriam_format_date (&theirs->measurement->day);
      g_autofree char *b = miriam_format_date (&mine->day);

      /* Translators: field: the colleague's value / your value */
      g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"), _("Date"), a, b);
    }
  if (theirs->measurement->scored_by != mine->scored_by)
    {
      const MiriamStaff *a = find_staff (self, theirs->measurement->scored_by);
      const MiriamStaff *b = find_staff (self, mine->scored_by);

      g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"), _("Scored by"),
                              a != NULL ? a->display_name : _("Not recorded"),
                              b != NULL ? b->display_name : _("Not recorded"));
    }
  if (g_strcmp0 (theirs->measurement->note, mine->note) != 0)
    g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"), _("Note"),
                            theirs->measurement->note, mine->note);

  for (guint i = 0; i < self->rows->len; i++)
    {
      DomainRow *row = self->rows->pdata[i];
      int a = score_of (theirs->scores, row->domain->code);
      int b = score_of (mine_scores, row->domain->code);
      g_autofree char *a_text = score_text (a);
      g_autofree char *b_text = score_text (b);

      if (a == b)
        {
          gtk_widget_set_visible (GTK_WIDGET (row->theirs_label), FALSE);
          continue;
        }
      g_string_append_printf (text, _("%s: “%s” (saved by a colleague) / “%s” (yours)\n"),
                              row->label, a_text, b_text);
      {
        /* Translators: a colleague's score of this life domain, shown beside the user's own, e.g. "Saved by a colleague: 3". */
        g_autofree char *beside = g_strdup_printf (_("Saved by a colleague: %s"), a_text);
        gtk_label_set_text (row->theirs_label, beside);
        gtk_widget_set_visible (GTK_WIDGET (row->theirs_label), TRUE);
      }
    }
  return g_strchomp (g_string_free (text, FALSE));
}

static void
theirs_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MiriamMeasurementEditor *self;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *differences = NULL;
  MiriamMeasurement *mine = NULL;
  GHashTable *mine_scores = NULL;
  const MiriamScoredMeasurement *theirs = NULL;

  all = miriam_store_list_measurements_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_MEASUREMENT_EDITOR (user_data);
  if (all == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (self->current == NULL)
    return;

  for (guint i = 0; i < all->len; i++)
    if (((MiriamScoredMeasurement *) all->pdata[i])->measurement->row.id == self->current->measurement->row.id)
      theirs = all->pdata[i];

  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = theirs == NULL;
  if (theirs != NULL)
    {
      self->theirs = scored_copy (theirs);
      if (read_form (self, &mine, &mine_scores))
        {
          differences = describe_differences (self, self->theirs, mine, mine_scores);
          miriam_record_free (MIRIAM_RECORD_MEASUREMENT, mine);
          g_hash_table_unref (mine_scores);
        }
      show_message (self, _("A colleague changed this measurement in the meantime. Nothing was "
                            "overwritten and your scores are still in the form. Choose which "
                            "version to keep:"));
    }
  else
    show_message (self, _("A colleague deleted this measurement in the meantime. Your scores are still "
                          "in the form: Save My Version saves them as a new measurement."));

  gtk_label_set_text (self->conflict_label, differences != NULL ? differences : "");
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_label), differences != NULL && differences[0] != '\0');
  gtk_widget_set_visible (self->take_theirs_button, theirs != NULL);
  gtk_widget_set_visible (self->conflict_buttons, TRUE);

  /* The list shows what the file holds now; the form keeps hers. */
  if (self->context != NULL)
    {
      g_clear_pointer (&self->context->measurements, g_ptr_array_unref);
      self->context->measurements = g_steal_pointer (&all);
      fill_list (self);
      update_new_buttons (self);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MiriamMeasurementEditor *self;
  MiriamScoredMeasurement *saved;
  g_autoptr(GError) error = NULL;

  saved = miriam_store_save_measurement_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_MEASUREMENT_EDITOR (user_data);
  g_clear_pointer (&self->saving_measurement, miriam_record_free_func (MIRIAM_RECORD_MEASUREMENT));
  g_clear_pointer (&self->saving_scores, g_hash_table_unref);
  set_saving (self, FALSE);

  if (saved == NULL)
    {
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT)
          && self->current->measurement->row.id != 0)
        miriam_store_list_measurements_async (self->store, self->participant_id, self->cancellable,
                                              theirs_loaded_cb, self);
      else
        show_message (self, error->message);  /* e.g. a second baseline in this group */
      return;
    }

  show_message (self, NULL);
  g_clear_pointer (&self->current, miriam_scored_measurement_free);
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = FALSE;
  self->current = saved;
  fill_form (self);
  /* The list, the counts and the hints as the file has them now. */
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
save (MiriamMeasurementEditor *self)
{
  MiriamMeasurement *measurement = NULL;
  GHashTable *scores = NULL;

  if (self->saving || self->current == NULL || !self->writable)
    return;
  if (!read_form (self, &measurement, &scores))
    {
      show_message (self, _("Some fields need your attention before this measurement can be saved."));
      return;
    }

  show_message (self, NULL);
  /* Kept until the store is done with them. */
  self->saving_measurement = measurement;
  self->saving_scores = scores;
  set_saving (self, TRUE);
  miriam_store_save_measurement_async (self->store, measurement, scores, self->cancellable, saved_cb, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  save (MIRIAM_MEASUREMENT_EDITOR (widget));
}

/* The user saw both versions and keeps hers: save the form again on top
 * of the colleague's version (or as a new measurement if she deleted
 * it), knowingly. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  MiriamMeasurementEditor *self = MIRIAM_MEASUREMENT_EDITOR (widget);

  if (self->current == NULL || (self->theirs == NULL && !self->theirs_deleted))
    return;
  if (self->theirs_deleted)
    {
      self->current->measurement->row.id = 0;
      self->current->measurement->row.version = 0;
    }
  else
    self->current->measurement->row.version = self->theirs->measurement->row.version;
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_visible (GTK_WIDGET (((DomainRow *) self->rows->pdata[i])->theirs_label), FALSE);
  show_message (self, NULL);
  save (self);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamMeasurementEditor *self = MIRIAM_MEASUREMENT_EDITOR (widget);

  if (self->theirs == NULL)
    return;
  g_clear_pointer (&self->current, miriam_scored_measurement_free);
  self->current = g_steal_pointer (&self->theirs);
  show_message (self, NULL);
  fill_form (self);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *param G_GNUC_UNUSED)
{
  MiriamMeasurementEditor *self = MIRIAM_MEASUREMENT_EDITOR (widget);

  if (self->current == NULL || self->saving)
    return;
  show_message (self, NULL);
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  self->theirs_deleted = FALSE;
  if (self->current->measurement->row.id == 0)
    {
      /* A new one never saved: nothing to go back to but the list. */
      self->dirty = FALSE;
      open_measurement (self, newest_measurement (self));
    }
  else
    fill_form (self);
}

/* ---------------------------------------------------------------------- */
/* Deleting                                                                 */

typedef struct {
  gint64 id;
  gint64 version;
} DeleteRequest;

static void
delete_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  DeleteRequest *request = task_data;
  GError *error = NULL;

  if (miriam_store_delete_measurement (source, request->id, request->version, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
deleted_cb (GObject      *object G_GNUC_UNUSED,
            GAsyncResult *result,
            gpointer      user_data)
{
  MiriamMeasurementEditor *self;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = MIRIAM_MEASUREMENT_EDITOR (user_data);
  set_saving (self, FALSE);

  if (!ok && g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
    {
      /* Her version is read again; nothing was deleted. */
      show_message (self, _("A colleague changed this measurement in the meantime, so it was not deleted. "
                            "Look at her version first."));
      self->dirty = FALSE;
      load (self);
      return;
    }
  if (!ok && !g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND))
    {
      show_message (self, error->message);
      return;
    }

  show_message (self, NULL);
  open_measurement (self, NULL);
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_response_cb (GtkDialog               *dialog,
                    int                      response,
                    MiriamMeasurementEditor *self)
{
  g_autoptr(GTask) task = NULL;
  DeleteRequest *request;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->current == NULL
      || self->current->measurement->row.id == 0 || self->saving)
    return;

  request = g_new0 (DeleteRequest, 1);
  request->id = self->current->measurement->row.id;
  request->version = self->current->measurement->row.version;
  set_saving (self, TRUE);
  gtk_label_set_text (self->unscored_label, _("Deleting the measurement…"));
  task = g_task_new (self->store, self->cancellable, deleted_cb, self);
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, delete_thread);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  MiriamMeasurementEditor *self = MIRIAM_MEASUREMENT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *details = NULL;
  g_autofree char *day = NULL;
  GtkWidget *dialog, *button;

  if (self->current == NULL || self->current->measurement->row.id == 0 || self->saving)
    return;

  day = miriam_format_date (&self->current->measurement->day);
  /* Translators: "Baseline measurement, 12/09/2026: its scores on every life domain..." */
  details = g_strdup_printf (_("%s, %s: its scores on every life domain are deleted with it. "
                               "This cannot be undone."),
                             miriam_measurement_kind_label (self->current->measurement->kind), day);
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _("Delete this measurement?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", details);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Delete Measurement"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Public                                                                   */

void
miriam_measurement_editor_set (MiriamMeasurementEditor *self,
                               MiriamStore             *store,
                               gint64                   participant_id)
{
  gboolean same;

  g_return_if_fail (MIRIAM_IS_MEASUREMENT_EDITOR (self));
  g_return_if_fail (MIRIAM_IS_STORE (store));

  same = store == self->store && participant_id == self->participant_id && participant_id != 0;
  g_set_object (&self->store, store);
  self->writable = miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;
  self->participant_id = participant_id;

  if (!same)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_pointer (&self->context, context_free);
      self->dirty = FALSE;
      show_message (self, NULL);
      open_measurement (self, NULL);
      fill_list (self);
    }
  update_new_buttons (self);
  update_actions (self);

  if (participant_id == 0)
    {
      gtk_stack_set_visible_child_name (self->views, "new-file");
      return;
    }
  gtk_stack_set_visible_child_name (self->views, "content");
  load (self);
}

gboolean
miriam_measurement_editor_check_unsaved (MiriamMeasurementEditor *self)
{
  g_return_val_if_fail (MIRIAM_IS_MEASUREMENT_EDITOR (self), FALSE);

  if (!self->dirty && !self->saving)
    return FALSE;
  show_message (self, self->saving ? _("The measurement is being saved; a moment please.")
                : _("These scores are not saved yet. Save the measurement, or discard its changes, "
                    "before closing her file."));
  return TRUE;
}

static void
miriam_measurement_editor_dispose (GObject *object)
{
  MiriamMeasurementEditor *self = MIRIAM_MEASUREMENT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context, context_free);
  g_clear_pointer (&self->current, miriam_scored_measurement_free);
  g_clear_pointer (&self->theirs, miriam_scored_measurement_free);
  g_clear_pointer (&self->saving_measurement, miriam_record_free_func (MIRIAM_RECORD_MEASUREMENT));
  g_clear_pointer (&self->saving_scores, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_MEASUREMENT_EDITOR);
  /* After the grid's buttons are gone: they point into the rows. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (miriam_measurement_editor_parent_class)->dispose (object);
}

static void
miriam_measurement_editor_class_init (MiriamMeasurementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_measurement_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-measurement-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MiriamMeasurementEditor, name)
  BIND (page);
  BIND (message_revealer);
  BIND (message_label);
  BIND (conflict_label);
  BIND (conflict_buttons);
  BIND (take_theirs_button);
  BIND (views);
  BIND (measurement_list);
  BIND (new_baseline_button);
  BIND (new_intermediate_button);
  BIND (new_final_button);
  BIND (new_hint);
  BIND (form_box);
  BIND (form_title);
  BIND (details_grid);
  BIND (date_entry);
  BIND (date_error);
  BIND (scored_by_dropdown);
  BIND (note_entry);
  BIND (domain_grid);
  BIND (action_bar);
  BIND (delete_button);
  BIND (unscored_label);
  BIND (spinner);
  BIND (discard_button);
  BIND (save_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, new_baseline_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_intermediate_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_final_cb);

  gtk_widget_class_install_action (widget_class, "measurement.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "measurement.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "measurement.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "measurement.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "measurement.take-theirs", NULL, take_theirs_action);
  /* On this page Ctrl+S saves the measurement, not the rest of her file. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "measurement.save", NULL);
}

static void
miriam_measurement_editor_init (MiriamMeasurementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new_with_free_func (domain_row_free);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  miriam_gui_name_drop_down (self->scored_by_dropdown, _("Scored by"));
  g_signal_connect_swapped (self->measurement_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->note_entry, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->scored_by_dropdown, "notify::selected", G_CALLBACK (mark_dirty), self);
  update_actions (self);
}
