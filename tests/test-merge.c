/* test-merge.c: my changes and a colleague's, put together field by field
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a casemanager must be able to count on when a colleague saved the
 * same file first: a field only one of us changed keeps that change, a
 * field we both changed the same way is simply that, a field we changed
 * differently is hers to decide, and until she decides, her own typing
 * is what stays.  Every field type of every record is tried; the last
 * tests save a merged file through the store, as the merge dialog does.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/miriam-merge.h"
#include "store/miriam-store.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                  */

static const MiriamField *
field_named (MiriamRecordKind  kind,
             const char       *name,
             guint            *index)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].name, name))
      {
        if (index != NULL)
          *index = i;
        return &info->fields[i];
      }
  g_assert_not_reached ();
}

/* Gives @field of @record its @n-th other value (n >= 1), whatever its type. */
static void
change_field (gpointer           record,
              const MiriamField *field,
              int                n)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      {
        g_autofree char *text = g_strdup_printf ("%s version %d", field->name, n);
        miriam_record_set_text (record, field, text);
      }
      break;
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
      *MIRIAM_FIELD_PTR (record, field, gint64) += n;
      break;
    case MIRIAM_FIELD_BOOL:
      *MIRIAM_FIELD_PTR (record, field, gboolean) = !*MIRIAM_FIELD_PTR (record, field, gboolean);
      break;
    case MIRIAM_FIELD_DATE:
      {
        GDate *date = MIRIAM_FIELD_PTR (record, field, GDate);

        if (!g_date_valid (date))
          g_date_set_dmy (date, 1, G_DATE_MARCH, 2026);
        g_date_add_days (date, n);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A saved record: id 7, version 3, as loaded. */
static gpointer
saved_record (MiriamRecordKind kind)
{
  gpointer record = miriam_record_new (kind);

  miriam_record_row (record)->id = 7;
  miriam_record_row (record)->version = 3;
  return record;
}

/* The colleague's save: the same record, one version on. */
static gpointer
her_save_of (MiriamRecordKind kind,
             gconstpointer    base)
{
  gpointer theirs = miriam_record_copy (kind, base);

  miriam_record_row (theirs)->version++;
  g_free (miriam_record_row (theirs)->updated_by);
  miriam_record_row (theirs)->updated_by = g_strdup ("Amina");
  return theirs;
}

static void
assert_field (const MiriamField *field,
              gconstpointer      actual,
              gconstpointer      expected)
{
  if (!miriam_record_field_equal (field, actual, expected))
    g_error ("field %s does not have the value expected", field->name);
}

/* ---------------------------------------------------------------------- */
/* One record                                                               */

static void
test_only_mine (void)
{
  MiriamParticipant *base = saved_record (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *mine = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, base);
  MiriamParticipant *theirs = her_save_of (MIRIAM_RECORD_PARTICIPANT, base);
  g_autoptr(MiriamMerge) merge = NULL;
  MiriamParticipant *result;
  guint phone;

  field_named (MIRIAM_RECORD_PARTICIPANT, "phone", &phone);
  g_free (mine->phone);
  mine->phone = g_strdup ("0470 12 34 56");

  merge = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base, mine, theirs);
  g_assert_cmpint (miriam_merge_get_state (merge, phone), ==, MIRIAM_MERGE_MINE);
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 0);
  g_assert_true (miriam_merge_has_changes (merge));

  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->phone, ==, "0470 12 34 56");
  /* Saved on top of her version: the version check lets it through. */
  g_assert_cmpint (result->row.id, ==, 7);
  g_assert_cmpint (result->row.version, ==, 4);

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, base);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, mine);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, theirs);
}

static void
test_only_theirs (void)
{
  MiriamParticipant *base = saved_record (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *mine = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, base);
  MiriamParticipant *theirs = her_save_of (MIRIAM_RECORD_PARTICIPANT, base);
  g_autoptr(MiriamMerge) merge = NULL;
  MiriamParticipant *result;
  guint address, notes;

  field_named (MIRIAM_RECORD_PARTICIPANT, "address", &address);
  field_named (MIRIAM_RECORD_PARTICIPANT, "notes", &notes);
  g_free (theirs->address);
  theirs->address = g_strdup ("Kerkstraat 1, 9000 Gent");
  g_free (mine->notes);
  mine->notes = g_strdup ("Komt graag naar de groep.");

  merge = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base, mine, theirs);
  g_assert_cmpint (miriam_merge_get_state (merge, address), ==, MIRIAM_MERGE_THEIRS);
  g_assert_cmpint (miriam_merge_get_state (merge, notes), ==, MIRIAM_MERGE_MINE);
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 0);

  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->address, ==, "Kerkstraat 1, 9000 Gent");
  g_assert_cmpstr (result->notes, ==, "Komt graag naar de groep.");
  g_assert_cmpstr (result->row.updated_by, ==, "Amina");

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, base);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, mine);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, theirs);
}

static void
test_both_same (void)
{
  MiriamParticipant *base = saved_record (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *mine = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, base);
  MiriamParticipant *theirs = her_save_of (MIRIAM_RECORD_PARTICIPANT, base);
  g_autoptr(MiriamMerge) merge = NULL;
  MiriamParticipant *result;
  guint email;

  field_named (MIRIAM_RECORD_PARTICIPANT, "email", &email);
  g_free (mine->email);
  mine->email = g_strdup ("sarah@example.org");
  g_free (theirs->email);
  theirs->email = g_strdup ("sarah@example.org");

  merge = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base, mine, theirs);
  g_assert_cmpint (miriam_merge_get_state (merge, email), ==, MIRIAM_MERGE_SAME);
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 0);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->email, ==, "sarah@example.org");

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, base);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, mine);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, theirs);
}

static void
test_both_different (void)
{
  MiriamParticipant *base = saved_record (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *mine = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, base);
  MiriamParticipant *theirs = her_save_of (MIRIAM_RECORD_PARTICIPANT, base);
  g_autoptr(MiriamMerge) merge = NULL;
  MiriamParticipant *result;
  guint phone;

  field_named (MIRIAM_RECORD_PARTICIPANT, "phone", &phone);
  g_free (mine->phone);
  mine->phone = g_strdup ("0470 12 34 56");
  g_free (theirs->phone);
  theirs->phone = g_strdup ("0499 99 99 99");

  merge = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base, mine, theirs);
  g_assert_cmpint (miriam_merge_get_state (merge, phone), ==, MIRIAM_MERGE_CONFLICT);
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 1);

  /* Until I choose, what I typed stays. */
  g_assert_cmpint (miriam_merge_get_choice (merge, phone), ==, MIRIAM_MERGE_TAKE_MINE);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->phone, ==, "0470 12 34 56");
  g_assert_cmpint (result->row.version, ==, 4);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);

  miriam_merge_choose (merge, phone, MIRIAM_MERGE_TAKE_THEIRS);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->phone, ==, "0499 99 99 99");
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);

  /* Choosing for a field that is no conflict changes nothing. */
  {
    guint notes;
    field_named (MIRIAM_RECORD_PARTICIPANT, "notes", &notes);
    miriam_merge_choose (merge, notes, MIRIAM_MERGE_TAKE_THEIRS);
    g_assert_cmpint (miriam_merge_get_choice (merge, notes), ==, MIRIAM_MERGE_TAKE_MINE);
  }

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, base);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, mine);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, theirs);
}

/* The four cases for one field of one kind; every other field must come
 * out as it was. */
static void
check_field (MiriamRecordKind kind,
             guint            index)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  const MiriamField *field = &info->fields[index];
  /* mine's change, theirs' change (0: none), expected state */
  static const struct { int mine, theirs; MiriamMergeState state; } cases[] = {
    { 1, 0, MIRIAM_MERGE_MINE },
    { 0, 1, MIRIAM_MERGE_THEIRS },
    { 1, 1, MIRIAM_MERGE_SAME },
    { 1, 2, MIRIAM_MERGE_CONFLICT },
    { 0, 0, MIRIAM_MERGE_UNCHANGED },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gpointer base = saved_record (kind);
      gpointer mine = miriam_record_copy (kind, base);
      gpointer theirs = her_save_of (kind, base);
      gpointer result, other;
      MiriamMerge *merge;

      /* A yes/no field has only one other value. */
      if (field->type == MIRIAM_FIELD_BOOL && cases[c].theirs == 2)
        {
          miriam_record_free (kind, base);
          miriam_record_free (kind, mine);
          miriam_record_free (kind, theirs);
          continue;
        }
      if (cases[c].mine)
        change_field (mine, field, cases[c].mine);
      if (cases[c].theirs)
        change_field (theirs, field, cases[c].theirs);

      merge = miriam_merge_new (kind, base, mine, theirs);
      g_assert_cmpint (miriam_merge_get_state (merge, index), ==, cases[c].state);
      for (guint i = 0; i < info->n_fields; i++)
        if (i != index)
          g_assert_cmpint (miriam_merge_get_state (merge, i), ==, MIRIAM_MERGE_UNCHANGED);
      g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==,
                        cases[c].state == MIRIAM_MERGE_CONFLICT ? 1 : 0);

      result = miriam_merge_result (merge);
      g_assert_cmpint (miriam_record_row (result)->version, ==, 4);
      assert_field (field, result, cases[c].state == MIRIAM_MERGE_THEIRS ? theirs : mine);
      for (guint i = 0; i < info->n_fields; i++)
        if (i != index)
          assert_field (&info->fields[i], result, base);
      miriam_record_free (kind, result);

      if (cases[c].state == MIRIAM_MERGE_CONFLICT)
        {
          miriam_merge_choose (merge, index, MIRIAM_MERGE_TAKE_THEIRS);
          other = miriam_merge_result (merge);
          assert_field (field, other, theirs);
          miriam_record_free (kind, other);
        }

      miriam_merge_free (merge);
      miriam_record_free (kind, base);
      miriam_record_free (kind, mine);
      miriam_record_free (kind, theirs);
    }
}

static void
test_every_field_type (void)
{
  gboolean seen[MIRIAM_FIELD_REF + 1] = { FALSE };

  for (MiriamRecordKind kind = 0; kind < MIRIAM_N_RECORD_KINDS; kind++)
    {
      const MiriamRecordInfo *info = miriam_record_info (kind);

      for (guint i = 0; i < info->n_fields; i++)
        {
          check_field (kind, i);
          seen[info->fields[i].type] = TRUE;
        }
    }
  for (guint t = 0; t < G_N_ELEMENTS (seen); t++)
    g_assert_true (seen[t]);
}

/* Many random edits on both sides: whatever happens, every change I made
 * is in the result until I choose otherwise, and every change only she
 * made is in it too. */
static void
test_nothing_of_mine_lost (void)
{
  const MiriamRecordInfo *info = miriam_record_info (MIRIAM_RECORD_PARTICIPANT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (int round = 0; round < 500; round++)
    {
      gpointer base = saved_record (MIRIAM_RECORD_PARTICIPANT);
      gpointer mine = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, base);
      gpointer theirs = her_save_of (MIRIAM_RECORD_PARTICIPANT, base);
      guint expected_conflicts = 0;
      g_autoptr(MiriamMerge) merge = NULL;
      gpointer result;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const MiriamField *field = &info->fields[i];
          int m = g_rand_int_range (rand, 0, 3), t = g_rand_int_range (rand, 0, 3);

          if (field->type == MIRIAM_FIELD_BOOL)
            m = m > 0, t = t > 0;
          if (m)
            change_field (mine, field, m);
          if (t)
            change_field (theirs, field, t);
          if (m && t && m != t)
            expected_conflicts++;
        }

      merge = miriam_merge_new (MIRIAM_RECORD_PARTICIPANT, base, mine, theirs);
      g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, expected_conflicts);
      result = miriam_merge_result (merge);
      for (guint i = 0; i < info->n_fields; i++)
        {
          const MiriamField *field = &info->fields[i];

          if (!miriam_record_field_equal (field, base, mine))
            assert_field (field, result, mine);
          else
            assert_field (field, result, theirs);
        }
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, result);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, base);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, mine);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, theirs);
    }
}

/* A record one of us added or removed. */
static void
test_presence (void)
{
  MiriamChild *base = saved_record (MIRIAM_RECORD_CHILD);
  MiriamChild *changed = miriam_record_copy (MIRIAM_RECORD_CHILD, base);
  MiriamChild *added = miriam_record_new (MIRIAM_RECORD_CHILD);
  MiriamChild *result;
  MiriamMerge *merge;

  g_free (changed->first_name);
  changed->first_name = g_strdup ("Noor");
  g_free (added->first_name);
  added->first_name = g_strdup ("Lina");

  /* I added a child: she is there. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, NULL, added, NULL);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_MINE);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->first_name, ==, "Lina");
  g_assert_cmpint (result->row.id, ==, 0);
  miriam_record_free (MIRIAM_RECORD_CHILD, result);
  miriam_merge_free (merge);

  /* The colleague added one: she is there too. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, NULL, NULL, changed);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_THEIRS);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->first_name, ==, "Noor");
  miriam_record_free (MIRIAM_RECORD_CHILD, result);
  miriam_merge_free (merge);

  /* I removed one she left alone: removed. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, base, NULL, base);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_MINE);
  g_assert_null (miriam_merge_result (merge));
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 0);
  miriam_merge_free (merge);

  /* I removed one she changed: to choose; kept until I do. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, base, NULL, changed);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_CONFLICT);
  g_assert_cmpuint (miriam_merge_count_conflicts (merge), ==, 1);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->first_name, ==, "Noor");
  miriam_record_free (MIRIAM_RECORD_CHILD, result);
  miriam_merge_choose_presence (merge, MIRIAM_MERGE_TAKE_MINE);
  g_assert_null (miriam_merge_result (merge));
  miriam_merge_free (merge);

  /* She removed one I changed: my changes stay, as a new record. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, base, changed, NULL);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_CONFLICT);
  result = miriam_merge_result (merge);
  g_assert_cmpstr (result->first_name, ==, "Noor");
  g_assert_cmpint (result->row.id, ==, 0);
  g_assert_cmpint (result->row.version, ==, 0);
  miriam_record_free (MIRIAM_RECORD_CHILD, result);
  miriam_merge_choose_presence (merge, MIRIAM_MERGE_TAKE_THEIRS);
  g_assert_null (miriam_merge_result (merge));
  miriam_merge_free (merge);

  /* She removed one I left alone: removed. */
  merge = miriam_merge_new (MIRIAM_RECORD_CHILD, base, base, NULL);
  g_assert_cmpint (miriam_merge_get_presence (merge), ==, MIRIAM_MERGE_THEIRS);
  g_assert_null (miriam_merge_result (merge));
  miriam_merge_free (merge);

  miriam_record_free (MIRIAM_RECORD_CHILD, base);
  miriam_record_free (MIRIAM_RECORD_CHILD, changed);
  miriam_record_free (MIRIAM_RECORD_CHILD, added);
}

/* ---------------------------------------------------------------------- */
/* A whole file                                                             */

static MiriamChild *
child (gint64      id,
       const char *name,
       gint64      year)
{
  MiriamChild *c = miriam_record_new (MIRIAM_RECORD_CHILD);

  c->row.id = id;
  c->row.version = id != 0 ? 1 : 0;
  c->participant_id = 7;
  g_free (c->first_name);
  c->first_name = g_strdup (name);
  c->birth_year = year;
  return c;
}

static MiriamChild *
find_child (const MiriamParticipantFile *file,
            const char                  *name)
{
  for (guint i = 0; i < file->children->len; i++)
    if (g_str_equal (((MiriamChild *) file->children->pdata[i])->first_name, name))
      return file->children->pdata[i];
  return NULL;
}

/* Scores and marks: a score only she gave comes in, mine stays, and a
 * domain we both scored differently keeps mine until I choose hers. */
static void
test_values (void)
{
  g_autoptr(MiriamValueMerge) theirs_only = miriam_value_merge_new (NULL, NULL, "4");
  g_autoptr(MiriamValueMerge) mine_only = miriam_value_merge_new ("2", "3", "2");
  g_autoptr(MiriamValueMerge) removed = miriam_value_merge_new ("2", NULL, "2");
  g_autoptr(MiriamValueMerge) same = miriam_value_merge_new ("2", "5", "5");
  g_autoptr(MiriamValueMerge) conflict = miriam_value_merge_new ("2", "3", "4");
  g_autoptr(MiriamValueMerge) untouched = miriam_value_merge_new ("1", "1", "1");

  g_assert_cmpint (miriam_value_merge_get_state (theirs_only), ==, MIRIAM_MERGE_THEIRS);
  g_assert_cmpstr (miriam_value_merge_result (theirs_only), ==, "4");
  g_assert_cmpint (miriam_value_merge_get_state (mine_only), ==, MIRIAM_MERGE_MINE);
  g_assert_cmpstr (miriam_value_merge_result (mine_only), ==, "3");
  g_assert_cmpint (miriam_value_merge_get_state (removed), ==, MIRIAM_MERGE_MINE);
  g_assert_null (miriam_value_merge_result (removed));
  g_assert_cmpint (miriam_value_merge_get_state (same), ==, MIRIAM_MERGE_SAME);
  g_assert_cmpstr (miriam_value_merge_result (same), ==, "5");
  g_assert_cmpint (miriam_value_merge_get_state (untouched), ==, MIRIAM_MERGE_UNCHANGED);
  g_assert_cmpstr (miriam_value_merge_result (untouched), ==, "1");

  g_assert_cmpint (miriam_value_merge_get_state (conflict), ==, MIRIAM_MERGE_CONFLICT);
  g_assert_cmpstr (miriam_value_merge_result (conflict), ==, "3");
  miriam_value_merge_choose (conflict, MIRIAM_MERGE_TAKE_THEIRS);
  g_assert_cmpstr (miriam_value_merge_result (conflict), ==, "4");

  /* A choice on what is no conflict changes nothing. */
  miriam_value_merge_choose (mine_only, MIRIAM_MERGE_TAKE_THEIRS);
  g_assert_cmpstr (miriam_value_merge_result (mine_only), ==, "3");
}

static void
test_file (void)
{
  g_autoptr(MiriamParticipantFile) base = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) mine = NULL;
  g_autoptr(MiriamParticipantFile) theirs = NULL;
  g_autoptr(MiriamParticipantFile) result = NULL;
  g_autoptr(MiriamFileMerge) merge = NULL;
  MiriamGoal *goal = miriam_record_new (MIRIAM_RECORD_GOAL);
  MiriamMembership *membership = miriam_record_new (MIRIAM_RECORD_MEMBERSHIP);

  base->participant->row.id = 7;
  base->participant->row.version = 3;
  g_ptr_array_add (base->children, child (11, "Noor", 2018));
  g_ptr_array_add (base->children, child (12, "Adam", 2020));
  goal->row.id = 21;
  goal->row.version = 1;
  g_free (goal->description);
  goal->description = g_strdup ("Schulden in kaart brengen");
  g_ptr_array_add (base->goals, goal);
  membership->row.id = 31;
  membership->row.version = 1;
  membership->group_id = 4;
  g_date_set_dmy (&membership->joined_on, 15, 9, 2025);
  g_ptr_array_add (base->memberships, membership);

  /* Me: Noor's year, a new child, the goal removed, a status change
   * dated last week. */
  mine = miriam_participant_file_copy (base);
  ((MiriamChild *) mine->children->pdata[0])->birth_year = 2017;
  g_ptr_array_add (mine->children, child (0, "Lina", 2024));
  g_ptr_array_remove_index (mine->goals, 0);
  g_array_append_val (mine->removed_goals, goal->row.id);
  g_date_set_dmy (&mine->status_day, 2, 3, 2026);

  /* Her: Adam's name spelled right, another new child, her phone, and
   * the day she left the group. */
  theirs = miriam_participant_file_copy (base);
  theirs->participant->row.version = 4;
  g_free (theirs->participant->phone);
  theirs->participant->phone = g_strdup ("0499 99 99 99");
  g_free (((MiriamChild *) theirs->children->pdata[1])->first_name);
  ((MiriamChild *) theirs->children->pdata[1])->first_name = g_strdup ("Adem");
  ((MiriamChild *) theirs->children->pdata[1])->row.version = 2;
  g_ptr_array_add (theirs->children, child (13, "Yasmine", 2022));
  g_date_set_dmy (&((MiriamMembership *) theirs->memberships->pdata[0])->left_on, 1, 3, 2026);
  ((MiriamMembership *) theirs->memberships->pdata[0])->row.version = 2;

  merge = miriam_file_merge_new (base, mine, theirs);
  g_assert_cmpuint (miriam_file_merge_count_conflicts (merge), ==, 0);
  result = miriam_file_merge_result (merge, mine);

  g_assert_cmpstr (result->participant->phone, ==, "0499 99 99 99");
  g_assert_cmpint (result->participant->row.version, ==, 4);
  g_assert_cmpuint (result->children->len, ==, 4);
  g_assert_cmpint (find_child (result, "Noor")->birth_year, ==, 2017);
  g_assert_nonnull (find_child (result, "Adem"));
  g_assert_cmpint (find_child (result, "Adem")->row.version, ==, 2);
  g_assert_cmpint (find_child (result, "Lina")->row.id, ==, 0);
  g_assert_nonnull (find_child (result, "Yasmine"));
  g_assert_cmpuint (result->goals->len, ==, 0);
  g_assert_cmpuint (result->removed_goals->len, ==, 1);
  g_assert_cmpint (g_array_index (result->removed_goals, gint64, 0), ==, 21);
  g_assert_cmpuint (result->removed_children->len, ==, 0);
  g_assert_cmpuint (result->memberships->len, ==, 1);
  g_assert_true (g_date_valid (&((MiriamMembership *) result->memberships->pdata[0])->left_on));
  g_assert_cmpint (g_date_get_day (&result->status_day), ==, 2);

  /* Now we both renamed Noor, differently: one choice to make. */
  g_clear_pointer (&merge, miriam_file_merge_free);
  g_clear_pointer (&result, miriam_participant_file_free);
  g_free (((MiriamChild *) mine->children->pdata[0])->first_name);
  ((MiriamChild *) mine->children->pdata[0])->first_name = g_strdup ("Nour");
  g_free (((MiriamChild *) theirs->children->pdata[0])->first_name);
  ((MiriamChild *) theirs->children->pdata[0])->first_name = g_strdup ("Noer");
  merge = miriam_file_merge_new (base, mine, theirs);
  g_assert_cmpuint (miriam_file_merge_count_conflicts (merge), ==, 1);
  result = miriam_file_merge_result (merge, mine);
  g_assert_nonnull (find_child (result, "Nour"));
  g_assert_null (find_child (result, "Noer"));
}

/* ---------------------------------------------------------------------- */
/* Through the store, as the merge dialog saves                            */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("miriam-merge-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "team.miriam", NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *journal = g_strconcat (fx->path, "-journal", NULL);

  g_remove (journal);
  g_remove (fx->path);
  g_rmdir (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_free (fx->dir);
  g_free (fx->path);
}

static MiriamStore *
open_as (const char *path,
         const char *user)
{
  g_autoptr(GError) error = NULL;
  MiriamStore *store = miriam_store_new (path);

  miriam_store_set_user_name (store, user);
  miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_save_merged (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) me = open_as (fx->path, "Sofie");
  g_autoptr(MiriamStore) colleague = open_as (fx->path, "Amina");
  g_autoptr(MiriamParticipantFile) file = miriam_participant_file_new ();
  g_autoptr(MiriamParticipantFile) base = NULL;
  g_autoptr(MiriamParticipantFile) hers = NULL;
  g_autoptr(MiriamParticipantFile) mine = NULL;
  g_autoptr(MiriamParticipantFile) theirs = NULL;
  g_autoptr(MiriamParticipantFile) merged = NULL;
  g_autoptr(MiriamParticipantFile) saved = NULL;
  g_autoptr(MiriamParticipantFile) again = NULL;
  g_autoptr(MiriamFileMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  guint notes;

  field_named (MIRIAM_RECORD_PARTICIPANT, "notes", &notes);
  g_free (file->participant->first_name);
  file->participant->first_name = g_strdup ("Sarah");
  g_ptr_array_add (file->children, child (0, "Noor", 2018));
  base = miriam_store_save_participant_file (me, file, NULL, &error);
  g_assert_no_error (error);

  /* She opens the file too and saves first: her phone, her note, a child. */
  {
    g_autoptr(MiriamParticipantFile) edit =
      miriam_store_load_participant_file (colleague, base->participant->row.id, &error);

    g_assert_no_error (error);
    g_free (edit->participant->phone);
    edit->participant->phone = g_strdup ("0499 99 99 99");
    g_free (edit->participant->notes);
    edit->participant->notes = g_strdup ("Belt liever na vier uur.");
    g_ptr_array_add (edit->children, child (0, "Yasmine", 2022));
    hers = miriam_store_save_participant_file (colleague, edit, NULL, &error);
    g_assert_no_error (error);
  }

  /* Me, from the version I loaded: her address and a note of my own. */
  mine = miriam_participant_file_copy (base);
  g_free (mine->participant->address);
  mine->participant->address = g_strdup ("Kerkstraat 1, 9000 Gent");
  g_free (mine->participant->notes);
  mine->participant->notes = g_strdup ("Eerste gesprek goed verlopen.");
  g_assert_null (miriam_store_save_participant_file (me, mine, NULL, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The dialog: her version loaded, merged, the note chosen, saved. */
  theirs = miriam_store_load_participant_file (me, base->participant->row.id, &error);
  g_assert_no_error (error);
  merge = miriam_file_merge_new (base, mine, theirs);
  g_assert_cmpuint (miriam_file_merge_count_conflicts (merge), ==, 1);
  g_assert_cmpint (miriam_merge_get_state (merge->participant, notes), ==, MIRIAM_MERGE_CONFLICT);
  miriam_merge_choose (merge->participant, notes, MIRIAM_MERGE_TAKE_THEIRS);
  merged = miriam_file_merge_result (merge, mine);
  saved = miriam_store_save_participant_file (me, merged, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (saved->participant->phone, ==, "0499 99 99 99");
  g_assert_cmpstr (saved->participant->address, ==, "Kerkstraat 1, 9000 Gent");
  g_assert_cmpstr (saved->participant->notes, ==, "Belt liever na vier uur.");
  g_assert_cmpuint (saved->children->len, ==, 2);
  g_assert_cmpint (saved->participant->row.version, ==, theirs->participant->row.version + 1);
  g_assert_cmpstr (saved->participant->row.updated_by, ==, "Sofie");

  /* Yet another save by her in between: the merged save is refused too,
   * and nothing of hers is overwritten. */
  {
    g_autoptr(MiriamParticipantFile) edit = miriam_store_load_participant_file (colleague, base->participant->row.id, &error);
    g_autoptr(MiriamParticipantFile) done = NULL;
    g_free (edit->participant->email);
    edit->participant->email = g_strdup ("sarah@example.org");
    done = miriam_store_save_participant_file (colleague, edit, NULL, &error);
    g_assert_no_error (error);
  }
  again = miriam_store_save_participant_file (me, merged, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT);

  miriam_store_close (colleague);
  miriam_store_close (me);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/field/only-mine", test_only_mine);
  g_test_add_func ("/merge/field/only-theirs", test_only_theirs);
  g_test_add_func ("/merge/field/both-same", test_both_same);
  g_test_add_func ("/merge/field/both-different", test_both_different);
  g_test_add_func ("/merge/field/every-type", test_every_field_type);
  g_test_add_func ("/merge/nothing-of-mine-lost", test_nothing_of_mine_lost);
  g_test_add_func ("/merge/presence", test_presence);
  g_test_add_func ("/merge/values", test_values);
  g_test_add_func ("/merge/file", test_file);
  g_test_add ("/merge/store/save-merged", Fixture, NULL, fixture_set_up, test_save_merged,
              fixture_tear_down);

  return g_test_run ();
}
