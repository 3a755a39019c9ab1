/* miriam-group-editor.c: a group, its casemanagers, rhythm and schedule
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule is a proposal until the user saves: each proposed date can
 * be kept, dropped or moved, skipped dates can be added anyway, and the
 * fourteen-day rule of the method is checked on what is kept.  The group
 * and its new sessions are saved in one store call.  As in the participant
 * editor, nothing the user typed is ever reset because a check or a save
 * failed.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"
#include "core/miriam-schedule.h"
#include "core/miriam-time.h"
#include "core/miriam-vocabulary.h"

#include "miriam-group-editor.h"
#include "miriam-group-merge.h"
#include "miriam-gui-utils.h"

/* A date of the proposal, as the user left it. */
typedef struct {
  GDate                  day;
  GDate                  planned;   /* the day first proposed, when moved; else invalid */
  MiriamScheduleOutcome  outcome;   /* why it was skipped, or KEPT */
  char                  *reason;    /* translated; a kept day may carry a warning */
  gboolean               keep;
  gboolean               by_hand;   /* added by the user, not proposed */
} Proposal;

/* What the editor reads from the store before it can show anything. */
typedef struct {
  MiriamOcmw  *ocmw;          /* the first OCMW; NULL if the database has none */
  MiriamConsortium *consortium; /* the OCMW's consortium, or the group's; NULL: none */
  GPtrArray   *cohorts;       /* MiriamCohort */
  GPtrArray   *staff;         /* MiriamStaff of the OCMW */
  GPtrArray   *closed_days;   /* MiriamOcmwClosedDay of the OCMW */
  GPtrArray   *groups;        /* MiriamGroup, all of them (for free colours) */
  MiriamGroup *group;         /* NULL for a new group */
  GArray      *group_staff;   /* gint64 */
  GPtrArray   *sessions;      /* MiriamSession of the group, by day */
} Context;

struct _MiriamGroupEditor
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  GtkWidget      *conflict_buttons;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
  GtkWidget      *saved_box;
  GtkStack       *pages;
  GtkWidget      *group_page;
  GtkWidget      *schedule_page;
  GtkEntry       *name_entry;
  GtkLabel       *name_error;
  GtkDropDown    *cohort_dropdown;
  GtkEntry       *new_cohort_entry;
  GtkLabel       *cohort_error;
  GtkDropDown    *staff1_dropdown;
  GtkDropDown    *staff2_dropdown;
  GtkWidget      *add_colleague_button;
  GtkWidget      *colleague_box;
  GtkEntry       *colleague_entry;
  GtkWidget      *colleague_save_button;
  GtkLabel       *staff_error;
  GtkEntry       *location_entry;
  GtkEntry       *address_entry;
  GtkDropDown    *community_dropdown;
  GtkWidget      *run_by_label;
  GtkDropDown    *run_by_dropdown;
  GtkEntry       *start_date_entry;
  GtkLabel       *start_date_error;
  GtkEntry       *end_date_entry;
  GtkLabel       *end_date_error;
  GtkDropDown    *rhythm_dropdown;
  GtkDropDown    *weekday_dropdown;
  GtkEntry       *start_time_entry;
  GtkEntry       *end_time_entry;
  GtkLabel       *time_error;
  GtkWidget      *colour_box;
  GtkWidget      *existing_box;
  GtkListBox     *existing_list;
  GtkWidget      *propose_button;
  GtkWidget      *add_date_button;
  GtkLabel       *propose_note;
  GtkWidget      *proposal_heading;
  GtkListBox     *proposal_list;
  GtkWidget      *gaps_box;
  GtkLabel       *summary_label;

  MiriamStore    *store;
  GCancellable   *cancellable;
  gint64          group_id;       /* as asked for; 0: a new group */
  Context        *context;        /* as loaded; its group's version guards the save */
  Context        *theirs;         /* a colleague's newer version, after a conflict */
  GArray         *closed;         /* MiriamClosedDay, pointing into context->closed_days */
  GArray         *proposals;      /* Proposal, by day */
  GPtrArray      *colour_buttons;
  GtkSizeGroup   *lead_group;     /* the check of a kept date, the gap before a skipped one */
  char           *kept_colour;    /* a colour outside the palette, kept as it was */
  gboolean        filling;
  gboolean        dirty;
  gboolean        saving;
  gboolean        writable;
  gboolean        merge_after_cohort; /* a new cohort is made for the merge, not a save */
};

G_DEFINE_FINAL_TYPE (MiriamGroupEditor, miriam_group_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_proposals (MiriamGroupEditor *self);
static void update_schedule_checks (MiriamGroupEditor *self);
static void save (MiriamGroupEditor *self);
static void open_merge (MiriamGroupEditor *self);

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */

static void
context_free (Context *context)
{
  g_clear_pointer (&context->ocmw, miriam_record_free_func (MIRIAM_RECORD_OCMW));
  g_clear_pointer (&context->consortium, miriam_record_free_func (MIRIAM_RECORD_CONSORTIUM));
  g_clear_pointer (&context->cohorts, g_ptr_array_unref);
  g_clear_pointer (&context->staff, g_ptr_array_unref);
  g_clear_pointer (&context->closed_days, g_ptr_array_unref);
  g_clear_pointer (&context->groups, g_ptr_array_unref);
  g_clear_pointer (&context->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  g_clear_pointer (&context->group_staff, g_array_unref);
  g_clear_pointer (&context->sessions, g_ptr_array_unref);
  g_free (context);
}

static void
proposal_clear (gpointer data)
{
  Proposal *p = data;

  g_clear_pointer (&p->reason, g_free);
}

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
show_message (MiriamGroupEditor *self,
              const char        *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
  if (message == NULL)
    gtk_widget_set_visible (self->conflict_buttons, FALSE);
}

/* "Cancel" while there is something to lose, "Close" once it is saved:
 * after a save, Cancel would sound as if it undid it. */
static void
set_dirty (MiriamGroupEditor *self,
           gboolean           dirty)
{
  self->dirty = dirty;
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), dirty || self->group_id == 0 ? _("Cancel") : _("Close"));
  if (dirty)
    gtk_widget_set_visible (self->saved_box, FALSE);
}

static void
mark_dirty (MiriamGroupEditor *self)
{
  if (!self->filling)
    set_dirty (self, TRUE);
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* Planning dates: "15/01/27" is 2027, not 1927.  Empty text is an
 * invalid date; *@message (if given) says why the text cannot be read. */
static gboolean
parse_planning_date (const char  *text,
                     GDate       *date,
                     char       **message)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (date, 1);
  miriam_date_today (&today);
  if (miriam_date_parse_event (text, &today, date, &error))
    return TRUE;
  if (message != NULL)
    *message = g_strdup (error->message);
  return FALSE;
}

/* Times as people type them ("9:30", "9u30", "9h30"): core/miriam-time. */
static gboolean
parse_time (const char *text,
            gint64     *minutes)
{
  int value;

  if (!miriam_time_parse (text, &value))
    return FALSE;
  *minutes = value;
  return TRUE;
}

static char *
format_time (gint64 minutes)
{
  return miriam_time_format ((int) minutes);
}

/* ---------------------------------------------------------------------- */
/* Choices                                                                  */

static void
fill_weekdays (GtkDropDown *dropdown)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* Weeks start on Monday in Belgium. */
  for (guint day = 1; day <= 7; day++)
    gtk_string_list_append (list, miriam_weekday_name ((GDateWeekday) day));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static int
compare_cohorts (gconstpointer a,
                 gconstpointer b)
{
  const MiriamCohort *x = *(MiriamCohort * const *) a;
  const MiriamCohort *y = *(MiriamCohort * const *) b;

  /* The newest programme year first: that is the one a new group joins. */
  return g_utf8_collate (y->label, x->label);
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const MiriamStaff *x = *(MiriamStaff * const *) a;
  const MiriamStaff *y = *(MiriamStaff * const *) b;

  return g_utf8_collate (x->display_name, y->display_name);
}

/* Cohorts, newest first, then "New cohort…". */
static void
fill_cohorts (MiriamGroupEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *cohorts = self->context->cohorts;

  g_ptr_array_sort (cohorts, compare_cohorts);
  for (guint i = 0; i < cohorts->len; i++)
    gtk_string_list_append (list, ((MiriamCohort *) cohorts->pdata[i])->label);
  gtk_string_list_append (list, _("New cohort…"));
  gtk_drop_down_set_model (self->cohort_dropdown, G_LIST_MODEL (list));
}

static gint64
selected_cohort (MiriamGroupEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->cohort_dropdown);
  GPtrArray *cohorts = self->context->cohorts;

  return position < cohorts->len ? ((MiriamCohort *) cohorts->pdata[position])->row.id : 0;
}

static void
select_cohort (MiriamGroupEditor *self,
               gint64             id)
{
  GPtrArray *cohorts = self->context->cohorts;
  guint position = cohorts->len;   /* "New cohort…" */

  for (guint i = 0; i < cohorts->len; i++)
    if (((MiriamCohort *) cohorts->pdata[i])->row.id == id)
      position = i;
  gtk_drop_down_set_selected (self->cohort_dropdown, position);
}

/* The cohort whose programme year holds @day, or 0. */
static gint64
cohort_for_day (MiriamGroupEditor *self,
                const GDate       *day)
{
  GPtrArray *cohorts = self->context->cohorts;

  for (guint i = 0; i < cohorts->len; i++)
    {
      const MiriamCohort *cohort = cohorts->pdata[i];

      if (g_date_valid (&cohort->start_date) && g_date_valid (&cohort->end_date)
          && g_date_compare (&cohort->start_date, day) <= 0
          && g_date_compare (day, &cohort->end_date) <= 0)
        return cohort->row.id;
    }
  return 0;
}

static void
cohort_changed_cb (MiriamGroupEditor *self)
{
  gboolean is_new = gtk_drop_down_get_selected (self->cohort_dropdown) >= self->context->cohorts->len;

  gtk_widget_set_visible (GTK_WIDGET (self->new_cohort_entry), is_new);
  if (is_new && !self->filling)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_cohort_entry));
  if (!is_new)
    show_field_error (self->cohort_error, NULL);
}

static gint64
selected_staff (MiriamGroupEditor *self,
                GtkDropDown       *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  GPtrArray *staff = self->context->staff;

  /* Position 0 is "not chosen". */
  return position >= 1 && position <= staff->len ? ((MiriamStaff *) staff->pdata[position - 1])->row.id : 0;
}

static void
select_staff (MiriamGroupEditor *self,
              GtkDropDown       *dropdown,
              gint64             id)
{
  GPtrArray *staff = self->context->staff;
  guint position = 0;

  for (guint i = 0; i < staff->len && id != 0; i++)
    if (((MiriamStaff *) staff->pdata[i])->row.id == id)
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

/* Both casemanager drop-downs over the same list; what was chosen stays
 * chosen when a colleague is added. */
/* "Run by": the OCMW on its own, or its consortium.  Only shown when
 * there is a consortium to choose. */
static void
fill_run_by (MiriamGroupEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const MiriamConsortium *consortium = self->context->consortium;
  gboolean shown = consortium != NULL && self->context->ocmw != NULL;

  if (shown)
    {
      g_autofree char *own = NULL;
      g_autofree char *together = NULL;

      /* Translators: %s is the name of the OCMW, e.g. "OCMW Lochristi" */
      own = g_strdup_printf (_("%s on its own"), self->context->ocmw->name);
      /* Translators: %s is the name of a consortium of OCMWs */
      together = g_strdup_printf (_("The consortium %s"), consortium->name);
      gtk_string_list_append (list, own);
      gtk_string_list_append (list, together);
    }
  gtk_drop_down_set_model (self->run_by_dropdown, G_LIST_MODEL (list));
  gtk_widget_set_visible (self->run_by_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->run_by_dropdown), shown);
}

static void
fill_staff (MiriamGroupEditor *self)
{
  g_autoptr(GtkStringList) first = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) second = gtk_string_list_new (NULL);
  GPtrArray *staff = self->context->staff;
  gint64 chosen1 = selected_staff (self, self->staff1_dropdown);
  gint64 chosen2 = selected_staff (self, self->staff2_dropdown);
  gboolean filling = self->filling;

  g_ptr_array_sort (staff, compare_staff);
  gtk_string_list_append (first, _("Not chosen"));
  gtk_string_list_append (second, _("None"));
  for (guint i = 0; i < staff->len; i++)
    {
      const MiriamStaff *member = staff->pdata[i];

      gtk_string_list_append (first, member->display_name);
      gtk_string_list_append (second, member->display_name);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->staff1_dropdown, G_LIST_MODEL (first));
  gtk_drop_down_set_model (self->staff2_dropdown, G_LIST_MODEL (second));
  select_staff (self, self->staff1_dropdown, chosen1);
  select_staff (self, self->staff2_dropdown, chosen2);
  self->filling = filling;
}

/* ---------------------------------------------------------------------- */
/* Colours                                                                  */

static void
draw_swatch (GtkDrawingArea *area G_GNUC_UNUSED,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, data))
    return;
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  /* An outline, so that yellow shows on a light theme. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
colour_toggled_cb (GtkToggleButton   *button,
                   MiriamGroupEditor *self)
{
  if (gtk_toggle_button_get_active (button))
    mark_dirty (self);
}

/* The calendar's palette: the group colour vocabulary, in its order. */
static const MiriamTerm *
palette (guint *n_colours)
{
  return miriam_vocabulary_terms (MIRIAM_VOCABULARY_GROUP_COLOUR, n_colours);
}

static void
build_palette (MiriamGroupEditor *self)
{
  GtkToggleButton *group = NULL;
  guint n;
  const MiriamTerm *colours = palette (&n);

  self->colour_buttons = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      const char *name = miriam_vocabulary_label (MIRIAM_VOCABULARY_GROUP_COLOUR, colours[i].code);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 20);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 20);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, (gpointer) colours[i].code, NULL);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (colour_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->colour_box), button);
      g_ptr_array_add (self->colour_buttons, button);
    }
}

static void
select_colour (MiriamGroupEditor *self,
               const char        *colour)
{
  gboolean found = FALSE;
  guint n;
  const MiriamTerm *colours = palette (&n);

  for (guint i = 0; i < n; i++)
    {
      gboolean match = g_ascii_strcasecmp (colours[i].code, colour) == 0;

      gtk_toggle_button_set_active (self->colour_buttons->pdata[i], match);
      found |= match;
    }
  /* A colour chosen elsewhere stays until the user picks one here. */
  g_free (self->kept_colour);
  self->kept_colour = g_strdup (found ? "" : colour);
}

static const char *
selected_colour (MiriamGroupEditor *self)
{
  guint n;
  const MiriamTerm *colours = palette (&n);

  for (guint i = 0; i < n; i++)
    if (gtk_toggle_button_get_active (self->colour_buttons->pdata[i]))
      return colours[i].code;
  return self->kept_colour != NULL ? self->kept_colour : "";
}

/* The first colour of the palette that no running group uses yet, so
 * that a new group stands out in the calendar. */
static const char *
free_colour (MiriamGroupEditor *self)
{
  GDate today;
  guint n;
  const MiriamTerm *colours = palette (&n);

  miriam_date_today (&today);
  for (guint i = 0; i < n; i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < self->context->groups->len && !used; j++)
        {
          const MiriamGroup *group = self->context->groups->pdata[j];

          used = g_ascii_strcasecmp (group->colour, colours[i].code) == 0
                 && (!g_date_valid (&group->end_date) || g_date_compare (&group->end_date, &today) >= 0);
        }
      if (!used)
        return colours[i].code;
    }
  return colours[0].code;
}

/* ---------------------------------------------------------------------- */
/* The schedule rule                                                        */

/* The rule as the form shows it.  @first and @last stay invalid when their
 * fields cannot be read; the Community and closed days are always there. */
static void
read_rule (MiriamGroupEditor  *self,
           MiriamScheduleRule *rule)
{
  memset (rule, 0, sizeof *rule);
  rule->rhythm = miriam_gui_selected_code (self->rhythm_dropdown, MIRIAM_VOCABULARY_RHYTHM);
  rule->weekday = gtk_drop_down_get_selected (self->weekday_dropdown) + 1;
  rule->community = miriam_gui_selected_code (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY);
  rule->closed_days = (const MiriamClosedDay *) (gpointer) self->closed->data;
  rule->n_closed_days = self->closed->len;
  parse_planning_date (entry_text (self->start_date_entry), &rule->first, NULL);
  parse_planning_date (entry_text (self->end_date_entry), &rule->last, NULL);
}

/* The day of the last session already in the database, or invalid. */
static void
last_existing_day (MiriamGroupEditor *self,
                   GDate             *day)
{
  g_date_clear (day, 1);
  if (self->context == NULL || self->context->sessions == NULL)
    return;
  for (guint i = 0; i < self->context->sessions->len; i++)
    {
      const MiriamSession *session = self->context->sessions->pdata[i];

      if (!g_date_valid (day) || g_date_compare (&session->day, day) > 0)
        *day = session->day;
    }
}

static gboolean
day_taken (MiriamGroupEditor *self,
           const GDate       *day,
           int                except)
{
  for (guint i = 0; i < self->proposals->len; i++)
    {
      const Proposal *p = &g_array_index (self->proposals, Proposal, i);

      if ((int) i != except && p->keep && g_date_compare (&p->day, day) == 0)
        return TRUE;
    }
  for (guint i = 0; self->context->sessions != NULL && i < self->context->sessions->len; i++)
    {
      const MiriamSession *session = self->context->sessions->pdata[i];

      if (!session->cancelled && g_date_compare (&session->day, day) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  return g_date_compare (&((const Proposal *) a)->day, &((const Proposal *) b)->day);
}

/* ---------------------------------------------------------------------- */
/* Moving a date, adding a date                                             */

typedef struct {
  MiriamGroupEditor *self;
  GtkWidget         *window;
  GtkEntry          *entry;
  GtkLabel          *error;
  GtkButton         *button;
  int                index;       /* the proposal moved, or -1 for a new date */
  char              *warned_for;  /* the text already warned about: the next click confirms */
} DateDialog;

static void
date_dialog_free (gpointer data)
{
  DateDialog *dialog = data;

  g_free (dialog->warned_for);
  g_free (dialog);
}

static const char *
date_dialog_action (DateDialog *dialog,
                    gboolean    anyway)
{
  if (dialog->index < 0)
    return anyway ? _("Add Anyway") : _("Add");
  return anyway ? _("Move Anyway") : _("Move");
}

/* A refusal in red, a warning in the theme's warning colour. */
static void
date_dialog_show (DateDialog *dialog,
                  const char *message,
                  gboolean    warning)
{
  gtk_widget_remove_css_class (GTK_WIDGET (dialog->error), warning ? "error" : "warning");
  gtk_widget_add_css_class (GTK_WIDGET (dialog->error), warning ? "warning" : "error");
  show_field_error (dialog->error, message);
}

static void
date_dialog_text_changed (DateDialog *dialog)
{
  /* Another date: warn again if it is blocked too. */
  g_clear_pointer (&dialog->warned_for, g_free);
  gtk_button_set_label (dialog->button, date_dialog_action (dialog, FALSE));
  show_field_error (dialog->error, NULL);
}

static void
date_dialog_accept (DateDialog *dialog)
{
  MiriamGroupEditor *self = dialog->self;
  const char *text = entry_text (dialog->entry);
  MiriamScheduleRule rule;
  MiriamScheduleOutcome outcome = MIRIAM_SCHEDULE_KEPT;
  g_autofree char *blocked = NULL;
  GDate day;
  Proposal *p;

  g_autofree char *why = NULL;

  if (!parse_planning_date (text, &day, &why) || !g_date_valid (&day))
    {
      date_dialog_show (dialog, why != NULL ? why : _("Type the date as day/month/year, for example 15/01/2027."),
                        FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (dialog->entry));
      return;
    }
  if (day_taken (self, &day, dialog->index))
    {
      date_dialog_show (dialog, _("There is already a session of this group on that day."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (dialog->entry));
      return;
    }

  /* A holiday or closed day is a warning, not a refusal: the team may
   * have good reasons (an outing on a school holiday). */
  read_rule (self, &rule);
  blocked = miriam_schedule_day_blocked (&rule, &day, &outcome);
  if (blocked != NULL && g_strcmp0 (dialog->warned_for, text) != 0)
    {
      g_autofree char *warning =
        /* Translators: %s is why, e.g. "Easter Monday" or "Christmas holidays" */
        g_strdup_printf (_("No session is usually planned on this day: %s. Confirm to plan it anyway."),
                         blocked);

      date_dialog_show (dialog, warning, TRUE);
      g_free (dialog->warned_for);
      dialog->warned_for = g_strdup (text);
      gtk_button_set_label (dialog->button, date_dialog_action (dialog, TRUE));
      return;
    }

  if (dialog->index < 0)
    {
      Proposal added = { 0 };

      g_array_append_val (self->proposals, added);
      p = &g_array_index (self->proposals, Proposal, self->proposals->len - 1);
      g_date_clear (&p->planned, 1);
      p->outcome = MIRIAM_SCHEDULE_KEPT;
      p->by_hand = TRUE;
    }
  else
    {
      p = &g_array_index (self->proposals, Proposal, dialog->index);
      if (!g_date_valid (&p->planned) && !p->by_hand)
        p->planned = p->day;
    }
  p->day = day;
  p->keep = TRUE;
  g_free (p->reason);
  p->reason = g_steal_pointer (&blocked);

  /* The skipped proposal of that day, if any, is now this session. */
  for (guint i = self->proposals->len; i > 0; i--)
    {
      Proposal *other = &g_array_index (self->proposals, Proposal, i - 1);

      if (other != p && !other->keep && other->outcome != MIRIAM_SCHEDULE_KEPT
          && g_date_compare (&other->day, &day) == 0)
        g_array_remove_index (self->proposals, i - 1);
    }

  g_array_sort (self->proposals, compare_proposals);
  mark_dirty (self);
  rebuild_proposals (self);
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static void
open_date_dialog (MiriamGroupEditor *self,
                  int                index)
{
  DateDialog *dialog = g_new0 (DateDialog, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_New date"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));

  dialog->self = self;
  dialog->index = index;
  dialog->window = gtk_window_new ();
  dialog->entry = GTK_ENTRY (gtk_entry_new ());
  dialog->error = GTK_LABEL (gtk_label_new (NULL));
  dialog->button = GTK_BUTTON (gtk_button_new_with_label (date_dialog_action (dialog, FALSE)));
  g_object_set_data_full (G_OBJECT (dialog->window), "dialog", dialog, date_dialog_free);

  gtk_window_set_title (GTK_WINDOW (dialog->window), index < 0 ? _("Add a Date") : _("Move a Session"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog->window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 420, -1);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);

  if (index >= 0)
    {
      const Proposal *p = &g_array_index (self->proposals, Proposal, index);
      g_autofree char *day = miriam_format_date_long (&p->day);
      /* Translators: %s is a date such as "Tuesday 15 September 2026" */
      g_autofree char *text = g_strdup_printf (_("Move the session of %s to:"), day);
      GtkWidget *what = gtk_label_new (text);
      g_autofree char *current = miriam_format_date (&p->day);

      gtk_label_set_xalign (GTK_LABEL (what), 0);
      gtk_label_set_wrap (GTK_LABEL (what), TRUE);
      gtk_grid_attach (GTK_GRID (grid), what, 0, 0, 2, 1);
      set_entry (dialog->entry, current);
    }

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (dialog->entry));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_entry_set_placeholder_text (dialog->entry, _("dd/mm/yyyy"));
  gtk_entry_set_activates_default (dialog->entry, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (dialog->entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dialog->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, dialog->error, NULL,
                                  -1);
  gtk_label_set_xalign (dialog->error, 0);
  gtk_label_set_wrap (dialog->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (dialog->error), FALSE);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->button), "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (dialog->button));

  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (dialog->entry), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (dialog->error), 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), buttons, 0, 3, 2, 1);
  gtk_window_set_child (GTK_WINDOW (dialog->window), grid);
  gtk_window_set_default_widget (GTK_WINDOW (dialog->window), GTK_WIDGET (dialog->button));

  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog->window);
  g_signal_connect_swapped (dialog->button, "clicked", G_CALLBACK (date_dialog_accept), dialog);
  g_signal_connect_swapped (dialog->entry, "changed", G_CALLBACK (date_dialog_text_changed), dialog);

  gtk_window_present (GTK_WINDOW (dialog->window));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->entry));
}

static void
add_date_clicked_cb (MiriamGroupEditor *self)
{
  open_date_dialog (self, -1);
}

static void
move_clicked_cb (GtkButton         *button,
                 MiriamGroupEditor *self)
{
  open_date_dialog (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index")));
}

/* ---------------------------------------------------------------------- */
/* The proposal list                                                        */

static void
keep_toggled_cb (GtkCheckButton    *check,
                 MiriamGroupEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));
  Proposal *p;

  if (index >= self->proposals->len)
    return;
  p = &g_array_index (self->proposals, Proposal, index);
  if (gtk_check_button_get_active (check) && day_taken (self, &p->day, (int) index))
    {
      /* Two sessions of one group on one day: surely not meant. */
      gtk_check_button_set_active (check, FALSE);
      gtk_label_set_text (self->propose_note, _("There is already a session of this group on that day."));
      return;
    }
  p->keep = gtk_check_button_get_active (check);
  mark_dirty (self);
  update_schedule_checks (self);
}

static char *
time_range_text (MiriamGroupEditor *self)
{
  gint64 start, end;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!parse_time (entry_text (self->start_time_entry), &start)
      || !parse_time (entry_text (self->end_time_entry), &end))
    return g_strdup ("");
  from = format_time (start);
  to = format_time (end);
  /* Translators: a time range, e.g. 09:30–11:30 */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/* Rows that show, not rows to click: no hover, no activation. */
static void
append_static_row (GtkListBox *list,
                   GtkWidget  *child)
{
  gtk_list_box_append (list, child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (child)), FALSE);
}

static GtkWidget *
row_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/* A proposed date: keep it or not, when, and Move…; a skipped one, greyed,
 * with why and "Add anyway". */
static GtkWidget *
proposal_row_new (MiriamGroupEditor *self,
                  guint              index,
                  const char        *times)
{
  const Proposal *p = &g_array_index (self->proposals, Proposal, index);
  gboolean skipped = p->outcome != MIRIAM_SCHEDULE_KEPT;
  GtkWidget *box = row_box_new ();
  g_autofree char *day = miriam_format_date_long (&p->day);
  GtkWidget *date_label = gtk_label_new (day);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *lead, *check;
  GString *note = g_string_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_box_append (GTK_BOX (details), date_label);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);

  if (g_date_valid (&p->planned))
    {
      g_autofree char *planned = miriam_format_date (&p->planned);
      /* Translators: %s is a date */
      g_string_append_printf (note, _("Moved from %s"), planned);
    }
  else if (p->by_hand && !skipped)
    g_string_append (note, _("Added by hand"));
  if (p->reason != NULL)
    {
      if (note->len > 0)
        g_string_append (note, " — ");
      g_string_append (note, p->reason);
    }
  if (note->len > 0)
    gtk_box_append (GTK_BOX (details), dim_label_new (note->str));

  if (skipped)
    {
      /* Translators: a date that is skipped, and why */
      g_autofree char *description = g_strdup_printf (_("%s: %s"), day, note->str);

      lead = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (lead), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skipped"), -1);
      gtk_widget_add_css_class (lead, "dim-label");
      gtk_widget_add_css_class (date_label, "dim-label");
      check = gtk_check_button_new_with_label (_("Add anyway"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  else
    {
      /* Translators: %s is a date such as "Tuesday 15 September 2026" */
      g_autofree char *name = g_strdup_printf (_("Keep the session of %s"), day);

      lead = check = gtk_check_button_new ();
      gtk_widget_set_tooltip_text (check, _("Keep this date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  g_string_free (note, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), p->keep);
  gtk_widget_set_sensitive (check, self->writable);
  g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (index));
  g_signal_connect (check, "toggled", G_CALLBACK (keep_toggled_cb), self);

  gtk_size_group_add_widget (self->lead_group, lead);
  gtk_box_append (GTK_BOX (box), lead);
  gtk_box_append (GTK_BOX (box), details);

  if (skipped)
    gtk_box_append (GTK_BOX (box), check);
  else
    {
      GtkWidget *time = gtk_label_new (times);
      GtkWidget *move = gtk_button_new_with_label (_("Move…"));

      gtk_widget_set_tooltip_text (move, _("Move this session to another day"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, day, -1);
      g_object_set_data (G_OBJECT (move), "index", GUINT_TO_POINTER (index));
      g_signal_connect (move, "clicked", G_CALLBACK (move_clicked_cb), self);
      gtk_widget_set_sensitive (move, self->writable);
      gtk_box_append (GTK_BOX (box), time);
      gtk_box_append (GTK_BOX (box), move);
    }
  return box;
}

static void
add_suggestion_clicked_cb (GtkButton         *button,
                           MiriamGroupEditor *self)
{
  const GDate *day = g_object_get_data (G_OBJECT (button), "day");
  MiriamScheduleRule rule;
  MiriamScheduleOutcome outcome;
  Proposal added = { 0 };

  read_rule (self, &rule);
  added.day = *day;
  g_date_clear (&added.planned, 1);
  added.outcome = MIRIAM_SCHEDULE_KEPT;
  added.keep = TRUE;
  added.by_hand = TRUE;
  /* The suggestion avoids holidays when it can; say so when it could not. */
  added.reason = miriam_schedule_day_blocked (&rule, day, &outcome);
  g_array_append_val (self->proposals, added);
  g_array_sort (self->proposals, compare_proposals);
  mark_dirty (self);
  rebuild_proposals (self);
}

/* One warning per gap, each with the date that closes it. */
static GtkWidget *
gap_row_new (MiriamGroupEditor       *self,
             const MiriamScheduleGap *gap)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *after = miriam_format_date (&gap->after);
  g_autofree char *before = miriam_format_date (&gap->before);
  /* Translators: the method asks for a group session at least every 14 days */
  g_autofree char *text = g_strdup_printf (ngettext ("No group session for %u day between %s and %s",
                                                     "No group session for %u days between %s and %s",
                                                     gap->days),
                                           gap->days, after, before);
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  if (g_date_valid (&gap->suggestion))
    {
      g_autofree char *day = miriam_format_date_long (&gap->suggestion);
      /* Translators: %s is a date such as "Tuesday 5 January 2027" */
      g_autofree char *action = g_strdup_printf (_("Add %s"), day);
      GtkWidget *button = gtk_button_new_with_label (action);

      g_object_set_data_full (G_OBJECT (button), "day", g_memdup2 (&gap->suggestion, sizeof (GDate)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (add_suggestion_clicked_cb), self);
      gtk_widget_set_sensitive (button, self->writable);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The fourteen-day rule on what would be planned after saving, and the
 * count.  For an existing group only the stretch after its last session
 * counts: older gaps are history, not something to plan. */
static void
update_schedule_checks (MiriamGroupEditor *self)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GArray) gaps = NULL;
  MiriamScheduleRule rule;
  GDate last;
  guint kept = 0, skipped = 0;

  clear_box (self->gaps_box);
  last_existing_day (self, &last);
  if (g_date_valid (&last))
    g_array_append_val (days, last);
  for (guint i = 0; i < self->proposals->len; i++)
    {
      const Proposal *p = &g_array_index (self->proposals, Proposal, i);

      if (p->keep)
        {
          g_array_append_val (days, p->day);
          kept++;
        }
      else
        skipped++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->proposals->len > 0);
  if (self->proposals->len == 0)
    return;

  {
    g_autofree char *planned = g_strdup_printf (ngettext ("%u session planned", "%u sessions planned", kept), kept);
    g_autofree char *dropped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", skipped), skipped);
    /* Translators: "22 sessions planned, 3 skipped" */
    g_autofree char *summary = g_strdup_printf (_("%s, %s"), planned, dropped);

    gtk_label_set_text (self->summary_label, summary);
  }

  if (kept == 0)
    return;

  read_rule (self, &rule);
  gaps = miriam_schedule_find_gaps ((const GDate *) (gpointer) days->data, days->len, &rule,
                                    MIRIAM_SCHEDULE_MAX_GAP_DAYS);
  for (guint i = 0; i < gaps->len; i++)
    gtk_box_append (GTK_BOX (self->gaps_box), gap_row_new (self, &g_array_index (gaps, MiriamScheduleGap, i)));

  if (gaps->len == 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      GtkWidget *label = dim_label_new (_("A group session at least every fourteen days"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fine"), -1);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (self->gaps_box), box);
    }
}

static void
rebuild_proposals (MiriamGroupEditor *self)
{
  g_autofree char *times = time_range_text (self);
  gboolean any = self->proposals->len > 0;

  clear_list_box (self->proposal_list);
  for (guint i = 0; i < self->proposals->len; i++)
    append_static_row (self->proposal_list, proposal_row_new (self, i, times));
  gtk_widget_set_visible (self->proposal_heading, any);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_list), any);
  update_schedule_checks (self);
}

static void
propose_clicked_cb (MiriamGroupEditor *self)
{
  g_autoptr(GArray) dates = NULL;
  MiriamScheduleRule rule;
  GDate last;
  guint added = 0;

  read_rule (self, &rule);
  if (!g_date_valid (&rule.first) || !g_date_valid (&rule.last)
      || g_date_compare (&rule.first, &rule.last) > 0)
    {
      gtk_label_set_text (self->propose_note,
                          _("Type a start and an end date for the group first (page Group)."));
      return;
    }

  /* An existing group's schedule is extended, never rewritten. */
  last_existing_day (self, &last);
  if (g_date_valid (&last) && g_date_compare (&last, &rule.first) >= 0)
    {
      rule.first = last;
      g_date_add_days (&rule.first, 1);
      if (g_date_compare (&rule.first, &rule.last) > 0)
        {
          gtk_label_set_text (self->propose_note,
                              _("The sessions already planned reach the end date of the group. Change the "
                                "end date to plan further."));
          return;
        }
    }

  dates = miriam_schedule_generate (&rule);
  g_array_set_size (self->proposals, 0);
  for (guint i = 0; i < dates->len; i++)
    {
      MiriamScheduleDate *date = &g_array_index (dates, MiriamScheduleDate, i);
      Proposal p = { 0 };

      p.day = date->day;
      g_date_clear (&p.planned, 1);
      p.outcome = date->outcome;
      p.reason = g_strdup (date->reason);
      p.keep = date->outcome == MIRIAM_SCHEDULE_KEPT;
      added += p.keep;
      g_array_append_val (self->proposals, p);
    }

  if (g_str_equal (rule.rhythm, "free"))
    gtk_label_set_text (self->propose_note, _("With a free rhythm no dates are proposed: add them one by one "
                                              "with Add Date…."));
  else if (dates->len == 0)
    gtk_label_set_text (self->propose_note, _("No dates could be proposed between the start and end date."));
  else
    gtk_label_set_text (self->propose_note, _("Untick the dates you do not want; tick “Add anyway” to plan a "
                                              "skipped date. Nothing is saved until you click Save."));
  if (dates->len > 0)
    mark_dirty (self);
  rebuild_proposals (self);
}

/* ---------------------------------------------------------------------- */
/* Sessions already in the database                                        */

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const MiriamSession *x = *(MiriamSession * const *) a;
  const MiriamSession *y = *(MiriamSession * const *) b;
  int c = g_date_compare (&x->day, &y->day);

  return c != 0 ? c : (x->start_minute > y->start_minute) - (x->start_minute < y->start_minute);
}

static GtkWidget *
session_row_new (const MiriamSession *session)
{
  GtkWidget *box = row_box_new ();
  g_autofree char *day = miriam_format_date_long (&session->day);
  g_autofree char *from = format_time (session->start_minute);
  g_autofree char *to = format_time (session->end_minute);
  g_autofree char *times = g_strdup_printf (_("%s–%s"), from, to);
  GtkWidget *date_label = gtk_label_new (day);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status = NULL;

  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (details), date_label);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), gtk_label_new (times));

  if (session->cancelled)
    {
      g_autofree char *text = session->cancel_reason[0] != '\0'
                              /* Translators: %s is why the session was cancelled */
                              ? g_strdup_printf (_("Cancelled: %s"), session->cancel_reason)
                              : g_strdup (_("Cancelled"));
      status = dim_label_new (text);
      gtk_widget_add_css_class (date_label, "dim-label");
    }
  else if (g_date_valid (&session->original_day))
    {
      g_autofree char *original = miriam_format_date (&session->original_day);
      g_autofree char *text = g_strdup_printf (_("Moved from %s"), original);

      status = dim_label_new (text);
    }
  if (status != NULL)
    gtk_box_append (GTK_BOX (details), status);
  return box;
}

static void
fill_existing (MiriamGroupEditor *self)
{
  GPtrArray *sessions = self->context->sessions;
  gboolean existing = self->context->group != NULL;
  GDate last;

  clear_list_box (self->existing_list);
  gtk_widget_set_visible (self->existing_box, existing);

  if (sessions != NULL)
    g_ptr_array_sort (sessions, compare_sessions);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    append_static_row (self->existing_list, session_row_new (sessions->pdata[i]));
  if ((sessions == NULL || sessions->len == 0) && existing)
    {
      GtkWidget *none = dim_label_new (_("No sessions planned yet."));

      gtk_widget_set_margin_start (none, 12);
      gtk_widget_set_margin_top (none, 6);
      gtk_widget_set_margin_bottom (none, 6);
      append_static_row (self->existing_list, none);
    }

  last_existing_day (self, &last);
  if (g_date_valid (&last))
    {
      g_autofree char *day = miriam_format_date (&last);
      /* Translators: %s is the date of the group's last session */
      g_autofree char *text = g_strdup_printf (_("Propose Sessions plans dates after the last session "
                                                 "already planned (%s)."), day);

      gtk_label_set_text (self->propose_note, text);
    }
  else
    gtk_label_set_text (self->propose_note, _("Propose Sessions plans dates from the rhythm, weekday, start "
                                              "and end date of the group, without public holidays, school "
                                              "holidays and closed days. Add Date… adds one date."));
}

/* ---------------------------------------------------------------------- */
/* Filling and reading the form                                             */

static void
set_date_entry (GtkEntry    *entry,
                const GDate *date)
{
  g_autofree char *text = miriam_format_date (date);

  set_entry (entry, text);
}

static void
set_time_entry (GtkEntry *entry,
                gint64    minutes)
{
  g_autofree char *text = format_time (minutes);

  set_entry (entry, text);
}

static void
update_title (MiriamGroupEditor *self)
{
  const MiriamGroup *group = self->context->group;

  if (group == NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("New Group"));
  else
    gtk_window_set_title (GTK_WINDOW (self), group->name);
}

static void
fill_form (MiriamGroupEditor *self,
           const MiriamGroup *group,
           const GArray      *staff_ids)
{
  self->filling = TRUE;

  set_entry (self->name_entry, group->name);
  select_cohort (self, group->cohort_id);
  cohort_changed_cb (self);
  select_staff (self, self->staff1_dropdown, staff_ids != NULL && staff_ids->len > 0
                                             ? g_array_index (staff_ids, gint64, 0) : 0);
  select_staff (self, self->staff2_dropdown, staff_ids != NULL && staff_ids->len > 1
                                             ? g_array_index (staff_ids, gint64, 1) : 0);
  set_entry (self->location_entry, group->location);
  set_entry (self->address_entry, group->address);
  miriam_gui_select_code (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY, group->community);
  gtk_drop_down_set_selected (self->run_by_dropdown,
                              self->context->consortium != NULL && group->consortium_id != 0
                              && group->consortium_id == self->context->consortium->row.id ? 1 : 0);
  set_date_entry (self->start_date_entry, &group->start_date);
  set_date_entry (self->end_date_entry, &group->end_date);
  miriam_gui_select_code (self->rhythm_dropdown, MIRIAM_VOCABULARY_RHYTHM, group->rhythm);
  gtk_drop_down_set_selected (self->weekday_dropdown, CLAMP (group->weekday, 1, 7) - 1);
  set_time_entry (self->start_time_entry, group->start_minute);
  set_time_entry (self->end_time_entry, group->end_minute);
  select_colour (self, group->colour);

  for (GtkLabel **l = (GtkLabel *[]) { self->name_error, self->cohort_error, self->staff_error,
                                       self->start_date_error, self->end_date_error, self->time_error,
                                       NULL };
       *l != NULL; l++)
    show_field_error (*l, NULL);

  self->filling = FALSE;
}

/* A new group: next school year, on the OCMW's Community, in a colour
 * the running groups do not use. */
static MiriamGroup *
new_group (MiriamGroupEditor *self)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  GDate today;
  guint year;

  miriam_date_today (&today);
  year = g_date_get_year (&today);
  if (g_date_get_month (&today) >= G_DATE_SEPTEMBER && !(g_date_get_month (&today) == G_DATE_SEPTEMBER
                                                         && g_date_get_day (&today) == 1))
    year++;
  g_date_set_dmy (&group->start_date, 1, G_DATE_SEPTEMBER, year);
  g_date_set_dmy (&group->end_date, 30, G_DATE_JUNE, year + 1);
  if (self->context->ocmw != NULL)
    {
      group->ocmw_id = self->context->ocmw->row.id;
      replace_text (&group->community, self->context->ocmw->community);
    }
  group->cohort_id = cohort_for_day (self, &group->start_date);
  replace_text (&group->colour, free_colour (self));
  return group;
}

#define INVALID(widget) G_STMT_START { if (*first_invalid == NULL) *first_invalid = GTK_WIDGET (widget); } G_STMT_END

static void
read_dates (MiriamGroupEditor  *self,
            MiriamGroup        *group,
            GtkWidget         **first_invalid)
{
  const char *empty = _("Type the date as day/month/year, for example 01/09/2026.");
  g_autofree char *start_why = NULL;
  g_autofree char *end_why = NULL;
  gboolean start_ok, end_ok;

  start_ok = parse_planning_date (entry_text (self->start_date_entry), &group->start_date, &start_why)
             && g_date_valid (&group->start_date);
  show_field_error (self->start_date_error, start_ok ? NULL : start_why != NULL ? start_why : empty);
  if (!start_ok)
    INVALID (self->start_date_entry);

  end_ok = parse_planning_date (entry_text (self->end_date_entry), &group->end_date, &end_why)
           && g_date_valid (&group->end_date);
  if (end_ok && start_ok && g_date_compare (&group->end_date, &group->start_date) <= 0)
    {
      show_field_error (self->end_date_error, _("The end date must come after the start date."));
      INVALID (self->end_date_entry);
    }
  else
    {
      show_field_error (self->end_date_error, end_ok ? NULL : end_why != NULL ? end_why : empty);
      if (!end_ok)
        INVALID (self->end_date_entry);
    }
}

static void
read_times (MiriamGroupEditor  *self,
            MiriamGroup        *group,
            GtkWidget         **first_invalid)
{
  gint64 start, end;

  if (!parse_time (entry_text (self->start_time_entry), &start))
    {
      show_field_error (self->time_error, _("Type the times as hours:minutes, for example 09:30."));
      INVALID (self->start_time_entry);
    }
  else if (!parse_time (entry_text (self->end_time_entry), &end))
    {
      show_field_error (self->time_error, _("Type the times as hours:minutes, for example 11:30."));
      INVALID (self->end_time_entry);
    }
  else if (end <= start)
    {
      show_field_error (self->time_error, _("The session must end after it starts."));
      INVALID (self->end_time_entry);
    }
  else
    {
      show_field_error (self->time_error, NULL);
      group->start_minute = start;
      group->end_minute = end;
    }
}

static void
read_staff (MiriamGroupEditor  *self,
            gint64             *staff_ids,
            guint              *n_staff,
            GtkWidget         **first_invalid)
{
  gint64 first = selected_staff (self, self->staff1_dropdown);
  gint64 second = selected_staff (self, self->staff2_dropdown);

  *n_staff = 0;
  if (first == 0 && second != 0)
    {
      /* Only the second was chosen: she is the casemanager. */
      first = second;
      second = 0;
    }
  if (first == 0)
    {
      show_field_error (self->staff_error, _("Choose the casemanager of this group, or add a colleague."));
      INVALID (self->staff1_dropdown);
      return;
    }
  if (first == second)
    {
      show_field_error (self->staff_error, _("Choose two different casemanagers, or none as second."));
      INVALID (self->staff2_dropdown);
      return;
    }
  show_field_error (self->staff_error, NULL);
  staff_ids[(*n_staff)++] = first;
  if (second != 0)
    staff_ids[(*n_staff)++] = second;
}

/* The group as the form shows it; FALSE (with the fields marked) when it
 * cannot be saved.  *@new_cohort gets the label of a cohort to create
 * first, or NULL. */
static gboolean
read_form (MiriamGroupEditor  *self,
           MiriamGroup       **out,
           gint64             *staff_ids,
           guint              *n_staff,
           char              **new_cohort,
           GtkWidget         **first_invalid)
{
  MiriamGroup *group = self->context->group != NULL
                       ? miriam_record_copy (MIRIAM_RECORD_GROUP, self->context->group)
                       : new_group (self);
  g_autofree char *name = entry_stripped (self->name_entry);
  g_autofree char *location = entry_stripped (self->location_entry);
  g_autofree char *address = entry_stripped (self->address_entry);

  *first_invalid = NULL;
  *new_cohort = NULL;

  replace_text (&group->name, name);
  if (name[0] == '\0')
    {
      show_field_error (self->name_error, _("Type a name for the group."));
      INVALID (self->name_entry);
    }
  else
    show_field_error (self->name_error, NULL);

  group->cohort_id = selected_cohort (self);
  if (group->cohort_id == 0)
    {
      g_autofree char *label = entry_stripped (self->new_cohort_entry);

      if (label[0] == '\0')
        {
          show_field_error (self->cohort_error, _("Type the name of the new cohort, for example 2026-2027."));
          INVALID (self->new_cohort_entry);
        }
      else
        {
          show_field_error (self->cohort_error, NULL);
          *new_cohort = g_steal_pointer (&label);
        }
    }
  else
    show_field_error (self->cohort_error, NULL);

  read_staff (self, staff_ids, n_staff, first_invalid);
  replace_text (&group->location, location);
  replace_text (&group->address, address);
  replace_text (&group->community, miriam_gui_selected_code (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY));
  group->consortium_id = self->context->consortium != NULL
                         && gtk_drop_down_get_selected (self->run_by_dropdown) == 1
                         ? self->context->consortium->row.id : 0;
  read_dates (self, group, first_invalid);
  replace_text (&group->rhythm, miriam_gui_selected_code (self->rhythm_dropdown, MIRIAM_VOCABULARY_RHYTHM));
  group->weekday = gtk_drop_down_get_selected (self->weekday_dropdown) + 1;
  read_times (self, group, first_invalid);
  replace_text (&group->colour, selected_colour (self));
  if (self->context->ocmw != NULL && group->ocmw_id == 0)
    group->ocmw_id = self->context->ocmw->row.id;

  if (*first_invalid != NULL)
    {
      miriam_record_free (MIRIAM_RECORD_GROUP, group);
      g_clear_pointer (new_cohort, g_free);
      return FALSE;
    }
  *out = group;
  return TRUE;
}

#undef INVALID

/* Every kept date of the proposal, at the group's times and place. */
static GPtrArray *
kept_sessions (MiriamGroupEditor *self,
               const MiriamGroup *group)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));

  for (guint i = 0; i < self->proposals->len; i++)
    {
      const Proposal *p = &g_array_index (self->proposals, Proposal, i);
      MiriamSession *session;

      if (!p->keep)
        continue;
      session = miriam_record_new (MIRIAM_RECORD_SESSION);
      session->group_id = group->row.id;
      session->day = p->day;
      session->start_minute = group->start_minute;
      session->end_minute = group->end_minute;
      replace_text (&session->location, group->location);
      replace_text (&session->theme, "other");
      g_ptr_array_add (sessions, session);
    }
  return sessions;
}

/* ---------------------------------------------------------------------- */
/* Reading from the store, off the main loop                                */

typedef struct {
  MiriamStore *store;
  gint64       group_id;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_object_unref (job->store);
  g_free (job);
}

/* The consortium the group belongs to, else the one its OCMW works in (a
 * new group may be the consortium's).  Runs on the loading thread. */
static gboolean
load_consortium (MiriamStore  *store,
                 Context      *context,
                 GError      **error)
{
  gint64 id = context->group != NULL ? context->group->consortium_id : 0;

  if (id == 0 && context->ocmw != NULL)
    id = context->ocmw->consortium_id;
  if (id == 0)
    return TRUE;
  context->consortium = miriam_store_load (store, MIRIAM_RECORD_CONSORTIUM, id, error);
  return context->consortium != NULL;
}

/* Some reads exist only as blocking calls: they run here, on a thread of
 * their own, while the window stays responsive. */
static void
load_thread (GTask        *task,
             gpointer      source G_GNUC_UNUSED,
             gpointer      data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  LoadJob *job = data;
  Context *context = g_new0 (Context, 1);
  g_autoptr(GPtrArray) ocmws = NULL;
  GError *error = NULL;
  gint64 ocmw_id = 0;

#define TRY(expr) G_STMT_START { if ((expr) == NULL) goto failed; } G_STMT_END

  if (job->group_id != 0)
    {
      TRY (context->group = miriam_store_load (job->store, MIRIAM_RECORD_GROUP, job->group_id, &error));
      TRY (context->group_staff = miriam_store_get_group_staff (job->store, job->group_id, &error));
      TRY (context->sessions = miriam_store_list (job->store, MIRIAM_RECORD_SESSION, "group_id",
                                                  job->group_id, &error));
      ocmw_id = context->group->ocmw_id;
    }
  TRY (ocmws = miriam_store_list (job->store, MIRIAM_RECORD_OCMW, NULL, 0, &error));
  for (guint i = 0; i < ocmws->len; i++)
    if (ocmw_id == 0 || ((MiriamOcmw *) ocmws->pdata[i])->row.id == ocmw_id)
      {
        context->ocmw = miriam_record_copy (MIRIAM_RECORD_OCMW, ocmws->pdata[i]);
        ocmw_id = context->ocmw->row.id;
        break;
      }
  /* A team may plan its first group before its first participant file:
   * the file then gets its OCMW now, as it would with that file. */
  if (context->ocmw == NULL && miriam_store_get_access (job->store) == MIRIAM_STORE_WRITABLE)
    {
      TRY (context->ocmw = miriam_store_ensure_ocmw_record (job->store, &error));
      ocmw_id = context->ocmw->row.id;
    }
  TRY (context->cohorts = miriam_store_list (job->store, MIRIAM_RECORD_COHORT, NULL, 0, &error));
  if (!load_consortium (job->store, context, &error))
    goto failed;
  TRY (context->staff = miriam_store_list (job->store, MIRIAM_RECORD_STAFF, "ocmw_id", ocmw_id, &error));
  TRY (context->closed_days = miriam_store_list (job->store, MIRIAM_RECORD_CLOSED_DAY, "ocmw_id", ocmw_id, &error));
  TRY (context->groups = miriam_store_list (job->store, MIRIAM_RECORD_GROUP, NULL, 0, &error));
  if (context->group_staff == NULL)
    context->group_staff = g_array_new (FALSE, FALSE, sizeof (gint64));

#undef TRY

  g_task_return_pointer (task, context, (GDestroyNotify) context_free);
  return;

failed:
  context_free (context);
  g_task_return_error (task, error);
}

static void
load_context_async (MiriamGroupEditor   *self,
                    gint64               group_id,
                    GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, NULL);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->store = g_object_ref (self->store);
  job->group_id = group_id;
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/* Staff no longer active stay out of the choice, unless they coach this
 * group. */
static void
keep_choosable_staff (Context *context)
{
  for (guint i = context->staff->len; i > 0; i--)
    {
      const MiriamStaff *member = context->staff->pdata[i - 1];
      gboolean assigned = FALSE;

      for (guint j = 0; j < context->group_staff->len; j++)
        assigned |= g_array_index (context->group_staff, gint64, j) == member->row.id;
      if (!member->active && !assigned)
        g_ptr_array_remove_index (context->staff, i - 1);
    }
}

static void
use_context (MiriamGroupEditor *self,
             Context           *context)
{
  gboolean had = self->context != NULL;
  gint64 cohort = 0, first = 0, second = 0;

  /* A reload keeps what the user chose, even if not saved yet. */
  if (had)
    {
      cohort = selected_cohort (self);
      first = selected_staff (self, self->staff1_dropdown);
      second = selected_staff (self, self->staff2_dropdown);
      context_free (self->context);
    }
  self->context = context;
  keep_choosable_staff (context);

  /* The schedule rule borrows the labels of the closed-day records. */
  g_array_set_size (self->closed, 0);
  for (guint i = 0; i < context->closed_days->len; i++)
    {
      const MiriamOcmwClosedDay *record = context->closed_days->pdata[i];
      MiriamClosedDay day = { record->day, record->label };

      g_array_append_val (self->closed, day);
    }

  self->filling = TRUE;
  fill_cohorts (self);
  fill_staff (self);
  fill_run_by (self);
  if (had)
    {
      select_cohort (self, cohort);
      select_staff (self, self->staff1_dropdown, first);
      select_staff (self, self->staff2_dropdown, second);
    }
  self->filling = FALSE;
  fill_existing (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (object);
  g_autoptr(GError) error = NULL;
  Context *context;

  context = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (context == NULL)
    {
      show_message (self, error->message);
      return;
    }

  use_context (self, context);
  if (context->group != NULL)
    fill_form (self, context->group, context->group_staff);
  else
    {
      MiriamGroup *fresh = new_group (self);

      fill_form (self, fresh, NULL);
      if (fresh->cohort_id == 0)
        {
          /* No cohort for that school year yet: propose its usual name. */
          g_autofree char *label = g_strdup_printf ("%u-%u", g_date_get_year (&fresh->start_date),
                                                    g_date_get_year (&fresh->start_date) + 1);
          self->filling = TRUE;
          set_entry (self->new_cohort_entry, label);
          self->filling = FALSE;
        }
      miriam_record_free (MIRIAM_RECORD_GROUP, fresh);
    }
  update_title (self);
  set_dirty (self, FALSE);

  if (context->ocmw == NULL)
    {
      show_message (self, _("This database has no OCMW yet, so a group cannot be created."));
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                   */

static void
reloaded_after_save_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (object);
  g_autoptr(GError) error = NULL;
  MiriamGroup *saved;
  Context *context;

  context = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (context == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* The group is saved; this only shows its sessions as they now are.
   * Changes typed meanwhile stay in the form, and the version saved stays
   * the one the next save is checked against: a colleague's save in
   * between must meet a conflict, not be overwritten. */
  saved = g_steal_pointer (&self->context->group);
  use_context (self, context);
  g_clear_pointer (&self->context->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  self->context->group = saved;
  rebuild_proposals (self);
}

static void theirs_loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* Only if the text still says @date: what was typed during the save stays. */
static void
tidy_date_entry (GtkEntry    *entry,
                 const GDate *date)
{
  GDate typed;

  if (parse_planning_date (entry_text (entry), &typed, NULL) && g_date_valid (&typed)
      && g_date_compare (&typed, date) == 0)
    set_date_entry (entry, date);
}

static void
group_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MiriamGroupEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamGroup *group;

  group = miriam_store_save_group_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);

  if (group == NULL)
    {
      if (g_error_matches (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT))
        {
          show_message (self, _("A colleague changed this group in the meantime. Nothing was saved; "
                                "your changes and the proposed sessions are still here."));
          gtk_widget_set_visible (self->conflict_buttons, FALSE);
          load_context_async (self, self->group_id, theirs_loaded_cb);
        }
      else
        show_message (self, error->message);
      return;
    }

  /* Saved: the proposal is now the group's sessions, and the dates read
   * as the group's dates are written the usual way. */
  self->filling = TRUE;
  tidy_date_entry (self->start_date_entry, &group->start_date);
  tidy_date_entry (self->end_date_entry, &group->end_date);
  self->filling = FALSE;
  self->group_id = group->row.id;
  g_clear_pointer (&self->context->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  self->context->group = group;
  g_array_set_size (self->proposals, 0);
  rebuild_proposals (self);
  update_title (self);
  show_message (self, NULL);
  set_dirty (self, FALSE);
  gtk_widget_set_visible (self->saved_box, TRUE);
  load_context_async (self, group->row.id, reloaded_after_save_cb);

  g_signal_emit (self, signals[SAVED], 0);
}

static void after_cohort (MiriamGroupEditor *self);

static void
cohort_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MiriamGroupEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamCohort *cohort;

  cohort = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (cohort == NULL)
    {
      show_field_error (self->cohort_error, error->message);
      gtk_stack_set_visible_child (self->pages, self->group_page);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_cohort_entry));
      return;
    }

  /* The cohort exists now, whatever happens to the group: choose it, so
   * that saving again does not make a second one. */
  g_ptr_array_add (self->context->cohorts, cohort);
  self->filling = TRUE;
  fill_cohorts (self);
  select_cohort (self, cohort->row.id);
  cohort_changed_cb (self);
  self->filling = FALSE;
  after_cohort (self);
}

/* Once the form's cohort exists: on with what needed it. */
static void
after_cohort (MiriamGroupEditor *self)
{
  if (self->merge_after_cohort)
    open_merge (self);
  else
    save (self);
}

/* The group can only name a cohort that exists, in a save as in a merge
 * (@then_merge): a new one is made first. */
static void
save_new_cohort (MiriamGroupEditor *self,
                 const char        *label,
                 const MiriamGroup *group,
                 gboolean           then_merge)
{
  MiriamCohort *cohort;

  self->merge_after_cohort = then_merge;
  /* Typed the name of a cohort that exists: that is the one meant. */
  for (guint i = 0; i < self->context->cohorts->len; i++)
    {
      const MiriamCohort *existing = self->context->cohorts->pdata[i];

      if (g_utf8_collate (existing->label, label) == 0)
        {
          select_cohort (self, existing->row.id);
          after_cohort (self);
          return;
        }
    }

  /* The store saves a group and its sessions in one transaction, but not a
   * cohort: that is a step of its own, before the group. */
  cohort = miriam_record_new (MIRIAM_RECORD_COHORT);
  replace_text (&cohort->label, label);
  cohort->start_date = group->start_date;
  cohort->end_date = group->end_date;
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_COHORT, cohort, self->cancellable,
                           cohort_saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_COHORT, cohort);
}

static void
save (MiriamGroupEditor *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *new_cohort = NULL;
  MiriamGroup *group = NULL;
  GtkWidget *invalid = NULL;
  gint64 staff_ids[2];
  guint n_staff = 0;

  if (self->saving || self->context == NULL || !self->writable || self->context->ocmw == NULL)
    return;

  if (!read_form (self, &group, staff_ids, &n_staff, &new_cohort, &invalid))
    {
      gtk_stack_set_visible_child (self->pages, self->group_page);
      gtk_widget_grab_focus (invalid);
      show_message (self, _("Some fields need your attention before this group can be saved."));
      return;
    }
  if (new_cohort != NULL)
    {
      save_new_cohort (self, new_cohort, group, FALSE);
      miriam_record_free (MIRIAM_RECORD_GROUP, group);
      return;
    }

  sessions = kept_sessions (self, group);
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  miriam_store_save_group_async (self->store, group, staff_ids, n_staff,
                                 sessions->len > 0 ? sessions : NULL,
                                 self->cancellable, group_saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_GROUP, group);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  save (MIRIAM_GROUP_EDITOR (widget));
}

/* Fields as the form names them, for the conflict message. */
static const struct { const char *field; const char *label; } field_labels[] = {
  { "name", N_("Name") },
  { "cohort_id", N_("Cohort") },
  { "location", N_("Usual location") },
  { "address", N_("Address") },
  { "community", N_("School holidays of the Community") },
  { "start_date", N_("Start date") },
  { "end_date", N_("End date") },
  { "rhythm", N_("Rhythm") },
  { "weekday", N_("Weekday") },
  { "start_minute", N_("Times") },
  { "end_minute", N_("Times") },
  { "colour", N_("Colour in the calendar") },
  { "consortium_id", N_("Run by") },
};

/* Which fields the colleague's version has otherwise than the form, so
 * that the user knows what choosing costs. */
static char *
describe_differences (MiriamGroupEditor *self,
                      const Context     *theirs)
{
  const MiriamRecordInfo *info = miriam_record_info (MIRIAM_RECORD_GROUP);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *new_cohort = NULL;
  MiriamGroup *mine = NULL;
  GtkWidget *invalid = NULL;
  gint64 staff_ids[2];
  guint n_staff = 0;
  gboolean staff_differ;

  if (theirs->group == NULL || !read_form (self, &mine, staff_ids, &n_staff, &new_cohort, &invalid))
    return g_strdup ("");

  for (guint i = 0; i < info->n_fields; i++)
    for (guint j = 0; j < G_N_ELEMENTS (field_labels); j++)
      if (g_str_equal (info->fields[i].name, field_labels[j].field)
          && !miriam_record_field_equal (&info->fields[i], theirs->group, mine)
          && !g_ptr_array_find_with_equal_func (names, _(field_labels[j].label), g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) _(field_labels[j].label));

  staff_differ = theirs->group_staff->len != n_staff;
  for (guint i = 0; i < n_staff && !staff_differ; i++)
    staff_differ = g_array_index (theirs->group_staff, gint64, i) != staff_ids[i];
  if (staff_differ)
    g_ptr_array_add (names, (gpointer) _("Casemanagers"));

  miriam_record_free (MIRIAM_RECORD_GROUP, mine);
  if (names->len == 0)
    return g_strdup ("");
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) names->pdata);
    /* Translators: %s is a list of fields, e.g. "Name, Start date" */
    return g_strdup_printf (_("Your colleague’s version differs in: %s."), list);
  }
}

/* After a conflict: the colleague's version is read to offer a choice. */
static void
theirs_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *differences = NULL;
  g_autofree char *message = NULL;
  Context *context;

  context = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (context == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_clear_pointer (&self->theirs, context_free);
  self->theirs = context;
  differences = describe_differences (self, context);
  message = g_strconcat (_("A colleague changed this group in the meantime. Nothing was saved; your "
                           "changes and the proposed sessions are still here."),
                         differences[0] != '\0' ? " " : "", differences, NULL);
  show_message (self, message);
  gtk_widget_set_visible (self->conflict_buttons, TRUE);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (widget);

  if (self->theirs == NULL || self->theirs->group == NULL)
    return;
  /* Knowingly on top of the colleague's version: only the version moves,
   * the form is read again. */
  self->context->group->row.version = self->theirs->group->row.version;
  g_clear_pointer (&self->theirs, context_free);
  show_message (self, NULL);
  save (self);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *param G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (widget);
  Context *theirs = g_steal_pointer (&self->theirs);

  if (theirs == NULL)
    return;
  /* The group as the colleague saved it; the proposal stays, so that the
   * work on the schedule is not lost. */
  use_context (self, theirs);
  fill_form (self, theirs->group, theirs->group_staff);
  update_title (self);
  rebuild_proposals (self);
  show_message (self, NULL);
  set_dirty (self, self->proposals->len > 0);
}

/* Colleagues only her version names (new, or no longer active) join the
 * choice, so that the form can show them. */
static void
know_staff (MiriamGroupEditor *self,
            const GArray      *ids,
            const GPtrArray   *from)
{
  gboolean added = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean known = FALSE;

      for (guint j = 0; j < self->context->staff->len && !known; j++)
        known = ((MiriamStaff *) self->context->staff->pdata[j])->row.id == id;
      for (guint j = 0; from != NULL && j < from->len && !known; j++)
        if (((MiriamStaff *) from->pdata[j])->row.id == id)
          {
            g_ptr_array_add (self->context->staff, miriam_record_copy (MIRIAM_RECORD_STAFF, from->pdata[j]));
            known = added = TRUE;
          }
    }
  if (added)
    fill_staff (self);
}

/* The merge dialog saved: the merged group is the loaded one now, as
 * after a save, and the kept dates are its sessions. */
static void
merged_cb (MiriamGroupEditor *self,
           MiriamGroupMerged *merged)
{
  const MiriamGroup *group = merged->group;

  know_staff (self, merged->staff_ids, self->theirs != NULL ? self->theirs->staff : NULL);
  g_clear_pointer (&self->theirs, context_free);
  g_clear_pointer (&self->context->group, miriam_record_free_func (MIRIAM_RECORD_GROUP));
  self->context->group = miriam_record_copy (MIRIAM_RECORD_GROUP, group);
  self->group_id = group->row.id;
  g_array_set_size (self->context->group_staff, 0);
  g_array_append_vals (self->context->group_staff, merged->staff_ids->data, merged->staff_ids->len);
  fill_form (self, self->context->group, self->context->group_staff);
  g_array_set_size (self->proposals, 0);
  rebuild_proposals (self);
  update_title (self);
  show_message (self, NULL);
  set_dirty (self, FALSE);
  gtk_widget_set_visible (self->saved_box, TRUE);
  load_context_async (self, group->row.id, reloaded_after_save_cb);

  g_signal_emit (self, signals[SAVED], 0);
}

/* Both versions side by side, merged field by field where only one of
 * us changed something.  The form stays as it is until the merged
 * version is saved, so closing the dialog loses nothing. */
static void
open_merge (MiriamGroupEditor *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *new_cohort = NULL;
  MiriamGroup *mine = NULL;
  GtkWidget *invalid = NULL;
  gint64 staff_ids[2];
  guint n_staff = 0;
  MiriamGroupVersion base, form, theirs;
  MiriamMergeDialog *dialog;

  self->merge_after_cohort = FALSE;
  if (self->theirs == NULL || self->theirs->group == NULL || self->context->group == NULL)
    return;
  if (!read_form (self, &mine, staff_ids, &n_staff, &new_cohort, &invalid))
    {
      gtk_stack_set_visible_child (self->pages, self->group_page);
      gtk_widget_grab_focus (invalid);
      return;
    }
  if (new_cohort != NULL)
    {
      save_new_cohort (self, new_cohort, mine, TRUE);
      miriam_record_free (MIRIAM_RECORD_GROUP, mine);
      return;
    }

  g_array_append_vals (staff, staff_ids, n_staff);
  sessions = kept_sessions (self, mine);
  base = (MiriamGroupVersion) { self->context->group, self->context->group_staff, self->context->staff,
                                self->context->cohorts, self->context->consortium };
  form = base;
  form.group = mine;
  form.staff_ids = staff;
  theirs = (MiriamGroupVersion) { self->theirs->group, self->theirs->group_staff, self->theirs->staff,
                                  self->theirs->cohorts, self->theirs->consortium };
  dialog = miriam_group_merge_dialog_new (GTK_WINDOW (self), self->store, &base, &form, &theirs, sessions);
  miriam_record_free (MIRIAM_RECORD_GROUP, mine);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (merged_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (widget);

  if (!self->saving && self->writable)
    open_merge (self);
}

/* ---------------------------------------------------------------------- */
/* Adding a colleague                                                       */

static void
add_colleague_clicked_cb (MiriamGroupEditor *self)
{
  gboolean show = !gtk_widget_get_visible (self->colleague_box);

  gtk_widget_set_visible (self->colleague_box, show);
  if (show)
    gtk_widget_grab_focus (GTK_WIDGET (self->colleague_entry));
}

/* She goes into the first free casemanager slot. */
static void
choose_new_colleague (MiriamGroupEditor *self,
                      gint64             id)
{
  if (selected_staff (self, self->staff1_dropdown) == 0)
    select_staff (self, self->staff1_dropdown, id);
  else if (selected_staff (self, self->staff2_dropdown) == 0
           && selected_staff (self, self->staff1_dropdown) != id)
    select_staff (self, self->staff2_dropdown, id);
}

static void
colleague_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MiriamGroupEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  MiriamStaff *staff;

  staff = miriam_store_save_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (self->colleague_save_button, TRUE);
  if (staff == NULL)
    {
      show_field_error (self->staff_error, error->message);
      return;
    }

  g_ptr_array_add (self->context->staff, staff);
  fill_staff (self);
  choose_new_colleague (self, staff->row.id);
  set_entry (self->colleague_entry, "");
  gtk_widget_set_visible (self->colleague_box, FALSE);
  show_field_error (self->staff_error, NULL);
  mark_dirty (self);
}

static void
colleague_activate_cb (MiriamGroupEditor *self)
{
  g_autofree char *name = entry_stripped (self->colleague_entry);
  MiriamStaff *staff;

  if (self->context == NULL || self->context->ocmw == NULL || !self->writable)
    return;
  if (name[0] == '\0')
    {
      show_field_error (self->staff_error, _("Type the name of your colleague."));
      gtk_widget_grab_focus (GTK_WIDGET (self->colleague_entry));
      return;
    }
  for (guint i = 0; i < self->context->staff->len; i++)
    {
      const MiriamStaff *member = self->context->staff->pdata[i];

      if (g_utf8_collate (member->display_name, name) == 0)
        {
          /* Already in the team: choose her rather than make a twin. */
          choose_new_colleague (self, member->row.id);
          set_entry (self->colleague_entry, "");
          gtk_widget_set_visible (self->colleague_box, FALSE);
          show_field_error (self->staff_error, NULL);
          return;
        }
    }

  staff = miriam_record_new (MIRIAM_RECORD_STAFF);
  staff->ocmw_id = self->context->ocmw->row.id;
  replace_text (&staff->display_name, name);
  replace_text (&staff->role, "casemanager");
  staff->active = TRUE;
  gtk_widget_set_sensitive (self->colleague_save_button, FALSE);
  miriam_store_save_async (self->store, MIRIAM_RECORD_STAFF, staff, self->cancellable,
                           colleague_saved_cb, self);
  miriam_record_free (MIRIAM_RECORD_STAFF, staff);
}

/* ---------------------------------------------------------------------- */
/* Closing                                                                  */

static void
discard_response_cb (GtkDialog         *dialog,
                     int                response,
                     MiriamGroupEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_REJECT)
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
miriam_group_editor_close_request (GtkWindow *window)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (window);
  GtkWidget *dialog;

  if ((!self->dirty && !self->saving) || !self->writable)
    return GTK_WINDOW_CLASS (miriam_group_editor_parent_class)->close_request (window);

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Discard changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The changes to this group and the proposed sessions "
                                              "have not been saved."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Cancel"), GTK_RESPONSE_CANCEL,
                          _("Discard"), GTK_RESPONSE_REJECT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The object                                                               */

static void
page_changed_cb (MiriamGroupEditor *self)
{
  /* Times and the rule may have changed on the other page. */
  if (gtk_stack_get_visible_child (self->pages) == self->schedule_page && self->proposals->len > 0)
    rebuild_proposals (self);
}

static void
watch_changes (MiriamGroupEditor *self)
{
  GtkEntry *entries[] = {
    self->name_entry, self->new_cohort_entry, self->location_entry, self->address_entry,
    self->start_date_entry, self->end_date_entry, self->start_time_entry, self->end_time_entry,
  };
  GtkDropDown *dropdowns[] = {
    self->cohort_dropdown, self->staff1_dropdown, self->staff2_dropdown, self->community_dropdown,
    self->rhythm_dropdown, self->weekday_dropdown, self->run_by_dropdown,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (mark_dirty), self);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->cohort_dropdown, "notify::selected", G_CALLBACK (cohort_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
}

MiriamGroupEditor *
miriam_group_editor_new (GtkWindow   *parent,
                         MiriamStore *store,
                         gint64       group_id)
{
  MiriamGroupEditor *self;

  g_return_val_if_fail (MIRIAM_IS_STORE (store), NULL);

  self = g_object_new (MIRIAM_TYPE_GROUP_EDITOR,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->group_id = group_id;
  self->writable = miriam_store_get_access (store) == MIRIAM_STORE_WRITABLE;

  if (!self->writable)
    {
      gtk_widget_set_visible (self->save_button, FALSE);
      gtk_widget_set_sensitive (self->propose_button, FALSE);
      gtk_widget_set_sensitive (self->add_date_button, FALSE);
      gtk_widget_set_sensitive (self->add_colleague_button, FALSE);
      show_message (self, _("This database is read-only: you can read this group, but not save changes."));
    }
  gtk_window_set_title (GTK_WINDOW (self), group_id == 0 ? _("New Group") : _("Group"));
  load_context_async (self, group_id, loaded_cb);
  return self;
}

static void
miriam_group_editor_dispose (GObject *object)
{
  MiriamGroupEditor *self = MIRIAM_GROUP_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context, context_free);
  g_clear_pointer (&self->theirs, context_free);
  g_clear_pointer (&self->closed, g_array_unref);
  g_clear_pointer (&self->proposals, g_array_unref);
  g_clear_pointer (&self->colour_buttons, g_ptr_array_unref);
  g_clear_object (&self->lead_group);
  g_clear_pointer (&self->kept_colour, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_GROUP_EDITOR);

  G_OBJECT_CLASS (miriam_group_editor_parent_class)->dispose (object);
}

static void
miriam_group_editor_class_init (MiriamGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = miriam_group_editor_dispose;
  window_class->close_request = miriam_group_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-group-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MiriamGroupEditor, name)
  BIND (message_revealer);
  BIND (message_label);
  BIND (conflict_buttons);
  BIND (cancel_button);
  BIND (save_button);
  BIND (saved_box);
  BIND (pages);
  BIND (group_page);
  BIND (schedule_page);
  BIND (name_entry);
  BIND (name_error);
  BIND (cohort_dropdown);
  BIND (new_cohort_entry);
  BIND (cohort_error);
  BIND (staff1_dropdown);
  BIND (staff2_dropdown);
  BIND (add_colleague_button);
  BIND (colleague_box);
  BIND (colleague_entry);
  BIND (colleague_save_button);
  BIND (staff_error);
  BIND (location_entry);
  BIND (address_entry);
  BIND (community_dropdown);
  BIND (run_by_label);
  BIND (run_by_dropdown);
  BIND (start_date_entry);
  BIND (start_date_error);
  BIND (end_date_entry);
  BIND (end_date_error);
  BIND (rhythm_dropdown);
  BIND (weekday_dropdown);
  BIND (start_time_entry);
  BIND (end_time_entry);
  BIND (time_error);
  BIND (colour_box);
  BIND (existing_box);
  BIND (existing_list);
  BIND (propose_button);
  BIND (add_date_button);
  BIND (propose_note);
  BIND (proposal_heading);
  BIND (proposal_list);
  BIND (gaps_box);
  BIND (summary_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_colleague_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, colleague_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, propose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_date_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "editor.take-theirs", NULL, take_theirs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
miriam_group_editor_init (MiriamGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->closed = g_array_new (FALSE, FALSE, sizeof (MiriamClosedDay));
  self->proposals = g_array_new (FALSE, TRUE, sizeof (Proposal));
  g_array_set_clear_func (self->proposals, proposal_clear);
  self->lead_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  miriam_gui_fill_vocabulary (self->community_dropdown, MIRIAM_VOCABULARY_COMMUNITY);
  miriam_gui_fill_vocabulary (self->rhythm_dropdown, MIRIAM_VOCABULARY_RHYTHM);
  fill_weekdays (self->weekday_dropdown);
  build_palette (self);

  miriam_gui_name_drop_down (self->cohort_dropdown, _("Cohort"));
  miriam_gui_name_drop_down (self->staff1_dropdown, _("Casemanager"));
  miriam_gui_name_drop_down (self->staff2_dropdown, _("Second casemanager (optional)"));
  miriam_gui_name_drop_down (self->community_dropdown, _("School holidays of the Community"));
  miriam_gui_name_drop_down (self->run_by_dropdown, _("Run by"));
  miriam_gui_name_drop_down (self->rhythm_dropdown, _("Rhythm"));
  miriam_gui_name_drop_down (self->weekday_dropdown, _("Weekday"));
  watch_changes (self);
}
