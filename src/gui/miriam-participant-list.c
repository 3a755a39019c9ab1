/* miriam-participant-list.c: every participant file, searchable and sortable
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are read in one go and then searched, filtered and sorted in
 * memory: with 10,000 files that stays instant, and typing in the search
 * field never waits on a network drive.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include <glib/gi18n.h>

#include "core/miriam-date.h"
#include "core/miriam-status.h"

#include "miriam-empty-state.h"
#include "miriam-gui-utils.h"
#include "miriam-participant-item.h"
#include "miriam-participant-list.h"

struct _MiriamParticipantList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *cohort_filter;
  GtkDropDown        *group_filter;
  GtkDropDown        *casemanager_filter;
  GtkDropDown        *status_filter;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *casemanager_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *last_contact_column;
  GtkColumnViewColumn *next_session_column;
  MiriamEmptyState   *empty_state;
  MiriamEmptyState   *no_match_state;
  GtkLabel           *count_label;

  MiriamStore        *store;
  GCancellable       *cancellable;
  GListStore         *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (MiriamParticipantList, miriam_participant_list, GTK_TYPE_WIDGET)

enum {
  OPEN_PARTICIPANT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text chosen in a filter drop-down, or NULL for its "All ..." item. */
static const char *
chosen (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || model == NULL)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

static gboolean
has_casemanager (const char *list,
                 const char *name)
{
  g_auto(GStrv) names = g_strsplit (list, ", ", -1);

  return g_strv_contains ((const char * const *) names, name);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MiriamParticipantList *self = user_data;
  MiriamParticipantItem *participant = item;
  const MiriamParticipantRow *row = miriam_participant_item_get_row (participant);
  const char *cohort = chosen (self->cohort_filter);
  const char *group = chosen (self->group_filter);
  const char *casemanager = chosen (self->casemanager_filter);
  const char *status = chosen (self->status_filter);

  if (cohort != NULL && g_strcmp0 (row->cohort_label, cohort) != 0)
    return FALSE;
  if (group != NULL && g_strcmp0 (row->group_name, group) != 0)
    return FALSE;
  if (casemanager != NULL && !has_casemanager (row->casemanagers, casemanager))
    return FALSE;
  if (status != NULL
      && g_strcmp0 (miriam_status_label (miriam_status_from_code (row->status)), status) != 0)
    return FALSE;

  return miriam_participant_item_matches (participant,
                                          gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_view (MiriamParticipantList *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (!self->loaded)
    return;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u participant", "%u participants", total), total);
  else
    count = g_strdup_printf (ngettext ("%u of %u participant", "%u of %u participants", total),
                             shown, total);
  gtk_label_set_text (self->count_label, count);
}

static void
filters_changed (MiriamParticipantList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Refills a filter's choices from the rows, keeping what was chosen if it
 * still exists. */
static void
fill_filter (GtkDropDown *dropdown,
             const char  *all_label,
             GPtrArray   *values)
{
  g_autofree char *previous = g_strdup (chosen (dropdown));
  GtkStringList *list = gtk_string_list_new (NULL);
  guint select = 0;

  gtk_string_list_append (list, all_label);
  g_ptr_array_sort (values, compare_strings);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (list, values->pdata[i]);
      if (g_strcmp0 (previous, values->pdata[i]) == 0)
        select = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, select);
  g_object_unref (list);
}

static void
add_unique (GHashTable *seen,
            GPtrArray  *values,
            const char *value)
{
  if (value == NULL || value[0] == '\0' || g_hash_table_contains (seen, value))
    return;
  g_hash_table_add (seen, (gpointer) value);
  g_ptr_array_add (values, (gpointer) value);
}

static void
fill_filters (MiriamParticipantList *self,
              GPtrArray             *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) casemanagers = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < rows->len; i++)
    {
      const MiriamParticipantRow *row = rows->pdata[i];
      char **split = g_strsplit (row->casemanagers, ", ", -1);

      add_unique (seen, cohorts, row->cohort_label);
      add_unique (seen, groups, row->group_name);
      for (char **n = split; *n != NULL; n++)
        add_unique (seen, casemanagers, *n);
      g_ptr_array_add (names, split);
    }
  /* Statuses in the order of the path, not alphabetically. */
  for (MiriamStatus s = 0; s < MIRIAM_N_STATUSES; s++)
    g_ptr_array_add (statuses, (gpointer) miriam_status_label (s));

  g_signal_handlers_block_by_func (self->cohort_filter, filters_changed, self);
  g_signal_handlers_block_by_func (self->group_filter, filters_changed, self);
  g_signal_handlers_block_by_func (self->casemanager_filter, filters_changed, self);
  fill_filter (self->cohort_filter, _("All cohorts"), cohorts);
  fill_filter (self->group_filter, _("All groups"), groups);
  fill_filter (self->casemanager_filter, _("All casemanagers"), casemanagers);
  g_signal_handlers_unblock_by_func (self->cohort_filter, filters_changed, self);
  g_signal_handlers_unblock_by_func (self->group_filter, filters_changed, self);
  g_signal_handlers_unblock_by_func (self->casemanager_filter, filters_changed, self);

  if (gtk_drop_down_get_model (self->status_filter) == NULL)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      gtk_string_list_append (list, _("All statuses"));
      for (guint i = 0; i < statuses->len; i++)
        gtk_string_list_append (list, statuses->pdata[i]);
      gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (list));
    }
}

static gint64
selected_id (MiriamParticipantList *self)
{
  MiriamParticipantItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? miriam_participant_item_get_row (item)->id : 0;
}

static void
select_id (MiriamParticipantList *self,
           gint64                 id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(MiriamParticipantItem) item = g_list_model_get_item (model, i);

      if (miriam_participant_item_get_row (item)->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
rows_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  MiriamParticipantList *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 keep = 0;

  rows = miriam_store_list_participant_rows_finish (MIRIAM_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      /* Keep showing what we had: the window reports file problems. */
      g_warning ("Could not read the participant list: %s", error->message);
      return;
    }

  keep = selected_id (self);
  fill_filters (self, rows);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, miriam_participant_item_new (g_steal_pointer (&rows->pdata[i])));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  self->loaded = TRUE;
  filters_changed (self);
  select_id (self, keep);
}

void
miriam_participant_list_reload (MiriamParticipantList *self)
{
  GDate today;

  g_return_if_fail (MIRIAM_IS_PARTICIPANT_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  miriam_date_today (&today);
  miriam_store_list_participant_rows_async (self->store, &today, self->cancellable, rows_cb, self);
}

void
miriam_participant_list_set_store (MiriamParticipantList *self,
                                   MiriamStore           *store)
{
  g_return_if_fail (MIRIAM_IS_PARTICIPANT_LIST (self));

  if (!g_set_object (&self->store, store))
    return;

  self->loaded = FALSE;
  g_list_store_remove_all (self->items);
  gtk_label_set_text (self->count_label, "");
  miriam_participant_list_reload (self);
}

void
miriam_participant_list_focus_search (MiriamParticipantList *self)
{
  g_return_if_fail (MIRIAM_IS_PARTICIPANT_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
activate_cb (MiriamParticipantList *self,
             guint                  position)
{
  g_autoptr(MiriamParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                 position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_PARTICIPANT], 0, miriam_participant_item_get_row (item)->id);
}

static void
stop_search_cb (MiriamParticipantList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
miriam_participant_list_dispose (GObject *object)
{
  MiriamParticipantList *self = MIRIAM_PARTICIPANT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (miriam_participant_list_parent_class)->dispose (object);
}

static void
miriam_participant_list_class_init (MiriamParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = miriam_participant_list_dispose;

  signals[OPEN_PARTICIPANT] =
    g_signal_new ("open-participant", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (MIRIAM_TYPE_EMPTY_STATE);
  g_type_ensure (MIRIAM_TYPE_PARTICIPANT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/be/ocmw/Miriam/ui/miriam-participant-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, box);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, cohort_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, group_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, casemanager_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, status_filter);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, stack);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, column_view);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, name_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, group_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, casemanager_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, status_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, next_session_column);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, empty_state);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, no_match_state);
  gtk_widget_class_bind_template_child (widget_class, MiriamParticipantList, count_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Each column sorts on a property of the item; dates on their day number,
 * so that 02/03 comes after 28/02. */
static void
set_sorter (GtkColumnViewColumn *column,
            const char          *property,
            gboolean             numeric)
{
  GtkExpression *expression = gtk_property_expression_new (MIRIAM_TYPE_PARTICIPANT_ITEM, NULL, property);
  g_autoptr(GtkSorter) sorter = numeric
                                ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                                : GTK_SORTER (gtk_string_sorter_new (expression));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
miriam_participant_list_init (MiriamParticipantList *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_sorter (self->name_column, "name", FALSE);
  set_sorter (self->group_column, "group", FALSE);
  set_sorter (self->casemanager_column, "casemanagers", FALSE);
  set_sorter (self->status_column, "status", FALSE);
  set_sorter (self->last_contact_column, "last-contact-key", TRUE);
  set_sorter (self->next_session_column, "next-session-key", TRUE);

  self->items = g_list_store_new (MIRIAM_TYPE_PARTICIPANT_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  miriam_empty_state_set (self->empty_state,
                          _("No participants yet"),
                          _("Each woman in MIRIAM gets one file here, from intake to aftercare. "
                            "Create the first file when a woman is referred to you."),
                          _("New Participant"), "win.new-participant");
  miriam_empty_state_set (self->no_match_state,
                          _("No participant matches"),
                          _("Check the spelling, or clear the search and the filters."),
                          NULL, NULL);

  miriam_gui_name_drop_down (self->cohort_filter, _("Cohort"));
  miriam_gui_name_drop_down (self->group_filter, _("Group"));
  miriam_gui_name_drop_down (self->casemanager_filter, _("Casemanager"));
  miriam_gui_name_drop_down (self->status_filter, _("Status"));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (self->cohort_filter, "notify::selected", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->group_filter, "notify::selected", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->casemanager_filter, "notify::selected", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
