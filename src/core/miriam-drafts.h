/* miriam-drafts.h: unsaved edits, kept on this computer until they are saved
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a form is being edited, its fields are written, now and then, to a
 * draft file in the user's own data folder (g_get_user_data_dir ()/miriam/
 * drafts, readable by the user only).  When the share drops or MIRIAM
 * crashes, what was typed survives there; the next time the record is
 * opened, the form offers it back.  A successful save removes the draft.
 *
 * A draft belongs to one record of one database: (database, kind, id), id 0
 * for a record never saved.  It holds the form's fields as the user left
 * them, valid or not, under keys the form chooses, plus the version of the
 * record the edits started from, so that restoring them never overwrites a
 * colleague's save silently.
 */
#pragma once

#include <glib.h>

#include "miriam-record.h"

G_BEGIN_DECLS

#define MIRIAM_DRAFT_ERROR (miriam_draft_error_quark ())

typedef enum {
  MIRIAM_DRAFT_ERROR_INVALID,   /* the file is not a draft (damaged, other version) */
} MiriamDraftError;

GQuark       miriam_draft_error_quark   (void);

typedef struct _MiriamDraft MiriamDraft;

/* @database: what tells the database apart (its path); @version: the
 * record's version the edits started from (0 for a new record). */
MiriamDraft *miriam_draft_new           (const char        *database,
                                         MiriamRecordKind   kind,
                                         gint64             id,
                                         gint64             version);
void         miriam_draft_free          (MiriamDraft       *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamDraft, miriam_draft_free)

gint64       miriam_draft_get_id        (const MiriamDraft *draft);
gint64       miriam_draft_get_version   (const MiriamDraft *draft);
/* When it was written (UTC); NULL until saved or loaded. */
GDateTime   *miriam_draft_get_saved_at  (const MiriamDraft *draft);
/* Whether it was written after @updated_at (UTC, ISO 8601, as records
 * carry it); TRUE when @updated_at is NULL or unreadable. */
gboolean     miriam_draft_is_newer_than (const MiriamDraft *draft,
                                         const char        *updated_at);

/* Fields, by keys of the form's choosing; text is kept exactly (any
 * script, any length, newlines and spaces included). */
void         miriam_draft_set_text      (MiriamDraft       *draft,
                                         const char        *key,
                                         const char        *text);
/* NULL when the draft has no such field. */
const char  *miriam_draft_get_text      (const MiriamDraft *draft,
                                         const char        *key);
void         miriam_draft_set_int       (MiriamDraft       *draft,
                                         const char        *key,
                                         gint64             value);
gint64       miriam_draft_get_int       (const MiriamDraft *draft,
                                         const char        *key,
                                         gint64             fallback);
/* Whether two drafts hold the same fields (nothing new to write). */
gboolean     miriam_draft_same_fields   (const MiriamDraft *a,
                                         const MiriamDraft *b);

/* The folder of the drafts. */
char        *miriam_drafts_get_dir      (void);

/* Writes the draft atomically (a crash leaves the old one or the new one),
 * readable by the user only. */
gboolean     miriam_draft_save          (MiriamDraft       *draft,
                                         GError           **error);
/* The draft of a record; NULL without error when there is none. */
MiriamDraft *miriam_draft_load          (const char        *database,
                                         MiriamRecordKind   kind,
                                         gint64             id,
                                         GError           **error);
/* TRUE also when there was none. */
gboolean     miriam_draft_remove        (const char        *database,
                                         MiriamRecordKind   kind,
                                         gint64             id,
                                         GError           **error);

/* The same, for the main loop: done on one background thread, in the
 * order asked, so a removal after a save is never undone by a slow write
 * before it.  Failures are logged (without the data). */
void         miriam_draft_save_later    (MiriamDraft       *draft);   /* takes @draft */
void         miriam_draft_remove_later  (const char        *database,
                                         MiriamRecordKind   kind,
                                         gint64             id);
/* Waits until everything asked so far is on disk. */
void         miriam_drafts_wait         (void);

G_END_DECLS
