/* test-store-share.c: one file, several colleagues: the change check,
 * presence, and a share that drops and comes back
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stores on one file stand for two colleagues (two connections, as two
 * machines would have).  A small counting VFS, registered as SQLite's
 * default, tells how many file operations a change check costs.  A dropped
 * share is the database's folder renamed away, and back.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store/miriam-store.h"

#define DB_NAME "team.miriam"

typedef struct
{
  char *dir;     /* a fresh temporary folder */
  char *share;   /* dir/share: the "network drive" folder */
  char *path;    /* dir/share/team.miriam */
} Fixture;

/* ---------------------------------------------------------------------- */
/* A VFS that counts file operations                                        */

static sqlite3_vfs *real_vfs;
static sqlite3_vfs counting_vfs;
static gint n_ops;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* the real VFS's file, allocated after us */
} CountingFile;

#define REAL(file) (((CountingFile *) (file))->real)

static int
c_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods != NULL ? REAL (file)->pMethods->xClose (REAL (file)) : SQLITE_OK;

  g_atomic_int_inc (&n_ops);
  return rc;
}

static int
c_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
c_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
c_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
c_sync (sqlite3_file *file, int flags)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
c_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
c_lock (sqlite3_file *file, int level)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
c_unlock (sqlite3_file *file, int level)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
c_check_reserved (sqlite3_file *file, int *out)
{
  g_atomic_int_inc (&n_ops);
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

/* Not file operations: asked of the VFS, answered from memory. */
static int
c_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
c_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
c_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

/* Version 1 methods: no shared memory (rollback journal only) and no
 * memory mapping, so SQLite never goes around the count. */
static const sqlite3_io_methods counting_methods = {
  1,
  c_close, c_read, c_write, c_truncate, c_sync, c_file_size,
  c_lock, c_unlock, c_check_reserved, c_file_control, c_sector_size,
  c_device_characteristics,
  NULL, NULL, NULL, NULL, NULL, NULL,
};

static int
c_open (sqlite3_vfs *vfs G_GNUC_UNUSED, sqlite3_filename name, sqlite3_file *file,
        int flags, int *out_flags)
{
  CountingFile *counting = (CountingFile *) file;
  int rc;

  g_atomic_int_inc (&n_ops);
  counting->real = (sqlite3_file *) (counting + 1);
  rc = real_vfs->xOpen (real_vfs, name, counting->real, flags, out_flags);
  counting->base.pMethods = rc == SQLITE_OK || counting->real->pMethods != NULL
                            ? &counting_methods : NULL;
  return rc;
}

static int
c_delete (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int sync_dir)
{
  g_atomic_int_inc (&n_ops);
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
c_access (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int flags, int *out)
{
  g_atomic_int_inc (&n_ops);
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
c_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
c_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
c_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
c_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
c_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xGetLastError != NULL ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static void
register_counting_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  counting_vfs.iVersion = 1;
  counting_vfs.szOsFile = sizeof (CountingFile) + real_vfs->szOsFile;
  counting_vfs.mxPathname = real_vfs->mxPathname;
  counting_vfs.zName = "miriam-test-counting";
  counting_vfs.xOpen = c_open;
  counting_vfs.xDelete = c_delete;
  counting_vfs.xAccess = c_access;
  counting_vfs.xFullPathname = c_full_pathname;
  counting_vfs.xDlOpen = NULL;
  counting_vfs.xRandomness = c_randomness;
  counting_vfs.xSleep = c_sleep;
  counting_vfs.xCurrentTime = c_current_time;
  counting_vfs.xGetLastError = c_get_last_error;
  g_assert_cmpint (sqlite3_vfs_register (&counting_vfs, 1), ==, SQLITE_OK);
}

/* ---------------------------------------------------------------------- */
/* Folders and files                                                        */

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

  fx->dir = g_dir_make_tmp ("miriam-share-XXXXXX", &error);
  g_assert_no_error (error);
  fx->share = g_build_filename (fx->dir, "share", NULL);
  g_assert_cmpint (g_mkdir (fx->share, 0700), ==, 0);
  fx->path = g_build_filename (fx->share, DB_NAME, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data G_GNUC_UNUSED)
{
  remove_tree (fx->dir);
  g_assert_false (g_file_test (fx->dir, G_FILE_TEST_EXISTS));
  g_free (fx->dir);
  g_free (fx->share);
  g_free (fx->path);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_test_message ("SQL failed: %s", message);
  sqlite3_free (message);
  sqlite3_close (db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static MiriamStore *
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

/* Saves a new participant; returns her id. */
static gint64
add_participant (MiriamStore *store,
                 const char  *first_name,
                 const char  *last_name)
{
  g_autoptr(GError) error = NULL;
  MiriamOcmw *ocmw = miriam_store_ensure_ocmw_record (store, &error);
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *saved;
  gint64 id;

  g_assert_no_error (error);
  p->ocmw_id = ocmw->row.id;
  g_free (p->first_name);
  p->first_name = g_strdup (first_name);
  g_free (p->last_name);
  p->last_name = g_strdup (last_name);
  g_assert_true (miriam_store_save (store, MIRIAM_RECORD_PARTICIPANT, p, &error));
  g_assert_no_error (error);
  id = p->row.id;
  g_assert_cmpint (id, >, 0);

  saved = miriam_store_load (store, MIRIAM_RECORD_PARTICIPANT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->first_name, ==, first_name);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, saved);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_record_free (MIRIAM_RECORD_OCMW, ocmw);
  return id;
}

/* Checks and returns whether the store saw a change; the check must work. */
static gboolean
changed (MiriamStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean result = -1;

  g_assert_true (miriam_store_check_changes (store, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result == TRUE || result == FALSE);
  return result;
}

/* ---------------------------------------------------------------------- */
/* The change check                                                         */

static void
test_schema (Fixture       *fx,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = open_store (fx->path, "Amina");

  miriam_store_close (store);
  g_assert_cmpint (sql_int (fx->path, "PRAGMA user_version"), ==, miriam_store_schema_version ());
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM sqlite_master "
                                      "WHERE type = 'table' AND name = 'presence'"), ==, 1);
}

/* A save by one colleague is seen by the other's check, once. */
static void
test_colleague_save_seen (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");

  /* The first check sets the baseline. */
  g_assert_false (changed (amina));
  g_assert_false (changed (bart));

  add_participant (bart, "Sarah", "Claes");
  g_assert_true (changed (amina));
  g_assert_false (changed (amina));

  /* Bart's own save is not news to Bart: his window shows it already. */
  g_assert_false (changed (bart));

  /* And the other way round. */
  add_participant (amina, "Fatima", "El Amrani");
  g_assert_false (changed (amina));
  g_assert_true (changed (bart));
  g_assert_false (changed (bart));
}

/* Several saves between two checks are one change; nothing new, no change. */
static void
test_nothing_changed (Fixture       *fx,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");

  g_assert_false (changed (amina));
  for (guint i = 0; i < 5; i++)
    g_assert_false (changed (amina));

  add_participant (bart, "Sarah", "Claes");
  add_participant (bart, "Céline", "Dubois");
  g_assert_true (changed (amina));
  for (guint i = 0; i < 5; i++)
    g_assert_false (changed (amina));
}

/* What a check costs when nothing changed: at most two file operations. */
static void
test_check_is_cheap (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");
  gint before, after;

  add_participant (bart, "Sarah", "Claes");
  g_assert_false (changed (amina));

  before = g_atomic_int_get (&n_ops);
  for (guint i = 0; i < 10; i++)
    g_assert_false (changed (amina));
  after = g_atomic_int_get (&n_ops);
  g_test_message ("10 checks with nothing changed: %d file operations", after - before);
  g_assert_cmpint (after - before, >, 0);
  g_assert_cmpint (after - before, <=, 10 * 2);

  /* A colleague's save costs the full check, and is seen. */
  add_participant (bart, "Céline", "Dubois");
  before = g_atomic_int_get (&n_ops);
  g_assert_true (changed (amina));
  after = g_atomic_int_get (&n_ops);
  g_test_message ("A check after a colleague's save: %d file operations", after - before);
  g_assert_cmpint (after - before, >, 2);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *out = user_data;
  g_autoptr(GError) error = NULL;
  gboolean seen = FALSE;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (miriam_store_check_changes_finish (MIRIAM_STORE (object), result, &seen, &error));
  g_assert_no_error (error);
  out[0] = TRUE;
  out[1] = seen;
}

static gboolean
check_async (MiriamStore *store)
{
  gboolean out[2] = { FALSE, FALSE };

  miriam_store_check_changes_async (store, NULL, check_cb, out);
  while (!out[0])
    g_main_context_iteration (NULL, TRUE);
  return out[1];
}

/* The window's way: the answer comes back on the main context. */
static void
test_check_async (Fixture       *fx,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");

  g_assert_false (check_async (amina));
  add_participant (bart, "Sarah", "Claes");
  g_assert_true (check_async (amina));
  g_assert_false (check_async (amina));
}

static void
test_check_not_open (Fixture       *fx,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) store = miriam_store_new (fx->path);
  g_autoptr(GError) error = NULL;
  gboolean seen = TRUE;

  g_assert_false (miriam_store_check_changes (store, &seen, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_NOT_OPEN);
  g_assert_false (seen);
  g_assert_false (miriam_store_error_is_unreachable (error));
}

/* ---------------------------------------------------------------------- */
/* A dropped share                                                          */

static void
assert_unreachable (MiriamStore *store,
                    int          code)
{
  g_autoptr(GError) error = NULL;
  gboolean seen = TRUE;

  g_assert_false (miriam_store_check_changes (store, &seen, &error));
  g_assert_error (error, MIRIAM_STORE_ERROR, code);
  g_assert_true (miriam_store_error_is_unreachable (error));
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strstr (error->message, DB_NAME));
}

/* The share drops (its folder vanishes), a colleague who still reaches it
 * saves meanwhile, the share comes back: the check says so, reconnects by
 * itself, and the next save works. */
static void
test_share_lost_and_back (Fixture       *fx,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = NULL;
  g_autofree char *away = g_build_filename (fx->dir, "elsewhere", NULL);
  g_autofree char *path_away = g_build_filename (away, DB_NAME, NULL);
  g_autoptr(GError) error = NULL;
  MiriamParticipant *p = miriam_record_new (MIRIAM_RECORD_PARTICIPANT);
  MiriamParticipant *seen;
  gint64 sarah, celine;

  sarah = add_participant (amina, "Sarah", "Claes");
  g_assert_false (changed (amina));

  g_assert_cmpint (g_rename (fx->share, away), ==, 0);
  assert_unreachable (amina, MIRIAM_STORE_ERROR_FOLDER_MISSING);
  assert_unreachable (amina, MIRIAM_STORE_ERROR_FOLDER_MISSING);

  /* A save meanwhile fails clearly, as unreachable; nothing is written. */
  p->ocmw_id = 1;
  g_free (p->first_name);
  p->first_name = g_strdup ("Jeanine");
  g_assert_false (miriam_store_save (amina, MIRIAM_RECORD_PARTICIPANT, p, &error));
  g_assert_true (miriam_store_error_is_unreachable (error));
  g_clear_error (&error);
  g_assert_cmpint (p->row.id, ==, 0);

  /* Bart, on the other side of the network, still reaches it. */
  bart = open_store (path_away, "Bart");
  celine = add_participant (bart, "Céline", "Dubois");
  miriam_store_close (bart);

  g_assert_cmpint (g_rename (away, fx->share), ==, 0);
  /* Back: reconnected, and reported as a change (Bart saved meanwhile). */
  g_assert_true (changed (amina));
  g_assert_false (changed (amina));
  seen = miriam_store_load (amina, MIRIAM_RECORD_PARTICIPANT, celine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->first_name, ==, "Céline");
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, seen);

  /* The save the user tries again now works, once. */
  g_assert_true (miriam_store_save (amina, MIRIAM_RECORD_PARTICIPANT, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->row.id, >, 0);
  miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
  miriam_store_close (amina);

  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM participant"), ==, 3);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM participant WHERE first_name = 'Jeanine'"), ==, 1);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM participant WHERE first_name = 'Sarah'"), ==, 1);
  g_assert_cmpint (sarah, >, 0);
}

/* The file alone moved away (the folder stayed): an I/O error, and back. */
static void
test_file_lost_and_back (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autofree char *moved = g_strconcat (fx->path, ".moved", NULL);

  add_participant (amina, "Sarah", "Claes");
  g_assert_false (changed (amina));

  g_assert_cmpint (g_rename (fx->path, moved), ==, 0);
  assert_unreachable (amina, MIRIAM_STORE_ERROR_IO);
  g_assert_cmpint (g_rename (moved, fx->path), ==, 0);
  g_assert_true (changed (amina));
  add_participant (amina, "Céline", "Dubois");
  g_assert_false (changed (amina));
}

/* ---------------------------------------------------------------------- */
/* Presence                                                                 */

static MiriamPresence *
touch (MiriamStore *store,
       gint64       participant_id)
{
  g_autoptr(GError) error = NULL;
  MiriamPresence *presence = miriam_store_touch_presence (store, participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (presence);
  g_assert_nonnull (presence->colleagues);
  return presence;
}

static MiriamPresence *
present (MiriamStore *store,
         gint64       participant_id)
{
  g_autoptr(GError) error = NULL;
  MiriamPresence *presence = miriam_store_list_presence (store, participant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (presence);
  g_assert_nonnull (presence->colleagues);
  return presence;
}

static void
assert_names (MiriamPresence *presence,
              const char     *expected)   /* comma-separated, "" for none */
{
  g_autofree char *joined = g_strjoinv (",", presence->colleagues);

  g_assert_cmpstr (joined, ==, expected);
  miriam_presence_free (presence);
}

static void
test_presence (Fixture       *fx,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");
  g_autoptr(GError) error = NULL;
  gint64 sarah = add_participant (amina, "Sarah", "Claes");
  gint64 celine = add_participant (amina, "Céline", "Dubois");

  /* Nobody else: never oneself. */
  assert_names (touch (amina, sarah), "");
  assert_names (present (amina, sarah), "");
  assert_names (present (amina, celine), "");

  /* Bart opens her file too: each sees the other. */
  assert_names (touch (bart, sarah), "Amina");
  assert_names (present (amina, sarah), "Bart");
  /* Another participant's file is not concerned. */
  assert_names (present (bart, celine), "");

  /* A heartbeat again does not make two rows. */
  assert_names (touch (amina, sarah), "Bart");
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM presence"), ==, 2);

  /* Beside the names, the version of her file now: a colleague's save
   * shows there. */
  {
    MiriamPresence *before = present (bart, sarah);
    MiriamPresence *after = NULL;
    MiriamParticipant *p = miriam_store_load (amina, MIRIAM_RECORD_PARTICIPANT, sarah, &error);

    g_assert_no_error (error);
    g_assert_cmpint (before->version, ==, p->row.version);
    g_free (p->phone);
    p->phone = g_strdup ("0470 12 34 56");
    g_assert_true (miriam_store_save (amina, MIRIAM_RECORD_PARTICIPANT, p, &error));
    g_assert_no_error (error);
    after = present (bart, sarah);
    g_assert_cmpint (after->version, ==, before->version + 1);
    miriam_record_free (MIRIAM_RECORD_PARTICIPANT, p);
    miriam_presence_free (before);
    miriam_presence_free (after);
  }
  {
    MiriamPresence *nobody = present (bart, 999);

    g_assert_cmpint (nobody->version, ==, 0);
    assert_names (nobody, "");
  }

  /* Amina closes the file. */
  g_assert_true (miriam_store_clear_presence (amina, sarah, &error));
  g_assert_no_error (error);
  assert_names (present (bart, sarah), "");
  assert_names (present (amina, sarah), "Bart");
}

/* A run that ended without saying so stops counting after ~90 seconds, and
 * its row is swept later. */
static void
test_presence_expires (Fixture       *fx,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) bart = open_store (fx->path, "Bart");
  gint64 sarah = add_participant (amina, "Sarah", "Claes");

  assert_names (touch (bart, sarah), "");
  assert_names (present (amina, sarah), "Bart");

  sql_exec (fx->path, "UPDATE presence SET heartbeat_at = "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-60 seconds')");
  assert_names (present (amina, sarah), "Bart");

  sql_exec (fx->path, "UPDATE presence SET heartbeat_at = "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-120 seconds')");
  assert_names (present (amina, sarah), "");
  /* Not yet swept... */
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM presence"), ==, 1);

  /* ...until it is really old. */
  sql_exec (fx->path, "UPDATE presence SET heartbeat_at = "
                      "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 hours')");
  assert_names (touch (amina, sarah), "");
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM presence WHERE user_name = 'Bart'"), ==, 0);
  g_assert_cmpint (sql_int (fx->path, "SELECT count(*) FROM presence WHERE user_name = 'Amina'"), ==, 1);
}

/* The same name on the same computer is still a colleague when it is
 * another run of MIRIAM (a second window, a second session); names are
 * shown as typed, in any script, once each. */
static void
test_presence_same_name (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) amina_again = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) fatima = open_store (fx->path, "فاطمة");
  g_autoptr(MiriamStore) fatima_again = open_store (fx->path, "فاطمة");
  gint64 sarah = add_participant (amina, "Sarah", "Claes");

  assert_names (touch (amina, sarah), "");
  assert_names (touch (amina_again, sarah), "Amina");
  assert_names (touch (fatima, sarah), "Amina");
  assert_names (touch (fatima_again, sarah), "Amina,فاطمة");
  assert_names (present (amina, sarah), "Amina,فاطمة");
}

/* Heartbeats need a writable file; reading who is there does not. */
static void
test_presence_read_only (Fixture       *fx,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(MiriamStore) amina = open_store (fx->path, "Amina");
  g_autoptr(MiriamStore) newer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sarah = add_participant (amina, "Sarah", "Claes");
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  miriam_store_schema_version () + 1);
  MiriamPresence *presence;

  assert_names (touch (amina, sarah), "");
  miriam_store_close (amina);
  sql_exec (fx->path, set_version);

  newer = open_store (fx->path, "Bart");
  g_assert_cmpint (miriam_store_get_access (newer), ==, MIRIAM_STORE_READ_ONLY_NEWER);
  presence = miriam_store_touch_presence (newer, sarah, &error);
  g_assert_error (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_READ_ONLY);
  g_assert_null (presence);
  g_clear_error (&error);
  /* Amina's row is still there (she closed without clearing it). */
  assert_names (present (newer, sarah), "Amina");
}

/* ---------------------------------------------------------------------- */

static void
add (const char *path,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  register_counting_vfs ();

  add ("/store/share/schema", test_schema);
  add ("/store/share/colleague-save-seen", test_colleague_save_seen);
  add ("/store/share/nothing-changed", test_nothing_changed);
  add ("/store/share/check-is-cheap", test_check_is_cheap);
  add ("/store/share/check-async", test_check_async);
  add ("/store/share/check-not-open", test_check_not_open);
  add ("/store/share/share-lost-and-back", test_share_lost_and_back);
  add ("/store/share/file-lost-and-back", test_file_lost_and_back);
  add ("/store/share/presence", test_presence);
  add ("/store/share/presence-expires", test_presence_expires);
  add ("/store/share/presence-same-name", test_presence_same_name);
  add ("/store/share/presence-read-only", test_presence_read_only);

  return g_test_run ();
}
