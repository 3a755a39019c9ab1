/* miriam-merge.h: my changes and a colleague's, put together field by field
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a save meets a colleague's newer version, three versions of the
 * record exist: the base (as I loaded it), mine (the form) and theirs (what
 * she saved).  A field only one of us changed takes that change by itself;
 * a field we both changed to different values is a conflict that a person
 * settles.  Until then a conflict keeps my value: nothing I typed is lost
 * by default.  Nothing here knows about SQL or widgets; the fields are
 * those of MiriamRecordInfo.
 */
#pragma once

#include "miriam-participant-file.h"
#include "miriam-record.h"

G_BEGIN_DECLS

typedef enum {
  MIRIAM_MERGE_UNCHANGED,   /* nobody changed it */
  MIRIAM_MERGE_MINE,        /* only I changed it: mine goes in */
  MIRIAM_MERGE_THEIRS,      /* only the colleague changed it: hers goes in */
  MIRIAM_MERGE_SAME,        /* we both changed it, to the same value */
  MIRIAM_MERGE_CONFLICT,    /* we both changed it differently: a person chooses */
} MiriamMergeState;

typedef enum {
  MIRIAM_MERGE_TAKE_MINE,
  MIRIAM_MERGE_TAKE_THEIRS,
} MiriamMergeChoice;

/* The three-way merge of one record. */
typedef struct _MiriamMerge MiriamMerge;

/* @base: the record as it was loaded; NULL for a record that only one
 * side has made.  @mine: the form's; NULL when I removed it.  @theirs:
 * the colleague's saved version; NULL when she removed it or never had
 * it.  At least one of the three is given; each is copied.
 *
 * The record itself (its presence) is merged like a field: one I added
 * or removed is MINE, one she added or removed is THEIRS, one removed on
 * one side and changed on the other is a CONFLICT, which by default
 * keeps the changed record. */
MiriamMerge      *miriam_merge_new             (MiriamRecordKind   kind,
                                                gconstpointer      base,
                                                gconstpointer      mine,
                                                gconstpointer      theirs);
void              miriam_merge_free            (MiriamMerge       *merge);

MiriamRecordKind  miriam_merge_get_kind        (const MiriamMerge *merge);
/* The copies given to miriam_merge_new(); NULL where none was given. */
gconstpointer     miriam_merge_get_base        (const MiriamMerge *merge);
gconstpointer     miriam_merge_get_mine        (const MiriamMerge *merge);
gconstpointer     miriam_merge_get_theirs      (const MiriamMerge *merge);

/* @index: of the field in miriam_record_info (kind)->fields.  A field of
 * a record present on one side only is UNCHANGED, or MINE / THEIRS where
 * that side changed it since the base. */
MiriamMergeState  miriam_merge_get_state       (const MiriamMerge *merge,
                                                guint              index);
MiriamMergeChoice miriam_merge_get_choice      (const MiriamMerge *merge,
                                                guint              index);
/* Only conflicts can be chosen; other fields ignore it. */
void              miriam_merge_choose          (MiriamMerge       *merge,
                                                guint              index,
                                                MiriamMergeChoice  choice);

MiriamMergeState  miriam_merge_get_presence    (const MiriamMerge *merge);
/* For a presence conflict: TAKE_MINE keeps what I did (my removal, or my
 * changed record), TAKE_THEIRS what she did. */
MiriamMergeChoice miriam_merge_get_presence_choice (const MiriamMerge *merge);
void              miriam_merge_choose_presence (MiriamMerge       *merge,
                                                MiriamMergeChoice  choice);

/* Conflicts still to be looked at (fields and presence). */
guint             miriam_merge_count_conflicts (const MiriamMerge *merge);
/* Fields that differ between mine and theirs, or that one side changed. */
gboolean          miriam_merge_has_changes     (const MiriamMerge *merge);

/* The merged record, a new copy; NULL when the merge removes it.  Its row
 * (id, version, updated_*) is the colleague's, so that a save passes the
 * version check; a record kept that she removed gets id 0 and is saved as
 * a new one. */
gpointer          miriam_merge_result          (const MiriamMerge *merge);

/* ---- A value outside a record's fields ----
 *
 * A score per life domain, an attendance mark per woman: values kept by
 * key beside a record, merged the same way as a field.  Each side's value
 * is text (a code, a number); NULL where that side has none (not scored,
 * not marked). */
typedef struct _MiriamValueMerge MiriamValueMerge;

MiriamValueMerge *miriam_value_merge_new        (const char             *base,
                                                 const char             *mine,
                                                 const char             *theirs);
void              miriam_value_merge_free       (MiriamValueMerge       *merge);
MiriamMergeState  miriam_value_merge_get_state  (const MiriamValueMerge *merge);
MiriamMergeChoice miriam_value_merge_get_choice (const MiriamValueMerge *merge);
/* Only a conflict can be chosen; the choice is ignored otherwise. */
void              miriam_value_merge_choose     (MiriamValueMerge       *merge,
                                                 MiriamMergeChoice       choice);
const char       *miriam_value_merge_get_mine   (const MiriamValueMerge *merge);
const char       *miriam_value_merge_get_theirs (const MiriamValueMerge *merge);
/* The merged value; NULL: none. */
const char       *miriam_value_merge_result     (const MiriamValueMerge *merge);

/* ---- A whole participant file ---- */

typedef struct {
  MiriamMerge *participant;
  GPtrArray   *children;     /* MiriamMerge *, one per child on any side */
  GPtrArray   *goals;        /* MiriamMerge * */
  GPtrArray   *memberships;  /* MiriamMerge * */
} MiriamFileMerge;

/* Children, goals and group memberships are matched by id; those with id
 * 0 in @mine are new ones of mine, those listed in mine's removed_children
 * or removed_goals (or missing from @mine) were removed by me.  Contacts
 * and referrals are saved one by one and take no part. */
MiriamFileMerge       *miriam_file_merge_new             (const MiriamParticipantFile *base,
                                                          const MiriamParticipantFile *mine,
                                                          const MiriamParticipantFile *theirs);
void                   miriam_file_merge_free            (MiriamFileMerge             *merge);
guint                  miriam_file_merge_count_conflicts (const MiriamFileMerge       *merge);

/* The file to save: the merged participant, children, goals and
 * memberships, the colleague's children and goals the merge removes (in
 * removed_children / removed_goals), and my status day (a status change
 * I made keeps its day).  Contacts and referrals are left empty. */
MiriamParticipantFile *miriam_file_merge_result          (const MiriamFileMerge       *merge,
                                                          const MiriamParticipantFile *mine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamMerge, miriam_merge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamFileMerge, miriam_file_merge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamValueMerge, miriam_value_merge_free)

G_END_DECLS
