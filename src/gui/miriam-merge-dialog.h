/* miriam-merge-dialog.h
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/miriam-merge.h"
#include "core/miriam-record.h"

G_BEGIN_DECLS

#define MIRIAM_TYPE_MERGE_DIALOG (miriam_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MiriamMergeDialog, miriam_merge_dialog, MIRIAM, MERGE_DIALOG, GtkWindow)

/* What was edited by two people at once; it picks the dialog's words. */
typedef enum {
  MIRIAM_MERGE_SUBJECT_FILE,         /* a participant file */
  MIRIAM_MERGE_SUBJECT_SESSION,      /* a group session and its attendance */
  MIRIAM_MERGE_SUBJECT_GROUP,        /* a group */
  MIRIAM_MERGE_SUBJECT_MEASUREMENT,  /* a measurement and its scores */
} MiriamMergeSubject;

/* How one kind of record is merged, loaded and saved: the dialog shows,
 * asks and drives the saving; the editor that opens it knows its data.
 * @data is what miriam_merge_dialog_new() was given. */
typedef struct {
  MiriamMergeSubject subject;
  /* The colleague's version's row: who saved it, and when. */
  const MiriamRow *(*theirs_row)      (gpointer data);
  /* Adds the current merge's rows with miriam_merge_dialog_add_*(). */
  void             (*fill)            (MiriamMergeDialog *dialog,
                                       gpointer           data);
  /* Saves the merged version with the colleague's version numbers. */
  void             (*save_async)      (gpointer            data,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
  /* What was saved, owned by @data, or NULL and @error; a conflict is
   * MIRIAM_STORE_ERROR_CONFLICT, and the dialog then reloads. */
  gpointer         (*save_finish)     (gpointer            data,
                                       GAsyncResult       *result,
                                       GError            **error);
  /* Yet another colleague saved: read the newest version.  On success
   * what was about to be saved becomes "mine", on top of the version it
   * was merged with, against the newest. */
  void             (*reload_async)    (gpointer            data,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
  gboolean         (*reload_finish)   (gpointer            data,
                                       GAsyncResult       *result,
                                       GError            **error);
} MiriamMergeHandler;

/* A colleague's newer version beside mine, field by field: what only one
 * of us changed is merged already, what we both changed differently is
 * for the user to choose; until she does, her own value wins.
 *
 * "Save Merged Version" saves through @handler; if yet another colleague
 * saved meanwhile, the dialog shows that version and asks again.  Once
 * saved it emits "saved" (what save_finish returned, owned by @data) and
 * closes.  Cancel closes it and changes nothing, in the file or in the
 * editor's form.  @data is freed with @free_data when the dialog goes. */
MiriamMergeDialog *miriam_merge_dialog_new         (GtkWindow                *parent,
                                                    const MiriamMergeHandler *handler,
                                                    gpointer                  data,
                                                    GDestroyNotify            free_data);

/* For fill(): the rows of one record, under @title (NULL: the subject
 * itself, no title).  @merge is borrowed and must outlive the next fill. */
void               miriam_merge_dialog_add_record  (MiriamMergeDialog        *self,
                                                    const char               *title,
                                                    MiriamMerge              *merge);
/* For fill(): one value outside the record (a score, a mark), with the
 * text a person reads for each side. */
void               miriam_merge_dialog_add_value   (MiriamMergeDialog        *self,
                                                    const char               *label,
                                                    MiriamValueMerge         *merge,
                                                    const char               *theirs_text,
                                                    const char               *mine_text);
/* For fill(): a heading over the rows that follow. */
void               miriam_merge_dialog_add_title   (MiriamMergeDialog        *self,
                                                    const char               *title);

/* The name a person knows a referenced record by (a group, a colleague,
 * a cohort, a consortium); shown instead of its number. */
void               miriam_merge_dialog_set_name    (MiriamMergeDialog        *self,
                                                    MiriamRecordKind          kind,
                                                    gint64                    id,
                                                    const char               *name);
/* Shows the merge again, e.g. once names are known. */
void               miriam_merge_dialog_refill      (MiriamMergeDialog        *self);

G_END_DECLS
