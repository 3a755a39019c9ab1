/* miriam-record.c: one description of every record's fields
 *
 * Copyright 2026 The MIRIAM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "miriam-record.h"

#include <string.h>

#define F(S, name, type) { #name, MIRIAM_FIELD_##type, G_STRUCT_OFFSET (S, name), NULL }
/* A field whose new value must be one the store accepts (the schema's
 * default), so that a record made with miriam_record_new() can be saved. */
#define FD(S, name, type, fallback) { #name, MIRIAM_FIELD_##type, G_STRUCT_OFFSET (S, name), fallback }

static const MiriamField ocmw_fields[] = {
  F (MiriamOcmw, name, TEXT),
  F (MiriamOcmw, municipality, TEXT),
  FD (MiriamOcmw, community, TEXT, "vl"),
  F (MiriamOcmw, consortium_id, REF),
};

static const MiriamField staff_fields[] = {
  F (MiriamStaff, ocmw_id, REF),
  F (MiriamStaff, display_name, TEXT),
  FD (MiriamStaff, role, TEXT, "casemanager"),
  F (MiriamStaff, email, TEXT),
  F (MiriamStaff, phone, TEXT),
  F (MiriamStaff, languages, TEXT),
  FD (MiriamStaff, active, BOOL, "1"),
};

static const MiriamField cohort_fields[] = {
  F (MiriamCohort, label, TEXT),
  F (MiriamCohort, start_date, DATE),
  F (MiriamCohort, end_date, DATE),
};

static const MiriamField group_fields[] = {
  F (MiriamGroup, ocmw_id, REF),
  F (MiriamGroup, cohort_id, REF),
  F (MiriamGroup, name, TEXT),
  F (MiriamGroup, location, TEXT),
  F (MiriamGroup, address, TEXT),
  FD (MiriamGroup, community, TEXT, "vl"),
  FD (MiriamGroup, rhythm, TEXT, "fortnightly"),
  FD (MiriamGroup, weekday, INT, "2"),
  FD (MiriamGroup, start_minute, INT, "570"),
  FD (MiriamGroup, end_minute, INT, "690"),
  F (MiriamGroup, start_date, DATE),
  F (MiriamGroup, end_date, DATE),
  F (MiriamGroup, colour, TEXT),
  F (MiriamGroup, consortium_id, REF),
};

static const MiriamField participant_fields[] = {
  F (MiriamParticipant, ocmw_id, REF),
  F (MiriamParticipant, first_name, TEXT),
  F (MiriamParticipant, last_name, TEXT),
  F (MiriamParticipant, birth_date, DATE),
  F (MiriamParticipant, insz, TEXT),
  F (MiriamParticipant, address, TEXT),
  F (MiriamParticipant, phone, TEXT),
  F (MiriamParticipant, email, TEXT),
  F (MiriamParticipant, languages, TEXT),
  F (MiriamParticipant, letter_language, TEXT),
  F (MiriamParticipant, income, TEXT),
  F (MiriamParticipant, referred_by, TEXT),
  FD (MiriamParticipant, status, TEXT, "waiting"),
  F (MiriamParticipant, consent_date, DATE),
  F (MiriamParticipant, consent_note, TEXT),
  F (MiriamParticipant, notes, TEXT),
  F (MiriamParticipant, intake_date, DATE),
  F (MiriamParticipant, criterion_poverty, BOOL),
  F (MiriamParticipant, criterion_poverty_note, TEXT),
  F (MiriamParticipant, criterion_isolated, BOOL),
  F (MiriamParticipant, criterion_isolated_note, TEXT),
  F (MiriamParticipant, criterion_language, BOOL),
  F (MiriamParticipant, criterion_language_note, TEXT),
  F (MiriamParticipant, criterion_voluntary, BOOL),
  F (MiriamParticipant, criterion_voluntary_note, TEXT),
};

static const MiriamField membership_fields[] = {
  F (MiriamMembership, participant_id, REF),
  F (MiriamMembership, group_id, REF),
  F (MiriamMembership, joined_on, DATE),
  F (MiriamMembership, left_on, DATE),
};

static const MiriamField child_fields[] = {
  F (MiriamChild, participant_id, REF),
  F (MiriamChild, first_name, TEXT),
  F (MiriamChild, birth_year, INT),
  FD (MiriamChild, in_care, BOOL, "1"),
};

static const MiriamField session_fields[] = {
  F (MiriamSession, group_id, REF),
  F (MiriamSession, day, DATE),
  FD (MiriamSession, start_minute, INT, "570"),
  FD (MiriamSession, end_minute, INT, "690"),
  F (MiriamSession, location, TEXT),
  FD (MiriamSession, theme, TEXT, "other"),
  F (MiriamSession, partner, TEXT),
  F (MiriamSession, notes, TEXT),
  F (MiriamSession, cancelled, BOOL),
  F (MiriamSession, cancel_reason, TEXT),
  F (MiriamSession, original_day, DATE),
};

static const MiriamField contact_fields[] = {
  F (MiriamContact, participant_id, REF),
  F (MiriamContact, staff_id, REF),
  F (MiriamContact, day, DATE),
  F (MiriamContact, start_minute, INT),
  F (MiriamContact, duration_min, INT),
  FD (MiriamContact, kind, TEXT, "office"),
  F (MiriamContact, domains, TEXT),
  F (MiriamContact, note, TEXT),
};

static const MiriamField measurement_fields[] = {
  F (MiriamMeasurement, participant_id, REF),
  F (MiriamMeasurement, group_id, REF),
  FD (MiriamMeasurement, kind, TEXT, "baseline"),
  F (MiriamMeasurement, day, DATE),
  F (MiriamMeasurement, scored_by, REF),
  F (MiriamMeasurement, note, TEXT),
};

/* The store writes a step itself when a file's status changes; the
 * fallback only matters for a step made by hand. */
static const MiriamField status_step_fields[] = {
  F (MiriamStatusStep, participant_id, REF),
  FD (MiriamStatusStep, status, TEXT, "waiting"),
  F (MiriamStatusStep, day, DATE),
  F (MiriamStatusStep, reason, TEXT),
};

/* No fallback for the domain: a goal is always about one domain that
 * somebody chose, like a name. */
static const MiriamField goal_fields[] = {
  F (MiriamGoal, participant_id, REF),
  F (MiriamGoal, domain, TEXT),
  F (MiriamGoal, description, TEXT),
  FD (MiriamGoal, status, TEXT, "open"),
  F (MiriamGoal, start_date, DATE),
  F (MiriamGoal, end_date, DATE),
};

static const MiriamField partner_fields[] = {
  F (MiriamPartner, ocmw_id, REF),
  F (MiriamPartner, name, TEXT),
  FD (MiriamPartner, kind, TEXT, "other"),
  F (MiriamPartner, domain, TEXT),
  F (MiriamPartner, municipality, TEXT),
  F (MiriamPartner, phone, TEXT),
  F (MiriamPartner, email, TEXT),
  F (MiriamPartner, notes, TEXT),
};

static const MiriamField referral_fields[] = {
  F (MiriamReferral, participant_id, REF),
  F (MiriamReferral, partner_id, REF),
  F (MiriamReferral, day, DATE),
  F (MiriamReferral, reason, TEXT),
  F (MiriamReferral, outcome, TEXT),
};

static const MiriamField closed_day_fields[] = {
  F (MiriamOcmwClosedDay, ocmw_id, REF),
  F (MiriamOcmwClosedDay, day, DATE),
  F (MiriamOcmwClosedDay, label, TEXT),
};

static const MiriamField consortium_fields[] = {
  F (MiriamConsortium, name, TEXT),
};

#undef F
#undef FD

#define INFO(K, table, S, fields) \
  [K] = { K, table, sizeof (S), fields, G_N_ELEMENTS (fields) }

static const MiriamRecordInfo infos[MIRIAM_N_RECORD_KINDS] = {
  INFO (MIRIAM_RECORD_OCMW, "ocmw", MiriamOcmw, ocmw_fields),
  INFO (MIRIAM_RECORD_STAFF, "staff", MiriamStaff, staff_fields),
  INFO (MIRIAM_RECORD_COHORT, "cohort", MiriamCohort, cohort_fields),
  INFO (MIRIAM_RECORD_GROUP, "coaching_group", MiriamGroup, group_fields),
  INFO (MIRIAM_RECORD_PARTICIPANT, "participant", MiriamParticipant, participant_fields),
  INFO (MIRIAM_RECORD_MEMBERSHIP, "membership", MiriamMembership, membership_fields),
  INFO (MIRIAM_RECORD_CHILD, "child", MiriamChild, child_fields),
  INFO (MIRIAM_RECORD_SESSION, "session", MiriamSession, session_fields),
  INFO (MIRIAM_RECORD_CONTACT, "contact", MiriamContact, contact_fields),
  INFO (MIRIAM_RECORD_MEASUREMENT, "measurement", MiriamMeasurement, measurement_fields),
  INFO (MIRIAM_RECORD_STATUS_STEP, "status_change", MiriamStatusStep, status_step_fields),
  INFO (MIRIAM_RECORD_GOAL, "goal", MiriamGoal, goal_fields),
  INFO (MIRIAM_RECORD_PARTNER, "partner", MiriamPartner, partner_fields),
  INFO (MIRIAM_RECORD_REFERRAL, "referral", MiriamReferral, referral_fields),
  INFO (MIRIAM_RECORD_CLOSED_DAY, "closed_day", MiriamOcmwClosedDay, closed_day_fields),
  INFO (MIRIAM_RECORD_CONSORTIUM, "consortium", MiriamConsortium, consortium_fields),
};

#undef INFO

const MiriamRecordInfo *
miriam_record_info (MiriamRecordKind kind)
{
  g_return_val_if_fail (kind < MIRIAM_N_RECORD_KINDS, NULL);
  return &infos[kind];
}

/* A new record has empty strings, not NULL, so that code showing it never
 * needs to care whether a field was ever set; coded fields start at the
 * schema's default. */
gpointer
miriam_record_new (MiriamRecordKind kind)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  gpointer record = g_malloc0 (info->size);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MiriamField *f = &info->fields[i];

      switch (f->type)
        {
        case MIRIAM_FIELD_TEXT:
          *MIRIAM_FIELD_PTR (record, f, char *) = g_strdup (f->fallback ? f->fallback : "");
          break;
        case MIRIAM_FIELD_DATE:
          g_date_clear (MIRIAM_FIELD_PTR (record, f, GDate), 1);
          break;
        case MIRIAM_FIELD_INT:
        case MIRIAM_FIELD_REF:
          *MIRIAM_FIELD_PTR (record, f, gint64) = f->fallback ? g_ascii_strtoll (f->fallback, NULL, 10) : 0;
          break;
        case MIRIAM_FIELD_BOOL:
          *MIRIAM_FIELD_PTR (record, f, gboolean) = f->fallback != NULL && f->fallback[0] == '1';
          break;
        default:
          g_assert_not_reached ();
        }
    }

  miriam_record_row (record)->updated_at = g_strdup ("");
  miriam_record_row (record)->updated_by = g_strdup ("");

  return record;
}

void
miriam_record_free (MiriamRecordKind kind,
                    gpointer         record)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);

  if (record == NULL)
    return;

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == MIRIAM_FIELD_TEXT)
      g_free (*MIRIAM_FIELD_PTR (record, &info->fields[i], char *));

  g_free (miriam_record_row (record)->updated_at);
  g_free (miriam_record_row (record)->updated_by);
  g_free (record);
}

/* GDestroyNotify takes no user data, so each kind gets a function. */
#define FREE_FUNC(K, name) \
  static void name (gpointer r) { miriam_record_free (K, r); }
FREE_FUNC (MIRIAM_RECORD_OCMW, free_ocmw)
FREE_FUNC (MIRIAM_RECORD_STAFF, free_staff)
FREE_FUNC (MIRIAM_RECORD_COHORT, free_cohort)
FREE_FUNC (MIRIAM_RECORD_GROUP, free_group)
FREE_FUNC (MIRIAM_RECORD_PARTICIPANT, free_participant)
FREE_FUNC (MIRIAM_RECORD_MEMBERSHIP, free_membership)
FREE_FUNC (MIRIAM_RECORD_CHILD, free_child)
FREE_FUNC (MIRIAM_RECORD_SESSION, free_session)
FREE_FUNC (MIRIAM_RECORD_CONTACT, free_contact)
FREE_FUNC (MIRIAM_RECORD_MEASUREMENT, free_measurement)
FREE_FUNC (MIRIAM_RECORD_STATUS_STEP, free_status_step)
FREE_FUNC (MIRIAM_RECORD_GOAL, free_goal)
FREE_FUNC (MIRIAM_RECORD_PARTNER, free_partner)
FREE_FUNC (MIRIAM_RECORD_REFERRAL, free_referral)
FREE_FUNC (MIRIAM_RECORD_CLOSED_DAY, free_closed_day)
FREE_FUNC (MIRIAM_RECORD_CONSORTIUM, free_consortium)
#undef FREE_FUNC

/* Indexed by kind; a kind without its function trips the assertion. */
static const GDestroyNotify free_funcs[MIRIAM_N_RECORD_KINDS] = {
  [MIRIAM_RECORD_OCMW] = free_ocmw,
  [MIRIAM_RECORD_STAFF] = free_staff,
  [MIRIAM_RECORD_COHORT] = free_cohort,
  [MIRIAM_RECORD_GROUP] = free_group,
  [MIRIAM_RECORD_PARTICIPANT] = free_participant,
  [MIRIAM_RECORD_MEMBERSHIP] = free_membership,
  [MIRIAM_RECORD_CHILD] = free_child,
  [MIRIAM_RECORD_SESSION] = free_session,
  [MIRIAM_RECORD_CONTACT] = free_contact,
  [MIRIAM_RECORD_MEASUREMENT] = free_measurement,
  [MIRIAM_RECORD_STATUS_STEP] = free_status_step,
  [MIRIAM_RECORD_GOAL] = free_goal,
  [MIRIAM_RECORD_PARTNER] = free_partner,
  [MIRIAM_RECORD_REFERRAL] = free_referral,
  [MIRIAM_RECORD_CLOSED_DAY] = free_closed_day,
  [MIRIAM_RECORD_CONSORTIUM] = free_consortium,
};

GDestroyNotify
miriam_record_free_func (MiriamRecordKind kind)
{
  g_return_val_if_fail (kind < MIRIAM_N_RECORD_KINDS, NULL);
  g_assert (free_funcs[kind] != NULL);
  return free_funcs[kind];
}

gpointer
miriam_record_copy (MiriamRecordKind kind,
                    gconstpointer    record)
{
  const MiriamRecordInfo *info = miriam_record_info (kind);
  gpointer copy = g_memdup2 (record, info->size);
  MiriamRow *row = miriam_record_row (copy);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MiriamField *f = &info->fields[i];

      if (f->type == MIRIAM_FIELD_TEXT)
        {
          char **p = MIRIAM_FIELD_PTR (copy, f, char *);
          *p = g_strdup (*p);
        }
    }

  row->updated_at = g_strdup (row->updated_at);
  row->updated_by = g_strdup (row->updated_by);

  return copy;
}

gboolean
miriam_record_field_equal (const MiriamField *field,
                           gconstpointer      a,
                           gconstpointer      b)
{
  switch (field->type)
    {
    case MIRIAM_FIELD_TEXT:
      return g_strcmp0 (*MIRIAM_FIELD_PTR (a, field, char *),
                        *MIRIAM_FIELD_PTR (b, field, char *)) == 0;
    case MIRIAM_FIELD_INT:
    case MIRIAM_FIELD_REF:
      return *MIRIAM_FIELD_PTR (a, field, gint64) == *MIRIAM_FIELD_PTR (b, field, gint64);
    case MIRIAM_FIELD_BOOL:
      return !*MIRIAM_FIELD_PTR (a, field, gboolean) == !*MIRIAM_FIELD_PTR (b, field, gboolean);
    case MIRIAM_FIELD_DATE:
      {
        const GDate *da = MIRIAM_FIELD_PTR (a, field, GDate);
        const GDate *db = MIRIAM_FIELD_PTR (b, field, GDate);

        if (!g_date_valid (da) || !g_date_valid (db))
          return g_date_valid (da) == g_date_valid (db);
        return g_date_compare (da, db) == 0;
      }
    default:
      g_assert_not_reached ();
    }
}

void
miriam_record_set_text (gpointer           record,
                        const MiriamField *field,
                        const char        *value)
{
  char **p = MIRIAM_FIELD_PTR (record, field, char *);

  g_return_if_fail (field->type == MIRIAM_FIELD_TEXT);

  g_free (*p);
  *p = g_strdup (value != NULL ? value : "");
}
