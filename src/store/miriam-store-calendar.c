/* miriam-store-calendar.c: sessions, appointments and attendance
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar reads many groups at once and writes whole user actions:
 * a group with its casemanagers and its thirty sessions, a session with
 * the marks of fifteen women.  Each such action is one transaction, so a
 * colleague never sees half of it, and a conflict writes nothing.
 */
#define G_LOG_DOMAIN "miriam-store"

#include "config.h"

#include "miriam-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A group may have one or two casemanagers (the method's rule). */
#define MAX_GROUP_STAFF 2

/* An appointment with a time but no duration still takes room in a day
 * view and in the conflict check. */
#define DEFAULT_APPOINTMENT_MIN 60

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

/* ---------------------------------------------------------------------- */
/* Database identity                                                        */

static gpointer
database_id_job (MiriamStore  *self,
                 gpointer      data G_GNUC_UNUSED,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  if (!miriam_store_check_open (self, error)
      || !(stmt = miriam_store_prepare (self, "SELECT value FROM database_info "
                                              "WHERE key = 'id'", error)))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_CORRUPT,
                         _("The database file lacks its identity. Restore a backup or ask "
                           "your IT service for help."));
  else if (rc != SQLITE_ROW)
    miriam_store_set_error (self, rc, error);
  return id;
}

char *
miriam_store_get_database_id (MiriamStore  *self,
                              GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, database_id_job, NULL, error);
}

/* ---------------------------------------------------------------------- */
/* The calendar                                                             */

typedef struct
{
  GPtrArray *names;   /* display names */
  GArray    *ids;     /* gint64 */
} StaffList;

static void
staff_list_free (gpointer data)
{
  StaffList *list = data;

  g_ptr_array_unref (list->names);
  g_array_unref (list->ids);
  g_free (list);
}

/* The casemanagers of every group, each group's by name: a small table,
 * read whole rather than once per session. */
static GHashTable *
read_group_staff (MiriamStore  *self,
                  GError      **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, staff_list_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT gs.group_id, s.id, s.display_name "
                               "FROM group_staff gs JOIN staff s ON s.id = gs.staff_id "
                               "ORDER BY gs.group_id, s.display_name, s.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);
      gint64 staff_id = sqlite3_column_int64 (stmt, 1);
      StaffList *list = g_hash_table_lookup (groups, &group_id);

      if (list == NULL)
        {
          list = g_new0 (StaffList, 1);
          list->names = g_ptr_array_new_with_free_func (g_free);
          list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (groups, g_memdup2 (&group_id, sizeof group_id), list);
        }
      g_ptr_array_add (list->names, column_dup (stmt, 2));
      g_array_append_val (list->ids, staff_id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

static void
entry_set_staff (MiriamCalendarEntry *entry,
                 const char * const  *names,
                 const gint64        *ids,
                 guint                n)
{
  g_strfreev (entry->staff);
  g_free (entry->staff_ids);
  entry->staff = g_new0 (char *, n + 1);
  entry->staff_ids = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      entry->staff[i] = g_strdup (names[i]);
      entry->staff_ids[i] = ids[i];
    }
}

/* A fresh entry whose strings are all "", whatever the core's
 * constructor does. */
static MiriamCalendarEntry *
entry_new (MiriamEntryKind kind)
{
  MiriamCalendarEntry *entry = miriam_calendar_entry_new ();
  char **strings[] = {
    &entry->group_name, &entry->colour, &entry->location, &entry->theme, &entry->partner,
    &entry->notes, &entry->cancel_reason, &entry->title, &entry->contact_kind,
    &entry->updated_at,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (*strings[i] == NULL)
      *strings[i] = g_strdup ("");
  entry->kind = kind;
  g_date_clear (&entry->day, 1);
  g_date_clear (&entry->original_day, 1);
  entry_set_staff (entry, NULL, NULL, 0);
  return entry;
}

static gboolean
read_sessions (MiriamStore  *self,
               const GDate  *from,
               const GDate  *to,
               GHashTable   *group_staff,
               GPtrArray    *entries,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT s.id, s.version, s.group_id, g.name, g.colour, g.cohort_id, "
                               "  s.day, s.start_minute, s.end_minute, "
                               "  CASE WHEN s.location <> '' THEN s.location ELSE g.location END, "
                               "  s.theme, s.partner, s.notes, s.cancelled, s.cancel_reason, "
                               "  s.original_day, s.updated_at "
                               "FROM session s JOIN coaching_group g ON g.id = s.group_id "
                               "WHERE s.day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  miriam_store_bind_date (stmt, 1, from);
  miriam_store_bind_date (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamCalendarEntry *e = entry_new (MIRIAM_ENTRY_SESSION);
      StaffList *staff;

      e->id = sqlite3_column_int64 (stmt, 0);
      e->version = sqlite3_column_int64 (stmt, 1);
      e->group_id = sqlite3_column_int64 (stmt, 2);
      set_string (&e->group_name, (const char *) sqlite3_column_text (stmt, 3));
      set_string (&e->colour, (const char *) sqlite3_column_text (stmt, 4));
      e->cohort_id = sqlite3_column_int64 (stmt, 5);
      miriam_store_read_date (stmt, 6, &e->day);
      e->start_minute = sqlite3_column_int (stmt, 7);
      e->end_minute = sqlite3_column_int (stmt, 8);
      set_string (&e->location, (const char *) sqlite3_column_text (stmt, 9));
      set_string (&e->theme, (const char *) sqlite3_column_text (stmt, 10));
      set_string (&e->partner, (const char *) sqlite3_column_text (stmt, 11));
      set_string (&e->notes, (const char *) sqlite3_column_text (stmt, 12));
      e->cancelled = sqlite3_column_int (stmt, 13) != 0;
      set_string (&e->cancel_reason, (const char *) sqlite3_column_text (stmt, 14));
      miriam_store_read_date (stmt, 15, &e->original_day);
      set_string (&e->updated_at, (const char *) sqlite3_column_text (stmt, 16));

      staff = g_hash_table_lookup (group_staff, &e->group_id);
      if (staff != NULL)
        entry_set_staff (e, (const char * const *) staff->names->pdata,
                         (const gint64 *) (gpointer) staff->ids->data, staff->ids->len);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* "Fatima El Idrissi", or just one of the names when the other is empty. */
static char *
full_name (const char *first,
           const char *last)
{
  char *name = g_strjoin (" ", first != NULL ? first : "", last != NULL ? last : "", NULL);

  return g_strstrip (name);
}

/* Contacts with a day in the range.  Her note stays out: it holds
 * personal details, and calendars get shown, printed and exported. */
static gboolean
read_appointments (MiriamStore  *self,
                   const GDate  *from,
                   const GDate  *to,
                   GPtrArray    *entries,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = miriam_store_prepare (self,
                               "SELECT c.id, c.version, c.participant_id, p.first_name, p.last_name, "
                               "  c.staff_id, st.display_name, c.day, c.start_minute, c.duration_min, "
                               "  c.kind, c.updated_at, g.id, g.name, g.colour, g.cohort_id "
                               "FROM contact c JOIN participant p ON p.id = c.participant_id "
                               "LEFT JOIN staff st ON st.id = c.staff_id "
                               "LEFT JOIN coaching_group g ON g.id = "
                               "  (SELECT m.group_id FROM membership m "
                               "   WHERE m.participant_id = c.participant_id "
                               "   ORDER BY m.joined_on DESC, m.id DESC LIMIT 1) "
                               "WHERE c.day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  miriam_store_bind_date (stmt, 1, from);
  miriam_store_bind_date (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamCalendarEntry *e = entry_new (MIRIAM_ENTRY_APPOINTMENT);
      int start = sqlite3_column_int (stmt, 8);
      int duration = sqlite3_column_int (stmt, 9);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->version = sqlite3_column_int64 (stmt, 1);
      e->participant_id = sqlite3_column_int64 (stmt, 2);
      g_free (e->title);
      e->title = full_name ((const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL && sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 6);
          gint64 staff_id = sqlite3_column_int64 (stmt, 5);

          entry_set_staff (e, &name, &staff_id, 1);
        }
      miriam_store_read_date (stmt, 7, &e->day);
      /* 0 (or NULL) is "no time given" in the contact log. */
      e->start_minute = start > 0 ? start : -1;
      e->end_minute = start > 0 ? MIN (start + (duration > 0 ? duration : DEFAULT_APPOINTMENT_MIN),
                                       24 * 60)
                                : -1;
      set_string (&e->contact_kind, (const char *) sqlite3_column_text (stmt, 10));
      set_string (&e->updated_at, (const char *) sqlite3_column_text (stmt, 11));
      if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
        {
          e->group_id = sqlite3_column_int64 (stmt, 12);
          set_string (&e->group_name, (const char *) sqlite3_column_text (stmt, 13));
          set_string (&e->colour, (const char *) sqlite3_column_text (stmt, 14));
          e->cohort_id = sqlite3_column_int64 (stmt, 15);
        }
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  MiriamCalendarEntry *entry;
  char                *group_key;
  char                *title_key;
} EntryKey;

static gint
compare_entry_keys (gconstpointer a,
                    gconstpointer b)
{
  const EntryKey *ka = a, *kb = b;
  const MiriamCalendarEntry *ea = ka->entry, *eb = kb->entry;
  int cmp = g_date_compare (&ea->day, &eb->day);

  if (cmp == 0)
    cmp = (ea->start_minute > eb->start_minute) - (ea->start_minute < eb->start_minute);
  if (cmp == 0)
    cmp = strcmp (ka->group_key, kb->group_key);
  if (cmp == 0)
    cmp = (int) ea->kind - (int) eb->kind;   /* sessions before appointments */
  if (cmp == 0)
    cmp = strcmp (ka->title_key, kb->title_key);
  if (cmp == 0)
    cmp = (ea->id > eb->id) - (ea->id < eb->id);
  return cmp;
}

/* By day, then time (entries without a time first), then group name; the
 * rest only keeps the order stable from one load to the next. */
static void
sort_entries (GPtrArray *entries)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (EntryKey), entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      MiriamCalendarEntry *e = g_ptr_array_index (entries, i);
      EntryKey key = { e, miriam_store_name_sort_key (e->group_name),
                       miriam_store_name_sort_key (e->title) };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_entry_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      EntryKey *key = &g_array_index (keys, EntryKey, i);

      entries->pdata[i] = key->entry;
      g_free (key->group_key);
      g_free (key->title_key);
    }
}

typedef struct
{
  GDate from;
  GDate to;
} RangeJob;

static gpointer
list_calendar_job (MiriamStore  *self,
                   gpointer      data,
                   GError      **error)
{
  RangeJob *job = data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) group_staff = NULL;
  gboolean own_tx, ok;

  if (!miriam_store_check_open (self, error) || !miriam_store_read_begin (self, &own_tx, error))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_calendar_entry_free);
  group_staff = read_group_staff (self, error);
  ok = group_staff != NULL
       && read_sessions (self, &job->from, &job->to, group_staff, entries, error)
       && read_appointments (self, &job->from, &job->to, entries, error);
  miriam_store_read_end (self, own_tx);

  if (!ok)
    return NULL;
  /* Outside the transaction: sorting needs no lock. */
  sort_entries (entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
miriam_store_list_calendar (MiriamStore  *self,
                            const GDate  *from,
                            const GDate  *to,
                            GError      **error)
{
  RangeJob job;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  job.from = *from;
  job.to = *to;
  return miriam_store_run_sync (self, list_calendar_job, &job, error);
}

void
miriam_store_list_calendar_async (MiriamStore         *self,
                                  const GDate         *from,
                                  const GDate         *to,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  RangeJob *job;

  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));

  job = g_new0 (RangeJob, 1);
  job->from = *from;
  job->to = *to;
  miriam_store_run_async (self, list_calendar_job, job, g_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          miriam_store_list_calendar_async, cancellable, callback, user_data);
}

GPtrArray *
miriam_store_list_calendar_finish (MiriamStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return miriam_store_finish_pointer (self, result, miriam_store_list_calendar_async, error);
}

/* ---------------------------------------------------------------------- */
/* Groups                                                                   */

static gboolean
read_staff_ids (MiriamStore  *self,
                gint64        group_id,
                GArray       *ids,
                GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* In the order they were linked: the first named is the first one. */
  stmt = miriam_store_prepare (self, "SELECT staff_id FROM group_staff WHERE group_id = ? "
                                     "ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gpointer
group_staff_ids_job (MiriamStore  *self,
                     gpointer      data,
                     GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!miriam_store_check_open (self, error)
      || !read_staff_ids (self, *(gint64 *) data, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
miriam_store_get_group_staff (MiriamStore  *self,
                              gint64        group_id,
                              GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, group_staff_ids_job, &group_id, error);
}

typedef struct
{
  MiriamGroup *group;          /* a copy, owned */
  GArray      *staff_ids;      /* gint64 */
  GPtrArray   *sessions;       /* copies of the new sessions, owned */
  GPtrArray   *caller;         /* the caller's sessions (async: ids go back in _finish) */
} GroupJob;

static void
group_job_free (gpointer data)
{
  GroupJob *job = data;

  if (job->group != NULL)
    miriam_record_free (MIRIAM_RECORD_GROUP, job->group);
  g_array_unref (job->staff_ids);
  g_ptr_array_unref (job->sessions);
  g_clear_pointer (&job->caller, g_ptr_array_unref);
  g_free (job);
}

static GroupJob *
group_job_new (const MiriamGroup *group,
               const gint64      *staff_ids,
               guint              n_staff,
               GPtrArray         *new_sessions)
{
  GroupJob *job = g_new0 (GroupJob, 1);

  job->group = miriam_record_copy (MIRIAM_RECORD_GROUP, group);
  job->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (n_staff > 0)
    g_array_append_vals (job->staff_ids, staff_ids, n_staff);
  job->sessions = g_ptr_array_new_with_free_func (miriam_record_free_func (MIRIAM_RECORD_SESSION));
  for (guint i = 0; new_sessions != NULL && i < new_sessions->len; i++)
    g_ptr_array_add (job->sessions,
                     miriam_record_copy (MIRIAM_RECORD_SESSION, g_ptr_array_index (new_sessions, i)));
  if (new_sessions != NULL)
    job->caller = g_ptr_array_ref (new_sessions);
  return job;
}

static void
set_invalid_staff_error (GError **error)
{
  g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                       _("A casemanager of this group is no longer in the database. "
                         "Choose the casemanagers again."));
}

/* One or two casemanagers who exist; each named once. */
static gboolean
check_staff (MiriamStore  *self,
             GArray       *ids,
             GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      sqlite3_stmt *stmt;
      int rc;

      for (guint j = 0; j < i; j++)
        if (g_array_index (ids, gint64, j) == id)
          {
            g_array_remove_index (ids, i--);
            goto next;
          }

      if (!(stmt = miriam_store_prepare (self, "SELECT 1 FROM staff WHERE id = ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          set_invalid_staff_error (error);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          miriam_store_set_error (self, rc, error);
          return FALSE;
        }
    next:
      ;
    }

  if (ids->len > MAX_GROUP_STAFF)
    {
      g_set_error_literal (error, MIRIAM_STORE_ERROR, MIRIAM_STORE_ERROR_INVALID,
                           _("A group has one or two casemanagers, not more."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
replace_group_staff (MiriamStore  *self,
                     gint64        group_id,
                     GArray       *ids,
                     GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "DELETE FROM group_staff WHERE group_id = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (!miriam_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = miriam_store_prepare (self, "INSERT INTO group_staff (group_id, staff_id) "
                                               "VALUES (?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!miriam_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
set_row (MiriamRow  *row,
         gint64      id,
         gint64      version,
         const char *now,
         const char *user)
{
  row->id = id;
  row->version = version;
  set_string (&row->updated_at, now);
  set_string (&row->updated_by, user);
}

/* The writes of one group save, the version check first, so that a
 * conflict costs nothing. */
static gboolean
write_group (MiriamStore  *self,
             GroupJob     *job,
             const char   *now,
             const char   *user,
             GError      **error)
{
  MiriamRow *row = miriam_record_row (job->group);

  /* A new group without an OCMW belongs to the file's first one (made
   * now in a new file), as a new participant file does. */
  if (!miriam_store_ensure_ocmw (self, &job->group->ocmw_id, now, user, error)
      || !check_staff (self, job->staff_ids, error)
      || !miriam_store_write_record (self, MIRIAM_RECORD_GROUP, job->group, now, user, error)
      || !replace_group_staff (self, row->id, job->staff_ids, error))
    return FALSE;
  set_row (row, row->id, row->version, now, user);

  for (guint i = 0; i < job->sessions->len; i++)
    {
      MiriamSession *session = g_ptr_array_index (job->sessions, i);

      session->group_id = row->id;
      if (!miriam_store_write_record (self, MIRIAM_RECORD_SESSION, session, now, user, error))
        return FALSE;
      set_row (&session->row, session->row.id, session->row.version, now, user);
    }
  return TRUE;
}

static gpointer
save_group_job (MiriamStore  *self,
                gpointer      data,
                GError      **error)
{
  GroupJob *job = data;
  g_autofree char *now = miriam_store_now ();
  g_autofree char *user = miriam_store_dup_user_name (self);

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!write_group (self, job, now, user, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return job;
}

static void
copy_row (gpointer       dst,
          gconstpointer  src)
{
  MiriamRow *d = miriam_record_row (dst);
  const MiriamRow *s = src;

  set_row (d, s->id, s->version, s->updated_at, s->updated_by);
}

/* What the store set goes back into the caller's records; their own
 * fields stay theirs. */
static void
copy_back (GroupJob    *job,
           MiriamGroup *group)
{
  if (group != NULL)
    {
      copy_row (group, job->group);
      group->ocmw_id = job->group->ocmw_id;
    }
  for (guint i = 0; job->caller != NULL && i < job->caller->len && i < job->sessions->len; i++)
    {
      MiriamSession *mine = g_ptr_array_index (job->caller, i);
      MiriamSession *saved = g_ptr_array_index (job->sessions, i);

      copy_row (mine, saved);
      mine->group_id = saved->group_id;
    }
}

gboolean
miriam_store_save_group (MiriamStore   *self,
                         MiriamGroup   *group,
                         const gint64  *staff_ids,
                         guint          n_staff,
                         GPtrArray     *new_sessions,
                         GError       **error)
{
  GroupJob *job;
  gboolean ok;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);
  g_return_val_if_fail (n_staff == 0 || staff_ids != NULL, FALSE);

  /* The job works on copies: on failure the caller's records are left
   * exactly as they were. */
  job = group_job_new (group, staff_ids, n_staff, new_sessions);
  ok = miriam_store_run_sync (self, save_group_job, job, error) != NULL;
  if (ok)
    copy_back (job, group);
  group_job_free (job);
  return ok;
}

/* The async result: the job itself, finished with on the main thread. */
static gpointer
save_group_async_job (MiriamStore  *self,
                      gpointer      data,
                      GError      **error)
{
  GroupJob *job = data;
  GroupJob *result;

  if (save_group_job (self, job, error) == NULL)
    return NULL;

  /* The task frees its data as soon as this returns; the result keeps
   * what _finish() needs. */
  result = g_new0 (GroupJob, 1);
  result->group = g_steal_pointer (&job->group);
  result->staff_ids = g_array_ref (job->staff_ids);
  result->sessions = g_ptr_array_ref (job->sessions);
  result->caller = job->caller != NULL ? g_ptr_array_ref (job->caller) : NULL;
  return result;
}

void
miriam_store_save_group_async (MiriamStore         *self,
                               const MiriamGroup   *group,
                               const gint64        *staff_ids,
                               guint                n_staff,
                               GPtrArray           *new_sessions,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MIRIAM_IS_STORE (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (n_staff == 0 || staff_ids != NULL);

  miriam_store_run_async (self, save_group_async_job,
                          group_job_new (group, staff_ids, n_staff, new_sessions),
                          group_job_free, group_job_free,
                          miriam_store_save_group_async, cancellable, callback, user_data);
}

MiriamGroup *
miriam_store_save_group_finish (MiriamStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  GroupJob *job = miriam_store_finish_pointer (self, result, miriam_store_save_group_async, error);
  MiriamGroup *group;

  if (job == NULL)
    return NULL;
  /* Back on the caller's thread: the new sessions get their ids here. */
  copy_back (job, NULL);
  group = g_steal_pointer (&job->group);
  group_job_free (job);
  return group;
}

/* ---------------------------------------------------------------------- */
/* Sessions                                                                 */

typedef struct
{
  MiriamSession          *session;   /* a copy, owned */
  guint                   n_marks;
  const gint64           *ids;
  const MiriamAttendance *marks;
} SessionJob;

/* The day and first planned day in the file, if the session is there. */
static gboolean
stored_days (MiriamStore  *self,
             gint64        id,
             GDate        *day,
             GDate        *original_day,
             GError      **error)
{
  sqlite3_stmt *stmt = miriam_store_prepare (self, "SELECT day, original_day FROM session "
                                                   "WHERE id = ?", error);
  int rc;

  g_date_clear (day, 1);
  g_date_clear (original_day, 1);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      miriam_store_read_date (stmt, 0, day);
      miriam_store_read_date (stmt, 1, original_day);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* A moved session remembers the day it was first planned on, however
 * often it moves after; moved back there, it is simply not moved. */
static void
note_move (MiriamSession *session,
           const GDate   *stored_day,
           const GDate   *stored_original)
{
  if (!g_date_valid (&session->original_day) && g_date_valid (stored_original))
    session->original_day = *stored_original;
  if (!g_date_valid (&session->original_day) && g_date_valid (stored_day)
      && g_date_compare (stored_day, &session->day) != 0)
    session->original_day = *stored_day;
  if (g_date_valid (&session->original_day)
      && g_date_compare (&session->original_day, &session->day) == 0)
    g_date_clear (&session->original_day, 1);
}

static gboolean
write_session (MiriamStore  *self,
               SessionJob   *job,
               const char   *now,
               const char   *user,
               GError      **error)
{
  MiriamSession *session = job->session;

  if (session->row.id != 0)
    {
      GDate day, original;

      if (!stored_days (self, session->row.id, &day, &original, error))
        return FALSE;
      note_move (session, &day, &original);
    }

  if (!miriam_store_write_record (self, MIRIAM_RECORD_SESSION, session, now, user, error))
    return FALSE;
  set_row (&session->row, session->row.id, session->row.version, now, user);

  return miriam_store_write_marks (self, session->row.id, job->n_marks, job->ids, job->marks,
                                   now, user, error);
}

static gpointer
save_session_job (MiriamStore  *self,
                  gpointer      data,
                  GError      **error)
{
  SessionJob *job = data;
  g_autofree char *now = miriam_store_now ();
  g_autofree char *user = miriam_store_dup_user_name (self);

  if (!miriam_store_begin (self, error))
    return NULL;
  if (!write_session (self, job, now, user, error))
    {
      miriam_store_rollback (self);
      return NULL;
    }
  if (!miriam_store_commit (self, error))
    return NULL;
  return job;
}

gboolean
miriam_store_save_session (MiriamStore             *self,
                           MiriamSession           *session,
                           guint                    n_marks,
                           const gint64            *participant_ids,
                           const MiriamAttendance  *marks,
                           GError                 **error)
{
  SessionJob job = { 0 };
  gboolean ok;

  g_return_val_if_fail (MIRIAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (n_marks == 0 || (participant_ids != NULL && marks != NULL), FALSE);
  /* Checked here, not in the job, which must never return from inside
   * its transaction. */
  for (guint i = 0; i < n_marks; i++)
    g_return_val_if_fail (marks[i] <= MIRIAM_ATTENDANCE_EXCUSED, FALSE);

  job.session = miriam_record_copy (MIRIAM_RECORD_SESSION, session);
  job.n_marks = n_marks;
  job.ids = participant_ids;
  job.marks = marks;
  ok = miriam_store_run_sync (self, save_session_job, &job, error) != NULL;
  if (ok)
    {
      copy_row (session, job.session);
      session->original_day = job.session->original_day;
    }
  miriam_record_free (MIRIAM_RECORD_SESSION, job.session);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Attendance                                                               */

void
miriam_attendance_row_free (MiriamAttendanceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->first_name);
  g_free (row->last_name);
  g_free (row);
}

typedef struct
{
  char                *last;
  char                *first;
  MiriamAttendanceRow *row;
} NameKey;

static gint
compare_name_keys (gconstpointer a,
                   gconstpointer b)
{
  const NameKey *ka = a, *kb = b;
  int cmp = strcmp (ka->last, kb->last);

  if (cmp == 0)
    cmp = strcmp (ka->first, kb->first);
  if (cmp == 0)
    cmp = (ka->row->participant_id > kb->row->participant_id)
          - (ka->row->participant_id < kb->row->participant_id);
  return cmp;
}

/* By last name, then first name, as the participant list. */
static void
sort_attendance_rows (GPtrArray *rows)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (NameKey), rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      MiriamAttendanceRow *row = g_ptr_array_index (rows, i);
      NameKey key = { miriam_store_name_sort_key (row->last_name),
                      miriam_store_name_sort_key (row->first_name), row };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_name_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      NameKey *key = &g_array_index (keys, NameKey, i);

      rows->pdata[i] = key->row;
      g_free (key->last);
      g_free (key->first);
    }
}

static gpointer
session_attendance_job (MiriamStore  *self,
                        gpointer      data,
                        GError      **error)
{
  gint64 session_id = *(gint64 *) data;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!miriam_store_check_open (self, error))
    return NULL;

  /* Members on the day (joined on or before it, not left before it), and
   * whoever was marked anyway (a woman who left since, a guest). */
  stmt = miriam_store_prepare (self,
                               "WITH s AS (SELECT group_id, day FROM session WHERE id = ?1), "
                               "who AS ("
                               "  SELECT m.participant_id AS id FROM membership m, s "
                               "  WHERE m.group_id = s.group_id AND m.joined_on <= s.day "
                               "    AND (m.left_on IS NULL OR m.left_on >= s.day) "
                               "  UNION SELECT participant_id FROM attendance WHERE session_id = ?1) "
                               "SELECT p.id, p.first_name, p.last_name, a.status "
                               "FROM who JOIN participant p ON p.id = who.id "
                               "LEFT JOIN attendance a ON a.session_id = ?1 AND a.participant_id = p.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) miriam_attendance_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamAttendanceRow *row = g_new0 (MiriamAttendanceRow, 1);

      row->participant_id = sqlite3_column_int64 (stmt, 0);
      row->first_name = column_dup (stmt, 1);
      row->last_name = column_dup (stmt, 2);
      row->mark = miriam_attendance_from_code ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  sort_attendance_rows (rows);
  return g_steal_pointer (&rows);
}

GPtrArray *
miriam_store_list_session_attendance (MiriamStore  *self,
                                      gint64        session_id,
                                      GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, session_attendance_job, &session_id, error);
}

static gpointer
participant_attendance_job (MiriamStore  *self,
                            gpointer      data,
                            GError      **error)
{
  gint64 participant_id = *(gint64 *) data;
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (MiriamAttendanceMark));
  sqlite3_stmt *stmt;
  int rc;

  if (!miriam_store_check_open (self, error))
    return NULL;

  stmt = miriam_store_prepare (self,
                               "SELECT s.id, s.day, s.cancelled, a.status "
                               "FROM membership m JOIN session s ON s.group_id = m.group_id "
                               "  AND s.day >= m.joined_on "
                               "  AND (m.left_on IS NULL OR s.day <= m.left_on) "
                               "LEFT JOIN attendance a ON a.session_id = s.id "
                               "  AND a.participant_id = m.participant_id "
                               "WHERE m.participant_id = ?1 "
                               "ORDER BY s.day, s.start_minute, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, participant_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MiriamAttendanceMark mark = { 0 };

      mark.session_id = sqlite3_column_int64 (stmt, 0);
      miriam_store_read_date (stmt, 1, &mark.day);
      mark.cancelled = sqlite3_column_int (stmt, 2) != 0;
      mark.mark = miriam_attendance_from_code ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (marks, mark);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      miriam_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

GArray *
miriam_store_list_participant_attendance (MiriamStore  *self,
                                          gint64        participant_id,
                                          GError      **error)
{
  g_return_val_if_fail (MIRIAM_IS_STORE (self), NULL);
  return miriam_store_run_sync (self, participant_attendance_job, &participant_id, error);
}
