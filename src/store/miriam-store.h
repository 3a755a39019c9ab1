/* miriam-store.h: the team's database file, in domain terms
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A MiriamStore owns one connection to one database file and one worker
 * thread that does all the file work.  Every operation exists twice:
 *
 *  - miriam_store_foo_async() / _finish(): for the GUI.  The work runs on the
 *    store's thread and the callback comes back on the caller's main context,
 *    so a network share that stalls for seconds never freezes a window;
 *  - miriam_store_foo(): the same work, waited for.  For tests, benchmarks
 *    and the command line, never for code running in the main loop.
 *
 * Nothing in this interface speaks SQLite: another backend (PostgreSQL, for
 * OCMWs that outgrow the share) can sit behind it later.
 */
#pragma once

#include <gio/gio.h>

#include "core/miriam-calendar.h"
#include "core/miriam-participant-file.h"
#include "core/miriam-progress.h"
#include "core/miriam-record.h"

G_BEGIN_DECLS

#define MIRIAM_STORE_ERROR (miriam_store_error_quark ())

typedef enum {
  MIRIAM_STORE_ERROR_FOLDER_MISSING,   /* the folder (or share) is not there */
  MIRIAM_STORE_ERROR_FILE_MISSING,     /* the folder is there, the file is not */
  MIRIAM_STORE_ERROR_NO_ACCESS,        /* the file cannot be read or created */
  MIRIAM_STORE_ERROR_NOT_A_DATABASE,   /* some other kind of file */
  MIRIAM_STORE_ERROR_CORRUPT,          /* a damaged MIRIAM database */
  MIRIAM_STORE_ERROR_WAL,              /* left in WAL mode: unsafe on a share */
  MIRIAM_STORE_ERROR_READ_ONLY,        /* a write on a store opened read-only */
  MIRIAM_STORE_ERROR_BUSY,             /* others held the lock for too long */
  MIRIAM_STORE_ERROR_CONFLICT,         /* a colleague saved this record first */
  MIRIAM_STORE_ERROR_NOT_FOUND,        /* the record is not (or no longer) there */
  MIRIAM_STORE_ERROR_INVALID,          /* the data break a rule of the schema */
  MIRIAM_STORE_ERROR_IO,               /* the file could not be read or written */
  MIRIAM_STORE_ERROR_NOT_OPEN,
} MiriamStoreError;

typedef enum {
  MIRIAM_STORE_OPEN_EXISTING = 0,      /* the file must exist */
  MIRIAM_STORE_OPEN_CREATE   = 1 << 0, /* create it (and its folder) if missing */
} MiriamStoreOpenFlags;

/* Why a store is read-only, if it is. */
typedef enum {
  MIRIAM_STORE_WRITABLE,
  MIRIAM_STORE_READ_ONLY_FILE,         /* no write permission on file or folder */
  MIRIAM_STORE_READ_ONLY_NEWER,        /* written by a newer version of MIRIAM */
} MiriamStoreAccess;

/* What the main window needs to know about a database in one look. */
typedef struct {
  char   *ocmw_name;                   /* the first OCMW's name, or NULL */
  char   *current_cohort;              /* label of the newest cohort, or NULL */
  guint   n_participants;
  guint   n_groups;
  guint   n_sessions;
  guint   n_staff;
} MiriamStoreSummary;

void miriam_store_summary_free (MiriamStoreSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamStoreSummary, miriam_store_summary_free)

#define MIRIAM_TYPE_STORE (miriam_store_get_type ())
G_DECLARE_FINAL_TYPE (MiriamStore, miriam_store, MIRIAM, STORE, GObject)

GQuark             miriam_store_error_quark        (void);

/* The schema version this build writes and understands. */
int                miriam_store_schema_version     (void);

/* Cheap: no file work until open. */
MiriamStore       *miriam_store_new                (const char           *path);
const char        *miriam_store_get_path           (MiriamStore          *self);
MiriamStoreAccess  miriam_store_get_access         (MiriamStore          *self);
gboolean           miriam_store_is_open            (MiriamStore          *self);

/* Recorded as updated_by on every save. */
void               miriam_store_set_user_name      (MiriamStore          *self,
                                                    const char           *name);

/* Opening: checks the file, applies migrations, sets the shared-file
 * discipline.  A file written by a newer MIRIAM opens read-only. */
gboolean           miriam_store_open               (MiriamStore          *self,
                                                    MiriamStoreOpenFlags  flags,
                                                    GError              **error);
void               miriam_store_open_async         (MiriamStore          *self,
                                                    MiriamStoreOpenFlags  flags,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean           miriam_store_open_finish        (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The schema version of the open file (may be newer than ours). */
int                miriam_store_get_file_version   (MiriamStore          *self);

MiriamStoreSummary *miriam_store_get_summary       (MiriamStore          *self,
                                                    GError              **error);
void               miriam_store_get_summary_async  (MiriamStore          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
MiriamStoreSummary *miriam_store_get_summary_finish (MiriamStore         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Saves one record in one transaction.  A record never saved (id 0) is
 * inserted; otherwise the save only succeeds if nobody saved it since it
 * was loaded (same version), and fails with MIRIAM_STORE_ERROR_CONFLICT if
 * somebody did.  On success the record's id, version, updated_at and
 * updated_by are those now in the file. */
gboolean           miriam_store_save               (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    gpointer              record,
                                                    GError              **error);
void               miriam_store_save_async         (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    gpointer              record,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns the saved copy; the record passed in is left as it was. */
gpointer           miriam_store_save_finish        (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Loads one record, or fails with MIRIAM_STORE_ERROR_NOT_FOUND. */
gpointer           miriam_store_load               (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    gint64                id,
                                                    GError              **error);

/* All records of a kind, or those whose reference field @ref_field equals
 * @ref_id (e.g. the sessions of one group), in the order they were created.
 * Returns a GPtrArray that frees its records. */
GPtrArray         *miriam_store_list               (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    const char           *ref_field,
                                                    gint64                ref_id,
                                                    GError              **error);
void               miriam_store_list_async         (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    const char           *ref_field,
                                                    gint64                ref_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray         *miriam_store_list_finish        (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Links a casemanager to a group (one or two per group). */
gboolean           miriam_store_add_group_staff    (MiriamStore          *self,
                                                    gint64                group_id,
                                                    gint64                staff_id,
                                                    GError              **error);


/* Marks the attendance of @n_marks participants at one session, all in one
 * transaction: either every mark is saved or none is. */
gboolean           miriam_store_set_attendance     (MiriamStore            *self,
                                                    gint64                  session_id,
                                                    guint                   n_marks,
                                                    const gint64           *participant_ids,
                                                    const MiriamAttendance *marks,
                                                    GError                **error);
/* Returns the mark of one participant at one session. */
MiriamAttendance   miriam_store_get_attendance     (MiriamStore            *self,
                                                    gint64                  session_id,
                                                    gint64                  participant_id,
                                                    GError                **error);

/* Scores of a measurement, one per life domain code; a domain absent from
 * the table or scored 0 is "not applicable", never a zero. */
gboolean           miriam_store_set_scores         (MiriamStore          *self,
                                                    gint64                measurement_id,
                                                    GHashTable           *scores,
                                                    GError              **error);
/* Returns a table of domain code -> GINT_TO_POINTER (score 1..5). */
GHashTable        *miriam_store_get_scores         (MiriamStore          *self,
                                                    gint64                measurement_id,
                                                    GError              **error);

/* Codes of the active life domains, in their order. */
GStrv              miriam_store_list_life_domains  (MiriamStore          *self,
                                                    GError              **error);

/* Runs @func on the store's thread inside one write transaction
 * (BEGIN IMMEDIATE ... COMMIT, rolled back if @func fails).  For work that
 * must land as a whole, like generating a demo database. */
typedef gboolean (*MiriamStoreWriteFunc) (MiriamStore  *self,
                                          gpointer      user_data,
                                          GError      **error);
gboolean           miriam_store_write              (MiriamStore          *self,
                                                    MiriamStoreWriteFunc  func,
                                                    gpointer              user_data,
                                                    GError              **error);

/* ---- Participant files ------------------------------------------------ */

/* One row of the participant list: what the list shows and searches. */
typedef struct {
  gint64  id;
  gint64  version;
  char   *first_name;
  char   *last_name;
  char   *insz;
  char   *phone;
  char   *status;          /* status code */
  gint64  group_id;        /* her latest group, 0: none */
  char   *group_name;      /* "" when none */
  gint64  cohort_id;       /* that group's cohort, 0: none */
  char   *cohort_label;    /* "" when none */
  char   *casemanagers;    /* that group's casemanagers' names, ", "-separated; "" when none */
  GDate   last_contact;    /* newest contact day, invalid: none */
  GDate   next_session;    /* that group's first session on or after @today that is not
                              cancelled, invalid: none */
} MiriamParticipantRow;

void       miriam_participant_row_free             (MiriamParticipantRow *row);

/* Every participant of the database, in one read transaction, ordered by
 * last name then first name.  Returns a GPtrArray that frees its rows. */
GPtrArray *miriam_store_list_participant_rows      (MiriamStore          *self,
                                                    const GDate          *today,
                                                    GError              **error);
void       miriam_store_list_participant_rows_async (MiriamStore         *self,
                                                    const GDate          *today,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *miriam_store_list_participant_rows_finish (MiriamStore        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The whole file of one participant. */
MiriamParticipantFile *miriam_store_load_participant_file        (MiriamStore   *self,
                                                                  gint64         id,
                                                                  GError       **error);
void                   miriam_store_load_participant_file_async  (MiriamStore         *self,
                                                                  gint64               id,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
MiriamParticipantFile *miriam_store_load_participant_file_finish (MiriamStore   *self,
                                                                  GAsyncResult  *result,
                                                                  GError       **error);

/* Saves the participant, her children and her goals in ONE transaction.
 * The participant row is version-checked (MIRIAM_STORE_ERROR_CONFLICT if
 * a colleague saved her first: nothing is saved then); children and goals
 * with id 0 are inserted, the others updated with the same check, and
 * those listed in removed_children / removed_goals deleted.  When the
 * status differs from the one in the database, a status change (on
 * file->status_day, or today, with @status_reason) is recorded too.
 * Contacts, referrals and memberships are saved one by one with
 * miriam_store_save().  @file is not changed;
 * on success the file as it is now in the database is returned. */
MiriamParticipantFile *miriam_store_save_participant_file        (MiriamStore                  *self,
                                                                  const MiriamParticipantFile  *file,
                                                                  const char                   *status_reason,
                                                                  GError                      **error);
void                   miriam_store_save_participant_file_async  (MiriamStore                  *self,
                                                                  const MiriamParticipantFile  *file,
                                                                  const char                   *status_reason,
                                                                  GCancellable                 *cancellable,
                                                                  GAsyncReadyCallback           callback,
                                                                  gpointer                      user_data);
MiriamParticipantFile *miriam_store_save_participant_file_finish (MiriamStore                  *self,
                                                                  GAsyncResult                 *result,
                                                                  GError                      **error);

/* Deletes one record if its version is still @version (CONFLICT if a
 * colleague changed it, NOT_FOUND if it is gone).  Only for kinds whose
 * rows may go (child, goal, contact, referral, partner, membership,
 * closed day). */
gboolean   miriam_store_delete                     (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    gint64                id,
                                                    gint64                version,
                                                    GError              **error);
void       miriam_store_delete_async               (MiriamStore          *self,
                                                    MiriamRecordKind      kind,
                                                    gint64                id,
                                                    gint64                version,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean   miriam_store_delete_finish              (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The file's first OCMW; a new file gets one (named "OCMW", "CPAS" or
 * "ÖSHZ" after the user's language) in its own short transaction.  A team
 * that starts with its group, before any participant file, needs it. */
MiriamOcmw *miriam_store_ensure_ocmw_record        (MiriamStore          *self,
                                                    GError              **error);

/* ---- Calendar (issue 4) ---- */

/* A stable identity of this database file, made once by the migration;
 * used for iCalendar UIDs.  Never NULL once open. */
char      *miriam_store_get_database_id            (MiriamStore          *self,
                                                    GError              **error);

/* Sessions of all groups and appointments (contacts) from @from to @to
 * inclusive, in day and time order, joined with group name, colour and
 * casemanagers.  One read transaction. */
GPtrArray *miriam_store_list_calendar              (MiriamStore          *self,
                                                    const GDate          *from,
                                                    const GDate          *to,
                                                    GError              **error);
void       miriam_store_list_calendar_async        (MiriamStore          *self,
                                                    const GDate          *from,
                                                    const GDate          *to,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *miriam_store_list_calendar_finish       (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The staff ids of a group's casemanagers (0, 1 or 2). */
GArray    *miriam_store_get_group_staff            (MiriamStore          *self,
                                                    gint64                group_id,
                                                    GError              **error);

/* A group with its casemanagers (replacing the old ones) and, when
 * @new_sessions is not NULL, its new sessions (MiriamSession*, group_id
 * set by the store): ONE transaction, version-checked on the group (a
 * colleague's newer save: MIRIAM_STORE_ERROR_CONFLICT and nothing
 * written).  Fills in ids and versions of @group and the sessions. */
gboolean   miriam_store_save_group                 (MiriamStore          *self,
                                                    MiriamGroup          *group,
                                                    const gint64         *staff_ids,
                                                    guint                 n_staff,
                                                    GPtrArray            *new_sessions,
                                                    GError              **error);
void       miriam_store_save_group_async           (MiriamStore          *self,
                                                    const MiriamGroup    *group,
                                                    const gint64         *staff_ids,
                                                    guint                 n_staff,
                                                    GPtrArray            *new_sessions,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns the saved copy of the group (free with miriam_record_free). */
MiriamGroup *miriam_store_save_group_finish        (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A session (moved, cancelled, edited) and, when @n_marks > 0, its
 * attendance: ONE transaction, version-checked on the session.  Moving
 * sets original_day the first time. */
gboolean   miriam_store_save_session               (MiriamStore            *self,
                                                    MiriamSession          *session,
                                                    guint                   n_marks,
                                                    const gint64           *participant_ids,
                                                    const MiriamAttendance *marks,
                                                    GError                **error);
typedef struct {
  gint64            participant_id;
  char             *first_name;
  char             *last_name;
  MiriamAttendance  mark;
} MiriamAttendanceRow;
void       miriam_attendance_row_free              (MiriamAttendanceRow  *row);

/* The women of the session's group on the session's day (joined on or
 * before it, not left before it) and anyone already marked, by name. */
GPtrArray *miriam_store_list_session_attendance    (MiriamStore          *self,
                                                    gint64                session_id,
                                                    GError              **error);

/* Her group sessions while she was a member, in date order
 * (MiriamAttendanceMark). */
GArray    *miriam_store_list_participant_attendance (MiriamStore         *self,
                                                    gint64                participant_id,
                                                    GError              **error);

/* The OCMW's closed days are MIRIAM_RECORD_CLOSED_DAY records: the
 * generic save, list (by "ocmw_id") and delete serve them. */

/* ---- The OCMW and its consortium ---- */

/* Who runs the groups of this file: the file's OCMW (its first one) and,
 * when it works in a consortium, the consortium and its other OCMWs. */
typedef struct {
  MiriamOcmw       *ocmw;
  MiriamConsortium *consortium;   /* NULL: the OCMW works on its own */
  GPtrArray        *partners;     /* MiriamOcmw: the consortium's other OCMWs, by id */
} MiriamOcmwSetup;

MiriamOcmwSetup *miriam_ocmw_setup_new             (void);  /* empty arrays, NULL records */
void             miriam_ocmw_setup_free            (MiriamOcmwSetup *setup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamOcmwSetup, miriam_ocmw_setup_free)

/* One read (a new, writable file gets its OCMW first, as for a group). */
MiriamOcmwSetup *miriam_store_load_ocmw_setup       (MiriamStore          *self,
                                                     GError              **error);
void             miriam_store_load_ocmw_setup_async (MiriamStore          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
MiriamOcmwSetup *miriam_store_load_ocmw_setup_finish (MiriamStore         *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Saves the whole setup in ONE transaction, every record version-checked
 * (a colleague's newer save: MIRIAM_STORE_ERROR_CONFLICT, nothing
 * written): the OCMW; the consortium (made when new; when NULL the OCMW
 * leaves its consortium); the partners (new ones added, all linked to the
 * consortium); the OCMWs of @removed_partner_ids leave the consortium but
 * stay in the file, because women's files and groups refer to them.
 * Returns the setup as it is now in the file; @setup is not changed. */
MiriamOcmwSetup *miriam_store_save_ocmw_setup       (MiriamStore           *self,
                                                     const MiriamOcmwSetup *setup,
                                                     GArray                *removed_partner_ids,
                                                     GError               **error);
void             miriam_store_save_ocmw_setup_async (MiriamStore           *self,
                                                     const MiriamOcmwSetup *setup,
                                                     GArray                *removed_partner_ids,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
MiriamOcmwSetup *miriam_store_save_ocmw_setup_finish (MiriamStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

/* ---- Progress (issue 5) ---- */

/* The life domains @ocmw_id scores (MiriamLifeDomain), active and
 * switched-off ones, in the OCMW's order; an OCMW that never chose gets
 * the method's active domains in their order. */
GPtrArray *miriam_store_list_ocmw_domains          (MiriamStore          *self,
                                                    gint64                ocmw_id,
                                                    GError              **error);
/* Replaces the OCMW's list by @domains (MiriamLifeDomain, in order), in
 * ONE transaction; codes not yet known are added with their names.  A
 * domain that has scores is never deleted, only switched off. */
gboolean   miriam_store_save_ocmw_domains          (MiriamStore          *self,
                                                    gint64                ocmw_id,
                                                    GPtrArray            *domains,
                                                    GError              **error);

/* One measurement moment with its scores. */
typedef struct {
  MiriamMeasurement *measurement;
  GHashTable        *scores;       /* domain code (char*) -> GINT_TO_POINTER (1..5); absent: not scored */
  char              *scored_by_name; /* the staff member's display name, "" when unknown */
} MiriamScoredMeasurement;
void       miriam_scored_measurement_free          (MiriamScoredMeasurement *m);

/* Her measurements, oldest first, with their scores: one read. */
GPtrArray *miriam_store_list_measurements          (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GError              **error);
void       miriam_store_list_measurements_async    (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *miriam_store_list_measurements_finish   (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A measurement and all its scores in ONE transaction, version-checked on
 * the measurement (MIRIAM_STORE_ERROR_CONFLICT: nothing written).  @scores
 * maps domain codes to 1..5; a code absent or mapped to 0 is "not
 * applicable" (stored as NULL, never as 0).  Fills in id and version. */
gboolean   miriam_store_save_measurement           (MiriamStore          *self,
                                                    MiriamMeasurement    *measurement,
                                                    GHashTable           *scores,
                                                    GError              **error);
void       miriam_store_save_measurement_async     (MiriamStore          *self,
                                                    const MiriamMeasurement *measurement,
                                                    GHashTable           *scores,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns the saved copy (free with miriam_scored_measurement_free). */
MiriamScoredMeasurement *miriam_store_save_measurement_finish (MiriamStore  *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
/* Removes a measurement and its scores in one transaction (version-checked). */
gboolean   miriam_store_delete_measurement         (MiriamStore          *self,
                                                    gint64                id,
                                                    gint64                version,
                                                    GError              **error);

/* What the charts of one group need, in one read: its members (anyone
 * who was ever a member), their baseline, newest intermediate and final
 * measurements on the group OCMW's active domains, the sessions held and
 * everyone's attendance.  Labels in the current language. */
MiriamProgressGroup *miriam_store_load_progress_group        (MiriamStore         *self,
                                                              gint64               group_id,
                                                              GError             **error);
void                 miriam_store_load_progress_group_async  (MiriamStore         *self,
                                                              gint64               group_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
MiriamProgressGroup *miriam_store_load_progress_group_finish (MiriamStore         *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* A whole cohort taken as one group (all its groups' women; group_name
 * ""; session_days empty, attendance NULL). */
MiriamProgressGroup *miriam_store_load_progress_cohort       (MiriamStore         *self,
                                                              gint64               cohort_id,
                                                              GError             **error);

/* Every cohort of the file as one MiriamProgressGroup each, oldest first:
 * the leads' side-by-side figures. */
GPtrArray *miriam_store_load_progress_cohorts            (MiriamStore         *self,
                                                          GError             **error);
void       miriam_store_load_progress_cohorts_async      (MiriamStore         *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray *miriam_store_load_progress_cohorts_finish     (MiriamStore         *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* ---- A shared file (issue 6) ---- */

/* Has anybody (another process, another machine) committed to the file
 * since the last check?  Cheap when nothing changed: it reads the file
 * header's change counter through a handle kept open (at most 2 file
 * operations), and only when that moved, or every so often, makes the
 * full check (PRAGMA data_version in a read transaction).  The first call
 * after opening sets the baseline and reports no change.  This store's own
 * saves are not reported (the window that saved shows them already).
 * Errors: the file cannot be reached (MIRIAM_STORE_ERROR_IO /
 * FOLDER_MISSING); the first check that reaches it again opens a fresh
 * connection and reports a change (colleagues may have saved meanwhile). */
gboolean   miriam_store_check_changes              (MiriamStore          *self,
                                                    gboolean             *changed,
                                                    GError              **error);
void       miriam_store_check_changes_async        (MiriamStore          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns TRUE and sets *@changed, or FALSE with @error. */
gboolean   miriam_store_check_changes_finish       (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    gboolean             *changed,
                                                    GError              **error);

/* Whether @error says the file cannot be reached right now (a dropped or
 * renamed share, a network error), as opposed to a problem with the data:
 * work can wait in the windows until the file is back. */
gboolean   miriam_store_error_is_unreachable       (const GError         *error);

/* Presence: who has a participant file open for editing (advisory only).
 * A heartbeat expires after about 90 seconds; the editor renews it about
 * every 30.  "Oneself" is this store: another run of MIRIAM, even under
 * the same name on the same computer, is a colleague. */

/* What an open participant file shows beside the form: who else has it
 * open, and whether a colleague saved it meanwhile. */
typedef struct {
  GStrv   colleagues;   /* their names, sorted, once each, never oneself; empty: nobody */
  gint64  version;      /* the participant's version in the file now; 0: not there */
} MiriamPresence;

void       miriam_presence_free                    (MiriamPresence       *presence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamPresence, miriam_presence_free)

/* Writes this store's heartbeat on @participant_id's file (one short write
 * transaction, which also sweeps long-expired rows) and reads who else has
 * it open, in the same transaction. */
MiriamPresence *miriam_store_touch_presence        (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GError              **error);
void       miriam_store_touch_presence_async       (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
MiriamPresence *miriam_store_touch_presence_finish (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
/* The same, read only (one read transaction). */
MiriamPresence *miriam_store_list_presence         (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GError              **error);
void       miriam_store_list_presence_async        (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
MiriamPresence *miriam_store_list_presence_finish  (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
/* Removes this store's heartbeat on the file (it was closed). */
gboolean   miriam_store_clear_presence             (MiriamStore          *self,
                                                    gint64                participant_id,
                                                    GError              **error);
/* Fire and forget: nobody waits for it (a closing window). */
void       miriam_store_clear_presence_async       (MiriamStore          *self,
                                                    gint64                participant_id);

/* ---- Backups and checks (issue 6) ---- */

/* Backups are whole copies of the database file, made with SQLite's online
 * backup API (so colleagues may keep working), each checked with a quick
 * integrity check.  They lie in a folder the team chooses; by default the
 * "MIRIAM backups" folder beside the database.  None of these calls needs
 * the store to be open: a damaged file that failed to open can still be
 * restored.  The _async variants run on a thread of their own, never on
 * the store's thread, so a slow share does not hold up the window. */

typedef enum {
  MIRIAM_BACKUP_DAILY,            /* made at start-up, once a day */
  MIRIAM_BACKUP_BEFORE_RESTORE,   /* the file as it was just before a restore */
} MiriamBackupKind;

typedef struct {
  char             *path;         /* the backup file */
  GDateTime        *made_at;      /* local time */
  MiriamBackupKind  kind;
  goffset           size;         /* bytes */
} MiriamBackup;
void       miriam_backup_free                      (MiriamBackup         *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamBackup, miriam_backup_free)

/* What the last backup's check found. */
typedef enum {
  MIRIAM_BACKUP_CHECK_NONE,       /* no backup made yet (or no record of it) */
  MIRIAM_BACKUP_CHECK_OK,
  MIRIAM_BACKUP_CHECK_DAMAGED,    /* the copy was damaged: the database is; not kept */
  MIRIAM_BACKUP_CHECK_FAILED,     /* no copy could be made (folder, disk, share) */
} MiriamBackupCheck;

/* "MIRIAM backups" beside @database_path. */
char      *miriam_store_default_backup_folder      (const char           *database_path);

/* How many daily and weekly backups rotation keeps: the newest backup of
 * each of the last 14 days that have one, and of each of the last 8
 * weeks that have one. */
#define MIRIAM_BACKUP_KEEP_DAYS  14
#define MIRIAM_BACKUP_KEEP_WEEKS 8

typedef enum {
  MIRIAM_BACKUP_ALWAYS     = 0,
  MIRIAM_BACKUP_IF_DUE     = 1 << 0,   /* nothing when @folder has one of that day already */
} MiriamBackupFlags;

/* Makes a backup of the database into @folder (created if missing),
 * checks it and rotates the older daily backups.  @when: the time the
 * backup is dated (NULL: now; tests simulate days with it).  Sets
 * *@backup to the backup made, or to NULL when none was due.  A damaged
 * database gives MIRIAM_STORE_ERROR_CORRUPT and keeps no copy; the
 * outcome is recorded in @folder for miriam_store_get_diagnostics(). */
gboolean   miriam_store_back_up                    (MiriamStore          *self,
                                                    const char           *folder,
                                                    GDateTime            *when,
                                                    MiriamBackupFlags     flags,
                                                    MiriamBackup        **backup,
                                                    GError              **error);
void       miriam_store_back_up_async              (MiriamStore          *self,
                                                    const char           *folder,
                                                    MiriamBackupFlags     flags,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean   miriam_store_back_up_finish             (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    MiriamBackup        **backup,
                                                    GError              **error);

/* This database's backups in @folder (MiriamBackup), newest first; an
 * empty array when the folder does not exist. */
GPtrArray *miriam_store_list_backups               (MiriamStore          *self,
                                                    const char           *folder,
                                                    GError              **error);
void       miriam_store_list_backups_async         (MiriamStore          *self,
                                                    const char           *folder,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *miriam_store_list_backups_finish        (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Puts @backup_path back as the database: checks the backup first
 * (MIRIAM_STORE_ERROR_CORRUPT or NOT_A_DATABASE: nothing changed), keeps
 * a copy of the current file in @folder (a BEFORE_RESTORE backup, whose
 * path goes to *@kept_copy), then copies the backup over the database in
 * one transaction.  Colleagues' MIRIAM reads the restored data from then
 * on; this store must be opened again (miriam_store_open) to use it. */
gboolean   miriam_store_restore_backup             (MiriamStore          *self,
                                                    const char           *backup_path,
                                                    const char           *folder,
                                                    char                **kept_copy,
                                                    GError              **error);
void       miriam_store_restore_backup_async       (MiriamStore          *self,
                                                    const char           *backup_path,
                                                    const char           *folder,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns the path of the copy kept of the replaced file. */
char      *miriam_store_restore_backup_finish      (MiriamStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Whether another program holds a lock on the file, seen without waiting. */
typedef enum {
  MIRIAM_LOCK_FREE,               /* nobody reads or writes right now */
  MIRIAM_LOCK_READING,            /* someone is reading */
  MIRIAM_LOCK_WRITING,            /* someone is saving */
  MIRIAM_LOCK_UNKNOWN,            /* could not be found out (read-only file...) */
} MiriamLockStatus;

/* For IT: how the database file is set up. */
typedef struct {
  char              *path;
  gboolean           remote;           /* on a network filesystem */
  char              *filesystem_type;  /* "cifs", "nfs4", "ext4", "NTFS"...; "" when unknown */
  gint64             size;             /* bytes, -1 when unknown */
  char              *journal_mode;     /* "delete"; "" when the file cannot be read */
  MiriamLockStatus   lock;
  gboolean           journal_present;  /* a "-journal" file lies beside it */
  int                file_version;     /* schema version of the file, 0 when unknown */
  int                app_version;      /* schema version of this MIRIAM */
  char              *sqlite_version;
  char              *backup_folder;
  GDateTime         *last_backup_at;   /* NULL: none */
  char              *last_backup_path; /* NULL: none */
  MiriamBackupCheck  last_backup_check;
} MiriamStoreDiagnostics;
void       miriam_store_diagnostics_free           (MiriamStoreDiagnostics *diagnostics);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MiriamStoreDiagnostics, miriam_store_diagnostics_free)

/* Works whether the store opened or not; opens nothing for writing. */
MiriamStoreDiagnostics *miriam_store_get_diagnostics        (MiriamStore         *self,
                                                             const char          *backup_folder,
                                                             GError             **error);
void                    miriam_store_get_diagnostics_async  (MiriamStore         *self,
                                                             const char          *backup_folder,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
MiriamStoreDiagnostics *miriam_store_get_diagnostics_finish (MiriamStore         *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Closes the connection and stops the thread; safe to call twice. */
void               miriam_store_close              (MiriamStore          *self);

G_END_DECLS
