/* test-drafts.c: unsaved edits kept on this computer (src/core/miriam-drafts.c)
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a casemanager typed must come back exactly, whatever it is: long
 * notes, Arabic or Hebrew, newlines, spaces at the ends.  The user data
 * folder is a temporary one (G_TEST_OPTION_ISOLATE_DIRS).
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef G_OS_UNIX
# include <sys/stat.h>
#endif

#include "core/miriam-drafts.h"

#define DATABASE "/srv/share/OCMW Gent/team.miriam"

static guint
n_files_in (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
clean_drafts (void)
{
  g_autofree char *path = miriam_drafts_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
}

static MiriamDraft *
load (const char       *database,
      MiriamRecordKind  kind,
      gint64            id)
{
  g_autoptr(GError) error = NULL;
  MiriamDraft *draft = miriam_draft_load (database, kind, id, &error);

  g_assert_no_error (error);
  return draft;
}

static void
save (MiriamDraft *draft)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (miriam_draft_save (draft, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  static const char * const texts[] = {
    "Sarah",
    "",
    "  spaces at both ends  ",
    "line one\nline two\r\nline three\n\n",
    "tab\there; backslash \\ and \\n not a newline; quotes \" ' ; = [group] # not a comment",
    "Céline Dubois-Müller, Łucja Wiśniewska, Олена Шевченко",
    "فاطمة الزهراء تعيش في غنت مع ثلاثة أطفال",
    "\u200fשרה כהן\u200e (INSZ 90.03.12-124.57)",
    "mixed: Sarah فاطمة 12/03/1990 \u202bRTL embedding\u202c end",
    "emoji 👩‍👧‍👦 and a combining e\u0301",
  };
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42, 7);
  g_autoptr(MiriamDraft) back = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = g_strdup_printf ("field-%u", i);
      miriam_draft_set_text (draft, key, texts[i]);
    }
  miriam_draft_set_int (draft, "children", 3);
  miriam_draft_set_int (draft, "negative", -12);
  miriam_draft_set_int (draft, "big", G_MAXINT64);
  g_assert_null (miriam_draft_get_saved_at (draft));
  save (draft);

  back = load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42);
  g_assert_nonnull (back);
  g_assert_cmpint (miriam_draft_get_id (back), ==, 42);
  g_assert_cmpint (miriam_draft_get_version (back), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = g_strdup_printf ("field-%u", i);
      g_assert_cmpstr (miriam_draft_get_text (back, key), ==, texts[i]);
    }
  g_assert_cmpint (miriam_draft_get_int (back, "children", -1), ==, 3);
  g_assert_cmpint (miriam_draft_get_int (back, "negative", 0), ==, -12);
  g_assert_cmpint (miriam_draft_get_int (back, "big", 0), ==, G_MAXINT64);
  g_assert_true (miriam_draft_same_fields (draft, back));

  /* Absent fields, and fields of the other type, are told apart. */
  g_assert_null (miriam_draft_get_text (back, "no-such-field"));
  g_assert_null (miriam_draft_get_text (back, "children"));
  g_assert_cmpint (miriam_draft_get_int (back, "field-0", -5), ==, -5);

  saved_at = miriam_draft_get_saved_at (back);
  g_assert_nonnull (saved_at);
  g_assert_cmpint (ABS (g_date_time_difference (now, saved_at)), <, 60 * G_TIME_SPAN_SECOND);

  clean_drafts ();
}

/* A very long note (a few megabytes, many scripts, many lines) survives. */
static void
test_huge_text (void)
{
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 1, 1);
  g_autoptr(MiriamDraft) back = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *huge = NULL;

  for (guint i = 0; text->len < 4 * 1024 * 1024; i++)
    g_string_append_printf (text, "%u. Gesprek met Sarah — مقابلة مع فاطمة — שיחה עם שרה — Olena\n", i);
  huge = g_string_free (text, FALSE);

  miriam_draft_set_text (draft, "notes", huge);
  save (draft);
  back = load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 1);
  g_assert_nonnull (back);
  g_assert_cmpuint (strlen (miriam_draft_get_text (back, "notes")), ==, strlen (huge));
  g_assert_true (strcmp (miriam_draft_get_text (back, "notes"), huge) == 0);

  clean_drafts ();
}

/* Invalid UTF-8 (a broken paste) keeps all the rest. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 1, 1);
  g_autoptr(MiriamDraft) back = NULL;
  const char *text;

  miriam_draft_set_text (draft, "notes", "before \xff\xfe after");
  save (draft);
  back = load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 1);
  text = miriam_draft_get_text (back, "notes");
  g_assert_true (g_str_has_prefix (text, "before "));
  g_assert_true (g_str_has_suffix (text, " after"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  clean_drafts ();
}

/* Where drafts live and who may read them; names of files say nothing
 * about the woman. */
static void
test_private_folder (void)
{
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42, 7);
  g_autofree char *dir = miriam_drafts_get_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "miriam", "drafts", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_cmpstr (dir, ==, expected);
  miriam_draft_set_text (draft, "first_name", "Sarah");
  save (draft);
  /* Written again: still one file, no temporary left behind. */
  miriam_draft_set_text (draft, "first_name", "Sarah Claes");
  save (draft);
  g_assert_cmpuint (n_files_in (dir), ==, 1);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_null (strstr (name, "Sarah"));
      g_assert_null (strstr (name, "Gent"));
      g_assert_true (g_str_has_suffix (name, ".draft"));
#ifdef G_OS_UNIX
      {
        GStatBuf st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        g_assert_cmpint (g_stat (dir, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0077, ==, 0);
      }
#endif
    }

  clean_drafts ();
}

/* One draft per database, kind and record; a new record has its own. */
static void
test_one_per_record (void)
{
  static const struct { const char *database; MiriamRecordKind kind; gint64 id; } keys[] = {
    { DATABASE, MIRIAM_RECORD_PARTICIPANT, 42 },
    { DATABASE, MIRIAM_RECORD_PARTICIPANT, 43 },
    { DATABASE, MIRIAM_RECORD_PARTICIPANT, 0 },
    { DATABASE, MIRIAM_RECORD_GROUP, 42 },
    { "/home/anna/demo.miriam", MIRIAM_RECORD_PARTICIPANT, 42 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(MiriamDraft) draft = miriam_draft_new (keys[i].database, keys[i].kind, keys[i].id, 1);
      g_autofree char *text = g_strdup_printf ("draft %u", i);

      miriam_draft_set_text (draft, "notes", text);
      save (draft);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(MiriamDraft) back = load (keys[i].database, keys[i].kind, keys[i].id);
      g_autofree char *text = g_strdup_printf ("draft %u", i);

      g_assert_nonnull (back);
      g_assert_cmpstr (miriam_draft_get_text (back, "notes"), ==, text);
    }

  g_assert_true (miriam_draft_remove (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42, NULL));
  g_assert_null (load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42));
  {
    g_autoptr(MiriamDraft) other = load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 43);
    g_assert_nonnull (other);
  }

  /* Nothing there: no draft and no error, also when removing. */
  g_assert_null (load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 99));
  g_assert_true (miriam_draft_remove (DATABASE, MIRIAM_RECORD_PARTICIPANT, 99, NULL));

  clean_drafts ();
}

/* A damaged file is refused, never half restored. */
static void
test_damaged (void)
{
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 5, 1);
  g_autofree char *dir = miriam_drafts_get_dir ();
  g_autoptr(GDir) listing = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  miriam_draft_set_text (draft, "notes", "Vertelt over haar kinderen");
  save (draft);
  listing = g_dir_open (dir, 0, NULL);
  path = g_build_filename (dir, g_dir_read_name (listing), NULL);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Cut off halfway. */
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  g_assert_null (miriam_draft_load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 5, &error));
  g_assert_error (error, MIRIAM_DRAFT_ERROR, MIRIAM_DRAFT_ERROR_INVALID);
  g_clear_error (&error);

  /* Another file altogether. */
  g_assert_true (g_file_set_contents (path, "[MIRIAM]\nnotes=x\n", -1, NULL));
  g_assert_null (miriam_draft_load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 5, &error));
  g_assert_error (error, MIRIAM_DRAFT_ERROR, MIRIAM_DRAFT_ERROR_INVALID);

  clean_drafts ();
}

/* A draft written after the record's last save is newer than it. */
static void
test_newer_than (void)
{
  g_autoptr(MiriamDraft) draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 5, 3);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_minutes (now, -5);
  g_autoptr(GDateTime) after = g_date_time_add_minutes (now, 5);
  g_autofree char *before_text = g_date_time_format (before, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *after_text = g_date_time_format (after, "%Y-%m-%dT%H:%M:%SZ");

  save (draft);
  g_assert_true (miriam_draft_is_newer_than (draft, before_text));
  g_assert_false (miriam_draft_is_newer_than (draft, after_text));
  g_assert_true (miriam_draft_is_newer_than (draft, NULL));
  g_assert_true (miriam_draft_is_newer_than (draft, "not a date"));

  clean_drafts ();
}

/* The editor's way: drafts written in the background as she types, then
 * the save succeeds and the draft goes.  Nothing may be left, however the
 * writes and the removal interleave. */
static void
test_no_draft_after_save (void)
{
  g_autofree char *dir = miriam_drafts_get_dir ();

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < 10; i++)
        {
          MiriamDraft *draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42, round);
          g_autofree char *notes = g_strdup_printf ("round %u, keystroke %u", round, i);

          miriam_draft_set_text (draft, "notes", notes);
          miriam_draft_save_later (draft);
        }
      miriam_draft_remove_later (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42);
      miriam_drafts_wait ();
      g_assert_null (load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42));
      g_assert_cmpuint (n_files_in (dir), ==, 0);
    }

  /* Without the save, the last keystroke is what stays. */
  for (guint i = 0; i < 10; i++)
    {
      MiriamDraft *draft = miriam_draft_new (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42, 1);
      g_autofree char *notes = g_strdup_printf ("keystroke %u", i);

      miriam_draft_set_text (draft, "notes", notes);
      miriam_draft_save_later (draft);
    }
  miriam_drafts_wait ();
  {
    g_autoptr(MiriamDraft) back = load (DATABASE, MIRIAM_RECORD_PARTICIPANT, 42);

    g_assert_nonnull (back);
    g_assert_cmpstr (miriam_draft_get_text (back, "notes"), ==, "keystroke 9");
  }

  clean_drafts ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/drafts/round-trip", test_round_trip);
  g_test_add_func ("/drafts/huge-text", test_huge_text);
  g_test_add_func ("/drafts/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/drafts/private-folder", test_private_folder);
  g_test_add_func ("/drafts/one-per-record", test_one_per_record);
  g_test_add_func ("/drafts/damaged", test_damaged);
  g_test_add_func ("/drafts/newer-than", test_newer_than);
  g_test_add_func ("/drafts/no-draft-after-save", test_no_draft_after_save);

  return g_test_run ();
}
