/* test-vfs.c: the test VFS shim itself, on a bare SQLite connection
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fault-injection tests and the share benchmark trust the shim's
 * counts and failures (tests/miriam-test-vfs.h); these tests earn that
 * trust on plain sqlite3 connections in DELETE journal mode, as the store
 * uses them: what is counted is what SQLite did, each kind of failure
 * reaches SQLite with the error its own VFS would give, and a file
 * survives every one of them.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "miriam-test-vfs.h"

typedef struct
{
  char    *dir;
  char    *path;
  sqlite3 *db;
} Fixture;

static void
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

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  exec_ok (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL");
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs @sql and returns SQLite's extended result code. */
static int
exec_rc (sqlite3    *db,
         const char *sql)
{
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  return sqlite3_extended_errcode (db);
}

/* A fresh connection, without the shim's failures, says the file is sound
 * and holds @n_rows rows. */
static void
assert_file_sound (const char *path,
                   gint64      n_rows)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM t"), ==, n_rows);
  sqlite3_close (db);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("miriam-vfs-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "team.miriam", NULL);
  fx->db = open_db (fx->path);
  exec_ok (fx->db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"
                   "INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
  /* Warm: the schema and the pages are in the connection's cache. */
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);
  miriam_test_vfs_reset ();
  miriam_test_vfs_set_latency (0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  miriam_test_vfs_reset ();
  miriam_test_vfs_set_latency (0);
  sqlite3_close (fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static MiriamTestVfsCounters
counters_now (void)
{
  MiriamTestVfsCounters c;

  miriam_test_vfs_get_counters (&c);
  return c;
}

/* ---------------------------------------------------------------------- */
/* Counting                                                                 */

static void
test_installed_as_default (void)
{
  g_assert_cmpstr (sqlite3_vfs_find (NULL)->zName, ==, miriam_test_vfs_name ());
  /* Installing twice wraps nothing twice. */
  miriam_test_vfs_install ();
  g_assert_cmpstr (sqlite3_vfs_find (NULL)->zName, ==, miriam_test_vfs_name ());
}

/* A read of a file nobody changed: one transaction, no writes, and only
 * the header's change counter is read again; the pages come from the
 * cache.  After a colleague's write the same read reads more. */
static void
test_count_read (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters unchanged, changed;
  sqlite3 *colleague;
  guint64 sum = 0;

  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);
  unchanged = counters_now ();

  for (guint i = 0; i < MIRIAM_TEST_VFS_N_OPS; i++)
    sum += unchanged.ops[i];
  g_assert_cmpuint (sum, ==, unchanged.total);
  g_assert_cmpuint (unchanged.transactions, ==, 1);
  g_assert_cmpuint (unchanged.write_transactions, ==, 0);
  g_assert_cmpuint (unchanged.ops[MIRIAM_TEST_VFS_LOCK], ==, 1);
  g_assert_cmpuint (unchanged.ops[MIRIAM_TEST_VFS_UNLOCK], ==, 1);
  g_assert_cmpuint (unchanged.ops[MIRIAM_TEST_VFS_READ], ==, 1);
  g_assert_cmpuint (unchanged.ops[MIRIAM_TEST_VFS_WRITE], ==, 0);
  g_assert_cmpuint (unchanged.ops[MIRIAM_TEST_VFS_SYNC], ==, 0);
  g_assert_cmpuint (unchanged.faults, ==, 0);
  g_test_message ("read of an unchanged file: %" G_GUINT64_FORMAT " file operations",
                  unchanged.total);

  colleague = open_db (fx->path);
  exec_ok (colleague, "INSERT INTO t (name) VALUES ('d')");
  sqlite3_close (colleague);

  miriam_test_vfs_reset ();
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 4);
  changed = counters_now ();
  g_assert_cmpuint (changed.transactions, ==, 1);
  g_assert_cmpuint (changed.ops[MIRIAM_TEST_VFS_READ], >, unchanged.ops[MIRIAM_TEST_VFS_READ]);
}

/* A write: one transaction that takes the RESERVED and EXCLUSIVE locks,
 * a journal opened, written, synced and deleted. */
static void
test_count_write (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters one, fifteen;

  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('d')");
  one = counters_now ();
  g_assert_cmpuint (one.transactions, ==, 1);
  g_assert_cmpuint (one.write_transactions, ==, 1);
  g_assert_cmpuint (one.exclusive_locks, ==, 1);
  g_assert_cmpuint (one.ops[MIRIAM_TEST_VFS_OPEN], ==, 1);     /* the journal */
  g_assert_cmpuint (one.ops[MIRIAM_TEST_VFS_CLOSE], ==, 1);
  g_assert_cmpuint (one.ops[MIRIAM_TEST_VFS_DELETE], ==, 1);   /* the commit */
  g_assert_cmpuint (one.ops[MIRIAM_TEST_VFS_WRITE], >=, 2);    /* journal and page */
  g_assert_cmpuint (one.ops[MIRIAM_TEST_VFS_SYNC], >=, 2);     /* journal and database */
  g_assert_cmpuint (one.on_journal, >, 0);
  g_assert_cmpuint (one.on_journal, <, one.total);
  g_test_message ("one-row write: %" G_GUINT64_FORMAT " file operations", one.total);

  /* Fifteen rows in one transaction are one transaction, not fifteen. */
  miriam_test_vfs_reset ();
  exec_ok (fx->db, "BEGIN IMMEDIATE");
  for (guint i = 0; i < 15; i++)
    exec_ok (fx->db, "INSERT INTO t (name) VALUES ('e')");
  exec_ok (fx->db, "COMMIT");
  fifteen = counters_now ();
  g_assert_cmpuint (fifteen.transactions, ==, 1);
  g_assert_cmpuint (fifteen.write_transactions, ==, 1);
  g_assert_cmpuint (fifteen.ops[MIRIAM_TEST_VFS_DELETE], ==, 1);

  /* The same fifteen rows one by one are fifteen. */
  miriam_test_vfs_reset ();
  for (guint i = 0; i < 15; i++)
    exec_ok (fx->db, "INSERT INTO t (name) VALUES ('f')");
  g_assert_cmpuint (counters_now ().write_transactions, ==, 15);
  g_assert_cmpuint (counters_now ().total, >, 5 * fifteen.total);
}

/* Temporary files are on the local disk, not the share: counted apart. */
static void
test_count_local (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters c;

  if (sqlite3_compileoption_used ("TEMP_STORE=3"))
    {
      g_test_skip ("this SQLite keeps temporary files in memory");
      return;
    }
  exec_ok (fx->db, "PRAGMA temp_store = FILE; PRAGMA cache_size = 2");
  miriam_test_vfs_reset ();
  /* A sort too big for two pages of cache spills to a temporary file. */
  exec_ok (fx->db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                   "SELECT i, printf('%0100d', i) AS x FROM n ORDER BY x DESC");
  c = counters_now ();
  g_assert_cmpuint (c.local, >, 0);
  g_assert_cmpuint (c.ops[MIRIAM_TEST_VFS_WRITE], ==, 0);
  g_assert_cmpuint (c.ops[MIRIAM_TEST_VFS_OPEN], ==, 0);
}

/* Each file operation sleeps the latency; the simulated time adds it up. */
static void
test_latency (Fixture       *fx,
              gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters c;
  gint64 start;
  gint64 wall;

  miriam_test_vfs_set_latency (3000);
  start = g_get_monotonic_time ();
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('d')");
  wall = g_get_monotonic_time () - start;
  c = counters_now ();

  g_assert_cmpint (c.simulated_us, ==, (gint64) c.total * 3000);
  g_assert_cmpint (wall, >=, c.simulated_us);

  /* Back to none: nothing more is added. */
  miriam_test_vfs_set_latency (0);
  miriam_test_vfs_reset ();
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('e')");
  g_assert_cmpint (counters_now ().simulated_us, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Failures                                                                 */

/* The Nth operation of any kind fails once, with the error of its kind;
 * the next statement works again. */
static void
test_fail_at_any (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters c;

  /* The first operation of a read is its SHARED lock. */
  miriam_test_vfs_fail_at (1, MIRIAM_TEST_VFS_ANY);
  g_assert_true (miriam_test_vfs_fault_pending ());
  g_assert_cmpint (exec_rc (fx->db, "SELECT count(*) FROM t"), ==, SQLITE_IOERR_LOCK);
  c = counters_now ();
  g_assert_cmpuint (c.faults, ==, 1);
  g_assert_cmpint (c.fault_op, ==, MIRIAM_TEST_VFS_LOCK);
  g_assert_cmpint (c.fault_file, ==, MIRIAM_TEST_VFS_FILE_DATABASE);
  g_assert_false (miriam_test_vfs_fault_pending ());
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);

  /* Beyond the statement's operations: nothing fails, still armed. */
  miriam_test_vfs_reset ();
  miriam_test_vfs_fail_at (1000, MIRIAM_TEST_VFS_ANY);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);
  g_assert_true (miriam_test_vfs_fault_pending ());
  g_assert_cmpuint (counters_now ().faults, ==, 0);
}

/* Every operation of a one-row write fails in turn: each time SQLite
 * reports the failure or shrugs it off, and the file holds the row or
 * not, never a broken page. */
static void
test_fail_at_each_write_op (Fixture       *fx,
                            gconstpointer  data G_GNUC_UNUSED)
{
  guint64 n_ops;
  gint64 n_rows = 3;

  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('warm')");
  n_rows++;
  miriam_test_vfs_reset ();
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('count')");
  n_rows++;
  n_ops = counters_now ().total;
  g_assert_cmpuint (n_ops, >, 10);

  for (guint k = 1; k <= n_ops; k++)
    {
      MiriamTestVfsCounters c;
      int rc;

      miriam_test_vfs_reset ();
      miriam_test_vfs_fail_at (k, MIRIAM_TEST_VFS_ANY);
      rc = exec_rc (fx->db, "INSERT INTO t (name) VALUES ('x')");
      c = counters_now ();
      g_assert_cmpuint (c.faults, ==, 1);
      g_test_message ("write, %s on the %s fails (op %u of %" G_GUINT64_FORMAT "): rc %d",
                      miriam_test_vfs_op_name (c.fault_op),
                      miriam_test_vfs_file_name (c.fault_file), k, n_ops, rc);
      if (rc == SQLITE_OK)
        n_rows++;
      else
        g_assert_cmpint (rc & 0xff, !=, SQLITE_CORRUPT);

      /* A fresh connection rolls back what a failed commit left. */
      miriam_test_vfs_clear_faults ();
      {
        sqlite3 *check = open_db (fx->path);
        gint64 found = query_int (check, "SELECT count(*) FROM t");

        sqlite3_close (check);
        /* Reported failed yet kept would make a retry save it twice. */
        if (rc != SQLITE_OK && found == n_rows + 1)
          {
            g_test_message ("  ... reported failed, but the row is in the file");
            n_rows++;
          }
        g_assert_cmpint (found, ==, n_rows);
      }
      assert_file_sound (fx->path, n_rows);
    }
}

/* A failure of one kind only: the second read call of the statement. */
static void
test_fail_at_kind (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters c;

  miriam_test_vfs_fail_at (1, MIRIAM_TEST_VFS_SYNC);
  g_assert_cmpint (exec_rc (fx->db, "INSERT INTO t (name) VALUES ('d')"), ==, SQLITE_IOERR_FSYNC);
  c = counters_now ();
  g_assert_cmpuint (c.faults, ==, 1);
  g_assert_cmpint (c.fault_op, ==, MIRIAM_TEST_VFS_SYNC);
  /* The first sync is the journal's, before the database is touched. */
  g_assert_cmpint (c.fault_file, ==, MIRIAM_TEST_VFS_FILE_JOURNAL);
  assert_file_sound (fx->path, 3);

  miriam_test_vfs_reset ();
  miriam_test_vfs_fail_at (1, MIRIAM_TEST_VFS_DELETE);
  /* The journal's deletion is the commit: it failed, the row is not in. */
  g_assert_cmpint (exec_rc (fx->db, "INSERT INTO t (name) VALUES ('e')"), ==, SQLITE_IOERR_DELETE);
  assert_file_sound (fx->path, 3);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);

  miriam_test_vfs_reset ();
  miriam_test_vfs_fail_at (1, MIRIAM_TEST_VFS_OPEN);
  g_assert_cmpint (exec_rc (fx->db, "INSERT INTO t (name) VALUES ('f')") & 0xff, ==, SQLITE_CANTOPEN);
  g_assert_cmpint (counters_now ().fault_file, ==, MIRIAM_TEST_VFS_FILE_JOURNAL);
  assert_file_sound (fx->path, 3);

  /* And it works again. */
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('g')");
  assert_file_sound (fx->path, 4);
}

/* Colleagues holding the lock: a storm shorter than the busy timeout is
 * waited out; without a busy handler it is SQLITE_BUSY at once. */
static void
test_busy_storm (Fixture       *fx,
                 gconstpointer  data G_GNUC_UNUSED)
{
  MiriamTestVfsCounters c;

  sqlite3_busy_timeout (fx->db, 2000);
  miriam_test_vfs_busy_storm (4);
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('d')");
  c = counters_now ();
  g_assert_cmpuint (c.busy, ==, 4);
  g_assert_cmpuint (c.faults, ==, 4);
  g_assert_cmpuint (c.write_transactions, ==, 1);

  sqlite3_busy_timeout (fx->db, 0);
  miriam_test_vfs_reset ();
  miriam_test_vfs_busy_storm (1);
  g_assert_cmpint (exec_rc (fx->db, "INSERT INTO t (name) VALUES ('e')") & 0xff, ==, SQLITE_BUSY);
  g_assert_cmpuint (counters_now ().busy, ==, 1);
  assert_file_sound (fx->path, 4);

  /* The storm is over: the lock is taken on the first try. */
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('f')");
  assert_file_sound (fx->path, 5);
}

/* A full disk: the write fails with SQLITE_FULL and nothing is half
 * written; reads still work; when space is back, writes do too. */
static void
test_disk_full (Fixture       *fx,
                gconstpointer  data G_GNUC_UNUSED)
{
  miriam_test_vfs_set_disk_full (TRUE);
  g_assert_cmpint (exec_rc (fx->db, "INSERT INTO t (name) VALUES (zeroblob(100000))") & 0xff,
                   ==, SQLITE_FULL);
  g_assert_cmpint (counters_now ().fault_op, ==, MIRIAM_TEST_VFS_WRITE);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);

  miriam_test_vfs_set_disk_full (FALSE);
  assert_file_sound (fx->path, 3);
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('d')");
  assert_file_sound (fx->path, 4);
}

/* The share drops: a new connection cannot open the file, the file is
 * not there by name, an open connection can neither read nor write; when
 * the share is back, the open connection reads and writes again. */
static void
test_vanished (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  sqlite3 *other = NULL;
  int exists = 1;
  int rc;

  g_assert_cmpint (vfs->xAccess (vfs, fx->path, SQLITE_ACCESS_EXISTS, &exists), ==, SQLITE_OK);
  g_assert_cmpint (exists, ==, 1);

  miriam_test_vfs_set_vanished (TRUE);

  g_assert_cmpint (vfs->xAccess (vfs, fx->path, SQLITE_ACCESS_EXISTS, &exists), ==, SQLITE_OK);
  g_assert_cmpint (exists, ==, 0);

  rc = sqlite3_open_v2 (fx->path, &other, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CANTOPEN);
  sqlite3_close (other);

  rc = exec_rc (fx->db, "SELECT count(*) FROM t");
  g_assert_cmpint (rc & 0xff, ==, SQLITE_IOERR);
  rc = exec_rc (fx->db, "INSERT INTO t (name) VALUES ('d')");
  g_assert_cmpint (rc & 0xff, ==, SQLITE_IOERR);
  g_assert_cmpuint (counters_now ().faults, >=, 3);

  miriam_test_vfs_set_vanished (FALSE);
  assert_file_sound (fx->path, 3);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM t"), ==, 3);
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('e')");
  assert_file_sound (fx->path, 4);
}

/* Reset disarms every failure. */
static void
test_reset (Fixture       *fx,
            gconstpointer  data G_GNUC_UNUSED)
{
  miriam_test_vfs_fail_at (1, MIRIAM_TEST_VFS_ANY);
  miriam_test_vfs_busy_storm (100);
  miriam_test_vfs_set_disk_full (TRUE);
  miriam_test_vfs_set_vanished (TRUE);
  miriam_test_vfs_reset ();

  g_assert_false (miriam_test_vfs_fault_pending ());
  exec_ok (fx->db, "INSERT INTO t (name) VALUES ('d')");
  g_assert_cmpuint (counters_now ().faults, ==, 0);
  g_assert_cmpuint (counters_now ().total, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  miriam_test_vfs_install ();

#define ADD(name, func) \
  g_test_add ("/vfs/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/vfs/installed-as-default", test_installed_as_default);
  ADD ("count/read", test_count_read);
  ADD ("count/write", test_count_write);
  ADD ("count/local", test_count_local);
  ADD ("latency", test_latency);
  ADD ("fail-at/any", test_fail_at_any);
  ADD ("fail-at/each-write-op", test_fail_at_each_write_op);
  ADD ("fail-at/kind", test_fail_at_kind);
  ADD ("busy-storm", test_busy_storm);
  ADD ("disk-full", test_disk_full);
  ADD ("vanished", test_vanished);
  ADD ("reset", test_reset);

  return g_test_run ();
}
