/* miriam-test-vfs.c: a counting, slowing and failing SQLite VFS, for tests
 * and benchmarks only
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See miriam-test-vfs.h.  Each shim file is followed in memory by the
 * wrapped VFS's own file structure; every method counts, sleeps, maybe
 * fails, and otherwise hands the call on.
 */
#include "config.h"

#include "miriam-test-vfs.h"

#include <sqlite3.h>
#include <string.h>

#define SHIM_NAME "miriam-test-vfs"

typedef struct
{
  sqlite3_file       base;
  sqlite3_file      *real;       /* the wrapped VFS's file, right after us */
  MiriamTestVfsFile  where;      /* NONE: a local temporary file */
  gboolean           database;   /* a main database: its locks are transactions */
} ShimFile;

/* The wrapped file starts at this offset, aligned for any structure. */
#define SHIM_FILE_SIZE ((sizeof (ShimFile) + 15) & ~(gsize) 15)

static sqlite3_vfs *real_vfs;
static sqlite3_vfs  shim_vfs;

/* Everything below, under one lock: the store calls from its own thread. */
static GMutex                 state_lock;
static MiriamTestVfsCounters  counters;
static guint                  latency_us;
static guint                  fail_countdown;   /* 0: disarmed */
static MiriamTestVfsOp        fail_kind;
static guint                  busy_left;
static gboolean               disk_full;
static gboolean               vanished;

static const char * const op_names[MIRIAM_TEST_VFS_N_OPS] = {
  "open", "close", "read", "write", "truncate", "sync", "file-size",
  "lock", "unlock", "check-reserved", "delete", "access",
};

/* The error SQLite's own VFS returns when this kind of call fails. */
static int
io_error_of (MiriamTestVfsOp op)
{
  switch (op)
    {
    case MIRIAM_TEST_VFS_OPEN:           return SQLITE_CANTOPEN;
    case MIRIAM_TEST_VFS_CLOSE:          return SQLITE_IOERR_CLOSE;
    case MIRIAM_TEST_VFS_READ:           return SQLITE_IOERR_READ;
    case MIRIAM_TEST_VFS_WRITE:          return SQLITE_IOERR_WRITE;
    case MIRIAM_TEST_VFS_TRUNCATE:       return SQLITE_IOERR_TRUNCATE;
    case MIRIAM_TEST_VFS_SYNC:           return SQLITE_IOERR_FSYNC;
    case MIRIAM_TEST_VFS_FILE_SIZE:      return SQLITE_IOERR_FSTAT;
    case MIRIAM_TEST_VFS_LOCK:           return SQLITE_IOERR_LOCK;
    case MIRIAM_TEST_VFS_UNLOCK:         return SQLITE_IOERR_UNLOCK;
    case MIRIAM_TEST_VFS_CHECK_RESERVED: return SQLITE_IOERR_CHECKRESERVEDLOCK;
    case MIRIAM_TEST_VFS_DELETE:         return SQLITE_IOERR_DELETE;
    case MIRIAM_TEST_VFS_ACCESS:         return SQLITE_IOERR_ACCESS;
    case MIRIAM_TEST_VFS_N_OPS:
    default:                             return SQLITE_IOERR;
    }
}

/* What a vanished share answers; SQLITE_OK: the call goes through. */
static int
vanished_error_of (MiriamTestVfsOp op)
{
  switch (op)
    {
    case MIRIAM_TEST_VFS_CLOSE:
    case MIRIAM_TEST_VFS_UNLOCK:
    case MIRIAM_TEST_VFS_ACCESS:     /* answered "not there" by shim_access() */
      return SQLITE_OK;
    case MIRIAM_TEST_VFS_OPEN:
    case MIRIAM_TEST_VFS_READ:
    case MIRIAM_TEST_VFS_WRITE:
    case MIRIAM_TEST_VFS_TRUNCATE:
    case MIRIAM_TEST_VFS_SYNC:
    case MIRIAM_TEST_VFS_FILE_SIZE:
    case MIRIAM_TEST_VFS_LOCK:
    case MIRIAM_TEST_VFS_CHECK_RESERVED:
    case MIRIAM_TEST_VFS_DELETE:
    case MIRIAM_TEST_VFS_N_OPS:
    default:
      return io_error_of (op);
    }
}

static void
note_fault (MiriamTestVfsOp   op,
            MiriamTestVfsFile where)
{
  counters.faults++;
  counters.fault_op = op;
  counters.fault_file = where;
}

/* Counts one operation, sleeps its latency and decides whether it fails:
 * returns the error to give instead of doing it, or SQLITE_OK. */
static int
begin_op (MiriamTestVfsOp   op,
          MiriamTestVfsFile where)
{
  guint sleep_us;
  int rc = SQLITE_OK;

  g_mutex_lock (&state_lock);

  if (where == MIRIAM_TEST_VFS_FILE_NONE)
    {
      counters.local++;
      g_mutex_unlock (&state_lock);
      return SQLITE_OK;
    }

  counters.ops[op]++;
  counters.total++;
  if (where == MIRIAM_TEST_VFS_FILE_JOURNAL)
    counters.on_journal++;
  counters.simulated_us += latency_us;
  sleep_us = latency_us;

  if (fail_countdown > 0 && (fail_kind == MIRIAM_TEST_VFS_ANY || fail_kind == op)
      && --fail_countdown == 0)
    {
      rc = io_error_of (op);
      note_fault (op, where);
    }
  else if (vanished && vanished_error_of (op) != SQLITE_OK)
    {
      rc = vanished_error_of (op);
      note_fault (op, where);
    }
  else if (disk_full && op == MIRIAM_TEST_VFS_WRITE)
    {
      rc = SQLITE_FULL;
      note_fault (op, where);
    }
  else if (busy_left > 0 && op == MIRIAM_TEST_VFS_LOCK)
    {
      busy_left--;
      counters.busy++;
      rc = SQLITE_BUSY;
      note_fault (op, where);
    }

  g_mutex_unlock (&state_lock);

  if (sleep_us > 0)
    g_usleep (sleep_us);
  return rc;
}

static gboolean
is_vanished (void)
{
  gboolean v;

  g_mutex_lock (&state_lock);
  v = vanished;
  g_mutex_unlock (&state_lock);
  return v;
}

static void
count_other (void)
{
  g_mutex_lock (&state_lock);
  counters.other++;
  g_mutex_unlock (&state_lock);
}

/* ---------------------------------------------------------------------- */
/* The file methods                                                         */

#define SHIM(file) ((ShimFile *) (file))
#define REAL(file) (SHIM (file)->real)

static int
shim_close (sqlite3_file *file)
{
  int injected = begin_op (MIRIAM_TEST_VFS_CLOSE, SHIM (file)->where);
  int rc = REAL (file)->pMethods != NULL ? REAL (file)->pMethods->xClose (REAL (file)) : SQLITE_OK;

  /* Closed all the same: a handle is not left behind. */
  return injected != SQLITE_OK ? injected : rc;
}

static int
shim_read (sqlite3_file   *file,
           void           *buffer,
           int             amount,
           sqlite3_int64   offset)
{
  int rc = begin_op (MIRIAM_TEST_VFS_READ, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
shim_write (sqlite3_file   *file,
            const void     *buffer,
            int             amount,
            sqlite3_int64   offset)
{
  int rc = begin_op (MIRIAM_TEST_VFS_WRITE, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
shim_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  int rc = begin_op (MIRIAM_TEST_VFS_TRUNCATE, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  int rc = begin_op (MIRIAM_TEST_VFS_SYNC, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  int rc = begin_op (MIRIAM_TEST_VFS_FILE_SIZE, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file,
           int           level)
{
  ShimFile *shim = SHIM (file);
  int rc = begin_op (MIRIAM_TEST_VFS_LOCK, shim->where);

  if (rc != SQLITE_OK)
    return rc;
  rc = shim->real->pMethods->xLock (shim->real, level);

  if (shim->database)
    {
      g_mutex_lock (&state_lock);
      if (rc == SQLITE_OK && level == SQLITE_LOCK_SHARED)
        counters.transactions++;
      else if (rc == SQLITE_OK && level == SQLITE_LOCK_RESERVED)
        counters.write_transactions++;
      else if (rc == SQLITE_OK && level == SQLITE_LOCK_EXCLUSIVE)
        counters.exclusive_locks++;
      else if ((rc & 0xff) == SQLITE_BUSY)
        counters.busy++;
      g_mutex_unlock (&state_lock);
    }
  return rc;
}

static int
shim_unlock (sqlite3_file *file,
             int           level)
{
  int rc = begin_op (MIRIAM_TEST_VFS_UNLOCK, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
shim_check_reserved (sqlite3_file *file,
                     int          *result)
{
  int rc = begin_op (MIRIAM_TEST_VFS_CHECK_RESERVED, SHIM (file)->where);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), result);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  count_other ();
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  count_other ();
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  count_other ();
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static const sqlite3_io_methods shim_methods = {
  1,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  NULL, NULL, NULL, NULL,   /* no shared memory: never WAL */
  NULL, NULL,               /* no memory mapping: every read is counted */
};

/* ---------------------------------------------------------------------- */
/* The VFS methods                                                          */

static MiriamTestVfsFile
where_of (int flags)
{
  if (flags & SQLITE_OPEN_MAIN_DB)
    return MIRIAM_TEST_VFS_FILE_DATABASE;
  if (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL))
    return MIRIAM_TEST_VFS_FILE_JOURNAL;
  return MIRIAM_TEST_VFS_FILE_NONE;
}

static int
shim_open (sqlite3_vfs      *vfs G_GNUC_UNUSED,
           sqlite3_filename  name,
           sqlite3_file     *file,
           int               flags,
           int              *out_flags)
{
  ShimFile *shim = SHIM (file);
  int rc;

  memset (shim, 0, sizeof *shim);
  shim->real = (sqlite3_file *) ((char *) file + SHIM_FILE_SIZE);
  shim->where = where_of (flags);
  shim->database = (flags & SQLITE_OPEN_MAIN_DB) != 0;

  rc = begin_op (MIRIAM_TEST_VFS_OPEN, shim->where);
  if (rc != SQLITE_OK)
    return rc;

  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  /* SQLite closes a file whose methods are set, even when opening failed. */
  if (shim->real->pMethods != NULL)
    file->pMethods = &shim_methods;
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs G_GNUC_UNUSED,
             const char  *name,
             int          sync_dir)
{
  int rc = begin_op (MIRIAM_TEST_VFS_DELETE, MIRIAM_TEST_VFS_FILE_BY_NAME);

  if (rc != SQLITE_OK)
    return rc;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs G_GNUC_UNUSED,
             const char  *name,
             int          flags,
             int         *result)
{
  int rc = begin_op (MIRIAM_TEST_VFS_ACCESS, MIRIAM_TEST_VFS_FILE_BY_NAME);

  if (rc != SQLITE_OK)
    return rc;
  /* As the unix VFS answers for a path on a share that is gone. */
  if (is_vanished ())
    {
      *result = 0;
      return SQLITE_OK;
    }
  return real_vfs->xAccess (real_vfs, name, flags, result);
}

static int
shim_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED,
                    const char  *name,
                    int          n_out,
                    char        *out)
{
  count_other ();
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs G_GNUC_UNUSED,
              const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
shim_dl_error (sqlite3_vfs *vfs G_GNUC_UNUSED,
               int          n,
               char        *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*shim_dl_sym (sqlite3_vfs *vfs G_GNUC_UNUSED,
                           void        *handle,
                           const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs G_GNUC_UNUSED,
               void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
shim_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED,
                 int          n,
                 char        *out)
{
  count_other ();
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED,
            int          microseconds)
{
  count_other ();
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED,
                   double      *out)
{
  count_other ();
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED,
                     int          n,
                     char        *out)
{
  return real_vfs->xGetLastError != NULL ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs G_GNUC_UNUSED,
                         sqlite3_int64 *out)
{
  count_other ();
  if (real_vfs->iVersion >= 2 && real_vfs->xCurrentTimeInt64 != NULL)
    return real_vfs->xCurrentTimeInt64 (real_vfs, out);
  else
    {
      double days = 0;
      int rc = real_vfs->xCurrentTime (real_vfs, &days);

      *out = (sqlite3_int64) (days * 86400000.0);
      return rc;
    }
}

/* ---------------------------------------------------------------------- */
/* The interface                                                            */

void
miriam_test_vfs_install (void)
{
  static gsize installed = 0;

  if (!g_once_init_enter (&installed))
    return;

  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  shim_vfs.iVersion = 2;
  shim_vfs.szOsFile = SHIM_FILE_SIZE + real_vfs->szOsFile;
  shim_vfs.mxPathname = real_vfs->mxPathname;
  shim_vfs.zName = SHIM_NAME;
  shim_vfs.xOpen = shim_open;
  shim_vfs.xDelete = shim_delete;
  shim_vfs.xAccess = shim_access;
  shim_vfs.xFullPathname = shim_full_pathname;
  shim_vfs.xDlOpen = shim_dl_open;
  shim_vfs.xDlError = shim_dl_error;
  shim_vfs.xDlSym = shim_dl_sym;
  shim_vfs.xDlClose = shim_dl_close;
  shim_vfs.xRandomness = shim_randomness;
  shim_vfs.xSleep = shim_sleep;
  shim_vfs.xCurrentTime = shim_current_time;
  shim_vfs.xGetLastError = shim_get_last_error;
  shim_vfs.xCurrentTimeInt64 = shim_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
  g_once_init_leave (&installed, 1);
}

const char *
miriam_test_vfs_name (void)
{
  return SHIM_NAME;
}

void
miriam_test_vfs_reset (void)
{
  g_mutex_lock (&state_lock);
  memset (&counters, 0, sizeof counters);
  fail_countdown = 0;
  busy_left = 0;
  disk_full = FALSE;
  vanished = FALSE;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_get_counters (MiriamTestVfsCounters *out)
{
  g_mutex_lock (&state_lock);
  *out = counters;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_counters_diff (const MiriamTestVfsCounters *after,
                               const MiriamTestVfsCounters *before,
                               MiriamTestVfsCounters       *diff)
{
  for (guint i = 0; i < MIRIAM_TEST_VFS_N_OPS; i++)
    diff->ops[i] = after->ops[i] - before->ops[i];
  diff->total = after->total - before->total;
  diff->on_journal = after->on_journal - before->on_journal;
  diff->other = after->other - before->other;
  diff->local = after->local - before->local;
  diff->transactions = after->transactions - before->transactions;
  diff->write_transactions = after->write_transactions - before->write_transactions;
  diff->exclusive_locks = after->exclusive_locks - before->exclusive_locks;
  diff->busy = after->busy - before->busy;
  diff->faults = after->faults - before->faults;
  diff->fault_op = after->fault_op;
  diff->fault_file = after->fault_file;
  diff->simulated_us = after->simulated_us - before->simulated_us;
}

void
miriam_test_vfs_set_latency (guint microseconds)
{
  g_mutex_lock (&state_lock);
  latency_us = microseconds;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_fail_at (guint           n,
                         MiriamTestVfsOp kind)
{
  g_return_if_fail (kind <= MIRIAM_TEST_VFS_ANY);

  g_mutex_lock (&state_lock);
  fail_countdown = n;
  fail_kind = kind;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_busy_storm (guint n_locks)
{
  g_mutex_lock (&state_lock);
  busy_left = n_locks;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_set_disk_full (gboolean full)
{
  g_mutex_lock (&state_lock);
  disk_full = full;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_set_vanished (gboolean gone)
{
  g_mutex_lock (&state_lock);
  vanished = gone;
  g_mutex_unlock (&state_lock);
}

void
miriam_test_vfs_clear_faults (void)
{
  g_mutex_lock (&state_lock);
  fail_countdown = 0;
  busy_left = 0;
  disk_full = FALSE;
  vanished = FALSE;
  g_mutex_unlock (&state_lock);
}

gboolean
miriam_test_vfs_fault_pending (void)
{
  gboolean pending;

  g_mutex_lock (&state_lock);
  pending = fail_countdown > 0;
  g_mutex_unlock (&state_lock);
  return pending;
}

const char *
miriam_test_vfs_op_name (MiriamTestVfsOp op)
{
  if (op == MIRIAM_TEST_VFS_ANY)
    return "any";
  g_return_val_if_fail (op < MIRIAM_TEST_VFS_N_OPS, "?");
  return op_names[op];
}

const char *
miriam_test_vfs_file_name (MiriamTestVfsFile file)
{
  switch (file)
    {
    case MIRIAM_TEST_VFS_FILE_DATABASE: return "database";
    case MIRIAM_TEST_VFS_FILE_JOURNAL:  return "journal";
    case MIRIAM_TEST_VFS_FILE_BY_NAME:  return "by name";
    case MIRIAM_TEST_VFS_FILE_NONE:
    default:                            return "local";
    }
}

char *
miriam_test_vfs_describe_ops (const MiriamTestVfsCounters *c)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < MIRIAM_TEST_VFS_N_OPS; i++)
    if (c->ops[i] > 0)
      g_string_append_printf (text, "%s%s %" G_GUINT64_FORMAT, text->len > 0 ? ", " : "",
                              op_names[i], c->ops[i]);
  if (text->len == 0)
    g_string_append (text, "none");
  return g_string_free (text, FALSE);
}
