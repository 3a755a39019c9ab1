/* miriam-test-utils.h: what the store tests share
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A temporary folder for a database file, a look at the file behind the
 * store's back (plain SQLite, as a colleague's MIRIAM or a tool would),
 * and records saved in one line.  Every helper asserts: a failure here is
 * the test's failure.
 */
#pragma once

#include "store/miriam-store.h"

G_BEGIN_DECLS

/* A new temporary folder (@template as for g_dir_make_tmp()), and the
 * removal of one with the files in it. */
char        *make_tmp_dir  (const char       *template);
void         remove_tree   (const char       *path);

/* The file behind the store's back: runs @sql; its first column of its
 * first row as text (NULL for none or NULL) or as a number. */
void         sql_exec      (const char       *path,
                            const char       *sql);
char        *sql_text      (const char       *path,
                            const char       *sql);
gint64       sql_int       (const char       *path,
                            const char       *sql);

/* A store on @path, created if need be, saving as @user. */
MiriamStore *open_store    (const char       *path,
                            const char       *user);

void         take_text     (char            **field,
                            const char       *value);
GDate        day           (guint             d,
                            guint             m,
                            guint             y);
/* Today in the local time zone, @n_days later (or earlier). */
GDate        today_plus    (int               n_days);

/* Saves @record; its new id.  save_and_free() also frees it. */
gint64       save_ok       (MiriamStore      *store,
                            MiriamRecordKind  kind,
                            gpointer          record);
gint64       save_and_free (MiriamStore      *store,
                            MiriamRecordKind  kind,
                            gpointer          record);

G_END_DECLS
