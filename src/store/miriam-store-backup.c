/* miriam-store-backup.c: daily backups, restoring one, and checks for IT
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is made with SQLite's online backup API from a connection of
 * its own, in one step: it holds a read lock for the copy, so the copy is
 * one consistent moment of the file, and colleagues who save meanwhile
 * wait a moment (their busy handler) instead of failing.  The copy is
 * written under a temporary name, checked (PRAGMA quick_check) from a
 * fresh connection, and only then given its name: a backup that is
 * listed is a good one.
 *
 * Names tell the database and the moment, so a folder may hold the
 * backups of several databases, and a copy to a USB stick keeps its date:
 *   team-2026-03-14-081502.sqlite                 (daily)
 *   team-before-restore-2026-03-14-101233.sqlite  (kept before a restore)
 *
 * Nothing here runs on the store's thread: these jobs use connections of
 * their own, so that a backup of a big file on a slow share does not hold
 * up the lists the window is loading.
 */
#define G_LOG_DOMAIN "miriam-store"

#include "config.h"

#include "miriam-store-checks.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* The default folder's name; the same for the whole team whatever their
 * language, so that everybody's MIRIAM finds the same backups. */
#define DEFAULT_FOLDER_NAME "MIRIAM backups"
#define BEFORE_RESTORE "before-restore-"
#define STAMP_FORMAT "%Y-%m-%d-%H%M%S"
#define STAMP_LENGTH 17   /* 2026-03-14-081502 */
#define PARTIAL_SUFFIX ".partial"
#define STATUS_SUFFIX "-backup-status.ini"
#define STATUS_GROUP "backup"

/* How long a backup or a restore waits for colleagues' locks. */
#define LOCK_WAIT_MS 30000

/* ---------------------------------------------------------------------- */
/* Small things                                                             */

void
miriam_backup_free (MiriamBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->made_at, g_date_time_unref);
  g_free (backup);
}

void
miriam_store_diagnostics_free (MiriamStoreDiagnostics *d)
{
  if (d == NULL)
    return;
  g_free (d->path);
  g_free (d->filesystem_type);
  g_free (d->journal_mode);
  g_free (d->sqlite_version);
  g_free (d->backup_folder);
  g_clear_pointer (&d->last_backup_at, g_date_time_unref);
  g_free (d->last_backup_path);
  g_free (d);
}

char *
miriam_store_default_backup_folder (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, DEFAULT_FOLDER_NAME, NULL);
}

/* The same messages as the store's own (miriam-store.c), so that a person
 * reads one wording whatever the operation. */
static void
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  g_debug ("SQLite error %d: %s", rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_BUSY,
                           _("Colleagues kept the database file busy for too long. "
                             "Nothing was lost; please try again in a moment."));
      break;
    case SQLITE_CORRUPT:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                           _("The database file is damaged. Restore a backup or ask your IT service for help."));
      break;
    case SQLITE_NOTADB:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE,
                           _("The file is there, but it holds something other than a MIRIAM database. "
                             "Check that you chose the right file."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_READONLY:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                           _("The database file cannot be opened. Check that the network drive is "
                             "connected and that you may use this file."));
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                           _("The disk holding the backup is full. Nothing was changed."));
      break;
    default:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                           _("The database file could not be read or written. Check that the "
                             "network drive is connected, then try again."));
      break;
    }
}

static sqlite3 *
open_db (const char  *path,
         int          flags,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, LOCK_WAIT_MS);
  return db;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
miriam_store_quick_check (sqlite3  *db,
                          GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          /* Its findings name pages and indexes, never the data. */
          const char *finding = (const char *) sqlite3_column_text (stmt, 0);

          ok = g_strcmp0 (finding, "ok") == 0;
          if (!ok)
            g_debug ("quick_check: %s", finding);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }
  if (!ok)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                           _("The database file is damaged. Restore a backup or ask your IT service for help."));
      return FALSE;
    }
  return TRUE;
}

/* A file left in WAL mode must not be opened here: reading it would make
 * the -wal and -shm files that are unsafe on a share. */
static gboolean
header_says_wal (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  guint8 header[20];
  gsize n_read = 0;

  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL, NULL)
      || n_read < sizeof header
      || memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;
  return header[18] == 2 || header[19] == 2;
}

static void
set_wal_error (GError **error)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_WAL,
                       _("The database file is in a mode that is not safe on a network "
                         "drive, and it could not be switched back. Ask your IT service "
                         "for help."));
}

static void
set_folder_error (GError **error)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                       _("The backup folder cannot be created or written to. Choose another "
                         "backup folder in Preferences, or ask your IT service for help."));
}

/* The backups hold what the database holds: the folder and the files
 * get the database's own permissions, never wider ones (a backup folder
 * made on a shared Linux machine must not be readable by everyone). */
static gboolean
make_folder_like (const char *folder,
                  const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  GStatBuf buf;
  int mode = g_stat (dir, &buf) == 0 ? (int) (buf.st_mode & 0777) : 0700;

  return g_mkdir_with_parents (folder, mode) == 0;
}

static void
chmod_like (const char *path,
            const char *database_path)
{
  GStatBuf buf;

  if (g_stat (database_path, &buf) == 0)
    g_chmod (path, buf.st_mode & 0666);
}

/* ---------------------------------------------------------------------- */
/* Names                                                                    */

static int
day_key (GDateTime *t)
{
  int y, m, d;

  g_date_time_get_ymd (t, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

typedef struct {
  char *stem;   /* "team" for team.sqlite */
  char *ext;    /* ".sqlite"; a file without one gets ".sqlite" */
} Names;

static void
names_init (Names      *names,
            const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  const char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    {
      names->stem = g_strndup (base, dot - base);
      names->ext = g_strdup (dot);
    }
  else
    {
      names->stem = g_strdup (base);
      names->ext = g_strdup (".sqlite");
    }
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->stem, g_free);
  g_clear_pointer (&names->ext, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static char *
backup_name (const Names      *names,
             MiriamBackupKind  kind,
             GDateTime        *when)
{
  g_autofree char *stamp = g_date_time_format (when, STAMP_FORMAT);

  return g_strconcat (names->stem, "-", kind == MIRIAM_BACKUP_BEFORE_RESTORE ? BEFORE_RESTORE : "",
                      stamp, names->ext, NULL);
}

/* A name in @folder no other backup has, dated after every backup there:
 * two made within one second (a restore and its undo, two colleagues
 * starting at once) are dated a second apart, and the one made last is
 * the newest, which rotation keeps. */
static char *
free_path (const Names      *names,
           const char       *folder,
           MiriamBackupKind  kind,
           GDateTime        *when,
           GPtrArray        *existing)
{
  g_autoptr(GDateTime) t = g_date_time_ref (when);

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      MiriamBackup *backup = existing->pdata[i];

      if (g_date_time_compare (backup->made_at, t) >= 0 && day_key (backup->made_at) == day_key (when))
        {
          g_date_time_unref (t);
          t = g_date_time_add_seconds (backup->made_at, 1);
        }
    }

  for (int second = 0; ; second++)
    {
      g_autoptr(GDateTime) moved = g_date_time_add_seconds (t, second);
      g_autofree char *name = backup_name (names, kind, moved);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || second >= 600)
        return path;
      g_free (path);
    }
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* "2026-03-14-081502" as local time, or NULL. */
static GDateTime *
parse_stamp (const char *s)
{
  g_autoptr(GTimeZone) local = NULL;

  if (strlen (s) != STAMP_LENGTH || s[4] != '-' || s[7] != '-' || s[10] != '-'
      || !all_digits (s, 4) || !all_digits (s + 5, 2) || !all_digits (s + 8, 2)
      || !all_digits (s + 11, 6))
    return NULL;

  local = g_time_zone_new_local ();
  return g_date_time_new (local,
                          (int) g_ascii_strtoll (s, NULL, 10), (int) g_ascii_strtoll (s + 5, NULL, 10),
                          (int) g_ascii_strtoll (s + 8, NULL, 10),
                          (s[11] - '0') * 10 + (s[12] - '0'),
                          (s[13] - '0') * 10 + (s[14] - '0'),
                          (s[15] - '0') * 10 + (s[16] - '0'));
}

/* A MiriamBackup for a file of @folder named like this database's
 * backups, else NULL. */
static MiriamBackup *
parse_backup (const Names *names,
              const char  *folder,
              const char  *name)
{
  gsize stem_len = strlen (names->stem), ext_len = strlen (names->ext), len = strlen (name);
  g_autofree char *middle = NULL;
  const char *stamp;
  MiriamBackupKind kind = MIRIAM_BACKUP_DAILY;
  MiriamBackup *backup;
  GDateTime *made_at;
  GStatBuf buf;

  if (len <= stem_len + 1 + ext_len
      || strncmp (name, names->stem, stem_len) != 0 || name[stem_len] != '-'
      || strcmp (name + len - ext_len, names->ext) != 0)
    return NULL;

  middle = g_strndup (name + stem_len + 1, len - stem_len - 1 - ext_len);
  stamp = middle;
  if (g_str_has_prefix (middle, BEFORE_RESTORE))
    {
      kind = MIRIAM_BACKUP_BEFORE_RESTORE;
      stamp += strlen (BEFORE_RESTORE);
    }
  if ((made_at = parse_stamp (stamp)) == NULL)
    return NULL;

  backup = g_new0 (MiriamBackup, 1);
  backup->path = g_build_filename (folder, name, NULL);
  backup->made_at = made_at;
  backup->kind = kind;
  backup->size = g_stat (backup->path, &buf) == 0 ? (goffset) buf.st_size : -1;
  return backup;
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  const MiriamBackup *x = *(MiriamBackup * const *) a;
  const MiriamBackup *y = *(MiriamBackup * const *) b;
  int order = g_date_time_compare (y->made_at, x->made_at);

  return order != 0 ? order : g_strcmp0 (y->path, x->path);
}

static GPtrArray *
list_backups (const char  *database_path,
              const char  *folder,
              GError     **error)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_backup_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  g_auto(Names) names = { 0 };

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return backups;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_debug ("Cannot list the backup folder: %s", local_error->message);
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                           _("The backup folder cannot be read. Check that the network drive is "
                             "connected and that you may use this folder."));
      g_ptr_array_unref (backups);
      return NULL;
    }

  names_init (&names, database_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      MiriamBackup *backup = parse_backup (&names, folder, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, newest_first);
  return backups;
}

/* ---------------------------------------------------------------------- */
/* What the last backup found, for the diagnostics                         */

static char *
status_path (const char *database_path,
             const char *folder)
{
  g_auto(Names) names = { 0 };
  g_autofree char *name = NULL;

  names_init (&names, database_path);
  name = g_strconcat (names.stem, STATUS_SUFFIX, NULL);
  return g_build_filename (folder, name, NULL);
}

static const char * const check_codes[] = {
  [MIRIAM_BACKUP_CHECK_NONE] = "none",
  [MIRIAM_BACKUP_CHECK_OK] = "ok",
  [MIRIAM_BACKUP_CHECK_DAMAGED] = "damaged",
  [MIRIAM_BACKUP_CHECK_FAILED] = "failed",
};

/* Best effort: a folder that cannot take the record cannot take backups
 * either, and the diagnostics then say there is none. */
static void
record_status (const char        *database_path,
               const char        *folder,
               GDateTime         *when,
               const char        *backup_path,
               MiriamBackupCheck  check)
{
  g_autofree char *path = status_path (database_path, folder);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *stamp = g_date_time_format (when, STAMP_FORMAT);
  g_autofree char *name = backup_path != NULL ? g_path_get_basename (backup_path) : g_strdup ("");
  g_autoptr(GError) error = NULL;

  g_key_file_set_string (keys, STATUS_GROUP, "time", stamp);
  g_key_file_set_string (keys, STATUS_GROUP, "file", name);
  g_key_file_set_string (keys, STATUS_GROUP, "check", check_codes[check]);
  if (!g_key_file_save_to_file (keys, path, &error))
    g_debug ("Could not record the backup's outcome: %s", error->message);
}

static void
read_status (const char             *database_path,
             MiriamStoreDiagnostics *d)
{
  g_autofree char *path = status_path (database_path, d->backup_folder);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *check = NULL;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return;

  stamp = g_key_file_get_string (keys, STATUS_GROUP, "time", NULL);
  name = g_key_file_get_string (keys, STATUS_GROUP, "file", NULL);
  check = g_key_file_get_string (keys, STATUS_GROUP, "check", NULL);
  if (stamp == NULL || (d->last_backup_at = parse_stamp (stamp)) == NULL)
    return;

  d->last_backup_check = MIRIAM_BACKUP_CHECK_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (check_codes); i++)
    if (g_strcmp0 (check, check_codes[i]) == 0)
      d->last_backup_check = i;
  if (name != NULL && name[0] != '\0')
    d->last_backup_path = g_build_filename (d->backup_folder, name, NULL);
}

/* ---------------------------------------------------------------------- */
/* Rotation                                                                 */

static int
week_key (GDateTime *t)
{
  return g_date_time_get_week_numbering_year (t) * 100 + g_date_time_get_week_of_year (t);
}

/* Keeps the newest daily backup of each of the last KEEP_DAYS days that
 * have one and of each of the last KEEP_WEEKS weeks that have one.  The
 * rule only ever looks at what is there, so a team that skips days
 * (holidays, a weekend) keeps 14 backups all the same, and running it
 * twice changes nothing.  Copies kept before a restore are never
 * removed here: they are the way back from a restore. */
static void
rotate (const char *database_path,
        const char *folder)
{
  g_autoptr(GPtrArray) backups = list_backups (database_path, folder, NULL);
  int last_day = 0, last_week = 0;
  guint n_days = 0, n_weeks = 0;

  if (backups == NULL)
    return;

  for (guint i = 0; i < backups->len; i++)
    {
      MiriamBackup *backup = backups->pdata[i];
      int day = day_key (backup->made_at), week = week_key (backup->made_at);
      gboolean keep = FALSE;

      if (backup->kind != MIRIAM_BACKUP_DAILY)
        continue;
      /* Newest first: the first one seen of a day or a week is its newest. */
      if (day != last_day)
        {
          last_day = day;
          if (n_days++ < MIRIAM_BACKUP_KEEP_DAYS)
            keep = TRUE;
        }
      if (week != last_week)
        {
          last_week = week;
          if (n_weeks++ < MIRIAM_BACKUP_KEEP_WEEKS)
            keep = TRUE;
        }
      if (!keep && g_remove (backup->path) != 0)
        g_debug ("Could not remove an old backup");
    }
}

/* Copies a crash left behind under their temporary names. */
static void
remove_stale_partials (const char *folder,
                       GDateTime  *now)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;

      if (name[0] != '~' || !g_str_has_suffix (name, PARTIAL_SUFFIX))
        continue;
      path = g_build_filename (folder, name, NULL);
      /* A colleague may be writing one right now: only old ones go. */
      if (g_stat (path, &buf) == 0 && g_date_time_to_unix (now) - (gint64) buf.st_mtime > 24 * 3600)
        g_remove (path);
    }
}

/* ---------------------------------------------------------------------- */
/* Copying with the online backup API                                       */

/* Copies all of @from into @to in one step; a colleague's lock makes it
 * wait and try again, never fail at once. */
static gboolean
copy_database (sqlite3  *to,
               sqlite3  *from,
               GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  gint64 deadline = g_get_monotonic_time () + LOCK_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  int rc, finish_rc;

  if (backup == NULL)
    {
      set_sqlite_error (to, sqlite3_extended_errcode (to), error);
      return FALSE;
    }

  for (;;)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      if (g_get_monotonic_time () > deadline)
        break;
      g_usleep ((50 + g_random_int_range (0, 50)) * G_TIME_SPAN_MILLISECOND);
    }
  finish_rc = sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (to, rc, error);
      return FALSE;
    }
  if (finish_rc != SQLITE_OK)
    {
      set_sqlite_error (to, finish_rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Opens @path read-only and checks it: a damaged or foreign file is
 * refused with the reason. */
static gboolean
check_file (const char  *path,
            gboolean     must_be_miriam,
            GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  if (header_says_wal (path))
    {
      set_wal_error (error);
      return FALSE;
    }
  if ((db = open_db (path, SQLITE_OPEN_READONLY, error)) == NULL)
    return FALSE;

  ok = miriam_store_quick_check (db, error);
  if (ok && must_be_miriam && query_int (db, "PRAGMA application_id", 0) != 0x4D49524D)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE,
                           _("This file is a database of another program, not of MIRIAM."));
      ok = FALSE;
    }
  sqlite3_close_v2 (db);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Backing up                                                               */

static gboolean
has_backup_of_day (GPtrArray *backups,
                   GDateTime *when)
{
  for (guint i = 0; i < backups->len; i++)
    {
      MiriamBackup *backup = backups->pdata[i];

      if (backup->kind == MIRIAM_BACKUP_DAILY && day_key (backup->made_at) == day_key (when))
        return TRUE;
    }
  return FALSE;
}

/* The database into @partial, then checked from a fresh connection: what
 * counts is what reached the disk, not the pages still in memory. */
static gboolean
write_copy (const char  *database_path,
            const char  *partial,
            GError     **error)
{
  int flags = g_access (database_path, W_OK) == 0 ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  sqlite3 *from, *to;
  gboolean ok;

  /* Read-write when allowed: a crashed colleague's hot journal must be
   * rolled back before the file is read, and that needs write access. */
  if ((from = open_db (database_path, flags, error)) == NULL)
    return FALSE;
  if ((to = open_db (partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error)) == NULL)
    {
      sqlite3_close_v2 (from);
      return FALSE;
    }

  /* The copy needs no journal: a copy cut short is thrown away. */
  ok = exec (to, "PRAGMA journal_mode = OFF", error)
       && copy_database (to, from, error);
  sqlite3_close_v2 (to);
  sqlite3_close_v2 (from);

  return ok && check_file (partial, FALSE, error);
}

static gboolean
back_up (const char         *database_path,
         const char         *folder,
         GDateTime          *when,
         MiriamBackupFlags   flags,
         MiriamBackup      **out,
         GError            **error)
{
  g_autoptr(GDateTime) now = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_local ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *name = NULL;
  g_autofree char *final = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(Names) names = { 0 };

  *out = NULL;

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FILE_MISSING,
                           _("The database file cannot be found. It may have been moved, renamed "
                             "or deleted."));
      return FALSE;
    }
  if (header_says_wal (database_path))
    {
      set_wal_error (error);
      return FALSE;
    }
  if (!make_folder_like (folder, database_path))
    {
      set_folder_error (error);
      return FALSE;
    }

  if ((backups = list_backups (database_path, folder, error)) == NULL)
    return FALSE;
  if ((flags & MIRIAM_BACKUP_IF_DUE) && has_backup_of_day (backups, now))
    return TRUE;

  names_init (&names, database_path);
  final = free_path (&names, folder, MIRIAM_BACKUP_DAILY, now, backups);
  name = g_path_get_basename (final);
  {
    /* Unique, so that two colleagues starting at once never share one. */
    g_autofree char *tmp_name = g_strdup_printf ("~%s.%08x%s", name, g_random_int (), PARTIAL_SUFFIX);
    partial = g_build_filename (folder, tmp_name, NULL);
  }

  if (!write_copy (database_path, partial, &local_error))
    {
      g_remove (partial);
      record_status (database_path, folder, now, NULL,
                     g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT)
                     ? MIRIAM_BACKUP_CHECK_DAMAGED : MIRIAM_BACKUP_CHECK_FAILED);
      /* A damaged copy means a damaged database: say so in its terms. */
      if (g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT))
        g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                             _("The daily check found damage in the database file. No backup was "
                               "made today; the earlier backups are kept. Restore a backup or ask "
                               "your IT service for help."));
      else if (g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS)
               && g_access (folder, W_OK) != 0)
        set_folder_error (error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  chmod_like (partial, database_path);
  /* A colleague who made this very backup in the same second wins. */
  if (g_file_test (final, G_FILE_TEST_EXISTS))
    g_remove (partial);
  else if (g_rename (partial, final) != 0)
    {
      g_remove (partial);
      record_status (database_path, folder, now, NULL, MIRIAM_BACKUP_CHECK_FAILED);
      set_folder_error (error);
      return FALSE;
    }

  record_status (database_path, folder, now, final, MIRIAM_BACKUP_CHECK_OK);
  rotate (database_path, folder);
  remove_stale_partials (folder, now);

  *out = parse_backup (&names, folder, name);
  return TRUE;
}

gboolean
miriam_store_back_up (MiriamStore        *self,
                      const char         *folder,
                      GDateTime          *when,
                      MiriamBackupFlags   flags,
                      MiriamBackup      **backup,
                      GError            **error)
{
  MiriamBackup *made = NULL;
  gboolean ok;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  ok = back_up (miriam_store_get_path (self), folder, when, flags, &made, error);
  if (backup != NULL)
    *backup = made;
  else
    miriam_backup_free (made);
  return ok;
}

typedef struct {
  char              *path;
  char              *folder;
  char              *backup_path;
  MiriamBackupFlags  flags;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->folder);
  g_free (job->backup_path);
  g_free (job);
}

static Job *
job_new (MiriamStore *self,
         const char  *folder,
         const char  *backup_path)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (miriam_store_get_path (self));
  job->folder = g_strdup (folder);
  job->backup_path = g_strdup (backup_path);
  return job;
}

/* A task's result when the backup was not due: TRUE without a backup. */
typedef struct {
  MiriamBackup *backup;
} BackupResult;

static void
backup_result_free (gpointer data)
{
  BackupResult *result = data;

  miriam_backup_free (result->backup);
  g_free (result);
}

static void
back_up_thread (GTask        *task,
                gpointer      source G_GNUC_UNUSED,
                gpointer      data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  Job *job = data;
  BackupResult *result = g_new0 (BackupResult, 1);
  GError *error = NULL;

  if (back_up (job->path, job->folder, NULL, job->flags, &result->backup, &error))
    g_task_return_pointer (task, result, backup_result_free);
  else
    {
      backup_result_free (result);
      g_task_return_error (task, error);
    }
}

void
miriam_store_back_up_async (MiriamStore         *self,
                            const char          *folder,
                            MiriamBackupFlags    flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (folder != NULL);

  job = job_new (self, folder, NULL);
  job->flags = flags;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, miriam_store_back_up_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, back_up_thread);
}

gboolean
miriam_store_back_up_finish (MiriamStore   *self,
                             GAsyncResult  *result,
                             MiriamBackup **backup,
                             GError       **error)
{
  BackupResult *outcome;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (backup != NULL)
    *backup = NULL;
  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return FALSE;
  if (backup != NULL)
    *backup = g_steal_pointer (&outcome->backup);
  backup_result_free (outcome);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Listing                                                                  */

GPtrArray *
miriam_store_list_backups (MiriamStore  *self,
                           const char   *folder,
                           GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  return list_backups (miriam_store_get_path (self), folder, error);
}

static void
list_thread (GTask        *task,
             gpointer      source G_GNUC_UNUSED,
             gpointer      data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  Job *job = data;
  GError *error = NULL;
  GPtrArray *backups = list_backups (job->path, job->folder, &error);

  if (backups != NULL)
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
miriam_store_list_backups_async (MiriamStore         *self,
                                 const char          *folder,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (folder != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, miriam_store_list_backups_async);
  g_task_set_task_data (task, job_new (self, folder, NULL), job_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
miriam_store_list_backups_finish (MiriamStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Restoring                                                                */

/* The current file, as it is, into @kept.  Under a write lock when the
 * file can take one, so that no colleague's save lands halfway through
 * the copy; a file too damaged to lock is copied as it lies. */
static gboolean
keep_current (sqlite3     *db,
              const char  *database_path,
              const char  *kept,
              GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (database_path);
  g_autoptr(GFile) to = g_file_new_for_path (kept);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *journal = g_strconcat (database_path, "-journal", NULL);
  gboolean locked;
  int rc;

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;   /* nothing to keep: the file is gone */

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      set_sqlite_error (db, rc, error);
      return FALSE;
    }
  locked = rc == SQLITE_OK;

  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_debug ("Could not keep a copy of the database: %s", local_error->message);
      if (locked)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      set_folder_error (error);
      return FALSE;
    }
  chmod_like (kept, database_path);
  /* A journal left by a crash belongs to that file: it goes with it. */
  if (!locked && g_file_test (journal, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) journal_from = g_file_new_for_path (journal);
      g_autofree char *kept_journal = g_strconcat (kept, "-journal", NULL);
      g_autoptr(GFile) journal_to = g_file_new_for_path (kept_journal);

      g_file_copy (journal_from, journal_to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
    }

  if (locked)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return TRUE;
}

/* When the file is too damaged for SQLite to write into (its first page
 * is gone), the backup replaces it as a file: the damaged one is kept
 * already, and nobody can be using a file that does not open. */
static gboolean
replace_file (const char  *database_path,
              const char  *backup_path,
              GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.restore-%08x", database_path, g_random_int ());
  g_autofree char *journal = g_strconcat (database_path, "-journal", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (backup_path);
  g_autoptr(GFile) to = g_file_new_for_path (tmp);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_debug ("Could not copy the backup beside the database: %s", local_error->message);
      set_sqlite_error (NULL, SQLITE_CANTOPEN, error);
      return FALSE;
    }
  /* Rolling this journal back into the restored file would damage it. */
  g_remove (journal);
  if (g_rename (tmp, database_path) != 0)
    {
      g_remove (tmp);
      set_sqlite_error (NULL, SQLITE_CANTOPEN, error);
      return FALSE;
    }
  return TRUE;
}

static char *
restore (const char  *database_path,
         const char  *backup_path,
         const char  *folder,
         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *kept = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL, *from = NULL;
  gboolean ok;
  g_auto(Names) names = { 0 };

  /* Nothing changes unless the backup is sound. */
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FILE_MISSING,
                           _("The backup file cannot be found any more."));
      return NULL;
    }
  if (!check_file (backup_path, TRUE, &local_error))
    {
      if (g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT))
        g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                             _("This backup is damaged, so it was not restored. Nothing was "
                               "changed. Choose an older backup."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (header_says_wal (database_path))
    {
      set_wal_error (error);
      return NULL;
    }
  if (!make_folder_like (folder, database_path))
    {
      set_folder_error (error);
      return NULL;
    }

  names_init (&names, database_path);
  {
    g_autoptr(GPtrArray) existing = list_backups (database_path, folder, NULL);
    kept = free_path (&names, folder, MIRIAM_BACKUP_BEFORE_RESTORE, now, existing);
  }

  if ((db = open_db (database_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error)) == NULL)
    return NULL;
  if (!keep_current (db, database_path, kept, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* The backup's pages replace the file's in one write transaction of
   * the file's own connection: colleagues see the old data or the
   * restored data, never a mix, and their MIRIAM notices the change. */
  ok = (from = open_db (backup_path, SQLITE_OPEN_READONLY, error)) != NULL
       && copy_database (db, from, &local_error);
  sqlite3_close_v2 (from);
  sqlite3_close_v2 (db);

  if (from != NULL && !ok)
    {
      if (g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE)
          || g_error_matches (local_error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT))
        ok = replace_file (database_path, backup_path, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (!ok)
    return NULL;

  if (!check_file (database_path, TRUE, error))
    return NULL;
  return g_steal_pointer (&kept);
}

gboolean
miriam_store_restore_backup (MiriamStore  *self,
                             const char   *backup_path,
                             const char   *folder,
                             char        **kept_copy,
                             GError      **error)
{
  char *kept;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL && folder != NULL, FALSE);

  kept = restore (miriam_store_get_path (self), backup_path, folder, error);
  if (kept_copy != NULL)
    *kept_copy = kept;
  else
    g_free (kept);
  return kept != NULL;
}

static void
restore_thread (GTask        *task,
                gpointer      source G_GNUC_UNUSED,
                gpointer      data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  Job *job = data;
  GError *error = NULL;
  char *kept = restore (job->path, job->backup_path, job->folder, &error);

  if (kept != NULL)
    g_task_return_pointer (task, kept, g_free);
  else
    g_task_return_error (task, error);
}

void
miriam_store_restore_backup_async (MiriamStore         *self,
                                   const char          *backup_path,
                                   const char          *folder,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (backup_path != NULL && folder != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, miriam_store_restore_backup_async);
  g_task_set_task_data (task, job_new (self, folder, backup_path), job_free);
  /* Once started, a restore runs to its end: half of one helps nobody. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, restore_thread);
}

char *
miriam_store_restore_backup_finish (MiriamStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Diagnostics                                                              */

/* Filesystems that GIO may not call remote but that are. */
static gboolean
remote_type (const char *type)
{
  static const char * const remote[] = {
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "9p", "davfs",
    "fuse.sshfs", "fuse.gvfsd-fuse", "fuse.rclone", "fuse.smbnetfs", "fuse.davfs2",
  };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (remote); i++)
    if (g_ascii_strcasecmp (type, remote[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
read_filesystem (const char             *path,
                 MiriamStoreDiagnostics *d)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  const char *type;

  /* The folder answers even when the file is missing. */
  info = g_file_query_filesystem_info (g_file_query_exists (file, NULL) ? file : parent,
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_TYPE,
                                       NULL, NULL);
  type = info != NULL ? g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE) : NULL;
  d->filesystem_type = g_strdup (type != NULL ? type : "");
  d->remote = (info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
              || remote_type (type)
              || miriam_store_drive_is_remote (path);

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  d->size = file_info != NULL ? g_file_info_get_size (file_info) : -1;
}

/* Tries the locks a colleague's MIRIAM would take, without waiting: a
 * write lock tells whether someone is saving, the exclusive lock whether
 * someone is reading.  Each is let go at once. */
static MiriamLockStatus
probe_lock (sqlite3  *db,
            gboolean  writable)
{
  int rc;

  sqlite3_busy_timeout (db, 0);

  if (!writable)
    {
      /* A read lock is refused only while someone writes to the file. */
      rc = sqlite3_exec (db, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return (rc & 0xff) == SQLITE_BUSY ? MIRIAM_LOCK_WRITING : MIRIAM_LOCK_UNKNOWN;
    }

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_BUSY)
    return MIRIAM_LOCK_WRITING;
  if (rc != SQLITE_OK)
    return MIRIAM_LOCK_UNKNOWN;

  rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_BUSY)
    return MIRIAM_LOCK_READING;
  return rc == SQLITE_OK ? MIRIAM_LOCK_FREE : MIRIAM_LOCK_UNKNOWN;
}

static void
read_database (const char             *path,
               MiriamStoreDiagnostics *d)
{
  gboolean writable = g_access (path, W_OK) == 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  d->journal_mode = g_strdup ("");
  d->lock = MIRIAM_LOCK_UNKNOWN;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  if (header_says_wal (path))
    {
      /* Opening it would make the files WAL needs; the header says it. */
      g_free (d->journal_mode);
      d->journal_mode = g_strdup ("wal");
      return;
    }
  if (sqlite3_open_v2 (path, &db, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (d->journal_mode);
      d->journal_mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
    }
  sqlite3_finalize (stmt);
  d->file_version = (int) query_int (db, "PRAGMA user_version", 0);
  d->lock = probe_lock (db, writable);
  sqlite3_close_v2 (db);
}

static MiriamStoreDiagnostics *
diagnose (const char *path,
          const char *folder)
{
  MiriamStoreDiagnostics *d = g_new0 (MiriamStoreDiagnostics, 1);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  d->path = g_strdup (path);
  d->app_version = miriam_store_schema_version ();
  d->sqlite_version = g_strdup (sqlite3_libversion ());
  d->backup_folder = folder != NULL ? g_strdup (folder) : miriam_store_default_backup_folder (path);

  read_filesystem (path, d);
  /* Looked at before the probe, which may roll back a crash's journal. */
  d->journal_present = g_file_test (journal, G_FILE_TEST_EXISTS);
  read_database (path, d);

  read_status (path, d);
  if (d->last_backup_at == NULL)
    {
      /* No record (made by an older MIRIAM, or copied in): the newest
       * backup there, whose check is unknown. */
      g_autoptr(GPtrArray) backups = list_backups (path, d->backup_folder, NULL);

      if (backups != NULL && backups->len > 0)
        {
          MiriamBackup *newest = backups->pdata[0];

          d->last_backup_at = g_date_time_ref (newest->made_at);
          d->last_backup_path = g_strdup (newest->path);
        }
    }
  return d;
}

MiriamStoreDiagnostics *
miriam_store_get_diagnostics (MiriamStore  *self,
                              const char   *backup_folder,
                              GError      **error G_GNUC_UNUSED)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return diagnose (miriam_store_get_path (self), backup_folder);
}

static void
diagnostics_thread (GTask        *task,
                    gpointer      source G_GNUC_UNUSED,
                    gpointer      data,
                    GCancellable *cancellable G_GNUC_UNUSED)
{
  Job *job = data;

  g_task_return_pointer (task, diagnose (job->path, job->folder),
                         (GDestroyNotify) miriam_store_diagnostics_free);
}

void
miriam_store_get_diagnostics_async (MiriamStore         *self,
                                    const char          *backup_folder,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MIRIAM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, miriam_store_get_diagnostics_async);
  g_task_set_task_data (task, job_new (self, backup_folder, NULL), job_free);
  g_task_run_in_thread (task, diagnostics_thread);
}

MiriamStoreDiagnostics *
miriam_store_get_diagnostics_finish (MiriamStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
