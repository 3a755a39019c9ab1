/* miriam-calendar-view.c: a month, a week or six weeks of sessions
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made of ordinary widgets rather than drawn, so that a screen reader can
 * read every day and every session, and Tab reaches every entry.  Only the
 * selected day's button takes part in the Tab order (a "roving" focus):
 * the arrow keys move between days, as in any calendar.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/miriam-date.h"
#include "core/miriam-holidays.h"
#include "core/miriam-language.h"
#include "core/miriam-vocabulary.h"

#include "miriam-calendar-view.h"

#define MONTH_MAX_ENTRIES 3
#define AGENDA_DAYS       42

struct _MiriamCalendarView
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkGrid            *month_grid;
  GtkGrid            *week_grid;
  GtkListBox         *agenda_list;

  MiriamCalendarMode  mode;
  GDate               date;
  GDate               from, to;     /* what the widgets show */
  GPtrArray          *entries;
  GArray             *conflicts;
  GPtrArray          *problems;     /* per entry: its conflicts in words, or NULL */
  char               *community;
  GHashTable         *day_buttons;  /* julian day -> its day button */
  guint               rebuild_id;
};

G_DEFINE_FINAL_TYPE (MiriamCalendarView, miriam_calendar_view, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  RANGE_CHANGED,
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (MiriamCalendarView *self);

/* ------------------------------------------------------------------------ */
/* Days and ranges                                                          */

static void
compute_range (MiriamCalendarMode  mode,
               const GDate        *date,
               GDate              *from,
               GDate              *to)
{
  *from = *date;
  switch (mode)
    {
    case MIRIAM_CALENDAR_MODE_MONTH:
      g_date_set_day (from, 1);
      g_date_subtract_days (from, g_date_get_weekday (from) - 1);
      *to = *date;
      g_date_set_day (to, g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)));
      g_date_add_days (to, 7 - g_date_get_weekday (to));
      break;
    case MIRIAM_CALENDAR_MODE_WEEK:
      g_date_subtract_days (from, g_date_get_weekday (from) - 1);
      *to = *from;
      g_date_add_days (to, 6);
      break;
    case MIRIAM_CALENDAR_MODE_AGENDA:
    default:
      *to = *from;
      g_date_add_days (to, AGENDA_DAYS - 1);
      break;
    }
}

static gboolean
is_today (const GDate *day)
{
  GDate today;

  miriam_date_today (&today);
  return g_date_compare (day, &today) == 0;
}

/* The indexes of the entries on @day, in the order given. */
static GArray *
entries_on (MiriamCalendarView *self,
            const GDate        *day)
{
  GArray *indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_date_valid (&entry->day) && g_date_compare (&entry->day, day) == 0)
        g_array_append_val (indexes, i);
    }
  return indexes;
}

static const char *
holiday_on (MiriamCalendarView *self,
            const GDate        *day)
{
  MiriamHoliday holiday = miriam_holiday_on (day, self->community);

  return holiday < MIRIAM_N_HOLIDAYS ? miriam_holiday_label (holiday) : NULL;
}

/* "November 2026", "novembre 2026": strftime follows LC_TIME, which the
 * application sets to the chosen language. */
/* "lundi 23 novembre 2026" heads a list: "Lundi 23 novembre 2026". */
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

static char *
format_strftime (const GDate *day,
                 const char  *format)
{
  char buffer[128];

  if (g_date_strftime (buffer, sizeof buffer, format, day) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

/* ------------------------------------------------------------------------ */
/* Entries in words                                                         */

static char *
format_time (const MiriamCalendarEntry *entry)
{
  if (entry->start_minute < 0)
    return g_strdup ("");
  if (entry->end_minute <= entry->start_minute)
    return g_strdup_printf ("%02d:%02d", entry->start_minute / 60, entry->start_minute % 60);
  return g_strdup_printf ("%02d:%02d–%02d:%02d",
                          entry->start_minute / 60, entry->start_minute % 60,
                          entry->end_minute / 60, entry->end_minute % 60);
}

static char *
format_start (const MiriamCalendarEntry *entry)
{
  if (entry->start_minute < 0)
    return g_strdup ("");
  return g_strdup_printf ("%02d:%02d", entry->start_minute / 60, entry->start_minute % 60);
}

static char *
entry_title (const MiriamCalendarEntry *entry)
{
  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT)
    return g_strdup_printf (_("Appointment: %s"), entry->title != NULL ? entry->title : "");
  if (entry->group_name != NULL && *entry->group_name != '\0')
    return g_strdup (entry->group_name);
  return g_strdup (_("Group session"));
}

static void
append_part (GString    *text,
             const char *separator,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, separator);
  g_string_append (text, part);
}

/* Theme, location, casemanagers and guest, as far as they are known. */
static char *
entry_details (const MiriamCalendarEntry *entry,
               const char                *separator)
{
  GString *text = g_string_new (NULL);

  if (entry->kind == MIRIAM_ENTRY_SESSION && entry->theme != NULL && *entry->theme != '\0')
    append_part (text, separator, miriam_vocabulary_label (MIRIAM_VOCABULARY_SESSION_THEME, entry->theme));
  if (entry->kind == MIRIAM_ENTRY_APPOINTMENT && entry->contact_kind != NULL && *entry->contact_kind != '\0')
    append_part (text, separator, miriam_vocabulary_label (MIRIAM_VOCABULARY_CONTACT_KIND, entry->contact_kind));
  append_part (text, separator, entry->location);
  if (entry->staff != NULL && entry->staff[0] != NULL)
    {
      g_autofree char *staff = g_strjoinv (", ", entry->staff);

      append_part (text, separator, staff);
    }
  if (entry->partner != NULL && *entry->partner != '\0')
    {
      g_autofree char *guest = g_strdup_printf (_("Guest: %s"), entry->partner);

      append_part (text, separator, guest);
    }
  return g_string_free (text, FALSE);
}

static char *
cancelled_text (const MiriamCalendarEntry *entry)
{
  if (entry->cancel_reason != NULL && *entry->cancel_reason != '\0')
    return g_strdup_printf (_("Cancelled: %s"), entry->cancel_reason);
  return g_strdup (_("Cancelled"));
}

static const char *
problem_of (MiriamCalendarView *self,
            guint               index)
{
  if (self->problems == NULL || index >= self->problems->len)
    return NULL;
  return g_ptr_array_index (self->problems, index);
}

/* Everything a screen reader says about an entry, in one sentence. */
static char *
describe_entry (MiriamCalendarView *self,
                guint               index)
{
  MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, index);
  g_autofree char *time = format_time (entry);
  g_autofree char *title = entry_title (entry);
  g_autofree char *details = entry_details (entry, ", ");
  GString *text = g_string_new (NULL);

  if (entry->cancelled)
    {
      g_autofree char *cancelled = cancelled_text (entry);

      append_part (text, ", ", cancelled);
    }
  append_part (text, ", ", time);
  append_part (text, ", ", title);
  append_part (text, ", ", details);
  append_part (text, ". ", problem_of (self, index));
  return g_string_free (text, FALSE);
}

static void
strike_through (GtkLabel *label)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

/* ------------------------------------------------------------------------ */
/* The group's colour                                                       */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data G_GNUC_UNUSED)
{
  const char *colour = g_object_get_data (G_OBJECT (area), "colour");
  GdkRGBA rgba;

  /* Appointments and groups without a colour get a neutral grey. */
  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
swatch_new (const char *colour,
            int         width,
            int         height)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data_full (G_OBJECT (area), "colour", g_strdup (colour), g_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  gtk_widget_set_size_request (area, width, height);
  gtk_widget_set_valign (area, height > 0 ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  if (height > 0)
    gtk_widget_set_margin_top (area, 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  g_object_set (area, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  return area;
}

/* ------------------------------------------------------------------------ */
/* Selection, focus and the idle work after a click                        */

static GtkWidget *
selected_day_button (MiriamCalendarView *self)
{
  return g_hash_table_lookup (self->day_buttons, GUINT_TO_POINTER (g_date_get_julian (&self->date)));
}

static gboolean
focus_is_inside (MiriamCalendarView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static gboolean
focus_selected (MiriamCalendarView *self)
{
  GtkWidget *button;

  if (self->mode == MIRIAM_CALENDAR_MODE_AGENDA)
    return gtk_widget_child_focus (GTK_WIDGET (self->agenda_list), GTK_DIR_TAB_FORWARD);
  button = selected_day_button (self);
  return button != NULL && gtk_widget_grab_focus (button);
}

static void
mark_selected (MiriamCalendarView *self,
               gboolean            selected)
{
  GtkWidget *button = selected_day_button (self);
  GtkWidget *cell;

  if (button == NULL)
    return;
  cell = g_object_get_data (G_OBJECT (button), "cell");
  gtk_widget_set_focusable (button, selected);
  if (selected)
    gtk_widget_add_css_class (cell, "selected");
  else
    gtk_widget_remove_css_class (cell, "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/* Moves the selection; rebuilds and tells the page when the visible days
 * change.  Keeps the keyboard focus on the selected day if it was in the
 * calendar. */
static void
move_to (MiriamCalendarView *self,
         const GDate        *date,
         gboolean            grab_focus)
{
  GDate from, to;

  g_return_if_fail (g_date_valid (date));

  compute_range (self->mode, date, &from, &to);
  if (g_date_compare (&from, &self->from) != 0 || g_date_compare (&to, &self->to) != 0)
    {
      self->date = *date;
      rebuild (self);
      g_signal_emit (self, signals[RANGE_CHANGED], 0);
    }
  else
    {
      mark_selected (self, FALSE);
      self->date = *date;
      mark_selected (self, TRUE);
    }
  if (grab_focus)
    focus_selected (self);
}

typedef enum {
  PENDING_SELECT,
  PENDING_ACTIVATE,
  PENDING_AGENDA,
} PendingKind;

typedef struct {
  MiriamCalendarView *self;
  GDate               day;
  PendingKind         kind;
} Pending;

static gboolean
run_pending (gpointer data)
{
  Pending *pending = data;
  MiriamCalendarView *self = pending->self;

  switch (pending->kind)
    {
    case PENDING_SELECT:
      move_to (self, &pending->day, TRUE);
      break;
    case PENDING_ACTIVATE:
      move_to (self, &pending->day, FALSE);
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, &pending->day);
      break;
    case PENDING_AGENDA:
      if (self->mode == MIRIAM_CALENDAR_MODE_AGENDA)
        move_to (self, &pending->day, FALSE);
      else
        {
          self->date = pending->day;
          miriam_calendar_view_set_mode (self, MIRIAM_CALENDAR_MODE_AGENDA);
        }
      focus_selected (self);
      break;
    default:
      break;
    }
  g_object_unref (pending->self);
  g_free (pending);
  return G_SOURCE_REMOVE;
}

/* A click may rebuild the grid the clicked widget lives in: do it once
 * the click is over. */
static void
schedule (MiriamCalendarView *self,
          const GDate        *day,
          PendingKind         kind)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->day = *day;
  pending->kind = kind;
  g_idle_add (run_pending, pending);
}

static const GDate *
day_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "day");
}

static void
set_day (GtkWidget   *widget,
         const GDate *day)
{
  g_object_set_data_full (G_OBJECT (widget), "day", g_memdup2 (day, sizeof *day), g_free);
}

/* ------------------------------------------------------------------------ */
/* Buttons shared by the month and the week                                */

static void
entry_clicked_cb (GtkButton          *button,
                  MiriamCalendarView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "entry-index"));

  if (self->entries != NULL && index < self->entries->len)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, g_ptr_array_index (self->entries, index));
}

/* @compact: one line "09:30 Groep Noord" (month); otherwise time, group
 * and details on their own lines (week). */
static GtkWidget *
entry_button_new (MiriamCalendarView *self,
                  guint               index,
                  gboolean            compact)
{
  MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, index);
  g_autofree char *description = describe_entry (self, index);
  g_autofree char *title = entry_title (entry);
  g_autofree char *text = NULL;
  const char *problem = problem_of (self, index);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;

  if (compact)
    /* A month cell is narrow: an appointment is her name after a person
     * icon; the screen reader still hears "Appointment: ". */
    text = g_strdup (entry->kind == MIRIAM_ENTRY_APPOINTMENT ? entry->title : title);
  else
    {
      g_autofree char *time = format_time (entry);
      g_autofree char *details = entry_details (entry, "\n");
      g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", title);
      g_autofree char *escaped = g_markup_escape_text (details, -1);
      GString *lines = g_string_new (NULL);

      append_part (lines, "\n", time);
      append_part (lines, "\n", bold);
      append_part (lines, "\n", escaped);
      if (entry->cancelled)
        {
          g_autofree char *cancelled = cancelled_text (entry);
          g_autofree char *cancelled_escaped = g_markup_escape_text (cancelled, -1);

          append_part (lines, "\n", cancelled_escaped);
        }
      text = g_string_free (lines, FALSE);
    }

  gtk_box_append (GTK_BOX (box), swatch_new (entry->colour, 4, -1));
  /* The time in a label of its own: an Arabic name next to it would
   * otherwise turn the line right-to-left and put the time last. */
  if (compact && entry->start_minute >= 0)
    {
      g_autofree char *start = format_start (entry);

      gtk_box_append (GTK_BOX (box), gtk_label_new (start));
    }
  if (compact && entry->kind == MIRIAM_ENTRY_APPOINTMENT)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

      gtk_widget_add_css_class (icon, "miriam-appointment-icon");
      gtk_box_append (GTK_BOX (box), icon);
    }
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  if (compact)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      gtk_label_set_markup (GTK_LABEL (label), text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_box_append (GTK_BOX (box), label);
  if (entry->cancelled)
    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LABEL (child))
        strike_through (GTK_LABEL (child));
  if (problem != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "miriam-entry");
  if (entry->cancelled)
    gtk_widget_add_css_class (button, "miriam-cancelled");
  if (problem != NULL)
    gtk_widget_add_css_class (button, "miriam-conflict");
  gtk_widget_set_tooltip_text (button, problem != NULL ? problem : description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (button), "entry-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (entry_clicked_cb), self);
  return button;
}

static void
day_clicked_cb (GtkButton          *button,
                MiriamCalendarView *self)
{
  schedule (self, day_of (GTK_WIDGET (button)), PENDING_SELECT);
}

/* The day as a button: its number (month) or "Mon 23/11" (week); a
 * screen reader hears the whole date, the holiday and how much is planned. */
static GtkWidget *
day_button_new (MiriamCalendarView *self,
                const GDate        *day,
                const char         *text,
                guint               n_entries,
                GtkWidget          *cell)
{
  g_autofree char *date = miriam_format_date_long (day);
  const char *holiday = holiday_on (self, day);
  GtkWidget *button = gtk_button_new_with_label (text);
  GString *name = g_string_new (date);

  if (is_today (day))
    append_part (name, ", ", _("today"));
  append_part (name, ", ", holiday);
  if (n_entries == 0)
    append_part (name, ", ", _("nothing planned"));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_entries),
                                                n_entries);

      append_part (name, ", ", count);
    }

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "miriam-day-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_focusable (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);

  set_day (button, day);
  g_object_set_data (G_OBJECT (button), "cell", cell);
  g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
  g_hash_table_insert (self->day_buttons, GUINT_TO_POINTER (g_date_get_julian (day)), button);
  return button;
}

/* Is @widget, or a widget around it inside @cell, a button of its own? */
static gboolean
inside_inner_button (GtkWidget *widget,
                     GtkWidget *cell)
{
  for (; widget != NULL && widget != cell; widget = gtk_widget_get_parent (widget))
    if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "cell") == NULL)
      return TRUE;
  return FALSE;
}

/* A click anywhere in a day selects it; a double-click outside its
 * entries "activates" it (the page plans an extra session there). */
static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 gpointer         data)
{
  MiriamCalendarView *self = data;
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *target = gtk_widget_pick (cell, x, y, GTK_PICK_DEFAULT);

  if (inside_inner_button (target, cell))
    return;
  schedule (self, day_of (cell), n_press == 2 ? PENDING_ACTIVATE : PENDING_SELECT);
}

static GtkWidget *
cell_new (MiriamCalendarView *self,
          const GDate        *day,
          const char         *css_class)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_widget_add_css_class (cell, css_class);
  if (is_today (day))
    gtk_widget_add_css_class (cell, "today");
  if (holiday_on (self, day) != NULL)
    gtk_widget_add_css_class (cell, "holiday");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_set_vexpand (cell, TRUE);
  set_day (cell, day);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (cell_pressed_cb), self);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (gesture));
  return cell;
}

static GtkWidget *
holiday_label_new (const char *holiday)
{
  GtkWidget *label = gtk_label_new (holiday);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, holiday);
  gtk_widget_add_css_class (label, "miriam-holiday");
  return label;
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

/* ------------------------------------------------------------------------ */
/* Month                                                                    */

static void
more_clicked_cb (GtkButton          *button,
                 MiriamCalendarView *self)
{
  schedule (self, day_of (GTK_WIDGET (button)), PENDING_AGENDA);
}

static GtkWidget *
more_button_new (const GDate *day,
                 guint        more)
{
  g_autofree char *date = miriam_format_date_long (day);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
  g_autofree char *name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more on %s", "%u more on %s", more),
                                           more, date);
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "miriam-more");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show this day in the agenda"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  set_day (button, day);
  return button;
}

static GtkWidget *
month_cell_new (MiriamCalendarView *self,
                const GDate        *day)
{
  g_autoptr(GArray) indexes = entries_on (self, day);
  g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (day));
  GtkWidget *cell = cell_new (self, day, "miriam-day");
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *button = day_button_new (self, day, number, indexes->len, cell);
  const char *holiday = holiday_on (self, day);
  guint shown = MIN (indexes->len, MONTH_MAX_ENTRIES);

  if (g_date_get_month (day) != g_date_get_month (&self->date))
    gtk_widget_add_css_class (cell, "other-month");
  gtk_box_append (GTK_BOX (top), button);
  if (holiday != NULL)
    gtk_box_append (GTK_BOX (top), holiday_label_new (holiday));
  gtk_box_append (GTK_BOX (cell), top);

  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *entry = entry_button_new (self, g_array_index (indexes, guint, i), TRUE);

      if (i == 0)
        g_object_set_data (G_OBJECT (button), "first-entry", entry);
      gtk_box_append (GTK_BOX (cell), entry);
    }
  if (indexes->len > shown)
    {
      GtkWidget *more = more_button_new (day, indexes->len - shown);

      g_signal_connect (more, "clicked", G_CALLBACK (more_clicked_cb), self);
      gtk_box_append (GTK_BOX (cell), more);
    }
  return cell;
}

static void
build_month (MiriamCalendarView *self)
{
  GDate day = self->from;

  clear_children (GTK_WIDGET (self->month_grid));
  for (int column = 0; column < 7; column++)
    {
      g_autofree char *name = format_strftime (&day, "%a");
      g_autofree char *full = format_strftime (&day, "%A");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "miriam-weekday");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      gtk_grid_attach (self->month_grid, label, column, 0, 1, 1);
      g_date_add_days (&day, 1);
    }

  day = self->from;
  for (int row = 1; g_date_compare (&day, &self->to) <= 0; row++)
    for (int column = 0; column < 7; column++)
      {
        gtk_grid_attach (self->month_grid, month_cell_new (self, &day), column, row, 1, 1);
        g_date_add_days (&day, 1);
      }
}

/* ------------------------------------------------------------------------ */
/* Week                                                                     */

static char *
week_day_heading (const GDate *day)
{
  g_autofree char *weekday = format_strftime (day, "%a");

  if (miriam_language_get_current () == MIRIAM_LANGUAGE_DE)
    return g_strdup_printf ("%s %02u.%02u.", weekday, g_date_get_day (day), g_date_get_month (day));
  return g_strdup_printf ("%s %02u/%02u", weekday, g_date_get_day (day), g_date_get_month (day));
}

static GtkWidget *
week_column_new (MiriamCalendarView *self,
                 const GDate        *day)
{
  g_autoptr(GArray) indexes = entries_on (self, day);
  g_autofree char *heading = week_day_heading (day);
  GtkWidget *column = cell_new (self, day, "miriam-week-day");
  GtkWidget *button = day_button_new (self, day, heading, indexes->len, column);
  const char *holiday = holiday_on (self, day);

  gtk_box_set_spacing (GTK_BOX (column), 4);
  gtk_box_append (GTK_BOX (column), button);
  if (holiday != NULL)
    gtk_box_append (GTK_BOX (column), holiday_label_new (holiday));
  for (guint i = 0; i < indexes->len; i++)
    {
      GtkWidget *entry = entry_button_new (self, g_array_index (indexes, guint, i), FALSE);

      if (i == 0)
        g_object_set_data (G_OBJECT (button), "first-entry", entry);
      gtk_box_append (GTK_BOX (column), entry);
    }
  return column;
}

static void
build_week (MiriamCalendarView *self)
{
  GDate day = self->from;

  clear_children (GTK_WIDGET (self->week_grid));
  for (int column = 0; column < 7; column++)
    {
      gtk_grid_attach (self->week_grid, week_column_new (self, &day), column, 0, 1, 1);
      g_date_add_days (&day, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Agenda                                                                   */

static GtkWidget *
agenda_heading_new (MiriamCalendarView *self,
                    const GDate        *day)
{
  g_autofree char *long_date = miriam_format_date_long (day);
  g_autofree char *date = capitalise (long_date);
  const char *holiday = holiday_on (self, day);
  g_autofree char *text = holiday != NULL ? g_strdup_printf ("%s · %s", date, holiday) : g_strdup (date);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "miriam-agenda-day");
  if (is_today (day))
    gtk_widget_add_css_class (row, "today");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static GtkWidget *
small_label_new (const char *text,
                 const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
agenda_row_new (MiriamCalendarView *self,
                guint               index)
{
  MiriamCalendarEntry *entry = g_ptr_array_index (self->entries, index);
  g_autofree char *time = format_time (entry);
  g_autofree char *title = entry_title (entry);
  g_autofree char *details = entry_details (entry, " · ");
  g_autofree char *description = describe_entry (self, index);
  const char *problem = problem_of (self, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time_label = gtk_label_new (*time != '\0' ? time : _("No time"));
  GtkWidget *title_label = small_label_new (title, "miriam-agenda-title");

  gtk_label_set_width_chars (GTK_LABEL (time_label), 11);
  gtk_label_set_xalign (GTK_LABEL (time_label), 0.0);
  gtk_widget_set_valign (time_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (time_label, "numeric");
  if (*time == '\0')
    gtk_widget_add_css_class (time_label, "dim-label");
  gtk_box_append (GTK_BOX (box), time_label);
  gtk_box_append (GTK_BOX (box), swatch_new (entry->colour, 12, 12));

  if (entry->cancelled)
    strike_through (GTK_LABEL (title_label));
  gtk_box_append (GTK_BOX (text), title_label);
  if (*details != '\0')
    gtk_box_append (GTK_BOX (text), small_label_new (details, "dim-label"));
  if (entry->cancelled)
    {
      g_autofree char *cancelled = cancelled_text (entry);

      gtk_box_append (GTK_BOX (text), small_label_new (cancelled, "error"));
    }
  if (g_date_valid (&entry->original_day) && g_date_compare (&entry->original_day, &entry->day) != 0)
    {
      g_autofree char *original = miriam_format_date (&entry->original_day);
      g_autofree char *moved = g_strdup_printf (_("Moved from %s"), original);

      gtk_box_append (GTK_BOX (text), small_label_new (moved, "dim-label"));
    }
  if (problem != NULL)
    gtk_box_append (GTK_BOX (text), small_label_new (problem, "warning"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (problem != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "miriam-agenda-entry");
  if (entry->cancelled)
    gtk_widget_add_css_class (row, "miriam-cancelled");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (row), "entry-index", GUINT_TO_POINTER (index));
  return row;
}

static void
agenda_row_activated_cb (GtkListBox         *list G_GNUC_UNUSED,
                         GtkListBoxRow      *row,
                         MiriamCalendarView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "entry-index"));

  if (gtk_list_box_row_get_activatable (row) && self->entries != NULL && index < self->entries->len)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, g_ptr_array_index (self->entries, index));
}

static void
build_agenda (MiriamCalendarView *self)
{
  clear_children (GTK_WIDGET (self->agenda_list));
  for (GDate day = self->from; g_date_compare (&day, &self->to) <= 0; g_date_add_days (&day, 1))
    {
      g_autoptr(GArray) indexes = entries_on (self, &day);

      if (indexes->len == 0)
        continue;
      gtk_list_box_append (self->agenda_list, agenda_heading_new (self, &day));
      for (guint i = 0; i < indexes->len; i++)
        gtk_list_box_append (self->agenda_list, agenda_row_new (self, g_array_index (indexes, guint, i)));
    }
}

/* ------------------------------------------------------------------------ */

static void
rebuild (MiriamCalendarView *self)
{
  gboolean had_focus = focus_is_inside (self);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  compute_range (self->mode, &self->date, &self->from, &self->to);
  g_hash_table_remove_all (self->day_buttons);
  switch (self->mode)
    {
    case MIRIAM_CALENDAR_MODE_MONTH:
      build_month (self);
      gtk_stack_set_visible_child_name (self->stack, "month");
      break;
    case MIRIAM_CALENDAR_MODE_WEEK:
      build_week (self);
      gtk_stack_set_visible_child_name (self->stack, "week");
      break;
    case MIRIAM_CALENDAR_MODE_AGENDA:
    default:
      build_agenda (self);
      gtk_stack_set_visible_child_name (self->stack, "agenda");
      break;
    }
  mark_selected (self, TRUE);
  if (had_focus)
    focus_selected (self);
}

static gboolean
rebuild_idle (gpointer data)
{
  MiriamCalendarView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* New entries and their conflicts usually arrive together: one rebuild. */
static void
queue_rebuild (MiriamCalendarView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
append_problem (MiriamCalendarView *self,
                guint               index,
                const char         *text)
{
  char **slot;

  if (index >= self->problems->len)
    return;
  slot = (char **) &g_ptr_array_index (self->problems, index);
  if (*slot == NULL)
    *slot = g_strdup (text);
  else
    {
      char *joined = g_strconcat (*slot, "\n", text, NULL);

      g_free (*slot);
      *slot = joined;
    }
}

static void
update_problems (MiriamCalendarView *self)
{
  guint n = self->entries != NULL ? self->entries->len : 0;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_new_full (n, g_free);
  g_ptr_array_set_size (self->problems, n);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    {
      MiriamConflict *conflict = &g_array_index (self->conflicts, MiriamConflict, i);
      g_autofree char *text = NULL;

      if (conflict->kind == MIRIAM_CONFLICT_ROOM)
        text = g_strdup_printf (_("Room booked twice: %s"), conflict->what);
      else
        text = g_strdup_printf (_("%s is in two places at once"), conflict->what);
      append_problem (self, conflict->a, text);
      append_problem (self, conflict->b, text);
    }
}

/* ------------------------------------------------------------------------ */
/* Keyboard                                                                 */

static gboolean
is_day_button (GtkWidget *widget)
{
  return widget != NULL && GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "cell") != NULL;
}

static void
move_days (MiriamCalendarView *self,
           int                 days)
{
  GDate date = self->date;

  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  move_to (self, &date, TRUE);
}

/* Enter on a day goes to its first entry, or activates an empty day. */
static void
enter_day (MiriamCalendarView *self,
           GtkWidget          *button)
{
  GtkWidget *first = g_object_get_data (G_OBJECT (button), "first-entry");

  if (first != NULL)
    gtk_widget_grab_focus (first);
  else
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, &self->date);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state,
                MiriamCalendarView    *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GDate today;

  if (self->mode == MIRIAM_CALENDAR_MODE_AGENDA
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_days (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_days (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_days (self, -7);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_days (self, 7);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      miriam_calendar_view_step (self, -1);
      focus_selected (self);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      miriam_calendar_view_step (self, 1);
      focus_selected (self);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      miriam_date_today (&today);
      move_to (self, &today, TRUE);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!is_day_button (focus))
        return FALSE;
      enter_day (self, focus);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */

static gboolean
miriam_calendar_view_grab_focus (GtkWidget *widget)
{
  MiriamCalendarView *self = MIRIAM_CALENDAR_VIEW (widget);

  if (focus_selected (self))
    return TRUE;
  return GTK_WIDGET_CLASS (miriam_calendar_view_parent_class)->grab_focus (widget);
}

static void
miriam_calendar_view_dispose (GObject *object)
{
  MiriamCalendarView *self = MIRIAM_CALENDAR_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIRIAM_TYPE_CALENDAR_VIEW);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->day_buttons, g_hash_table_unref);

  G_OBJECT_CLASS (miriam_calendar_view_parent_class)->dispose (object);
}

static void
miriam_calendar_view_finalize (GObject *object)
{
  MiriamCalendarView *self = MIRIAM_CALENDAR_VIEW (object);

  g_free (self->community);

  G_OBJECT_CLASS (miriam_calendar_view_parent_class)->finalize (object);
}

static void
miriam_calendar_view_class_init (MiriamCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_calendar_view_dispose;
  object_class->finalize = miriam_calendar_view_finalize;
  widget_class->grab_focus = miriam_calendar_view_grab_focus;

  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarView, stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarView, week_grid);
  gtk_widget_class_bind_template_child (widget_class, MiriamCalendarView, agenda_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "miriam-calendar-view");
}

static void
miriam_calendar_view_init (MiriamCalendarView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mode = MIRIAM_CALENDAR_MODE_MONTH;
  self->community = g_strdup ("vl");
  self->day_buttons = g_hash_table_new (NULL, NULL);
  miriam_date_today (&self->date);

  placeholder = gtk_label_new (_("Nothing planned in these six weeks"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 48);
  gtk_widget_set_margin_bottom (placeholder, 48);
  gtk_list_box_set_placeholder (self->agenda_list, placeholder);
  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (agenda_row_activated_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);

  /* Capture: the arrows and Enter must reach us before the focused day
   * button turns Enter into a click. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_problems (self);
  rebuild (self);
}

/* ------------------------------------------------------------------------ */
/* Public                                                                   */

GtkWidget *
miriam_calendar_view_new (void)
{
  return g_object_new (MIRIAM_TYPE_CALENDAR_VIEW, NULL);
}

void
miriam_calendar_view_set_mode (MiriamCalendarView *self,
                               MiriamCalendarMode  mode)
{
  GDate old_from, old_to;

  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  if (mode == self->mode)
    return;
  old_from = self->from;
  old_to = self->to;
  self->mode = mode;
  rebuild (self);
  if (g_date_compare (&old_from, &self->from) != 0 || g_date_compare (&old_to, &self->to) != 0)
    g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

MiriamCalendarMode
miriam_calendar_view_get_mode (MiriamCalendarView *self)
{
  g_return_val_if_fail (MIRIAM_IS_CALENDAR_VIEW (self), MIRIAM_CALENDAR_MODE_MONTH);

  return self->mode;
}

void
miriam_calendar_view_set_date (MiriamCalendarView *self,
                               const GDate        *date)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  move_to (self, date, FALSE);
}

void
miriam_calendar_view_get_date (MiriamCalendarView *self,
                               GDate              *date)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  *date = self->date;
}

void
miriam_calendar_view_step (MiriamCalendarView *self,
                           int                 direction)
{
  GDate date;

  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  date = self->date;
  switch (self->mode)
    {
    case MIRIAM_CALENDAR_MODE_MONTH:
      if (direction < 0)
        g_date_subtract_months (&date, 1);
      else
        g_date_add_months (&date, 1);
      break;
    case MIRIAM_CALENDAR_MODE_WEEK:
      if (direction < 0)
        g_date_subtract_days (&date, 7);
      else
        g_date_add_days (&date, 7);
      break;
    case MIRIAM_CALENDAR_MODE_AGENDA:
    default:
      if (direction < 0)
        g_date_subtract_days (&date, AGENDA_DAYS);
      else
        g_date_add_days (&date, AGENDA_DAYS);
      break;
    }
  move_to (self, &date, FALSE);
}

void
miriam_calendar_view_get_range (MiriamCalendarView *self,
                                GDate              *from,
                                GDate              *to)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  compute_range (self->mode, &self->date, from, to);
}

void
miriam_calendar_view_set_entries (MiriamCalendarView *self,
                                  GPtrArray          *entries)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  if (entries != NULL)
    g_ptr_array_ref (entries);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  /* Conflicts index the old entries: they no longer apply. */
  g_clear_pointer (&self->conflicts, g_array_unref);
  update_problems (self);
  queue_rebuild (self);
}

void
miriam_calendar_view_set_conflicts (MiriamCalendarView *self,
                                    GArray             *conflicts)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  if (conflicts != NULL)
    g_array_ref (conflicts);
  g_clear_pointer (&self->conflicts, g_array_unref);
  self->conflicts = conflicts;
  update_problems (self);
  queue_rebuild (self);
}

void
miriam_calendar_view_set_community (MiriamCalendarView *self,
                                    const char         *community)
{
  g_return_if_fail (MIRIAM_IS_CALENDAR_VIEW (self));

  if (community == NULL || *community == '\0')
    community = "vl";
  if (g_strcmp0 (community, self->community) == 0)
    return;
  g_free (self->community);
  self->community = g_strdup (community);
  queue_rebuild (self);
}
