/* bench-participant-list.c: searching and sorting 10,000 files as the list does
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-participant-list [--participants N] [--rounds R]
 *
 * Builds N participant rows in memory (no database: the list reads the
 * rows once, then works in memory) and runs them through the same GTK
 * models as the Participants section: the items, a filter on the search
 * text, a sort on the name column.  Prints, for each step, the median and
 * worst time over R rounds.  It judges nothing: the figures are for
 * developers (so in English).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "gui/miriam-participant-item.h"

static gint n_participants = 10000;
static gint n_rounds = 15;

static const GOptionEntry entries[] = {
  { "participants", 'n', 0, G_OPTION_ARG_INT, &n_participants, "Number of rows (default 10000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Rounds per step (default 15)", "R" },
  { NULL }
};

static const char * const first_names[] = {
  "Sarah", "Fatima", "Ayşe", "Olena", "Céline", "Nour", "Agnieszka", "Grâce", "Ine", "Zahra",
  "Mihaela", "Selam", "فاطمة", "Ольга", "Łucja", "Océane", "Rasha", "Parwana",
};
static const char * const last_names[] = {
  "Peeters", "El Amrani", "Yılmaz", "Kovalenko", "Dubois-Müller", "Haddad", "Wiśniewska",
  "Mbuyi", "Janssens", "Ahmadi", "Popescu", "Tesfay", "Benali", "Maes", "Nowak", "Kabeya",
};

static MiriamParticipantRow *
make_row (GRand *rand,
          guint  i)
{
  MiriamParticipantRow *row = g_new0 (MiriamParticipantRow, 1);

  row->id = i + 1;
  row->version = 1;
  row->first_name = g_strdup (first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))]);
  row->last_name = g_strdup_printf ("%s %u", last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))], i);
  row->insz = g_strdup_printf ("%02u%02u%02u%03u%02u", g_rand_int_range (rand, 60, 99),
                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                               g_rand_int_range (rand, 1, 998), g_rand_int_range (rand, 1, 98));
  row->phone = g_strdup_printf ("0470 %02u %02u %02u", g_rand_int_range (rand, 0, 100),
                                g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100));
  row->status = g_strdup ("active");
  row->group_id = 1 + i / 15;
  row->group_name = g_strdup_printf ("Groep %u", 1 + i / 15);
  row->cohort_id = 1 + i / 900;
  row->cohort_label = g_strdup_printf ("%u-%u", 2017 + i / 900, 2018 + i / 900);
  row->casemanagers = g_strdup ("Sofie Peeters, Jonas Vermeulen");
  g_date_clear (&row->last_contact, 1);
  g_date_set_julian (&row->last_contact, 738000 + g_rand_int_range (rand, 0, 700));
  g_date_clear (&row->next_session, 1);
  return row;
}

static const char *query;

static gboolean
matches (gpointer item,
         gpointer user_data G_GNUC_UNUSED)
{
  return miriam_participant_item_matches (item, query);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
add_since (GArray *ms,
           gint64  start)
{
  double elapsed = (double) (g_get_monotonic_time () - start) / 1000.0;

  g_array_append_val (ms, elapsed);
}

static void
report (const char *what,
        GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  printf ("%-44s median %8.2f ms   worst %8.2f ms\n", what,
          g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1));
  g_array_set_size (ms, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  static const char * const queries[] = { "celine", "dubois muller", "0470 12", "zzz", "a" };
  GListStore *items;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSorter *sorter;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  printf ("Participant list, %d rows, %d rounds per step\n", n_participants, n_rounds);

  for (int r = 0; r < n_rounds; r++)
    {
      g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);

      start = g_get_monotonic_time ();
      for (int i = 0; i < n_participants; i++)
        g_ptr_array_add (made, miriam_participant_item_new (make_row (rand, i)));
      add_since (ms, start);
    }
  report ("build the items (fold names for search)", ms);

  items = g_list_store_new (MIRIAM_TYPE_PARTICIPANT_ITEM);
  for (int i = 0; i < n_participants; i++)
    {
      g_autoptr(MiriamParticipantItem) item = miriam_participant_item_new (make_row (rand, i));
      g_list_store_append (items, item);
    }

  filter = gtk_custom_filter_new (matches, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (items), GTK_FILTER (filter));
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (MIRIAM_TYPE_PARTICIPANT_ITEM,
                                                                           NULL, "name")));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *what = NULL;
      guint shown = 0;

      for (int r = 0; r < n_rounds; r++)
        {
          query = (r % 2 == 0) ? queries[q] : "";
          start = g_get_monotonic_time ();
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
          shown = g_list_model_get_n_items (G_LIST_MODEL (sorted));
          if (r % 2 == 0)
            add_since (ms, start);
        }
      query = queries[q];
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      shown = g_list_model_get_n_items (G_LIST_MODEL (sorted));
      what = g_strdup_printf ("search \"%s\" (%u shown), filter + sort", queries[q], shown);
      report (what, ms);
    }

  query = "";
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_LESS_STRICT);
  for (int r = 0; r < n_rounds; r++)
    {
      start = g_get_monotonic_time ();
      gtk_sorter_changed (sorter, r % 2 == 0 ? GTK_SORTER_CHANGE_INVERTED : GTK_SORTER_CHANGE_DIFFERENT);
      (void) g_list_model_get_n_items (G_LIST_MODEL (sorted));
      add_since (ms, start);
    }
  report ("sort all rows by name again (keys cached)", ms);

  g_object_unref (sorted);
  return 0;
}
