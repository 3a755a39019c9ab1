/* test-backup.c: daily backups, restoring one, and the checks for IT
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a team notices: a backup is a database with the same data, made
 * once a day, the right ones are kept as days go by, a restore brings the
 * data back and keeps the file it replaced, a damaged backup or database
 * is refused with the reason, and backing up never disturbs a colleague
 * who is saving.  The store is used through its public interface;
 * sqlite3 only damages files, holds locks like another program, and looks
 * into files the store wrote.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store/miriam-store.h"

typedef struct
{
  char *dir;
  char *path;     /* dir/team.miriam */
  char *folder;   /* dir/MIRIAM backups */
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("miriam-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "team.miriam", NULL);
  fx->folder = miriam_store_default_backup_folder (fx->path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_free (fx->dir);
  g_free (fx->path);
  g_free (fx->folder);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                  */

static MiriamStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  MiriamStore *store = miriam_store_new (path);

  miriam_store_set_user_name (store, "Amina");
  miriam_store_open (store, MIRIAM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

/* The file's OCMW: every participant belongs to one. */
static gint64
ocmw_of (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  MiriamOcmw *ocmw = miriam_store_ensure_ocmw_record (store, &error);
  gint64 id;

  g_assert_no_error (error);
  id = ocmw->row.id;
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  return id;
}

static MiriamParticipant *
participant_new (MiriamStore *store,
                 const char  *first_name,
                 const char  *notes)
{
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);

  p->ocmw_id = ocmw_of (store);
  g_free (p->first_name);
  p->first_name = g_strdup (first_name);
  g_free (p->last_name);
  p->last_name = g_strdup ("Testfamilie");
  g_free (p->notes);
  p->notes = g_strdup (notes != NULL ? notes : "");
  return p;
}

static gint64
add_participant (MiriamStore *store,
                 const char  *first_name,
                 const char  *notes)
{
  g_autoptr(GError) error = NULL;
  MiriamParticipant *p = participant_new (store, first_name, notes);
  gint64 id;

  miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error);
  g_assert_no_error (error);
  id = p->row.id;
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  return id;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The first names in a database, sorted and joined: what a person would
 * compare between two lists. */
static char *
names_in (const char *path)
{
  g_autoptr(MiriamStore) store = miriam_store_new (path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  all = miriam_store_list (store, MIRIAM_RECORD_PARTICIPANT, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (names, ((MiriamParticipant *) all->pdata[i])->first_name);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  miriam_store_close (store);
  return g_strjoinv (",", (char **) names->pdata);
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *text = sql_text (path, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Overwrites the start of the page holding @table's rows with garbage:
 * the damage a failing disk or a cut copy leaves, somewhere the opening
 * itself never reads. */
static void
damage_table (const char *path,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_master WHERE name = '%s'", table);
  gint64 page = sql_int (path, sql);
  gint64 page_size = sql_int (path, "PRAGMA page_size");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_cmpint (page, >, 1);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) len, >=, page * page_size);
  memset (data + (page - 1) * page_size, 0xff, 16);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static GDateTime *
morning (int year,
         int month,
         int day)
{
  return g_date_time_new_local (year, month, day, 8, 30, 0);
}

static MiriamBackup *
back_up_at (MiriamStore       *store,
            const char        *folder,
            GDateTime         *when,
            MiriamBackupFlags  flags)
{
  g_autoptr(GError) error = NULL;
  MiriamBackup *backup = NULL;

  g_assert_true (miriam_store_back_up (store, folder, when, flags, &backup, &error));
  g_assert_no_error (error);
  return backup;
}

static GPtrArray *
list_backups (MiriamStore *store,
              const char  *folder)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *backups = miriam_store_list_backups (store, folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (backups);
  return backups;
}

/* ---------------------------------------------------------------------- */
/* Backups                                                                  */

static void
test_backup_is_a_copy (Fixture       *fx,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamBackup) backup = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = g_path_get_dirname (fx->folder);
  g_autofree char *base = g_path_get_basename (fx->folder);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;

  /* Beside the database, in a folder anybody recognises. */
  g_assert_cmpstr (dir, ==, fx->dir);
  g_assert_cmpstr (base, ==, "MIRIAM backups");

  add_participant (store, "Sarah", "Eerste gesprek");
  add_participant (store, "Fatima", NULL);
  add_participant (store, "Céline", NULL);

#ifdef G_OS_UNIX
  /* Only the team may read the database: its backups neither. */
  g_assert_cmpint (g_chmod (fx->path, 0600), ==, 0);
#endif
  backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup->path, G_FILE_TEST_IS_REGULAR));
#ifdef G_OS_UNIX
  {
    GStatBuf file_buf, folder_buf;

    g_assert_cmpint (g_stat (backup->path, &file_buf), ==, 0);
    g_assert_cmpint (g_stat (fx->folder, &folder_buf), ==, 0);
    g_assert_cmpint (file_buf.st_mode & 0077, ==, 0);
    g_assert_cmpint (folder_buf.st_mode & 0077, ==, 0);
  }
#endif
  g_assert_cmpint (backup->kind, ==, MIRIAM_BACKUP_DAILY);
  g_assert_cmpint (backup->size, >, 0);

  /* A MIRIAM database with the same women in it, sound, and still in the
   * mode that is safe on a share. */
  original = names_in (fx->path);
  copy = names_in (backup->path);
  g_assert_cmpstr (copy, ==, original);
  g_assert_cmpstr (copy, ==, "Céline,Fatima,Sarah");
  {
    g_autofree char *check = sql_text (backup->path, "PRAGMA quick_check");
    g_autofree char *mode = sql_text (backup->path, "PRAGMA journal_mode");
    g_assert_cmpstr (check, ==, "ok");
    g_assert_cmpstr (mode, ==, "delete");
  }

  /* Listed with its date, and nothing else is taken for a backup. */
  g_file_set_contents (g_build_filename (fx->folder, "notes.txt", NULL), "x", 1, NULL);
  backups = list_backups (store, fx->folder);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((MiriamBackup *) backups->pdata[0])->path, ==, backup->path);
  g_assert_cmpint (g_date_time_compare (((MiriamBackup *) backups->pdata[0])->made_at,
                                        backup->made_at), ==, 0);
  miriam_store_close (store);
}

static void
test_once_a_day (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(GDateTime) monday = morning (2026, 3, 9);
  g_autoptr(GDateTime) monday_later = g_date_time_add_hours (monday, 6);
  g_autoptr(GDateTime) tuesday = g_date_time_add_days (monday, 1);
  MiriamBackup *backup;
  g_autoptr(GPtrArray) backups = NULL;

  add_participant (store, "Sarah", NULL);

  /* The first start of the day makes one... */
  backup = back_up_at (store, fx->folder, monday, MIRIAM_BACKUP_IF_DUE);
  g_assert_nonnull (backup);
  miriam_backup_free (backup);
  /* ...a colleague starting in the afternoon does not... */
  backup = back_up_at (store, fx->folder, monday_later, MIRIAM_BACKUP_IF_DUE);
  g_assert_null (backup);
  /* ...the next day's first start does. */
  backup = back_up_at (store, fx->folder, tuesday, MIRIAM_BACKUP_IF_DUE);
  g_assert_nonnull (backup);
  miriam_backup_free (backup);

  backups = list_backups (store, fx->folder);
  g_assert_cmpuint (backups->len, ==, 2);
  /* Newest first. */
  g_assert_cmpint (g_date_time_get_day_of_month (((MiriamBackup *) backups->pdata[0])->made_at), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (((MiriamBackup *) backups->pdata[1])->made_at), ==, 9);
  miriam_store_close (store);
}

/* Which days of @days (GDateTime *, oldest first) a team should still
 * find: the 14 newest days, and the newest day of each of the 8 newest
 * weeks.  Written from the rule, independently of the store's code. */
static GHashTable *
expected_days (GPtrArray *days)
{
  GHashTable *keep = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTable *weeks = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = days->len; i-- > 0;)
    {
      GDateTime *day = days->pdata[i];
      int week = g_date_time_get_week_numbering_year (day) * 100 + g_date_time_get_week_of_year (day);

      if (days->len - i <= MIRIAM_BACKUP_KEEP_DAYS)
        g_hash_table_add (keep, GINT_TO_POINTER (g_date_time_get_day_of_year (day)
                                                 + 1000 * g_date_time_get_year (day)));
      if (!g_hash_table_contains (weeks, GINT_TO_POINTER (week))
          && g_hash_table_size (weeks) < MIRIAM_BACKUP_KEEP_WEEKS)
        {
          g_hash_table_add (weeks, GINT_TO_POINTER (week));
          g_hash_table_add (keep, GINT_TO_POINTER (g_date_time_get_day_of_year (day)
                                                   + 1000 * g_date_time_get_year (day)));
        }
    }
  g_hash_table_unref (weeks);
  return keep;
}

static void
assert_kept (MiriamStore *store,
             const char  *folder,
             GPtrArray   *days)
{
  g_autoptr(GHashTable) expected = expected_days (days);
  g_autoptr(GPtrArray) backups = list_backups (store, folder);
  g_autoptr(GHashTable) found = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < backups->len; i++)
    {
      MiriamBackup *backup = backups->pdata[i];

      if (backup->kind != MIRIAM_BACKUP_DAILY)
        continue;
      g_hash_table_add (found, GINT_TO_POINTER (g_date_time_get_day_of_year (backup->made_at)
                                                + 1000 * g_date_time_get_year (backup->made_at)));
    }

  g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_true (g_hash_table_contains (found, key));
  }
}

static void
test_rotation (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) start = morning (2026, 1, 5);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  guint n_weekly_only = 0;

  add_participant (store, "Sarah", NULL);

  /* A copy kept before a restore is the way back: rotation leaves it. */
  g_assert_true (miriam_store_back_up (store, fx->folder, start, MIRIAM_BACKUP_ALWAYS, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) first = list_backups (store, fx->folder);
    g_assert_true (miriam_store_restore_backup (store, ((MiriamBackup *) first->pdata[0])->path,
                                                fx->folder, &kept, &error));
    g_assert_no_error (error);
  }
  g_ptr_array_add (days, g_date_time_ref (start));

  /* Working days only, for four months: holidays and weekends make no
   * backups, and those days do not count. */
  for (int i = 1; i < 120; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, i);
      MiriamBackup *backup;

      if (g_date_time_get_day_of_week (day) >= 6)
        continue;
      backup = back_up_at (store, fx->folder, day, MIRIAM_BACKUP_IF_DUE);
      g_assert_nonnull (backup);
      miriam_backup_free (backup);
      g_ptr_array_add (days, g_date_time_ref (day));

      /* Every day, not only at the end: the rule holds as days go by. */
      assert_kept (store, fx->folder, days);
    }

  /* Two weeks of days, and some weeks further back, one a week. */
  backups = list_backups (store, fx->folder);
  for (guint i = 0; i < backups->len; i++)
    {
      MiriamBackup *backup = backups->pdata[i];
      GTimeSpan age = g_date_time_difference (days->pdata[days->len - 1], backup->made_at);

      if (backup->kind == MIRIAM_BACKUP_DAILY && age > 20 * G_TIME_SPAN_DAY)
        {
          n_weekly_only++;
          g_assert_cmpint (g_date_time_get_day_of_week (backup->made_at), ==, 5);   /* a Friday */
          g_assert_cmpint (age, <, 8 * 7 * G_TIME_SPAN_DAY);
        }
    }
  g_assert_cmpuint (n_weekly_only, >=, 4);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  miriam_store_close (store);
}

/* A colleague saves all the time while the backup is made: every save
 * lands, and the backup is one moment of the file, sound. */
typedef struct {
  const char    *path;
  volatile gint  stop;
  guint          saved;
  GError        *error;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(MiriamStore) store = miriam_store_new (w->path);

  miriam_store_set_user_name (store, "Collega");
  if (!miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &w->error))
    return NULL;
  while (!g_atomic_int_get (&w->stop))
    {
      g_autofree char *name = g_strdup_printf ("Collega %u", w->saved);
      MiriamParticipant *p = participant_new (store, name, NULL);
      gboolean ok;

      ok = miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &w->error);
      miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
      if (!ok)
        break;
      w->saved++;
    }
  miriam_store_close (store);
  return NULL;
}

static void
test_backup_while_writing (Fixture       *fx,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  Writer writer = { fx->path, 0, 0, NULL };
  GThread *thread;
  gint64 previous = 0;

  /* Some bulk, so that a copy takes a moment. */
  for (int i = 0; i < 200; i++)
    add_participant (store, "Sarah", "Een lange notitie over het gesprek van vandaag, met afspraken.");

  thread = g_thread_new ("colleague", writer_thread, &writer);
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(MiriamBackup) backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);
      g_autofree char *check = sql_text (backup->path, "PRAGMA quick_check");
      gint64 n = sql_int (backup->path, "SELECT count(*) FROM participant");

      g_assert_cmpstr (check, ==, "ok");
      /* A moment of the file: never fewer women than an earlier copy. */
      g_assert_cmpint (n, >=, previous);
      g_assert_cmpint (n, >=, 200);
      previous = n;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);

  g_assert_no_error (writer.error);
  g_assert_cmpuint (writer.saved, >, 0);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM participant"), ==, 200 + writer.saved);
  miriam_store_close (store);
}

/* ---------------------------------------------------------------------- */
/* Restoring                                                                */

static void
test_restore (Fixture       *fx,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamBackup) backup = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autofree char *kept_names = NULL;
  gint64 sarah;

  sarah = add_participant (store, "Sarah", NULL);
  add_participant (store, "Fatima", NULL);
  backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);

  /* Later that day something goes wrong: a file is emptied by mistake,
   * another one added. */
  {
    MiriamParticipant *p = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, sarah, &error);
    g_assert_no_error (error);
    g_free (p->first_name);
    p->first_name = g_strdup ("Leeg");
    miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error);
    g_assert_no_error (error);
    miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  }
  add_participant (store, "Céline", NULL);

  /* Restored while this store still has the file open. */
  g_assert_true (miriam_store_restore_backup (store, backup->path, fx->folder, &kept, &error));
  g_assert_no_error (error);

  names = names_in (fx->path);
  g_assert_cmpstr (names, ==, "Fatima,Sarah");
  g_assert_cmpstr (sql_text (fx->path, "PRAGMA quick_check"), ==, "ok");

  /* What was replaced is kept, whole, beside the backups and listed. */
  g_assert_nonnull (kept);
  kept_names = names_in (kept);
  g_assert_cmpstr (kept_names, ==, "Céline,Fatima,Leeg");
  backups = list_backups (store, fx->folder);
  g_assert_cmpuint (backups->len, ==, 2);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < backups->len; i++)
      {
        MiriamBackup *b = backups->pdata[i];
        if (b->kind == MIRIAM_BACKUP_BEFORE_RESTORE)
          {
            found = TRUE;
            g_assert_cmpstr (b->path, ==, kept);
          }
      }
    g_assert_true (found);
  }

  /* The open store, opened again, works on the restored data. */
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);
  add_participant (store, "Na herstel", NULL);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM participant"), ==, 3);

  /* And the restore can itself be undone from the kept copy. */
  g_clear_pointer (&kept, g_free);
  {
    g_autoptr(GPtrArray) now = list_backups (store, fx->folder);
    const char *undo = NULL;
    for (guint i = 0; i < now->len; i++)
      if (((MiriamBackup *) now->pdata[i])->kind == MIRIAM_BACKUP_BEFORE_RESTORE)
        undo = ((MiriamBackup *) now->pdata[i])->path;
    g_assert_true (miriam_store_restore_backup (store, undo, fx->folder, &kept, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&names, g_free);
  names = names_in (fx->path);
  g_assert_cmpstr (names, ==, "Céline,Fatima,Leeg");
  miriam_store_close (store);
}

static void
test_restore_damaged_backup (Fixture       *fx,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamBackup) backup = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  for (int i = 0; i < 30; i++)
    add_participant (store, "Sarah", "Notitie");
  backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);
  damage_table (backup->path, "participant");
  add_participant (store, "Fatima", NULL);
  miriam_store_close (store);
  before = read_bytes (fx->path);

  g_assert_false (miriam_store_restore_backup (store, backup->path, fx->folder, &kept, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT);
  g_assert_null (kept);
  g_assert_nonnull (strstr (error->message, "backup"));

  /* Not a byte of the database changed, and no copy was needed. */
  after = read_bytes (fx->path);
  g_assert_true (g_bytes_equal (before, after));
  backups = list_backups (store, fx->folder);
  g_assert_cmpuint (backups->len, ==, 1);

  /* Some other file is refused too. */
  g_clear_error (&error);
  {
    g_autofree char *text = g_build_filename (fx->dir, "notes.sqlite", NULL);
    g_file_set_contents (text, "Geen databank\n", -1, NULL);
    g_assert_false (miriam_store_restore_backup (store, text, fx->folder, NULL, &error));
    g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE);
  }
}

/* The restore dialog's case: the database itself is damaged.  Restoring
 * works on it, with damaged pages, and without a first page at all. */
static void
test_restore_over_damage (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept_bytes = NULL;

  for (int i = 0; i < 30; i++)
    add_participant (store, i == 0 ? "Sarah" : "Fatima", "Notitie");
  backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);
  miriam_store_close (store);

  damage_table (fx->path, "participant");
  damaged = read_bytes (fx->path);
  g_assert_false (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (miriam_store_restore_backup (store, backup->path, fx->folder, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);
  miriam_store_close (store);
  names = names_in (fx->path);
  g_assert_true (g_str_has_prefix (names, "Fatima,"));
  g_assert_true (g_str_has_suffix (names, ",Sarah"));
  /* The damaged file is kept as it was, for IT to look at. */
  kept_bytes = read_bytes (kept);
  g_assert_true (g_bytes_equal (kept_bytes, damaged));

  /* A first page overwritten: SQLite no longer sees a database there. */
  {
    g_autofree char *bytes = NULL;
    gsize len = 0;

    g_file_get_contents (fx->path, &bytes, &len, NULL);
    memset (bytes, 0x55, 4096);
    g_file_set_contents (fx->path, bytes, len, NULL);
  }
  g_clear_pointer (&kept, g_free);
  g_assert_true (miriam_store_restore_backup (store, backup->path, fx->folder, &kept, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = names_in (fx->path);
  g_assert_true (g_str_has_suffix (names, ",Sarah"));
}

/* ---------------------------------------------------------------------- */
/* Checks                                                                   */

static void
test_check_at_open (Fixture       *fx,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 30; i++)
    add_participant (store, "Sarah", "Notitie");
  miriam_store_close (store);

  /* Sound: it opens. */
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);
  miriam_store_close (store);

  /* A damaged page the opening itself never reads: still caught there,
   * before anyone works on the file. */
  damage_table (fx->path, "participant");
  g_assert_false (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT);
  g_assert_false (miriam_store_is_open (store));
  /* The message says what to do, and names no person. */
  g_assert_nonnull (strstr (error->message, "backup"));
  g_assert_null (strstr (error->message, "Sarah"));
}

/* A file too big for the check at every open is checked by the daily
 * backup, which refuses to keep a damaged copy and says why. */
static void
test_check_by_backup (Fixture       *fx,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamStoreDiagnostics) diagnostics = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = g_strnfill (3000, 'n');
  MiriamBackup *backup = NULL;

  /* Past the size checked at every open (1 MiB). */
  for (int i = 0; i < 500; i++)
    add_participant (store, "Sarah", long_note);
  miriam_store_close (store);
  g_assert_cmpint (sql_int (fx->path, "PRAGMA page_count"), >, 256);

  damage_table (fx->path, "participant");
  g_assert_true (miriam_store_open (store, MIRIAM_STORE_OPEN_EXISTING, &error));
  g_assert_no_error (error);

  g_assert_false (miriam_store_back_up (store, fx->folder, NULL, MIRIAM_BACKUP_IF_DUE, &backup, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (backup);
  backups = list_backups (store, fx->folder);
  g_assert_cmpuint (backups->len, ==, 0);

  /* IT reads what happened. */
  diagnostics = miriam_store_get_diagnostics (store, fx->folder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (diagnostics->last_backup_check, ==, MIRIAM_BACKUP_CHECK_DAMAGED);
  g_assert_nonnull (diagnostics->last_backup_at);
  miriam_store_close (store);
}

static void
test_diagnostics (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(MiriamStoreDiagnostics) d = NULL;
  g_autoptr(MiriamBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  add_participant (store, "Sarah", NULL);

  d = miriam_store_get_diagnostics (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->path, ==, fx->path);
  g_assert_cmpstr (d->journal_mode, ==, "delete");
  g_assert_cmpint (d->lock, ==, MIRIAM_LOCK_FREE);
  g_assert_false (d->journal_present);
  g_assert_cmpint (d->file_version, ==, miriam_store_schema_version ());
  g_assert_cmpint (d->app_version, ==, miriam_store_schema_version ());
  g_assert_cmpstr (d->sqlite_version, ==, sqlite3_libversion ());
  g_assert_cmpint (d->size, >, 0);
  g_assert_cmpstr (d->backup_folder, ==, fx->folder);
  g_assert_nonnull (d->filesystem_type);
  /* A temporary folder is on this computer. */
  g_assert_false (d->remote);
  g_assert_cmpint (d->last_backup_check, ==, MIRIAM_BACKUP_CHECK_NONE);
  g_assert_null (d->last_backup_at);
  g_clear_pointer (&d, miriam_store_diagnostics_free);

  backup = back_up_at (store, fx->folder, NULL, MIRIAM_BACKUP_ALWAYS);
  d = miriam_store_get_diagnostics (store, fx->folder, &error);
  g_assert_cmpint (d->last_backup_check, ==, MIRIAM_BACKUP_CHECK_OK);
  g_assert_cmpstr (d->last_backup_path, ==, backup->path);
  g_assert_cmpint (g_date_time_compare (d->last_backup_at, backup->made_at), ==, 0);
  g_clear_pointer (&d, miriam_store_diagnostics_free);

  /* Another program reading, then saving: seen without waiting. */
  g_assert_cmpint (sqlite3_open (fx->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN; SELECT count(*) FROM participant;", NULL, NULL, NULL), ==, SQLITE_OK);
  d = miriam_store_get_diagnostics (store, NULL, &error);
  g_assert_cmpint (d->lock, ==, MIRIAM_LOCK_READING);
  g_clear_pointer (&d, miriam_store_diagnostics_free);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK; BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    gint64 start = g_get_monotonic_time ();
    d = miriam_store_get_diagnostics (store, NULL, &error);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
  }
  g_assert_cmpint (d->lock, ==, MIRIAM_LOCK_WRITING);
  g_clear_pointer (&d, miriam_store_diagnostics_free);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* The diagnostics themselves leave the file free. */
  d = miriam_store_get_diagnostics (store, NULL, &error);
  g_assert_cmpint (d->lock, ==, MIRIAM_LOCK_FREE);
  miriam_store_close (store);
}

/* The async variants, as the window uses them. */
typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
done_cb (GObject      *object G_GNUC_UNUSED,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  g_main_loop_run (w->loop);
  return w->result;
}

static void
test_async (Fixture       *fx,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop, NULL };
  g_autoptr(MiriamBackup) backup = NULL;
  MiriamBackup *none = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(MiriamStoreDiagnostics) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  add_participant (store, "Sarah", NULL);

  miriam_store_back_up_async (store, fx->folder, MIRIAM_BACKUP_IF_DUE, NULL, done_cb, &w);
  g_assert_true (miriam_store_back_up_finish (store, wait_for (&w), &backup, &error));
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_clear_object (&w.result);

  miriam_store_back_up_async (store, fx->folder, MIRIAM_BACKUP_IF_DUE, NULL, done_cb, &w);
  g_assert_true (miriam_store_back_up_finish (store, wait_for (&w), &none, &error));
  g_assert_null (none);
  g_clear_object (&w.result);

  miriam_store_list_backups_async (store, fx->folder, NULL, done_cb, &w);
  backups = miriam_store_list_backups_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_object (&w.result);

  miriam_store_restore_backup_async (store, backup->path, fx->folder, NULL, done_cb, &w);
  kept = miriam_store_restore_backup_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&w.result);

  miriam_store_get_diagnostics_async (store, fx->folder, NULL, done_cb, &w);
  d = miriam_store_get_diagnostics_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->journal_mode, ==, "delete");
  g_clear_object (&w.result);

  /* A folder that cannot be made: a clear error, nothing else. */
  {
    g_autofree char *blocker = g_build_filename (fx->dir, "blocker", NULL);
    g_autofree char *inside = g_build_filename (blocker, "backups", NULL);

    g_file_set_contents (blocker, "", 0, NULL);
    miriam_store_back_up_async (store, inside, MIRIAM_BACKUP_IF_DUE, NULL, done_cb, &w);
    g_assert_false (miriam_store_back_up_finish (store, wait_for (&w), &none, &error));
    g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS);
    g_clear_object (&w.result);
  }
  miriam_store_close (store);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/backup/copy", test_backup_is_a_copy);
  add_test ("/backup/once-a-day", test_once_a_day);
  add_test ("/backup/rotation", test_rotation);
  add_test ("/backup/while-writing", test_backup_while_writing);
  add_test ("/backup/restore", test_restore);
  add_test ("/backup/restore/damaged-backup", test_restore_damaged_backup);
  add_test ("/backup/restore/over-damage", test_restore_over_damage);
  add_test ("/backup/check/at-open", test_check_at_open);
  add_test ("/backup/check/by-backup", test_check_by_backup);
  add_test ("/backup/diagnostics", test_diagnostics);
  add_test ("/backup/async", test_async);

  return g_test_run ();
}
