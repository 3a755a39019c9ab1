/* miriam-store-private.h: for the store's own files only
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "miriam-store.h"

G_BEGIN_DECLS

/* The change check's state for one store (miriam-store-share.c): a second
 * handle on the file and what the last check saw.  Worker thread only. */
typedef struct _MiriamStoreWatch MiriamStoreWatch;

MiriamStoreWatch *miriam_store_watch_new   (void);
/* Closes the handle and forgets the baseline (the connection closes). */
void              miriam_store_watch_close (MiriamStoreWatch *watch);
void              miriam_store_watch_free  (MiriamStoreWatch *watch);

/* Work for the store's thread: returns a result, or NULL with @error set. */
typedef gpointer (*MiriamStoreJobFunc) (MiriamStore  *self,
                                        gpointer      data,
                                        GError      **error);

/* Runs @func on the store's thread and waits (directly when already there). */
gpointer      miriam_store_run_sync       (MiriamStore         *self,
                                           MiriamStoreJobFunc   func,
                                           gpointer             data,
                                           GError             **error);
/* Runs @func on the store's thread; its result goes to a GTask tagged
 * @source_tag, @data is freed with @data_free once done. */
void          miriam_store_run_async      (MiriamStore         *self,
                                           MiriamStoreJobFunc   func,
                                           gpointer             data,
                                           GDestroyNotify       data_free,
                                           GDestroyNotify       result_free,
                                           gpointer             source_tag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gpointer      miriam_store_finish_pointer (MiriamStore         *self,
                                           GAsyncResult        *result,
                                           gpointer             source_tag,
                                           GError             **error);

/* Worker thread only. */
sqlite3          *miriam_store_get_db    (MiriamStore  *self);
MiriamStoreWatch *miriam_store_get_watch (MiriamStore  *self);
/* Closes the connection and opens the file again (outside transactions). */
gboolean          miriam_store_reopen    (MiriamStore  *self,
                                          GError      **error);
sqlite3_stmt *miriam_store_prepare   (MiriamStore  *self,
                                      const char   *sql,
                                      GError      **error);
gboolean      miriam_store_begin     (MiriamStore  *self,
                                      GError      **error);
gboolean      miriam_store_commit    (MiriamStore  *self,
                                      GError      **error);
void          miriam_store_rollback  (MiriamStore  *self);
void          miriam_store_set_error (MiriamStore  *self,
                                      int           rc,
                                      GError      **error);
gboolean      miriam_store_check_open (MiriamStore *self,
                                       GError     **error);
/* Steps a statement that returns no rows and resets it. */
gboolean      miriam_store_step_done (MiriamStore   *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Dates as ISO 8601 text; an invalid GDate is NULL. */
void          miriam_store_bind_date (sqlite3_stmt  *stmt,
                                      int            index,
                                      const GDate   *date);
void          miriam_store_read_date (sqlite3_stmt  *stmt,
                                      int            column,
                                      GDate         *date);
/* UTC now for updated_at, and the name for updated_by. */
char         *miriam_store_now           (void);
char         *miriam_store_dup_user_name (MiriamStore *self);
/* Inserts a record with id 0, else updates it version-checked
 * (MIRIAM_STORE_ERROR_CONFLICT / NOT_FOUND); inside a write transaction. */
gboolean      miriam_store_write_record  (MiriamStore       *self,
                                          MiriamRecordKind   kind,
                                          gpointer           record,
                                          const char        *now,
                                          const char        *user,
                                          GError           **error);
gpointer      miriam_store_load_record   (MiriamStore       *self,
                                          MiriamRecordKind   kind,
                                          gint64             id,
                                          GError           **error);
/* miriam_store_list() for code already on the store's thread. */
GPtrArray    *miriam_store_select_records (MiriamStore      *self,
                                           MiriamRecordKind  kind,
                                           const char       *ref_field,
                                           gint64            ref_id,
                                           GError          **error);
/* Attendance marks, inside a write transaction; UNKNOWN deletes a mark. */
gboolean      miriam_store_write_marks   (MiriamStore             *self,
                                          gint64                   session_id,
                                          guint                    n_marks,
                                          const gint64            *participant_ids,
                                          const MiriamAttendance  *marks,
                                          const char              *now,
                                          const char              *user,
                                          GError                 **error);
/* One read transaction around reads that belong together (joins a write
 * transaction already open). */
gboolean      miriam_store_read_begin    (MiriamStore  *self,
                                          gboolean     *own_tx,
                                          GError      **error);
void          miriam_store_read_end      (MiriamStore  *self,
                                          gboolean      own_tx);
/* A key that orders names without case or accents (compare with strcmp). */
char         *miriam_store_name_sort_key (const char   *name);

/* Worker thread, inside a write transaction: sets *@ocmw_id (when 0) to
 * the file's first OCMW, creating one named after the user's language
 * ("OCMW", "CPAS", "ÖSHZ") in a new file. */
gboolean      miriam_store_ensure_ocmw (MiriamStore  *self,
                                        gint64       *ocmw_id,
                                        const char   *now,
                                        const char   *user,
                                        GError      **error);

G_END_DECLS
