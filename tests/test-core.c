/* test-core.c: language choice, Belgian dates and numbers, settings, records
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/miriam-language.h"
#include "core/miriam-record.h"
#include "core/miriam-settings.h"

static void
test_language_from_locale (void)
{
  /* A Belgian locale picks its own language... */
  g_assert_cmpint (miriam_language_from_locale ("nl_BE.UTF-8"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("fr_BE.UTF-8"), ==, MIRIAM_LANGUAGE_FR);
  g_assert_cmpint (miriam_language_from_locale ("de_BE.UTF-8"), ==, MIRIAM_LANGUAGE_DE);
  g_assert_cmpint (miriam_language_from_locale ("fr_BE@euro"), ==, MIRIAM_LANGUAGE_FR);
  g_assert_cmpint (miriam_language_from_locale ("de-BE"), ==, MIRIAM_LANGUAGE_DE);   /* Windows */
  g_assert_cmpint (miriam_language_from_locale ("fr_BE"), ==, MIRIAM_LANGUAGE_FR);

  /* ...anything else falls back to Dutch. */
  g_assert_cmpint (miriam_language_from_locale ("fr_FR.UTF-8"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("de_DE.UTF-8"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("en_US.UTF-8"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("C"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("C.UTF-8"), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale (NULL), ==, MIRIAM_LANGUAGE_NL);
  g_assert_cmpint (miriam_language_from_locale ("fr_BEL"), ==, MIRIAM_LANGUAGE_NL);
}

static void
test_language_resolve (void)
{
  const char * const walloon[] = { "fr_BE.UTF-8", "fr_BE", "fr", "C", NULL };
  const char * const eupen[] = { "de_BE.UTF-8", "de", "C", NULL };
  const char * const none[] = { NULL };

  g_assert_cmpint (miriam_language_resolve (MIRIAM_LANGUAGE_SYSTEM, walloon), ==, MIRIAM_LANGUAGE_FR);
  g_assert_cmpint (miriam_language_resolve (MIRIAM_LANGUAGE_SYSTEM, eupen), ==, MIRIAM_LANGUAGE_DE);
  g_assert_cmpint (miriam_language_resolve (MIRIAM_LANGUAGE_SYSTEM, none), ==, MIRIAM_LANGUAGE_NL);
  /* An explicit choice wins over the desktop. */
  g_assert_cmpint (miriam_language_resolve (MIRIAM_LANGUAGE_DE, walloon), ==, MIRIAM_LANGUAGE_DE);

  for (MiriamLanguage l = MIRIAM_LANGUAGE_SYSTEM; l <= MIRIAM_LANGUAGE_DE; l++)
    g_assert_cmpint (miriam_language_from_code (miriam_language_to_code (l)), ==, l);
  g_assert_cmpint (miriam_language_from_code ("xx"), ==, MIRIAM_LANGUAGE_SYSTEM);
  g_assert_cmpint (miriam_language_from_code (NULL), ==, MIRIAM_LANGUAGE_SYSTEM);
}

typedef struct {
  MiriamLanguage  language;
  const char     *short_date;
  const char     *long_date;
  const char     *number;
  const char     *month_name;   /* must appear in a long date in March */
} Expected;

/* What a Belgian reader expects, per the glossary: 22/11/2026 in Dutch and
 * French, 22.11.2026 in German; decimal comma everywhere. */
static const Expected expected[] = {
  { MIRIAM_LANGUAGE_NL, "22/11/2026", "zondag 22 november 2026", "1.234.567,89", "maart" },
  { MIRIAM_LANGUAGE_FR, "22/11/2026", "dimanche 22 novembre 2026", "1\u202f234\u202f567,89", "mars" },
  { MIRIAM_LANGUAGE_DE, "22.11.2026", "Sonntag, 22. November 2026", "1.234.567,89", "März" },
};

static void
check_language (const Expected *e)
{
  GDate date, march;
  g_autofree char *short_date = NULL;
  g_autofree char *long_date = NULL;
  g_autofree char *march_date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *small = NULL;
  g_autofree char *whole = NULL;

  miriam_language_apply (e->language);
  g_assert_cmpint (miriam_language_get_current (), ==, e->language);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
  g_date_clear (&march, 1);
  g_date_set_dmy (&march, 3, G_DATE_MARCH, 2027);

  short_date = miriam_format_date (&date);
  g_assert_cmpstr (short_date, ==, e->short_date);

  long_date = miriam_format_date_long (&date);
  g_assert_cmpstr (long_date, ==, e->long_date);
  march_date = miriam_format_date_long (&march);
  g_assert_nonnull (strstr (march_date, e->month_name));

  number = miriam_format_number (1234567.891, 2);
  g_assert_cmpstr (number, ==, e->number);

  negative = miriam_format_number (-0.5, 1);
  g_assert_cmpstr (negative, ==, "-0,5");
  small = miriam_format_number (75, 0);
  g_assert_cmpstr (small, ==, "75");
  whole = miriam_format_number (-0.001, 1);
  g_assert_cmpstr (whole, ==, "0,0");   /* no "minus zero" */
}

static void
test_formats (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    check_language (&expected[i]);
}

static void
test_unknown_date (void)
{
  GDate unknown;
  g_autofree char *s = NULL;
  g_autofree char *l = NULL;

  g_date_clear (&unknown, 1);
  s = miriam_format_date (&unknown);
  l = miriam_format_date_long (&unknown);
  g_assert_cmpstr (s, ==, "");
  g_assert_cmpstr (l, ==, "");
}

/* Settings live in the user's config folder; the test points GLib's
 * folders at a temporary one. */
static void
test_settings_round_trip (void)
{
  g_autoptr(MiriamSettings) settings = NULL;
  g_autoptr(MiriamSettings) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = miriam_settings_get_file ();
  g_autofree char *default_db = miriam_settings_default_database ();
  g_autofree char *to_free = NULL;
  const char *db;

  g_assert_true (g_str_has_prefix (file, g_get_user_config_dir ()));
  g_assert_true (g_str_has_prefix (default_db, g_get_user_data_dir ()));

  /* Nothing saved yet: the local default database, the system language. */
  settings = miriam_settings_load ();
  g_assert_null (settings->database);
  g_assert_cmpint (settings->language, ==, MIRIAM_LANGUAGE_SYSTEM);
  db = miriam_settings_get_database (settings, &to_free);
  g_assert_cmpstr (db, ==, default_db);

  g_free (settings->database);
  settings->database = g_strdup ("\\\\ocmw-server\\miriam\\team é ü.sqlite");
  settings->language = MIRIAM_LANGUAGE_FR;
  settings->user_name = g_strdup ("Anneleen D'hondt");
  g_assert_true (miriam_settings_save (settings, &error));
  g_assert_no_error (error);

  again = miriam_settings_load ();
  g_assert_cmpstr (again->database, ==, settings->database);
  g_assert_cmpint (again->language, ==, MIRIAM_LANGUAGE_FR);
  g_assert_cmpstr (again->user_name, ==, "Anneleen D'hondt");
}

static void
test_settings_broken_file (void)
{
  g_autofree char *file = miriam_settings_get_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autoptr(MiriamSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "\x01\x02 not [a key file\n==", -1, &error));

  /* A damaged settings file must not stop the application. */
  settings = miriam_settings_load ();
  g_assert_nonnull (settings);
  g_assert_null (settings->database);
  g_assert_cmpint (settings->language, ==, MIRIAM_LANGUAGE_SYSTEM);
}

static void
test_settings_user_name (void)
{
  MiriamSettings settings = { NULL, MIRIAM_LANGUAGE_SYSTEM, NULL, NULL };
  g_autofree char *fallback = miriam_settings_get_user_name (&settings);
  g_autofree char *chosen = NULL;

  /* Never empty: colleagues must see who saved. */
  g_assert_nonnull (fallback);
  g_assert_cmpstr (fallback, !=, "");

  settings.user_name = (char *) "Fatima El Amrani";
  chosen = miriam_settings_get_user_name (&settings);
  g_assert_cmpstr (chosen, ==, "Fatima El Amrani");
}

static void
test_record_copy_and_compare (void)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *copy;
  const MiriamRecordInfo *info = miriam_record_info (MIRIAM_RECORD_PARTICIPANT);
  guint differing = 0;

  /* A new file starts on the waiting list, with empty text, unknown dates. */
  g_assert_cmpstr (p->status, ==, "waiting");
  g_assert_cmpstr (p->first_name, ==, "");
  g_assert_false (g_date_valid (&p->birth_date));
  g_assert_cmpint (p->row.id, ==, 0);

  g_free (p->first_name);
  p->first_name = g_strdup ("Céline");
  g_date_set_dmy (&p->birth_date, 29, G_DATE_FEBRUARY, 1996);

  copy = miriam_record_copy (MIRIAM_RECORD_PARTICIPANT, p);
  g_assert_cmpstr (copy->first_name, ==, "Céline");
  g_assert_true (copy->first_name != p->first_name);   /* deep copy */

  for (guint i = 0; i < info->n_fields; i++)
    g_assert_true (miriam_record_field_equal (&info->fields[i], p, copy));

  /* Changing the copy changes exactly one field: what a merge dialog will
   * show field by field. */
  miriam_record_set_text (copy, &info->fields[2], "Dubois-Müller");
  for (guint i = 0; i < info->n_fields; i++)
    if (!miriam_record_field_equal (&info->fields[i], p, copy))
      differing++;
  g_assert_cmpuint (differing, ==, 1);

  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, copy);
}

static void
test_record_defaults (void)
{
  MiriamGroup *group = miriam_record_new (MIRIAM_RECORD_GROUP);
  MiriamSession *session = miriam_record_new (MIRIAM_RECORD_SESSION);
  MiriamStaff *staff = miriam_record_new (MIRIAM_RECORD_STAFF);

  /* Coded fields start valid, so a new record can be saved as it is. */
  g_assert_cmpstr (group->rhythm, ==, "fortnightly");
  g_assert_cmpstr (group->community, ==, "vl");
  g_assert_cmpint (group->weekday, >=, 1);
  g_assert_cmpint (group->end_minute, >, group->start_minute);
  g_assert_cmpint (session->end_minute, >, session->start_minute);
  g_assert_cmpstr (session->theme, ==, "other");
  g_assert_cmpstr (staff->role, ==, "casemanager");
  g_assert_true (staff->active);

  miriam_record_free (MIRIAM_RECORD_GROUP, group);
  miriam_record_free (MIRIAM_RECORD_SESSION, session);
  miriam_record_free (MIRIAM_RECORD_STAFF, staff);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("miriam-core-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  const char *localedir = g_getenv ("MIRIAM_LOCALEDIR");
  int ret;

  /* Before GLib caches the folders. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/language/from-locale", test_language_from_locale);
  g_test_add_func ("/core/language/resolve", test_language_resolve);
  g_test_add_func ("/core/language/formats", test_formats);
  g_test_add_func ("/core/language/unknown-date", test_unknown_date);
  g_test_add_func ("/core/settings/round-trip", test_settings_round_trip);
  g_test_add_func ("/core/settings/broken-file", test_settings_broken_file);
  g_test_add_func ("/core/settings/user-name", test_settings_user_name);
  g_test_add_func ("/core/record/copy-and-compare", test_record_copy_and_compare);
  g_test_add_func ("/core/record/defaults", test_record_defaults);

  ret = g_test_run ();

  {
    g_autofree char *file = miriam_settings_get_file ();
    g_autofree char *dir = g_path_get_dirname (file);
    g_unlink (file);
    g_rmdir (dir);
    g_rmdir (config);
    g_rmdir (home);
  }

  return ret;
}
