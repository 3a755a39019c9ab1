/* miriam-test-vfs.h: a counting, slowing and failing SQLite VFS, for tests
 * and benchmarks only
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * miriam_test_vfs_install() registers a shim as SQLite's default VFS that
 * wraps the default before it (the unix VFS on Linux).  Every connection
 * opened afterwards, the store's included, goes through it unchanged, so
 * a test or a benchmark can tell what a user action costs on a network
 * share, and what happens when the share misbehaves:
 *
 *  - it counts file operations by kind, and transactions (SHARED locks
 *    taken on a database file: every transaction starts with one;
 *    RESERVED locks: the writing ones);
 *  - it adds a latency to each file operation (a real sleep) and keeps a
 *    simulated time, the sum of the latencies;
 *  - it injects failures: an I/O error at the Nth file operation (of any
 *    kind, or of one kind), SQLITE_BUSY storms (the next N lock calls),
 *    a full disk (writes fail with SQLITE_FULL) and a vanished file (as
 *    when the share drops: opens fail, the file no longer exists, reads,
 *    writes and locks fail).
 *
 * A "file operation" is a call that reaches the file server on a share:
 * open, close, read, write, truncate, sync, file size, lock, unlock,
 * check-reserved-lock on the database and its journal, and delete and
 * access by name.  Calls answered from memory (file controls, sector size,
 * device characteristics, full path names, randomness, time) are counted
 * as "other" and are never slowed down nor failed.  Temporary files
 * (sorting, statement journals) live on the local disk, not on the share:
 * their operations are counted as "local" only.
 *
 * The shim presents version 1 I/O methods: no shared memory (so no WAL,
 * which MIRIAM never uses) and no memory mapping, so that no read goes
 * around the count.  It is thread-safe: the store works on its own thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIRIAM_TEST_VFS_OPEN,
  MIRIAM_TEST_VFS_CLOSE,
  MIRIAM_TEST_VFS_READ,
  MIRIAM_TEST_VFS_WRITE,
  MIRIAM_TEST_VFS_TRUNCATE,
  MIRIAM_TEST_VFS_SYNC,
  MIRIAM_TEST_VFS_FILE_SIZE,
  MIRIAM_TEST_VFS_LOCK,
  MIRIAM_TEST_VFS_UNLOCK,
  MIRIAM_TEST_VFS_CHECK_RESERVED,
  MIRIAM_TEST_VFS_DELETE,
  MIRIAM_TEST_VFS_ACCESS,
  MIRIAM_TEST_VFS_N_OPS,
  MIRIAM_TEST_VFS_ANY = MIRIAM_TEST_VFS_N_OPS,   /* for miriam_test_vfs_fail_at() */
} MiriamTestVfsOp;

/* Which file an operation was on. */
typedef enum {
  MIRIAM_TEST_VFS_FILE_NONE,
  MIRIAM_TEST_VFS_FILE_DATABASE,
  MIRIAM_TEST_VFS_FILE_JOURNAL,   /* the rollback (or super-) journal */
  MIRIAM_TEST_VFS_FILE_BY_NAME,   /* delete and access name a path, no open file */
} MiriamTestVfsFile;

typedef struct {
  guint64            ops[MIRIAM_TEST_VFS_N_OPS];
  guint64            total;            /* file operations: the sum of @ops */
  guint64            on_journal;       /* of which on an open journal file */
  guint64            other;            /* calls answered from memory */
  guint64            local;            /* operations on local temporary files */
  guint64            transactions;     /* SHARED locks taken on a database file */
  guint64            write_transactions; /* RESERVED locks taken on a database file */
  guint64            exclusive_locks;  /* EXCLUSIVE locks taken (commits that wrote) */
  guint64            busy;             /* lock calls answered SQLITE_BUSY (storms included) */
  guint64            faults;           /* failures injected (busy storms included) */
  MiriamTestVfsOp    fault_op;         /* the kind of the last failure injected */
  MiriamTestVfsFile  fault_file;       /* and where it was */
  gint64             simulated_us;     /* the latencies added up */
} MiriamTestVfsCounters;

/* Registers the shim as the default VFS, wrapping the default of this
 * moment.  Call before opening connections; calling again does nothing. */
void        miriam_test_vfs_install        (void);
/* The VFS's name, for sqlite3_open_v2() on a non-default VFS. */
const char *miriam_test_vfs_name           (void);

/* Zeroes the counters and disarms every failure; the latency stays. */
void        miriam_test_vfs_reset          (void);
void        miriam_test_vfs_get_counters   (MiriamTestVfsCounters *counters);
/* @after - @before, kind by kind (fault_op and fault_file: @after's). */
void        miriam_test_vfs_counters_diff  (const MiriamTestVfsCounters *after,
                                            const MiriamTestVfsCounters *before,
                                            MiriamTestVfsCounters       *diff);

/* Each file operation from now on sleeps @microseconds (0: none) and adds
 * them to the simulated time. */
void        miriam_test_vfs_set_latency    (guint                  microseconds);

/* The @n th file operation from now (1: the next one), counting only
 * operations of @kind (or MIRIAM_TEST_VFS_ANY), fails once with the I/O
 * error SQLite's own VFS gives for that kind (SQLITE_IOERR_READ,
 * SQLITE_IOERR_FSYNC... SQLITE_CANTOPEN for an open).  The operation is
 * not done, except a close, which is done and then reported failed. */
void        miriam_test_vfs_fail_at        (guint                  n,
                                            MiriamTestVfsOp        kind);
/* The next @n_locks lock calls answer SQLITE_BUSY without trying, as when
 * colleagues hold the lock. */
void        miriam_test_vfs_busy_storm     (guint                  n_locks);
/* While @full, every write fails with SQLITE_FULL. */
void        miriam_test_vfs_set_disk_full  (gboolean               full);
/* While @vanished, the share is gone: opens fail (SQLITE_CANTOPEN), the
 * files no longer exist (access), and reads, writes, syncs, sizes, locks
 * and deletes fail with I/O errors.  Unlocks and closes still release what
 * they hold, as a file server does for a client that dropped. */
void        miriam_test_vfs_set_vanished   (gboolean               vanished);
/* Disarms every failure, counters untouched. */
void        miriam_test_vfs_clear_faults   (void);
/* Whether a miriam_test_vfs_fail_at() failure is still waiting to fire. */
gboolean    miriam_test_vfs_fault_pending  (void);

/* "open", "read", "check-reserved"... */
const char *miriam_test_vfs_op_name        (MiriamTestVfsOp        op);
const char *miriam_test_vfs_file_name      (MiriamTestVfsFile      file);
/* "read 12, write 4, ..." for the kinds that occurred; free with g_free(). */
char       *miriam_test_vfs_describe_ops   (const MiriamTestVfsCounters *counters);

G_END_DECLS
