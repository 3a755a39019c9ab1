/* miriam-drafts.c: unsaved edits, kept on this computer until they are saved
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft file is one serialized GVariant: exact for any text (no escaping
 * to get wrong), quick to write, and checked when read back, so a damaged
 * file is refused instead of half restored.  Files are named after a hash
 * of the database and the record, never after a person.
 */
#define G_LOG_DOMAIN "miriam"

#include "config.h"

#include "miriam-drafts.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* magic, database, kind, id, version, written at (µs since 1970, UTC), fields */
#define DRAFT_TYPE "(sssxxxa{sv})"
#define DRAFT_MAGIC "MIRIAM draft 1"

struct _MiriamDraft
{
  char             *database;
  MiriamRecordKind  kind;
  gint64            id;
  gint64            version;
  gint64            saved_at;     /* 0: not yet written */
  GHashTable       *fields;       /* key -> GVariant ("s" or "x") */
};

G_DEFINE_QUARK (miriam-draft-error-quark, miriam_draft_error)

MiriamDraft *
miriam_draft_new (const char        *database,
                  MiriamRecordKind   kind,
                  gint64             id,
                  gint64             version)
{
  MiriamDraft *draft;

  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (kind < MIRIAM_N_RECORD_KINDS, NULL);

  draft = g_new0 (MiriamDraft, 1);
  draft->database = g_strdup (database);
  draft->kind = kind;
  draft->id = id;
  draft->version = version;
  draft->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_variant_unref);
  return draft;
}

void
miriam_draft_free (MiriamDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->database);
  g_hash_table_unref (draft->fields);
  g_free (draft);
}

gint64
miriam_draft_get_id (const MiriamDraft *draft)
{
  return draft->id;
}

gint64
miriam_draft_get_version (const MiriamDraft *draft)
{
  return draft->version;
}

GDateTime *
miriam_draft_get_saved_at (const MiriamDraft *draft)
{
  if (draft->saved_at == 0)
    return NULL;
  return g_date_time_new_from_unix_utc (draft->saved_at / G_USEC_PER_SEC);
}

gboolean
miriam_draft_is_newer_than (const MiriamDraft *draft,
                            const char        *updated_at)
{
  g_autoptr(GDateTime) then = NULL;

  if (updated_at == NULL || updated_at[0] == '\0')
    return TRUE;
  then = g_date_time_new_from_iso8601 (updated_at, NULL);
  if (then == NULL)
    return TRUE;
  /* updated_at has whole seconds: a draft of the same second is newer. */
  return draft->saved_at / G_USEC_PER_SEC >= g_date_time_to_unix (then);
}

void
miriam_draft_set_text (MiriamDraft *draft,
                       const char  *key,
                       const char  *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (key != NULL);

  if (text == NULL)
    text = "";
  /* GVariant strings are UTF-8; a stray byte must not lose the rest. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_hash_table_replace (draft->fields, g_strdup (key), g_variant_ref_sink (g_variant_new_string (text)));
}

const char *
miriam_draft_get_text (const MiriamDraft *draft,
                       const char        *key)
{
  GVariant *value = g_hash_table_lookup (draft->fields, key);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_get_string (value, NULL);
}

void
miriam_draft_set_int (MiriamDraft *draft,
                      const char  *key,
                      gint64       value)
{
  g_return_if_fail (key != NULL);
  g_hash_table_replace (draft->fields, g_strdup (key), g_variant_ref_sink (g_variant_new_int64 (value)));
}

gint64
miriam_draft_get_int (const MiriamDraft *draft,
                      const char        *key,
                      gint64             fallback)
{
  GVariant *value = g_hash_table_lookup (draft->fields, key);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return fallback;
  return g_variant_get_int64 (value);
}

gboolean
miriam_draft_same_fields (const MiriamDraft *a,
                          const MiriamDraft *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a->fields) != g_hash_table_size (b->fields))
    return FALSE;
  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GVariant *other = g_hash_table_lookup (b->fields, key);

      if (other == NULL || !g_variant_equal (value, other))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Files                                                                    */

char *
miriam_drafts_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "miriam", "drafts", NULL);
}

static const char *
kind_name (MiriamRecordKind kind)
{
  return miriam_record_info (kind)->name;
}

/* <hash of the database>-<kind>-<id>.draft */
static char *
draft_path (const char       *database,
            MiriamRecordKind  kind,
            gint64            id)
{
  g_autofree char *dir = miriam_drafts_get_dir ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, database, -1);
  g_autofree char *name = NULL;

  hash[16] = '\0';
  if (id > 0)
    name = g_strdup_printf ("%s-%s-%" G_GINT64_FORMAT ".draft", hash, kind_name (kind), id);
  else
    name = g_strdup_printf ("%s-%s-new.draft", hash, kind_name (kind));
  return g_build_filename (dir, name, NULL);
}

static GVariant *
draft_to_variant (const MiriamDraft *draft)
{
  GVariantBuilder fields;
  g_autoptr(GList) keys = g_hash_table_get_keys (draft->fields);

  /* Sorted, so the same fields make the same bytes. */
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a{sv}"));
  for (GList *l = keys; l != NULL; l = l->next)
    g_variant_builder_add (&fields, "{sv}", l->data, g_hash_table_lookup (draft->fields, l->data));

  return g_variant_new (DRAFT_TYPE, DRAFT_MAGIC, draft->database, kind_name (draft->kind),
                        draft->id, draft->version, draft->saved_at, &fields);
}

gboolean
miriam_draft_save (MiriamDraft  *draft,
                   GError      **error)
{
  g_autofree char *dir = miriam_drafts_get_dir ();
  g_autofree char *path = draft_path (draft->database, draft->kind, draft->id);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create the drafts folder: %s", g_strerror (saved_errno));
      return FALSE;
    }

  draft->saved_at = g_get_real_time ();
  variant = g_variant_ref_sink (draft_to_variant (draft));
  bytes = g_variant_get_data_as_bytes (variant);

  /* Written to a temporary file, synced and renamed over the old one:
   * after a crash there is the old draft or the new one, never half. */
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

MiriamDraft *
miriam_draft_load (const char        *database,
                   MiriamRecordKind   kind,
                   gint64             id,
                   GError           **error)
{
  g_autofree char *path = draft_path (database, kind, id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariantIter) fields = NULL;
  const char *magic, *file_database, *file_kind;
  gint64 file_id, version, saved_at;
  char *contents = NULL;
  gsize length = 0;
  MiriamDraft *draft;
  const char *key;
  GVariant *value;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (DRAFT_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    goto invalid;

  g_variant_get (variant, "(&s&s&sxxxa{sv})", &magic, &file_database, &file_kind,
                 &file_id, &version, &saved_at, &fields);
  if (!g_str_equal (magic, DRAFT_MAGIC) || !g_str_equal (file_database, database)
      || !g_str_equal (file_kind, kind_name (kind)) || file_id != id)
    goto invalid;

  draft = miriam_draft_new (database, kind, id, version);
  draft->saved_at = saved_at;
  while (g_variant_iter_next (fields, "{&sv}", &key, &value))
    {
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
          || g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        g_hash_table_replace (draft->fields, g_strdup (key), value);
      else
        g_variant_unref (value);
    }
  return draft;

invalid:
  g_set_error_literal (error, MIRIAM_DRAFT_ERROR, MIRIAM_DRAFT_ERROR_INVALID,
                       "The draft file is damaged or of another version");
  return NULL;
}

gboolean
miriam_draft_remove (const char        *database,
                     MiriamRecordKind   kind,
                     gint64             id,
                     GError           **error)
{
  g_autofree char *path = draft_path (database, kind, id);

  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot remove a draft: %s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* In the background, in order                                              */

typedef enum {
  JOB_SAVE,
  JOB_REMOVE,
} JobKind;

typedef struct {
  JobKind           what;
  MiriamDraft      *draft;      /* JOB_SAVE */
  char             *database;   /* JOB_REMOVE */
  MiriamRecordKind  kind;
  gint64            id;
} Job;

static GMutex pending_lock;
static GCond pending_cond;
static guint n_pending;

static void
run_job (gpointer data,
         gpointer user_data G_GNUC_UNUSED)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  if (job->what == JOB_SAVE)
    {
      if (!miriam_draft_save (job->draft, &error))
        g_warning ("A draft could not be written: %s", error->message);
      miriam_draft_free (job->draft);
    }
  else
    {
      if (!miriam_draft_remove (job->database, job->kind, job->id, &error))
        g_warning ("A draft could not be removed: %s", error->message);
      g_free (job->database);
    }
  g_free (job);

  g_mutex_lock (&pending_lock);
  n_pending--;
  g_cond_broadcast (&pending_cond);
  g_mutex_unlock (&pending_lock);
}

static void
push_job (Job *job)
{
  static GThreadPool *pool;
  static gsize initialized;

  /* One thread: jobs run one after the other, in the order pushed. */
  if (g_once_init_enter (&initialized))
    {
      pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
      g_once_init_leave (&initialized, 1);
    }

  g_mutex_lock (&pending_lock);
  n_pending++;
  g_mutex_unlock (&pending_lock);
  g_thread_pool_push (pool, job, NULL);
}

void
miriam_draft_save_later (MiriamDraft *draft)
{
  Job *job = g_new0 (Job, 1);

  job->what = JOB_SAVE;
  job->draft = draft;
  push_job (job);
}

void
miriam_draft_remove_later (const char        *database,
                           MiriamRecordKind   kind,
                           gint64             id)
{
  Job *job = g_new0 (Job, 1);

  job->what = JOB_REMOVE;
  job->database = g_strdup (database);
  job->kind = kind;
  job->id = id;
  push_job (job);
}

void
miriam_drafts_wait (void)
{
  g_mutex_lock (&pending_lock);
  while (n_pending > 0)
    g_cond_wait (&pending_cond, &pending_lock);
  g_mutex_unlock (&pending_lock);
}
