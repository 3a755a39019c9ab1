/* miriam-calendar-page.c: the team calendar, with its filters and legend
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the visible days from the store, finds double bookings among
 * everything loaded (a filter must never hide that the room is taken),
 * then hands the filtered entries to the view.  "All groups" with "All
 * casemanagers" is the team view.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-language.h"

#include "miriam-calendar-page.h"
#include "miriam-calendar-view.h"
#include "miriam-group-editor.h"
#include "miriam-gui-utils.h"
#include "miriam-session-editor.h"

/* More than this many conflicts in the bar: the rest as a count. */
#define MAX_CONFLICT_LINES 5

struct _MiriamCalendarPage
{
  GtkWidget           parent_instance;

  GtkToggleButton    *month_button;
  GtkToggleButton    *week_button;
  GtkToggleButton    *agenda_button;
  GtkLabel           *title_label;
  GtkSpinner         *spinner;
  GtkWidget          *new_group_button;
  GtkWidget          *closed_days_button;
  GtkDropDown        *group_filter;
  GtkDropDown        *staff_filter;
  GtkBox             *legend_box;
  GtkRevealer        *conflicts_revealer;
  GtkBox             *conflicts_box;
  GtkLabel           *message_label;
  MiriamCalendarView *view;

  MiriamStore        *store;
  GCancellable       *load_cancellable;   /* the calendar of the visible days */
  GCancellable       *lists_cancellable;  /* groups and the OCMW */
  GPtrArray          *entries;            /* everything loaded, owned */
  GArray             *conflicts;          /* among @entries */
  GPtrArray          *shown;              /* filtered: pointers into @entries */
  GArray             *group_ids;          /* gint64 per group filter position; 0 first */
  GArray             *staff_ids;          /* gint64 per casemanager filter position; 0 first */
  GPtrArray          *staff_names;        /* char *, parallel to @staff_ids */
  gboolean            filling;            /* replacing a filter's list: not a choice */
};

G_DEFINE_FINAL_TYPE (MiriamCalendarPage, miriam_calendar_page, GTK_TYPE_WIDGET)

static void load_calendar (MiriamCalendarPage *self);

static GtkWindow *
parent_window (MiriamCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
writable (MiriamCalendarPage *self)
{
  return self->store != NULL && miriam_store_get_access (self->store) == MIRIAM_STORE_WRITABLE;
}

static void
show_message (MiriamCalendarPage *self,
              const char         *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_loading (MiriamCalendarPage *self,
             gboolean            loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static char *
format_strftime (const GDate *day,
                 const char  *format)
{
  char buffer[128];

  if (g_date_strftime (buffer, sizeof buffer, format, day) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

/* "novembre 2026" begins a title: "Novembre 2026". */
static char *
capitalise (const char *text)
{
  char first[8];
  int length;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  length = g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  first[length] = '\0';
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* ------------------------------------------------------------------------ */
/* Title                                                                    */

static char *
week_title (const GDate *from,
            const GDate *to)
{
  g_autofree char *month_year = format_strftime (to, "%B %Y");
  g_autofree char *range = NULL;

  if (g_date_get_month (from) == g_date_get_month (to))
    /* Translators: a week within one month: first day, last day, "November 2026" */
    range = g_strdup_printf (C_("week range", "%u–%u %s"),
                             g_date_get_day (from), g_date_get_day (to), month_year);
  else
    {
      g_autofree char *first_month = format_strftime (from, g_date_get_year (from) == g_date_get_year (to)
                                                            ? "%B" : "%B %Y");

      /* Translators: a week across two months: "30 November – 6 December 2026" */
      range = g_strdup_printf (C_("week range", "%u %s – %u %s"),
                               g_date_get_day (from), first_month, g_date_get_day (to), month_year);
    }
  /* Translators: the ISO week number, then its days */
  return g_strdup_printf (_("Week %u · %s"), g_date_get_iso8601_week_of_year (from), range);
}

static void
update_title (MiriamCalendarPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GDate date, from, to;

  miriam_calendar_view_get_date (self->view, &date);
  miriam_calendar_view_get_range (self->view, &from, &to);
  switch (miriam_calendar_view_get_mode (self->view))
    {
    case MIRIAM_CALENDAR_MODE_MONTH:
      text = format_strftime (&date, "%B %Y");
      break;
    case MIRIAM_CALENDAR_MODE_WEEK:
      text = week_title (&from, &to);
      break;
    case MIRIAM_CALENDAR_MODE_AGENDA:
    default:
      {
        g_autofree char *start = miriam_format_date (&from);

        text = g_strdup_printf (_("From %s"), start);
      }
      break;
    }
  title = capitalise (text);
  gtk_label_set_text (self->title_label, title);
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* Replaces a filter's list, keeping the chosen id when it is still there. */
static void
fill_filter (MiriamCalendarPage *self,
             GtkDropDown        *dropdown,
             GtkStringList      *labels,
             GArray             *ids,
             gint64              keep)
{
  self->filling = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position_of (ids, keep));
  self->filling = FALSE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const MiriamGroup *x = *(MiriamGroup * const *) a;
  const MiriamGroup *y = *(MiriamGroup * const *) b;
  int by_name = g_utf8_collate (x->name, y->name);

  /* The same name in two cohorts: the newer first. */
  return by_name != 0 ? by_name : g_date_compare (&y->start_date, &x->start_date);
}

static const char *
cohort_label (GPtrArray *cohorts,
              gint64     cohort_id)
{
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    {
      MiriamCohort *cohort = g_ptr_array_index (cohorts, i);

      if (cohort->row.id == cohort_id)
        return cohort->label;
    }
  return NULL;
}

static gboolean
name_repeats (GPtrArray   *groups,
              const char  *name)
{
  guint count = 0;

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (((MiriamGroup *) g_ptr_array_index (groups, i))->name, name) == 0)
      count++;
  return count > 1;
}

static void
fill_group_filter (MiriamCalendarPage *self,
                   GPtrArray          *groups,
                   GPtrArray          *cohorts)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 keep = selected_id (self->group_filter, self->group_ids);
  gint64 none = 0;

  g_ptr_array_sort (groups, compare_groups);
  g_clear_pointer (&self->group_ids, g_array_unref);
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (labels, _("All groups (team view)"));
  g_array_append_val (self->group_ids, none);
  for (guint i = 0; i < groups->len; i++)
    {
      MiriamGroup *group = g_ptr_array_index (groups, i);
      const char *cohort = cohort_label (cohorts, group->cohort_id);
      g_autofree char *label = NULL;

      /* Two "Groep Noord" in two cohorts: say which is which. */
      if (cohort != NULL && name_repeats (groups, group->name))
        label = g_strdup_printf ("%s (%s)", group->name, cohort);
      else
        label = g_strdup (group->name);
      gtk_string_list_append (labels, label);
      g_array_append_val (self->group_ids, group->row.id);
    }
  fill_filter (self, self->group_filter, labels, self->group_ids, keep);
}

static gboolean
knows_staff (MiriamCalendarPage *self,
             gint64              id)
{
  for (guint i = 1; i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The casemanagers met in the calendar so far, by name.  The list only
 * grows while the same database is open, so that browsing to a month
 * where someone has no sessions does not drop her from the filter. */
static void
update_staff_filter (MiriamCalendarPage *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GPtrArray) order = NULL;
  gint64 keep = selected_id (self->staff_filter, self->staff_ids);
  gboolean grew = FALSE;

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, i);

      for (guint s = 0; entry->staff != NULL && entry->staff[s] != NULL; s++)
        if (entry->staff_ids != NULL && !knows_staff (self, entry->staff_ids[s]))
          {
            g_array_append_val (self->staff_ids, entry->staff_ids[s]);
            g_ptr_array_add (self->staff_names, g_strdup (entry->staff[s]));
            grew = TRUE;
          }
    }
  if (!grew && gtk_drop_down_get_model (self->staff_filter) != NULL)
    return;

  /* Sort by name, keeping "All casemanagers" first. */
  for (guint i = 2; i < self->staff_ids->len; i++)
    for (guint j = i; j > 1 && g_utf8_collate (g_ptr_array_index (self->staff_names, j - 1),
                                               g_ptr_array_index (self->staff_names, j)) > 0; j--)
      {
        gint64 id = g_array_index (self->staff_ids, gint64, j);
        gpointer name = self->staff_names->pdata[j];

        g_array_index (self->staff_ids, gint64, j) = g_array_index (self->staff_ids, gint64, j - 1);
        g_array_index (self->staff_ids, gint64, j - 1) = id;
        self->staff_names->pdata[j] = self->staff_names->pdata[j - 1];
        self->staff_names->pdata[j - 1] = name;
      }
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->staff_names->len; i++)
    gtk_string_list_append (labels, g_ptr_array_index (self->staff_names, i));
  fill_filter (self, self->staff_filter, labels, self->staff_ids, keep);
}

static void
reset_staff (MiriamCalendarPage *self)
{
  gint64 none = 0;

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->staff_names, g_ptr_array_unref);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->staff_names = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (self->staff_ids, none);
  g_ptr_array_add (self->staff_names, g_strdup (_("All casemanagers")));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->staff_filter, NULL);
  self->filling = FALSE;
}

static gboolean
entry_matches (const MiriamCalendarEntry *entry,
               gint64                     group_id,
               gint64                     staff_id)
{
  if (group_id != 0 && entry->group_id != group_id)
    return FALSE;
  if (staff_id == 0)
    return TRUE;
  for (guint s = 0; entry->staff != NULL && entry->staff[s] != NULL; s++)
    if (entry->staff_ids != NULL && entry->staff_ids[s] == staff_id)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Conflicts                                                                */

static void
clear_conflict (gpointer data)
{
  g_free (((MiriamConflict *) data)->what);
}

/* The conflicts among all entries, as indexes into the shown ones. */
static GArray *
shown_conflicts (MiriamCalendarPage *self,
                 const guint        *position)
{
  GArray *shown = g_array_new (FALSE, TRUE, sizeof (MiriamConflict));

  g_array_set_clear_func (shown, clear_conflict);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      MiriamConflict *conflict = &g_array_index (self->conflicts, MiriamConflict, i);
      MiriamConflict copy = *conflict;

      copy.a = position[conflict->a];
      copy.b = position[conflict->b];
      if (copy.a == G_MAXUINT && copy.b == G_MAXUINT)
        continue;
      copy.what = g_strdup (conflict->what);
      g_array_append_val (shown, copy);
    }
  return shown;
}

static char *
entry_name (const MiriamCalendarEntry *entry)
{
  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT)
    return g_strdup_printf (_("appointment with %s"), entry->title);
  if (entry->group_name != NULL && *entry->group_name != '\0')
    return g_strdup (entry->group_name);
  return g_strdup (_("Group session"));
}

static char *
describe_conflict (MiriamCalendarPage   *self,
                   const MiriamConflict *conflict)
{
  MiriamCalendarEntry *a = g_ptr_array_index (self->entries, conflict->a);
  MiriamCalendarEntry *b = g_ptr_array_index (self->entries, conflict->b);
  g_autofree char *day = miriam_format_date (&a->day);
  g_autofree char *first = entry_name (a);
  g_autofree char *second = entry_name (b);

  if (conflict->kind == MIRIAM_CONFLICT_ROOM)
    /* Translators: day, room, then the two groups or appointments */
    return g_strdup_printf (_("Room booked twice on %s: %s (%s, %s)"), day, conflict->what, first, second);
  /* Translators: a casemanager's name, day, then the two groups or appointments */
  return g_strdup_printf (_("%s is in two places at once on %s (%s, %s)"), conflict->what, day, first, second);
}

static void
show_conflicts (MiriamCalendarPage *self)
{
  GtkWidget *child;
  guint n = self->conflicts != NULL ? self->conflicts->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_box))) != NULL)
    gtk_box_remove (self->conflicts_box, child);
  for (guint i = 0; i < n && i < MAX_CONFLICT_LINES; i++)
    {
      g_autofree char *text = describe_conflict (self, &g_array_index (self->conflicts, MiriamConflict, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (self->conflicts_box, label);
    }
  if (n > MAX_CONFLICT_LINES)
    {
      guint more = n - MAX_CONFLICT_LINES;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more conflict.",
                                                            "And %u more conflicts.", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (self->conflicts_box, label);
    }
  gtk_revealer_set_reveal_child (self->conflicts_revealer, n > 0);
}

/* ------------------------------------------------------------------------ */
/* Legend                                                                   */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data G_GNUC_UNUSED)
{
  const char *colour = g_object_get_data (G_OBJECT (area), "colour");
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
group_editor_saved_cb (MiriamCalendarPage *self)
{
  miriam_calendar_page_reload (self);
}

static void
legend_clicked_cb (GtkButton          *button,
                   MiriamCalendarPage *self)
{
  gint64 group_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "group-id");
  MiriamGroupEditor *editor;

  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  editor = miriam_group_editor_new (parent_window (self), self->store, group_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (group_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWidget *
legend_chip_new (MiriamCalendarPage        *self,
                 const MiriamCalendarEntry *entry)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Open the group “%s”"), entry->group_name);

  g_object_set_data_full (G_OBJECT (swatch), "colour", g_strdup (entry->colour), g_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  gtk_widget_set_size_request (swatch, 12, 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  g_object_set (swatch, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (entry->group_name));
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry->group_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "group-id", g_memdup2 (&entry->group_id, sizeof (gint64)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (legend_clicked_cb), self);
  return button;
}

static int
compare_by_group_name (gconstpointer a,
                       gconstpointer b)
{
  const MiriamCalendarEntry *x = *(MiriamCalendarEntry * const *) a;
  const MiriamCalendarEntry *y = *(MiriamCalendarEntry * const *) b;

  return g_utf8_collate (x->group_name, y->group_name);
}

/* One chip per group with a session among the shown entries. */
static void
update_legend (MiriamCalendarPage *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_box_remove (self->legend_box, child);
  for (guint i = 0; self->shown != NULL && i < self->shown->len; i++)
    {
      MiriamCalendarEntry *entry = g_ptr_array_index (self->shown, i);

      if (entry->kind != MIRIAM_ENTRY_SESSION || entry->group_id == 0
          || g_hash_table_contains (seen, &entry->group_id))
        continue;
      g_hash_table_add (seen, &entry->group_id);
      g_ptr_array_add (groups, entry);
    }
  g_ptr_array_sort (groups, compare_by_group_name);
  for (guint i = 0; i < groups->len; i++)
    gtk_box_append (self->legend_box, legend_chip_new (self, g_ptr_array_index (groups, i)));
}

/* ------------------------------------------------------------------------ */
/* Showing what was loaded                                                  */

static void
apply_filters (MiriamCalendarPage *self)
{
  gint64 group_id = selected_id (self->group_filter, self->group_ids);
  gint64 staff_id = selected_id (self->staff_filter, self->staff_ids);
  guint n = self->entries != NULL ? self->entries->len : 0;
  g_autofree guint *position = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) conflicts = NULL;
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, i);

      position[i] = G_MAXUINT;
      if (!entry_matches (entry, group_id, staff_id))
        continue;
      position[i] = shown->len;
      g_ptr_array_add (shown, entry);
    }
  conflicts = shown_conflicts (self, position);

  /* The view lets go of the old shown entries before they are replaced. */
  miriam_calendar_view_set_entries (self->view, shown);
  miriam_calendar_view_set_conflicts (self->view, conflicts);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = shown;
  update_legend (self);
}

static void
filter_changed_cb (MiriamCalendarPage *self)
{
  if (!self->filling)
    apply_filters (self);
}

static void
take_entries (MiriamCalendarPage *self,
              GPtrArray          *entries)
{
  GPtrArray *old = self->entries;

  self->entries = entries;
  g_clear_pointer (&self->conflicts, g_array_unref);
  self->conflicts = entries != NULL ? miriam_calendar_find_conflicts (entries) : NULL;
  update_staff_filter (self);
  apply_filters (self);
  show_conflicts (self);
  /* Only now that the view holds the new entries may the old ones go. */
  if (old != NULL)
    g_ptr_array_unref (old);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

static void
calendar_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MiriamCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  entries = miriam_store_list_calendar_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The calendar could not be read: %s"), error->message);

      g_warning ("Calendar not loaded: %s", error->message);
      show_message (self, message);
      return;
    }
  show_message (self, NULL);
  take_entries (self, entries);
}

static void
load_calendar (MiriamCalendarPage *self)
{
  GDate from, to;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;

  self->load_cancellable = g_cancellable_new ();
  miriam_calendar_view_get_range (self->view, &from, &to);
  set_loading (self, TRUE);
  miriam_store_list_calendar_async (self->store, &from, &to, self->load_cancellable,
                                    calendar_loaded_cb, g_object_ref (self));
}

/* Groups, cohorts and the OCMW's Community: read together in a thread,
 * since the store offers these lists only as blocking calls here. */
typedef struct {
  GPtrArray *groups;
  GPtrArray *cohorts;
  char      *community;
} Lists;

static void
lists_free (Lists *lists)
{
  g_clear_pointer (&lists->groups, g_ptr_array_unref);
  g_clear_pointer (&lists->cohorts, g_ptr_array_unref);
  g_free (lists->community);
  g_free (lists);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lists, lists_free)

static void
load_lists_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data G_GNUC_UNUSED,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  MiriamStore *store = source_object;
  g_autoptr(Lists) lists = g_new0 (Lists, 1);
  g_autoptr(GPtrArray) ocmws = NULL;
  GError *error = NULL;

  lists->groups = miriam_store_list (store, MIRIAM_RECORD_GROUP, NULL, 0, &error);
  if (lists->groups != NULL)
    lists->cohorts = miriam_store_list (store, MIRIAM_RECORD_COHORT, NULL, 0, &error);
  if (lists->cohorts != NULL)
    ocmws = miriam_store_list (store, MIRIAM_RECORD_OCMW, NULL, 0, &error);
  if (ocmws == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (ocmws->len > 0)
    lists->community = g_strdup (((MiriamOcmw *) g_ptr_array_index (ocmws, 0))->community);
  g_task_return_pointer (task, g_steal_pointer (&lists), (GDestroyNotify) lists_free);
}

static void
lists_loaded_cb (GObject      *object G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MiriamCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Lists) lists = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (lists == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The list of groups could not be read: %s"), error->message);

      g_warning ("Groups not loaded: %s", error->message);
      show_message (self, message);
      return;
    }
  miriam_calendar_view_set_community (self->view, lists->community);
  fill_group_filter (self, lists->groups, lists->cohorts);
  apply_filters (self);
}

static void
load_lists (MiriamCalendarPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->lists_cancellable);
  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;

  self->lists_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->lists_cancellable, lists_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_lists);
  g_task_run_in_thread (task, load_lists_thread);
}

/* ------------------------------------------------------------------------ */
/* The controls                                                             */

static void
mode_toggled_cb (MiriamCalendarPage *self,
                 GtkToggleButton    *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->week_button)
    miriam_calendar_view_set_mode (self->view, MIRIAM_CALENDAR_MODE_WEEK);
  else if (button == self->agenda_button)
    miriam_calendar_view_set_mode (self->view, MIRIAM_CALENDAR_MODE_AGENDA);
  else
    miriam_calendar_view_set_mode (self->view, MIRIAM_CALENDAR_MODE_MONTH);
}

static void
previous_clicked_cb (MiriamCalendarPage *self)
{
  miriam_calendar_view_step (self->view, -1);
}

static void
next_clicked_cb (MiriamCalendarPage *self)
{
  miriam_calendar_view_step (self->view, 1);
}

static void
today_clicked_cb (MiriamCalendarPage *self)
{
  GDate today;

  miriam_date_today (&today);
  miriam_calendar_view_set_date (self->view, &today);
}

/* The view's mode may change from inside (a day's "+2 more"). */
static void
sync_mode_buttons (MiriamCalendarPage *self)
{
  switch (miriam_calendar_view_get_mode (self->view))
    {
    case MIRIAM_CALENDAR_MODE_WEEK:
      gtk_toggle_button_set_active (self->week_button, TRUE);
      break;
    case MIRIAM_CALENDAR_MODE_AGENDA:
      gtk_toggle_button_set_active (self->agenda_button, TRUE);
      break;
    case MIRIAM_CALENDAR_MODE_MONTH:
    default:
      gtk_toggle_button_set_active (self->month_button, TRUE);
      break;
    }
}

static void
range_changed_cb (MiriamCalendarPage *self)
{
  sync_mode_buttons (self);
  update_title (self);
  load_calendar (self);
}

static void
session_editor_saved_cb (MiriamCalendarPage *self)
{
  miriam_calendar_page_reload (self);
}

static void
entry_activated_cb (MiriamCalendarPage  *self,
                    MiriamCalendarEntry *entry)
{
  MiriamSessionEditor *editor;

  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT)
    {
      if (entry->participant_id > 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-participant", "x", entry->participant_id);
      return;
    }
  if (self->store == NULL || !miriam_store_is_open (self->store))
    return;
  editor = miriam_session_editor_new (parent_window (self), self->store, entry->id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (session_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* With one group chosen, a day asks for an extra session of that group. */
static void
day_activated_cb (MiriamCalendarPage *self,
                  const GDate        *day)
{
  gint64 group_id = selected_id (self->group_filter, self->group_ids);
  MiriamSessionEditor *editor;

  if (group_id == 0 || !writable (self) || !miriam_store_is_open (self->store))
    return;
  editor = miriam_session_editor_new_for_group (parent_window (self), self->store, group_id, day);
  g_signal_connect_object (editor, "saved", G_CALLBACK (session_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ------------------------------------------------------------------------ */

static void
miriam_calendar_page_dispose (GObject *object)
{
  MiriamCalendarPage *self = MIRIAM_CALENDAR_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->lists_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_CALENDAR_PAGE);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->staff_names, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (miriam_calendar_page_parent_class)->dispose (object);
}

static void
miriam_calendar_page_class_init (MiriamCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_calendar_page_dispose;

  g_type_ensure (MIRIAM_TYPE_CALENDAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, new_group_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, closed_days_button);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, group_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, staff_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, conflicts_revealer);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarPage, view);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
miriam_calendar_page_init (MiriamCalendarPage *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  gint64 none = 0;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->group_ids, none);
  gtk_string_list_append (groups, _("All groups (team view)"));
  fill_filter (self, self->group_filter, groups, self->group_ids, 0);
  reset_staff (self);
  update_staff_filter (self);

  /* The inner buttons need a name; the drop-downs themselves get theirs
   * from the visible labels (mnemonic widgets), said once, not twice. */
  miriam_gui_name_drop_down (self->group_filter, _("Group"));
  miriam_gui_name_drop_down (self->staff_filter, _("Casemanager"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->group_filter), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->staff_filter), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);
  update_title (self);
}

/* ------------------------------------------------------------------------ */
/* Public                                                                   */

void
miriam_calendar_page_set_store (MiriamCalendarPage *self,
                                MiriamStore        *store)
{
  gboolean can_write;

  g_return_if_fail (MIRIAM_IS_CALENDAR_PAGE (self));
  g_return_if_fail (store == NULL || MIRIAM_IS_STORE (store));

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->lists_cancellable);
  set_loading (self, FALSE);
  show_message (self, NULL);
  g_set_object (&self->store, store);

  /* Another database: its own groups and casemanagers. */
  reset_staff (self);
  update_staff_filter (self);
  take_entries (self, NULL);

  can_write = writable (self);
  gtk_widget_set_visible (self->new_group_button, can_write);
  gtk_widget_set_visible (self->closed_days_button, can_write);
}

void
miriam_calendar_page_reload (MiriamCalendarPage *self)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_PAGE (self));

  gtk_widget_set_visible (self->new_group_button, writable (self));
  gtk_widget_set_visible (self->closed_days_button, writable (self));

  load_lists (self);
  load_calendar (self);
}
