/* miriam-test-utils.c: what the store tests share
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "miriam-test-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

char *
make_tmp_dir (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_test_message ("SQL failed: %s", message);
  sqlite3_free (message);
  sqlite3_close (db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

gint64
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *text = sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

MiriamStore *
open_store (const char *path,
            const char *user)
{
  g_autoptr(GError) error = NULL;
  MiriamStore *store = miriam_store_new (path);

  miriam_store_set_user_name (store, user);
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error));
  g_assert_no_error (error);
  return store;
}

void
take_text (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

GDate
day (guint d,
     guint m,
     guint y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

GDate
today_plus (int n_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date = day (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));

  if (n_days >= 0)
    g_date_add_days (&date, n_days);
  else
    g_date_subtract_days (&date, -n_days);
  return date;
}

gint64
save_ok (MiriamStore      *store,
         MiriamRecordKind  kind,
         gpointer          record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (miriam_store_save (store, kind, record, &error));
  g_assert_no_error (error);
  return miriam_record_row (record)->id;
}

gint64
save_and_free (MiriamStore      *store,
               MiriamRecordKind  kind,
               gpointer          record)
{
  gint64 id = save_ok (store, kind, record);

  miriam_record_free (kind, record);
  return id;
}
