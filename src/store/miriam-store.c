/* miriam-store.c: one SQLite file shared by a team, behind one thread
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file usually lives on an office network drive, opened by several
 * people at once from Windows and Linux.  What keeps it safe there:
 *  - a rollback journal (DELETE mode), never WAL: WAL needs shared memory
 *    that network filesystems do not provide;
 *  - synchronous=FULL and foreign_keys=ON on every connection;
 *  - writes in BEGIN IMMEDIATE transactions, one per user action, so a
 *    writer takes the lock before reading and never deadlocks a colleague;
 *  - a busy handler that waits with backoff instead of failing on a lock;
 *  - every file operation on the store's own thread, never the main loop.
 */
#define G_LOG_DOMAIN "miriam-store"

#include "config.h"

#include "miriam-store-private.h"
#include "miriam-store-checks.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* 'MIRM': tells our files from other SQLite databases. */
#define MIRIAM_APPLICATION_ID 0x4D49524D

/* How long the busy handler waits for colleagues' locks before it gives
 * up.  Transactions are short, so reaching this means something is wrong
 * (a crashed client on a stale lock, a share that hangs). */
#define BUSY_TIMEOUT_MS 30000

/* From the GResource compiled into this library (miriam-store-resources.c):
 * registered by hand, because a static library's constructors may be
 * dropped by the linker. */
void miriam_store_res_register_resource (void);

static const char * const migrations[] = {
  "0001-initial.sql",
  "0002-participant-files.sql",
  "0003-calendar.sql",
  "0004-progress.sql",
  "0005-share.sql",
};

struct _MiriamStore
{
  GObject parent_instance;

  char              *path;
  char              *user_name;
  MiriamStoreAccess  access;
  int                file_version;

  /* Only touched on the worker thread. */
  sqlite3           *db;
  GHashTable        *statements;   /* SQL text -> sqlite3_stmt */
  guint              tx_depth;
  MiriamStoreWatch  *watch;        /* the change check's state (miriam-store-share.c) */

  GThread           *thread;
  GAsyncQueue       *jobs;
  GMutex             lock;         /* guards thread start and the flags above */
};

G_DEFINE_TYPE (MiriamStore, miriam_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (miriam-store-error-quark, miriam_store_error)

typedef MiriamStoreJobFunc JobFunc;

typedef struct
{
  MiriamStore    *self;
  JobFunc         func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;

  GTask          *task;      /* async: the result goes here */
  gboolean        detached;  /* nobody waits: free the job when done */

  GMutex          mutex;     /* sync: the caller waits here */
  GCond           cond;
  gboolean        done;
  gpointer        result;
  GError         *error;
} Job;

/* Marks the end of the queue. */
static Job stop_job;

void
miriam_store_summary_free (MiriamStoreSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->ocmw_name);
  g_free (summary->current_cohort);
  g_free (summary);
}

int
miriam_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* ---------------------------------------------------------------------- */
/* The worker thread                                                        */

static gpointer
worker_main (gpointer data)
{
  GAsyncQueue *jobs = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (jobs);
      GError *error = NULL;
      gpointer result;

      if (job == &stop_job)
        break;

      if (job->task != NULL && g_task_return_error_if_cancelled (job->task))
        {
          g_clear_object (&job->task);
          if (job->data_free != NULL)
            job->data_free (job->data);
          g_free (job);
          continue;
        }

      result = job->func (job->self, job->data, &error);

      if (job->detached)
        {
          g_clear_error (&error);
          g_free (job);
        }
      else if (job->task != NULL)
        {
          if (error != NULL)
            g_task_return_error (job->task, error);
          else
            g_task_return_pointer (job->task, result, job->result_free);
          g_clear_object (&job->task);
          if (job->data_free != NULL)
            job->data_free (job->data);
          g_free (job);
        }
      else
        {
          g_mutex_lock (&job->mutex);
          job->result = result;
          job->error = error;
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
    }

  g_async_queue_unref (jobs);
  return NULL;
}

static gboolean
on_worker_thread (MiriamStore *self)
{
  return self->thread != NULL && g_thread_self () == self->thread;
}

static void
ensure_thread (MiriamStore *self)
{
  g_mutex_lock (&self->lock);
  if (self->thread == NULL)
    self->thread = g_thread_new ("miriam-store",
                                 worker_main,
                                 g_async_queue_ref (self->jobs));
  g_mutex_unlock (&self->lock);
}

/* Runs @func on the worker thread and waits for it.  Called on the worker
 * thread itself (from inside miriam_store_write()), it just runs it. */
static gpointer
run_sync (MiriamStore  *self,
          JobFunc       func,
          gpointer      data,
          GError      **error)
{
  Job job = { 0 };

  if (on_worker_thread (self))
    return func (self, data, error);

  ensure_thread (self);

  job.self = self;
  job.func = func;
  job.data = data;
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  g_async_queue_push (self->jobs, &job);

  g_mutex_lock (&job.mutex);
  while (!job.done)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);

  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);

  if (job.error != NULL)
    g_propagate_error (error, job.error);

  return job.result;
}

static void
run_async (MiriamStore         *self,
           JobFunc              func,
           gpointer             data,
           GDestroyNotify       data_free,
           GDestroyNotify       result_free,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  ensure_thread (self);

  job->self = self;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  /* Results that nobody collects (window closed meanwhile) are freed. */
  g_task_set_return_on_cancel (job->task, FALSE);

  g_async_queue_push (self->jobs, job);
}

static gpointer
finish_pointer (MiriamStore   *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                   */

/* Turns an SQLite result code into a message a social worker can act on.
 * SQLite's own text goes to the debug log only: it names constraints and
 * files, never the data. */
void
miriam_store_set_error (MiriamStore  *self,
                        int           rc,
                        GError      **error)
{
  int primary = rc & 0xff;

  g_debug ("SQLite error %d: %s", rc,
           self->db != NULL ? sqlite3_errmsg (self->db) : "(no connection)");

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_BUSY,
                           _("Colleagues kept the database file busy for too long. "
                             "Nothing was lost; please try again in a moment."));
      break;
    case SQLITE_READONLY:
      /* Renamed away under us: the share is gone, not the permission. */
      if (rc == SQLITE_READONLY_DBMOVED)
        {
          g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                               _("The database file could not be read or written. Check that the "
                                 "network drive is connected, then try again."));
          break;
        }
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_READ_ONLY,
                           _("The database file is read-only, so this change cannot be saved."));
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
    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
                           ? _("This refers to something that is not in the database (any more).")
                           : _("Some of the data are not valid, so nothing was saved."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                           _("The database file cannot be opened. Check that the network drive is "
                             "connected and that you may use this file."));
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                           _("The disk holding the database file is full. Nothing was saved."));
      break;
    default:
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                           _("The database file could not be read or written. Check that the "
                             "network drive is connected, then try again."));
      break;
    }
}

static gboolean
check_open (MiriamStore  *self,
            GError      **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN,
                       _("No database file is open."));
  return FALSE;
}

static gboolean
check_writable (MiriamStore  *self,
                GError      **error)
{
  if (!check_open (self, error))
    return FALSE;
  if (self->access == MIRIAM_STORE_WRITABLE)
    return TRUE;
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_READ_ONLY,
                       self->access == MIRIAM_STORE_READ_ONLY_NEWER
                       ? _("This database was written by a newer version of MIRIAM, so this version "
                           "may only read it. Please update MIRIAM to make changes.")
                       : _("The database file is read-only, so this change cannot be saved."));
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Statements and transactions (worker thread only)                         */

/* Statements are prepared once per connection and kept: on a share every
 * prepare may read the schema again. */
sqlite3_stmt *
miriam_store_prepare (MiriamStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (MiriamStore  *self,
      const char   *sql,
      GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns no rows, and leaves it ready for reuse. */
static gboolean
step_done (MiriamStore   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Nested calls (a write function saving several records) join the
 * outermost transaction: one user action, one transaction. */
gboolean
miriam_store_begin (MiriamStore  *self,
                    GError      **error)
{
  if (!check_writable (self, error))
    return FALSE;
  if (self->tx_depth++ > 0)
    return TRUE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      self->tx_depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
miriam_store_commit (MiriamStore  *self,
                     GError      **error)
{
  int rc;

  g_assert (self->tx_depth > 0);

  if (--self->tx_depth > 0)
    return TRUE;
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  /* Deleting the journal is the commit point.  SQLite still reports a
   * failure to give the lock back after it (pager_end_transaction), yet
   * the changes are in the file: reporting them as not saved would have
   * the user save them twice.  The next transaction takes the lock anew. */
  if (rc == SQLITE_IOERR_UNLOCK)
    {
      g_debug ("Committed; giving the lock back failed");
      return TRUE;
    }
  if (rc != SQLITE_OK)
    {
      miriam_store_set_error (self, rc, error);
      /* The commit failed (e.g. the share vanished): undo what we can so
       * the connection is usable again; the caller still has the data. */
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
miriam_store_rollback (MiriamStore *self)
{
  g_assert (self->tx_depth > 0);

  if (--self->tx_depth > 0)
    return;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Waits for colleagues' locks with growing pauses instead of failing at
 * once.  Never shown to the user unless it lasts BUSY_TIMEOUT_MS. */
static int
busy_handler (void *data G_GNUC_UNUSED,
              int   count)
{
  static const int delays_ms[] = { 2, 5, 10, 20, 50, 100, 150, 200 };
  int total = 0;
  int delay;

  for (int i = 0; i < count && i < (int) G_N_ELEMENTS (delays_ms); i++)
    total += delays_ms[i];
  if (count >= (int) G_N_ELEMENTS (delays_ms))
    total += (count - G_N_ELEMENTS (delays_ms) + 1) * 250;

  if (total >= BUSY_TIMEOUT_MS)
    return 0;

  delay = count < (int) G_N_ELEMENTS (delays_ms) ? delays_ms[count] : 250;
  /* A little jitter, so that clients waiting for the same lock do not
   * retry in lock-step. */
  g_usleep ((delay + g_random_int_range (0, 1 + delay / 4)) * 1000);
  return 1;
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                  */

static void
close_db (MiriamStore *self)
{
  if (self->watch != NULL)
    miriam_store_watch_close (self->watch);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  self->tx_depth = 0;
}

/* The name may be changed from the main thread while a save runs here. */
static char *
dup_user_name (MiriamStore *self)
{
  char *name;

  g_mutex_lock (&self->lock);
  name = g_strdup (self->user_name);
  g_mutex_unlock (&self->lock);
  return name;
}

static char *
iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* The rollback journal is created beside the file, so the folder must be
   * writable too. */
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A save writes the header (page 1) before the pages it adds at the end
 * of the file, and a save cut off by a crash leaves it so until SQLite
 * rolls its journal back.  A file shorter than its header says is thus
 * only incomplete when no journal lies beside it and it is still short:
 * the journal goes only once all pages are written. */
static gboolean
save_under_way (const char *path,
                goffset     expected_size)
{
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  g_autoptr(GFile) journal = g_file_new_for_path (journal_path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (g_file_query_exists (journal, NULL))
    return TRUE;
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL && g_file_info_get_size (info) >= expected_size;
}

/* Checks what can be checked before SQLite touches the file: the magic
 * string, the journal mode recorded in the header, and whether the file is
 * shorter than the header says (a copy cut off halfway). */
static gboolean
check_header (const char  *path,
              gboolean    *header_says_wal,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint8 header[100];
  gsize n_read = 0;
  guint32 page_size, n_pages, change_counter, valid_for;
  goffset size;
  g_autoptr(GError) local_error = NULL;

  *header_says_wal = FALSE;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                           _("The database file cannot be read. Check that you may use this file."));
      return FALSE;
    }

  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  size = info != NULL ? g_file_info_get_size (info) : -1;

  if (size == 0)
    return TRUE;   /* an empty file: SQLite makes it a database */

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                           _("The database file could not be read. Check that the network drive "
                             "is connected, then try again."));
      return FALSE;
    }

  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE,
                           _("The file is there, but it holds something other than a MIRIAM database. "
                             "Check that you chose the right file."));
      return FALSE;
    }

  *header_says_wal = header[18] == 2 || header[19] == 2;

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));

  /* The page count in the header is only trustworthy when written by a
   * SQLite that maintains it, which the version-valid-for field tells. */
  if (n_pages > 0 && change_counter == valid_for && size >= 0
      && (goffset) n_pages * page_size > size
      && !save_under_way (path, (goffset) n_pages * page_size))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                           _("The database file is incomplete (it may have been copied only partly). "
                             "Restore a backup or ask your IT service for help."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (MiriamStore  *self,
           const char   *sql,
           gint64       *value,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migrations (MiriamStore  *self,
                  GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *resource = g_strconcat ("/be/ocmw/Miriam/store/", migrations[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      gint64 version = 0;

      if (!miriam_store_begin (self, error))
        return FALSE;

      /* Read the version inside the write transaction: a colleague who
       * opened the same new file a moment ago may have migrated it. */
      if (!query_int (self, "PRAGMA user_version", &version, error))
        goto failed;
      if (version > (gint64) i)
        {
          miriam_store_rollback (self);
          continue;
        }

      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!exec (self, sql, error))
        goto failed;

      if (i == 0 && !exec (self, "PRAGMA application_id = " G_STRINGIFY (MIRIAM_APPLICATION_ID), error))
        goto failed;

      set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      if (!exec (self, set_version, error) || !miriam_store_commit (self, error))
        goto failed;

      g_debug ("Migrated the database to schema version %u", i + 1);
      continue;

    failed:
      if (self->tx_depth > 0)
        miriam_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (MiriamStore  *self,
                 gboolean      read_only,
                 GError      **error)
{
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc;

  close_db (self);

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      miriam_store_set_error (self, rc, error);
      close_db (self);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_handler (self->db, busy_handler, self);
  return TRUE;
}

static gpointer
open_job (MiriamStore  *self,
          gpointer      data,
          GError      **error)
{
  MiriamStoreOpenFlags flags = GPOINTER_TO_UINT (data);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  gboolean exists, header_says_wal = FALSE, read_only;
  gint64 app_id = 0, version = 0, n_objects = 0, n_pages = 0;
  g_autofree char *journal_mode = NULL;

  close_db (self);
  self->access = MIRIAM_STORE_WRITABLE;
  self->file_version = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (!(flags & MIRIAM_STORE_OPEN_CREATE) || g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FOLDER_MISSING,
                               _("The folder of the database file cannot be found. If it is on a "
                                 "network drive, check that the drive is connected."));
          return NULL;
        }
    }

  exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (!exists && !(flags & MIRIAM_STORE_OPEN_CREATE))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FILE_MISSING,
                           _("The database file cannot be found. It may have been moved, renamed "
                             "or deleted."));
      return NULL;
    }
  if (exists && !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE,
                           _("The file is there, but it holds something other than a MIRIAM database. "
                             "Check that you chose the right file."));
      return NULL;
    }

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_WAL,
                           _("Another program has this database open in a mode that is not safe on "
                             "a network drive (a “-wal” file lies beside it). Close that program, "
                             "or ask your IT service to remove the “-wal” file once nobody uses the "
                             "database."));
      return NULL;
    }

  if (exists && !check_header (self->path, &header_says_wal, error))
    return NULL;

  read_only = exists && !path_is_writable (self->path);
  if (!exists && g_access (dir, W_OK) != 0)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NO_ACCESS,
                           _("You may not create a file in this folder. Choose another folder."));
      return NULL;
    }

  if (!open_connection (self, read_only, error))
    return NULL;
  if (read_only)
    self->access = MIRIAM_STORE_READ_ONLY_FILE;

  /* The first read of the schema is where SQLite notices a file that is
   * not a database, or a damaged one. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error)
      || !query_int (self, "PRAGMA application_id", &app_id, error)
      || !query_int (self, "PRAGMA user_version", &version, error))
    goto failed;

  if ((app_id != 0 && app_id != MIRIAM_APPLICATION_ID) || (version == 0 && n_objects > 0))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_A_DATABASE,
                           _("This file is a database of another program, not of MIRIAM."));
      goto failed;
    }

  /* A damaged page shows only when something reads it, maybe halfway
   * through a save: check the whole file first when that is quick
   * (miriam-store-checks.h); the daily backup checks bigger ones. */
  if (!query_int (self, "PRAGMA page_count", &n_pages, error)
      || (n_pages <= MIRIAM_STORE_CHECK_AT_OPEN_MAX_PAGES && !miriam_store_quick_check (self->db, error)))
    goto failed;

  if (!read_only)
    {
      sqlite3_stmt *stmt = NULL;

      if (!exec (self, "PRAGMA journal_mode = DELETE", error))
        goto failed;
      /* Check the mode took: another connection in WAL mode keeps it. */
      if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        journal_mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
      sqlite3_finalize (stmt);
      if (g_strcmp0 (journal_mode, "delete") != 0)
        {
          g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_WAL,
                               _("The database file is in a mode that is not safe on a network "
                                 "drive, and it could not be switched back. Ask your IT service "
                                 "for help."));
          goto failed;
        }
    }
  else if (header_says_wal)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_WAL,
                           _("The database file is in a mode that is not safe on a network "
                             "drive, and it could not be switched back. Ask your IT service "
                             "for help."));
      goto failed;
    }

  if (!exec (self, "PRAGMA foreign_keys = ON", error)
      || !exec (self, "PRAGMA synchronous = FULL", error))
    goto failed;

  self->file_version = version;

  if (version > miriam_store_schema_version ())
    {
      /* Written by a newer MIRIAM: reading is safe, writing might break
       * rules this version does not know. */
      if (!read_only && !open_connection (self, TRUE, error))
        goto failed;
      if (!exec (self, "PRAGMA foreign_keys = ON", error))
        goto failed;
      self->access = MIRIAM_STORE_READ_ONLY_NEWER;
      return GINT_TO_POINTER (TRUE);
    }

  if (version < miriam_store_schema_version ())
    {
      if (read_only)
        {
          g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_READ_ONLY,
                               _("This database must be updated for this version of MIRIAM, "
                                 "but the file is read-only."));
          goto failed;
        }
      if (!apply_migrations (self, error))
        goto failed;
      self->file_version = miriam_store_schema_version ();
    }

  return GINT_TO_POINTER (TRUE);

failed:
  close_db (self);
  return NULL;
}

gboolean
miriam_store_open (MiriamStore           *self,
                   MiriamStoreOpenFlags   flags,
                   GError               **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return run_sync (self, open_job, GUINT_TO_POINTER (flags), error) != NULL;
}

void
miriam_store_open_async (MiriamStore          *self,
                         MiriamStoreOpenFlags  flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  run_async (self, open_job, GUINT_TO_POINTER (flags), NULL, NULL,
             miriam_store_open_async, cancellable, callback, user_data);
}

gboolean
miriam_store_open_finish (MiriamStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return finish_pointer (self, result, miriam_store_open_async, error) != NULL;
}

/* A fresh connection to the same file, after the share came back: the old
 * one may hold handles the network client gave up on. */
gboolean
miriam_store_reopen (MiriamStore  *self,
                     GError      **error)
{
  g_assert (on_worker_thread (self) && self->tx_depth == 0);
  return open_job (self, GUINT_TO_POINTER (MIRIAM_STORE_OPEN_EXISTING), error) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Summary                                                                  */

static char *
query_text (MiriamStore *self,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gpointer
summary_job (MiriamStore  *self,
             gpointer      data G_GNUC_UNUSED,
             GError      **error)
{
  g_autoptr(MiriamStoreSummary) summary = g_new0 (MiriamStoreSummary, 1);
  gint64 n[4];
  gboolean own_tx;
  static const char * const counts[] = {
    "SELECT count(*) FROM participant",
    "SELECT count(*) FROM coaching_group",
    "SELECT count(*) FROM session",
    "SELECT count(*) FROM staff",
  };

  if (!check_open (self, error))
    return NULL;

  /* One read transaction, so the numbers belong together; inside a write
   * transaction they already do. */
  own_tx = sqlite3_get_autocommit (self->db);
  if (own_tx && !exec (self, "BEGIN", error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!query_int (self, counts[i], &n[i], error))
      {
        if (own_tx)
          exec (self, "ROLLBACK", NULL);
        return NULL;
      }
  summary->ocmw_name = query_text (self, "SELECT name FROM ocmw ORDER BY id LIMIT 1");
  summary->current_cohort = query_text (self, "SELECT label FROM cohort ORDER BY start_date DESC LIMIT 1");
  if (own_tx)
    exec (self, "COMMIT", NULL);

  summary->n_participants = n[0];
  summary->n_groups = n[1];
  summary->n_sessions = n[2];
  summary->n_staff = n[3];

  return g_steal_pointer (&summary);
}

MiriamStoreSummary *
miriam_store_get_summary (MiriamStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, summary_job, NULL, error);
}

void
miriam_store_get_summary_async (MiriamStore         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  run_async (self, summary_job, NULL, NULL, (GDestroyNotify) miriam_store_summary_free,
             miriam_store_get_summary_async, cancellable, callback, user_data);
}

MiriamStoreSummary *
miriam_store_get_summary_finish (MiriamStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, miriam_store_get_summary_async, error);
}

/* ---------------------------------------------------------------------- */
/* Records                                                                  */

/* Dates are ISO 8601 text; an invalid (cleared) GDate is NULL. */
static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  char iso[16];

  if (!g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

static void
read_date (sqlite3_stmt *stmt,
           int           column,
           GDate        *date)
{
  const char *iso = (const char *) sqlite3_column_text (stmt, column);
  guint y, m, d;

  g_date_clear (date, 1);
  if (iso != NULL && sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) == 3
      && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static void
bind_field (sqlite3_stmt      *stmt,
            int                index,
            const MiriamField *field,
            gconstpointer      record)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      {
        const char *text = *MIRIAM_FIELD_PTR (record, field, char *);
        sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
      }
      break;
    case MIRIAM_FIELD_INT:
      sqlite3_bind_int64 (stmt, index, *MIRIAM_FIELD_PTR (record, field, gint64));
      break;
    case MIRIAM_FIELD_REF:
      {
        gint64 id = *MIRIAM_FIELD_PTR (record, field, gint64);
        if (id > 0)
          sqlite3_bind_int64 (stmt, index, id);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;
    case MIRIAM_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, *MIRIAM_FIELD_PTR (record, field, gboolean) ? 1 : 0);
      break;
    case MIRIAM_FIELD_DATE:
      bind_date (stmt, index, MIRIAM_FIELD_PTR (record, field, GDate));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_field (sqlite3_stmt      *stmt,
            int                column,
            const MiriamField *field,
            gpointer           record)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        miriam_record_set_text (record, field, text);
      }
      break;
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
      *MIRIAM_FIELD_PTR (record, field, gint64) = sqlite3_column_int64 (stmt, column);
      break;
    case MIRIAM_FIELD_BOOL:
      *MIRIAM_FIELD_PTR (record, field, gboolean) = sqlite3_column_int (stmt, column) != 0;
      break;
    case MIRIAM_FIELD_DATE:
      read_date (stmt, column, MIRIAM_FIELD_PTR (record, field, GDate));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_row (sqlite3_stmt *stmt,
          MiriamRow    *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->version = sqlite3_column_int64 (stmt, 1);
  g_free (row->updated_at);
  row->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_free (row->updated_by);
  row->updated_by = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
}

/* "SELECT id, version, updated_at, updated_by, f1, ... FROM table" */
static char *
select_sql (const MiriamRecordInfo *info)
{
  GString *sql = g_string_new ("SELECT id, version, updated_at, updated_by");

  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append_printf (sql, " FROM %s", info->name);

  return g_string_free (sql, FALSE);
}

static gpointer
record_from_stmt (MiriamRecordKind  kind,
                  sqlite3_stmt     *stmt)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  gpointer record = miriam_record_new (kind);

  read_row (stmt, miriam_record_row (record));
  for (guint i = 0; i < info->n_fields; i++)
    read_field (stmt, 4 + i, &info->fields[i], record);

  return record;
}

static gboolean
insert_record (MiriamStore       *self,
               MiriamRecordKind   kind,
               gpointer           record,
               const char        *now,
               const char        *user,
               GError           **error)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  MiriamRow *row = miriam_record_row (record);

  g_string_append_printf (sql, "INSERT INTO %s (", info->name);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, "%s, ", info->fields[i].name);
  g_string_append (sql, "version, updated_at, updated_by) VALUES (");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append (sql, "?, ");
  g_string_append (sql, "1, ?, ?)");

  if (!(stmt = miriam_store_prepare (self, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, i + 1, &info->fields[i], record);
  sqlite3_bind_text (stmt, info->n_fields + 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, info->n_fields + 2, user, -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, error))
    return FALSE;

  row->id = sqlite3_last_insert_rowid (self->db);
  row->version = 1;
  return TRUE;
}

static gboolean
update_record (MiriamStore       *self,
               MiriamRecordKind   kind,
               gpointer           record,
               const char        *now,
               const char        *user,
               GError           **error)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *probe = NULL;
  sqlite3_stmt *stmt;
  MiriamRow *row = miriam_record_row (record);
  gint64 version = 0;

  g_string_append_printf (sql, "UPDATE %s SET ", info->name);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, "%s = ?, ", info->fields[i].name);
  g_string_append (sql, "version = version + 1, updated_at = ?, updated_by = ? "
                        "WHERE id = ? AND version = ?");

  if (!(stmt = miriam_store_prepare (self, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, i + 1, &info->fields[i], record);
  sqlite3_bind_text (stmt, info->n_fields + 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, info->n_fields + 2, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, info->n_fields + 3, row->id);
  sqlite3_bind_int64 (stmt, info->n_fields + 4, row->version);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 1)
    {
      row->version++;
      return TRUE;
    }

  /* Nothing changed: either somebody saved it since it was loaded, or it
   * was removed.  Tell which, so the interface can keep both versions. */
  probe = g_strdup_printf ("SELECT version FROM %s WHERE id = %" G_GINT64_FORMAT,
                           info->name, row->id);
  if (!query_int (self, probe, &version, error))
    return FALSE;

  if (version > 0)
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT,
                         _("A colleague saved this in the meantime. Your changes were not "
                           "saved yet and are still here."));
  else
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                         _("This was removed by a colleague in the meantime. Your changes were "
                           "not saved and are still here."));
  return FALSE;
}

typedef struct
{
  MiriamRecordKind  kind;
  gpointer          record;    /* a copy, owned */
  char             *ref_field;
  gint64            id;
} RecordJob;

static void
record_job_free (gpointer data)
{
  RecordJob *job = data;

  if (job->record != NULL)
    miriam_record_free (job->kind, job->record);
  g_free (job->ref_field);
  g_free (job);
}

/* Saves in place.  On failure the record is left exactly as passed in. */
static gboolean
save_in_place (MiriamStore       *self,
               MiriamRecordKind   kind,
               gpointer           record,
               GError           **error)
{
  MiriamRow *row = miriam_record_row (record);
  MiriamRow saved = *row;
  g_autofree char *now = iso_now ();
  g_autofree char *user = dup_user_name (self);
  gboolean ok;

  if (!miriam_store_begin (self, error))
    return FALSE;

  ok = row->id == 0
       ? insert_record (self, kind, record, now, user, error)
       : update_record (self, kind, record, now, user, error);

  if (ok && !miriam_store_commit (self, error))
    ok = FALSE;
  else if (!ok)
    miriam_store_rollback (self);

  if (!ok)
    {
      row->id = saved.id;
      row->version = saved.version;
      return FALSE;
    }

  g_free (row->updated_at);
  row->updated_at = g_steal_pointer (&now);
  g_free (row->updated_by);
  row->updated_by = g_steal_pointer (&user);
  return TRUE;
}

static gpointer
save_job (MiriamStore  *self,
          gpointer      data,
          GError      **error)
{
  RecordJob *job = data;

  if (!save_in_place (self, job->kind, job->record, error))
    return NULL;
  return g_steal_pointer (&job->record);
}

gboolean
miriam_store_save (MiriamStore       *self,
                   MiriamRecordKind   kind,
                   gpointer           record,
                   GError           **error)
{
  RecordJob job = { kind, NULL, NULL, 0 };
  gpointer saved;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (on_worker_thread (self))
    return save_in_place (self, kind, record, error);

  job.record = miriam_record_copy (kind, record);
  saved = run_sync (self, save_job, &job, error);
  if (saved == NULL)
    {
      miriam_record_free (kind, job.record);
      return FALSE;
    }

  /* Copy back what the store set; the caller's fields stay its own. */
  {
    MiriamRow *dst = miriam_record_row (record), *src = miriam_record_row (saved);
    dst->id = src->id;
    dst->version = src->version;
    g_free (dst->updated_at);
    dst->updated_at = g_strdup (src->updated_at);
    g_free (dst->updated_by);
    dst->updated_by = g_strdup (src->updated_by);
  }
  miriam_record_free (kind, saved);
  return TRUE;
}

typedef struct
{
  MiriamRecordKind kind;
  gpointer         record;
} SavedRecord;

static void
saved_record_free (gpointer data)
{
  SavedRecord *saved = data;
  miriam_record_free (saved->kind, saved->record);
  g_free (saved);
}

static gpointer
save_async_job (MiriamStore  *self,
                gpointer      data,
                GError      **error)
{
  RecordJob *job = data;
  SavedRecord *saved;

  if (!save_in_place (self, job->kind, job->record, error))
    return NULL;

  saved = g_new0 (SavedRecord, 1);
  saved->kind = job->kind;
  saved->record = g_steal_pointer (&job->record);
  return saved;
}

void
miriam_store_save_async (MiriamStore         *self,
                         MiriamRecordKind     kind,
                         gpointer             record,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  RecordJob *job = g_new0 (RecordJob, 1);

  g_return_if_fail (MIRIAM_IS_STORE (self));

  job->kind = kind;
  job->record = miriam_record_copy (kind, record);
  run_async (self, save_async_job, job, record_job_free, saved_record_free,
             miriam_store_save_async, cancellable, callback, user_data);
}

gpointer
miriam_store_save_finish (MiriamStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  SavedRecord *saved = finish_pointer (self, result, miriam_store_save_async, error);
  gpointer record;

  if (saved == NULL)
    return NULL;
  record = g_steal_pointer (&saved->record);
  g_free (saved);
  return record;
}

/* One record by id, or NOT_FOUND. */
static gpointer
load_record (MiriamStore       *self,
             MiriamRecordKind   kind,
             gint64             id,
             GError           **error)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  g_autofree char *select = select_sql (info);
  g_autofree char *sql = g_strconcat (select, " WHERE id = ?", NULL);
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  int rc;

  if (!(stmt = miriam_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_stmt (kind, stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                         _("This is no longer in the database; a colleague may have removed it."));
  else if (rc != SQLITE_ROW)
    miriam_store_set_error (self, rc, error);

  return record;
}

static gpointer
load_job (MiriamStore  *self,
          gpointer      data,
          GError      **error)
{
  RecordJob *job = data;

  if (!check_open (self, error))
    return NULL;
  return load_record (self, job->kind, job->id, error);
}

gpointer
miriam_store_load (MiriamStore       *self,
                   MiriamRecordKind   kind,
                   gint64             id,
                   GError           **error)
{
  RecordJob job = { kind, NULL, NULL, id };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, load_job, &job, error);
}

/* An empty array that frees records of @kind. */
static GPtrArray *
records_new (MiriamRecordKind kind)
{
  return g_ptr_array_new_with_free_func (miriam_record_free_func (kind));
}

static gboolean
is_ref_field (const MiriamRecordInfo *info,
              const char             *name)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == MIRIAM_FIELD_REF && g_str_equal (info->fields[i].name, name))
      return TRUE;
  return FALSE;
}

/* Records of @kind, all of them or those whose reference field
 * @ref_field is @ref_id, in the order @order_by.  Both are SQL text from
 * this file or from the record description, never from a caller's data. */
static GPtrArray *
select_records (MiriamStore       *self,
                MiriamRecordKind   kind,
                const char        *ref_field,
                gint64             ref_id,
                const char        *order_by,
                GError           **error)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  g_autofree char *select = select_sql (info);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (ref_field != NULL)
    sql = g_strdup_printf ("%s WHERE %s = ? ORDER BY %s", select, ref_field, order_by);
  else
    sql = g_strdup_printf ("%s ORDER BY %s", select, order_by);

  if (!(stmt = miriam_store_prepare (self, sql, error)))
    return NULL;
  if (ref_field != NULL)
    sqlite3_bind_int64 (stmt, 1, ref_id);

  records = records_new (kind);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_stmt (kind, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
miriam_store_select_records (MiriamStore       *self,
                             MiriamRecordKind   kind,
                             const char        *ref_field,
                             gint64             ref_id,
                             GError           **error)
{
  if (ref_field != NULL)
    g_return_val_if_fail (is_ref_field (miriam_record_info (kind), ref_field), NULL);
  return select_records (self, kind, ref_field, ref_id, "id", error);
}

static gpointer
list_job (MiriamStore  *self,
          gpointer      data,
          GError      **error)
{
  RecordJob *job = data;
  const MiriamRecordInfo *info = miriam_record_info (job->kind);

  if (!check_open (self, error))
    return NULL;

  /* Field names come from the record description, never from the caller's
   * text, so they are safe to put into SQL. */
  if (job->ref_field != NULL)
    g_return_val_if_fail (is_ref_field (info, job->ref_field), NULL);

  return select_records (self, job->kind, job->ref_field, job->id, "id", error);
}

GPtrArray *
miriam_store_list (MiriamStore       *self,
                   MiriamRecordKind   kind,
                   const char        *ref_field,
                   gint64             ref_id,
                   GError           **error)
{
  RecordJob job = { kind, NULL, (char *) ref_field, ref_id };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, list_job, &job, error);
}

void
miriam_store_list_async (MiriamStore         *self,
                         MiriamRecordKind     kind,
                         const char          *ref_field,
                         gint64               ref_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  RecordJob *job = g_new0 (RecordJob, 1);

  g_return_if_fail (MIRIAM_IS_STORE (self));

  job->kind = kind;
  job->ref_field = g_strdup (ref_field);
  job->id = ref_id;
  run_async (self, list_job, job, record_job_free, (GDestroyNotify) g_ptr_array_unref,
             miriam_store_list_async, cancellable, callback, user_data);
}

GPtrArray *
miriam_store_list_finish (MiriamStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return finish_pointer (self, result, miriam_store_list_async, error);
}

/* ---------------------------------------------------------------------- */
/* Links, attendance, scores                                                */

typedef struct
{
  gint64                  a, b;
  guint                   n;
  const gint64           *ids;
  const MiriamAttendance *marks;
  GHashTable             *scores;
} LinkJob;

static gpointer
group_staff_job (MiriamStore  *self,
                 gpointer      data,
                 GError      **error)
{
  LinkJob *job = data;
  sqlite3_stmt *stmt;

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!(stmt = miriam_store_prepare (self, "INSERT OR IGNORE INTO group_staff (group_id, staff_id) "
                                           "VALUES (?, ?)", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, job->a);
  sqlite3_bind_int64 (stmt, 2, job->b);
  if (!step_done (self, stmt, error))
    goto failed;
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

failed:
  miriam_store_rollback (self);
  return NULL;
}

gboolean
miriam_store_add_group_staff (MiriamStore  *self,
                              gint64        group_id,
                              gint64        staff_id,
                              GError      **error)
{
  LinkJob job = { .a = group_id, .b = staff_id };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return run_sync (self, group_staff_job, &job, error) != NULL;
}

/* Writes attendance marks inside the caller's write transaction; an
 * UNKNOWN mark takes a mark back (deletes its row). */
gboolean
miriam_store_write_marks (MiriamStore             *self,
                          gint64                   session_id,
                          guint                    n_marks,
                          const gint64            *participant_ids,
                          const MiriamAttendance  *marks,
                          const char              *now,
                          const char              *user,
                          GError                 **error)
{
  for (guint i = 0; i < n_marks; i++)
    {
      sqlite3_stmt *stmt;

      if (marks[i] == MIRIAM_ATTENDANCE_UNKNOWN)
        stmt = miriam_store_prepare (self, "DELETE FROM attendance "
                                           "WHERE session_id = ?1 AND participant_id = ?2", error);
      else
        stmt = miriam_store_prepare (self,
                                     "INSERT INTO attendance (session_id, participant_id, status, "
                                     "  updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5) "
                                     "ON CONFLICT (session_id, participant_id) DO UPDATE SET "
                                     "  status = excluded.status, version = version + 1, "
                                     "  updated_at = excluded.updated_at, "
                                     "  updated_by = excluded.updated_by "
                                     "WHERE status <> excluded.status", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_ids[i]);
      if (marks[i] != MIRIAM_ATTENDANCE_UNKNOWN)
        {
          sqlite3_bind_text (stmt, 3, miriam_attendance_code (marks[i]), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, user, -1, SQLITE_TRANSIENT);
        }
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
attendance_job (MiriamStore  *self,
                gpointer      data,
                GError      **error)
{
  LinkJob *job = data;
  g_autofree char *now = iso_now ();
  g_autofree char *user = dup_user_name (self);

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!miriam_store_write_marks (self, job->a, job->n, job->ids, job->marks, now, user, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
miriam_store_set_attendance (MiriamStore             *self,
                             gint64                   session_id,
                             guint                    n_marks,
                             const gint64            *participant_ids,
                             const MiriamAttendance  *marks,
                             GError                 **error)
{
  LinkJob job = { .a = session_id, .n = n_marks, .ids = participant_ids, .marks = marks };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  /* Checked here, not in the job: returning from inside the transaction
   * would leave it open, the file locked and later saves never written. */
  for (guint i = 0; i < n_marks; i++)
    g_return_val_if_fail (marks[i] <= MIRIAM_ATTENDANCE_EXCUSED, FALSE);
  return run_sync (self, attendance_job, &job, error) != NULL;
}

static gpointer
get_attendance_job (MiriamStore  *self,
                    gpointer      data,
                    GError      **error)
{
  LinkJob *job = data;
  sqlite3_stmt *stmt;
  MiriamAttendance mark = MIRIAM_ATTENDANCE_UNKNOWN;
  int rc;

  if (!check_open (self, error)
      || !(stmt = miriam_store_prepare (self, "SELECT status FROM attendance "
                                              "WHERE session_id = ? AND participant_id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job->a);
  sqlite3_bind_int64 (stmt, 2, job->b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mark = miriam_attendance_from_code ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  /* +1 so that UNKNOWN (0) is not taken for a failure. */
  return GINT_TO_POINTER (mark + 1);
}

MiriamAttendance
miriam_store_get_attendance (MiriamStore  *self,
                             gint64        session_id,
                             gint64        participant_id,
                             GError      **error)
{
  LinkJob job = { .a = session_id, .b = participant_id };
  gpointer result;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), MIRIAM_ATTENDANCE_UNKNOWN);
  result = run_sync (self, get_attendance_job, &job, error);
  return result != NULL ? GPOINTER_TO_INT (result) - 1 : MIRIAM_ATTENDANCE_UNKNOWN;
}

static gpointer
set_scores_job (MiriamStore  *self,
                gpointer      data,
                GError      **error)
{
  LinkJob *job = data;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  if (!miriam_store_begin (self, error))
    return NULL;

  if (!(stmt = miriam_store_prepare (self, "DELETE FROM score WHERE measurement_id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, job->a);
  if (!step_done (self, stmt, error))
    goto failed;

  g_hash_table_iter_init (&iter, job->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int score = GPOINTER_TO_INT (value);

      if (!(stmt = miriam_store_prepare (self, "INSERT INTO score (measurement_id, domain, score) "
                                               "VALUES (?, ?, ?)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, job->a);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      if (score >= 1 && score <= 5)
        sqlite3_bind_int (stmt, 3, score);
      else
        sqlite3_bind_null (stmt, 3);   /* not applicable */
      if (!step_done (self, stmt, error))
        goto failed;
    }

  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

failed:
  miriam_store_rollback (self);
  return NULL;
}

gboolean
miriam_store_set_scores (MiriamStore  *self,
                         gint64        measurement_id,
                         GHashTable   *scores,
                         GError      **error)
{
  LinkJob job = { .a = measurement_id, .scores = scores };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return run_sync (self, set_scores_job, &job, error) != NULL;
}

static gpointer
get_scores_job (MiriamStore  *self,
                gpointer      data,
                GError      **error)
{
  LinkJob *job = data;
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error)
      || !(stmt = miriam_store_prepare (self, "SELECT domain, score FROM score "
                                              "WHERE measurement_id = ? AND score IS NOT NULL", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job->a);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (scores,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&scores);
}

GHashTable *
miriam_store_get_scores (MiriamStore  *self,
                         gint64        measurement_id,
                         GError      **error)
{
  LinkJob job = { .a = measurement_id };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, get_scores_job, &job, error);
}

static gpointer
life_domains_job (MiriamStore  *self,
                  gpointer      data G_GNUC_UNUSED,
                  GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error)
      || !(stmt = miriam_store_prepare (self, "SELECT code FROM life_domain WHERE active "
                                              "ORDER BY position", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
miriam_store_list_life_domains (MiriamStore  *self,
                                GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, life_domains_job, NULL, error);
}

/* ---------------------------------------------------------------------- */
/* Whole-action writes                                                      */

typedef struct
{
  MiriamStoreWriteFunc func;
  gpointer             user_data;
} WriteJob;

static gpointer
write_job (MiriamStore  *self,
           gpointer      data,
           GError      **error)
{
  WriteJob *job = data;

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!job->func (self, job->user_data, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
miriam_store_write (MiriamStore           *self,
                    MiriamStoreWriteFunc   func,
                    gpointer               user_data,
                    GError               **error)
{
  WriteJob job = { func, user_data };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return run_sync (self, write_job, &job, error) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Participant files                                                        */

void
miriam_participant_row_free (MiriamParticipantRow *row)
{
  if (row == NULL)
    return;
  g_free (row->first_name);
  g_free (row->last_name);
  g_free (row->insz);
  g_free (row->phone);
  g_free (row->status);
  g_free (row->group_name);
  g_free (row->cohort_label);
  g_free (row->casemanagers);
  g_free (row);
}

/* Reads that must belong together (the list and its groups, a file and
 * its parts) run in one read transaction, so that a colleague's save
 * cannot land between them; inside a write transaction they already do. */
static gboolean
read_begin (MiriamStore  *self,
            gboolean     *own_tx,
            GError      **error)
{
  *own_tx = sqlite3_get_autocommit (self->db) != 0;
  return !*own_tx || exec (self, "BEGIN", error);
}

/* A read has nothing to commit, but its shared lock must go whatever
 * happens: while it is held, no colleague can save. */
static void
read_end (MiriamStore *self,
          gboolean     own_tx)
{
  if (own_tx && sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static GDate
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return today;
}

typedef struct
{
  MiriamParticipantFile *file;            /* save: a copy, owned */
  char                  *status_reason;
  gint64                 id;              /* load, delete */
  gint64                 version;         /* delete */
  MiriamRecordKind       kind;            /* delete */
  GDate                  today;           /* list */
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  miriam_participant_file_free (job->file);
  g_free (job->status_reason);
  g_free (job);
}

/* What the list shows about a group, read once per group rather than once
 * per participant. */
typedef struct
{
  gint64     id;
  char      *name;
  gint64     cohort_id;
  char      *cohort_label;
  GPtrArray *casemanagers;   /* display names */
  char      *casemanagers_text;
  GDate      next_session;
} GroupInfo;

static void
group_info_free (gpointer data)
{
  GroupInfo *info = data;

  g_free (info->name);
  g_free (info->cohort_label);
  g_ptr_array_unref (info->casemanagers);
  g_free (info->casemanagers_text);
  g_free (info);
}

/* Every group with its cohort and its next session that still takes
 * place: one pass over the groups, one index search per group. */
static GHashTable *
read_groups (MiriamStore  *self,
             const GDate  *today,
             GError      **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        NULL, group_info_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT g.id, g.name, g.cohort_id, c.label, "
                               "  (SELECT s.day FROM session s "
                               "   WHERE s.group_id = g.id AND s.day >= ?1 AND s.cancelled = 0 "
                               "   ORDER BY s.day LIMIT 1) "
                               "FROM coaching_group g JOIN cohort c ON c.id = g.cohort_id", error);
  if (stmt == NULL)
    return NULL;
  bind_date (stmt, 1, today);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupInfo *info = g_new0 (GroupInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->cohort_id = sqlite3_column_int64 (stmt, 2);
      info->cohort_label = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      info->casemanagers = g_ptr_array_new_with_free_func (g_free);
      read_date (stmt, 4, &info->next_session);
      g_hash_table_insert (groups, &info->id, info);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

/* Neither case nor accents decide the order of names ("Öztürk" sorts
 * among the O's, "de Smet" beside "De Smet"), in any locale, even the C
 * locale of a test; the locale's collation orders what remains.  Collation
 * keys compare with strcmp(), so sorting makes each key only once. */
static char *
name_sort_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name != NULL ? name : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  folded = g_utf8_casefold (bare->str, bare->len);
  return g_utf8_collate_key (folded, -1);
}

typedef struct
{
  char     *key;
  gpointer  data;
} Keyed;

static gint
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

/* "Élise Dubois, Sofie Peeters" */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), names->len);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      Keyed k = { name_sort_key (g_ptr_array_index (names, i)), g_ptr_array_index (names, i) };
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);

  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, k->data);
      g_free (k->key);
    }
  return g_strdup (joined->str);
}

/* The casemanagers of each group, in the order of their names. */
static gboolean
read_casemanagers (MiriamStore  *self,
                   GHashTable   *groups,
                   GError      **error)
{
  GHashTableIter iter;
  GroupInfo *info;
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT gs.group_id, s.display_name "
                               "FROM group_staff gs JOIN staff s ON s.id = gs.staff_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);

      info = g_hash_table_lookup (groups, &group_id);
      if (info != NULL)
        g_ptr_array_add (info->casemanagers,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
    info->casemanagers_text = join_names (info->casemanagers);
  return TRUE;
}

static void
set_row_group (MiriamParticipantRow *row,
               const GroupInfo      *group)
{
  row->group_id = group != NULL ? group->id : 0;
  row->group_name = g_strdup (group != NULL ? group->name : "");
  row->cohort_id = group != NULL ? group->cohort_id : 0;
  row->cohort_label = g_strdup (group != NULL ? group->cohort_label : "");
  row->casemanagers = g_strdup (group != NULL ? group->casemanagers_text : "");
  g_date_clear (&row->next_session, 1);
  if (group != NULL)
    row->next_session = group->next_session;
}

/* One pass over the participants; her latest group and her newest contact
 * each come from one index search (membership_by_participant,
 * contact_by_participant_day), never from a scan. */
static GPtrArray *
read_participant_rows (MiriamStore  *self,
                       GHashTable   *groups,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_participant_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT p.id, p.version, p.first_name, p.last_name, p.insz, "
                               "  p.phone, p.status, "
                               "  (SELECT m.group_id FROM membership m WHERE m.participant_id = p.id "
                               "   ORDER BY m.joined_on DESC, m.id DESC LIMIT 1), "
                               "  (SELECT max (c.day) FROM contact c WHERE c.participant_id = p.id) "
                               "FROM participant p", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamParticipantRow *row = g_new0 (MiriamParticipantRow, 1);
      gint64 group_id = sqlite3_column_int64 (stmt, 7);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->version = sqlite3_column_int64 (stmt, 1);
      row->first_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->last_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->insz = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->status = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      set_row_group (row, group_id > 0 ? g_hash_table_lookup (groups, &group_id) : NULL);
      read_date (stmt, 8, &row->last_contact);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

typedef struct
{
  char                 *last;    /* name_sort_key() */
  char                 *first;
  MiriamParticipantRow *row;
} RowKey;

static gint
compare_row_keys (gconstpointer a,
                  gconstpointer b)
{
  const RowKey *ka = a, *kb = b;
  int cmp = strcmp (ka->last, kb->last);

  if (cmp == 0)
    cmp = strcmp (ka->first, kb->first);
  if (cmp == 0)
    cmp = (ka->row->id > kb->row->id) - (ka->row->id < kb->row->id);
  return cmp;
}

/* By last name, then first name; the same names by id, so that the order
 * stays put between two loads. */
static void
sort_rows (GPtrArray *rows)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (RowKey), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      MiriamParticipantRow *row = g_ptr_array_index (rows, i);
      RowKey key = { name_sort_key (row->last_name), name_sort_key (row->first_name), row };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_row_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      RowKey *key = &g_array_index (keys, RowKey, i);

      rows->pdata[i] = key->row;
      g_free (key->last);
      g_free (key->first);
    }
}

static gpointer
list_rows_job (MiriamStore  *self,
               gpointer      data,
               GError      **error)
{
  FileJob *job = data;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean own_tx;

  if (!check_open (self, error) || !read_begin (self, &own_tx, error))
    return NULL;
  groups = read_groups (self, &job->today, error);
  if (groups != NULL && read_casemanagers (self, groups, error))
    rows = read_participant_rows (self, groups, error);
  read_end (self, own_tx);

  if (rows == NULL)
    return NULL;
  /* Outside the transaction: the lock is not needed for sorting. */
  sort_rows (rows);
  return g_steal_pointer (&rows);
}

GPtrArray *
miriam_store_list_participant_rows (MiriamStore  *self,
                                    const GDate  *today,
                                    GError      **error)
{
  FileJob job = { 0 };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  job.today = *today;
  return run_sync (self, list_rows_job, &job, error);
}

void
miriam_store_list_participant_rows_async (MiriamStore         *self,
                                          const GDate         *today,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  job = g_new0 (FileJob, 1);
  job->today = *today;
  run_async (self, list_rows_job, job, file_job_free, (GDestroyNotify) g_ptr_array_unref,
             miriam_store_list_participant_rows_async, cancellable, callback, user_data);
}

GPtrArray *
miriam_store_list_participant_rows_finish (MiriamStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer (self, result, miriam_store_list_participant_rows_async, error);
}

/* Puts @records in place of *@array; FALSE if reading them failed. */
static gboolean
replace_records (GPtrArray **array,
                 GPtrArray  *records)
{
  if (records == NULL)
    return FALSE;
  g_ptr_array_unref (*array);
  *array = records;
  return TRUE;
}

/* The parts of her file, each in the order the file shows them. */
static MiriamParticipantFile *
read_file (MiriamStore  *self,
           gint64        id,
           GError      **error)
{
  g_autoptr(MiriamParticipantFile) file = NULL;
  gpointer participant = load_record (self, MIRIAM_RECORD_PARTICIPANT, id, error);

  if (participant == NULL)
    return NULL;

  file = miriam_participant_file_new ();
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, file->participant);
  file->participant = participant;

#define PARTS(field, kind, order) \
  replace_records (&file->field, select_records (self, kind, "participant_id", id, order, error))
  if (!PARTS (children, MIRIAM_RECORD_CHILD, "id")
      || !PARTS (status_steps, MIRIAM_RECORD_STATUS_STEP, "day, id")
      || !PARTS (memberships, MIRIAM_RECORD_MEMBERSHIP, "joined_on, id")
      || !PARTS (goals, MIRIAM_RECORD_GOAL, "id")
      || !PARTS (contacts, MIRIAM_RECORD_CONTACT, "day DESC, id DESC")
      || !PARTS (referrals, MIRIAM_RECORD_REFERRAL, "day DESC, id DESC"))
    return NULL;
#undef PARTS

  return g_steal_pointer (&file);
}

static gpointer
load_file_job (MiriamStore  *self,
               gpointer      data,
               GError      **error)
{
  FileJob *job = data;
  MiriamParticipantFile *file;
  gboolean own_tx;

  if (!check_open (self, error) || !read_begin (self, &own_tx, error))
    return NULL;
  file = read_file (self, job->id, error);
  read_end (self, own_tx);
  return file;
}

MiriamParticipantFile *
miriam_store_load_participant_file (MiriamStore  *self,
                                    gint64        id,
                                    GError      **error)
{
  FileJob job = { 0 };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);

  job.id = id;
  return run_sync (self, load_file_job, &job, error);
}

void
miriam_store_load_participant_file_async (MiriamStore         *self,
                                          gint64               id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));

  job = g_new0 (FileJob, 1);
  job->id = id;
  run_async (self, load_file_job, job, file_job_free,
             (GDestroyNotify) miriam_participant_file_free,
             miriam_store_load_participant_file_async, cancellable, callback, user_data);
}

MiriamParticipantFile *
miriam_store_load_participant_file_finish (MiriamStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer (self, result, miriam_store_load_participant_file_async, error);
}

/* Her status as it is in the file now; NULL (and no error) if she is not
 * there, which the version-checked update then reports. */
static gboolean
status_in_file (MiriamStore  *self,
                gint64        id,
                char        **status,
                GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT status FROM participant WHERE id = ?",
                                             error);
  int rc;

  *status = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_record (MiriamStore       *self,
              MiriamRecordKind   kind,
              gpointer           record,
              const char        *now,
              const char        *user,
              GError           **error)
{
  return miriam_record_row (record)->id == 0
         ? insert_record (self, kind, record, now, user, error)
         : update_record (self, kind, record, now, user, error);
}

static gboolean
same_fields (MiriamRecordKind kind,
             gconstpointer    a,
             gconstpointer    b)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    if (!miriam_record_field_equal (&info->fields[i], a, b))
      return FALSE;
  return TRUE;
}

/* A child or goal that is in the file as it is here is left alone: its
 * version and updated_by keep telling who last changed it, and a save of
 * the rest of her file does not make it look changed. */
static gboolean
write_part (MiriamStore       *self,
            MiriamRecordKind   kind,
            gpointer           record,
            const char        *now,
            const char        *user,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer current;
  gboolean unchanged;

  if (miriam_record_row (record)->id == 0)
    return insert_record (self, kind, record, now, user, error);

  current = load_record (self, kind, miriam_record_row (record)->id, &local_error);
  if (current == NULL && !g_error_matches (local_error, MIRIAM_STORE_ERROR,
                                           MIRIAM_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  unchanged = current != NULL && same_fields (kind, current, record);
  if (current != NULL)
    miriam_record_free (kind, current);

  /* Gone, or changed here or by a colleague: the version-checked update
   * tells which. */
  return unchanged || update_record (self, kind, record, now, user, error);
}

/* Children and goals are hers: an id of another woman's file deletes
 * nothing.  They carry no version here; a colleague who edited them went
 * through her file and so bumped the participant's version, which was
 * checked first. */
static gboolean
delete_parts (MiriamStore       *self,
              MiriamRecordKind   kind,
              gint64             participant_id,
              const GArray      *ids,
              GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND participant_id = ?",
                                          miriam_record_info (kind)->name);

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = miriam_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, participant_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_status_step (MiriamStore              *self,
                 const MiriamParticipant  *participant,
                 const GDate              *day,
                 const char               *reason,
                 const char               *now,
                 const char               *user,
                 GError                  **error)
{
  MiriamStatusStep *step = miriam_record_new (MIRIAM_RECORD_STATUS_STEP);
  gboolean ok;

  step->participant_id = participant->row.id;
  g_free (step->status);
  step->status = g_strdup (participant->status);
  /* She may have stopped last week and be recorded today. */
  step->day = g_date_valid (day) ? *day : today_local ();
  g_free (step->reason);
  step->reason = g_strdup (reason != NULL ? reason : "");
  ok = insert_record (self, MIRIAM_RECORD_STATUS_STEP, step, now, user, error);
  miriam_record_free (MIRIAM_RECORD_STATUS_STEP, step);
  return ok;
}

/* A database is one OCMW's (or one consortium's); a new file belongs to
 * its first OCMW.  A brand-new database has none yet: it gets one, named
 * as the institution is called in the user's language, to be renamed
 * when the team sets up its OCMW. */
gboolean
miriam_store_ensure_ocmw (MiriamStore  *self,
                          gint64       *ocmw_id,
                          const char   *now,
                          const char   *user,
                          GError      **error)
{
  MiriamOcmw *ocmw;
  gint64 id = 0;
  gboolean ok;

  if (*ocmw_id != 0)
    return TRUE;
  if (!query_int (self, "SELECT id FROM ocmw ORDER BY id LIMIT 1", &id, error))
    return FALSE;
  if (id != 0)
    {
      *ocmw_id = id;
      return TRUE;
    }

  ocmw = miriam_record_new (MIRIAM_RECORD_OCMW);
  g_free (ocmw->name);
  /* Translators: the name of a public social welfare centre, as in the
   * glossary: OCMW, CPAS, ÖSHZ. */
  ocmw->name = g_strdup (_("OCMW"));
  ok = insert_record (self, MIRIAM_RECORD_OCMW, ocmw, now, user, error);
  *ocmw_id = ocmw->row.id;
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  return ok;
}

static gpointer
get_ocmw_job (MiriamStore  *self,
              gpointer      data G_GNUC_UNUSED,
              GError      **error)
{
  g_autofree char *now = iso_now ();
  g_autofree char *user = dup_user_name (self);
  gint64 id = 0;
  gpointer ocmw;

  if (!check_open (self, error) || !miriam_store_begin (self, error))
    return NULL;
  if (!miriam_store_ensure_ocmw (self, &id, now, user, error)
      || !(ocmw = load_record (self, MIRIAM_RECORD_OCMW, id, error)))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    {
      miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
      return NULL;
    }
  return ocmw;
}

MiriamOcmw *
miriam_store_ensure_ocmw_record (MiriamStore  *self,
                                 GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return run_sync (self, get_ocmw_job, NULL, error);
}

/* The writes of one save, in the order that makes a conflict cost
 * nothing: the participant's version check comes first. */
static gboolean
write_file (MiriamStore            *self,
            MiriamParticipantFile  *file,
            const char             *status_reason,
            GError                **error)
{
  MiriamParticipant *p = file->participant;
  g_autofree char *now = iso_now ();
  g_autofree char *user = dup_user_name (self);
  g_autofree char *old_status = NULL;

  if (p->row.id != 0 && !status_in_file (self, p->row.id, &old_status, error))
    return FALSE;
  if (!miriam_store_ensure_ocmw (self, &p->ocmw_id, now, user, error))
    return FALSE;
  if (!write_record (self, MIRIAM_RECORD_PARTICIPANT, p, now, user, error))
    return FALSE;

  for (guint i = 0; i < file->children->len; i++)
    {
      MiriamChild *child = g_ptr_array_index (file->children, i);

      child->participant_id = p->row.id;
      if (!write_part (self, MIRIAM_RECORD_CHILD, child, now, user, error))
        return FALSE;
    }
  for (guint i = 0; i < file->goals->len; i++)
    {
      MiriamGoal *goal = g_ptr_array_index (file->goals, i);

      goal->participant_id = p->row.id;
      if (!write_part (self, MIRIAM_RECORD_GOAL, goal, now, user, error))
        return FALSE;
    }
  /* Her groups: joined in the file window, ended there (left_on), never
   * deleted, so that her attendance keeps its context. */
  for (guint i = 0; i < file->memberships->len; i++)
    {
      MiriamMembership *membership = g_ptr_array_index (file->memberships, i);

      membership->participant_id = p->row.id;
      if (!write_part (self, MIRIAM_RECORD_MEMBERSHIP, membership, now, user, error))
        return FALSE;
    }
  if (!delete_parts (self, MIRIAM_RECORD_CHILD, p->row.id, file->removed_children, error)
      || !delete_parts (self, MIRIAM_RECORD_GOAL, p->row.id, file->removed_goals, error))
    return FALSE;

  /* A new file starts her history too. */
  if (old_status == NULL || !g_str_equal (old_status, p->status))
    return add_status_step (self, p, &file->status_day, status_reason, now, user, error);
  return TRUE;
}

static gpointer
save_file_job (MiriamStore  *self,
               gpointer      data,
               GError      **error)
{
  FileJob *job = data;
  g_autoptr(MiriamParticipantFile) saved = NULL;

  if (!miriam_store_begin (self, error))
    return NULL;
  /* Read back inside the transaction: what the caller gets is exactly
   * what was committed, not what a colleague saved a moment later. */
  if (!write_file (self, job->file, job->status_reason, error)
      || !(saved = read_file (self, job->file->participant->row.id, error)))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&saved);
}

MiriamParticipantFile *
miriam_store_save_participant_file (MiriamStore                  *self,
                                    const MiriamParticipantFile  *file,
                                    const char                   *status_reason,
                                    GError                      **error)
{
  FileJob job = { 0 };
  MiriamParticipantFile *saved;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (file != NULL && file->participant != NULL, NULL);

  /* The job writes ids into what it saves; the caller's file stays as it was. */
  job.file = miriam_participant_file_copy (file);
  job.status_reason = g_strdup (status_reason);
  saved = run_sync (self, save_file_job, &job, error);
  miriam_participant_file_free (job.file);
  g_free (job.status_reason);
  return saved;
}

void
miriam_store_save_participant_file_async (MiriamStore                  *self,
                                          const MiriamParticipantFile  *file,
                                          const char                   *status_reason,
                                          GCancellable                 *cancellable,
                                          GAsyncReadyCallback           callback,
                                          gpointer                      user_data)
{
  FileJob *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (file != NULL && file->participant != NULL);

  job = g_new0 (FileJob, 1);
  job->file = miriam_participant_file_copy (file);
  job->status_reason = g_strdup (status_reason);
  run_async (self, save_file_job, job, file_job_free,
             (GDestroyNotify) miriam_participant_file_free,
             miriam_store_save_participant_file_async, cancellable, callback, user_data);
}

MiriamParticipantFile *
miriam_store_save_participant_file_finish (MiriamStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer (self, result, miriam_store_save_participant_file_async, error);
}

/* Rows a casemanager may remove from a file or from the directory.  The
 * others (a participant, a group, a session...) hold history that others
 * refer to; erasing them is a deliberate act with its own rules. */
static gboolean
kind_may_be_deleted (MiriamRecordKind kind)
{
  switch (kind)
    {
    case MIRIAM_RECORD_CHILD:
    case MIRIAM_RECORD_GOAL:
    case MIRIAM_RECORD_CONTACT:
    case MIRIAM_RECORD_REFERRAL:
    case MIRIAM_RECORD_PARTNER:
    case MIRIAM_RECORD_MEMBERSHIP:
    case MIRIAM_RECORD_CLOSED_DAY:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Nothing was deleted: tell a colleague's change from a colleague's
 * removal. */
static void
set_not_deleted_error (MiriamStore             *self,
                       const MiriamRecordInfo  *info,
                       gint64                   id,
                       GError                 **error)
{
  g_autofree char *probe = g_strdup_printf ("SELECT version FROM %s WHERE id = %" G_GINT64_FORMAT,
                                            info->name, id);
  gint64 version = 0;

  if (!query_int (self, probe, &version, error))
    return;
  if (version > 0)
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CONFLICT,
                         _("A colleague changed this in the meantime, so it was not removed. "
                           "Look at it again before removing it."));
  else
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_FOUND,
                         _("A colleague removed this already."));
}

static gboolean
delete_record (MiriamStore  *self,
               FileJob      *job,
               GError      **error)
{
  const MiriamRecordInfo *info = miriam_record_info (job->kind);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND version = ?",
                                          info->name);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = miriam_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_int64 (stmt, 2, job->version);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           _("This cannot be removed: other data still refer to it, "
                             "such as referrals to this partner."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  if (sqlite3_changes (self->db) != 1)
    {
      set_not_deleted_error (self, info, job->id, error);
      return FALSE;
    }
  return TRUE;
}

static gpointer
delete_job (MiriamStore  *self,
            gpointer      data,
            GError      **error)
{
  FileJob *job = data;

  /* Checked here rather than with g_return_if_fail(), so that an async
   * caller always gets its callback. */
  if (!kind_may_be_deleted (job->kind))
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           _("This kind of data cannot be removed here."));
      return NULL;
    }

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!delete_record (self, job, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

gboolean
miriam_store_delete (MiriamStore       *self,
                     MiriamRecordKind   kind,
                     gint64             id,
                     gint64             version,
                     GError           **error)
{
  FileJob job = { 0 };

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < MIRIAM_N_RECORD_KINDS, FALSE);

  job.kind = kind;
  job.id = id;
  job.version = version;
  return run_sync (self, delete_job, &job, error) != NULL;
}

void
miriam_store_delete_async (MiriamStore         *self,
                           MiriamRecordKind     kind,
                           gint64               id,
                           gint64               version,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (kind < MIRIAM_N_RECORD_KINDS);

  job = g_new0 (FileJob, 1);
  job->kind = kind;
  job->id = id;
  job->version = version;
  run_async (self, delete_job, job, file_job_free, NULL,
             miriam_store_delete_async, cancellable, callback, user_data);
}

gboolean
miriam_store_delete_finish (MiriamStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, miriam_store_delete_async, error) != NULL;
}

/* ---------------------------------------------------------------------- */
/* For the store's other files (miriam-store-private.h)                     */

gpointer
miriam_store_run_sync (MiriamStore         *self,
                       MiriamStoreJobFunc   func,
                       gpointer             data,
                       GError             **error)
{
  return run_sync (self, func, data, error);
}

void
miriam_store_run_async (MiriamStore         *self,
                        MiriamStoreJobFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  run_async (self, func, data, data_free, result_free, source_tag,
             cancellable, callback, user_data);
}

gpointer
miriam_store_finish_pointer (MiriamStore   *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  return finish_pointer (self, result, source_tag, error);
}

sqlite3 *
miriam_store_get_db (MiriamStore *self)
{
  return self->db;
}

MiriamStoreWatch *
miriam_store_get_watch (MiriamStore *self)
{
  if (self->watch == NULL)
    self->watch = miriam_store_watch_new ();
  return self->watch;
}

gboolean
miriam_store_check_open (MiriamStore  *self,
                         GError      **error)
{
  return check_open (self, error);
}

gboolean
miriam_store_step_done (MiriamStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  return step_done (self, stmt, error);
}

void
miriam_store_bind_date (sqlite3_stmt *stmt,
                        int           index,
                        const GDate  *date)
{
  bind_date (stmt, index, date);
}

void
miriam_store_read_date (sqlite3_stmt *stmt,
                        int           column,
                        GDate        *date)
{
  read_date (stmt, column, date);
}

char *
miriam_store_now (void)
{
  return iso_now ();
}

char *
miriam_store_dup_user_name (MiriamStore *self)
{
  return dup_user_name (self);
}

gboolean
miriam_store_write_record (MiriamStore       *self,
                           MiriamRecordKind   kind,
                           gpointer           record,
                           const char        *now,
                           const char        *user,
                           GError           **error)
{
  return write_record (self, kind, record, now, user, error);
}

gpointer
miriam_store_load_record (MiriamStore       *self,
                          MiriamRecordKind   kind,
                          gint64             id,
                          GError           **error)
{
  return load_record (self, kind, id, error);
}

gboolean
miriam_store_read_begin (MiriamStore  *self,
                         gboolean     *own_tx,
                         GError      **error)
{
  return read_begin (self, own_tx, error);
}

void
miriam_store_read_end (MiriamStore *self,
                       gboolean     own_tx)
{
  read_end (self, own_tx);
}

char *
miriam_store_name_sort_key (const char *name)
{
  return name_sort_key (name);
}

/* ---------------------------------------------------------------------- */
/* The object                                                               */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gpointer
close_job (MiriamStore  *self,
           gpointer      data G_GNUC_UNUSED,
           GError      **error G_GNUC_UNUSED)
{
  close_db (self);
  return GINT_TO_POINTER (TRUE);
}

void
miriam_store_close (MiriamStore *self)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));

  if (self->thread == NULL)
    return;

  if (on_worker_thread (self))
    {
      /* The thread cannot join itself: it closes the file now and ends
       * once the queue is empty. */
      close_db (self);
      g_async_queue_push (self->jobs, &stop_job);
      g_thread_unref (self->thread);
    }
  else
    {
      run_sync (self, close_job, NULL, NULL);
      g_async_queue_push (self->jobs, &stop_job);
      g_thread_join (self->thread);
    }
  self->thread = NULL;
}

typedef struct
{
  sqlite3          *db;
  GHashTable       *statements;
  MiriamStoreWatch *watch;
} Detached;

static gpointer
close_detached_job (MiriamStore  *self G_GNUC_UNUSED,
                    gpointer      data,
                    GError      **error G_GNUC_UNUSED)
{
  Detached *detached = data;

  g_hash_table_unref (detached->statements);
  /* Its handle on the file too may wait for a stalled share. */
  g_clear_pointer (&detached->watch, miriam_store_watch_free);
  if (detached->db != NULL)
    sqlite3_close_v2 (detached->db);
  g_free (detached);
  return NULL;
}

/* The last reference is gone, typically from the main loop: hand the
 * connection to the thread to close, and do not wait for it.  A thread
 * stuck on a stalled share must never freeze the window. */
static void
close_without_waiting (MiriamStore *self)
{
  Job *job;
  Detached *detached;

  if (self->thread == NULL)
    return;

  detached = g_new0 (Detached, 1);
  detached->db = g_steal_pointer (&self->db);
  detached->statements = g_steal_pointer (&self->statements);
  detached->watch = g_steal_pointer (&self->watch);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  job = g_new0 (Job, 1);
  job->func = close_detached_job;
  job->data = detached;
  job->detached = TRUE;

  g_async_queue_push (self->jobs, job);
  g_async_queue_push (self->jobs, &stop_job);
  g_thread_unref (self->thread);
  self->thread = NULL;
}

MiriamStore *
miriam_store_new (const char *path)
{
  MiriamStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (MIRIAM_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
miriam_store_get_path (MiriamStore *self)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return self->path;
}

MiriamStoreAccess
miriam_store_get_access (MiriamStore *self)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), MIRIAM_STORE_WRITABLE);
  return self->access;
}

int
miriam_store_get_file_version (MiriamStore *self)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), 0);
  return self->file_version;
}

gboolean
miriam_store_is_open (MiriamStore *self)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return self->db != NULL;
}

void
miriam_store_set_user_name (MiriamStore *self,
                            const char  *name)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));

  g_mutex_lock (&self->lock);
  g_free (self->user_name);
  self->user_name = g_strdup (name != NULL ? name : "");
  g_mutex_unlock (&self->lock);
}

static void
miriam_store_dispose (GObject *object)
{
  close_without_waiting (MIRIAM_STORE (object));
  G_OBJECT_CLASS (miriam_store_parent_class)->dispose (object);
}

static void
miriam_store_finalize (GObject *object)
{
  MiriamStore *self = MIRIAM_STORE (object);

  g_hash_table_unref (self->statements);
  g_clear_pointer (&self->watch, miriam_store_watch_free);
  g_async_queue_unref (self->jobs);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->user_name);

  G_OBJECT_CLASS (miriam_store_parent_class)->finalize (object);
}

static void
miriam_store_class_init (MiriamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = miriam_store_dispose;
  object_class->finalize = miriam_store_finalize;

  /* Not g_resources_register (..._get_resource ()): with --manual-register
   * that resource only exists once registered, and is NULL before. */
  miriam_store_res_register_resource ();
}

static void
miriam_store_init (MiriamStore *self)
{
  g_mutex_init (&self->lock);
  self->jobs = g_async_queue_new ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->user_name = g_strdup (g_get_real_name ());
}
