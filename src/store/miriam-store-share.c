/* miriam-store-share.c: one file, a whole team: the change check and presence
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The change check runs every two seconds in every open MIRIAM, on a share
 * where each file operation may cost milliseconds, so when nothing changed
 * it costs two: does the file still exist under its name (an open handle
 * keeps reading a file whose share was renamed away), and the 4-byte file
 * change counter of the header (offset 24), read through a handle kept
 * open.  Every commit of a rollback-journal database bumps that counter.
 * Only when it moved, or every FULL_CHECK_SECONDS anyway (a network client
 * may serve a stale header from its cache), does the check ask SQLite
 * itself: PRAGMA data_version, which moves when another connection
 * committed.  So our own saves are not reported as changes: the window
 * that saved already shows them.
 *
 * The handle is opened through SQLite's default VFS, not GIO: the unix VFS
 * shares its lock bookkeeping between handles on the same file (closing a
 * plain descriptor would drop the connection's POSIX locks), the Windows
 * VFS works the same way there, and the test shim (registered as the
 * default VFS) counts what the check costs.
 *
 * When the file cannot be reached, the check fails with
 * MIRIAM_STORE_ERROR_FOLDER_MISSING or _IO and remembers it; the first
 * check that finds the file again opens a fresh connection (the old one
 * may hold handles a network client gave up on) and reports a change, since
 * colleagues may have saved meanwhile.
 */
#define G_LOG_DOMAIN "miriam-store"

#include "config.h"

#include "miriam-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How often the full check runs even when the header did not move. */
#define FULL_CHECK_SECONDS 30
/* A heartbeat older than this is a run that ended without saying so. */
#define PRESENCE_EXPIRES_SECONDS 90
/* Rows this old are swept by the next heartbeat written. */
#define PRESENCE_SWEEP_SECONDS (10 * 60)

struct _MiriamStoreWatch
{
  const char    *name;          /* the path as SQLite's VFS wants it */
  sqlite3_vfs   *vfs;
  sqlite3_file  *header;        /* a read-only handle, or NULL */

  gboolean       has_baseline;
  guint32        counter;       /* the header's change counter at the last check */
  gint64         data_version;  /* PRAGMA data_version at the last full check */
  gint64         full_at;       /* monotonic time of the last full check */
  gboolean       lost;          /* the last check could not reach the file */

  char          *process;       /* tells this store's heartbeats from colleagues' */
};

MiriamStoreWatch *
miriam_store_watch_new (void)
{
  MiriamStoreWatch *watch = g_new0 (MiriamStoreWatch, 1);

  watch->process = g_uuid_string_random ();
  return watch;
}

void
miriam_store_watch_close (MiriamStoreWatch *watch)
{
  if (watch->header != NULL)
    {
      if (watch->header->pMethods != NULL)
        watch->header->pMethods->xClose (watch->header);
      g_clear_pointer (&watch->header, g_free);
    }
  if (watch->name != NULL)
    {
      sqlite3_free_filename (watch->name);
      watch->name = NULL;
    }
  watch->vfs = NULL;
  watch->has_baseline = FALSE;
}

void
miriam_store_watch_free (MiriamStoreWatch *watch)
{
  if (watch == NULL)
    return;
  miriam_store_watch_close (watch);
  g_free (watch->process);
  g_free (watch);
}

/* ---------------------------------------------------------------------- */
/* The change check                                                         */

gboolean
miriam_store_error_is_unreachable (const GError *error)
{
  if (error == NULL || error->domain != MIRIAM_STORE_ERROR)
    return FALSE;
  switch ((MiriamStoreError) error->code)
    {
    case MIRIAM_STORE_ERROR_FOLDER_MISSING:
    case MIRIAM_STORE_ERROR_FILE_MISSING:
    case MIRIAM_STORE_ERROR_NO_ACCESS:
    case MIRIAM_STORE_ERROR_IO:
      return TRUE;
    case MIRIAM_STORE_ERROR_NOT_A_DATABASE:
    case MIRIAM_STORE_ERROR_CORRUPT:
    case MIRIAM_STORE_ERROR_WAL:
    case MIRIAM_STORE_ERROR_READ_ONLY:
    case MIRIAM_STORE_ERROR_BUSY:
    case MIRIAM_STORE_ERROR_CONFLICT:
    case MIRIAM_STORE_ERROR_NOT_FOUND:
    case MIRIAM_STORE_ERROR_INVALID:
    case MIRIAM_STORE_ERROR_NOT_OPEN:
    default:
      return FALSE;
    }
}

/* The file is gone from under its name: say whether its folder (the share)
 * went too, and remember it, so that the next check reconnects. */
static void
set_lost (MiriamStore       *self,
          MiriamStoreWatch  *watch,
          GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (miriam_store_get_path (self));

  watch->lost = TRUE;
  miriam_store_watch_close (watch);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_FOLDER_MISSING,
                         _("The folder of the database file cannot be reached. If it is on a "
                           "network drive, check that the drive is connected."));
  else
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_IO,
                         _("The database file cannot be reached. Check that the network drive "
                           "is connected."));
}

/* An error of SQLite while checking: a lost file, or something else. */
static void
set_check_error (MiriamStore       *self,
                 MiriamStoreWatch  *watch,
                 int                rc,
                 GError           **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOTFOUND:
      g_debug ("Change check: the file cannot be reached (SQLite error %d)", rc);
      set_lost (self, watch, error);
      break;
    default:
      miriam_store_set_error (self, rc, error);
      break;
    }
}

/* Opens the read-only handle on the header, once per connection. */
static int
open_header (MiriamStore      *self,
             MiriamStoreWatch *watch)
{
  int flags = 0;
  int rc;

  if (watch->header != NULL)
    return SQLITE_OK;

  /* The default VFS of this moment: the test shim registers itself so. */
  watch->vfs = sqlite3_vfs_find (NULL);
  /* A VFS may read URI parameters behind the name: give it a name made the
   * way SQLite makes them. */
  watch->name = sqlite3_create_filename (miriam_store_get_path (self), "", "", 0, NULL);
  watch->header = g_malloc0 (watch->vfs->szOsFile);

  rc = watch->vfs->xOpen (watch->vfs, watch->name, watch->header,
                          SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &flags);
  if (rc != SQLITE_OK)
    miriam_store_watch_close (watch);
  return rc;
}

static int
read_counter (MiriamStoreWatch *watch,
              guint32          *counter)
{
  guint8 bytes[4];
  int rc = watch->header->pMethods->xRead (watch->header, bytes, sizeof bytes, 24);

  /* A short read is a file emptied or cut off: not ours to trust. */
  if (rc != SQLITE_OK)
    return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR : rc;
  *counter = ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
             | ((guint32) bytes[2] << 8) | bytes[3];
  return SQLITE_OK;
}

static int
read_data_version (MiriamStore *self,
                   gint64      *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Not through the statement cache: a prepare error must not be turned
   * into a GError before we know whether the file is just gone. */
  rc = sqlite3_prepare_v2 (miriam_store_get_db (self), "PRAGMA data_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      /* One statement, one read transaction of its own. */
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Returns 1 (nothing new) or 2 (changed) as a pointer, NULL on error. */
static gpointer
check_job (MiriamStore  *self,
           gpointer      data G_GNUC_UNUSED,
           GError      **error)
{
  MiriamStoreWatch *watch = miriam_store_get_watch (self);
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  gboolean reconnected = FALSE;
  gint64 now = g_get_monotonic_time ();
  guint32 counter = 0;
  gint64 version = 0;
  int exists = 0;
  int rc;

  if (miriam_store_get_db (self) == NULL && !watch->lost)
    return miriam_store_check_open (self, error) ? GINT_TO_POINTER (1) : NULL;

  /* File operation 1: is it there under its name? */
  rc = vfs->xAccess (vfs, miriam_store_get_path (self), SQLITE_ACCESS_EXISTS, &exists);
  if (rc != SQLITE_OK || !exists)
    {
      set_lost (self, watch, error);
      return NULL;
    }

  if (watch->lost)
    {
      /* Back: a fresh connection, and everything shown is read again. */
      if (!miriam_store_reopen (self, error))
        {
          g_debug ("Change check: the file is back but could not be opened yet");
          watch->lost = TRUE;
          return NULL;
        }
      watch->lost = FALSE;
      reconnected = TRUE;
    }

  /* File operation 2: the header's change counter. */
  rc = open_header (self, watch);
  if (rc == SQLITE_OK)
    rc = read_counter (watch, &counter);
  if (rc != SQLITE_OK)
    {
      set_check_error (self, watch, rc, error);
      return NULL;
    }

  if (watch->has_baseline && !reconnected
      && counter == watch->counter
      && now - watch->full_at < FULL_CHECK_SECONDS * G_USEC_PER_SEC)
    return GINT_TO_POINTER (1);

  /* The full check: has another connection committed? */
  rc = read_data_version (self, &version);
  if (rc != SQLITE_OK)
    {
      set_check_error (self, watch, rc, error);
      return NULL;
    }

  {
    gboolean changed = reconnected
                       || (watch->has_baseline && version != watch->data_version);

    watch->has_baseline = TRUE;
    watch->counter = counter;
    watch->data_version = version;
    watch->full_at = now;
    return GINT_TO_POINTER (changed ? 2 : 1);
  }
}

gboolean
miriam_store_check_changes (MiriamStore  *self,
                            gboolean     *changed,
                            GError      **error)
{
  gpointer result;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  result = miriam_store_run_sync (self, check_job, NULL, error);
  *changed = result == GINT_TO_POINTER (2);
  return result != NULL;
}

void
miriam_store_check_changes_async (MiriamStore         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, check_job, NULL, NULL, NULL,
                          miriam_store_check_changes_async, cancellable, callback, user_data);
}

gboolean
miriam_store_check_changes_finish (MiriamStore   *self,
                                   GAsyncResult  *result,
                                   gboolean      *changed,
                                   GError       **error)
{
  gpointer value = miriam_store_finish_pointer (self, result, miriam_store_check_changes_async, error);

  *changed = value == GINT_TO_POINTER (2);
  return value != NULL;
}

/* ---------------------------------------------------------------------- */
/* Presence                                                                 */

/* UTC, as heartbeat_at is written, @seconds ago. */
static char *
utc_ago (int seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

void
miriam_presence_free (MiriamPresence *presence)
{
  if (presence == NULL)
    return;
  g_strfreev (presence->colleagues);
  g_free (presence);
}

/* The colleagues' names on @participant_id's file, oneself left out, and
 * her version now; inside a transaction. */
static MiriamPresence *
select_present (MiriamStore  *self,
                gint64        participant_id,
                GError      **error)
{
  MiriamStoreWatch *watch = miriam_store_get_watch (self);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *since = utc_ago (PRESENCE_EXPIRES_SECONDS);
  MiriamPresence *presence;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT DISTINCT user_name FROM presence "
                               "WHERE participant_id = ?1 AND heartbeat_at >= ?2 "
                               "AND NOT (machine = ?3 AND process = ?4) "
                               "ORDER BY user_name",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_text (stmt, 2, since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, g_get_host_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, watch->process, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = miriam_store_prepare (self, "SELECT version FROM participant WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }

  presence = g_new0 (MiriamPresence, 1);
  presence->colleagues = g_strv_builder_end (names);
  presence->version = version;
  return presence;
}

static gpointer
touch_job (MiriamStore  *self,
           gpointer      data,
           GError      **error)
{
  gint64 participant_id = *(gint64 *) data;
  MiriamStoreWatch *watch = miriam_store_get_watch (self);
  g_autofree char *now = miriam_store_now ();
  g_autofree char *old = utc_ago (PRESENCE_SWEEP_SECONDS);
  g_autofree char *user = miriam_store_dup_user_name (self);
  sqlite3_stmt *stmt;
  MiriamPresence *presence;

  if (!miriam_store_begin (self, error))
    return NULL;

  stmt = miriam_store_prepare (self, "DELETE FROM presence WHERE heartbeat_at < ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
  if (!miriam_store_step_done (self, stmt, error))
    goto failed;

  stmt = miriam_store_prepare (self,
                               "INSERT INTO presence (participant_id, machine, process, user_name, heartbeat_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (participant_id, machine, process) DO UPDATE SET "
                               "user_name = excluded.user_name, heartbeat_at = excluded.heartbeat_at",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_text (stmt, 2, g_get_host_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, watch->process, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, user != NULL ? user : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!miriam_store_step_done (self, stmt, error))
    goto failed;

  presence = select_present (self, participant_id, error);
  if (presence == NULL)
    goto failed;
  if (!miriam_store_commit (self, error))
    {
      miriam_presence_free (presence);
      return NULL;
    }
  return presence;

failed:
  miriam_store_rollback (self);
  return NULL;
}

static gpointer
list_presence_job (MiriamStore  *self,
                   gpointer      data,
                   GError      **error)
{
  MiriamPresence *presence;
  gboolean own_tx;

  if (!miriam_store_check_open (self, error)
      || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;
  presence = select_present (self, *(gint64 *) data, error);
  miriam_store_read_end (self, own_tx);
  return presence;
}

static gpointer
clear_job (MiriamStore  *self,
           gpointer      data,
           GError      **error)
{
  MiriamStoreWatch *watch = miriam_store_get_watch (self);
  sqlite3_stmt *stmt;

  if (!miriam_store_begin (self, error))
    return NULL;
  stmt = miriam_store_prepare (self,
                               "DELETE FROM presence WHERE participant_id = ?1 "
                               "AND machine = ?2 AND process = ?3",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
  sqlite3_bind_text (stmt, 2, g_get_host_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, watch->process, -1, SQLITE_TRANSIENT);
  if (!miriam_store_step_done (self, stmt, error))
    goto failed;
  if (!miriam_store_commit (self, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);

failed:
  miriam_store_rollback (self);
  return NULL;
}

MiriamPresence *
miriam_store_touch_presence (MiriamStore  *self,
                             gint64        participant_id,
                             GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (participant_id > 0, NULL);
  return miriam_store_run_sync (self, touch_job, &participant_id, error);
}

void
miriam_store_touch_presence_async (MiriamStore         *self,
                                   gint64               participant_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (participant_id > 0);
  miriam_store_run_async (self, touch_job, g_memdup2 (&participant_id, sizeof participant_id),
                          g_free, (GDestroyNotify) miriam_presence_free,
                          miriam_store_touch_presence_async, cancellable, callback, user_data);
}

MiriamPresence *
miriam_store_touch_presence_finish (MiriamStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_touch_presence_async, error);
}

MiriamPresence *
miriam_store_list_presence (MiriamStore  *self,
                            gint64        participant_id,
                            GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, list_presence_job, &participant_id, error);
}

void
miriam_store_list_presence_async (MiriamStore         *self,
                                  gint64               participant_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  miriam_store_run_async (self, list_presence_job, g_memdup2 (&participant_id, sizeof participant_id),
                          g_free, (GDestroyNotify) miriam_presence_free,
                          miriam_store_list_presence_async, cancellable, callback, user_data);
}

MiriamPresence *
miriam_store_list_presence_finish (MiriamStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_list_presence_async, error);
}

gboolean
miriam_store_clear_presence (MiriamStore  *self,
                             gint64        participant_id,
                             GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  return miriam_store_run_sync (self, clear_job, &participant_id, error) != NULL;
}

void
miriam_store_clear_presence_async (MiriamStore *self,
                                   gint64       participant_id)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  /* No callback: the task keeps the store alive until the row is gone. */
  miriam_store_run_async (self, clear_job, g_memdup2 (&participant_id, sizeof participant_id),
                          g_free, NULL, miriam_store_clear_presence_async, NULL, NULL, NULL);
}
