/* miriam-record.h: the things a MIRIAM team keeps, as plain C records
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record starts with a MiriamRow, so that generic code (the store, a
 * future merge dialog) can handle all of them through one description of
 * their fields: MiriamRecordKind.  Field names are the store's column names;
 * nothing here knows about SQL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64  id;          /* 0 while the record has never been saved */
  gint64  version;     /* bumped by each save; 0 while never saved */
  char   *updated_at;  /* UTC, ISO 8601 */
  char   *updated_by;  /* display name of whoever saved it last */
} MiriamRow;

typedef struct {
  MiriamRow row;
  char   *name;
  char   *municipality;
  char   *community;       /* "vl", "fr" or "de" */
  gint64  consortium_id;   /* 0: none */
} MiriamOcmw;

typedef struct {
  MiriamRow row;
  gint64    ocmw_id;
  char     *display_name;
  char     *role;          /* "casemanager", "lead", "admin" */
  char     *email;
  char     *phone;
  char     *languages;     /* comma-separated ISO 639-1 codes */
  gboolean  active;
} MiriamStaff;

typedef struct {
  MiriamRow row;
  char  *label;            /* "2026-2027" */
  GDate  start_date;
  GDate  end_date;
} MiriamCohort;

typedef struct {
  MiriamRow row;
  gint64  ocmw_id;
  gint64  cohort_id;
  char   *name;
  char   *location;
  char   *address;
  char   *community;       /* school holidays of this Community apply */
  char   *rhythm;          /* "weekly", "fortnightly", "three_monthly", "free" */
  gint64  weekday;         /* 1 = Monday ... 7 = Sunday */
  gint64  start_minute;    /* minutes after midnight */
  gint64  end_minute;
  GDate   start_date;
  GDate   end_date;
  char   *colour;          /* "#rrggbb" or empty */
  gint64  consortium_id;   /* run by this consortium of OCMWs; 0: the OCMW's own group */
} MiriamGroup;

typedef struct {
  MiriamRow row;
  gint64  ocmw_id;
  char   *first_name;
  char   *last_name;
  GDate   birth_date;      /* invalid (cleared) when unknown */
  char   *insz;            /* 11 digits, or empty */
  char   *address;
  char   *phone;
  char   *email;
  char   *languages;
  char   *letter_language;
  char   *income;
  char   *referred_by;
  char   *status;          /* "waiting", "intake", "active", "completed", "stopped", "aftercare" */
  GDate   consent_date;
  char   *consent_note;
  char   *notes;
  /* Intake: the date and the four criteria of the method, each with a note. */
  GDate     intake_date;
  gboolean  criterion_poverty;      /* persistent and/or urgent poverty */
  char     *criterion_poverty_note;
  gboolean  criterion_isolated;     /* isolated, with a small network */
  char     *criterion_isolated_note;
  gboolean  criterion_language;     /* speaks a language of the casemanager */
  char     *criterion_language_note;
  gboolean  criterion_voluntary;    /* takes part voluntarily */
  char     *criterion_voluntary_note;
} MiriamParticipant;

/* One step of her path: the status she got on a day, and why. */
typedef struct {
  MiriamRow row;
  gint64  participant_id;
  char   *status;
  GDate   day;
  char   *reason;
} MiriamStatusStep;

/* A goal of her coaching plan, in one life domain. */
typedef struct {
  MiriamRow row;
  gint64  participant_id;
  char   *domain;          /* life domain code */
  char   *description;
  char   *status;          /* "open", "in_progress", "reached", "dropped" */
  GDate   start_date;
  GDate   end_date;        /* when reached or dropped */
} MiriamGoal;

/* An organisation of the partner directory. */
typedef struct {
  MiriamRow row;
  gint64  ocmw_id;         /* 0: shared by all */
  char   *name;
  char   *kind;            /* partner type code (miriam-vocabulary.h) */
  char   *domain;          /* life domain code, "" when general */
  char   *municipality;
  char   *phone;
  char   *email;
  char   *notes;
} MiriamPartner;

/* A referral of a participant to a partner. */
typedef struct {
  MiriamRow row;
  gint64  participant_id;
  gint64  partner_id;
  GDate   day;
  char   *reason;
  char   *outcome;
} MiriamReferral;

typedef struct {
  MiriamRow row;
  gint64  participant_id;
  gint64  group_id;
  GDate   joined_on;
  GDate   left_on;
} MiriamMembership;

typedef struct {
  MiriamRow row;
  gint64    participant_id;
  char     *first_name;
  gint64    birth_year;    /* 0: unknown */
  gboolean  in_care;
} MiriamChild;

typedef struct {
  MiriamRow row;
  gint64    group_id;
  GDate     day;
  gint64    start_minute;
  gint64    end_minute;
  char     *location;
  char     *theme;         /* "housing", "health", "budget", "parenting", "leisure", "identity", "outing", "other" */
  char     *partner;
  char     *notes;
  gboolean  cancelled;
  char     *cancel_reason;
  GDate     original_day;  /* the first planned day of a moved session; invalid if never moved */
} MiriamSession;

typedef struct {
  MiriamRow row;
  gint64  participant_id;
  gint64  staff_id;        /* 0: unknown */
  GDate   day;
  gint64  start_minute;    /* minutes after midnight; 0: no time given */
  gint64  duration_min;
  char   *kind;            /* "home_visit", "walk", "office", "phone", "accompany", "other" */
  char   *domains;         /* comma-separated life domain codes */
  char   *note;
} MiriamContact;

typedef struct {
  MiriamRow row;
  gint64  participant_id;
  gint64  group_id;        /* 0: none */
  char   *kind;            /* "baseline", "intermediate", "final" */
  GDate   day;
  gint64  scored_by;       /* staff id, 0: unknown */
  char   *note;
} MiriamMeasurement;

/* A day the OCMW is closed on top of the public holidays. */
typedef struct {
  MiriamRow row;
  gint64  ocmw_id;
  GDate   day;
  char   *label;           /* e.g. "Day after Christmas"; may be empty */
} MiriamOcmwClosedDay;

/* A consortium: OCMWs that run MIRIAM groups together. */
typedef struct {
  MiriamRow row;
  char   *name;
} MiriamConsortium;

typedef enum {
  MIRIAM_RECORD_OCMW,
  MIRIAM_RECORD_STAFF,
  MIRIAM_RECORD_COHORT,
  MIRIAM_RECORD_GROUP,
  MIRIAM_RECORD_PARTICIPANT,
  MIRIAM_RECORD_MEMBERSHIP,
  MIRIAM_RECORD_CHILD,
  MIRIAM_RECORD_SESSION,
  MIRIAM_RECORD_CONTACT,
  MIRIAM_RECORD_MEASUREMENT,
  MIRIAM_RECORD_STATUS_STEP,
  MIRIAM_RECORD_GOAL,
  MIRIAM_RECORD_PARTNER,
  MIRIAM_RECORD_REFERRAL,
  MIRIAM_RECORD_CLOSED_DAY,
  MIRIAM_RECORD_CONSORTIUM,
  MIRIAM_N_RECORD_KINDS
} MiriamRecordKind;

typedef enum {
  MIRIAM_FIELD_TEXT,       /* char *, never NULL once loaded */
  MIRIAM_FIELD_INT,        /* gint64 */
  MIRIAM_FIELD_BOOL,       /* gboolean */
  MIRIAM_FIELD_DATE,       /* GDate, invalid = unknown */
  MIRIAM_FIELD_REF,        /* gint64 id of another record, 0 = none */
} MiriamFieldType;

typedef struct {
  const char      *name;
  MiriamFieldType  type;
  gsize            offset;
  const char      *fallback;   /* a new record's value, as text; NULL: empty / 0 */
} MiriamField;

typedef struct {
  MiriamRecordKind   kind;
  const char        *name;      /* also the store's table name */
  gsize              size;
  const MiriamField *fields;
  guint              n_fields;
} MiriamRecordInfo;

const MiriamRecordInfo *miriam_record_info         (MiriamRecordKind kind);
gpointer                miriam_record_new          (MiriamRecordKind kind);
void                    miriam_record_free         (MiriamRecordKind kind,
                                                    gpointer         record);
/* miriam_record_free() for @kind, for a GPtrArray or g_object_set_data_full(). */
GDestroyNotify          miriam_record_free_func    (MiriamRecordKind kind);
gpointer                miriam_record_copy         (MiriamRecordKind kind,
                                                    gconstpointer    record);
gboolean                miriam_record_field_equal  (const MiriamField *field,
                                                    gconstpointer      a,
                                                    gconstpointer      b);
void                    miriam_record_set_text     (gpointer           record,
                                                    const MiriamField *field,
                                                    const char        *value);

static inline MiriamRow *
miriam_record_row (gpointer record)
{
  return (MiriamRow *) record;
}

#define MIRIAM_FIELD_PTR(record, field, type) \
  ((type *) (gpointer) ((guint8 *) (record) + (field)->offset))

G_END_DECLS
